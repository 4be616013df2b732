// Tables of the justice feature. Owned by src/server/justice.
export {};
