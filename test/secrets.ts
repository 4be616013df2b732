/**
 * The text with every UUID put aside, for checks that a short fragment of a secret (four digits of a document
 * number) appears nowhere: ids and request ids are random hex, so one holds any four digits now and then.
 */
export const withoutUuids = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');
