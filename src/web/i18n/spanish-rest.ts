import esCodes from '../../i18n/es/codes';
import esErrors from '../../i18n/es/errors';
import esUi from '../../i18n/es/ui';
import { flatten } from './flatten';

/**
 * The Spanish catalogues past the sign-in page (every screen's texts, the code-list labels, every error),
 * in a chunk loaded with the signed-in shell and the public pages: the first download carries only the
 * sign-in page's part (setup.ts). The bundler shares the modules both import, so nothing is sent twice.
 */
export const spanishRest = { ui: flatten(esUi), codes: flatten(esCodes), errors: esErrors };
