import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { MeView } from '../../contracts/auth';
import { ApiError, errorMessage } from '../api/client';
import { useSession } from '../api/session';
import { currentLocale } from '../i18n/setup';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TrainingBanner } from '../components/TrainingBanner';

interface LoginValues {
  username: string;
  password: string;
}

type LoginErrors = Partial<Record<keyof LoginValues, string>>;

/**
 * The sign-in contract's check, with the server's own messages (validation-messages.ts). It (and zod with
 * it) is fetched when the user first focuses the form, not before the form shows: on a slow link the page
 * is usable without it. The form is plain state, not react-hook-form, for the same reason.
 */
let loginCheck: Promise<(values: LoginValues) => LoginErrors> | null = null;
const loadLoginCheck = () =>
  (loginCheck ??= Promise.all([import('../../contracts/auth'), import('../../server/http/validation-messages')]).then(([contract, messages]) => (values: LoginValues) => {
    const result = contract.loginBody.safeParse(values);
    return result.success ? {} : (messages.fieldsFromIssues(result.error.issues, currentLocale()) as LoginErrors);
  }).catch((error: unknown) => {
    loginCheck = null; // not fetched (no connection): asked again at the next submit
    throw error;
  }));

export default function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useSession();
  const [challenge, setChallenge] = useState<string | null>(null);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const [values, setValues] = useState<LoginValues>({ username: '', password: '' });
  const [errors, setErrors] = useState<LoginErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const fields = { username: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const change = (name: keyof LoginValues) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [name]: value }));
  };
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  if (state.status === 'signed-in') return <Navigate to={target} replace />;

  const afterSignIn = (user: MeView) =>
    navigate(user.mustChangePassword ? '/password' : user.mustEnrolSecondFactor ? '/account/security' : target, { replace: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSubmitting(true);
    try {
      const found = (await loadLoginCheck())(values);
      setErrors(found);
      const first = (['username', 'password'] as const).find((name) => found[name]);
      if (first) {
        fields[first].current?.focus();
        return;
      }
      const step = await login(values.username.trim(), values.password);
      if (step.kind === 'second-factor') setChallenge(step.challengeToken);
      else afterSignIn(step.user);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

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
                setValues((previous) => ({ ...previous, password: '' }));
                setFailure(message);
              }}
            />
          ) : (
            <form onSubmit={submit} onFocus={() => void loadLoginCheck().catch(() => undefined)} noValidate>
              <Stack>
                <TextInput ref={fields.username} name="username" label={t('login.username')} autoComplete="username" value={values.username} onChange={change('username')} error={errors.username} />
                <PasswordInput ref={fields.password} name="password" label={t('login.password')} autoComplete="current-password" value={values.password} onChange={change('password')} error={errors.password} />
                <Button type="submit" loading={submitting}>
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
