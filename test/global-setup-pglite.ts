import { ensurePgliteTemplate } from './template';

export default async function setup() {
  await ensurePgliteTemplate();
}
