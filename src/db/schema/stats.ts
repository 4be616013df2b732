// Tables of the stats feature. Owned by src/server/stats.
export {};
