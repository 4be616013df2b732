import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';

/**
 * With no connection and work kept on this device: the password opens the encrypted store (the key wrapped
 * under it at the last sign-in), and the app works from there until the connection returns.
 */
export default function UnlockPage({ username, onOtherAccount }: { username: string; onOtherAccount: () => void }) {
  const { t } = useTranslation();
  const { unlock } = useSession();
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailed(!(await unlock(password)));
    setBusy(false);
  };
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h2">{t('offline.unlock_title')}</Title>
            <Text>{t('offline.unlock_intro', { username })}</Text>
            <PasswordInput label={t('login.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required data-autofocus />
            {failed && <Alert color="red" role="alert">{t('offline.unlock_failed')}</Alert>}
            <Button type="submit" loading={busy}>{t('offline.unlock_submit')}</Button>
            <Anchor component="button" type="button" onClick={onOtherAccount}>{t('offline.other_account')}</Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
