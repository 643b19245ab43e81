import { expect, type Page } from '@playwright/test';

/** Selects `phrase` (or from `phrase` to `until`, across paragraphs) in the reader, as a drag would. */
export async function selectText(page: Page, phrase: string, until?: string): Promise<void> {
  // The report opened just before may still be on its way: wait for its words, as an eye would.
  await expect(page.getByTestId('report-text')).toContainText(phrase);
  await page.evaluate(
    ([from, to]) => {
      const paragraphs = Array.from(document.querySelectorAll('[data-testid="report-text"] p'));
      const startP = paragraphs.find((p) => p.textContent?.includes(from as string));
      const endP = to ? paragraphs.find((p) => p.textContent?.includes(to)) : startP;
      if (!startP?.firstChild || !endP?.firstChild)
        throw new Error(`"${from}" is not in the report`);
      const startNode = startP.firstChild as Text;
      const endNode = endP.firstChild as Text;
      const start = startNode.data.indexOf(from as string);
      const end = to ? endNode.data.indexOf(to) + to.length : start + (from as string).length;
      const range = document.createRange();
      range.setStart(startNode, start);
      range.setEnd(endNode, end);
      const selection = window.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [phrase, until] as const,
  );
}

/** The words each drawn highlight covers, read back from CSS.highlights. */
export async function drawnHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Every passage layer (one per stance colour, and the selected one); not the overlap marks.
    const all = [...CSS.highlights.keys()]
      .filter((name) => name.startsWith('passage-') && name !== 'passage-overlap')
      .flatMap((name) => [...(CSS.highlights.get(name) ?? [])]);
    return all.map((drawn) => {
      const range = document.createRange();
      range.setStart(drawn.startContainer, drawn.startOffset);
      range.setEnd(drawn.endContainer, drawn.endOffset);
      return range.toString();
    });
  });
}

export async function bridgeCall(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, i]) => {
      const token = sessionStorage.getItem('source-desk-token') ?? '';
      const response = await fetch(`/api/${m as string}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-desk-token': token },
        body: JSON.stringify(i),
      });
      return response.json();
    },
    [method, input] as const,
  );
}

/** A passage on `quote` in report `reportId`, made through the bridge; its id. */
export async function makePassage(page: Page, reportId: number, quote: string): Promise<number> {
  const report = (await bridgeCall(page, 'reports.get', { id: reportId })) as {
    value: { text: string };
  };
  const start = report.value.text.indexOf(quote);
  expect(start, `"${quote}" in report ${reportId}`).toBeGreaterThanOrEqual(0);
  const made = (await bridgeCall(page, 'passages.create', {
    reportId,
    start,
    end: start + quote.length,
    exact: quote,
    note: '',
  })) as { ok: boolean; value: { id: number } };
  expect(made.ok).toBe(true);
  return made.value.id;
}

/** A claim with one passage of evidence in each report given, made through the bridge; its id. */
export async function makeClaim(
  page: Page,
  text: string,
  evidence: [reportId: number, quote: string, stance: string][],
): Promise<number> {
  const [first, ...more] = evidence;
  if (!first) throw new Error('a claim needs evidence here');
  const claim = (await bridgeCall(page, 'claims.create', {
    text,
    evidence: { passageId: await makePassage(page, first[0], first[1]), stance: first[2] },
  })) as { ok: boolean; value: { id: number } };
  expect(claim.ok).toBe(true);
  for (const [reportId, quote, stance] of more) {
    const linked = (await bridgeCall(page, 'evidence.link', {
      claimId: claim.value.id,
      passageId: await makePassage(page, reportId, quote),
      stance,
      credibility: 2,
    })) as { ok: boolean };
    expect(linked.ok).toBe(true);
  }
  return claim.value.id;
}
