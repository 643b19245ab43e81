// What the per-domain handler factories share: the shape of a slice of handlers.
import type { Method, Output, ParsedInput } from '../../../shared/api.ts';

/** The handlers of the methods M: each takes the parsed input and returns the method's output. */
export type Handlers<M extends Method = Method> = {
  [K in M]: (input: ParsedInput<K>) => Promise<Output<K>> | Output<K>;
};

/** A name or a text cut short for an undo label. */
export const short = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The contract's methods whose names start with one of the prefixes, e.g. MethodsOf<'claims'>. */
export type MethodsOf<Prefix extends string> = Extract<Method, `${Prefix}.${string}`>;
