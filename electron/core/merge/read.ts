// Reading a claim set before anything is written: its size, its JSON's depth and keys, the schema,
// the version, every id it points at, and every text it carries against its SHA-256. A set that
// fails any of these is refused whole, with a message naming the file and the problem.
import { createHash } from 'node:crypto';
import { describeZodError } from '../../../shared/api.ts';
import {
  CLAIM_SET_FORMAT,
  CLAIM_SET_LIMITS,
  CLAIM_SET_VERSION,
  claimSetSchema,
  urnOf,
  type ClaimSet,
} from '../../../shared/claim-set.ts';
import { DeskError } from '../db/errors.ts';
import { normaliseText } from '../import/normalise.ts';
import { outletKey } from '../import/outlets.ts';

/** Keys that name an object's prototype machinery: refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const rejected = (fileName: string, reason: string): DeskError =>
  new DeskError('rejected', `${fileName} was not merged: ${reason}. The desk was not changed.`);

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** A JSON value's path as a reader finds it: `claims[3].text`. */
const pathOf = (path: readonly (string | number)[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') ||
  'the top level';

/** Walks the parsed JSON once, iteratively: its depth and its keys. */
function checkShape(value: unknown, fileName: string): void {
  const stack: { value: unknown; depth: number; path: (string | number)[] }[] = [
    { value, depth: 0, path: [] },
  ];
  while (stack.length > 0) {
    const { value: node, depth, path } = stack.pop() as (typeof stack)[number];
    if (node === null || typeof node !== 'object') continue;
    if (depth >= CLAIM_SET_LIMITS.depth)
      throw rejected(
        fileName,
        `it is nested deeper than ${CLAIM_SET_LIMITS.depth} levels (at ${pathOf(path)})`,
      );
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child !== null && typeof child === 'object')
          stack.push({ value: child, depth: depth + 1, path: [...path, i] });
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key))
        throw rejected(fileName, `it holds a key "${key}" (at ${pathOf(path)}), which no set has`);
      const child: unknown = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: depth + 1, path: [...path, key] });
    }
  }
}

export interface ReadSet {
  set: ClaimSet;
  fileSha256: string;
  /** Texts the set carries, by SHA-256: its reports' and the older ones its passages name. */
  texts: Map<string, string>;
}

/** Which version of the checks below a merge ran; a file they passed need not be checked again. */
export const CHECKS_VERSION = 1;

/**
 * Parses and checks a claim set whole; throws a 'rejected' DeskError naming the problem. A file
 * whose SHA-256 `checkedBefore` vouches for (the same bytes passed these same checks in an earlier
 * merge: they depend on nothing else) is only parsed.
 */
export function readClaimSet(
  content: string | Uint8Array,
  fileName: string,
  maxBytes: number = CLAIM_SET_LIMITS.bytes,
  checkedBefore: (fileSha256: string) => boolean = () => false,
): ReadSet {
  const size =
    typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  if (size > maxBytes)
    throw rejected(fileName, `it is ${mib(size)}; a claim set may be at most ${mib(maxBytes)}`);
  const fileSha256 = createHash('sha256').update(content).digest('hex');
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      typeof content === 'string'
        ? content
        : new TextDecoder('utf-8', { fatal: true }).decode(content),
    );
  } catch (error) {
    throw rejected(fileName, `it is not valid JSON in UTF-8 (${(error as Error).message})`);
  }
  if (checkedBefore(fileSha256)) {
    const set = parsed as ClaimSet;
    return { set, fileSha256, texts: textsOf(set) };
  }
  checkShape(parsed, fileName);
  const head = parsed as { format?: unknown; version?: unknown } | null;
  if (head === null || typeof head !== 'object' || head.format !== CLAIM_SET_FORMAT)
    throw rejected(
      fileName,
      `it is not a Source Desk claim set (its "format" is not "${CLAIM_SET_FORMAT}")`,
    );
  if (head.version !== CLAIM_SET_VERSION)
    throw rejected(
      fileName,
      `it is a claim set of version ${JSON.stringify(head.version)}; this Source Desk reads version ${CLAIM_SET_VERSION}`,
    );
  const result = claimSetSchema.safeParse(parsed);
  if (!result.success)
    throw rejected(
      fileName,
      `it does not follow the claim-set format: ${describeZodError(result.error)}`,
    );
  const set = result.data;
  checkReferences(set, fileName);
  checkPages(set, fileName);
  return { set, fileSha256, texts: checkTexts(set, fileName) };
}

/** Ids must be unique in their list, and everything named must be in the set. */
function checkReferences(set: ClaimSet, fileName: string): void {
  const ids = (list: readonly { id: string }[], what: string): Set<string> => {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) throw rejected(fileName, `${what} ${item.id} appears twice`);
      seen.add(item.id);
    }
    return seen;
  };
  const reports = ids(set.reports, 'report');
  const sources = ids(set.sources, 'source');
  const passages = ids(set.passages, 'passage');
  const evidence = ids(set.evidence, 'evidence link');
  const claims = ids(set.claims, 'claim');
  const dangling = (what: string, target: string): DeskError =>
    rejected(fileName, `${what} names ${target}, which is not in the set`);

  for (const r of set.reports)
    if (r.id !== urnOf(r.sha256))
      throw rejected(fileName, `report ${r.id} does not match its sha256 ${r.sha256}`);
  const byId = new Map(set.sources.map((s) => [s.id, s]));
  for (const s of set.sources) {
    if (s.cites !== null && !sources.has(s.cites))
      throw dangling(`source ${s.id} ("${s.name}")`, `source ${s.cites}`);
    if (s.kind === 'outlet' && outletKey(s.name) !== outletKey(s.outlet))
      throw rejected(
        fileName,
        `source ${s.id} is the own voice of outlet "${s.outlet}" but is named "${s.name}"`,
      );
    // "X cites Y" chains end: none leads back to where it started.
    const seen = new Set([s.id]);
    for (let at = s.cites; at !== null; at = byId.get(at)?.cites ?? null) {
      if (seen.has(at))
        throw rejected(
          fileName,
          at === s.id
            ? `source ${s.id} ("${s.name}") cites itself, directly or through others`
            : `the sources citing one another from ${s.id} ("${s.name}") go round in a circle`,
        );
      seen.add(at);
    }
  }
  for (const p of set.passages) {
    if (!reports.has(p.report)) throw dangling(`passage ${p.id}`, `report ${p.report}`);
    if (p.source !== null && !sources.has(p.source))
      throw dangling(`passage ${p.id}`, `source ${p.source}`);
    const [, position] = p.target.selector;
    if (position.end <= position.start)
      throw rejected(
        fileName,
        `passage ${p.id} ends (${position.end}) before it starts (${position.start})`,
      );
  }
  const pairs = new Set<string>();
  for (const e of set.evidence) {
    if (!claims.has(e.claim)) throw dangling(`evidence link ${e.id}`, `claim ${e.claim}`);
    if (!passages.has(e.passage)) throw dangling(`evidence link ${e.id}`, `passage ${e.passage}`);
    if (e.source !== null && !sources.has(e.source))
      throw dangling(`evidence link ${e.id}`, `source ${e.source}`);
    if (!sources.has(e.origin) && !reports.has(e.origin))
      throw dangling(`evidence link ${e.id}`, `origin ${e.origin}`);
    const pair = `${e.claim} ${e.passage}`;
    if (pairs.has(pair))
      throw rejected(fileName, `claim ${e.claim} holds passage ${e.passage} as evidence twice`);
    pairs.add(pair);
  }
  for (const c of set.claims) {
    for (const group of c.origins) {
      if (!sources.has(group.origin) && !reports.has(group.origin))
        throw dangling(`claim ${c.id}'s origins`, `origin ${group.origin}`);
      for (const e of group.evidence)
        if (!evidence.has(e)) throw dangling(`claim ${c.id}'s origins`, `evidence link ${e}`);
    }
    for (const review of c.originReviews ?? [])
      for (const p of review.passages)
        if (!passages.has(p)) throw dangling(`claim ${c.id}'s origin reviews`, `passage ${p}`);
  }
  const byEntity = { claim: claims, source: sources, passage: passages };
  for (const entry of set.audit)
    if (!byEntity[entry.entity].has(entry.item))
      throw dangling(
        `an audit entry (${entry.action} at ${entry.at})`,
        `${entry.entity} ${entry.item}`,
      );
}

/**
 * A paged report's pages must tile its text in order, as an import writes them: numbered 1, 2, 3…,
 * each within the text (when the set carries it), none before the previous one's end.
 */
function checkPages(set: ClaimSet, fileName: string): void {
  for (const r of set.reports) {
    const length = r.text === undefined ? Infinity : [...r.text].length;
    let before = 0;
    r.pages?.forEach((p, i) => {
      const wrong =
        p.page !== i + 1
          ? `is numbered ${p.page} where ${i + 1} comes`
          : p.start < before
            ? `starts (${p.start}) before the page above it ends (${before})`
            : p.end < p.start
              ? `ends (${p.end}) before it starts (${p.start})`
              : p.end > length
                ? `ends (${p.end}) past the end of the text (${length})`
                : null;
      if (wrong)
        throw rejected(fileName, `report "${r.title}": page ${i + 1} of its pages ${wrong}`);
      before = p.end;
    });
  }
}

/** The texts a set carries, by SHA-256. */
function textsOf(set: ClaimSet): Map<string, string> {
  const texts = new Map<string, string>();
  for (const r of set.reports) if (r.text !== undefined) texts.set(r.sha256, r.text);
  for (const t of set.texts) texts.set(t.sha256, t.text);
  return texts;
}

/** Every text carried must be normalised and hash to the SHA-256 it is filed under. */
function checkTexts(set: ClaimSet, fileName: string): Map<string, string> {
  const texts = new Map<string, string>();
  const check = (sha256: string, text: string, what: string): void => {
    if (text === '') throw rejected(fileName, `the text of ${what} is empty`);
    if (normaliseText(text) !== text)
      throw rejected(
        fileName,
        `the text of ${what} is not normalised (NFC, \\n line ends), so its sha256 cannot name it`,
      );
    if (createHash('sha256').update(text, 'utf8').digest('hex') !== sha256)
      throw rejected(
        fileName,
        `the text of ${what} does not match its sha256 ${sha256}: it was changed after export`,
      );
    texts.set(sha256, text);
  };
  for (const r of set.reports)
    if (r.text !== undefined) check(r.sha256, r.text, `report "${r.title}"`);
  for (const t of set.texts) check(t.sha256, t.text, `text ${t.sha256}`);
  return texts;
}
