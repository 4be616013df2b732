import enCodes from '../../i18n/en/codes';
import enErrors from '../../i18n/en/errors';
import enUi from '../../i18n/en/ui';
import enValidation from '../../i18n/en/validation';
import { flatten } from './flatten';

/** The English catalogues, in a chunk of their own: downloaded only by someone who reads English. */
export const english = { ui: flatten(enUi), codes: flatten(enCodes), errors: enErrors, validation: enValidation };
