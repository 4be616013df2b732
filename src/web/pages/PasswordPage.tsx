import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { passwordChangeBody } from '../../contracts/auth';
import { api, errorMessage } from '../api/client';
import { applyServerErrors, contractResolver } from '../api/forms';
import { useSession, useUser } from '../api/session';

interface Values {
  currentPassword: string;
  newPassword: string;
}

export default function PasswordPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<Values>({ resolver: contractResolver(passwordChangeBody), defaultValues: { currentPassword: '', newPassword: '' } });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await api.post('/api/v1/auth/password', values);
      setDone(true);
      form.reset();
      await refresh();
      if (user.mustChangePassword) navigate(user.mustEnrolSecondFactor ? '/account/security' : '/', { replace: true });
    } catch (error) {
      const rest = applyServerErrors(error, form.setError, ['currentPassword', 'newPassword']);
      setFailure(rest ?? errorMessage(error));
    }
  });

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
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput label={t('password.current')} autoComplete="current-password" {...form.register('currentPassword')} error={form.formState.errors.currentPassword?.message} />
          <PasswordInput label={t('password.new')} autoComplete="new-password" {...form.register('newPassword')} error={form.formState.errors.newPassword?.message} />
          <Button type="submit" loading={form.formState.isSubmitting} w="fit-content">
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
