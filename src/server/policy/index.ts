/**
 * THE ACCESS POLICY OF RETA — who sees and who writes what. Every repository, export, snapshot and
 * statistic takes its row scope from this module; no other file decides scope, and no code compares
 * usernames.
 *
 * Actors. A user (session or API token) or the system. System power belongs only to the actor object
 * `systemCtx()` builds (start-up, CLI, tests); a login or token never yields it, whatever the name.
 *
 * Permissions (src/core/permissions.ts) say WHAT a role may do; this module says ON WHICH RECORDS.
 *
 * Access levels on a case (cases.ts), each wider than the one before:
 *   geography  national, or the departments listed on the user; a case falls under the department of its
 *              registering unit.
 *   owned      the actor's institution owns the case, within the actor's geography: edits the case itself.
 *   identified owned, or a full workflow grant (police report → prosecutor office, charges → court,
 *              transfer): reads identity and narratives (with identity.read and a stated reason).
 *   whole      identified, or analyst-wide reading (case.read.all_institutions) within geography: every
 *              part of the case, never identity or restricted texts.
 *   visible    whole, or a referral grant (only the referred victims, no suspects): the case exists.
 *   mayAddParties  (a write level) owned, or the prosecution office holding the case through the police report
 *              (a full `police_report` grant): adds victims and suspects (co-defendants). The chain owner rule:
 *              whoever holds the case at its current stage adds the parties it finds; courts, providers and
 *              analysts never do; only the owner edits the case itself and its existing parties.
 *   Victims: `identified victim` = identified case or the victim referred to the actor's institution; it is
 *   also the level that WRITES protection records (identification, reparation, repatriation, residency,
 *   referrals, shelter stays). Writes never follow analyst-wide reading.
 *
 * Records owned by an institution (operations, prevention activities, hotline calls) and every statistic
 * (geography.ts, stats.ts): the actor's institution within geography; analyst-wide reading: every
 * institution within geography. Only the owning institution writes them. A hotline call is shared with the
 * police UNIT it was referred to (hotline.ts): that unit reads its summary and records its outcome.
 * Snapshots carry the scope they were built with; exact figures only for readers whose scope covers it.
 *
 * One rule per role (several roles add up their permissions; scope never widens writes):
 *   administrator     institutions, units, users, tokens, reference data; no case data.
 *   registrar, investigator, labour_inspector
 *                     create cases; edit owned cases; identified cases and victims with identity;
 *                     protection records of identified victims; operations/prevention of own institution.
 *   prosecutor        registers complaints made directly to the prosecution (create cases, owned by its
 *                     institution); identified cases (police report grant) with identity; prosecution events
 *                     there; adds victims and co-defendants where it may add parties; edits owned cases;
 *                     protection records of identified victims.
 *   court_clerk       identified cases (charges grant); court and execution events there.
 *   social_worker     victims referred to the institution (referral level) or identified; protection
 *                     records and onward referrals within the consent recorded on the referral; shelters.
 *   hotline_operator  calls of the own institution within geography; their summaries.
 *   analyst           whole cases, operations, calls, activities and statistics of every institution within
 *                     geography; never identity, narratives or call summaries; builds annual snapshots.
 *   supervisor        identified cases of the own institution with identity; statistics of the own
 *                     institution within geography; consent override, duplicate review, audit.
 *
 * Background jobs (jobs.ts): started with the permissions of the route that builds the same file; a job,
 * its progress and its file are seen by whoever asked for it only (it was built in their scope).
 *
 * Audit log (audit.ts): the actor's own institution's entries; every institution's with
 * audit.read.all_institutions (administrators).
 */
export * from './audit';
export * from './cases';
export * from './drilldown';
export * from './geography';
export * from './grants';
export * from './hotline';
export * from './jobs';
export * from './loaders';
export * from './releases';
export * from './stats';
export * from './changes';
export * from './reconciliation';
