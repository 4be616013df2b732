import { Alert, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { CaseCreate } from '../../../contracts/cases';
import { useFormat } from '../../i18n/format';

type Person = NonNullable<NonNullable<CaseCreate['victims']>[number]['person']>;

/**
 * Right after registering: the names and documents the registrar herself typed, shown back from what this
 * tab sent (no reading of identity from the server, so no reason to ask). Taken out of the browser history
 * at once, so it is shown this one time and never to whoever uses the tab later.
 */
export function EnteredSummary() {
  const { t } = useTranslation();
  const f = useFormat();
  const location = useLocation();
  const [entered] = useState(() => (location.state as { entered?: CaseCreate } | null)?.entered ?? null);
  useEffect(() => {
    // Out of the browser's session history (the router keeps its state under `usr`), without navigating.
    const state = window.history.state as { usr?: Record<string, unknown> } | null;
    if (state?.usr?.entered) window.history.replaceState({ ...state, usr: { ...state.usr, entered: undefined } }, '');
  }, []);
  if (!entered) return null;
  const line = (person: Person | undefined) => {
    const id = person?.identity;
    if (!id) return null;
    const name = [id.givenNames, id.familyNames].filter(Boolean).join(' ');
    const document = id.document ? `${f.code('documentTypes', id.document.type)} ${id.document.number}` : null;
    const text = [name, document, id.birthDate ? f.date(id.birthDate) : null, id.address].filter(Boolean).join(' · ');
    return text || null;
  };
  const items = [
    ...(entered.victims ?? []).map((v, i) => ({ key: `v${i}`, who: t('case.register.victim_label', { n: i + 1 }), text: line(v.person) })),
    ...(entered.suspects ?? []).map((s, i) => ({ key: `s${i}`, who: t('case.register.suspect_label', { n: i + 1 }), text: line(s.person) })),
  ].filter((item) => item.text);
  if (items.length === 0) return null;
  return (
    <Alert color="gray" data-testid="entered-summary">
      <Text fw={700} size="sm" mb="xs">{t('case.register.entered_title')}</Text>
      <List size="sm">
        {items.map((item) => (
          <List.Item key={item.key}>{`${item.who}: ${item.text}`}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
