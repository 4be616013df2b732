import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Darker primary shades than the defaults, so text on buttons and links passes WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
  colors: {},
});

/** Mantine's "dimmed" grey is too light for WCAG AA on white: descriptions and hints use a darker one. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#6b7079' },
  dark: {},
});
