/** Texts of the printable documents (case summary), in English. */
export default {
  caseSummary: {
    title: 'Case summary {{code}}',
    confidential: 'CONFIDENTIAL — contains data on victims of trafficking. Do not copy or share outside the case.',
    noIdentity: 'Identities are not shown: this copy was printed without access to them.',
    printed: 'Printed by {{user}} on {{at}} · RETA · page {{page}} of {{pages}}',
    training: 'TRAINING DATA — synthetic records, not a real case',
    sections: { case: 'The case', victims: 'Victims', suspects: 'Suspects', places: 'Places' },
    fields: {
      source: 'Source', reportedOn: 'Reported on', facts: 'Facts', status: 'Status', acts: 'Acts', means: 'Means', purposes: 'Purposes',
      palermo: 'Palermo elements', narrative: 'Narrative', registeredAt: 'Registered on', department: 'Department',
    },
    palermoMet: 'Meets the elements of trafficking', palermoNotMet: 'Does not meet the elements of trafficking (missing: {{missing}})',
    victimLine: 'Victim {{n}}: {{sex}}, {{age}}, {{nationality}}', suspectLine: '{{label}}: {{sex}}, roles: {{roles}}', publicOfficial: 'public official',
    identityLine: 'Name: {{name}} · Document: {{document}}', unknownAge: 'age unknown', ageYears: '{{years}} years', estimated: '(estimated)',
    none: 'None recorded.', placeLine: '{{kind}}: {{where}}',
  },
};
