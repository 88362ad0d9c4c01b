import type { AreaHandlers } from '../handler-types.ts';
import { declarationsOf, recordDeclaration, setDeclarationMonth } from './service.ts';

export const declarationHandlers: AreaHandlers<'declarations'> = {
  'declarations.ofPerson': (session, { personId }) => declarationsOf(session.database.writeContext, personId),
  'declarations.record': (session, input) => recordDeclaration(session.database.writeContext, input),
  'declarations.setMonth': (session, input) => setDeclarationMonth(session.database.writeContext, input),
};
