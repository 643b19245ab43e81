import {
  CREDIBILITY,
  CREDIBILITY_GRADES,
  RELIABILITY,
  RELIABILITY_GRADES,
  type Credibility,
  type Reliability,
} from '../../../shared/admiralty.ts';
import { STATUS_LABEL, type ClaimStatus } from '../../../shared/corroboration.ts';

/** Information credibility 1–6, each with its Admiralty wording. */
export function CredibilitySelect({
  value,
  onChange,
  label = 'Credibility',
}: {
  value: Credibility;
  onChange: (grade: Credibility) => void;
  label?: string;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(Number(e.target.value) as Credibility)}
    >
      {CREDIBILITY_GRADES.map((g) => (
        <option key={g} value={g}>
          {g} — {CREDIBILITY[g]}
        </option>
      ))}
    </select>
  );
}

/** Source reliability A–F, each with its Admiralty wording. */
export function ReliabilitySelect({
  value,
  onChange,
  label = 'Reliability',
}: {
  value: Reliability | '';
  onChange: (grade: Reliability) => void;
  label?: string;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as Reliability)}
    >
      {value === '' && <option value="">Not graded</option>}
      {RELIABILITY_GRADES.map((g) => (
        <option key={g} value={g}>
          {g} — {RELIABILITY[g]}
        </option>
      ))}
    </select>
  );
}

/** What each computed status means, in a sentence: the badge's tooltip and the claim's explanation. */
export const STATUS_MEANING: Record<ClaimStatus, string> = {
  'no-evidence': 'No evidence supports or contradicts it yet.',
  'single-origin':
    'Everything weighed comes from one origin, however many reports repeat it: nothing independent confirms it.',
  'corroborated-one-outlet':
    'Independent origins support it, but they all sit in one outlet: weaker than corroboration across outlets, since one outlet’s informants may share what they know.',
  'corroborated-pending':
    'Independent origins in more than one outlet support it, but near-identical wording suggests a possible shared origin: decide the warning before counting it corroborated.',
  corroborated: 'Independent origins in more than one outlet support it, and none contradicts it.',
  disputed: 'Independent origins support it and others contradict it.',
  contradicted: 'Only contradicting evidence.',
};

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <span className={`status status-${status}`} title={STATUS_MEANING[status]}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export function ReliabilityBadge({ grade }: { grade: Reliability | null }) {
  return (
    <span
      className={`grade${grade ? '' : ' ungraded'}`}
      title={grade ? RELIABILITY[grade] : 'Not graded'}
    >
      {grade ?? '—'}
    </span>
  );
}

export const STANCE_LABEL = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context',
} as const;

export function StanceSelect({
  value,
  onChange,
}: {
  value: keyof typeof STANCE_LABEL;
  onChange: (s: keyof typeof STANCE_LABEL) => void;
}) {
  return (
    <select
      aria-label="Stance"
      value={value}
      onChange={(e) => onChange(e.target.value as keyof typeof STANCE_LABEL)}
    >
      {Object.entries(STANCE_LABEL).map(([k, label]) => (
        <option key={k} value={k}>
          {label}
        </option>
      ))}
    </select>
  );
}
