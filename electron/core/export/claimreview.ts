// The claims with a verdict as schema.org ClaimReviews (https://schema.org/ClaimReview), one JSON-LD
// graph: what fact-check search engines and newsroom tools read. Each review names the claim,
// where it appeared (the reports whose passages support it, with their quotes), the reviewer, and
// a rating whose explanation is the desk's computed status and its independent origins.
//
// Rating scale (ratingValue, worstRating 1, bestRating 3), after the verdict:
//   1 Refuted · 2 Unresolved · 3 Verified
// alternateName carries the verdict in words, which is what readers show.
import type { ExportFile } from '../../../shared/api/sets.ts';
import type { ClaimSet, SetClaim, SetReport } from '../../../shared/claim-set.ts';
import { STATUS_LABEL } from '../../../shared/corroboration.ts';
import type { Verdict } from '../../../shared/vocabulary.ts';
import { indexSet, plural, quoteOf, reliabilityWords, type SetIndex } from './set-index.ts';

export const RATING_VALUE: Record<Verdict, number> = { refuted: 1, unresolved: 2, verified: 3 };
const RATING_NAME: Record<Verdict, string> = {
  verified: 'Verified',
  refuted: 'Refuted',
  unresolved: 'Unresolved',
};

/** A report as a CreativeWork, with the claim's quotes from it. */
function creativeWork(report: SetReport, quotes: string[]): Record<string, unknown> {
  return {
    '@type': 'CreativeWork',
    // The report's identity is its text: anyone holding the text can check it.
    identifier: report.id,
    headline: report.title,
    ...(report.url ? { url: report.url } : {}),
    ...(report.publishedAt ? { datePublished: report.publishedAt } : {}),
    ...(report.outlet ? { publisher: { '@type': 'Organization', name: report.outlet } } : {}),
    ...(report.language ? { inLanguage: report.language } : {}),
    text: quotes.length === 1 ? quotes[0] : quotes,
  };
}

/** The reports a claim's evidence of the given stances stands in, each with its quotes. */
function works(index: SetIndex, claim: SetClaim, stances: readonly string[]) {
  const byReport = new Map<string, string[]>();
  for (const e of index.evidenceOf(claim.id)) {
    if (!stances.includes(e.stance)) continue;
    const passage = index.passage(e.passage);
    if (!passage) continue;
    const quotes = byReport.get(passage.report) ?? [];
    if (!quotes.includes(quoteOf(passage))) quotes.push(quoteOf(passage));
    byReport.set(passage.report, quotes);
  }
  return [...byReport].flatMap(([urn, quotes]) => {
    const report = index.report(urn);
    return report ? [creativeWork(report, quotes)] : [];
  });
}

/** The computed status in words, and the independent origins behind it. */
export function ratingExplanation(claim: SetClaim): string {
  const origins = (stance: string) =>
    claim.origins
      .filter((o) => o.stance === stance)
      .map(
        (o) =>
          `${o.name}${o.outlet && o.outlet !== o.name ? ` (${o.outlet})` : ''}, reliability ${reliabilityWords(o.reliability)}`,
      );
  const supporting = origins('supports');
  const contradicting = origins('contradicts');
  const parts = [
    `Computed status: ${STATUS_LABEL[claim.status]}.`,
    `Supported by ${plural(claim.counts.independentOrigins, 'independent origin')}${supporting.length ? `: ${supporting.join('; ')}` : ''}.`,
  ];
  if (claim.counts.contradictingOrigins > 0)
    parts.push(
      `Contradicted by ${plural(claim.counts.contradictingOrigins, 'independent origin')}: ${contradicting.join('; ')}.`,
    );
  return parts.join(' ');
}

function claimReview(set: ClaimSet, index: SetIndex, claim: SetClaim, verdict: Verdict) {
  const appearance = works(index, claim, ['supports']);
  const citation = works(index, claim, ['contradicts', 'context']);
  return {
    '@type': 'ClaimReview',
    claimReviewed: claim.text,
    itemReviewed: {
      '@type': 'Claim',
      '@id': `urn:uuid:${claim.id}`,
      ...(appearance.length ? { appearance } : {}),
    },
    author: { '@type': 'Person', name: set.exported.reviewer },
    datePublished: set.exported.at,
    ...(claim.rationale ? { reviewBody: claim.rationale } : {}),
    ...(claim.tags.length ? { keywords: claim.tags.join(', ') } : {}),
    // Reports that contradict the claim or give it context: read, but not where it appeared.
    ...(citation.length ? { citation } : {}),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: RATING_VALUE[verdict],
      worstRating: 1,
      bestRating: 3,
      alternateName: RATING_NAME[verdict],
      ratingExplanation: ratingExplanation(claim),
    },
  };
}

export function claimReviewFile(set: ClaimSet): ExportFile {
  const index = indexSet(set);
  const graph = set.claims.flatMap((claim) =>
    claim.verdict ? [claimReview(set, index, claim, claim.verdict)] : [],
  );
  return {
    name: 'claimreview.jsonld',
    mediaType: 'application/ld+json',
    content: `${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2)}\n`,
  };
}
