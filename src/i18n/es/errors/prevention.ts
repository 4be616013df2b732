/** Error messages of the prevention feature, keyed by error code. */
export default {
  'prevention_activity.not_found': 'Actividad de prevención no encontrada.',
  'prevention.not_organiser': 'Solo la institución organizadora puede modificar esta actividad.',
  'prevention.sex_breakdown_mismatch': 'Mujeres, hombres y sin dato deben sumar el total de participantes.',
  'prevention.institution_breakdown_exceeds_total': 'Los participantes por institución suman más que el total.',
  'prevention.institution_repeated': 'No se guardó: esa institución figura dos veces en la lista. Quite la repetida.',
} as Record<string, string>;
