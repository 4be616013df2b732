/** Mensajes de error de casos, personas y referencias, por código de error. */
export default {
  'case.not_found': 'Caso no encontrado.',
  'case.not_owner': 'Solo la institución a cargo del caso puede modificarlo.',
  'case.external_id_taken': 'Su institución ya usó ese número de expediente externo en un caso que ya no puede ver. Use otro o consulte a la institución que ahora tiene el caso.',
  'case.person_external_id_taken': 'Ese número de registro externo ya corresponde a otra persona fuera de su ámbito. Use otro o consulte con la unidad que la registró.',
  'case.person_already_linked': 'Esa persona ya está vinculada a este caso con ese rol.',
  'case.transfer_same_unit': 'El caso ya pertenece a esa unidad.',
  'case.transfer_not_allowed': 'Un caso solo puede pasar a una unidad de la misma institución o de otra institución policial.',
  'case.victim_in_use': 'La víctima tiene derivaciones, servicios u otros registros asociados; elimínelos primero.',
  'case.suspect_in_use': 'El presunto tratante tiene eventos judiciales u otros registros asociados; elimínelos primero.',
  'case_victim.not_found': 'Víctima no encontrada en este caso.',
  'case_suspect.not_found': 'Presunto tratante no encontrado en este caso.',
  'case_place.not_found': 'Lugar no encontrado en este caso.',
  'person.not_found': 'Persona no encontrada.',
  'person.not_owner': 'Solo una institución a cargo de un caso de esta persona puede modificarla.',
  'person.search_needs_criteria': 'Busque por tipo y número de documento, o por nombre completo.',
  'person_or_person_id': 'Indique una persona existente o los datos de una nueva, no ambos.',
} as Record<string, string>;
