/** Error messages of the stats feature, keyed by error code. */
export default {
  'stats.unknown_indicator': 'There is no statistic with that name. See /api/v1/stats/indicators for the list.',
  'stats.dimension_not_allowed': 'This statistic cannot be broken down by that dimension.',
  'stats.invalid_period': 'The start of the period must not be after its end.',
  'stats.top_needs_rows': 'Keeping the largest rows needs at least one dimension to break down by.',
  'stats.public_year_required': 'A public table covers one completed year: give the year (`?year=`).',
  'stats.public_year_incomplete': 'Only completed years are published: the current year is still changing.',
  'stats.not_case_based': 'This statistic does not count records of cases: there are no cases behind its figures.',
  'stats.cell_not_found': 'That figure is not in the table: choose a row and column the table shows.',
  'stats.cell_suppressed': 'This figure is hidden to protect the people it counts: its cases cannot be listed.',
  'stats.no_province_breakdown': 'This statistic cannot be broken down by province of exploitation: choose a count of cases, victims or defendants.',
} as Record<string, string>;
