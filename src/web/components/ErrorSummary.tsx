import { Alert, List, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  path: string;
  message: string;
  label?: string;
}

/**
 * The problems of a failed submit, at the top of the form: takes focus when shown (after each failed
 * submit, `attempt`), so keyboard and screen-reader users land on it; each item links to its field.
 */
export function ErrorSummary({ items, attempt, onSelect, extra }: { items: SummaryItem[]; attempt: number; onSelect: (path: string) => void; extra?: string | null }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const focusedAttempt = useRef(0);
  const visible = items.length > 0 || Boolean(extra);
  useEffect(() => {
    // Focus once per failed submit (when the summary is there), not while the user corrects fields.
    if (attempt > focusedAttempt.current && visible && box.current) {
      focusedAttempt.current = attempt;
      box.current.focus();
    }
  }, [attempt, visible]);
  if (!visible) return null;
  return (
    <Alert ref={box} tabIndex={-1} color="red" role="alert" aria-labelledby="error-summary-title" mb="md" data-testid="error-summary">
      <Text id="error-summary-title" fw={700} mb={items.length ? 'xs' : 0}>
        {items.length ? t('form.error_summary.title', { count: items.length }) : extra}
      </Text>
      {items.length > 0 && (
        <List size="sm">
          {items.map((item) => (
            <List.Item key={item.path}>
              <a
                href={`#${item.path}`}
                onClick={(event) => {
                  event.preventDefault();
                  onSelect(item.path);
                }}
              >
                {item.label ? `${item.label}: ${item.message}` : item.message}
              </a>
            </List.Item>
          ))}
        </List>
      )}
      {items.length > 0 && extra && <Text size="sm" mt="xs">{extra}</Text>}
    </Alert>
  );
}
