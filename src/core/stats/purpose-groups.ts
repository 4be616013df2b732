/**
 * Purpose groups for GLOTIP and the annual report (domain.md "Purposes", issue 9 item 3): every detailed
 * form of exploitation belongs to one of three main groups, and a record (a case's purposes, or a
 * victim's forms) gets exactly ONE report group — the groups do not overlap and add up to the total:
 *
 * | detailed form                                                                        | main group |
 * |--------------------------------------------------------------------------------------|------------|
 * | sexual_exploitation, child_pornography                                               | sexual     |
 * | forced_labour, domestic_servitude, slavery_or_similar_practices, servitude           | labour     |
 * | forced_begging, forced_criminal_activity, sale_of_children, illegal_adoption,        | other      |
 * | forced_marriage, organ_removal, forced_military_use, surrogacy, other                |            |
 *
 * Forced begging is "other purposes", as in the GLOTIP questionnaire (which lists begging beside
 * forced criminality and removal of organs, apart from forced labour).
 *
 * Report group of a record: `mixed` when it has both a sexual and a labour form; otherwise `sexual`
 * when it has a sexual form, `labour` when it has a labour form, `other` when it has only other forms;
 * no form at all is unknown (null). A record with sexual (or labour) and "other" forms counts under
 * sexual (or labour): GLOTIP's "mixed" means sexual exploitation and forced labour together.
 */
import type { purposes } from '../codes';

export type MainPurposeGroup = 'sexual' | 'labour' | 'other';
export const purposeGroupIds = ['sexual', 'labour', 'mixed', 'other'] as const;
export type PurposeGroup = (typeof purposeGroupIds)[number];

export const mainPurposeGroup: Record<(typeof purposes)[number], MainPurposeGroup> = {
  sexual_exploitation: 'sexual',
  child_pornography: 'sexual',
  forced_labour: 'labour',
  domestic_servitude: 'labour',
  slavery_or_similar_practices: 'labour',
  servitude: 'labour',
  forced_begging: 'other',
  forced_criminal_activity: 'other',
  sale_of_children: 'other',
  illegal_adoption: 'other',
  forced_marriage: 'other',
  organ_removal: 'other',
  forced_military_use: 'other',
  surrogacy: 'other',
  other: 'other',
};

/** The main group of one detailed form; an unlisted code is `other`. */
export const mainGroupOf = (form: string): MainPurposeGroup => (mainPurposeGroup as Record<string, MainPurposeGroup>)[form] ?? 'other';

/** The one report group of a record's forms (see the table above); null when it has none. */
export function purposeGroupOf(forms: readonly string[]): PurposeGroup | null {
  if (forms.length === 0) return null;
  const groups = new Set(forms.map(mainGroupOf));
  if (groups.has('sexual') && groups.has('labour')) return 'mixed';
  if (groups.has('sexual')) return 'sexual';
  if (groups.has('labour')) return 'labour';
  return 'other';
}
