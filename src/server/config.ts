import { dirname, join, resolve } from 'node:path';

/** Everything the server reads from the environment, parsed once at start-up. */
export interface Config {
  host: string;
  port: number;
  /** PGlite data directory, used when no databaseUrl is given. */
  dataDir: string;
  /** postgres://… — when set, a PostgreSQL server is used instead of PGlite. */
  databaseUrl?: string;
  /**
   * postgres://… of a read replica (RETA_READ_DATABASE_URL, PostgreSQL streaming replication): statistics and
   * reports read there; every write, and the facts refresh a statistics read starts with, go to databaseUrl.
   */
  readDatabaseUrl?: string;
  /** base64 of 32 bytes; when absent a key file is used (created on first start). */
  encryptionKey?: string;
  keyFile: string;
  adminPassword?: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  /** Failed sign-ins from one source address before its attempts are delayed progressively. */
  loginSourceMaxFailures: number;
  /** Proxy addresses/CIDRs whose X-Forwarded-For is believed (RETA_TRUST_PROXY); none by default. */
  trustProxy: string[];
  /** Roles that must sign in with a second factor (RETA_2FA_ROLES). */
  twoFactorRoles: string[];
  /** Counts from 1 to this value minus one are suppressed in public figures (domain rule 7). */
  disclosureThreshold: number;
  staleDays: number;
  /** Days the web app keeps drafts, queued work and cases on a device without contact (RETA_OFFLINE_DAYS). */
  offlineDays: number;
  /** Largest upload the import takes (RETA_IMPORT_MAX_MB), in bytes. */
  importMaxBytes: number;
  /** Run background jobs (imports…) in this process (RETA_JOBS=0 turns it off, e.g. on API-only instances). */
  runJobs: boolean;
  /** Days a finished job (its report or export file, an import's upload) is kept before housekeeping removes it (RETA_JOB_RESULT_DAYS). */
  jobResultDays: number;
  /** Duplicate scans one user may run per hour (RETA_MATCH_SCANS_PER_HOUR); more answer 429. */
  matchScansPerHour: number;
  demoMode: boolean;
  /** Password of the demo accounts (`RETA_DEMO_PASSWORD`); when unset each demo generates one and prints it once. */
  demoPassword?: string;
  logLevel: string;
  /** Set behind TLS so the session cookie carries `Secure`. */
  secureCookies: boolean;
  webDir: string;
  /** base64 of 32 bytes: the key of the audit log's HMAC chain; when absent a key file is used. */
  auditKey?: string;
  auditKeyFile: string;
  /** Ed25519 private key (PEM) that signs audit anchors; created beside the audit key on first use. */
  auditSigningKeyFile: string;
  /** Where signed checkpoints of the audit chain are written, outside the database. */
  auditAnchorDir: string;
  /** Minutes between automatic anchors while serving; 0 turns them off. */
  auditAnchorEveryMinutes: number;
  /** Where online backups go (`reta backup`, the admin page, the schedule). */
  backupDir: string;
  /** Minutes between scheduled backups while the server runs; 0 = none. */
  backupEveryMinutes: number;
  /** Scheduled and on-demand backups kept in `backupDir`; older ones are deleted. */
  backupKeep: number;
  /** Bearer token for `/metrics` (RETA_METRICS_TOKEN); unset: `/metrics` answers only local connections. */
  metricsToken?: string;
  /** Seconds between webhook delivery rounds while serving (RETA_WEBHOOK_INTERVAL_SECONDS); 0 turns delivery off. */
  webhookIntervalSeconds: number;
  /** Consecutive failed deliveries after which a webhook is disabled (RETA_WEBHOOK_MAX_FAILURES). */
  webhookMaxFailures: number;
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isFinite(parsed)) throw new Error(`Expected a whole number, got "${value}"`);
  return parsed;
}

/** A comma list; an unset variable takes the fallback, an empty one means none. */
function list(value: string | undefined, fallback: string): string[] {
  return (value ?? fallback).split(',').map((item) => item.trim()).filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.RETA_DATA_DIR ?? './data');
  return {
    host: env.RETA_HOST ?? '127.0.0.1',
    port: int(env.RETA_PORT, 3000),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    readDatabaseUrl: env.RETA_READ_DATABASE_URL || undefined,
    encryptionKey: env.RETA_ENCRYPTION_KEY || undefined,
    keyFile: resolve(env.RETA_KEY_FILE ?? './reta.key'),
    adminPassword: env.RETA_ADMIN_PASSWORD || undefined,
    sessionIdleMinutes: int(env.RETA_SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: int(env.RETA_SESSION_ABSOLUTE_HOURS, 12),
    loginMaxFailures: int(env.RETA_LOGIN_MAX_FAILURES, 5),
    loginLockoutMinutes: int(env.RETA_LOGIN_LOCKOUT_MINUTES, 15),
    loginSourceMaxFailures: int(env.RETA_LOGIN_SOURCE_MAX_FAILURES, 20),
    trustProxy: list(env.RETA_TRUST_PROXY, ''),
    twoFactorRoles: list(env.RETA_2FA_ROLES, 'administrator,supervisor'),
    disclosureThreshold: int(env.RETA_DISCLOSURE_THRESHOLD, 10),
    staleDays: int(env.RETA_STALE_DAYS, 90),
    offlineDays: int(env.RETA_OFFLINE_DAYS, 7),
    importMaxBytes: int(env.RETA_IMPORT_MAX_MB, 50) * 1024 * 1024,
    runJobs: env.RETA_JOBS !== '0',
    jobResultDays: int(env.RETA_JOB_RESULT_DAYS, 7),
    matchScansPerHour: int(env.RETA_MATCH_SCANS_PER_HOUR, 30),
    demoMode: env.RETA_DEMO === '1' || env.RETA_DEMO === 'true',
    demoPassword: env.RETA_DEMO_PASSWORD || undefined,
    logLevel: env.RETA_LOG_LEVEL ?? 'info',
    secureCookies: env.RETA_SECURE_COOKIES === '1' || env.RETA_SECURE_COOKIES === 'true',
    webDir: resolve(env.RETA_WEB_DIR ?? 'dist/web'),
    ...auditConfig(env),
    metricsToken: env.RETA_METRICS_TOKEN || undefined,
    webhookIntervalSeconds: int(env.RETA_WEBHOOK_INTERVAL_SECONDS, 15),
    webhookMaxFailures: int(env.RETA_WEBHOOK_MAX_FAILURES, 8),
  };
}

function auditConfig(env: NodeJS.ProcessEnv) {
  const auditKeyFile = resolve(env.RETA_AUDIT_KEY_FILE || './reta-audit.key');
  return {
    auditKey: env.RETA_AUDIT_KEY || undefined,
    auditKeyFile,
    auditSigningKeyFile: resolve(env.RETA_AUDIT_SIGNING_KEY_FILE || join(dirname(auditKeyFile), 'reta-audit-signing.key')),
    auditAnchorDir: resolve(env.RETA_AUDIT_ANCHOR_DIR || './audit-anchors'),
    auditAnchorEveryMinutes: int(env.RETA_AUDIT_ANCHOR_EVERY, 60),
    backupDir: resolve(env.RETA_BACKUP_DIR || './backups'),
    backupEveryMinutes: int(env.RETA_BACKUP_EVERY, 0),
    backupKeep: Math.max(1, int(env.RETA_BACKUP_KEEP, 7)),
  };
}
