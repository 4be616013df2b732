/** Spanish texts of the web app's screens (nested; flattened to `section.key` when loaded). */
export default {
  app: {
    tagline: 'Registro y estadística de trata de personas',
    full_name: 'Registro y Estadística del delito de Trata de Personas y Afines',
  },
  language: { es: 'Español', en: 'Inglés' },
  nav: {
    main: 'Navegación principal', skip_to_content: 'Saltar al contenido', toggle_menu: 'Abrir o cerrar el menú', user_menu: 'Menú de usuario',
    language: 'Idioma', home: 'Inicio', cases: 'Casos', register_case: 'Registrar caso', justice: 'Justicia', protection: 'Protección',
    hotline: 'Línea de denuncias', operations: 'Operativos', prevention: 'Prevención', stats: 'Estadísticas', quality: 'Calidad de datos',
    admin: 'Administración', open_data: 'Datos abiertos', change_password: 'Cambiar contraseña', logout: 'Cerrar sesión',
  },
  common: {
    loading: 'Cargando…', save: 'Guardar', cancel: 'Cancelar', create: 'Crear', edit: 'Editar', delete: 'Eliminar', close: 'Cerrar',
    search: 'Buscar', filter: 'Filtrar', clear: 'Limpiar', yes: 'Sí', no: 'No', none: 'Ninguno', all: 'Todos', add: 'Agregar',
    remove: 'Quitar', back: 'Volver', next: 'Siguiente', previous: 'Anterior', saved: 'Cambios guardados.', actions: 'Acciones',
    network_error: 'No hay conexión con el servidor. Sus datos no se perdieron; intente de nuevo cuando vuelva la conexión.',
    unexpected_error: 'Ocurrió un error inesperado. Intente de nuevo.', not_available: 'Esta función aún no está disponible en este servidor.',
    pagination: 'Paginación', page_summary: '{{from}}–{{to}} de {{total}}', sort: 'Ordenar por', results: 'Resultados', details: 'Detalle',
    optional: 'opcional', unknown: 'No se sabe', version_conflict: 'Otra persona cambió este registro. Recargue la página.',
  },
  not_found: { title: 'Página no encontrada', body: 'La dirección no existe o usted no tiene acceso a ella.' },
  login: {
    username: 'Usuario', password: 'Contraseña', submit: 'Ingresar', expired_title: 'Sesión expirada',
    open_data_link: 'Ver las estadísticas públicas (sin iniciar sesión)',
  },
  password: {
    title: 'Cambiar contraseña', current: 'Contraseña actual', new: 'Nueva contraseña', submit: 'Cambiar contraseña',
    changed: 'Su contraseña fue cambiada.',
    policy: 'Use al menos 12 caracteres y combine minúsculas, mayúsculas, números y símbolos (o use 20 caracteres o más). No use su nombre de usuario.',
  },
  home: {
    greeting: 'Hola, {{name}}', see_all: 'Ver todo', nothing_for_role: 'No hay tareas pendientes para su función.',
    open_cases: { title: 'Casos abiertos de mi unidad', empty: 'Su unidad no tiene casos abiertos.' },
    stale_cases: { title: 'Casos sin movimiento', empty: 'No hay casos sin movimiento. ¡Bien!' },
    justice_cases: { title: 'Casos para registrar actuaciones', empty: 'No hay casos pendientes para su despacho.' },
    referral_inbox: { title: 'Derivaciones recibidas', empty: 'No hay derivaciones esperando respuesta.' },
    hotline_follow_up: { title: 'Llamadas por seguir', empty: 'No hay llamadas derivadas pendientes de resultado.' },
    duplicates: { title: 'Posibles duplicados por revisar', empty: 'No hay posibles duplicados por revisar.' },
  },
} as const;
