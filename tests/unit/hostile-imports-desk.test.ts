// Issue 12's hostile files, all at once through the desk's own import (the parse worker, as the CLI
// and the app import): each is refused with its reason or neutralised (its code never run, nothing
// read from this computer), the desk holds nothing of the refused ones, and its thread stays free
// while they are parsed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { FIXTURES, tempDesk } from './helpers.ts';

const pdf = (name: string): string => join(FIXTURES, 'pdf', name);
const docx = (name: string): string => join(FIXTURES, 'docx', name);
const mhtml = (name: string): string => join(FIXTURES, 'mhtml', name);

describe('hostile files through the desk’s import', () => {
  it('are refused or neutralised, one result each, while the desk’s thread stays free', async () => {
    const { db } = tempDesk();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const files = [
      pdf('javascript.pdf'),
      pdf('font-matrix.pdf'),
      pdf('claims-100000-pages.pdf'),
      pdf('encrypted.pdf'),
      pdf('encrypted-no-password.pdf'),
      pdf('truncated.pdf'),
      pdf('not-a-pdf.pdf'),
      docx('linked-image.docx'),
      docx('zip-bomb-declared.docx'),
      docx('zip-bomb-lying.docx'),
      docx('external-entity.docx'),
      mhtml('scripted.mhtml'),
    ];
    const results = await importPaths(db, files);
    clearInterval(timer);
    const by = new Map(results.map((r) => [r.file.split('/').at(-1), r]));
    // Neutralised: imported as text, their code never run.
    for (const name of [
      'javascript.pdf',
      'font-matrix.pdf',
      'claims-100000-pages.pdf',
      'linked-image.docx',
      'scripted.mhtml',
    ])
      expect(by.get(name)?.status, name).toBe('imported');
    // Refused, each with its reason.
    const refused: [string, RegExp][] = [
      ['encrypted.pdf', /encrypted/i],
      ['encrypted-no-password.pdf', /encrypted/i],
      ['truncated.pdf', /damaged|cut short/i],
      ['not-a-pdf.pdf', /damaged/i],
      ['zip-bomb-declared.docx', /zip bomb|inflate|ratio|too/i],
      ['zip-bomb-lying.docx', /zip bomb|inflate|declares/i],
      ['external-entity.docx', /DOCTYPE|entit/i],
    ];
    for (const [name, reason] of refused) {
      const result = by.get(name);
      expect(result?.status, name).toBe('rejected');
      expect(result?.status === 'rejected' ? result.message : '', name).toMatch(reason);
    }
    // The desk holds the five neutralised reports and nothing of the others.
    expect(db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(5);
    expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(5);
    // The desk's own thread went on while the files were parsed elsewhere.
    expect(ticks).toBeGreaterThan(5);
  });
});
