/** Spanish labels of every code list in src/core/codes.ts (and roles, justice stages), keyed list → code. */
export default {
  acts: {
    recruitment: 'Captación', transportation: 'Transporte', transfer: 'Traslado', harbouring: 'Acogida', receipt: 'Recepción',
  },
  means: {
    threat: 'Amenaza', force: 'Uso de la fuerza', coercion: 'Coacción', abduction: 'Rapto', fraud: 'Fraude',
    deception: 'Engaño (incluye ofertas de trabajo falsas)', abuse_of_power: 'Abuso de poder',
    abuse_of_vulnerability: 'Abuso de una situación de vulnerabilidad', payment_to_controller: 'Pagos o beneficios a quien tiene autoridad sobre la víctima',
    debt_bondage: 'Servidumbre por deudas', withholding_documents: 'Retención de documentos', restricting_movement: 'Restricción de movimiento',
    psychological_abuse: 'Maltrato psicológico', physical_abuse: 'Maltrato físico', sexual_abuse: 'Abuso sexual',
    psychoactive_substances: 'Sustancias psicoactivas', withholding_earnings: 'Retención de ingresos',
    withholding_necessities: 'Privación de necesidades básicas', excessive_working_hours: 'Jornadas excesivas',
    threats_to_family: 'Amenazas a la familia', threat_of_law_enforcement: 'Amenaza de denuncia a las autoridades', other: 'Otro',
  },
  purposes: {
    sexual_exploitation: 'Explotación sexual', forced_labour: 'Trabajo forzoso', domestic_servitude: 'Servidumbre doméstica',
    slavery_or_similar_practices: 'Esclavitud o prácticas análogas', servitude: 'Servidumbre', forced_begging: 'Mendicidad forzada',
    forced_criminal_activity: 'Actividades delictivas forzadas', sale_of_children: 'Venta de niños, niñas y adolescentes',
    illegal_adoption: 'Adopción ilegal', forced_marriage: 'Matrimonio forzado', organ_removal: 'Extracción de órganos',
    child_pornography: 'Pornografía infantil', forced_military_use: 'Reclutamiento forzoso (uso militar)', surrogacy: 'Gestación subrogada forzada', other: 'Otra',
  },
  sexualExploitationSubtypes: {
    prostitution: 'Prostitución', pornography: 'Pornografía', remote_interactive_services: 'Servicios interactivos a distancia',
    private_sexual_services: 'Servicios sexuales privados', child_sex_tourism: 'Explotación sexual en el turismo',
  },
  sectors: {
    mining: 'Minería', logging: 'Tala', agriculture: 'Agricultura', fishing: 'Pesca', brick_making: 'Ladrilleras',
    manufacturing: 'Manufactura', construction: 'Construcción', domestic_work: 'Trabajo del hogar', street_vending: 'Venta ambulante',
    hospitality_bars: 'Bares y hospedaje', transport: 'Transporte', begging: 'Mendicidad', other: 'Otro',
  },
  recruitmentMethods: {
    job_offer: 'Oferta de empleo', online_advert: 'Anuncio en internet', social_network: 'Red social', newspaper_advert: 'Aviso en periódico',
    employment_agency: 'Agencia de empleo', tourism_agency: 'Agencia de turismo', acquaintance_or_friend: 'Conocido o amigo', family: 'Familia',
    intimate_partner: 'Pareja', at_school: 'En la escuela', at_workplace: 'En el trabajo', abduction: 'Rapto', other: 'Otro',
  },
  transportModes: { land: 'Terrestre', river: 'Fluvial', air: 'Aéreo', sea: 'Marítimo', on_foot: 'A pie', other: 'Otro' },
  relationships: {
    family: 'Familiar', intimate_partner: 'Pareja', friend_or_acquaintance: 'Amigo o conocido', employer: 'Empleador',
    stranger: 'Desconocido', public_official: 'Funcionario público', unknown: 'No se sabe',
  },
  sexes: { female: 'Mujer', male: 'Hombre', unknown: 'No se sabe' },
  genderIdentities: { transgender_female: 'Mujer trans', transgender_male: 'Hombre trans', non_conforming: 'No conforme', not_stated: 'No declarada' },
  identificationStatuses: { possible_victim: 'Posible víctima', confirmed_victim: 'Víctima confirmada', not_a_victim: 'No es víctima' },
  yesNoUnknown: { yes: 'Sí', no: 'No', unknown: 'No se sabe' },
  institutionKinds: {
    police: 'Policía', prosecution: 'Fiscalía', judiciary: 'Poder Judicial', social_services: 'Servicios sociales',
    labour_inspection: 'Inspección laboral', hotline: 'Línea de denuncias', foreign_affairs: 'Relaciones Exteriores', migration: 'Migraciones',
    health: 'Salud', ngo: 'ONG', international_org: 'Organismo internacional', other: 'Otra',
  },
  serviceTypes: {
    shelter: 'Albergue', emergency_care: 'Atención de emergencia', medical: 'Atención médica', psychological: 'Atención psicológica',
    legal_aid: 'Asistencia legal', social_care: 'Atención social', education: 'Educación', livelihood: 'Medios de vida',
    reintegration: 'Reintegración', repatriation: 'Repatriación', residency_permit: 'Permiso de residencia', interpretation: 'Interpretación',
    family_tracing: 'Búsqueda de familia', other: 'Otro',
  },
  referralStatuses: { requested: 'Solicitada', accepted: 'Aceptada', provided: 'Prestada', declined: 'Rechazada', closed: 'Cerrada' },
  hotlineClassifications: {
    nuisance: 'Llamada improcedente', information_request: 'Pedido de información', tip_report_no_action: 'Denuncia sin acción requerida',
    tip_report_action_required: 'Denuncia que requiere acción', other_crime: 'Otro delito',
  },
  caseSources: {
    complaint: 'Denuncia', police_operation: 'Operativo policial', hotline: 'Línea de denuncias', ex_officio: 'De oficio',
    labour_inspection: 'Inspección laboral', referral_abroad: 'Derivación desde el exterior', ngo: 'ONG', other: 'Otra',
  },
  caseStatuses: { open: 'Abierto', closed: 'Cerrado' },
  placeKinds: { recruitment: 'Captación', transit: 'Tránsito', exploitation: 'Explotación', residence: 'Residencia' },
  operationTypes: { intelligence_led: 'Operativo de inteligencia', routine_inspection: 'Control de rutina', rescue: 'Rescate', labour_inspection: 'Inspección laboral' },
  preventionTypes: { training: 'Capacitación', awareness_campaign: 'Campaña de sensibilización', workshop: 'Taller' },
  preventionAudiences: {
    police: 'Policías', prosecutors: 'Fiscales', judges: 'Jueces', labour_inspectors: 'Inspectores laborales', teachers: 'Docentes',
    officials: 'Funcionarios', community_leaders: 'Líderes comunitarios', tourism_sector: 'Sector turismo', transport_sector: 'Sector transporte', public: 'Público en general',
  },
  suspectRoles: {
    recruiter: 'Captador', transporter: 'Transportista', exploiter: 'Explotador', controller: 'Controlador', financier: 'Financista',
    client: 'Cliente', facilitator: 'Facilitador', other: 'Otro',
  },
  educationLevels: {
    none: 'Sin educación', isced_0: 'Educación inicial', isced_1: 'Primaria', isced_2: 'Secundaria (primer ciclo)', isced_3: 'Secundaria (segundo ciclo)',
    isced_4: 'Postsecundaria no terciaria', isced_5: 'Técnica superior de ciclo corto', isced_6: 'Universitaria (bachiller)', isced_7: 'Maestría', isced_8: 'Doctorado', unknown: 'No se sabe',
  },
  documentTypes: { dni: 'DNI', carne_extranjeria: 'Carné de extranjería', passport: 'Pasaporte', birth_certificate: 'Partida de nacimiento', other: 'Otro' },
  roles: {
    administrator: 'Administrador', registrar: 'Registrador', investigator: 'Investigador policial', prosecutor: 'Fiscal', court_clerk: 'Especialista judicial',
    social_worker: 'Trabajador social', hotline_operator: 'Operador de la línea', labour_inspector: 'Inspector laboral', analyst: 'Analista', supervisor: 'Supervisor',
  },
  justiceStages: { police: 'Policía', prosecution: 'Fiscalía', court: 'Juzgado', execution: 'Ejecución', international: 'Cooperación internacional' },
  justiceEventTypes: {
    arrest: 'Detención (captura)', detention: 'Detención preliminar', release_from_custody: 'Liberación de custodia', police_report_sent: 'Informe policial remitido',
    preliminary_investigation_opened: 'Investigación preliminar abierta', investigation_formalised: 'Investigación preparatoria formalizada', charges_filed: 'Acusación presentada',
    reclassified: 'Recalificación', archived: 'Archivo', plea_agreement: 'Terminación anticipada', trial_started: 'Inicio del juicio', decision: 'Sentencia (fallo)',
    sentence: 'Pena impuesta', appeal_filed: 'Apelación presentada', appeal_decided: 'Apelación resuelta', final: 'Sentencia firme',
    imprisonment_started: 'Ingreso a prisión', released: 'Excarcelación', extradition_requested: 'Extradición solicitada', extradited: 'Extraditado',
    mutual_legal_assistance: 'Asistencia judicial mutua',
  },
  decisions: { conviction: 'Condena', acquittal: 'Absolución', dismissal: 'Sobreseimiento', suspended_insufficient_evidence: 'Suspendida por insuficiencia de pruebas' },
  ageBands: { '0-13': '0 a 13', '14-17': '14 a 17', '18-30': '18 a 30', '31+': '31 a más', unknown: 'Sin dato' },
  purposeGroups: { sexual: 'Sexual', labour: 'Laboral', mixed: 'Mixta', other: 'Otra' },
} as Record<string, Record<string, string>>;
