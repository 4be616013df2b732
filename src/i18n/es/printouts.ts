/** Textos de los documentos imprimibles (resumen del caso), en español. */
export default {
  caseSummary: {
    title: 'Resumen del caso {{code}}',
    confidential: 'CONFIDENCIAL — contiene datos de víctimas de trata. No copiar ni compartir fuera del caso.',
    noIdentity: 'No se muestran identidades: esta copia se imprimió sin acceso a ellas.',
    printed: 'Impreso por {{user}} el {{at}} · RETA · página {{page}} de {{pages}}',
    training: 'DATOS DE CAPACITACIÓN — registros sintéticos, no es un caso real',
    sections: { case: 'El caso', victims: 'Víctimas', suspects: 'Presuntos tratantes', places: 'Lugares' },
    fields: {
      source: 'Origen', reportedOn: 'Fecha de la denuncia', facts: 'Hechos', status: 'Estado', acts: 'Conductas', means: 'Medios', purposes: 'Finalidades',
      palermo: 'Elementos del Protocolo de Palermo', narrative: 'Relato', registeredAt: 'Registrado el', department: 'Departamento',
    },
    palermoMet: 'Cumple los elementos de trata', palermoNotMet: 'No cumple los elementos de trata (falta: {{missing}})',
    victimLine: 'Víctima {{n}}: {{sex}}, {{age}}, {{nationality}}', suspectLine: '{{label}}: {{sex}}, roles: {{roles}}', publicOfficial: 'funcionario público',
    identityLine: 'Nombre: {{name}} · Documento: {{document}}', unknownAge: 'edad desconocida', ageYears: '{{years}} años', estimated: '(estimada)',
    none: 'Ninguno registrado.', placeLine: '{{kind}}: {{where}}',
  },
};
