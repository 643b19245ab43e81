// Evidence in a claim carries the words around its quote, so that the analyst reads the quote in
// its sentence without opening the report.
import { describe, expect, it } from 'vitest';
import type { ClaimDetail, ClaimSummary, Evidence } from '../../shared/api.ts';
import { contextWords } from '../../electron/core/db/evidence.ts';
import { demoDesk } from './desk.ts';

describe('the words around a quote', () => {
  it('drop the word cut in half at the outer ends of a full-length context', () => {
    // 32 characters each side, as stored: "artner" and "wh" are halves of words.
    expect(
      contextWords('artner said that "it\'s becoming ', ' for individuals to pool money wh'),
    ).toEqual({
      contextBefore: 'said that "it\'s becoming ',
      contextAfter: ' for individuals to pool money',
    });
  });

  it('stop at a paragraph break, and keep a short context (the text’s start or end) whole', () => {
    expect(contextWords('last line.\n\nReporting partner ', ' in Ryanggang.')).toEqual({
      contextBefore: 'Reporting partner ',
      contextAfter: ' in Ryanggang.',
    });
    expect(contextWords('', ' and more\nnext para')).toEqual({
      contextBefore: '',
      contextAfter: ' and more',
    });
  });

  it('reach the claim and the evidence link answers, from the passage’s stored selector', async () => {
    const { call, passage } = await demoDesk();
    const claim = await call<ClaimSummary>('claims.create', { text: 'Groups share a car' });
    const p = await passage(2, 'pool money');
    const linked = await call<Evidence>('evidence.link', {
      claimId: claim.id,
      passageId: p.id,
      stance: 'supports',
      credibility: 3,
    });
    expect(linked.contextBefore).toBe('popular for individuals to ');
    expect(linked.contextAfter).toBe(' and have 3-5 people buy one');
    const detail = await call<ClaimDetail>('claims.get', { id: claim.id });
    const [shown] = detail.supporting.flatMap((g) => g.evidence);
    expect(shown).toMatchObject({
      exact: 'pool money',
      contextBefore: linked.contextBefore,
      contextAfter: linked.contextAfter,
    });
  });
});
