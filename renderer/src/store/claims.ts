import type {
  AuditEntry,
  ClaimDetail,
  ClaimListQuery,
  ClaimSummary,
  Input,
  Output,
} from '../../../shared/api.ts';
import { call } from '../api.ts';
import { guarded, type Slice } from './slice.ts';

/** The claims list's order and filter (paged by the desk, in this order). */
export type ClaimsQuery = Pick<ClaimListQuery, 'sort' | 'filter'>;

export interface ClaimsSlice {
  /** The claims list's rows loaded so far, in its order; more page in as it scrolls. */
  claims: ClaimSummary[];
  claimsQuery: ClaimsQuery;
  /** Where the next page starts; null once every matching claim is loaded. */
  claimsNext: string | null;
  /** Claims matching the list's filter, and claims on the desk. */
  claimsTotal: number;
  claimCount: number;
  claimsLoaded: boolean;
  claimId: number | null;
  claim: ClaimDetail | null;
  /** The list's first page, in this order and filter (by default, the current ones). */
  loadClaims(query?: ClaimsQuery): Promise<void>;
  /** The list's next page, if there is one and none is on its way. */
  loadMoreClaims(): Promise<void>;
  /**
   * The loaded rows and the open claim again, after a change that can move any claim's status
   * (a source's grade or what it cites, an attribution, a deleted passage, an undo).
   */
  refreshClaimStatuses(): Promise<void>;
  /** A few claims whose text or tags hold these words (pickers). */
  findClaims(text: string, limit?: number): Promise<ClaimSummary[]>;
  /** The claims a passage is evidence for. */
  claimsForPassage(passageId: number): Promise<Output<'claims.forPassage'>>;
  /** A claim's audit trail, oldest first. */
  claimHistory(id: number): Promise<AuditEntry[]>;
  openClaim(id: number | null): Promise<void>;
  createClaim(input: Input<'claims.create'>): Promise<ClaimSummary | null>;
  /** Text, tags or verdict: the claim's row and open detail take its new summary. */
  updateClaim(input: Input<'claims.update'>): Promise<ClaimSummary | null>;
  deleteClaim(id: number): Promise<void>;
  mergeClaim(keepId: number, mergeId: number): Promise<void>;
  reviewWarning(input: Input<'claims.reviewWarning'>): Promise<void>;
  linkEvidence(input: Input<'evidence.link'>): Promise<void>;
  updateEvidence(input: Input<'evidence.update'>): Promise<void>;
  unlinkEvidence(id: number): Promise<void>;
  openPassage(reportId: number, passageId: number): Promise<void>;
}

/** Rows per page of the claims list. */
export const CLAIMS_PAGE = 100;
/** Counts list loads: a page asked for an older order or filter is dropped. */
let claimsTicket = 0;
let claimsPaging = false;
/** Counts rows patched or removed: a first page asked for before one of them is asked again. */
let claimsWrites = 0;

export const createClaimsSlice: Slice<ClaimsSlice> = (set, get) => {
  /** The claim's new summary in its row (and the open claim), instead of a new list. */
  const patch = (summary: ClaimSummary): void => {
    claimsWrites++;
    set((s) => {
      const at = s.claims.findIndex((c) => c.id === summary.id);
      const { sort, filter } = s.claimsQuery;
      const claims = [...s.claims];
      if (at >= 0) claims[at] = summary;
      // A claim not loaded yet shows first when the list is newest first and unfiltered.
      else if (s.claimsLoaded && sort === 'recent' && !filter.status && !filter.tag && !filter.text)
        claims.unshift(summary);
      const claim = s.claim?.id === summary.id ? { ...s.claim, ...summary } : s.claim;
      return { claims, claim };
    });
  };
  const remove = (id: number): void => {
    claimsWrites++;
    set((s) => ({
      claims: s.claims.filter((c) => c.id !== id),
      claimsTotal: Math.max(0, s.claimsTotal - (s.claims.some((c) => c.id === id) ? 1 : 0)),
      claimCount: Math.max(0, s.claimCount - 1),
      ...(s.claimId === id ? { claimId: null, claim: null } : {}),
    }));
  };
  /** The open claim again, when its evidence changed (its detail groups it by origin). */
  const reopen = async (id: number): Promise<void> => {
    if (get().claimId !== id) return;
    const claim = await call('claims.get', { id });
    if (get().claimId === id) set({ claim });
  };
  const undoLabel = (): Promise<void> => get().refreshUndo();
  const loadPage = async (query: ClaimsQuery, limit: number): Promise<void> => {
    const ticket = ++claimsTicket;
    const writes = claimsWrites;
    set({ claimsQuery: query });
    const page = await call('claims.list', { ...query, limit });
    if (ticket !== claimsTicket) return;
    // A row patched while this page was on its way would be undone by it: ask again.
    if (writes !== claimsWrites) return loadPage(query, limit);
    set({
      claims: page.items,
      claimsNext: page.next,
      claimsTotal: page.total,
      claimCount: page.all,
      claimsLoaded: true,
    });
  };
  return {
    claims: [],
    claimsQuery: { sort: 'recent', filter: {} },
    claimsNext: null,
    claimsTotal: 0,
    claimCount: 0,
    claimsLoaded: false,
    claimId: null,
    claim: null,
    loadClaims: async (query) => {
      await guarded(get, () => loadPage(query ?? get().claimsQuery, CLAIMS_PAGE));
    },
    loadMoreClaims: async () => {
      const { claimsNext: after, claimsQuery } = get();
      if (after === null || claimsPaging) return;
      claimsPaging = true;
      const ticket = claimsTicket;
      await guarded(get, async () => {
        const page = await call('claims.list', { ...claimsQuery, after, limit: CLAIMS_PAGE });
        if (ticket !== claimsTicket) return;
        set((s) => {
          // A claim already shown (patched in while this page was asked for) is not shown twice.
          const shown = new Set(s.claims.map((c) => c.id));
          return {
            claims: [...s.claims, ...page.items.filter((c) => !shown.has(c.id))],
            claimsNext: page.next,
            claimsTotal: page.total,
            claimCount: page.all,
          };
        });
      });
      claimsPaging = false;
    },
    findClaims: async (text, limit = 8) =>
      (await guarded(
        get,
        async () => (await call('claims.list', { filter: { text }, limit })).items,
      )) ?? [],
    openClaim: async (id) => {
      // The previous claim's detail is not shown under another's id while this one loads.
      set((s) => ({ claimId: id, claim: id !== null && s.claim?.id === id ? s.claim : null }));
      if (id === null) return;
      await guarded(get, () => reopen(id));
    },
    refreshClaimStatuses: async () => {
      const { claimId, claimsLoaded, claims, claimsQuery } = get();
      await guarded(get, async () => {
        await Promise.all([
          // The rows loaded so far, again: their statuses may all have moved.
          claimsLoaded
            ? loadPage(claimsQuery, Math.min(500, Math.max(CLAIMS_PAGE, claims.length)))
            : undefined,
          claimId === null
            ? undefined
            : call('claims.get', { id: claimId })
                .catch(() => null)
                .then((claim) => {
                  if (get().claimId !== claimId) return;
                  set(claim ? { claim } : { claim: null, claimId: null });
                }),
        ]);
      });
    },
    claimsForPassage: async (passageId) =>
      (await guarded(get, () => call('claims.forPassage', { passageId }))) ?? [],
    claimHistory: async (id) => (await guarded(get, () => call('claims.history', { id }))) ?? [],
    createClaim: async (input) => {
      const claim = await guarded(get, async () => {
        const created = await call('claims.create', input);
        patch(created);
        set((s) => ({
          claimCount: s.claimCount + 1,
          claimsTotal: s.claims.some((c) => c.id === created.id)
            ? s.claimsTotal + 1
            : s.claimsTotal,
        }));
        await Promise.all([undoLabel(), input.evidence ? get().reloadPassages() : undefined]);
        return created;
      });
      if (claim) await get().openClaim(claim.id);
      return claim;
    },
    updateClaim: async (input) =>
      guarded(get, async () => {
        const claim = await call('claims.update', input);
        patch(claim);
        await undoLabel();
        return claim;
      }),
    deleteClaim: async (id) => {
      await guarded(get, async () => {
        await call('claims.delete', { id });
        remove(id);
        await Promise.all([undoLabel(), get().reloadPassages()]);
      });
    },
    mergeClaim: async (keepId, mergeId) => {
      await guarded(get, async () => {
        const { removedId, ...kept } = await call('claims.merge', { keepId, mergeId });
        remove(removedId);
        patch(kept);
        await Promise.all([reopen(keepId), undoLabel(), get().reloadPassages()]);
      });
    },
    reviewWarning: async (input) => {
      await guarded(get, async () => {
        const claim = await call('claims.reviewWarning', input);
        const { suggestionReason, supporting, contradicting, context, warnings, ...summary } =
          claim;
        patch(summary);
        if (get().claimId === claim.id) set({ claim });
        await undoLabel();
      });
    },
    linkEvidence: async (input) => {
      await guarded(get, async () => {
        const { claim } = await call('evidence.link', input);
        patch(claim);
        // The reader colours passages by their stances: the open report's may have changed.
        await Promise.all([reopen(claim.id), undoLabel(), get().reloadPassages()]);
      });
    },
    updateEvidence: async (input) => {
      await guarded(get, async () => {
        const { claim } = await call('evidence.update', input);
        patch(claim);
        // The reader colours passages by their stances: the open report's may have changed.
        await Promise.all([reopen(claim.id), undoLabel(), get().reloadPassages()]);
      });
    },
    unlinkEvidence: async (id) => {
      await guarded(get, async () => {
        const { claim } = await call('evidence.unlink', { id });
        patch(claim);
        // The reader colours passages by their stances: the open report's may have changed.
        await Promise.all([reopen(claim.id), undoLabel(), get().reloadPassages()]);
      });
    },
    openPassage: async (reportId, passageId) => {
      get().setView('reports');
      await get().openReport(reportId);
      get().selectPassage(passageId);
    },
  };
};
