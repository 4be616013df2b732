/**
 * Peru's departments as a tile-grid map (9 rows × 5 columns): each department one equal tile placed
 * roughly where it lies, north to south and west to east, so small departments are as visible as large
 * ones. Used by the statistics page and by the annual report's map.
 */
export const TILE_ROWS = 9;
export const TILE_COLUMNS = 5;

export const departmentTiles: Readonly<Record<string, readonly [row: number, column: number]>> = {
  '24': [0, 1], '16': [0, 3], '20': [1, 0], '06': [1, 1], '01': [1, 2], '14': [2, 0], '22': [2, 2], '13': [2, 1], '25': [2, 3],
  '02': [3, 1], '10': [3, 2], '19': [3, 3], '15': [4, 1], '07': [4, 0], '12': [4, 2], '09': [5, 1], '05': [5, 2], '08': [5, 3], '17': [4, 4],
  '11': [6, 1], '03': [6, 2], '21': [6, 4], '04': [7, 2], '18': [7, 3], '23': [8, 3],
};
