import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { buildApp } from '../../server/app';
import { openRegistry, prepareRegistry, type Registry } from '../../server/bootstrap';
import { loadConfig, type Config } from '../../server/config';
import { DemoRefusedError, generateDemoData } from '../../server/demo/generator';
import { readDemoMarker } from '../../server/demo/marker';
import { createProgressBar } from '../../server/demo/progress';
import { resetDemoData } from '../../server/demo/reset';
import { reportFailure } from '../run';

interface DemoFlags {
  victims: string;
  seed: string;
  reset?: boolean;
  serve: boolean;
  asOf?: string;
}

/** Builds the web bundle in the background while the data is generated (both finish well within a minute). */
function buildWebInBackground(): Promise<boolean> {
  const script = fileURLToPath(new URL('../../../scripts/ensure-web-build.mjs', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}

/** Generates (or keeps) the data; returns the demo accounts' password when this run made it. */
async function fill(registry: Registry, flags: DemoFlags, config: Config): Promise<string | undefined> {
  const { deps } = registry;
  if (flags.reset) {
    await resetDemoData(deps);
    // The reset removed every account, so the administrator is made again (and printed if generated).
    const again = await prepareRegistry(deps.config, deps.database);
    registry.generatedAdminPassword = again.generatedAdminPassword;
  } else {
    const marker = await readDemoMarker(deps.db);
    if (marker?.state === 'complete') {
      console.log('The database already holds synthetic training data; use --reset to generate it again.');
      return undefined;
    }
    if (marker) {
      throw new DemoRefusedError(
        `The generation of this demo database (seed ${marker.seed}, ${marker.victims} victims, started ${marker.startedAt}) was interrupted before it finished. ` +
          `Run \`reta demo --reset\` (npm run demo -- --reset) to wipe it and generate it again.`,
      );
    }
  }
  const victims = Number.parseInt(flags.victims, 10);
  const seed = Number.parseInt(flags.seed, 10);
  if (!Number.isFinite(victims) || victims < 1 || !Number.isFinite(seed)) throw new DemoRefusedError('--victims must be a positive whole number and --seed a whole number');
  const bar = createProgressBar('victims', victims);
  const summary = await generateDemoData(deps, {
    victims,
    seed,
    asOf: flags.asOf ? new Date(`${flags.asOf}T00:00:00Z`) : undefined,
    password: config.demoPassword,
    onProgress: (done) => bar.update(done),
  });
  bar.done();
  const rows = Object.entries(summary.rows).map(([t, k]) => `${t} ${k}`).join(', ');
  console.log(`Synthetic training data (seed ${summary.seed}, up to ${summary.asOf}) in ${summary.seconds.toFixed(1)} s: ${rows}.`);
  return summary.password;
}

function printAccounts(registry: Registry, password: string | undefined, config: Config) {
  console.log('\nDemo accounts — TRAINING DATA ONLY, every one with the password below:');
  if (password) console.log(`  password: ${password}${config.demoPassword ? ' (RETA_DEMO_PASSWORD)' : ' (generated for this demo; shown only now)'}`);
  else console.log('  password: the one printed when this demo was generated (or RETA_DEMO_PASSWORD then); `reta demo --reset` makes a new one');
  console.log('  users:    demo-administrator, demo-registrar, demo-investigator, demo-prosecutor, demo-court-clerk,');
  console.log('            demo-social-worker, demo-hotline-operator, demo-labour-inspector, demo-analyst, demo-supervisor');
  if (registry.generatedAdminPassword) console.log(`  admin:    admin / ${registry.generatedAdminPassword} (must be changed at first login)`);
}

async function serveDemo(registry: Registry, config: Config, webReady: Promise<boolean>, password: string | undefined) {
  await webReady;
  const app = await buildApp(registry.deps, { logger: { level: config.logLevel } });
  const shutdown = async () => {
    await app.close();
    await registry.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ host: config.host, port: config.port });
  console.log(`\nRETA (DEMO MODE — synthetic training data) is serving http://${config.host}:${config.port}`);
  printAccounts(registry, password, config);
}

export function registerDemoCommand(program: Command) {
  program
    .command('demo')
    .description('fill an empty database with synthetic training data, then serve it in demo mode')
    .option('--victims <n>', 'how many victims to generate', '3000')
    .option('--seed <s>', 'seed of the generator: the same seed gives the same data', '1')
    .option('--as-of <date>', 'the generated history ends on this day (YYYY-MM-DD, default today)')
    .option('--reset', 'wipe the synthetic data of a demo database first')
    .option('--no-serve', 'generate only; do not start the server')
    .action(async (flags: DemoFlags) => {
      const config: Config = { ...loadConfig(), demoMode: true };
      const webReady = flags.serve ? buildWebInBackground() : Promise.resolve(true);
      let registry: Registry | undefined;
      let password: string | undefined;
      try {
        registry = await openRegistry(config, 'reta demo');
        password = await fill(registry, flags, config);
      } catch (error) {
        await registry?.close();
        reportFailure(error);
      }
      if (!flags.serve) {
        printAccounts(registry, password, config);
        await registry.close();
        return;
      }
      await serveDemo(registry, config, webReady, password);
    });
}
