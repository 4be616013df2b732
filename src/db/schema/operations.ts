// Tables of the operations feature. Owned by src/server/operations.
export {};
