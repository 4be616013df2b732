import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { passwordChangeBody } from '../../contracts/auth';
import { api } from '../api/client';
import { useContractForm } from '../api/use-contract-form';
import { useSession, useUser } from '../api/session';
import { ErrorSummary } from '../components/ErrorSummary';
import { PasswordField } from '../components/fields';

interface Values {
  currentPassword: string;
  newPassword: string;
}
const knownFields = ['currentPassword', 'newPassword'] as const;

export default function PasswordPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [done, setDone] = useState(false);
  const { form, submit, fail, summary } = useContractForm<Values>({ schema: passwordChangeBody, knownFields, defaultValues: { currentPassword: '', newPassword: '' } });

  const change = async (values: Values) => {
    try {
      await api.post('/api/v1/auth/password', values);
      setDone(true);
      form.reset();
      await refresh();
      if (user.mustChangePassword) navigate(user.mustEnrolSecondFactor ? '/account/security' : '/', { replace: true });
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Stack maw={480}>
      <Title order={1}>{t('password.title')}</Title>
      {user.mustChangePassword && (
        <Alert color="yellow" role="status">
          {t('auth.password_change_required', { ns: 'errors' })}
        </Alert>
      )}
      <Text size="sm">{t('password.policy')}</Text>
      {done && (
        <Alert color="green" role="status">
          {t('password.changed')}
        </Alert>
      )}
      <form onSubmit={submit(change)} noValidate>
        <Stack>
          <ErrorSummary {...summary} />
          <PasswordField control={form.control} errors={form.formState.errors} name="currentPassword" label={t('password.current')} autoComplete="current-password" />
          <PasswordField control={form.control} errors={form.formState.errors} name="newPassword" label={t('password.new')} />
          <Button type="submit" loading={form.formState.isSubmitting} w="fit-content">
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
