import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type MadeUser } from '../../../test/factories';
import { createTestRegistry, type TestRegistry } from '../../../test/registry';
import { loadActor } from '../auth/actor';
import { hotlineCalls, institutions, justiceEvents, operations, referrals } from '../../db/schema';
import type { Ctx } from '../context';
import { createJobRunner } from '../jobs/job.runner';
import { createImportJobHandler, type ImportResult } from './import.job';
import { createImportService, IMPORT_JOB } from './import.service';
import { workbook } from './import.test-helpers';
import { toHtcdsCase } from '../../core/htcds/records';

/**
 * Issue 12: the sheets whose records point at others by the sender's own numbers — justice events (per
 * defendant), referrals (per victim), hotline calls and operations — go through the same services and the
 * same upsert helper as the API, with their rules checked by the dry run.
 */
let registry: TestRegistry;
let police: MadeUser;
let ctx: Ctx;
let prosecutionCode: string;
let servicesCode: string;
beforeAll(async () => {
  registry = await createTestRegistry();
  police = await makeUser(registry, { roles: ['investigator', 'hotline_operator'] });
  const prosecutor = await makeUser(registry, { roles: ['prosecutor'] });
  const socialWorker = await makeUser(registry, { roles: ['social_worker'] });
  const codeOf = async (id: string) => (await registry.deps.db.select({ code: institutions.code }).from(institutions).where(eq(institutions.id, id)))[0]!.code;
  prosecutionCode = await codeOf(prosecutor.institutionId);
  servicesCode = await codeOf(socialWorker.institutionId);
  ctx = { actor: (await loadActor(registry.deps.db, police.id))!, requestId: 'test', locale: 'en' };
});
afterAll(() => registry.close());

const tag = () => randomBytes(3).toString('hex');
const service = () => createImportService(registry.deps);

async function runImport(file: Buffer, fileName = 'registro.xlsx') {
  const job = await service().start(ctx, file, { fileName });
  await createJobRunner(registry.deps, { [IMPORT_JOB]: createImportJobHandler(registry.deps) }).drain();
  const done = await service().get(ctx, job.id);
  expect(done.status, JSON.stringify(done.error)).toBe('done');
  return done.result as ImportResult;
}

const eventHeaders = ['id_externo', 'id_externo_caso', 'id_externo_imputado', 'tipo_evento', 'fecha', 'institucion_receptora', 'articulos', 'decision'];
const referralHeaders = ['id_externo', 'id_externo_caso', 'id_externo_victima', 'institucion_destino', 'tipo_servicio', 'fecha_solicitud', 'consentimiento'];
const callHeaders = ['id_externo', 'fecha_hora', 'canal', 'tipo_llamante', 'clasificacion', 'ubigeo', 'resumen'];
const operationHeaders = ['id_externo', 'fecha', 'tipo', 'ubigeo', 'personas_encontradas', 'menores_encontrados', 'victimas_identificadas', 'detenidos'];

function book(t: string, changes: { summary?: string; arrestOn?: string } = {}) {
  return workbook({
    casos: [['id_externo', 'fuente', 'fecha_denuncia', 'conductas', 'finalidades'], [`C-${t}`, 'complaint', '2026-01-10', 'recruitment', 'forced_labour']],
    imputados: [['id_externo', 'id_externo_caso', 'sexo'], [`S-${t}`, `C-${t}`, 'male']],
    victimas: [['id_externo', 'id_externo_caso', 'sexo', 'edad', 'consiente_servicios'], [`V-${t}`, `C-${t}`, 'female', 19, 'si']],
    // Written out of date order on purpose: the run appends a defendant's events in date order.
    eventos_justicia: [
      eventHeaders,
      [`E-${t}-2`, `C-${t}`, `S-${t}`, 'police_report_sent', '2026-01-25', prosecutionCode, '129-A', ''],
      [`E-${t}-1`, `C-${t}`, `S-${t}`, 'arrest', changes.arrestOn ?? '2026-01-20', '', '', ''],
    ],
    derivaciones: [referralHeaders, [`R-${t}`, `C-${t}`, `V-${t}`, servicesCode, 'psychological', '2026-01-21', '']],
    llamadas: [callHeaders, [`L-${t}`, '2026-01-05T10:00:00Z', 'phone', 'anonymous', 'information_request', '15', changes.summary ?? 'asked about a job offer']],
    operativos: [operationHeaders, [`O-${t}`, '2026-01-08', 'rescue', '15', 4, 1, 2, 1]],
  });
}

const tally = (created: number, unchanged = 0, updated = 0, refused = 0) => ({ created, updated, unchanged, conflict: 0, refused });

describe('importing justice events, referrals, hotline calls and operations', () => {
  it('linked by the sender’s numbers: a dry run finds nothing wrong, the run creates them, the same file again writes nothing', async () => {
    const t = tag();
    const report = await service().dryRun(ctx, await book(t), { fileName: 'x.xlsx' });
    expect(report.errors, JSON.stringify(report.errors)).toEqual([]);
    expect(report.entities.justice_events).toEqual({ rows: 2, existing: 0, new: 2 });

    const first = await runImport(await book(t));
    expect(first.refused, JSON.stringify(first.refused)).toEqual([]);
    expect(first.entities.justice_events).toEqual(tally(2));
    expect(first.entities.referrals).toEqual(tally(1));
    expect(first.entities.hotline_calls).toEqual(tally(1));
    expect(first.entities.operations).toEqual(tally(1));

    const again = await runImport(await book(t));
    for (const entity of ['cases', 'victims', 'suspects', 'justice_events', 'referrals', 'hotline_calls', 'operations'] as const) expect(again.entities[entity], entity).toEqual(tally(0, 1 + Number(entity === 'justice_events')));
    const n = async (table: typeof justiceEvents | typeof referrals | typeof hotlineCalls | typeof operations, where: ReturnType<typeof eq>) =>
      Number((await registry.deps.db.select({ n: count() }).from(table).where(where))[0]!.n);
    expect(await n(justiceEvents, and(eq(justiceEvents.institutionId, police.institutionId), eq(justiceEvents.externalId, `E-${t}-1`))!)).toBe(1);
    expect(await n(referrals, eq(referrals.externalId, `R-${t}`))).toBe(1);
    expect(await n(hotlineCalls, eq(hotlineCalls.externalId, `L-${t}`))).toBe(1);
    expect(await n(operations, eq(operations.externalId, `O-${t}`))).toBe(1);
    const dry = await service().dryRun(ctx, await book(t), { fileName: 'x.xlsx' });
    expect(dry.errors).toEqual([]);
    expect(dry.entities.referrals).toEqual({ rows: 1, existing: 1, new: 0 });

    // A changed call updates it; a changed event is refused (events are appended, never edited).
    const changed = await runImport(await book(t, { summary: 'reported a bar in the district', arrestOn: '2026-01-19' }));
    expect(changed.entities.hotline_calls).toEqual(tally(0, 0, 1));
    expect(changed.entities.justice_events).toEqual(tally(0, 1, 0, 1));
    expect(changed.refused.map((r) => `${r.sheet}:${r.line}:${r.code}`)).toEqual(['eventos_justicia:3:import.event_immutable']);
  });

  it('a dry run lists the planted errors: justice sequence, referral consent, code lists, unknown references', async () => {
    const t = tag();
    const file = await workbook({
      casos: [['id_externo', 'fuente', 'fecha_denuncia', 'conductas', 'finalidades'], [`C-${t}`, 'complaint', '2026-01-10', 'recruitment', 'forced_labour']],
      imputados: [['id_externo', 'id_externo_caso', 'sexo'], [`S-${t}`, `C-${t}`, 'male'], [`S2-${t}`, `C-${t}`, 'male']],
      victimas: [['id_externo', 'id_externo_caso', 'sexo', 'consiente_servicios'], [`V-${t}`, `C-${t}`, 'female', 'no']],
      eventos_justicia: [
        eventHeaders,
        [`E-${t}-1`, `C-${t}`, `S-${t}`, 'arrest', '2026-01-20', '', '', ''],
        [`E-${t}-2`, `C-${t}`, `S-${t}`, 'sentence_x', '2026-01-21', '', '', ''], // not an event type
        [`E-${t}-3`, `C-${t}`, `S2-${t}`, 'release_from_custody', '2026-01-22', '', '', ''], // never in custody
        [`E-${t}-4`, `C-${t}`, `S-${t}`, 'police_report_sent', '2026-01-23', 'NO-SUCH-INST', '', ''], // unknown institution
        [`E-${t}-5`, `C-${t}`, `NOBODY-${t}`, 'arrest', '2026-01-23', '', '', ''], // unknown defendant
        [`E-${t}-6`, `C-${t}`, `S-${t}`, 'decision', '2026-01-24', '', '', ''], // a decision needs its outcome
      ],
      derivaciones: [
        referralHeaders,
        [`R-${t}-1`, `C-${t}`, `V-${t}`, servicesCode, 'psychological', '2026-01-21', ''], // victim refused consent
        [`R-${t}-2`, `C-${t}`, `V-${t}`, servicesCode, 'psychological', '2026-01-21', 'si'], // consent given on the referral: fine
        [`R-${t}-3`, `C-${t}`, `NOBODY-${t}`, servicesCode, 'massage', '2026-01-21', 'si'], // not a service type
      ],
      llamadas: [callHeaders, [`L-${t}`, '2026-01-05T10:00:00Z', 'carrier_pigeon', 'anonymous', 'information_request', '15', '']],
    });
    const report = await service().dryRun(ctx, file, { fileName: 'x.xlsx' });
    expect(report.errors.map((e) => `${e.sheet}:${e.line}:${e.column}:${e.code}`)).toEqual([
      'derivaciones:2:consentimiento:referral.consent_required',
      'derivaciones:4:tipo_servicio:invalid',
      'eventos_justicia:3:tipo_evento:invalid',
      'eventos_justicia:4:tipo_evento:justice.release_without_custody',
      'eventos_justicia:5:institucion_receptora:import.institution_not_found',
      'eventos_justicia:6:id_externo_imputado:import.suspect_not_found',
      'eventos_justicia:7:decision:invalid',
      'llamadas:2:canal:invalid',
    ]);
    expect(report.errors[0]!.message).toMatch(/consented/);
    const queued = await service().start(ctx, file, { fileName: 'x.xlsx' });
    await createJobRunner(registry.deps, { [IMPORT_JOB]: createImportJobHandler(registry.deps) }).drain();
    expect((await service().get(ctx, queued.id)).status).toBe('failed');
    expect(Number((await registry.deps.db.select({ n: count() }).from(justiceEvents).where(eq(justiceEvents.externalId, `E-${t}-1`)))[0]!.n)).toBe(0);
  });

  it('a sheet the importer’s role may not write is refused whole', async () => {
    const registrar = await makeUser(registry, { roles: ['registrar'] });
    const registrarCtx: Ctx = { actor: (await loadActor(registry.deps.db, registrar.id))!, requestId: 'test', locale: 'en' };
    const file = await workbook({ operativos: [operationHeaders, [`O-${tag()}`, '2026-01-08', 'rescue', '15', 1, 0, 0, 0]] });
    const report = await service().dryRun(registrarCtx, file, { fileName: 'x.xlsx' });
    expect(report.errors.map((e) => `${e.sheet}:${e.line}:${e.code}`)).toEqual(['operativos:0:import.sheet_forbidden']);
  });

  it('an HTCDS JSON file goes through the two-way mapping: the export’s shape imported, the same file again unchanged', async () => {
    const t = tag();
    const htcds = [0, 1].map((i) => ({
      ...toHtcdsCase({
        code: `H-${t}-${i}`, status: 'open', factsDateFrom: '2025-11-02', recruitmentMethods: ['job_offer'], sectors: ['mining'], sexualExploitationSubtypes: [],
        places: [{ kind: 'recruitment', country: 'PER', departmentCode: '15' }, { kind: 'exploitation', country: 'BOL', departmentCode: null }],
        victims: [{ sex: 'female', genderIdentity: null, nationalities: ['PER'], ageBroad: null, identificationStatus: 'confirmed_victim', means: ['deception', 'debt_bondage'] }],
        suspects: [{ sex: 'male', genderIdentity: null, nationalities: ['BOL'], roles: ['recruiter'] }],
      }),
      cas_DateOfReport: '2026-01-12',
    }));
    const file = Buffer.from(JSON.stringify({ cases: htcds }));
    const report = await service().dryRun(ctx, file, { fileName: 'htcds.json' });
    expect(report.errors, JSON.stringify(report.errors)).toEqual([]);
    expect(report.entities.cases).toEqual({ rows: 2, existing: 0, new: 2 });
    const first = await runImport(file, 'htcds.json');
    expect(first.refused, JSON.stringify(first.refused)).toEqual([]);
    expect([first.entities.cases, first.entities.victims, first.entities.suspects]).toEqual([tally(2), tally(2), tally(2)]);
    const again = await runImport(file, 'htcds.json');
    expect([again.entities.cases, again.entities.victims, again.entities.suspects]).toEqual([tally(0, 2), tally(0, 2), tally(0, 2)]);
    // Without a date of report the dry run asks for it, per case.
    const bare = Buffer.from(JSON.stringify([{ ...htcds[0], cas_DateOfReport: undefined }]));
    const missing = await service().dryRun(ctx, bare, { fileName: 'htcds.json' });
    expect(missing.errors.map((e) => `${e.sheet}:${e.line}:${e.column}:${e.code}`)).toEqual(['cases:1:reportedOn:required']);
  });
});
