// Tables of the protection feature. Owned by src/server/protection.
export {};
