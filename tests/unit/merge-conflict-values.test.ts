// How a merge conflict's two values read in the merge view: grades with their Admiralty wording,
// verdicts and stances in the desk's words, the rationale apart, never raw JSON for a known field.
import { describe, expect, it } from 'vitest';
import { conflictValue } from '../../renderer/src/features/merge/conflict-values.ts';

describe('conflictValue', () => {
  it('reads a reliability grade with its wording and rationale', () => {
    expect(conflictValue('reliability', { grade: 'D', rationale: 'Unchecked' })).toEqual({
      text: 'D — Not usually reliable',
      why: 'Unchecked',
    });
    expect(conflictValue('reliability', null)).toEqual({ text: 'Not graded', why: '' });
  });

  it('reads a verdict, or its absence', () => {
    expect(
      conflictValue('verdict', { verdict: 'refuted', rationale: 'Photos show otherwise' }),
    ).toEqual({ text: 'Refuted', why: 'Photos show otherwise' });
    expect(conflictValue('verdict', null)).toEqual({ text: 'No verdict', why: '' });
  });

  it('reads stances and credibility grades', () => {
    expect(conflictValue('stance', 'contradicts').text).toBe('Contradicts');
    expect(conflictValue('credibility', 2).text).toBe('2 — Probably true');
  });

  it('names a cited or attributed source by its id, and their absence in words', () => {
    const uuid = '0b8f3a52-7c1e-4d8e-9a4f-2f1d3c5b6a7e';
    expect(conflictValue('cites', uuid).text).toBe('source 0b8f3a52');
    expect(conflictValue('cites', { id: uuid, name: 'partner A (ASIAPRESS)' }).text).toBe(
      'partner A (ASIAPRESS)',
    );
    expect(conflictValue('cites', null).text).toBe('Cites no other source');
    expect(conflictValue('source', null).text).toBe('The report’s outlet');
  });

  it('reads a shared-origin decision with the two quotes it is about', () => {
    expect(
      conflictValue('originReview', {
        decision: 'confirmed',
        quotes: ['rice is dear', 'rice costs more'],
      }),
    ).toEqual({ text: 'One origin', why: '“rice is dear” and “rice costs more”' });
    expect(conflictValue('originReview', { decision: 'dismissed', quotes: [] }).text).toBe(
      'Separate origins',
    );
  });

  it('shows text fields as they are, an empty one as empty', () => {
    expect(conflictValue('note', 'Seen twice')).toEqual({ text: 'Seen twice', why: '' });
    expect(conflictValue('note', '')).toEqual({ text: '(empty)', why: '' });
  });
});
