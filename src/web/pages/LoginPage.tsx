import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { MeView } from '../../contracts/auth';
import { ApiError, errorMessage } from '../api/client';
import { lazyContractResolver } from '../api/forms';
import { useSession } from '../api/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TrainingBanner } from '../components/TrainingBanner';

interface LoginValues {
  username: string;
  password: string;
}

// The contract (and zod with it) is fetched while the user types, not before the form shows.
const loadLoginContract = () => import('../../contracts/auth').then((m) => m.loginBody);
const loginResolver = lazyContractResolver<LoginValues>(loadLoginContract);

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const [challenge, setChallenge] = useState<string | null>(null);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => void loadLoginContract(), []);
  const form = useForm<LoginValues>({ resolver: loginResolver, defaultValues: { username: '', password: '' } });
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  if (state.status === 'signed-in') return <Navigate to={target} replace />;

  const afterSignIn = (user: MeView) =>
    navigate(user.mustChangePassword ? '/password' : user.mustEnrolSecondFactor ? '/account/security' : target, { replace: true });

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const step = await login(values.username, values.password);
      if (step.kind === 'second-factor') setChallenge(step.challengeToken);
      else afterSignIn(step.user);
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
          {challenge ? (
            <SecondFactorStep
              challengeToken={challenge}
              onSignedIn={afterSignIn}
              onRestart={(message) => {
                setChallenge(null);
                form.setValue('password', '');
                setFailure(message);
              }}
            />
          ) : (
            <form onSubmit={submit} noValidate>
              <Stack>
                <TextInput label={t('login.username')} autoComplete="username" {...form.register('username')} error={form.formState.errors.username?.message} />
                <PasswordInput label={t('login.password')} autoComplete="current-password" {...form.register('password')} error={form.formState.errors.password?.message} />
                <Button type="submit" loading={form.formState.isSubmitting}>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          )}
          <Anchor component={Link} to="/open-data" size="sm">
            {t('login.open_data_link')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}

/** The second step: a code from the authenticator app, or one of the recovery codes. */
function SecondFactorStep({ challengeToken, onSignedIn, onRestart }: { challengeToken: string; onSignedIn: (user: MeView) => void; onRestart: (message: string) => void }) {
  const { t } = useTranslation();
  const { completeSecondFactor } = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      onSignedIn(await completeSecondFactor(challengeToken, useRecovery ? { recoveryCode: value } : { code: value.replace(/\s/g, '') }));
    } catch (error) {
      const code = error instanceof ApiError ? error.code : undefined;
      // A spent or expired challenge, or a lock, means starting again from the password.
      if (code === 'auth.challenge_invalid' || code === 'auth.locked') onRestart(errorMessage(error));
      else setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{useRecovery ? t('login.recovery_help') : t('login.code_help')}</Text>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {useRecovery ? (
          <TextInput key="recovery" label={t('login.recovery_code')} autoComplete="off" value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus />
        ) : (
          <TextInput key="code" label={t('login.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus />
        )}
        <Button type="submit" loading={busy}>
          {t('login.verify')}
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setValue('');
            setFailure(null);
          }}
        >
          {useRecovery ? t('login.use_code') : t('login.use_recovery')}
        </Anchor>
      </Stack>
    </form>
  );
}
