// How a conflict's two values read to the reviewer: grades with their Admiralty wording, verdicts
// and stances as the rest of the desk names them, never raw JSON when the field is known.
import { CREDIBILITY, RELIABILITY } from '../../../../shared/admiralty.ts';

const VERDICT_LABEL: Record<string, string> = {
  verified: 'Verified',
  refuted: 'Refuted',
  unresolved: 'Unresolved',
};
const STANCE_LABEL: Record<string, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context',
};
/** What each field is called in the conflict's heading. */
export const FIELD_LABEL: Record<string, string> = {
  reliability: 'reliability grade',
  cites: 'cites',
  verdict: 'verdict',
  text: 'wording',
  note: 'note',
  source: 'attributed source',
  stance: 'stance',
  credibility: 'credibility',
  originReview: 'shared origin of two quotes',
};

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
const lookup = <T extends Record<string | number, string>>(
  table: T,
  key: unknown,
): string | null =>
  typeof key === 'string' || typeof key === 'number'
    ? ((table as Record<string | number, string>)[key] ?? null)
    : null;

/** A value and, for a grade or verdict, the reviewer's rationale under it. */
export interface ValueText {
  text: string;
  why: string;
}

/** A source as the merge names it: by name and outlet, else by the first characters of its id. */
const sourceRef = (value: unknown, none: string): string => {
  const { id, name } = record(value);
  if (typeof name === 'string' && name !== '') return name;
  const uuid = typeof value === 'string' ? value : id;
  return typeof uuid === 'string' ? `source ${uuid.slice(0, 8)}` : none;
};

export function conflictValue(field: string, value: unknown): ValueText {
  const v = record(value);
  const why = typeof v.rationale === 'string' ? v.rationale : '';
  switch (field) {
    case 'reliability': {
      const wording = lookup(RELIABILITY, v.grade);
      return { text: wording ? `${String(v.grade)} — ${wording}` : 'Not graded', why };
    }
    case 'verdict':
      return { text: lookup(VERDICT_LABEL, v.verdict) ?? 'No verdict', why };
    case 'stance':
      return { text: lookup(STANCE_LABEL, value) ?? String(value), why: '' };
    case 'credibility': {
      const wording = lookup(CREDIBILITY, value);
      return { text: wording ? `${String(value)} — ${wording}` : String(value), why: '' };
    }
    case 'cites':
      return { text: sourceRef(value, 'Cites no other source'), why: '' };
    case 'source':
      return { text: sourceRef(value, 'The report’s outlet'), why: '' };
    case 'originReview': {
      const quotes = Array.isArray(v.quotes) ? v.quotes.map((q) => `“${String(q)}”`) : [];
      return {
        text: v.decision === 'confirmed' ? 'One origin' : 'Separate origins',
        why: quotes.join(' and '),
      };
    }
    default:
      if (value === null || value === undefined || value === '')
        return { text: '(empty)', why: '' };
      return { text: typeof value === 'string' ? value : JSON.stringify(value), why: '' };
  }
}
