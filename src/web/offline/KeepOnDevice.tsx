import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../contracts/cases';
import { isUnlocked } from './device-store';
import { forgetCase, isKept, keepCase } from './kept';
import { useDeviceStatus } from './useDeviceStatus';

/** "Keep on this device" on a case: an encrypted copy as the user sees it, for reading and editing offline. */
export function KeepOnDevice({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { online } = useDeviceStatus();
  const [kept, setKept] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    void isKept(c.id).then((value) => alive && setKept(value)).catch(() => alive && setKept(false));
    return () => {
      alive = false;
    };
  }, [c.id]);
  if (!isUnlocked() || kept === null) return null;
  return (
    <>
      {!online && kept && <Alert color="orange" role="status" p="xs">{t('offline.kept_copy')}</Alert>}
      <Group gap="xs">
        {kept ? (
          <Button size="xs" variant="default" data-testid="forget-case" onClick={() => void forgetCase(c.id).then(() => setKept(false))}>{t('offline.forget')}</Button>
        ) : (
          <Button size="xs" variant="light" data-testid="keep-case" onClick={() => void keepCase(c).then(() => setKept(true))}>{t('offline.keep')}</Button>
        )}
        <Text size="xs" c="dark.4">{kept ? t('offline.kept') : t('offline.keep_help')}</Text>
      </Group>
    </>
  );
}
