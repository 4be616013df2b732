/** Error messages of the reports feature, keyed by error code. */
export default {
  'report.not_found': 'Este informe no existe o no tiene acceso a él.',
  'report.year_out_of_range': 'Elija un año entre 2000 y el año en curso.',
  'release.not_found': 'Esta publicación no existe.',
  'release_table.not_found': 'Esta tabla no forma parte de la publicación.',
  'release.not_published': 'Las cifras de ese año aún no se han publicado.',
  'release.stale': 'Otra persona publicó este año mientras usted revisaba la vista previa. Vuelva a generar la vista previa antes de publicar.',
  'release.note_required': 'Una revisión necesita una nota que diga qué cambió y por qué.',
} as Record<string, string>;
