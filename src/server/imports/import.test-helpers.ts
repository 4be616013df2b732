import ExcelJS from 'exceljs';

/** A workbook with the given sheets (first row the headers), as an upload would bring it. */
export async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const caseHeaders = ['id_externo', 'fuente', 'fecha_denuncia', 'conductas', 'finalidades', 'internacional'];
export const caseRow = (id: string, extra: { purposes?: string; reportedOn?: string } = {}) => [id, 'complaint', extra.reportedOn ?? '2026-01-15', 'recruitment', extra.purposes ?? 'forced_labour', 'no'];
export const victimHeaders = ['id_externo', 'id_externo_caso', 'sexo', 'anio_nacimiento', 'edad', 'formas_explotacion'];
export const victimRow = (id: string, caseId: string, age = 16) => [id, caseId, 'female', 2026 - age - 1, age, 'forced_labour'];
export const placeHeaders = ['id_externo_caso', 'tipo', 'ubigeo', 'pais'];
