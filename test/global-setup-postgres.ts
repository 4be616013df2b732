import { ensurePostgresTemplate } from './template';

export default async function setup() {
  const url = process.env.RETA_TEST_DATABASE_URL;
  if (!url) throw new Error('The postgres test project needs RETA_TEST_DATABASE_URL');
  await ensurePostgresTemplate(url);
}
