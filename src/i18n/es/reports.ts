/** Textos en español del informe anual (PDF, hoja de cálculo) y de los encabezados de las exportaciones. */
export default {
  title: 'Informe anual sobre trata de personas',
  subtitle: 'Cifras de {{year}} comparadas con {{previousYear}}',
  training: 'DATOS DE CAPACITACIÓN — registros sintéticos, no son cifras reales',
  sections: { overview: 'Panorama general', prevention: 'Prevención', prosecution: 'Persecución', protection: 'Protección' },
  columns: { code: 'Código', indicator: 'Indicador', current: '{{year}}', previous: '{{year}}', change: 'Variación', changePercent: 'Variación (%)', category: 'Categoría', value: 'Valor', percent: '%' },
  funnel: 'Desgaste: casos registrados en el año y hasta dónde han llegado',
  funnelStages: { complaints: 'Denuncias', investigated: 'Investigados', charged: 'Acusados', tried: 'Juzgados', convicted: 'Condenados' },
  routes: 'Principales rutas (departamento de origen → departamento de explotación)',
  route: 'Ruta',
  tables: {
    victims_by_unodc_category: 'Víctimas: niñas, niños, mujeres, hombres', victims_by_purpose_group: 'Víctimas por forma de explotación (agrupada)',
    victims_by_age_band: 'Víctimas por grupo de edad', cases_by_exploitation_department: 'Casos por departamento de explotación',
    victims_by_origin_department: 'Víctimas por departamento de origen', activities_by_type: 'Actividades de prevención por tipo',
    participants_by_audience: 'Participantes por público', prosecuted_by_sex: 'Personas procesadas por sexo', convictions_by_sex: 'Personas condenadas por sexo',
    sentences_by_band: 'Sentencias por duración', operations_by_type: 'Operativos por tipo', assisted_by_service: 'Víctimas atendidas por servicio',
    hotline_calls_by_classification: 'Llamadas a la línea por clasificación',
  },
  unavailable: 'no disponible',
  footer: 'Instantánea {{id}} · definiciones {{definitions}} · sha-256 del contenido {{hash}}',
  exact: 'Cifras exactas (uso interno).',
  suppressed: 'Cifras con control de divulgación: los conteos de 1 a {{below}} se muestran como "<{{threshold}}".',
  glotip: {
    victims: 'Víctimas detectadas por forma de explotación', prosecuted: 'Personas procesadas por sexo y nacionalidad', convicted: 'Personas condenadas por sexo y nacionalidad',
    form: 'Forma de explotación', sex: 'Sexo', citizenship: 'Nacionalidad', women: 'Mujeres', men: 'Hombres', girls: 'Niñas', boys: 'Niños', unknown: 'Desconocido', total: 'Total',
    nationals: 'Nacionales', foreigners: 'Extranjeros',
  },
} as const;
