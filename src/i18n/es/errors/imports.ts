/** Error messages of upserts by external id and of the bulk import, keyed by error code. */
export default {
  'upsert.conflict': 'No se sobrescribió: el registro se modificó en RETA después de la última carga de su institución (versión {{version}}). Revise el registro y concilie los cambios.',
  'upsert.case_not_found': 'No existe un caso registrado por su institución con ese número externo.',
  'import.file_too_large': 'El archivo supera el tamaño máximo permitido ({{maxMegabytes}} MB).',
  'import.unknown_format': 'Formato no reconocido: envíe un libro XLSX, archivos CSV (o un ZIP de ellos) o NDJSON.',
  'import.zip_too_large': 'El ZIP se expande a más de lo permitido ({{maxMegabytes}} MB): no se procesó.',
  'import.bad_encoding': 'El archivo no está en UTF-8 (¿guardado como Latin-1/ANSI?). Guárdelo como «CSV UTF-8» e inténtelo de nuevo.',
  'import.unreadable': 'No se pudo leer el archivo: {{detail}}.',
  'import.no_sheets': 'El archivo no contiene ninguna hoja o archivo reconocido (casos, víctimas, imputados…).',
  'import.invalid_file': 'El archivo tiene errores: no se importó nada. Corríjalos según el informe y vuelva a cargarlo.',
  'import.mapping_invalid': 'El mapeo de columnas no es válido.',
  'job.not_found': 'Tarea no encontrada.',
  'job.no_result': 'La tarea aún no tiene un resultado para descargar.',
} as Record<string, string>;
