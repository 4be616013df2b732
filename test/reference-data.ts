import { join } from 'node:path';

/**
 * Peru's reference files, which live in `../shared/reference/peru` beside the checkout (never copied into
 * the repository). RETA_REFERENCE_DIR points elsewhere when the checkout sits somewhere else.
 */
export const referenceDir = process.env.RETA_REFERENCE_DIR ?? join(import.meta.dirname, '../../shared/reference/peru');

export const referenceFile = (name: string) => join(referenceDir, name);
