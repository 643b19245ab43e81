import { readFileSync, writeFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, prepareReport, readReportFile } from '../../electron/core/import/index.ts';
import { normaliseText, sha256 } from '../../electron/core/import/normalise.ts';
import { FIXTURES, SEEDS, tempDir } from './helpers.ts';

const seed = (name: string): Buffer => readFileSync(join(SEEDS, name));

describe('plain-text importer on the seeds', () => {
  it('000: the closing date and outlet lines are metadata, not body text', async () => {
    const r = await prepareReport(seed('000_952f6d4bfb86788f.txt'), '000_952f6d4bfb86788f.txt');
    expect(r.outlet).toBe('Daily NK');
    expect(r.publishedAt).toBe('2025-12-30T03:22');
    expect(r.text).not.toMatch(/December 30, 2025|by DailyNK/);
    expect(r.text.endsWith('the state will find it hard to reverse this.”')).toBe(true);
    expect(r.title).toMatch(/^Many more young North Koreans are learning car repair skills/);
    expect(r.language).toBe('en');
    expect(r.format).toBe('txt');
  });

  it('001: keeps curly quotes, section symbols and paragraphs; trims the blank tail; reads the byline', async () => {
    const raw = seed('001_3161affea73c84aa.txt').toString('utf8');
    const r = await prepareReport(seed('001_3161affea73c84aa.txt'), '001_3161affea73c84aa.txt');
    expect(r.byline).toBe('JEON Sung-jun / KANG Ji-won');
    expect(r.text.startsWith('Since the North Korean authorities')).toBe(true);
    expect(r.text.endsWith('*Note: 100 Chinese yuan is approximately 14 US dollars.')).toBe(true);
    expect(r.text).toContain('People’s desire to own vehicles');
    expect(r.text).toContain('\n\n◆ Differences in demand by region and class\n');
    // Every paragraph of the file survives, in order, as one line.
    const paragraphs = raw.split('\n').filter((line) => line.trim() !== '');
    expect(r.text.split('\n').filter((line) => line !== '')).toEqual(paragraphs);
    expect(r.sha256).toBe(sha256(r.text));
    expect(r.chars).toBe(r.text.length);
  });

  it('002: reads the "(By …)" byline and the outlet named as employer of the source', async () => {
    const r = await prepareReport(seed('002_80749e2cc6ce0b1b.txt'), '002_80749e2cc6ce0b1b.txt');
    expect(r.byline).toBe('JEON Sung-jun / KANG Ji-won');
    expect(r.outlet).toBe('ASIAPRESS');
    expect(r.publishedAt).toBeNull();
  });

  it('lets the caller override anything it inferred', async () => {
    const r = await prepareReport(seed('000_952f6d4bfb86788f.txt'), 'x.txt', {
      title: 'Young North Koreans learn car repair',
      outlet: 'dailynk',
      publishedAt: '2025-12-29',
    });
    expect(r).toMatchObject({
      title: 'Young North Koreans learn car repair',
      outlet: 'Daily NK',
      publishedAt: '2025-12-29',
    });
  });

  it('rejects an override date that is not a date', async () => {
    await expect(
      prepareReport(seed('000_952f6d4bfb86788f.txt'), 'x.txt', { publishedAt: 'last week' }),
    ).rejects.toThrow(/"last week" is not a date/);
  });
});

describe('HTML importer on a saved news page', () => {
  const file = join(FIXTURES, 'saved-page.html');

  it('extracts the article text with its paragraphs, without navigation, ads, scripts or footer', async () => {
    const r = await readReportFile(file);
    expect(r.text.split('\n')).toEqual([
      expect.stringMatching(/^Border guards along the Yalu River/),
      '“Everyone knows the price now,” the source said. “A crossing that cost 300 yuan in the spring is 800 yuan this month, and the guards won’t take won at all.”',
      'Trucks at night',
      expect.stringMatching(/^Residents say convoys of trucks/),
      expect.stringMatching(/^The source added that traders/),
      '“If you have a car, you have a business,” one trader said.',
      expect.stringMatching(/^The Monitor could not independently confirm/),
    ]);
    expect(r.text).not.toMatch(
      /Subscribe|Advertisement|Sponsored|Buy now|Related stories|All rights reserved|HIJACKED/,
    );
  });

  it('reads title, byline, date, site name, canonical URL and language', async () => {
    const r = await readReportFile(file);
    expect(r).toMatchObject({
      title: 'Border guards paid in yuan as smuggling surges',
      byline: 'Park Min-ji',
      publishedAt: '2025-11-18T09:40',
      outlet: 'North Korea Monitor',
      url: 'https://monitor.example.org/news/2025/11/border-guards-yuan',
      language: 'en-US',
      format: 'html',
    });
  });

  it('never runs the page’s scripts', async () => {
    // Had jsdom run them, these scripts would retitle the page, rewrite and add paragraphs, and
    // mark the article: all of it would show in what is imported.
    const paragraph =
      'Traders in Hyesan said the price of a used Chinese truck has doubled since the summer, and that buyers now pay in yuan only. ';
    const page = `<!doctype html><html lang="en"><head><title>Truck prices double in Hyesan</title>
      <script>document.title = 'HIJACKED TITLE';</script></head>
      <body><article><h1>Truck prices double in Hyesan</h1>
      <p>${paragraph.repeat(2)}</p>
      <script>
        document.querySelector('article').insertAdjacentHTML('beforeend', '<p>SCRIPT RAN: inserted paragraph</p>');
        for (const p of document.querySelectorAll('p')) p.textContent += ' SCRIPT RAN';
        document.querySelector('article').setAttribute('data-ran', 'yes');
      </script>
      <p>${paragraph}</p></article></body></html>`;
    const path = join(tempDir(), 'scripted.html');
    writeFileSync(path, page);
    const r = await readReportFile(path);
    expect(r.title).toBe('Truck prices double in Hyesan');
    expect(r.text).toContain('buyers now pay in yuan only.');
    expect(r.text).not.toContain('SCRIPT RAN');
    expect(r.text).not.toMatch(/HIJACKED|document\.querySelector/);
  });

  it('decodes a page in the charset it declares', async () => {
    const dir = tempDir();
    const html = readFileSync(file, 'utf8')
      .replace('charset="utf-8"', 'charset="windows-1252"')
      .replace(/[“”’—·©]/g, '');
    const bytes = Buffer.from(
      html.replace('Park Min-ji</span>', 'Park Min-ji</span> café'),
      'latin1',
    );
    writeFileSync(join(dir, 'cp1252.html'), bytes);
    const r = await readReportFile(join(dir, 'cp1252.html'));
    expect(r.text).toContain('Border guards along the Yalu River');
  });
});

describe('Markdown importer', () => {
  it('turns Markdown into reader text and front matter into metadata', async () => {
    const r = await readReportFile(join(FIXTURES, 'briefing.md'));
    expect(r).toMatchObject({
      title: 'Ryanggang vehicle market: field notes',
      byline: 'KIM Su-yeon',
      publishedAt: '2025-11-20',
      outlet: 'Field Desk',
      language: 'en',
      format: 'md',
    });
    expect(r.text).toContain('Several said that groups of three to five people pool money');
    expect(r.text).toContain('Licence fees have risen to about 1,200 yuan (earlier report).');
    expect(r.text).toContain(
      'Figures are unconfirmed & should be checked against ASIAPRESS reporting.',
    );
    expect(r.text).not.toMatch(/[*#`>]|\]\(|^---/m);
    expect(r.text).toBe(normaliseText(r.text));
  });
});

describe('rejections name the reason', () => {
  const hostile = (name: string): string => join(FIXTURES, 'hostile', name);
  it.each([
    ['empty.txt', /the file is empty/],
    ['blank.txt', /the file has no text/],
    ['image.txt', /binary, not text/],
    ['latin1.txt', /not valid UTF-8 \(first bad byte at offset 52\)/],
    ['report.pdf', /report\.pdf: the PDF is damaged: it stops before its end marker/],
    ['no-article.html', /no article text was found in this page \(no-article\.html\)/],
  ])('%s', async (name, message) => {
    await expect(readReportFile(hostile(name))).rejects.toThrow(message);
  });

  it('a file over the size limit, before reading it', async () => {
    const big = join(tempDir(), 'huge.txt');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1);
    await expect(readReportFile(big)).rejects.toThrow(
      /the file is 16\.0 MiB; the limit is 16\.0 MiB/,
    );
  });

  it('a folder given as a file', async () => {
    await expect(readReportFile(join(tempDir(), 'x.txt'))).rejects.toThrow(
      /cannot read the file \(no such file or folder\)/,
    );
  });
});
