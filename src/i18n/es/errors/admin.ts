/** Error messages of the admin feature, keyed by error code. */
export default {
  'demo.not_demo_database': 'Esta base de datos no es de capacitación (no fue creada con «reta demo»): sus datos no se pueden reiniciar. No se cambió nada.',
  'demo.reset_running': 'Ya se están regenerando los datos de capacitación. Espere a que termine; no se inició otro reinicio.',
  'demo.reset_failed': 'No se pudieron regenerar los datos de capacitación. Vuelva a intentarlo; si se repite, use «reta demo --reset» en el servidor.',
} as Record<string, string>;
