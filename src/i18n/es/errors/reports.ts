/** Error messages of the reports feature, keyed by error code. */
export default {
  'report.not_found': 'Este informe no existe o no tiene acceso a él.',
  'report.year_out_of_range': 'Elija un año entre 2000 y el año en curso.',
} as Record<string, string>;
