/** Spanish texts of the justice chain (composed in ../ui.ts). */
export default {
  justice: {
    reparation_line: 'Reparación civil fijada: {{amount}}', fine_line: 'Multa: {{amount}}',
    case_stage: 'Etapa del caso: {{stage}}', no_stage: 'Sin actuaciones', no_defendants: 'El caso no tiene presuntos tratantes registrados.',
    no_events: 'Sin actuaciones registradas.', record_event: 'Registrar actuación', in_custody: 'Bajo custodia', superseded: 'corregida',
    months: '{{years}} años y {{months}} meses', effective: 'efectiva', suspended: 'suspendida',
    sentence_line: 'Pena: {{length}} ({{kind}})', range_line: 'rango legal art. {{article}}: {{min}} a {{max}}',
    reclassified_line: 'Recalificado de {{from}} a {{to}}',
    aggravation_line: 'Los hechos registrados exigen la modalidad {{required}} ({{reasons}}); acusado: {{charged}}; condenado: {{convicted}}',
    aggravation_none: '—',
    flag: {
      belowMinimum: 'Pena por debajo del mínimo legal', suspendedNotAllowed: 'Pena suspendida no permitida', aboveMaximum: 'Pena sobre el máximo legal',
      reclassified: 'Recalificado a un delito menor', publicOfficial: 'Funcionario público',
      favourabilityToReview: 'Favorabilidad por revisar: una ley posterior es más benigna',
      aggravationOmitted: 'Agravante omitida',
    },
    form: {
      type: 'Actuación', occurred_on: 'Fecha', receiving_institution: 'Institución que recibe', prosecutor_office: 'Fiscalía',
      court: 'Juzgado o sala', document_number: 'Número de documento o expediente', decision: 'Fallo', archive_reason: 'Motivo del archivo',
      appeal_outcome: 'Resultado de la apelación', country: 'País', articles: 'Artículos', from_articles: 'Artículos anteriores',
      to_articles: 'Artículos nuevos', articles_help: 'Escriba el número y pulse Enter, por ejemplo 153-A o 129-A.', tier: 'Modalidad',
      sentence_years: 'Años de pena', sentence_months: 'Meses', effective: 'Pena efectiva (no suspendida)', fine: 'Multa (S/)',
      reparation: 'Reparación civil (S/)', submit: 'Registrar actuación', tier_suggested: 'Los hechos registrados corresponden a la forma «{{tier}}» ({{reasons}}): elija el artículo y la modalidad que la prevén.', sentence_warning_title: 'Revise esta pena', confirm_sentence: 'El juzgado la impuso así: guardar', correct_sentence: 'Corregir la pena',
    },
    inbox: {
      title: 'Justicia: casos recibidos', help: 'Informes policiales y acusaciones enviados a su institución.',
      empty: 'Su institución no ha recibido informes ni acusaciones.', open_case: 'Abrir caso',
    },
  },
} as const;
