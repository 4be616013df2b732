import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The header's search box: a case code, a file number, or (for who may read identity) a document or name. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  return (
    <form
      role="search"
      aria-label={t('search.label')}
      onSubmit={(e) => {
        e.preventDefault();
        const q = term.trim();
        if (q.length >= 2) navigate(`/search?q=${encodeURIComponent(q)}`);
      }}
    >
      <TextInput
        type="search"
        size="xs"
        w={{ base: 130, sm: 220 }}
        value={term}
        onChange={(e) => setTerm(e.currentTarget.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        maxLength={100}
        data-testid="header-search"
      />
    </form>
  );
}
