/** Error messages of the operations feature, keyed by error code. */
export default {
  'operation.not_found': 'Operation not found.',
  'operation_case.not_found': 'That case is not linked to this operation.',
  'operation.minors_exceed_persons': 'Minors found cannot be more than the persons found.',
  'operation.victims_exceed_persons': 'Victims identified cannot be more than the persons found.',
} as Record<string, string>;
