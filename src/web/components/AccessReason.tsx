import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks once per case view why identifying data is needed, and says that the access is recorded.
 * The reason is kept in memory only (never stored on the device) and sent with each identity read.
 */
export function AccessReasonModal({ opened, onClose, onConfirm }: { opened: boolean; onClose: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < 3;
  return (
    <Modal opened={opened} onClose={onClose} title={t('access.title')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!tooShort) onConfirm(reason.trim());
        }}
      >
        <Stack>
          <Alert color="yellow" p="xs">
            <Text size="sm">{t('access.recorded')}</Text>
          </Alert>
          <Textarea
            label={t('access.reason')}
            description={t('access.reason_help')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && tooShort ? t('too_small_string', { ns: 'validation', minimum: 3 }) : undefined}
            maxLength={200}
            data-autofocus
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('access.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
