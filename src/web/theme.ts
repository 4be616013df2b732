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

/**
 * Text colours dark enough for WCAG AA (4.5:1) where Mantine's defaults are not: the "dimmed" grey, field
 * error messages (red 6 is 3.3:1 on white), and the text of light alerts and badges (`*-light-color`, shade 6
 * on its own 10 % tint: 1.8–2.9:1). Each replacement reaches at least 4.5:1 on the tint and on white.
 */
export const accessibleTextColors = {
  '--mantine-color-error': '#c92a2a',
  '--mantine-color-red-text': '#c92a2a',
  '--mantine-color-red-light-color': '#c92a2a',
  '--mantine-color-orange-text': '#b4410b',
  '--mantine-color-orange-light-color': '#b4410b',
  '--mantine-color-yellow-text': '#8a5a00',
  '--mantine-color-yellow-light-color': '#8a5a00',
  '--mantine-color-green-text': '#1e6b34',
  '--mantine-color-green-light-color': '#1e6b34',
  '--mantine-color-teal-text': '#087f5b',
  '--mantine-color-teal-light-color': '#087f5b',
  '--mantine-color-blue-text': '#1864ab',
  '--mantine-color-blue-light-color': '#1864ab',
  '--mantine-color-gray-light-color': '#495057',
} as const;

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057', '--mantine-color-placeholder': '#6b7079', ...accessibleTextColors },
  dark: {},
});
