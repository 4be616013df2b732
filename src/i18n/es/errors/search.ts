/** Mensajes de error de la búsqueda, por código de error. */
export default {
  'search.identity_forbidden': 'Su rol no permite buscar personas por nombre o documento. Busque por código de caso o número de expediente.',
} as Record<string, string>;
