// A claim's audit entries in the analyst's words: what was done, which values changed from what
// to what. No field names, ids or `null` reach the screen (ClaimHistory.tsx draws these).
import { CREDIBILITY } from '../../../../shared/admiralty.ts';
import type { AuditEntry } from '../../../../shared/api.ts';

export interface HistoryChange {
  label: string;
  /** Absent when the value is new (nothing before) or gone (nothing after). */
  before?: string;
  after?: string;
}

export interface HistoryLine {
  /** What was done, e.g. "Evidence removed — its passage was deleted". */
  title: string;
  /** The passage quoted or the claim's words the entry is about, when it names them. */
  quote?: string;
  changes: HistoryChange[];
}

const TITLE: Record<string, string> = {
  'claim.create': 'Created',
  'claim.update': 'Edited',
  'claim.verdict': 'Verdict',
  'claim.merge': 'Merged another claim into this one',
  'claim.delete': 'Deleted',
  'claim.shared-origin': 'Shared-origin warning',
  'evidence.link': 'Evidence added',
  'evidence.update': 'Evidence changed',
  'evidence.unlink': 'Evidence removed',
};

/** Why a change was made, when the desk says (`reason` in the entry), in a few words. */
const REASON: Record<string, string> = {
  'passage deleted': 'its passage was deleted',
  'passage deletion undone': 'its passage was restored (undo)',
};

/** What each recorded field is called on screen; fields not listed (ids) are not shown. */
const FIELD: Record<string, string> = {
  text: 'Wording',
  tags: 'Tags',
  verdict: 'Verdict',
  verdictRationale: 'Verdict rationale',
  stance: 'Stance',
  credibility: 'Credibility',
  note: 'Note',
  decision: 'Decision',
};

const STANCE: Record<string, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  context: 'context',
};

const DECISION: Record<string, string> = {
  confirmed: 'same origin',
  dismissed: 'independent',
};

/** What "nothing" is called for each field (a null verdict is "no verdict", not "null"). */
const NOTHING: Record<string, string> = {
  verdict: 'no verdict',
  tags: 'no tags',
  note: 'no note',
  verdictRationale: 'no rationale',
  decision: 'undecided',
  text: 'empty',
};

/** One value as the analyst reads it. */
export function showValue(field: string, value: unknown): string {
  const nothing = NOTHING[field] ?? 'none';
  if (value === null || value === undefined || value === '') return nothing;
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : nothing;
  if (field === 'credibility' && typeof value === 'number') {
    const words = CREDIBILITY[value as keyof typeof CREDIBILITY];
    return words ? `${value} — ${words}` : String(value);
  }
  if (field === 'stance') return STANCE[String(value)] ?? String(value);
  if (field === 'decision') return DECISION[String(value)] ?? String(value);
  if (field === 'text' || field === 'note' || field === 'verdictRationale') return `“${value}”`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const isEmpty = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/** Reads one entry. Unknown actions still read: their title is the action, their fields shown. */
export function describeEntry(entry: AuditEntry): HistoryLine {
  const before = record(entry.before);
  const after = record(entry.after);
  let title = TITLE[entry.action] ?? entry.action.replace(/[.-]/g, ' ');
  const reason = after.reason ?? before.reason;
  if (typeof reason === 'string') title += ` — ${REASON[reason] ?? reason}`;

  if (entry.action === 'claim.merge') {
    const merged = record(before.merged);
    const passages = Number(merged.evidence ?? 0);
    return {
      title,
      ...(typeof merged.text === 'string' ? { quote: merged.text } : {}),
      changes:
        typeof after.passages === 'number'
          ? [
              {
                label: 'Passages',
                after: `${after.passages} (${passages} came with it)`,
              },
            ]
          : [],
    };
  }
  if (entry.action === 'claim.delete') {
    const count = Number(before.evidence ?? 0);
    return {
      title,
      ...(typeof before.text === 'string' ? { quote: before.text } : {}),
      changes: [{ label: 'Evidence', before: `${count} ${count === 1 ? 'passage' : 'passages'}` }],
    };
  }

  // The quoted passage (evidence entries) or the claim's words (creation) head the line.
  const quote =
    typeof (after.quote ?? before.quote) === 'string'
      ? String(after.quote ?? before.quote)
      : entry.action === 'claim.create' && typeof after.text === 'string'
        ? after.text
        : undefined;

  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => k in FIELD,
  );
  const changes: HistoryChange[] = [];
  for (const field of fields) {
    // The claim's words at creation are the quote already.
    if (entry.action === 'claim.create' && field === 'text') continue;
    const had = field in before;
    const has = field in after;
    // A field recorded on both sides but unchanged (evidence.update records all three) is not news.
    if (had && has && same(before[field], after[field])) continue;
    // Nor is a new thing's empty field ("Tags: no tags" on a claim just created).
    if (!had && has && isEmpty(after[field])) continue;
    changes.push({
      label: FIELD[field] as string,
      ...(had ? { before: showValue(field, before[field]) } : {}),
      ...(has ? { after: showValue(field, after[field]) } : {}),
    });
  }
  return { title, ...(quote !== undefined ? { quote } : {}), changes };
}
