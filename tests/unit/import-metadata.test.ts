import { describe, expect, it } from 'vitest';
import { ImportRejection, prepareReport } from '../../electron/core/import/index.ts';

const BODY = 'The market in Hyesan reopened on Monday after a week of closures. '.repeat(6);

describe("a file's own metadata is as untrusted as its text", () => {
  it('strips control characters from a Markdown file’s title, outlet, byline and language', async () => {
    const md = `---\ntitle: "\u001b]0;owned\u0007Prices \u001b[31mrise"\noutlet: "Daily\u0007 NK"\nbyline: "Kim\u001b[2J"\nlanguage: "en\u0008"\n---\n\n${BODY}\n`;
    const report = await prepareReport(Buffer.from(md), 'report.md');
    expect(report).toMatchObject({
      title: ']0;ownedPrices [31mrise',
      outlet: 'Daily NK',
      byline: 'Kim[2J',
      language: 'en',
    });
  });

  it('keeps a URL the file states only if it is a web address', async () => {
    const withUrl = (url: string): Buffer =>
      Buffer.from(`---\ntitle: Prices\nurl: "${url}"\n---\n\n${BODY}\n`);
    expect((await prepareReport(withUrl('javascript:alert(1)'), 'a.md')).url).toBeNull();
    expect((await prepareReport(withUrl('file:///etc/passwd'), 'b.md')).url).toBeNull();
    expect((await prepareReport(withUrl('https://www.dailynk.com/english/x/'), 'c.md')).url).toBe(
      'https://www.dailynk.com/english/x/',
    );
  });

  it('refuses a URL given by the analyst that is not a web address, naming it', async () => {
    const attempt = prepareReport(Buffer.from(BODY), 'a.txt', { url: 'file:///etc/passwd' });
    await expect(attempt).rejects.toThrow(ImportRejection);
    await expect(attempt).rejects.toThrow(
      'the URL "file:///etc/passwd" is not a web address (http or https)',
    );
  });
});
