// Tables of the prevention feature. Owned by src/server/prevention.
export {};
