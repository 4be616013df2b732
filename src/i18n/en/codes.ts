/** English labels of every code list in src/core/codes.ts (and roles, justice stages), keyed list → code. */
export default {
  acts: { recruitment: 'Recruitment', transportation: 'Transportation', transfer: 'Transfer', harbouring: 'Harbouring', receipt: 'Receipt' },
  means: {
    threat: 'Threat', force: 'Use of force', coercion: 'Coercion', abduction: 'Abduction', fraud: 'Fraud',
    deception: 'Deception (incl. false job offers)', abuse_of_power: 'Abuse of power', abuse_of_vulnerability: 'Abuse of a position of vulnerability',
    payment_to_controller: 'Payments or benefits to a person in control', debt_bondage: 'Debt bondage', withholding_documents: 'Withholding documents',
    restricting_movement: 'Restricting movement', psychological_abuse: 'Psychological abuse', physical_abuse: 'Physical abuse', sexual_abuse: 'Sexual abuse',
    psychoactive_substances: 'Psychoactive substances', withholding_earnings: 'Withholding earnings', withholding_necessities: 'Withholding necessities',
    excessive_working_hours: 'Excessive working hours', threats_to_family: 'Threats to family', threat_of_law_enforcement: 'Threat of reporting to authorities', other: 'Other',
  },
  purposes: {
    sexual_exploitation: 'Sexual exploitation', forced_labour: 'Forced labour', domestic_servitude: 'Domestic servitude',
    slavery_or_similar_practices: 'Slavery or similar practices', servitude: 'Servitude', forced_begging: 'Forced begging',
    forced_criminal_activity: 'Forced criminal activity', sale_of_children: 'Sale of children', illegal_adoption: 'Illegal adoption',
    forced_marriage: 'Forced marriage', organ_removal: 'Organ removal', child_pornography: 'Child pornography', forced_military_use: 'Forced military use',
    surrogacy: 'Forced surrogacy', other: 'Other',
  },
  sexualExploitationSubtypes: {
    prostitution: 'Prostitution', pornography: 'Pornography', remote_interactive_services: 'Remote interactive services',
    private_sexual_services: 'Private sexual services', child_sex_tourism: 'Sexual exploitation in tourism',
  },
  sectors: {
    mining: 'Mining', logging: 'Logging', agriculture: 'Agriculture', fishing: 'Fishing', brick_making: 'Brick making', manufacturing: 'Manufacturing',
    construction: 'Construction', domestic_work: 'Domestic work', street_vending: 'Street vending', hospitality_bars: 'Bars and hospitality',
    transport: 'Transport', begging: 'Begging', other: 'Other',
  },
  recruitmentMethods: {
    job_offer: 'Job offer', online_advert: 'Online advert', social_network: 'Social network', newspaper_advert: 'Newspaper advert',
    employment_agency: 'Employment agency', tourism_agency: 'Tourism agency', acquaintance_or_friend: 'Acquaintance or friend', family: 'Family',
    intimate_partner: 'Intimate partner', at_school: 'At school', at_workplace: 'At the workplace', abduction: 'Abduction', other: 'Other',
  },
  transportModes: { land: 'Land', river: 'River', air: 'Air', sea: 'Sea', on_foot: 'On foot', other: 'Other' },
  relationships: {
    family: 'Family', intimate_partner: 'Intimate partner', friend_or_acquaintance: 'Friend or acquaintance', employer: 'Employer',
    stranger: 'Stranger', public_official: 'Public official', unknown: 'Unknown',
  },
  sexes: { female: 'Female', male: 'Male', unknown: 'Unknown' },
  genderIdentities: { transgender_female: 'Transgender woman', transgender_male: 'Transgender man', non_conforming: 'Gender non-conforming', not_stated: 'Not stated' },
  identificationStatuses: { possible_victim: 'Possible victim', confirmed_victim: 'Confirmed victim', not_a_victim: 'Not a victim' },
  yesNoUnknown: { yes: 'Yes', no: 'No', unknown: 'Unknown' },
  institutionKinds: {
    police: 'Police', prosecution: 'Prosecution service', judiciary: 'Judiciary', social_services: 'Social services', labour_inspection: 'Labour inspection',
    hotline: 'Hotline', foreign_affairs: 'Foreign affairs', migration: 'Migration', health: 'Health', ngo: 'NGO', international_org: 'International organisation', other: 'Other',
  },
  serviceTypes: {
    shelter: 'Shelter', emergency_care: 'Emergency care', medical: 'Medical care', psychological: 'Psychological care', legal_aid: 'Legal aid',
    social_care: 'Social care', education: 'Education', livelihood: 'Livelihood', reintegration: 'Reintegration', repatriation: 'Repatriation',
    residency_permit: 'Residency permit', interpretation: 'Interpretation', family_tracing: 'Family tracing', other: 'Other',
  },
  referralStatuses: { requested: 'Requested', accepted: 'Accepted', provided: 'Provided', declined: 'Declined', closed: 'Closed' },
  hotlineClassifications: {
    nuisance: 'Nuisance call', information_request: 'Information request', tip_report_no_action: 'Tip, no action needed',
    tip_report_action_required: 'Tip, action required', other_crime: 'Other crime',
  },
  caseSources: {
    complaint: 'Complaint', police_operation: 'Police operation', hotline: 'Hotline', ex_officio: 'Ex officio', labour_inspection: 'Labour inspection',
    referral_abroad: 'Referral from abroad', ngo: 'NGO', other: 'Other',
  },
  caseStatuses: { open: 'Open', closed: 'Closed' },
  placeKinds: { recruitment: 'Recruitment', transit: 'Transit', exploitation: 'Exploitation', residence: 'Residence' },
  operationTypes: { intelligence_led: 'Intelligence-led operation', routine_inspection: 'Routine inspection', rescue: 'Rescue', labour_inspection: 'Labour inspection' },
  preventionTypes: { training: 'Training', awareness_campaign: 'Awareness campaign', workshop: 'Workshop' },
  preventionAudiences: {
    police: 'Police', prosecutors: 'Prosecutors', judges: 'Judges', labour_inspectors: 'Labour inspectors', teachers: 'Teachers', officials: 'Officials',
    community_leaders: 'Community leaders', tourism_sector: 'Tourism sector', transport_sector: 'Transport sector', public: 'General public',
  },
  suspectRoles: {
    recruiter: 'Recruiter', transporter: 'Transporter', exploiter: 'Exploiter', controller: 'Controller', financier: 'Financier', client: 'Client',
    facilitator: 'Facilitator', other: 'Other',
  },
  educationLevels: {
    none: 'No schooling', isced_0: 'Early childhood', isced_1: 'Primary', isced_2: 'Lower secondary', isced_3: 'Upper secondary',
    isced_4: 'Post-secondary non-tertiary', isced_5: 'Short-cycle tertiary', isced_6: "Bachelor's", isced_7: "Master's", isced_8: 'Doctorate', unknown: 'Unknown',
  },
  documentTypes: { dni: 'National ID (DNI)', carne_extranjeria: 'Foreigner card', passport: 'Passport', birth_certificate: 'Birth certificate', other: 'Other' },
  roles: {
    administrator: 'Administrator', registrar: 'Registrar', investigator: 'Police investigator', prosecutor: 'Prosecutor', court_clerk: 'Court clerk',
    social_worker: 'Social worker', hotline_operator: 'Hotline operator', labour_inspector: 'Labour inspector', analyst: 'Analyst', supervisor: 'Supervisor',
  },
  justiceStages: { police: 'Police', prosecution: 'Prosecution', court: 'Court', execution: 'Execution', international: 'International cooperation' },
  justiceEventTypes: {
    arrest: 'Arrest', detention: 'Detention', release_from_custody: 'Release from custody', police_report_sent: 'Police report sent',
    preliminary_investigation_opened: 'Preliminary investigation opened', investigation_formalised: 'Investigation formalised', charges_filed: 'Charges filed',
    reclassified: 'Reclassified', archived: 'Archived', plea_agreement: 'Plea agreement', trial_started: 'Trial started', decision: 'Decision',
    sentence: 'Sentence', appeal_filed: 'Appeal filed', appeal_decided: 'Appeal decided', final: 'Final judgment', imprisonment_started: 'Imprisonment started',
    released: 'Released', extradition_requested: 'Extradition requested', extradited: 'Extradited', mutual_legal_assistance: 'Mutual legal assistance',
  },
  decisions: { conviction: 'Conviction', acquittal: 'Acquittal', dismissal: 'Dismissal', suspended_insufficient_evidence: 'Suspended, insufficient evidence' },
  ageBands: { '0-13': '0 to 13', '14-17': '14 to 17', '18-30': '18 to 30', '31+': '31 and over', unknown: 'Unknown' },
  purposeGroups: { sexual: 'Sexual', labour: 'Labour', mixed: 'Mixed', other: 'Other' },
  victimAgeBands: { under_14: 'Under 14', '14_17': '14 to 17', under_18: 'Under 18 (not specified)', '18_plus': '18 and over' },
  ageGroups: { child: 'Child', presumed_child: 'Presumed child', adult: 'Adult' },
} as Record<string, Record<string, string>>;
