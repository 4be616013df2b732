/** Peru's 25 first-level divisions (24 departments and Callao), keyed by INEI code. Built in. */
export const peruDepartments: ReadonlyArray<{ code: string; name: string }> = [
  { code: '01', name: 'Amazonas' },
  { code: '02', name: 'Áncash' },
  { code: '03', name: 'Apurímac' },
  { code: '04', name: 'Arequipa' },
  { code: '05', name: 'Ayacucho' },
  { code: '06', name: 'Cajamarca' },
  { code: '07', name: 'Callao' },
  { code: '08', name: 'Cusco' },
  { code: '09', name: 'Huancavelica' },
  { code: '10', name: 'Huánuco' },
  { code: '11', name: 'Ica' },
  { code: '12', name: 'Junín' },
  { code: '13', name: 'La Libertad' },
  { code: '14', name: 'Lambayeque' },
  { code: '15', name: 'Lima' },
  { code: '16', name: 'Loreto' },
  { code: '17', name: 'Madre de Dios' },
  { code: '18', name: 'Moquegua' },
  { code: '19', name: 'Pasco' },
  { code: '20', name: 'Piura' },
  { code: '21', name: 'Puno' },
  { code: '22', name: 'San Martín' },
  { code: '23', name: 'Tacna' },
  { code: '24', name: 'Tumbes' },
  { code: '25', name: 'Ucayali' },
];

export const departmentCodes = new Set(peruDepartments.map((d) => d.code));

/** The department a 2-, 4- or 6-digit UBIGEO falls in. */
export const departmentOf = (ubigeo: string) => ubigeo.slice(0, 2);
