// Passages the desk suggests for the open claim (docs/suggestions.md).
import type { ClaimDetail } from '../../../../shared/api.ts';
import { SuggestionList } from '../compare/SuggestionList.tsx';

export function ClaimSuggestions({ claim }: { claim: ClaimDetail }) {
  return (
    <SuggestionList
      target={{ claimId: claim.id }}
      claims={[{ id: claim.id, text: claim.text }]}
      what="this claim"
    />
  );
}
