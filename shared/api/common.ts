// What every slice of the contract shares: the id, the text checks, the grades and stances, and
// `op`, which pairs a method's input and output schemas.
import { z } from 'zod';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from '../admiralty.ts';
import type { MethodName } from '../methods.ts';
import { ANCHOR_STATUSES, CLAIM_STATUSES, STANCES, VERDICTS } from '../vocabulary.ts';

export const id = z.number().int().positive();

/** C0 controls but tab, line feed and carriage return; DEL; C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Refuses a name or text holding NUL or another control character, naming the character. */
export function noControls<T extends z.ZodString>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    const found = CONTROL_CHARACTER.exec(value)?.[0];
    if (found === undefined) return;
    const code = found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    ctx.addIssue({ code: 'custom', message: `holds a control character (U+${code}); remove it` });
  });
}

/**
 * True for an http: or https: address. A report's URL is shown as a link and printed, so no
 * javascript:, file: or data: address is stored.
 */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A report's URL wherever one enters the desk: trimmed, http(s) only. */
export const webUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(isWebUrl, 'a web address starting with http:// or https://');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM');

export const anchorStatus = z.enum(ANCHOR_STATUSES);
export const reliability = z.enum(RELIABILITY_GRADES);
// Any number in, one of the six grades out: the UI's pickers hand over plain numbers.
export const credibility = z.number().pipe(z.literal(CREDIBILITY_GRADES));
export const stance = z.enum(STANCES);
export const claimStatus = z.enum(CLAIM_STATUSES);
export const verdict = z.enum(VERDICTS);

export function op<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

type Op = { input: z.ZodType; output: z.ZodType };

/**
 * One domain's slice of the contract: exactly the methods of METHOD_NAMES whose names start with
 * one of `prefixes` (`satisfies Slice<'claims'>` refuses a missing or a stray method).
 */
export type Slice<Prefix extends string> = {
  [M in Extract<MethodName, `${Prefix}.${string}`>]: Op;
};
