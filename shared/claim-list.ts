// The claims list's vocabulary, without zod, so the renderer can use it (shared/api.ts builds the
// contract's schemas from it).
import type { ClaimStatus } from './corroboration.ts';

/** How the claims list is ordered: ties are always broken by id. */
export const CLAIM_SORTS = ['recent', 'status', 'origins', 'text'] as const;

/**
 * The claims list's "needs attention first" order: an origin check waiting for the reviewer's
 * decision comes right after a dispute; corroboration within one outlet before plain corroboration.
 */
export const STATUS_ATTENTION_ORDER = [
  'disputed',
  'corroborated-pending',
  'contradicted',
  'single-origin',
  'corroborated-one-outlet',
  'corroborated',
  'no-evidence',
] as const satisfies readonly ClaimStatus[];
