import { useDesk } from '../../store/index.ts';
import { Assessment, Warnings } from './ClaimAssessment.tsx';
import { EvidenceSection } from './ClaimEvidence.tsx';
import { ClaimHeader } from './ClaimHeader.tsx';
import { History } from './ClaimHistory.tsx';
import { ClaimSuggestions } from './ClaimSuggestions.tsx';

/** The open claim: its header, assessment, warnings, evidence by stance, suggestions and history. */
export function ClaimDetailPanel() {
  const claim = useDesk((s) => s.claim);
  if (!claim) return <section className="claim-detail" aria-busy="true" />;
  return (
    <section className="claim-detail" aria-label="Claim">
      <ClaimHeader key={`h${claim.id}`} claim={claim} />
      {/* Keyed by the saved verdict: the form starts again from it after every change. */}
      <Assessment key={`a${claim.id}:${claim.verdict}:${claim.verdictRationale}`} claim={claim} />
      {claim.warnings.length > 0 && <Warnings claim={claim} />}
      <EvidenceSection title="Supporting" groups={claim.supporting} />
      <EvidenceSection title="Contradicting" groups={claim.contradicting} />
      <EvidenceSection title="Context" groups={claim.context} />
      <ClaimSuggestions claim={claim} />
      <History claimId={claim.id} updatedAt={claim.updatedAt} />
    </section>
  );
}
