import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/api.ts';
import type { AppSession } from './session.ts';

export type Handler<M extends MethodName> = (session: AppSession, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;

/** The handlers of one area: every method whose name starts with one of the prefixes. */
export type AreaHandlers<Prefix extends string> = {
  [M in MethodName as M extends `${Prefix}.${string}` ? M : never]: Handler<M>;
};
