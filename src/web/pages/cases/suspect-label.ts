/**
 * A suspect told apart without identity: "PT1 · hombre · 35 · captador" (number in the case, sex, age from the
 * birth year when known, roles). Used where the reader cannot see names, and as the heading's second line.
 */
export function suspectLabel(
  n: number,
  suspect: { person: { sex: string | null; birthYear: number | null }; roles: readonly string[] },
  code: (list: string, value: string) => string,
  year: number,
): string {
  const parts = [`PT${n}`];
  if (suspect.person.sex && suspect.person.sex !== 'unknown') parts.push(code('sexes', suspect.person.sex).toLocaleLowerCase());
  if (suspect.person.birthYear) parts.push(String(year - suspect.person.birthYear));
  for (const role of suspect.roles) parts.push(code('suspectRoles', role).toLocaleLowerCase());
  return parts.join(' · ');
}
