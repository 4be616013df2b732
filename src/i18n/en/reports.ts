/** English texts of the annual report (PDF, spreadsheet) and of the exports' headers. */
export default {
  title: 'Annual report on trafficking in persons',
  subtitle: 'Figures of {{year}} compared with {{previousYear}}',
  training: 'TRAINING DATA — synthetic records, not real figures',
  sections: { overview: 'Overview', prevention: 'Prevention', prosecution: 'Prosecution', protection: 'Protection' },
  columns: { code: 'Code', indicator: 'Indicator', current: '{{year}}', previous: '{{year}}', change: 'Change', changePercent: 'Change (%)', category: 'Category', value: 'Value', percent: '%' },
  funnel: 'Attrition: cases registered in the year and how far they have got',
  funnelStages: { complaints: 'Complaints', investigated: 'Investigated', charged: 'Charged', tried: 'Tried', convicted: 'Convicted' },
  routes: 'Main routes (department of origin → department of exploitation)',
  route: 'Route',
  tables: {
    victims_by_unodc_category: 'Victims: girls, boys, women, men', victims_by_purpose_group: 'Victims by form of exploitation (grouped)',
    victims_by_age_band: 'Victims by age band', cases_by_exploitation_department: 'Cases by department of exploitation',
    victims_by_origin_department: 'Victims by department of origin', activities_by_type: 'Prevention activities by type',
    participants_by_audience: 'Participants by audience', prosecuted_by_sex: 'Persons prosecuted by sex', convictions_by_sex: 'Persons convicted by sex',
    sentences_by_band: 'Sentences by length', operations_by_type: 'Operations by type', assisted_by_service: 'Victims assisted by service',
    hotline_calls_by_classification: 'Hotline calls by classification',
  },
  unavailable: 'not available',
  footer: 'Snapshot {{id}} · definitions {{definitions}} · content sha-256 {{hash}}',
  exact: 'Exact figures (internal use).',
  suppressed: 'Disclosure-controlled figures: counts from 1 to {{below}} are shown as "<{{threshold}}".',
  glotip: {
    victims: 'Detected victims by form of exploitation', prosecuted: 'Persons prosecuted by sex and citizenship', convicted: 'Persons convicted by sex and citizenship',
    form: 'Form of exploitation', sex: 'Sex', citizenship: 'Citizenship', women: 'Women', men: 'Men', girls: 'Girls', boys: 'Boys', unknown: 'Unknown', total: 'Total',
    nationals: 'Nationals', foreigners: 'Foreigners',
  },
} as const;
