// The command line imports Word files and web archives beside text and pages, one line per file;
// a hostile one is that file's rejected line with its reason, and an unsupported type says which
// types are read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lyingBombDocx, REPORT_DOCX } from '../fixtures/docx/build.ts';
import { PAGE_MHTML } from '../fixtures/mhtml/build.ts';
import { cli } from './cli-run.ts';
import { tempDir } from './helpers.ts';

describe('source-desk import of Word files and web archives', () => {
  it('imports a .docx and an .mhtml, rejects a zip bomb and an .odt by name, and lists the formats', async () => {
    const dir = tempDir();
    const folder = join(dir, 'in');
    const db = join(dir, 'desk.sqlite');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-rice.docx'), REPORT_DOCX());
    writeFileSync(join(folder, 'b-rice.mhtml'), PAGE_MHTML());
    writeFileSync(join(folder, 'c-bomb.docx'), lyingBombDocx(8));
    writeFileSync(join(folder, 'd-notes.odt'), 'not a report');
    const r = await cli('import', folder, '--db', db);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^imported .*a-rice\.docx → report 1 "Rice prices climb in Hyesan"/);
    expect(lines[1]).toMatch(/^imported .*b-rice\.mhtml → report 2 "Rice prices climb in Hyesan/);
    expect(lines[2]).toMatch(
      /c-bomb\.docx.*the Word file c-bomb\.docx: part word\/document\.xml inflates past the 4,096 bytes its directory declares \(a zip bomb\?\)/,
    );
    expect(lines[3]).toMatch(
      /d-notes\.odt.*"\.odt" files are not supported \(use .*\.docx, \.mhtml, \.mht\b.*\)/,
    );
    const listed = JSON.parse((await cli('reports', '--json', '--db', db)).out) as {
      format: string;
    }[];
    expect(listed.map((x) => x.format).sort()).toEqual(['docx', 'mhtml']);
    expect((await cli('--help')).out).toContain('.docx .mhtml .mht');
  });
});
