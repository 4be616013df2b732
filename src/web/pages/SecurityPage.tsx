import { Alert, Button, Code, Group, Image, List, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EnrolmentStart, SecondFactorStatus } from '../../contracts/auth';
import { api } from '../api/client';
import { useSession, useUser } from '../api/session';
import { ErrorAlert } from '../components/common';
import { useFormat } from '../i18n/format';

/** The user's own two-factor sign-in: set it up (QR code or key by hand, confirmed with a code), or again on a new device. */
export default function SecurityPage() {
  const { t } = useTranslation();
  const user = useUser();
  const status = useQuery({ queryKey: ['second-factor'], queryFn: () => api.get<SecondFactorStatus>('/api/v1/auth/second-factor') });
  const [enrolment, setEnrolment] = useState<EnrolmentStart | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  return (
    <Stack maw={560}>
      <Title order={1}>{t('security.title')}</Title>
      {user.mustEnrolSecondFactor && !recoveryCodes && (
        <Alert color="yellow" role="status">
          {t('auth.second_factor_required', { ns: 'errors' })}
        </Alert>
      )}
      <Text size="sm">{t('security.intro')}</Text>
      <ErrorAlert error={status.error} />
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} />
      ) : enrolment ? (
        <ConfirmEnrolment enrolment={enrolment} onConfirmed={setRecoveryCodes} onCancel={() => setEnrolment(null)} />
      ) : (
        status.data && <CurrentState status={status.data} onStarted={setEnrolment} />
      )}
    </Stack>
  );
}

function CurrentState({ status, onStarted }: { status: SecondFactorStatus; onStarted: (e: EnrolmentStart) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [password, setPassword] = useState('');
  const start = useMutation({
    mutationFn: () => api.post<EnrolmentStart>('/api/v1/auth/second-factor/enrolment', status.enrolled ? { currentPassword: password } : {}),
    onSuccess: onStarted,
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        {status.enrolled ? (
          <>
            <Text data-testid="second-factor-state">{t('security.enrolled_since', { date: f.date(status.enrolledAt) })}</Text>
            <Text size="sm">{t('security.codes_left', { n: status.recoveryCodesLeft })}</Text>
            <Text size="sm">{t('security.again_help')}</Text>
            <PasswordInput label={t('password.current')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          </>
        ) : (
          <Text data-testid="second-factor-state">{status.required ? t('security.not_enrolled_required') : t('security.not_enrolled')}</Text>
        )}
        <ErrorAlert error={start.error} />
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            {status.enrolled ? t('security.enrol_again') : t('security.enrol')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ConfirmEnrolment({ enrolment, onConfirmed, onCancel }: { enrolment: EnrolmentStart; onConfirmed: (codes: string[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/api/v1/auth/second-factor/enrolment/confirm', { code: code.replace(/\s/g, '') }),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: ['second-factor'] });
      onConfirmed(result.recoveryCodes);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text fw={500}>{t('security.step_scan')}</Text>
          <Image src={enrolment.qrCode} alt={t('security.qr_alt')} w={220} h={220} fit="contain" />
          <Text size="sm">{t('security.step_manual')}</Text>
          <Code block data-testid="totp-secret" aria-label={t('security.secret_label')}>
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Code>
          <TextInput label={t('security.step_code')} inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
          <ErrorAlert error={confirm.error} />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {t('security.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const navigate = useNavigate();
  return (
    <Paper withBorder p="md">
      <Stack>
        <Alert color="green" role="status">
          {t('security.enrolled')}
        </Alert>
        <Text fw={500}>{t('security.codes_title')}</Text>
        <Text size="sm">{t('security.codes_help')}</Text>
        <List data-testid="recovery-codes" ff="monospace">
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Group>
          <Button
            onClick={async () => {
              await refresh();
              navigate('/', { replace: true });
            }}
          >
            {t('security.codes_saved')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
