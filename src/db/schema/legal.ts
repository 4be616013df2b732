// Tables of the legal feature. Owned by src/server/legal.
export {};
