/** Error messages of the stats feature, keyed by error code. */
export default {
  'stats.unknown_indicator': 'No existe una estadística con ese nombre. Consulte la lista en /api/v1/stats/indicators.',
  'stats.dimension_not_allowed': 'Esta estadística no puede desagregarse por esa dimensión.',
  'stats.invalid_period': 'El inicio del período no puede ser posterior a su fin.',
  'stats.top_needs_rows': 'Para quedarse con las filas mayores se necesita al menos una desagregación.',
  'stats.public_year_required': 'Una tabla pública cubre un año completo: indique el año (`?year=`).',
  'stats.public_year_incomplete': 'Solo se publican años ya cerrados: el año en curso sigue cambiando.',
  'stats.not_case_based': 'Esta estadística no cuenta registros de casos: no hay casos detrás de sus cifras.',
  'stats.cell_not_found': 'Esa cifra no está en la tabla: elija una fila y una columna que la tabla muestre.',
  'stats.cell_suppressed': 'Esta cifra está oculta para proteger a las personas que cuenta: no se pueden listar sus casos.',
  'stats.no_province_breakdown': 'Esta estadística no puede desagregarse por provincia de explotación: elija un conteo de casos, víctimas o imputados.',
} as Record<string, string>;
