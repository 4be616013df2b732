/** Error messages of the operations feature, keyed by error code. */
export default {
  'operation.not_found': 'Operativo no encontrado.',
  'operation_case.not_found': 'Ese caso no está vinculado a este operativo.',
  'operation.minors_exceed_persons': 'Los menores encontrados no pueden ser más que las personas encontradas.',
  'operation.victims_exceed_persons': 'Las víctimas identificadas no pueden ser más que las personas encontradas.',
} as Record<string, string>;
