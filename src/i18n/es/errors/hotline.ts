/** Error messages of the hotline feature, keyed by error code. */
export default {
  'hotline_call.not_found': 'Llamada no encontrada.',
  'hotline.not_actionable': 'Solo las denuncias que requieren acción se derivan a la policía.',
  'hotline.unit_not_police': 'La unidad elegida no pertenece a una institución policial.',
  'hotline.place_conflict': 'Un UBIGEO solo puede usarse con el país PER.',
  'hotline.not_referred': 'La llamada aún no ha sido derivada a una unidad policial.',
  'hotline.follow_up_forbidden': 'Solo la unidad policial a la que se derivó la llamada (o la línea que la registró) puede registrar su resultado.',
  'hotline.case_already_linked': 'No se vinculó: la llamada ya está vinculada a otro caso.',
  'hotline.summary_reason_required': 'Indique el motivo para ver el resumen de la llamada; el acceso queda registrado.',
} as Record<string, string>;
