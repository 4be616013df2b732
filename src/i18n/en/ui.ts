/** English texts of the web app's screens (same keys as the Spanish catalogue). */
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
