import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCESS_REASON_TEXT_MAX, ACCESS_REASON_TEXT_MIN, checkAccessReason, formatAccessReason, parseAccessReason } from '../../core/access-reason';
import { CodeSelect } from './common';

/**
 * Asks once per case view why identifying data is needed, and says that the access is recorded: a reason
 * from the list (src/core/codes.ts `accessReasons`) plus an optional description, required for "other".
 * The reason is kept in memory only (never stored on the device) and sent with each identity read in the
 * form the server checks and records (`code` or `code: text`).
 */
export function AccessReasonModal({ opened, onClose, onConfirm }: { opened: boolean; onClose: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const checked = code ? checkAccessReason(code, text) : 'unknown_code';
  const codeError = touched && checked === 'unknown_code' ? t('required', { ns: 'validation' }) : undefined;
  const textError =
    touched && checked === 'text_required'
      ? t('access.text_required', { minimum: ACCESS_REASON_TEXT_MIN })
      : touched && checked === 'text_too_long'
        ? t('too_big_string', { ns: 'validation', maximum: ACCESS_REASON_TEXT_MAX })
        : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={t('access.title')} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (typeof checked !== 'string') onConfirm(formatAccessReason(checked));
        }}
      >
        <Stack>
          <Alert color="yellow" p="xs">
            <Text size="sm">{t('access.recorded')}</Text>
          </Alert>
          <CodeSelect
            list="accessReasons"
            label={t('access.reason')}
            value={code}
            onChange={setCode}
            error={codeError}
            required
            data-autofocus
          />
          <Textarea
            label={t('access.details')}
            description={t('access.reason_help')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={textError}
            required={code === 'other'}
            maxLength={ACCESS_REASON_TEXT_MAX}
            rows={3}
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

/** A stated reason as people read it: "Prosecution — hearing on 12 May". */
export function useAccessReasonLabel() {
  const { t } = useTranslation();
  return (value: string) => {
    const reason = parseAccessReason(value);
    if (typeof reason === 'string') return value;
    const label = t(`accessReasons.${reason.code}`, { ns: 'codes', defaultValue: reason.code });
    return reason.text ? `${label} — ${reason.text}` : label;
  };
}
