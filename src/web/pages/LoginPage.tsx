import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginBody } from '../../contracts/auth';
import { errorMessage } from '../api/client';
import { contractResolver } from '../api/forms';
import { useSession } from '../api/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TrainingBanner } from '../components/TrainingBanner';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<LoginValues>({ resolver: contractResolver(loginBody), defaultValues: { username: '', password: '' } });
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  if (state.status === 'signed-in') return <Navigate to={target} replace />;

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const user = await login(values.username, values.password);
      navigate(user.mustChangePassword ? '/password' : target, { replace: true });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <TrainingBanner />
          <Group justify="space-between">
            <Title order={1} size="h2">
              RETA
            </Title>
            <LanguageSwitch />
          </Group>
          <Text size="sm">{t('app.full_name')}</Text>
          {params.get('expired') && (
            <Alert color="yellow" title={t('login.expired_title')} role="status">
              {t('auth.session_expired', { ns: 'errors' })}
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput label={t('login.username')} autoComplete="username" {...form.register('username')} error={form.formState.errors.username?.message} />
              <PasswordInput label={t('login.password')} autoComplete="current-password" {...form.register('password')} error={form.formState.errors.password?.message} />
              <Button type="submit" loading={form.formState.isSubmitting}>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
          <Anchor component={Link} to="/open-data" size="sm">
            {t('login.open_data_link')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
