// Text hygiene (issue 7, item 6): no passage or context cut inside a character, no control
// characters in stored report text or metadata, web addresses only, no NUL in names.
import { describe, expect, it } from 'vitest';
import { cleanLine, normaliseText } from '../../electron/core/import/normalise.ts';
import { manifestMetadata, parseManifest } from '../../electron/core/reports/manifest.ts';
import { createDeskService } from '../../electron/core/service.ts';
import {
  anchorPassage,
  CONTEXT_LENGTH,
  describePassage,
  selectorSplitsCharacter,
  splitsSurrogatePair,
} from '../../shared/anchoring.ts';
import { api, isWebUrl, type Passage } from '../../shared/api.ts';
import { tempDesk } from './helpers.ts';

const CAR = '\uD83D\uDE97'; // 🚗, two UTF-16 code units

describe('surrogate pairs', () => {
  it('splitsSurrogatePair is true only between the two halves of one character', () => {
    const text = `a${CAR}b`;
    expect([0, 1, 2, 3, 4].map((i) => splitsSurrogatePair(text, i))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    // A lone half is not a pair: nothing to split.
    expect(splitsSurrogatePair('a\uD83Db', 2)).toBe(false);
    expect(splitsSurrogatePair(CAR, -1)).toBe(false);
    expect(splitsSurrogatePair(CAR, 5)).toBe(false);
  });

  it('the context is one code unit shorter where 32 would cut a character', () => {
    // The prefix would start, and the suffix end, between the halves of a 🚗.
    const before = `${CAR}${'x'.repeat(CONTEXT_LENGTH - 1)}`;
    const after = `${'y'.repeat(CONTEXT_LENGTH - 1)}${CAR}`;
    const text = `${before}QUOTE${after}`;
    const start = before.length;
    const s = describePassage(text, start, start + 5);
    expect(s.exact).toBe('QUOTE');
    expect(s.prefix).toBe('x'.repeat(CONTEXT_LENGTH - 1));
    expect(s.suffix).toBe('y'.repeat(CONTEXT_LENGTH - 1));
    expect(selectorSplitsCharacter(text, s)).toBe(false);
    // Where no character is cut, the context keeps its full 32 units.
    const plain = describePassage(`${'p'.repeat(40)}QUOTE${'s'.repeat(40)}`, 40, 45);
    expect([plain.prefix.length, plain.suffix.length]).toEqual([CONTEXT_LENGTH, CONTEXT_LENGTH]);
  });

  it('selectorSplitsCharacter finds a stored quote or context cut inside a character', () => {
    const text = `cars ${CAR} and trucks`;
    const bad = { start: 0, end: 6, exact: 'cars \uD83D', prefix: '', suffix: '' };
    expect(selectorSplitsCharacter(text, bad)).toBe(true);
    const badContext = { start: 8, end: 11, exact: 'and', prefix: '\uDE97 ', suffix: '' };
    expect(selectorSplitsCharacter(text, badContext)).toBe(true);
    expect(selectorSplitsCharacter(text, describePassage(text, 8, 11))).toBe(false);
  });

  it('an approximate match is widened to whole characters', () => {
    const atEnd = `Intro words here. abcdefghijklmnop${CAR} rest of the text goes on.`;
    const a = anchorPassage(atEnd, {
      start: 18,
      end: 35,
      exact: 'abcdefghijklmnopX',
      prefix: 'zzz',
      suffix: 'yyy',
    });
    expect(a).toEqual({ start: 18, end: 36, method: 'fuzzy' });
    const atStart = `Intro words here. ${CAR}bcdefghijklmnopq rest of the text goes on.`;
    const b = anchorPassage(atStart, {
      start: 18,
      end: 35,
      exact: 'Xbcdefghijklmnopq',
      prefix: 'zzz',
      suffix: 'yyy',
    });
    expect(b).toEqual({ start: 18, end: 36, method: 'fuzzy' });
  });

  it('the desk refuses a passage that starts or ends inside a character, and stores whole ones', async () => {
    const { db, file } = tempDesk();
    const desk = createDeskService({ db, path: file });
    const body = `${'w'.repeat(CONTEXT_LENGTH - 4)}${CAR} cars ${CAR} and trucks ${CAR}${'z'.repeat(40)}`;
    const imported = await desk.call('reports.import', {
      files: [{ name: 'cars.txt', data: Buffer.from(`Cars\n\n${body}`).toString('base64') }],
    });
    expect(imported).toMatchObject({ ok: true, value: [{ status: 'imported' }] });
    const report = await desk.call('reports.get', { id: 1 });
    if (!report.ok) throw new Error(report.error.message);
    const { text } = report.value as { text: string };
    const car = text.indexOf(` cars ${CAR}`) + 1;

    // Ends between the halves of 🚗: today stored as "cars \uFFFD".
    const endInside = await desk.call('passages.create', {
      reportId: 1,
      start: car,
      end: car + 6,
      exact: text.slice(car, car + 6),
    });
    expect(endInside).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/^end: \d+ falls inside a character/) as unknown,
      },
    });
    const startInside = await desk.call('passages.create', {
      reportId: 1,
      start: car + 6,
      end: car + 12,
      exact: text.slice(car + 6, car + 12),
    });
    expect(startInside).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/^start: /) as unknown },
    });

    // Whole characters: accepted, and its context (which 32 units would cut) holds no U+FFFD.
    const whole = await desk.call('passages.create', {
      reportId: 1,
      start: car,
      end: car + 7,
      exact: `cars ${CAR}`,
    });
    expect(whole.ok).toBe(true);
    const stored = (await desk.call('passages.list', { reportId: 1 })) as {
      ok: true;
      value: Passage[];
    };
    const [passage] = stored.value;
    expect(passage?.exact).toBe(`cars ${CAR}`);
    for (const part of [passage?.prefix, passage?.suffix]) expect(part).not.toContain('\uFFFD');
    expect(selectorSplitsCharacter(text, passage as Passage)).toBe(false);
  });
});

describe('control characters', () => {
  it('are stripped from report text at import, keeping tab and newline', () => {
    const raw = 'Title\x1b]8;;https://evil\x07 here\n\x1b[31mRed\x1b[0m\tcell\x00\x7f\x9b end';
    expect(normaliseText(raw)).toBe('Title]8;;https://evil here\n[31mRed[0m\tcell end');
  });

  it('include the private-use characters that mark search matches, which would show as false highlights', () => {
    expect(normaliseText('Prices \uE000rose\uE001 sharply')).toBe('Prices rose sharply');
    expect(cleanLine('A \uE000title\uE001')).toBe('A title');
  });

  it('turn a form feed or vertical tab into a line break rather than joining words', () => {
    expect(normaliseText('page one\fpage two\vthree')).toBe('page one\npage two\nthree');
  });

  it('leave a text without them as it was', () => {
    const text = 'Plain “text” — with\ttabs\nand lines.';
    expect(normaliseText(text)).toBe(text);
  });

  it('are dropped from one-line metadata, line breaks becoming spaces', () => {
    expect(cleanLine(' Daily\x1b[2J NK\r\nnews\t ')).toBe('Daily[2J NK news');
  });

  it('are dropped from a manifest’s fields', () => {
    const manifest = parseManifest(
      JSON.stringify({
        reports: { 'a.txt': { title: 'Bad\u001b]0;pwned\u0007 title', outlet: 'Out\u0000let' } },
      }),
      'manifest.json',
    );
    expect(manifestMetadata(manifest, 'a.txt')).toMatchObject({
      title: 'Bad]0;pwned title',
      outlet: 'Outlet',
    });
  });
});

describe('report URLs', () => {
  it('accept only http and https addresses', () => {
    expect(isWebUrl('https://www.dailynk.com/english/')).toBe(true);
    expect(isWebUrl('http://example.org')).toBe(true);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'nope'])
      expect(isWebUrl(url)).toBe(false);
  });

  it('a manifest naming a javascript: URL is refused, naming the field', () => {
    expect(() =>
      parseManifest(
        JSON.stringify({ reports: { 'a.txt': { url: 'javascript:alert(1)' } } }),
        'manifest.json',
      ),
    ).toThrow(/^manifest\.json: reports\.a\.txt\.url: a web address/);
  });

  it('a metadata edit to a non-web URL is refused', () => {
    const parse = (url: string) => api['reports.update'].input.safeParse({ id: 1, patch: { url } });
    expect(parse('javascript:alert(document.cookie)').success).toBe(false);
    expect(parse('file:///etc/passwd').success).toBe(false);
    expect(parse(' https://example.org/a ')).toMatchObject({
      success: true,
      data: { patch: { url: 'https://example.org/a' } },
    });
  });
});

describe('names holding NUL', () => {
  const refused = (method: keyof typeof api, input: unknown): string => {
    const result = api[method].input.safeParse(input);
    if (result.success) return 'accepted';
    return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };

  it('are refused for sources, claims, tags, reviewers and metadata, naming the field', () => {
    expect(refused('sources.create', { outletId: 1, name: 'Kim\u0000' })).toBe(
      'name: holds a control character (U+0000); remove it',
    );
    expect(refused('sources.update', { id: 1, name: 'a\u0000b' })).toMatch(/^name: /);
    expect(refused('claims.create', { text: 'The \u0000claim' })).toMatch(/^text: .*U\+0000/);
    expect(refused('claims.update', { id: 1, text: 'x\u0000' })).toMatch(/^text: /);
    expect(refused('claims.create', { text: 'ok', tags: ['fine', 'b\u0000d'] })).toMatch(
      /^tags\.1: /,
    );
    expect(refused('preferences.set', { reviewer: 'Ana\u0000' })).toMatch(/^reviewer: /);
    expect(refused('reports.update', { id: 1, patch: { title: 'T\u001b[2J' } })).toBe(
      'patch.title: holds a control character (U+001B); remove it',
    );
  });

  it('ordinary names, with tabs or line breaks in a claim, are accepted', () => {
    expect(refused('sources.create', { outletId: 1, name: 'Kim Jong-un’s aide' })).toBe('accepted');
    expect(refused('claims.create', { text: 'Line one\nline two\r\n\tindented' })).toBe('accepted');
  });
});
