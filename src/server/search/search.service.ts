import type { SearchQuery, SearchResponse } from '../../contracts/search';
import { documentTypes } from '../../core/codes';
import { normaliseDocument } from '../../core/normalise';
import { readSearchTerm } from '../../core/search-term';
import { writeAudit } from '../audit/audit.writer';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { decodeIdentity, identityModeOf } from '../people/identity';
import { personCaseLinks } from '../people/person.repository';
import { caseHitsByIds, findCasesByCode, findCasesByFileNumber, findPersons, SEARCH_LIMIT } from './search.repository';

type Kind = SearchResponse['kinds'][number];

/**
 * The header's search: cases by code or file number for every case reader; persons by document or name
 * (blind indexes) only for actors with `identity.read`, each such look-up audited by kind and number of
 * hits — never the term. Scope comes from the access policy (src/server/policy), nowhere else.
 */
export function createSearchService(deps: Deps) {
  const { db, cipher } = deps;

  async function search(ctx: Ctx, query: SearchQuery): Promise<SearchResponse> {
    const mayIdentify = ctx.actor.permissions.has('identity.read');
    if ((query.kind === 'document' || query.kind === 'name') && !mayIdentify) throw new AppError('search.identity_forbidden', 403);
    const term = readSearchTerm(query.q);
    const wants = (kind: 'case' | 'document' | 'name') => query.kind === 'auto' || query.kind === kind;
    const kinds: Kind[] = [];
    if (wants('case') && term.caseCode) kinds.push('case_code');
    if (wants('case') && term.fileNumber) kinds.push('file_number');
    const identityKinds: Kind[] = [];
    if (mayIdentify && wants('document') && term.documentNumber) identityKinds.push('document');
    if (mayIdentify && wants('name') && term.nameTokens.length > 0) identityKinds.push('name');
    kinds.push(...identityKinds);

    return db.transaction(async (tx) => {
      const byCode = term.caseCode && kinds.includes('case_code') ? await findCasesByCode(tx, ctx.actor, term.caseCode) : [];
      const byFile = term.fileNumber && kinds.includes('file_number') ? await findCasesByFileNumber(tx, ctx.actor, term.fileNumber) : [];
      const seen = new Set<string>();
      const caseHits = [
        ...byCode.map((row) => ({ ...row, matchedBy: 'case_code' as const })),
        ...byFile.map((row) => ({ ...row, matchedBy: 'file_number' as const })),
      ].filter((row) => !seen.has(row.caseId) && seen.add(row.caseId));

      let personRows: Awaited<ReturnType<typeof findPersons>> = [];
      if (identityKinds.length > 0) {
        personRows = await findPersons(tx, ctx.actor, {
          documentHashes: identityKinds.includes('document') ? documentTypes.map((type) => cipher.blindIndex('document', normaliseDocument(type, term.documentNumber!))) : [],
          nameTokenHashes: identityKinds.includes('name') ? term.nameTokens.map((token) => cipher.blindIndex('name_token', token)) : [],
        });
      }
      const truncated = byCode.length > SEARCH_LIMIT || byFile.length > SEARCH_LIMIT || personRows.length > SEARCH_LIMIT;
      personRows = personRows.slice(0, SEARCH_LIMIT);
      const showNames = identityModeOf(ctx) === 'full';
      const links = await personCaseLinks(tx, ctx.actor, personRows.map((p) => p.id));
      const linkedCases = new Map((await caseHitsByIds(tx, ctx.actor, [...new Set(links.map((l) => l.caseId))])).map((c) => [c.caseId, c]));
      const persons = personRows.map((row) => {
        const identity = showNames ? decodeIdentity(cipher, row.identityEnc) : null;
        const name = identity ? [identity.givenNames, identity.familyNames].filter(Boolean).join(' ') || null : null;
        const cases = links
          .filter((l) => l.personId === row.id && linkedCases.has(l.caseId))
          .map((l) => ({ ...linkedCases.get(l.caseId)!, role: l.role }));
        return { personId: row.id, name, identityAvailable: true, cases };
      });

      if (identityKinds.length > 0) {
        // An identity look-up is recorded: who, why, what kind of term and how many hits — never the term.
        await writeAudit(tx, ctx, { action: 'search.identity', entityType: 'person', reason: ctx.accessReason, details: { kinds: identityKinds, hits: persons.length } });
        if (showNames && persons.length > 0) {
          await writeAudit(tx, ctx, { action: 'identity.read', entityType: 'person', entityId: persons.length === 1 ? persons[0]!.personId : undefined, reason: ctx.accessReason, details: { personIds: persons.map((p) => p.personId) } });
        }
      }
      const present = <T extends { registeredAt: Date | string }>(row: T) => ({ ...row, registeredAt: new Date(row.registeredAt).toISOString() });
      return {
        kinds,
        cases: caseHits.slice(0, SEARCH_LIMIT).map(present),
        persons: persons.map((p) => ({ ...p, cases: p.cases.map(present) })),
        truncated,
      };
    });
  }

  return { search };
}
