/** Spanish texts of the web app's screens (nested; flattened to `section.key` when loaded). */
import shell from './ui/shell';
import cases from './ui/cases';
import justice from './ui/justice';
import protection from './ui/protection';
import field from './ui/field';
import statistics from './ui/statistics';
import admin from './ui/admin';

export default {
  ...shell,
  ...cases,
  ...justice,
  ...protection,
  ...field,
  ...statistics,
  ...admin,
} as const;
