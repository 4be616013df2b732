import { MantineProvider, mergeThemeOverrides, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The app's Mantine provider with the labels Mantine's own controls need in the reader's language: the
 * clear (×) button of every clearable picker, the remove (×) button of a chosen option in a multi-select and
 * the close (×) button of drawers, modals and alerts are
 * otherwise buttons without a name for screen readers.
 */
export function LocalisedMantineProvider({ theme, cssVariablesResolver, children }: { theme: MantineThemeOverride; cssVariablesResolver?: CSSVariablesResolver; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const localised = useMemo(() => {
    const clearable = { defaultProps: { clearButtonProps: { 'aria-label': t('common.clear') } } };
    const closable = { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } };
    return mergeThemeOverrides(theme, {
      components: {
        Select: clearable, MultiSelect: clearable, Autocomplete: clearable, FileInput: clearable,
        Drawer: closable, Modal: closable, Alert: { defaultProps: { closeButtonLabel: t('common.close') } },
        Pill: { defaultProps: { removeButtonProps: { 'aria-label': t('common.remove') } } },
      },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theme, i18n.language]);
  return (
    <MantineProvider theme={localised} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}
