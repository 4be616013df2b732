import { Badge, Group, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useUser } from '../api/session';

/** Filters every inbox shares: a search by case code and "only my unit"; both reset paging. */
export function useInboxFilters() {
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [q, mine]);
  // Typed but not yet asked for: the list on screen still answers the previous search.
  const settling = text.trim() !== q;
  return { text, setText, q, mine, setMine, page, setPage, settling, query: { q: q || undefined, mine: mine ? ('true' as const) : undefined, page } };
}

/**
 * Whether the rows on screen answer other filters than those now chosen: the search is still being typed,
 * or the new answer is on its way and the previous one is shown meanwhile (placeholder data). Such rows are
 * shown but cannot be acted on (`inert`): a click would land on a row about to be replaced, and whatever it
 * opened would vanish with it.
 */
export const showsPreviousAnswer = (filters: { settling: boolean }, query: { isPlaceholderData: boolean }) => filters.settling || query.isPlaceholderData;

/**
 * Once the inbox has been shown, tells the server the user has looked at it: rows shown now keep their
 * "new" marker on this screen; next time only what arrived later is new.
 */
export function useMarkSeen(seen: string | (() => Promise<unknown>), loaded: boolean) {
  const done = useRef(false);
  // The inbox's typed `seen` call (api.inbox.…Seen), or its path.
  const mark = useMutation({ mutationFn: () => (typeof seen === 'string' ? api.post(seen) : seen()) });
  useEffect(() => {
    if (loaded && !done.current) {
      done.current = true;
      mark.mutate();
    }
  }, [loaded, mark]);
}

export function InboxToolbar({ filters, unseen }: { filters: ReturnType<typeof useInboxFilters>; unseen?: number }) {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <Group justify="space-between" wrap="wrap" mb="sm">
      <Group wrap="wrap">
        <TextInput
          type="search"
          label={t('inbox.search')}
          placeholder={t('inbox.search_placeholder')}
          value={filters.text}
          onChange={(e) => filters.setText(e.currentTarget.value)}
          maxLength={100}
          data-testid="inbox-search"
        />
        {user.unitId && <Switch mt="lg" label={t('inbox.mine')} checked={filters.mine} onChange={(e) => filters.setMine(e.currentTarget.checked)} />}
      </Group>
      {unseen !== undefined && unseen > 0 && <Badge color="indigo.8">{t('inbox.unseen', { count: unseen })}</Badge>}
    </Group>
  );
}

export function NewMarker({ isNew }: { isNew: boolean }) {
  const { t } = useTranslation();
  return isNew ? (
    <Badge size="xs" color="indigo.8" variant="filled" ml={4}>
      {t('inbox.new')}
    </Badge>
  ) : null;
}
