/**
 * Peru's 34 prosecution districts (distritos fiscales) and the UBIGEO areas each covers, built in so the
 * product runs without any external file. A place belongs to the district of its longest matching prefix
 * (6-digit district, then 4-digit province, then 2-digit department). Coverage follows the public
 * ministry's resolutions as far as they could be checked; where a district's exact coverage is uncertain
 * (Selva Central, the Lima metropolitan split) the areas are the main ones and are editable data in the
 * `stats_prosecution_district_areas` table once seeded.
 */
export interface ProsecutionDistrict {
  code: string;
  name: string;
  /** UBIGEO prefixes (2, 4 or 6 digits). */
  areas: readonly string[];
}

const dept = (code: string, name: string, ...areas: string[]): ProsecutionDistrict => ({ code, name, areas });

export const prosecutionDistricts: readonly ProsecutionDistrict[] = [
  dept('AMAZONAS', 'Amazonas', '01'),
  dept('ANCASH', 'Áncash', '02'),
  dept('APURIMAC', 'Apurímac', '03'),
  dept('AREQUIPA', 'Arequipa', '04'),
  dept('AYACUCHO', 'Ayacucho', '05'),
  dept('CAJAMARCA', 'Cajamarca', '06'),
  dept('CALLAO', 'Callao', '07'),
  dept('CANETE', 'Cañete', '1505', '1510'),
  dept('CUSCO', 'Cusco', '08'),
  dept('HUANCAVELICA', 'Huancavelica', '09'),
  dept('HUANUCO', 'Huánuco', '10'),
  dept('HUAURA', 'Huaura', '1508', '1502', '1503', '1506', '1509'),
  dept('ICA', 'Ica', '11'),
  dept('JUNIN', 'Junín', '12'),
  dept('LA_LIBERTAD', 'La Libertad', '13'),
  dept('LAMBAYEQUE', 'Lambayeque', '14'),
  dept('LIMA', 'Lima', '15', '1501'),
  dept('LIMA_ESTE', 'Lima Este', '150103', '150107', '150109', '150111', '150114', '150118', '150132', '150137', '1507'),
  dept('LIMA_NOROESTE', 'Lima Noroeste', '150125', '150139', '150102', '070106', '070107'),
  dept('LIMA_NORTE', 'Lima Norte', '150106', '150110', '150112', '150117', '150135', '1504'),
  dept('LIMA_SUR', 'Lima Sur', '150108', '150119', '150123', '150124', '150126', '150127', '150129', '150133', '150138', '150142', '150143'),
  dept('LORETO', 'Loreto', '16'),
  dept('MADRE_DE_DIOS', 'Madre de Dios', '17'),
  dept('MOQUEGUA', 'Moquegua', '18'),
  dept('PASCO', 'Pasco', '19'),
  dept('PIURA', 'Piura', '20'),
  dept('PUNO', 'Puno', '21'),
  dept('SAN_MARTIN', 'San Martín', '22'),
  dept('SANTA', 'Santa', '0218'),
  dept('SELVA_CENTRAL', 'Selva Central', '1203', '1206', '1903'),
  dept('SULLANA', 'Sullana', '2005', '2006'),
  dept('TACNA', 'Tacna', '23'),
  dept('TUMBES', 'Tumbes', '24'),
  dept('UCAYALI', 'Ucayali', '25'),
];

/** (prefix → district) rows; a prefix listed twice keeps its first district. */
export function districtAreas(): Array<{ prefix: string; districtCode: string }> {
  const seen = new Set<string>();
  const rows: Array<{ prefix: string; districtCode: string }> = [];
  for (const d of prosecutionDistricts) {
    for (const prefix of d.areas) {
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      rows.push({ prefix, districtCode: d.code });
    }
  }
  return rows;
}

/** The district of a UBIGEO by longest prefix (the same rule the SQL applies). */
export function districtOf(ubigeo: string | null | undefined): string | null {
  if (!ubigeo) return null;
  let best: { prefix: string; districtCode: string } | null = null;
  for (const row of districtAreas()) {
    if (ubigeo.startsWith(row.prefix) && (!best || row.prefix.length > best.prefix.length)) best = row;
  }
  return best?.districtCode ?? null;
}

export const districtName = (code: string) => prosecutionDistricts.find((d) => d.code === code)?.name ?? code;
