/** Spanish texts of hotline, operations and prevention (composed in ../ui.ts). */
export default {
  operations: {
    title: 'Operativos e inspecciones', help: 'Operativos policiales e inspecciones laborales con las personas halladas.', new: 'Registrar operativo',
    empty: 'No hay operativos registrados.', date: 'Fecha', type: 'Tipo', persons_found: 'Personas halladas', minors_found: 'Menores hallados',
    victims_identified: 'Víctimas identificadas', arrests: 'Detenidos',
  },
  prevention: {
    page_title: 'Prevención', help: 'Capacitaciones, campañas y talleres, con sus participantes.', new: 'Registrar actividad',
    empty: 'No hay actividades registradas.', date: 'Fecha', type: 'Tipo de actividad', title_field: 'Título', audiences: 'Público',
    participants: 'Participantes', female: 'Mujeres', male: 'Hombres', unknown: 'Sin dato de sexo',
  },
  hotline: {
    title: 'Línea de denuncias', intake: 'Nueva llamada', calls: 'Llamadas', follow_up: 'Seguimiento', received_at: 'Recibida',
    classification: 'Clasificación', channel: 'Canal', caller_type: 'Quién llama', summary: 'Resumen',
    summary_help: 'Dato reservado: se guarda cifrado.', save: 'Guardar llamada', saved: 'Llamada registrada.',
    saved_referred: 'Llamada registrada y derivada a {{unit}}.', status: 'Estado', referred_to: 'Derivada a', outcome: 'Resultado',
    empty: 'No hay llamadas.',
    detail: {
      title: 'Detalle de la llamada', refer_to: 'Derivar a la unidad policial', refer: 'Derivar', case_code: 'Código del caso',
      link_case: 'Vincular caso', case_not_found: 'No se encontró un caso con ese código a su alcance.', linked_case: 'Caso vinculado',
      arrests: 'Detenciones', closed_reason: 'Motivo de cierre', record_outcome: 'Registrar resultado',
      show_summary: 'Ver el resumen', no_summary: 'La llamada no tiene resumen.', summary_not_allowed: 'Su función no puede leer el resumen de esta llamada.',
    },
  },
} as const;
