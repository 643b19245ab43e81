// PDF reports through the desk's own import (issue 12): a .pdf named by its path (read as a Node
// Buffer, as the CLI and the desktop app read files) is parsed in the parse worker, stored with its
// pages' spans and its original bytes, unchanged by pdf.js taking its copy.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { FIXTURES, tempDesk } from './helpers.ts';

const PDF = join(FIXTURES, 'pdf', 'running-heads.pdf');

describe('a PDF imported from its path', () => {
  it('is stored with its text, its pages and its original, byte for byte', async () => {
    const { db } = tempDesk();
    const [result] = await importPaths(db, [PDF]);
    expect(result).toMatchObject({ status: 'imported' });
    const report = db
      .prepare('SELECT id, format, original_sha256 AS original FROM reports')
      .get() as { id: number; format: string; original: string };
    expect(report.format).toBe('pdf');
    const bytes = readFileSync(PDF);
    expect(report.original).toBe(createHash('sha256').update(bytes).digest('hex'));
    const stored = db
      .prepare('SELECT bytes FROM originals WHERE sha256 = ?')
      .pluck()
      .get(report.original) as Buffer;
    expect(Buffer.compare(stored, bytes)).toBe(0);
    const pages = db
      .prepare('SELECT page, start, "end" FROM report_pages WHERE report_id = ? ORDER BY page')
      .all(report.id) as { page: number; start: number; end: number }[];
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    for (const [a, b] of pages.slice(0, -1).map((p, i) => [p, pages[i + 1]] as const))
      expect(a.end).toBeLessThanOrEqual(b?.start ?? Infinity);
  });
});
