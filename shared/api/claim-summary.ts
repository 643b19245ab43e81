// A claim as the list shows it. Its own file because both the claims and the evidence slices
// return it (each change of evidence hands back the claim's new summary).
import { z } from 'zod';
import { claimStatus, credibility, id, verdict } from './common.ts';

export const claimSummarySchema = z.object({
  id,
  /** Its identity in claim sets (docs/claim-set.md): the same on every desk it is merged into. */
  uuid: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  verdict: verdict.nullable(),
  verdictRationale: z.string(),
  status: claimStatus,
  suggestedCredibility: credibility,
  counts: z.object({
    passages: z.number().int(),
    reports: z.number().int(),
    outlets: z.number().int(),
    supportingOrigins: z.number().int(),
    contradictingOrigins: z.number().int(),
  }),
  openWarnings: z.number().int(),
  updatedAt: z.string(),
});
export type ClaimSummary = z.infer<typeof claimSummarySchema>;
