import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { userCreate } from '../../contracts/admin';
import { institutions, units, users } from '../../db/schema';
import { createAdminService } from '../../server/admin/admin.service';
import { generatePassword } from '../../server/auth/passwords';
import { createApiTokenService } from '../../server/auth/api-token.service';
import { createSecondFactorService } from '../../server/auth/second-factor.service';
import { systemCtx } from '../../server/context';
import type { Deps } from '../../server/deps';
import { reportFailure, withRegistry } from '../run';

async function findUser(deps: Deps, username: string) {
  const [user] = await deps.db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) throw new Error(`No user named "${username}"`);
  return user;
}

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('manage user accounts');
  user
    .command('create')
    .description('create a user (prints a generated first password unless --password is given)')
    .requiredOption('--username <name>')
    .requiredOption('--institution <code>', 'institution code')
    .requiredOption('--roles <roles>', 'comma-separated roles, e.g. registrar,investigator')
    .option('--name <display name>')
    .option('--unit <code>', 'unit code')
    .option('--departments <codes>', 'comma-separated department codes (default: national scope)')
    .option('--password <password>')
    .option('--service-account', 'an integration account that uses API tokens')
    .action(async (opts) => {
      try {
        await withRegistry('user create', async ({ deps }) => {
          const [institution] = await deps.db.select().from(institutions).where(eq(institutions.code, opts.institution)).limit(1);
          if (!institution) throw new Error(`No institution with code "${opts.institution}"`);
          const [unit] = opts.unit ? await deps.db.select().from(units).where(eq(units.code, opts.unit)).limit(1) : [];
          if (opts.unit && !unit) throw new Error(`No unit with code "${opts.unit}"`);
          const password = opts.serviceAccount ? undefined : (opts.password ?? generatePassword());
          const input = userCreate.parse({
            username: opts.username,
            displayName: opts.name ?? opts.username,
            institutionId: institution.id,
            unitId: unit?.id,
            roles: list(opts.roles),
            scope: opts.departments ? { national: false, departments: list(opts.departments) } : { national: true, departments: [] },
            password,
            isServiceAccount: Boolean(opts.serviceAccount),
          });
          const created = await createAdminService(deps).createUser(systemCtx('cli'), input);
          console.log(`Created user ${created.username}.`);
          if (password && !opts.password) console.log(`First password (shown once, must be changed at first login): ${password}`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });
  user
    .command('reset-password <username>')
    .description('set a new password (generated unless --password is given); the user must change it at next login')
    .option('--password <password>')
    .action(async (username: string, opts) => {
      try {
        await withRegistry('user reset-password', async ({ deps }) => {
          const target = await findUser(deps, username);
          const password = opts.password ?? generatePassword();
          await createAdminService(deps).resetPassword(systemCtx('cli'), target.id, password);
          console.log(`Password of ${username} reset.${opts.password ? '' : ` New password (shown once): ${password}`}`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });
  user
    .command('disable <username>')
    .description('disable an account and end its sessions')
    .action(async (username: string) => {
      try {
        await withRegistry('user disable', async ({ deps }) => {
          const target = await findUser(deps, username);
          await createAdminService(deps).updateUser(systemCtx('cli'), target.id, { disabled: true, version: target.version });
          console.log(`User ${username} disabled.`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });

  user
    .command('2fa-reset <username>')
    .description("remove a user's second factor and recovery codes and end their sessions (audited); they enrol again at next sign-in")
    .action(async (username: string) => {
      try {
        await withRegistry('user 2fa-reset', async ({ deps }) => {
          const target = await findUser(deps, username);
          await createSecondFactorService(deps).reset(systemCtx('cli'), target.id);
          console.log(`Second factor of ${username} reset: they set it up again at their next sign-in.`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });

  const token = program.command('token').description('API tokens for integrations');
  token
    .command('create')
    .description('create an API token for a service account; the token is shown once')
    .requiredOption('--user <username>', 'the service account')
    .requiredOption('--name <name>', 'what the token is for')
    .action(async (opts) => {
      try {
        await withRegistry('token create', async ({ deps }) => {
          const target = await findUser(deps, opts.user);
          const created = await createApiTokenService(deps).create(systemCtx('cli'), { userId: target.id, name: opts.name });
          console.log(`Token "${created.name}" for ${opts.user} (shown once; send as "Authorization: Bearer <token>"):\n${created.token}`);
        });
      } catch (error) {
        reportFailure(error);
      }
    });
}
