import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api.ts';
import { describeEntry, showValue } from '../../renderer/src/features/claims/history.ts';
import { localTime } from '../../renderer/src/ui/format.ts';
import { demoDesk } from './desk.ts';

const entry = (action: string, before: unknown, after: unknown): AuditEntry => ({
  id: 1,
  at: '2026-11-22T23:04:05.000Z',
  reviewer: 'J. Analyst',
  action,
  before,
  after,
});

/** Everything the line puts on screen, as one string. */
const shown = (e: AuditEntry): string => JSON.stringify(describeEntry(e));

describe('a claim’s history in the analyst’s words', () => {
  it('a verdict set for the first time reads "no verdict → verified", never null', () => {
    const line = describeEntry(entry('claim.verdict', { verdict: null }, { verdict: 'verified' }));
    expect(line.title).toBe('Verdict');
    expect(line.changes).toEqual([{ label: 'Verdict', before: 'no verdict', after: 'verified' }]);
  });

  it('an edit names its fields in words (Wording, Tags, Verdict rationale)', () => {
    const line = describeEntry(
      entry(
        'claim.update',
        { text: 'Old', tags: [], verdictRationale: '' },
        { text: 'New', tags: ['fuel', 'vehicles'], verdictRationale: 'Seen in photos' },
      ),
    );
    expect(line.changes).toEqual([
      { label: 'Wording', before: '“Old”', after: '“New”' },
      { label: 'Tags', before: 'no tags', after: 'fuel, vehicles' },
      { label: 'Verdict rationale', before: 'no rationale', after: '“Seen in photos”' },
    ]);
  });

  it('evidence added shows its quote, stance and credibility in words, not ids', () => {
    const line = describeEntry(
      entry('evidence.link', null, {
        evidence: 7,
        passage: 12,
        quote: 'groups of 3–5 people pool money',
        stance: 'supports',
        credibility: 3,
      }),
    );
    expect(line).toEqual({
      title: 'Evidence added',
      quote: 'groups of 3–5 people pool money',
      changes: [
        { label: 'Stance', after: 'supports' },
        { label: 'Credibility', after: '3 — Possibly true' },
      ],
    });
  });

  it('an evidence change lists only what changed', () => {
    const line = describeEntry(
      entry(
        'evidence.update',
        { evidence: 7, stance: 'supports', credibility: 3, note: '' },
        { evidence: 7, stance: 'contradicts', credibility: 3, note: '' },
      ),
    );
    expect(line.changes).toEqual([{ label: 'Stance', before: 'supports', after: 'contradicts' }]);
  });

  it('evidence lost with a deleted passage says so, and its restoring by undo too', () => {
    const lost = describeEntry(
      entry(
        'evidence.unlink',
        {
          evidence: 7,
          passage: 12,
          quote: 'the source said',
          stance: 'supports',
          credibility: 2,
          reason: 'passage deleted',
        },
        null,
      ),
    );
    expect(lost.title).toBe('Evidence removed — its passage was deleted');
    expect(lost.quote).toBe('the source said');
    const back = describeEntry(
      entry('evidence.link', null, {
        evidence: 7,
        passage: 12,
        quote: 'the source said',
        stance: 'supports',
        credibility: 2,
        reason: 'passage deletion undone',
      }),
    );
    expect(back.title).toBe('Evidence added — its passage was restored (undo)');
  });

  it('a claim just created shows its words, and its tags only if it has some', () => {
    expect(
      describeEntry(entry('claim.create', null, { text: 'Fuel is scarce', tags: [] })),
    ).toEqual({ title: 'Created', quote: 'Fuel is scarce', changes: [] });
    expect(
      describeEntry(entry('claim.create', null, { text: 'Fuel is scarce', tags: ['fuel'] }))
        .changes,
    ).toEqual([{ label: 'Tags', after: 'fuel' }]);
  });

  it('an evidence change names the passage it was about', () => {
    const line = describeEntry(
      entry(
        'evidence.update',
        { evidence: 7, quote: 'pool money', stance: 'supports', credibility: 3, note: '' },
        { evidence: 7, stance: 'supports', credibility: 1, note: '' },
      ),
    );
    expect(line.quote).toBe('pool money');
  });

  it('a shared-origin decision reads "undecided → same origin"', () => {
    const line = describeEntry(
      entry(
        'claim.shared-origin',
        { passages: [3, 4], decision: null },
        { passages: [3, 4], decision: 'confirmed' },
      ),
    );
    expect(line.changes).toEqual([
      { label: 'Decision', before: 'undecided', after: 'same origin' },
    ]);
  });

  it('a merge names the claim merged in and the passages it brought', () => {
    const line = describeEntry(
      entry(
        'claim.merge',
        { merged: { id: 9, text: 'Cars are sold', evidence: 2 } },
        { passages: 5 },
      ),
    );
    expect(line).toEqual({
      title: 'Merged another claim into this one',
      quote: 'Cars are sold',
      changes: [{ label: 'Passages', after: '5 (2 came with it)' }],
    });
  });

  it('no line of any claim action shows a raw field name, an id or null', () => {
    const entries = [
      entry('claim.create', null, { text: 'Fuel is scarce', tags: [] }),
      entry('claim.verdict', { verdict: 'verified' }, { verdict: null }),
      entry('claim.delete', { text: 'Fuel is scarce', tags: [], verdict: null, evidence: 0 }, null),
      entry(
        'evidence.unlink',
        { evidence: 7, passage: 12, quote: 'q', stance: 'context', credibility: 6 },
        null,
      ),
    ];
    for (const e of entries) {
      const text = shown(e);
      expect(text).not.toMatch(/null|undefined|verdictRationale|"evidence"|"passage"|passage: 12/);
    }
  });

  it('values read as words: empty note, credibility wording', () => {
    expect(showValue('note', '')).toBe('no note');
    expect(showValue('credibility', 6)).toBe('6 — Truth cannot be judged');
  });

  it('times are local, in words; the ISO text is kept for the hover', () => {
    const text = localTime('2026-11-22T23:04:05.000Z', 'en-GB');
    expect(text).not.toContain('T23:04');
    expect(text).toMatch(/2026/);
    expect(localTime('not a date')).toBe('not a date');
  });

  it('reads what the desk writes: a passage deleted and its deletion undone, on the claim', async () => {
    const { call, passage } = await demoDesk();
    const claim = await call<{ id: number }>('claims.create', { text: 'Groups share a car' });
    const p = await passage(2, 'pool money');
    await call('evidence.link', {
      claimId: claim.id,
      passageId: p.id,
      stance: 'supports',
      credibility: 3,
    });
    await call('evidence.update', {
      id: (
        await call<{ supporting: { evidence: { id: number }[] }[] }>('claims.get', { id: claim.id })
      ).supporting[0]?.evidence[0]?.id,
      credibility: 2,
    });
    await call('passages.delete', { id: p.id });
    await call('session.undo', {});
    const history = await call<AuditEntry[]>('claims.history', { id: claim.id });
    const lines = history.map(describeEntry);
    // Newest first.
    expect(lines.map((l) => l.title)).toEqual([
      'Evidence added — its passage was restored (undo)',
      'Evidence removed — its passage was deleted',
      'Evidence changed',
      'Evidence added',
      'Created',
    ]);
    for (const line of lines.slice(0, 4)) expect(line.quote).toBe('pool money');
    expect(JSON.stringify(lines)).not.toMatch(/null|undefined/);
  });
});
