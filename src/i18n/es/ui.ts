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
    pager: { first: 'Primera página', previous: 'Página anterior', next: 'Página siguiente', last: 'Última página', page: 'Página {{page}}' },
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
  ubigeo: {
    department: 'Departamento', province: 'Provincia', district: 'Distrito', selected: 'UBIGEO elegido: {{code}}',
    no_reference: 'Sin provincias cargadas; basta el departamento',
  },
  palermo: {
    title: 'Prueba de Palermo', act: 'Hay al menos una conducta (acto)', means: 'Hay al menos un medio',
    means_not_needed: 'No se requieren medios: hay una víctima menor de edad o presunta menor', purpose: 'Hay al menos una finalidad de explotación',
    met: 'Cumple los elementos de trata', not_met: 'Faltan elementos', child_victim: 'Víctima menor de edad',
    missing: 'Falta: {{elements}}.', never_blocks: 'La prueba orienta; no impide registrar el caso.',
    element: { act: 'conducta', means: 'medio', purpose: 'finalidad' },
  },
  access: {
    title: 'Motivo para ver datos de identidad', recorded: 'El acceso a nombres, documentos y relatos queda registrado con su usuario, la hora y el motivo.',
    recorded_short: 'El acceso queda registrado.', reason: 'Motivo', reason_help: 'Por ejemplo: citación de la víctima a declarar.',
    confirm: 'Ver datos de identidad', show_identity: 'Ver datos de identidad', active: 'Datos de identidad visibles. Motivo registrado: {{reason}}',
  },
  person: {
    sex: 'Sexo', nationalities: 'Nacionalidades', has_document: '¿Tiene documento de identidad?',
    has_document_help: 'Elija «No» si la persona no tiene documentos.',
    identity: {
      legend: 'Datos de identidad', protected: 'Datos protegidos: se guardan cifrados y solo los ven las funciones autorizadas.',
      given_names: 'Nombres', family_names: 'Apellidos', birth_date: 'Fecha de nacimiento', document_type: 'Tipo de documento',
      document_number: 'Número de documento', no_document_note: 'Sin documento de identidad: no se pide número.', name: 'Nombre',
      document: 'Documento', none: 'Sin documento', not_allowed: 'Su función no registra datos de identidad; otra institución podrá completarlos.',
    },
  },
  victim: {
    title: 'Víctima {{n}}', add: 'Agregar víctima', remove: 'Quitar víctima {{n}}', age_years: 'Edad (años)', estimated_age: 'Edad estimada (años)',
    estimated: 'estimada', age_at_exploitation: 'Edad al momento de la explotación', age_verified: 'Edad verificada con documento',
    age_band: 'Rango de edad', presumed_child_help: 'Se presume menor de edad y se protege como tal hasta verificar su edad.',
    age_mode: { label: 'Edad', exact: 'Exacta', estimated: 'Estimada', band: 'Rango', unknown: 'No se sabe' },
    identification_status: 'Estado de identificación', relationship: 'Relación con el captador', exploitation_forms: 'Formas de explotación sufridas',
    means: 'Medios usados con esta víctima', means_help: 'Si la víctima es menor de edad, los medios no son necesarios para la prueba de Palermo.',
  },
  suspect: {
    title: 'Presunto tratante {{n}}', add: 'Agregar presunto tratante', remove: 'Quitar presunto tratante {{n}}', roles: 'Rol en los hechos',
    relationship: 'Relación con las víctimas', public_official: 'Es funcionario público', organised_group: 'Integra una organización criminal',
    official_institution: 'Institución del funcionario',
  },
  place: {
    kind: 'Tipo de lugar', where: 'Ubicación', in_peru: 'En el Perú', abroad: 'En el extranjero', country: 'País', add: 'Agregar lugar',
    remove: 'Quitar lugar {{n}}', help: 'Registre dónde se captó, por dónde se trasladó y dónde se explotó a las víctimas.',
  },
  case: {
    register: {
      title: 'Registrar un caso', intro: 'Complete lo que se sabe; puede completar el resto después. Lo que escribe se guarda en este equipo hasta enviarlo.',
      draft_restored: 'Se recuperó un registro sin enviar que quedó guardado en este equipo.', discard_draft: 'Descartar y empezar de nuevo',
      submit: 'Registrar caso',
      section: {
        report: 'Denuncia y fechas de los hechos', elements: 'Elementos del delito (Palermo)', places: 'Lugares', victims: 'Víctimas',
        suspects: 'Presuntos tratantes', more: 'Otros datos',
      },
    },
    field: {
      code: 'Código', source: 'Origen', reported_on: 'Fecha de la denuncia', facts_precision: 'Precisión de la fecha de los hechos',
      facts_exact: 'Fecha exacta', facts_approximate: 'Fecha aproximada', facts_date: 'Fecha de los hechos', facts_from: 'Desde', facts_to: 'Hasta',
      partial_date_help: 'Año (2016), año y mes (2016-05) o fecha completa', acts: 'Conductas (actos)', means: 'Medios',
      purposes: 'Finalidades de explotación', purpose: 'Finalidad', sexual_subtypes: 'Modalidades de explotación sexual', sectors: 'Sectores económicos',
      recruitment_methods: 'Formas de captación', transport_modes: 'Medios de transporte', is_international: 'Trata internacional',
      organised_crime: 'Crimen organizado', public_official: 'Participó un funcionario público', countries: 'Países involucrados',
      initial_legal_qualification: 'Calificación legal inicial', narrative: 'Relato de los hechos',
      narrative_help: 'Dato reservado: se guarda cifrado y su lectura queda registrada.', status: 'Estado', registered_at: 'Registrado',
      victims: 'Víctimas', flags: 'Características',
    },
    help: {
      acts: '¿Qué hizo el tratante con la víctima? Captar, transportar, trasladar, acoger o recibir.',
      means: '¿Cómo se doblegó su voluntad? Engaño, amenaza, violencia, abuso de vulnerabilidad, deudas… No se exige si la víctima es menor de edad.',
      purposes: '¿Para qué? La explotación buscada, aunque no haya llegado a ocurrir.',
    },
    list: {
      title: 'Casos', filters: 'Filtros de casos', search: 'Código del caso', from: 'Registrado desde', to: 'Registrado hasta',
      empty: 'No hay casos que coincidan con los filtros.', children: '{{n}} menores',
      sort: {
        '-registeredAt': 'Registro: más recientes', registeredAt: 'Registro: más antiguos', '-reportedOn': 'Denuncia: más recientes',
        reportedOn: 'Denuncia: más antiguas', code: 'Código (A–Z)', '-code': 'Código (Z–A)',
      },
    },
    page: {
      title: 'Caso {{code}}', subtitle: 'Registrado el {{date}} · {{source}}', registered: 'Se registró el caso {{code}}.',
      not_found_title: 'Caso no disponible', not_found: 'El caso no existe o no está al alcance de su institución.',
      places: 'Lugares', no_places: 'No se registraron lugares.', victims: 'Víctimas ({{n}})', suspects: 'Presuntos tratantes ({{n}})',
      no_victims: 'No hay víctimas registradas.', no_suspects: 'No hay presuntos tratantes registrados.',
      suspects_hidden: 'Su institución ve este caso por una derivación: solo las víctimas derivadas.',
      identity_note: 'Los datos de identidad solo se muestran a funciones autorizadas que indican un motivo.',
    },
    tab: {
      summary: 'Resumen', people: 'Personas ({{n}})', justice: 'Justicia', protection: 'Protección', linked: 'Llamadas y operativos', history: 'Historial',
    },
    history: {
      empty: 'Sin eventos registrados.', access_log: 'Accesos a datos de identidad', no_access: 'Nadie ha consultado datos de identidad de este caso.',
      when: 'Cuándo', who: 'Quién', reason: 'Motivo',
    },
    event: { registration: 'Registro del caso', update: 'Actualización', transfer: 'Transferencia a otra unidad', operation_link: 'Vinculado a un operativo', hotline_link: 'Vinculado a una llamada' },
    linked: { none: 'No hay llamadas ni operativos vinculados al caso {{code}}.' },
  },
} as const;
