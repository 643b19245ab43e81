// Undo covers every change, passages included; redo makes an undone change again; deleting a
// passage that is evidence tells which claims lose it, writes it in their history, and is undone
// with its links.
import { describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  ClaimSummary,
  Evidence,
  Passage,
  SourceSummary,
} from '../../shared/api.ts';
import { demoDesk } from './desk.ts';

type Undone = {
  undone: string | null;
  notice: string;
  next: string | null;
  nextRedo: string | null;
};
type Redone = {
  redone: string | null;
  notice: string;
  next: string | null;
  nextRedo: string | null;
};

describe('undo', () => {
  it('after a stray highlight takes back the highlight, not the change before it', async () => {
    const { call, passage } = await demoDesk();
    const outlet = (await call<SourceSummary[]>('sources.list', {})).find(
      (s) => s.name === 'Daily NK',
    ) as SourceSummary;
    await call('sources.rate', { id: outlet.id, reliability: 'B', rationale: 'track record' });
    const stray = await passage(1, 'auto repair is becoming a new market');

    const undone = await call<Undone>('session.undo', {});
    expect(undone.undone).toMatch(/^highlight in “.+”$/);
    expect(undone.notice).toBe(`Undid: ${undone.undone}`);
    expect(undone.next).toBe(`grade of “Daily NK”`);
    expect(undone.nextRedo).toBe(undone.undone);
    expect(await call<Passage[]>('passages.list', { reportId: 1 })).toEqual([]);
    const grade = (await call<SourceSummary[]>('sources.list', {})).find((s) => s.id === outlet.id);
    expect(grade?.reliability).toBe('B');

    // Redo puts the same passage back, under its own id.
    const redone = await call<Redone>('session.redo', {});
    expect(redone).toMatchObject({ redone: undone.undone, notice: `Redid: ${undone.undone}` });
    expect(redone.nextRedo).toBeNull();
    expect((await call<Passage[]>('passages.list', { reportId: 1 })).map((p) => p.id)).toEqual([
      stray.id,
    ]);

    // A new change empties redo.
    await call('session.undo', {});
    expect(await call('session.status', {})).toMatchObject({ nextRedo: undone.undone });
    await passage(1, 'auto repair');
    expect(await call('session.status', {})).toMatchObject({ nextRedo: null });
    expect(await call<Redone>('session.redo', {})).toMatchObject({
      redone: null,
      notice: 'Nothing to redo',
    });
  });

  it('covers a passage note and a report’s details, back and forth', async () => {
    const { call, passage } = await demoDesk();
    const p = await passage(1, 'auto repair is becoming a new market');
    await call('passages.update', { id: p.id, note: 'check the date' });
    await call('reports.update', { id: 1, patch: { byline: 'A. Writer' } });
    expect(await call<Undone>('session.undo', {})).toMatchObject({
      undone: expect.stringMatching(/^details of “/),
    });
    const report = async () =>
      (await call<{ report: { byline: string | null } }>('reports.get', { id: 1 })).report;
    expect((await report()).byline).not.toBe('A. Writer');
    expect(await call<Undone>('session.undo', {})).toMatchObject({
      undone: expect.stringMatching(/^note on a highlight in “/),
    });
    const note = async () => (await call<Passage[]>('passages.list', { reportId: 1 }))[0]?.note;
    expect(await note()).toBe('');
    await call('session.redo', {});
    await call('session.redo', {});
    expect(await note()).toBe('check the date');
    expect((await report()).byline).toBe('A. Writer');
  });

  it('keeps evidence and sources straight when redo links or makes them again', async () => {
    const { call, passage } = await demoDesk();
    const p = await passage(2, 'pool money');
    const claim = await call<ClaimSummary>('claims.create', { text: 'Groups pool money' });
    const link = await call<Evidence>('evidence.link', {
      claimId: claim.id,
      passageId: p.id,
      stance: 'supports',
      credibility: 3,
    });
    await call('evidence.update', { id: link.id, credibility: 2 });
    const outlet = (await call<SourceSummary[]>('sources.list', {})).find(
      (s) => s.name === 'ASIAPRESS',
    ) as SourceSummary;
    const named = await call<SourceSummary>('sources.create', {
      outletId: outlet.outletId,
      name: 'Reporting partner A',
    });
    await call('sources.rate', { id: named.id, reliability: 'C', rationale: '' });
    await call('passages.attribute', { passageId: p.id, sourceId: named.id });

    for (let i = 0; i < 6; i++) await call('session.undo', {});
    expect(await call('session.status', {})).toMatchObject({
      next: expect.stringMatching(/^highlight/),
    });
    for (let i = 0; i < 6; i++) await call('session.redo', {});

    const [evidence] = await call<{ evidenceId: number; credibility: number }[]>(
      'claims.forPassage',
      { passageId: p.id },
    );
    expect(evidence?.credibility).toBe(2);
    const remade = (await call<SourceSummary[]>('sources.list', {})).find(
      (s) => s.name === 'Reporting partner A',
    );
    expect(remade?.reliability).toBe('C');
    const [back] = await call<Passage[]>('passages.list', { reportId: 2 });
    expect(back?.sourceId).toBe(remade?.id);
    // And all the way back again.
    for (let i = 0; i < 7; i++) await call('session.undo', {});
    expect(await call<Passage[]>('passages.list', { reportId: 2 })).toEqual([]);
    expect((await call<SourceSummary[]>('sources.list', {})).map((s) => s.name)).not.toContain(
      'Reporting partner A',
    );
  });

  it('has nothing older to revert after an import', async () => {
    const { call, passage, service } = await demoDesk();
    await passage(1, 'auto repair');
    await call('reports.import', {
      files: [
        { name: 'note.txt', data: Buffer.from('Rice prices fell in Hyesan.').toString('base64') },
      ],
    });
    expect(await call<Undone>('session.undo', {})).toMatchObject({
      undone: null,
      notice: 'Nothing to undo',
    });
    expect(await call<Passage[]>('passages.list', { reportId: 1 })).toHaveLength(1);
    await service.close();
  });
});

describe('deleting a passage that is evidence', () => {
  it('names the claims that lose it, writes it in their history, and is undone with its links', async () => {
    const { call, passage } = await demoDesk();
    const p = await passage(2, 'pool money');
    const other = await passage(1, 'auto repair is becoming a new market');
    const a = await call<ClaimSummary>('claims.create', {
      text: 'Groups pool money',
      evidence: { passageId: p.id, stance: 'supports', credibility: 2 },
    });
    const b = await call<ClaimSummary>('claims.create', { text: 'Trade is informal' });
    await call('evidence.link', {
      claimId: b.id,
      passageId: p.id,
      stance: 'contradicts',
      credibility: 4,
      note: 'odd',
    });
    await call('evidence.link', {
      claimId: b.id,
      passageId: other.id,
      stance: 'supports',
      credibility: 3,
    });
    const linksBefore = await call<unknown[]>('claims.forPassage', { passageId: p.id });

    const deleted = await call<{ id: number; claims: { id: number; text: string }[] }>(
      'passages.delete',
      { id: p.id },
    );
    expect(deleted).toEqual({
      id: p.id,
      claims: [
        { id: a.id, text: 'Groups pool money' },
        { id: b.id, text: 'Trade is informal' },
      ],
    });
    for (const claim of [a, b]) {
      const [latest] = await call<AuditEntry[]>('claims.history', { id: claim.id });
      expect(latest).toMatchObject({
        action: 'evidence.unlink',
        before: { passage: p.id, quote: 'pool money', reason: 'passage deleted' },
      });
    }
    expect((await call<ClaimSummary>('claims.get', { id: a.id })).counts.passages).toBe(0);

    expect(await call<Undone>('session.undo', {})).toMatchObject({
      undone: expect.stringMatching(/^deletion of a highlight in “/),
    });
    expect((await call<Passage[]>('passages.list', { reportId: 2 })).map((x) => x.id)).toEqual([
      p.id,
    ]);
    expect(await call('claims.forPassage', { passageId: p.id })).toEqual(linksBefore);
    const [restored] = await call<AuditEntry[]>('claims.history', { id: b.id });
    expect(restored).toMatchObject({
      action: 'evidence.link',
      after: { passage: p.id, stance: 'contradicts', credibility: 4 },
    });
    const detail = await call<{ contradicting: { evidence: Evidence[] }[] }>('claims.get', {
      id: b.id,
    });
    expect(detail.contradicting.flatMap((g) => g.evidence)).toEqual([
      expect.objectContaining({ passageId: p.id, credibility: 4, note: 'odd' }),
    ]);

    // Redo deletes it again; undo brings it back again.
    await call('session.redo', {});
    expect(await call('claims.forPassage', { passageId: p.id }).catch(() => [])).toEqual([]);
    await call('session.undo', {});
    expect(await call('claims.forPassage', { passageId: p.id })).toEqual(linksBefore);
  });
});
