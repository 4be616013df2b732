// Tables of the hotline feature. Owned by src/server/hotline.
export {};
