/** The country running RETA (Peru is the default profile); its nationals need no residency permit. */
export const HOME_COUNTRY = 'PER';

/**
 * A residency permit is for foreign victims: refused for a person recorded as a national of the home
 * country. Unknown nationality (none recorded) does not block it — undocumented victims are common.
 */
export const mayReceiveResidencyPermit = (nationalities: readonly string[], homeCountry = HOME_COUNTRY) => !nationalities.includes(homeCountry);
