import { z } from 'zod';
import { suspectCreate, victimCreate } from '../../../contracts/cases';
import { toCaseCreate, type CaseFormValues } from './case-form';

/**
 * The contract of the one person added to a case (its victim or suspect contract), at the path the form
 * shows it (`victims.0…` / `suspects.0…`): the contract's messages land on the form's own fields.
 */
export const personContract = { victim: z.object({ victims: z.tuple([victimCreate]) }), suspect: z.object({ suspects: z.tuple([suspectCreate]) }) };
export const preparePerson = (kind: 'victim' | 'suspect', withIdentity: boolean) => (values: CaseFormValues) => {
  const body = toCaseCreate(values, withIdentity);
  return kind === 'victim' ? { victims: [body.victims?.[0]] } : { suspects: [body.suspects?.[0]] };
};
