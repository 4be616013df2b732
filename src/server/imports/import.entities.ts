import type { z } from 'zod';
import {
  acts, caseSources, documentTypes, identificationStatuses, means, placeKinds, purposes, recruitmentMethods, relationships, sectors,
  sexes, sexualExploitationSubtypes, suspectRoles, transportModes,
} from '../../core/codes';
import { placeCreate, victimAgeBands } from '../../contracts/cases';
import { caseUpsert, suspectUpsert, victimUpsert } from '../../contracts/upserts';
import { hotlineCallRow, justiceEventRow, operationRow, referralRow } from '../../contracts/import-rows';
import { hotlineClassifications, operationTypes, serviceTypes } from '../../core/codes';
import { appealOutcomes, archiveReasons, decisions, justiceEventTypes } from '../../core/justice/events';
import { callChannels, callerTypes } from '../../core/hotline/call-status';

/** How a cell is read: text as is; a list separated by `;` (or `,`); yes/no; a whole number; an ISO date. */
export type ColumnKind = 'text' | 'list' | 'bool' | 'int' | 'number' | 'date' | 'datetime';

export interface ImportColumn {
  /** The field in the upsert body (dots for nested: `person.sex`, `person.identity.givenNames`). */
  field: string;
  es: string;
  en: string;
  kind: ColumnKind;
  codes?: readonly string[];
  required?: boolean;
}

/** In the order a run writes them: what a row points at is written before it. */
export const entityNames = ['cases', 'places', 'victims', 'suspects', 'operations', 'hotline_calls', 'justice_events', 'referrals'] as const;
export type EntityName = (typeof entityNames)[number];

export interface ImportEntity {
  name: EntityName;
  es: string;
  en: string;
  /** The column holding the sender's own id of the record (cases, persons); places have none. */
  idColumn?: string;
  /** The column naming the sender's case the row belongs to. */
  caseColumn?: string;
  columns: ImportColumn[];
  /** Validates the body built from a row (the same contract the API uses). */
  schema: z.ZodType;
}

const col = (field: string, es: string, en: string, kind: ColumnKind = 'text', codes?: readonly string[], required = false): ImportColumn => ({ field, es, en, kind, codes, required });
const bools = ['si', 'no'] as const;

const personColumns = [
  col('person.sex', 'sexo', 'sex', 'text', sexes),
  col('person.birthYear', 'anio_nacimiento', 'birthYear', 'int'),
  col('person.nationalities', 'nacionalidades', 'nationalities', 'list'),
  col('person.originUbigeo', 'ubigeo_origen', 'originUbigeo'),
  col('person.originCountry', 'pais_origen', 'originCountry'),
  col('person.identity.givenNames', 'nombres', 'givenNames'),
  col('person.identity.familyNames', 'apellidos', 'familyNames'),
  col('person.identity.document.type', 'tipo_documento', 'documentType', 'text', documentTypes),
  col('person.identity.document.number', 'numero_documento', 'documentNumber'),
  col('person.identity.birthDate', 'fecha_nacimiento', 'birthDate', 'date'),
];

export const importEntities: Record<EntityName, ImportEntity> = {
  cases: {
    name: 'cases', es: 'casos', en: 'cases', idColumn: 'externalId', schema: caseUpsert,
    columns: [
      col('externalId', 'id_externo', 'externalId', 'text', undefined, true),
      col('source', 'fuente', 'source', 'text', caseSources, true),
      col('reportedOn', 'fecha_denuncia', 'reportedOn', 'date', undefined, true),
      col('factsDateFrom', 'fecha_hechos_desde', 'factsDateFrom'),
      col('factsDateTo', 'fecha_hechos_hasta', 'factsDateTo'),
      col('acts', 'conductas', 'acts', 'list', acts),
      col('means', 'medios', 'means', 'list', means),
      col('purposes', 'finalidades', 'purposes', 'list', purposes),
      col('sexualExploitationSubtypes', 'subtipos_explotacion_sexual', 'sexualExploitationSubtypes', 'list', sexualExploitationSubtypes),
      col('sectors', 'sectores', 'sectors', 'list', sectors),
      col('recruitmentMethods', 'modos_captacion', 'recruitmentMethods', 'list', recruitmentMethods),
      col('transportModes', 'medios_transporte', 'transportModes', 'list', transportModes),
      col('isInternational', 'internacional', 'isInternational', 'bool', bools),
      col('countries', 'paises', 'countries', 'list'),
      col('organisedCrime', 'crimen_organizado', 'organisedCrime', 'bool', bools),
      col('publicOfficialInvolved', 'funcionario_involucrado', 'publicOfficialInvolved', 'bool', bools),
      col('initialLegalQualification', 'calificacion_inicial', 'initialLegalQualification'),
      col('narrative', 'relato', 'narrative'),
    ],
  },
  places: {
    name: 'places', es: 'lugares', en: 'places', caseColumn: 'caseExternalId', schema: placeCreate,
    columns: [
      col('caseExternalId', 'id_externo_caso', 'caseExternalId', 'text', undefined, true),
      col('kind', 'tipo', 'kind', 'text', placeKinds, true),
      col('ubigeo', 'ubigeo', 'ubigeo'),
      col('country', 'pais', 'country'),
    ],
  },
  victims: {
    name: 'victims', es: 'victimas', en: 'victims', idColumn: 'externalId', caseColumn: 'caseExternalId', schema: victimUpsert,
    columns: [
      col('externalId', 'id_externo', 'externalId', 'text', undefined, true),
      col('caseExternalId', 'id_externo_caso', 'caseExternalId', 'text', undefined, true),
      ...personColumns,
      col('identificationStatus', 'estado_identificacion', 'identificationStatus', 'text', identificationStatuses),
      col('identifiedOn', 'fecha_identificacion', 'identifiedOn', 'date'),
      col('ageYears', 'edad', 'ageYears', 'int'),
      col('ageEstimated', 'edad_estimada', 'ageEstimated', 'bool', bools),
      col('ageVerified', 'edad_verificada', 'ageVerified', 'bool', bools),
      col('ageBand', 'rango_edad', 'ageBand', 'text', victimAgeBands),
      col('exploitationForms', 'formas_explotacion', 'exploitationForms', 'list', purposes),
      col('means', 'medios', 'means', 'list', means),
      col('relationshipToRecruiter', 'relacion_captador', 'relationshipToRecruiter', 'text', relationships),
      col('monthsInExploitation', 'meses_explotacion', 'monthsInExploitation', 'int'),
      col('consentToServices', 'consiente_servicios', 'consentToServices', 'bool', bools),
      col('consentToDataSharing', 'consiente_compartir_datos', 'consentToDataSharing', 'bool', bools),
    ],
  },
  suspects: {
    name: 'suspects', es: 'imputados', en: 'suspects', idColumn: 'externalId', caseColumn: 'caseExternalId', schema: suspectUpsert,
    columns: [
      col('externalId', 'id_externo', 'externalId', 'text', undefined, true),
      col('caseExternalId', 'id_externo_caso', 'caseExternalId', 'text', undefined, true),
      ...personColumns,
      col('roles', 'roles', 'roles', 'list', suspectRoles),
      col('relationshipToVictims', 'relacion_victimas', 'relationshipToVictims', 'text', relationships),
      col('isPublicOfficial', 'funcionario_publico', 'isPublicOfficial', 'bool', bools),
      col('officialInstitution', 'institucion_funcionario', 'officialInstitution'),
      col('organisedGroupMember', 'miembro_organizacion', 'organisedGroupMember', 'bool', bools),
    ],
  },
  operations: {
    name: 'operations', es: 'operativos', en: 'operations', idColumn: 'externalId', schema: operationRow,
    columns: [
      col('externalId', 'id_externo', 'externalId', 'text', undefined, true),
      col('operationDate', 'fecha', 'operationDate', 'date', undefined, true),
      col('type', 'tipo', 'type', 'text', operationTypes, true),
      col('ubigeo', 'ubigeo', 'ubigeo', 'text', undefined, true),
      col('personsFound', 'personas_encontradas', 'personsFound', 'int'),
      col('minorsFound', 'menores_encontrados', 'minorsFound', 'int'),
      col('victimsIdentified', 'victimas_identificadas', 'victimsIdentified', 'int'),
      col('arrests', 'detenidos', 'arrests', 'int'),
    ],
  },
  hotline_calls: {
    name: 'hotline_calls', es: 'llamadas', en: 'hotline_calls', idColumn: 'externalId', schema: hotlineCallRow,
    columns: [
      col('externalId', 'id_externo', 'externalId', 'text', undefined, true),
      col('receivedAt', 'fecha_hora', 'receivedAt', 'datetime', undefined, true),
      col('channel', 'canal', 'channel', 'text', callChannels, true),
      col('callerType', 'tipo_llamante', 'callerType', 'text', callerTypes, true),
      col('classification', 'clasificacion', 'classification', 'text', hotlineClassifications, true),
      col('ubigeo', 'ubigeo', 'ubigeo'),
      col('country', 'pais', 'country'),
      col('summary', 'resumen', 'summary'),
    ],
  },
  justice_events: {
    name: 'justice_events', es: 'eventos_justicia', en: 'justice_events', idColumn: 'externalId', caseColumn: 'caseExternalId', schema: justiceEventRow,
    columns: [
      col('externalId', 'id_externo', 'externalId', 'text', undefined, true),
      col('caseExternalId', 'id_externo_caso', 'caseExternalId', 'text', undefined, true),
      col('suspectExternalId', 'id_externo_imputado', 'suspectExternalId', 'text', undefined, true),
      col('type', 'tipo_evento', 'type', 'text', justiceEventTypes, true),
      col('occurredOn', 'fecha', 'occurredOn', 'date', undefined, true),
      col('documentNumber', 'numero_documento', 'documentNumber'),
      col('prosecutorOffice', 'fiscalia', 'prosecutorOffice'),
      col('court', 'juzgado', 'court'),
      col('receivingInstitution', 'institucion_receptora', 'receivingInstitution'),
      col('receivingUnit', 'unidad_receptora', 'receivingUnit'),
      col('articles', 'articulos', 'articles', 'list'),
      col('fromArticles', 'articulos_desde', 'fromArticles', 'list'),
      col('toArticles', 'articulos_hacia', 'toArticles', 'list'),
      col('archiveReason', 'motivo_archivo', 'archiveReason', 'text', archiveReasons),
      col('decision', 'decision', 'decision', 'text', decisions),
      col('appealOutcome', 'resultado_apelacion', 'appealOutcome', 'text', appealOutcomes),
      col('sentenceYears', 'pena_anios', 'sentenceYears', 'int'),
      col('sentenceMonths', 'pena_meses', 'sentenceMonths', 'int'),
      col('sentenceEffective', 'pena_efectiva', 'sentenceEffective', 'bool', bools),
      col('fineAmount', 'multa', 'fineAmount', 'number'),
      col('reparationAmount', 'reparacion_civil', 'reparationAmount', 'number'),
      col('currency', 'moneda', 'currency'),
      col('country', 'pais', 'country'),
      col('supersedesExternalId', 'corrige_id_externo', 'supersedesExternalId'),
    ],
  },
  referrals: {
    name: 'referrals', es: 'derivaciones', en: 'referrals', idColumn: 'externalId', caseColumn: 'caseExternalId', schema: referralRow,
    columns: [
      col('externalId', 'id_externo', 'externalId', 'text', undefined, true),
      col('caseExternalId', 'id_externo_caso', 'caseExternalId', 'text', undefined, true),
      col('victimExternalId', 'id_externo_victima', 'victimExternalId', 'text', undefined, true),
      col('toInstitution', 'institucion_destino', 'toInstitution', 'text', undefined, true),
      col('toUnit', 'unidad_destino', 'toUnit'),
      col('serviceType', 'tipo_servicio', 'serviceType', 'text', serviceTypes, true),
      col('requestedOn', 'fecha_solicitud', 'requestedOn', 'date'),
      col('consentGiven', 'consentimiento', 'consentGiven', 'bool', bools),
      col('consentOverrideReason', 'motivo_sin_consentimiento', 'consentOverrideReason'),
    ],
  },
};

/** Sheets of records this import does not take: named, so a file with them gets a clear refusal. */
export const unsupportedSheets = ['prevention_activities', 'actividades_prevencion', 'shelters', 'albergues'];

const normalise = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** The entity a sheet (or CSV file, or NDJSON `entity`) names, in Spanish or English. */
export function entityForSheet(name: string): EntityName | undefined {
  const n = normalise(name.replace(/\.(csv|ndjson|jsonl)$/i, ''));
  return entityNames.find((e) => normalise(importEntities[e].es) === n || normalise(importEntities[e].en) === n);
}

/** The column a header names, in either language (case, accents and spaces ignored). */
export function columnForHeader(entity: ImportEntity, header: string): ImportColumn | undefined {
  const n = normalise(header);
  return entity.columns.find((c) => normalise(c.es) === n || normalise(c.en) === n);
}

export const isUnsupportedSheet = (name: string) => unsupportedSheets.includes(normalise(name.replace(/\.(csv|ndjson|jsonl)$/i, '')));
