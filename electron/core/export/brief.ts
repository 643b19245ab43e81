// The brief: the claim set as an editor reads it, in Markdown and as one self-contained HTML page
// (inline CSS, no script, nothing fetched, printable). Claims are grouped by verdict; each shows
// its computed status beside the verdict, the independent origins behind it (origins, never a
// count of articles) and every quote with its report, outlet, date, source and grades.
//
// Everything the analysts typed (claims, notes, quotes, names, titles) is escaped: in HTML every
// text goes through `html()`, and a Content-Security-Policy forbids scripts and loads besides; in
// Markdown every punctuation mark a renderer could read as syntax is backslash-escaped, so a claim
// cannot become a link, an image, a heading or raw HTML.
import type { ExportFile } from '../../../shared/api/sets.ts';
import type {
  ClaimSet,
  ClaimSetFilter,
  SetClaim,
  SetEvidence,
  SetPassage,
} from '../../../shared/claim-set.ts';
import { STATUS_LABEL } from '../../../shared/corroboration.ts';
import type { Stance } from '../../../shared/vocabulary.ts';
import {
  credibilityWords,
  indexSet,
  plural,
  quoteOf,
  reliabilityWords,
  STANCE_WORDS,
  VERDICT_GROUPS,
  verdictLabel,
  type SetIndex,
} from './set-index.ts';

// ---- What the brief says, whatever it is written in ----

interface Origin {
  name: string;
  detail: string;
  quotes: number;
}

interface Quote {
  quote: string;
  stance: Stance;
  /** "Supports · credibility 2 (Probably true)". */
  grade: string;
  report: string;
  /** Outlet and date, as they exist. */
  where: string;
  url: string | null;
  source: string;
  note: string;
  orphaned: boolean;
}

interface ClaimEntry {
  text: string;
  verdict: string | null;
  status: string;
  tags: string[];
  rationale: string;
  sides: { heading: string; origins: Origin[] }[];
  quotes: Quote[];
}

interface Brief {
  title: string;
  exported: string;
  /** The exporting desk's id: where a colleague's merge will say the items came from. */
  desk: string;
  included: string;
  summary: string;
  groups: { label: string; verdict: string; claims: ClaimEntry[] }[];
  /** Passages no claim in the brief uses. */
  others: Quote[];
}

/** A month's English name: the brief reads the same on every machine, whatever its locale. */
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const monthName = (month: number): string => MONTH.format(Date.UTC(2000, month, 1));

/** "20 November 2026, 14:30 UTC" for a timestamp. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${monthName(d.getUTCMonth())} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** "18 November 2026" (", 08:30" with a time) for a date as a report states it; else as it is. */
export function statedDate(stated: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(stated);
  const number = m ? Number(m[2]) : 0;
  if (!m || number < 1 || number > 12) return stated;
  const month = monthName(number - 1);
  return `${Number(m[3])} ${month} ${m[1]}${m[4] ? `, ${m[4]}` : ''}`;
}

const STANCE_HEADINGS = {
  supports: (n: number) =>
    n >= 2
      ? `Corroborated by ${n} independent origins`
      : n === 1
        ? 'Supported by a single origin'
        : 'No origin supports it',
  contradicts: (n: number) => `Contradicted by ${plural(n, 'independent origin')}`,
  context: (n: number) => `Context from ${plural(n, 'origin')}`,
} as const;

export function included(filter: ClaimSetFilter | null): string {
  if (!filter) return 'Every claim on the desk.';
  const parts: string[] = [];
  if (filter.verdicts?.length)
    parts.push(
      `verdict ${filter.verdicts.map((v) => (v === 'none' ? 'none yet' : verdictLabel(v))).join(' or ')}`,
    );
  if (filter.statuses?.length)
    parts.push(`computed status ${filter.statuses.map((s) => STATUS_LABEL[s]).join(' or ')}`);
  if (filter.tags?.length) parts.push(`tagged ${filter.tags.join(' or ')}`);
  if (filter.claims?.length)
    parts.push(`${plural(filter.claims.length, 'claim')} chosen one by one`);
  return parts.length ? `Claims with ${parts.join('; ')}.` : 'Every claim on the desk.';
}

function quoteOfPassage(index: SetIndex, passage: SetPassage, evidence?: SetEvidence): Quote {
  const report = index.report(passage.report);
  const sourceId = evidence ? evidence.source : passage.source;
  const source = sourceId ? index.source(sourceId) : undefined;
  const who = source
    ? `${source.name} (${source.kind === 'outlet' ? 'the outlet itself' : `named source, ${source.outlet}`}), reliability ${reliabilityWords(source.reliability)}`
    : report?.outlet
      ? `${report.outlet} (the outlet itself)`
      : 'No outlet and no named source';
  return {
    quote: quoteOf(passage),
    stance: evidence?.stance ?? 'context',
    grade: evidence
      ? `${STANCE_WORDS[evidence.stance]} · credibility ${credibilityWords(evidence.credibility)}`
      : 'Not linked to a claim in this brief',
    report: report?.title ?? passage.report,
    where: [
      report?.outlet ?? 'no outlet',
      report?.publishedAt ? statedDate(report.publishedAt) : 'undated',
    ].join(', '),
    url: report?.url ?? null,
    source: who,
    note: [evidence?.note, passage.note].filter(Boolean).join(' — '),
    orphaned: passage.status === 'orphaned',
  };
}

function claimEntry(index: SetIndex, claim: SetClaim): ClaimEntry {
  const side = (stance: Stance, count: number) => {
    const origins = claim.origins
      .filter((o) => o.stance === stance)
      .map((o) => ({
        name: o.name,
        detail: [
          o.outlet && o.outlet !== o.name ? o.outlet : null,
          `reliability ${reliabilityWords(o.reliability)}`,
        ]
          .filter(Boolean)
          .join(', '),
        quotes: o.evidence.length,
      }));
    return { heading: STANCE_HEADINGS[stance](count), origins };
  };
  const contextCount = claim.origins.filter((o) => o.stance === 'context').length;
  const quotes = index.evidenceOf(claim.id).flatMap((e) => {
    const passage = index.passage(e.passage);
    return passage ? [quoteOfPassage(index, passage, e)] : [];
  });
  const base = {
    text: claim.text,
    verdict: verdictLabel(claim.verdict),
    status: STATUS_LABEL[claim.status],
    tags: claim.tags,
    rationale: claim.rationale,
    quotes,
  };
  if (quotes.length === 0) return { ...base, sides: [] };
  const sides = [side('supports', claim.counts.independentOrigins)];
  if (claim.counts.contradictingOrigins > 0)
    sides.push(side('contradicts', claim.counts.contradictingOrigins));
  if (contextCount > 0) sides.push(side('context', contextCount));
  return { ...base, sides };
}

function briefOf(set: ClaimSet): Brief {
  const index = indexSet(set);
  const groups = VERDICT_GROUPS.map((g) => ({
    label: g.label,
    verdict: g.verdict ?? 'none',
    claims: set.claims.filter((c) => c.verdict === g.verdict).map((c) => claimEntry(index, c)),
  }));
  const reports = new Set(set.passages.map((p) => p.report)).size;
  const orphaned = set.passages.filter((p) => p.status === 'orphaned').length;
  const summary = [
    `${plural(set.claims.length, 'claim')}: ${groups
      .map(
        (g) =>
          `${g.claims.length} ${g.verdict === 'none' ? 'with no verdict yet' : g.label.toLowerCase()}`,
      )
      .join(', ')}.`,
    `${plural(set.evidence.length, 'quote')} weighed, from ${plural(reports, 'report')}.`,
    orphaned
      ? `${plural(orphaned, 'passage')} orphaned: no longer in ${orphaned === 1 ? 'its' : 'their'} report’s current text (flagged below).`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    title: 'Verification brief',
    exported: `Exported by ${set.exported.reviewer} on ${when(set.exported.at)}, from Source Desk.`,
    desk: `Desk ${set.exported.desk}`,
    included: included(set.exported.filter),
    summary,
    groups: groups.filter((g) => g.claims.length > 0),
    others: index.unlinkedPassages.map((p) => quoteOfPassage(index, p)),
  };
}

const NO_EVIDENCE = 'No evidence linked yet.';

const ORPHANED_NOTE =
  'Orphaned passage: this quote no longer stands in its report’s current text (it was placed in an earlier version).';

// ---- Markdown ----

/**
 * Analyst text, inert in Markdown. Backslash-escaped: every mark that opens inline syntax
 * anywhere (emphasis, code, links and images by their brackets, raw HTML, entities, tables, strikethrough, a
 * heading's closing `#`), the `@`, `://` and `www.` from which GFM makes bare links, and a first character
 * that would start a block (a heading, quote, list, rule). Line breaks become spaces, so the text
 * cannot start a block of its own further on.
 */
export function mdText(s: string): string {
  return s
    .trim()
    .replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ')
    .replace(/[\\`*_[\]<>&!|~@#]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^([>+\-=]|\d+(?=[.)]))/, (mark: string) =>
      /\d/.test(mark) ? `${mark}\\` : `\\${mark}`,
    );
}

/** A quote as a Markdown blockquote, its line breaks kept. */
const mdQuote = (s: string): string =>
  s
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() ? `> ${mdText(line.trim())}` : '>'))
    // Two spaces end a line with a break of its own: the quote keeps its lines.
    .join('  \n');

function mdQuoteBlock(q: Quote): string {
  const lines = [
    mdQuote(q.quote),
    '',
    `${mdText(q.grade)}  `,
    `*${mdText(q.report)}*, ${mdText(q.where)}${q.url ? ` — ${mdText(q.url)}` : ''}  `,
    `Source: ${mdText(q.source)}${q.note ? '  ' : ''}`,
  ];
  if (q.note) lines.push(`Note: ${mdText(q.note)}`);
  if (q.orphaned) lines.push('', `**⚠ ${mdText(ORPHANED_NOTE)}**`);
  return lines.join('\n');
}

export function briefMarkdown(set: ClaimSet): ExportFile {
  const brief = briefOf(set);
  const out: string[] = [
    `# ${brief.title}`,
    '',
    `${mdText(brief.exported)} ${mdText(brief.desk)}.  `,
    `Included: ${mdText(brief.included)}  `,
    mdText(brief.summary),
  ];
  let n = 0;
  for (const group of brief.groups) {
    out.push('', `## ${group.label} (${group.claims.length})`);
    for (const claim of group.claims) {
      n++;
      out.push('', `### ${n}\\. ${mdText(claim.text)}`, '');
      out.push(
        `**Verdict:** ${claim.verdict ?? 'none yet'} · **Computed status:** ${mdText(claim.status)}  `,
      );
      if (claim.tags.length) out.push(`**Tags:** ${claim.tags.map(mdText).join(', ')}  `);
      if (claim.rationale) out.push(`**Rationale:** ${mdText(claim.rationale)}`);
      for (const side of claim.sides) {
        out.push('', `**${mdText(side.heading)}${side.origins.length ? ':' : '.'}**`);
        if (side.origins.length) out.push('');
        for (const o of side.origins)
          out.push(`- ${mdText(o.name)} — ${mdText(o.detail)}; ${plural(o.quotes, 'quote')}`);
      }
      out.push(
        '',
        claim.quotes.length ? `**Quotes (${claim.quotes.length})**` : `*${NO_EVIDENCE}*`,
      );
      for (const q of claim.quotes) out.push('', mdQuoteBlock(q));
    }
  }
  if (brief.others.length) {
    out.push('', `## Passages not linked to these claims (${brief.others.length})`);
    for (const q of brief.others) out.push('', mdQuoteBlock(q));
  }
  return {
    name: 'brief.md',
    mediaType: 'text/markdown; charset=utf-8',
    content: `${out.join('\n')}\n`,
  };
}

// ---- HTML ----

/**
 * A self-contained page: its own CSS inline, and a Content-Security-Policy that forbids scripts and
 * every load, so that nothing in it runs or is fetched wherever it is opened. `body` is markup
 * whose text has gone through html().
 */
export function htmlDocument(title: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Source Desk">
<title>${html(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Text for HTML: the five characters that could open markup or end an attribute. */
export function html(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** Only a web address is a link; anything else (`javascript:`, `data:`) stays text. */
const isWebUrl = (url: string): boolean => /^https?:\/\/[^\s]+$/i.test(url);

function htmlQuote(q: Quote): string {
  const report =
    q.url && isWebUrl(q.url) ? `<a href="${html(q.url)}">${html(q.report)}</a>` : html(q.report);
  return `<figure class="quote ${q.stance}${q.orphaned ? ' orphaned' : ''}">
<blockquote><p>${html(q.quote)}</p></blockquote>
<figcaption>
<p class="grade">${html(q.grade)}</p>
<p class="report"><cite>${report}</cite>, ${html(q.where)}</p>
<p class="source">Source: ${html(q.source)}</p>${q.note ? `\n<p class="note">Note: ${html(q.note)}</p>` : ''}${q.orphaned ? `\n<p class="flag">⚠ ${html(ORPHANED_NOTE)}</p>` : ''}
</figcaption>
</figure>`;
}

function htmlClaim(claim: ClaimEntry, n: number): string {
  const sides = claim.sides
    .map(
      (side) => `<div class="side">
<h4>${html(side.heading)}</h4>${
        side.origins.length
          ? `\n<ul>${side.origins
              .map(
                (o) =>
                  `<li><strong>${html(o.name)}</strong> — ${html(o.detail)}; ${plural(o.quotes, 'quote')}</li>`,
              )
              .join('')}</ul>`
          : ''
      }
</div>`,
    )
    .join('\n');
  return `<article class="claim">
<h3><span class="n">${n}.</span> ${html(claim.text)}</h3>
<p class="standing"><span class="verdict ${claim.verdict ? html(claim.verdict.toLowerCase()) : 'none'}">${html(claim.verdict ?? 'No verdict yet')}</span> <span class="status">Computed status: <strong>${html(claim.status)}</strong></span>${
    claim.tags.length
      ? ` <span class="tags">${claim.tags.map((t) => `<span class="tag">${html(t)}</span>`).join(' ')}</span>`
      : ''
  }</p>${claim.rationale ? `\n<p class="rationale"><strong>Rationale:</strong> ${html(claim.rationale)}</p>` : ''}
${sides ? `<div class="origins">\n${sides}\n</div>\n` : ''}${
    claim.quotes.length
      ? `<h4 class="quotes-heading">Quotes (${claim.quotes.length})</h4>\n${claim.quotes.map(htmlQuote).join('\n')}`
      : `<p class="empty">${NO_EVIDENCE}</p>`
  }
</article>`;
}

const CSS = `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6573; --rule: #d9dde3; --paper: #fff;
  --supports: #1f7a4d; --contradicts: #b3261e; --context: #6b7280; --warn: #8a5a00; }
* { box-sizing: border-box; }
html { font-size: 17px; }
body { margin: 0; background: #f4f5f7; color: var(--ink);
  font-family: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, Cambria, "Times New Roman", serif,
    "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  line-height: 1.55; -webkit-font-smoothing: antialiased; }
main { max-width: 48rem; margin: 2rem auto; padding: 2.5rem 3rem; background: var(--paper);
  border: 1px solid var(--rule); border-radius: 4px; }
h1, h2, h3, h4, .standing, figcaption, .meta, .summary, .tag {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif,
    "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
h1 { font-size: 1.9rem; margin: 0 0 .6rem; letter-spacing: -.01em; }
header { border-bottom: 2px solid var(--ink); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.meta { margin: .15rem 0; color: var(--muted); font-size: .86rem; }
.desk { white-space: nowrap; font-size: .78rem; }
.summary { margin: .6rem 0 0; font-size: .92rem; }
h2 { font-size: 1.15rem; text-transform: uppercase; letter-spacing: .06em; margin: 2.5rem 0 1rem;
  padding-bottom: .3rem; border-bottom: 1px solid var(--rule); }
h2 .count { color: var(--muted); font-weight: 400; }
.claim { margin: 0 0 2.25rem; padding-bottom: 1.5rem; border-bottom: 1px solid var(--rule); }
.claim:last-child { border-bottom: 0; }
h3 { font-size: 1.22rem; line-height: 1.35; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h3 .n { color: var(--muted); font-weight: 400; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 1rem 0 .35rem; }
.standing { display: flex; flex-wrap: wrap; gap: .4rem .75rem; align-items: center; margin: 0 0 .6rem; font-size: .88rem; }
.verdict { font-weight: 700; padding: .1rem .55rem; border-radius: 3px; border: 1px solid currentColor; }
.verdict.verified { color: var(--supports); }
.verdict.refuted { color: var(--contradicts); }
.verdict.unresolved { color: var(--warn); }
.verdict.none { color: var(--muted); font-weight: 600; }
.tag { display: inline-block; font-size: .78rem; background: #eef0f3; border-radius: 3px; padding: 0 .4rem; margin-right: .2rem; }
.rationale { margin: .4rem 0; overflow-wrap: anywhere; }
.origins ul { margin: .2rem 0 .4rem; padding-left: 1.2rem; }
.origins li { margin: .15rem 0; overflow-wrap: anywhere; }
.quote { margin: 1rem 0 1.1rem; padding: 0 0 0 1rem; border-left: 4px solid var(--context); break-inside: avoid; }
.quote.supports { border-left-color: var(--supports); }
.quote.contradicts { border-left-color: var(--contradicts); }
.quote.orphaned { border-left-style: dashed; }
blockquote { margin: 0; font-size: 1.05rem; font-style: italic; }
blockquote p { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
blockquote p::before { content: "“"; } blockquote p::after { content: "”"; }
figcaption { font-size: .82rem; color: var(--muted); margin-top: .35rem; }
figcaption p { margin: .1rem 0; overflow-wrap: anywhere; }
figcaption .grade { color: var(--ink); font-weight: 600; }
.quote.supports .grade { color: var(--supports); }
.quote.contradicts .grade { color: var(--contradicts); }
figcaption cite { font-style: italic; color: var(--ink); }
figcaption a { color: inherit; }
.flag { color: var(--warn); font-weight: 700; }
.empty { color: var(--muted); font-style: italic; margin: .6rem 0 0; }
@media (max-width: 720px) { main { margin: 0; padding: 1.25rem; border: 0; } }
@media print {
  @page { margin: 16mm 18mm; }
  html { font-size: 11pt; }
  body { background: none; }
  main { max-width: none; margin: 0; padding: 0; border: 0; }
  h2, h3, h4 { break-after: avoid; }
  .quote, .side { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }
}
`;

export function briefHtml(set: ClaimSet): ExportFile {
  const brief = briefOf(set);
  let n = 0;
  const groups = brief.groups
    .map(
      (group) => `<section class="group ${group.verdict}">
<h2>${html(group.label)} <span class="count">(${group.claims.length})</span></h2>
${group.claims.map((c) => htmlClaim(c, ++n)).join('\n')}
</section>`,
    )
    .join('\n');
  const others = brief.others.length
    ? `\n<section class="group others">
<h2>Passages not linked to these claims <span class="count">(${brief.others.length})</span></h2>
${brief.others.map(htmlQuote).join('\n')}
</section>`
    : '';
  const content = htmlDocument(
    `${brief.title} — ${when(set.exported.at)}`,
    CSS,
    `<main>
<header>
<h1>${html(brief.title)}</h1>
<p class="meta">${html(brief.exported)} <span class="desk">${html(brief.desk)}</span></p>
<p class="meta">Included: ${html(brief.included)}</p>
<p class="summary">${html(brief.summary)}</p>
</header>
${groups}${others}
</main>`,
  );
  return { name: 'brief.html', mediaType: 'text/html; charset=utf-8', content };
}
