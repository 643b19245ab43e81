// The claims list's vocabulary, without zod, so the renderer can use it (shared/api.ts builds the
// contract's schemas from it).
import type { ClaimStatus } from './corroboration.ts';

/** How the claims list is ordered: ties are always broken by id. */
export const CLAIM_SORTS = ['recent', 'status', 'origins', 'text'] as const;

/** The claims list's "needs attention first" order. */
export const STATUS_ATTENTION_ORDER = [
  'disputed',
  'contradicted',
  'single-origin',
  'corroborated',
  'no-evidence',
] as const satisfies readonly ClaimStatus[];
