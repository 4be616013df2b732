/** Spanish texts of protection (composed in ../ui.ts). */
export default {
  protection: {
    new_shelter: 'Nuevo albergue', capacity: 'Camas', shelter: 'Albergue', check_in: 'Fecha de ingreso', admit: 'Registrar ingreso al albergue', shelter_option: '{{name}} ({{free}} camas libres)', shelter_option_full: '{{name}} · {{population}} · {{department}} · {{free}} camas libres', no_department: 'sin departamento', filter_population: 'Población atendida', filter_department: 'Departamento', no_shelter_matches: 'Ningún albergue activo coincide con estos filtros.', placement_warning_title: 'Revise este ingreso', confirm_admission: 'Confirmar el ingreso de todos modos', choose_other_shelter: 'Elegir otro albergue', admission_line: 'Ingresó a {{shelter}}: {{from}} – {{to}}', admission_line_private: 'Ingresó a un albergue: {{from}} – {{to}}',
    title: 'Protección', inbox: 'Derivaciones recibidas', shelters: 'Albergues y ocupación', no_referrals: 'Sin derivaciones para esta víctima.',
    new_referral: 'Derivar a un servicio', to_institution: 'Derivar a', service_type: 'Servicio', consent_given: 'La víctima consintió recibir el servicio',
    consent_help: 'Sin consentimiento solo un supervisor puede derivar, dejando constancia del motivo.', refer: 'Enviar derivación',
    referral_line: 'Enviada por {{from}} el {{date}} · consentimiento: {{consent}}', record_service: 'Registrar servicio prestado',
    started_on: 'Inicio', ended_on: 'Fin', service_line: '{{type}}: {{from}} – {{to}}', ongoing: 'en curso',
    no_shelters: 'No hay albergues registrados.', population: 'Población atendida', occupancy: 'Ocupación',
    beds: '{{occupied}} de {{capacity}} camas ocupadas ({{free}} libres)',
    consent_source: { victim_record: 'según la ficha de la víctima', referral: 'registrado en la derivación', override: 'excepción de supervisor' },
    to_status: { requested: 'Volver a solicitada', accepted: 'Aceptar', provided: 'Marcar como prestada', declined: 'Rechazar', closed: 'Cerrar' },
  },
} as const;
