/** Error messages of the reports feature, keyed by error code. */
export default {
  'report.not_found': 'Este informe no existe o no tiene acceso a él.',
  'report.year_out_of_range': 'Elija un año entre 2000 y el año en curso.',
  'report.content_tampered': 'El informe guardado ya no coincide con su hash de contenido: fue modificado después de congelarse.',
  'export.unknown_format': 'Formato de exportación desconocido. Use csv, xlsx o json.',
} as Record<string, string>;
