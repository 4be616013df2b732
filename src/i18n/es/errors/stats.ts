/** Error messages of the stats feature, keyed by error code. */
export default {
  'stats.unknown_indicator': 'No existe una estadística con ese nombre. Consulte la lista en /api/v1/stats/indicators.',
  'stats.dimension_not_allowed': 'Esta estadística no puede desagregarse por esa dimensión.',
  'stats.invalid_period': 'El inicio del período no puede ser posterior a su fin.',
  'stats.top_needs_rows': 'Para quedarse con las filas mayores se necesita al menos una desagregación.',
  'stats.public_year_required': 'Una tabla pública cubre un año completo: indique el año (`?year=`).',
  'stats.public_year_incomplete': 'Solo se publican años ya cerrados: el año en curso sigue cambiando.',
} as Record<string, string>;
