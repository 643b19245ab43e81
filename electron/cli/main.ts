import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportResult, Report } from '../../shared/api.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/api/sets.ts';
import { REPORT_EXTENSIONS } from '../../shared/formats.ts';
import { claimSetFilterSchema, uuidSchema, type ClaimSetFilter } from '../../shared/claim-set.ts';
import { MATCH_END, MATCH_START } from '../../shared/search.ts';
import { CLAIM_STATUSES, VERDICTS } from '../../shared/vocabulary.ts';
import { STATUS_LABEL } from '../../shared/corroboration.ts';
import { checkDesk } from '../core/check.ts';
import { listClaims } from '../core/db/claims.ts';
import { openDesk, type Db } from '../core/db/connection.ts';
import { DeskError, explainDeskError } from '../core/db/errors.ts';
import { SCHEMA_VERSION, schemaVersion } from '../core/db/migrate.ts';
import { listMentions, type ReportMention } from '../core/db/mentions.ts';
import { getReport, getReportText, listReports, searchReports } from '../core/db/reports.ts';
import { exportFiles } from '../core/export/index.ts';
import { describeFsError } from '../core/fs-errors.ts';
import { defaultDeskPath } from '../core/paths.ts';
import { importPaths } from '../core/reports/import-files.ts';
import { similarCommand, suggestCommand } from './compare.ts';
import { mergeCommand } from './merge.ts';

type OptionName =
  'db' | 'outlet' | 'port' | 'json' | 'help' | 'version' | ExportOption | MergeOption;
type MergeOption = 'dry-run' | 'merge-duplicates' | 'reviewer';
type ExportOption = 'format' | 'verdict' | 'status' | 'tag' | 'claim' | 'with-texts' | 'out';
/** Options that take a comma-separated list; given twice, the lists are joined. */
const LIST_OPTIONS: readonly OptionName[] = ['verdict', 'status', 'tag', 'claim'];

const OPTIONS = {
  db: { type: 'string' },
  outlet: { type: 'string' },
  port: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  format: { type: 'string' },
  verdict: { type: 'string' },
  status: { type: 'string' },
  tag: { type: 'string' },
  claim: { type: 'string' },
  'with-texts': { type: 'boolean' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'merge-duplicates': { type: 'boolean' },
  reviewer: { type: 'string' },
} as const satisfies Record<OptionName, { type: 'string' | 'boolean'; short?: string }>;

interface Command {
  /** What follows the command name in the usage line. */
  args: string;
  /** Options besides --db and --help. */
  options: OptionName[];
  /** How many arguments it takes besides options. */
  positionals: 'none' | 'some';
  /** What it does: the same words as the README's table. */
  does: string;
}

const COMMANDS: Record<string, Command> = {
  import: {
    args: '<files or folders…> [--outlet NAME] [--json]',
    options: ['outlet', 'json'],
    positionals: 'some',
    does:
      `imports each file (${REPORT_EXTENSIONS.join(' ')};\n` +
      'folders recursively, a folder’s manifest.json giving per-file metadata), printing one line\n' +
      'per file: imported, already present or rejected with the reason. Each file goes in whole or\n' +
      'not at all, its original bytes kept. Creates the desk if there is none.',
  },
  reports: {
    args: '[--json]',
    options: ['json'],
    positionals: 'none',
    does: 'lists the reports: id, date, outlet, title, format and length',
  },
  search: {
    args: '<query> [--json]',
    options: ['json'],
    positionals: 'some',
    does: 'full-text search over report titles and texts, with snippets (matches in [brackets])',
  },
  claims: {
    args: '[--json]',
    options: ['json'],
    positionals: 'none',
    does:
      'lists the claims with their computed status, verdict and counts (passages, reports,\n' +
      'outlets, independent origins)',
  },
  mentions: {
    args: '<report-id> [--json]',
    options: ['json'],
    positionals: 'some',
    does:
      'lists the source mentions read from a report’s text (who is said to have said, reported,\n' +
      'photographed or filmed what): each phrase, what it says of the source, the mention it\n' +
      'refers back to, and the text it governs',
  },
  similar: {
    args: '<report-id> [--json]',
    options: ['json'],
    positionals: 'some',
    does:
      'lists the sentences of a report that other reports share or nearly share (docs/suggestions.md):\n' +
      'each with the other report’s sentence, the score and the words that differ',
  },
  suggest: {
    args: '--claim <id> [--json]',
    options: ['claim', 'json'],
    positionals: 'none',
    does:
      'lists sentences of the reports that may support or contradict a claim, other outlets first\n' +
      '(docs/suggestions.md): each with its report, outlet, score, stance hint and why',
  },
  check: {
    args: '[--json]',
    options: ['json'],
    positionals: 'none',
    does:
      'checks the desk without changing it: SQLite’s integrity check, foreign keys, the search\n' +
      'index against the texts, every text against its SHA-256, every passage against its text',
  },
  export: {
    args:
      '--format set|annotations|claimreview|csv|md|html|matrix-csv|matrix-md|matrix-html\n' +
      '                     [--verdict V,…] [--status S,…] [--tag T,…] [--claim ID,…]\n' +
      '                     [--with-texts] [--out PATH]',
    options: ['format', 'verdict', 'status', 'tag', 'claim', 'with-texts', 'out'],
    positionals: 'none',
    does:
      'exports claims as a claim set (docs/claim-set.md) or in an open format: W3C Web\n' +
      'Annotations, ClaimReview, CSV, a brief in Markdown or HTML, the claim matrix (claims ×\n' +
      'the reports their evidence comes from) in CSV, Markdown or HTML. Every claim, or those matching\n' +
      'each option given: --verdict (none: no verdict yet), --status, --tag (any one listed),\n' +
      '--claim (by number or id). --with-texts carries the reports’ texts. Written to --out or to\n' +
      'standard output; csv writes its files into the folder --out names.',
  },
  merge: {
    args: '<claim-set.json> [--dry-run] [--merge-duplicates] [--reviewer NAME] [--json]',
    options: ['dry-run', 'merge-duplicates', 'reviewer', 'json'],
    positionals: 'some',
    does:
      'merges a colleague’s claim set (docs/claim-set.md), or with --dry-run says what it would do\n' +
      'and writes nothing. A set that fails any check is refused with the reason, the desk unchanged.\n' +
      'Lists passages re-anchored, orphaned or waiting for their report, likely duplicates (kept\n' +
      'separate unless --merge-duplicates) and conflicts (settled in the app). --reviewer: who the\n' +
      'merge is recorded under (else the desk’s reviewer). Creates the desk if there is none.',
  },
  serve: {
    args: '[--port N]',
    options: ['port'],
    positionals: 'none',
    does:
      'serves the desk and its UI to a browser on this machine only (127.0.0.1), printing an\n' +
      'address that carries a per-run access token; a new desk gets the demo case. Needs the\n' +
      'built UI (npm run build). Ctrl+C stops it.',
  },
};

const READ_COMMANDS = ['reports', 'search', 'claims', 'mentions', 'similar', 'suggest', 'check'];

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function usage(): string {
  const commands = Object.entries(COMMANDS)
    .map(([name, c]) => `  source-desk ${name} ${c.args}\n${c.does.replace(/^/gm, '      ')}`)
    .join('\n');
  return `source-desk ${version()} — the Source Desk command line

Commands:
${commands}

Options:
  --db PATH      the desk file; by default the desktop app's own,
                 ${defaultDeskPath()}
                 reports, search, claims, mentions, similar, suggest, check and export only read
                 it: they never create a desk, and a path with no desk is an error.
  --outlet NAME  import: the outlet of every imported file, over what the files say
  --format F     export: set, annotations, claimreview, csv, md, html, or the claim matrix
                 as matrix-csv, matrix-md or matrix-html
  --verdict, --status, --tag, --claim LIST
                 export: only the claims matching each one given (comma-separated lists)
                 suggest: the one claim (its number) to suggest evidence for
  --with-texts   export: carry the reports' texts, so every quote can be re-checked
  --out PATH     export: the file to write (csv: the folder)
  --dry-run      merge: say what the merge would do; write nothing
  --merge-duplicates
                 merge: merge each likely duplicate into the desk's item
  --reviewer NAME
                 merge: who the merge is recorded under
  --port N       serve: the loopback port (default: a free one)
  --json         machine-readable output
  -h, --help     this help
  --version      the version of source-desk

Exit status: 0 on success; 1 when a file was rejected, a set refused, a check failed or the desk
cannot be opened; 2 on a usage error.`;
}

class UsageError extends Error {}

interface Output {
  write(text: string): unknown;
}

/**
 * Control characters (C0 but tab and newline, DEL, C1), bidirectional overrides and Unicode line
 * separators, which a terminal would obey rather than show: a report's title or file name can
 * carry ESC and OSC sequences that retitle the window, hide lines or forge a link.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE_IN_FIELD = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A value shown inside one line: every control character escaped, newlines and tabs too. */
function show(text: string): string {
  return text.replace(UNSAFE_IN_FIELD, escapeChar);
}

/** JSON for a terminal: JSON.stringify escapes C0 itself; the rest becomes \uXXXX, still valid JSON. */
function json(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** "1 outlet", "2 outlets". */
function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

interface Invocation {
  command: string;
  rest: string[];
  values: Partial<Record<OptionName, string | boolean>>;
}

/**
 * Parses the arguments strictly: an unknown option, an option of another command, a missing or
 * unexpected value and a stray argument are usage errors, each said in one line.
 */
function parse(argv: string[]): Invocation | 'help' | 'version' {
  let tokens;
  try {
    ({ tokens } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: false,
      tokens: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const values: Invocation['values'] = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name))
      throw new UsageError(`unknown option ${show(token.rawName)}`);
    const name = token.name as OptionName;
    if (OPTIONS[name].type === 'string') {
      if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
      const earlier = values[name];
      values[name] =
        LIST_OPTIONS.includes(name) && typeof earlier === 'string'
          ? `${earlier},${token.value}`
          : token.value;
    } else {
      if (token.inlineValue) throw new UsageError(`${token.rawName} takes no value`);
      values[name] = true;
    }
  }
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('a command is needed');
  if (command === 'help') return 'help';
  const spec = COMMANDS[command];
  if (!Object.hasOwn(COMMANDS, command) || spec === undefined)
    throw new UsageError(`unknown command "${show(command)}"`);
  for (const name of Object.keys(values) as OptionName[])
    if (name !== 'db' && !spec.options.includes(name))
      throw new UsageError(`--${name} does not apply to ${command}`);
  if (spec.positionals === 'none' && rest.length > 0)
    throw new UsageError(`${command} takes no arguments, but was given "${show(rest.join(' '))}"`);
  if (spec.positionals === 'some' && rest.length === 0)
    throw new UsageError(
      command === 'import'
        ? 'import needs at least one file or folder'
        : command === 'merge'
          ? 'merge needs a claim set file'
          : command === 'mentions' || command === 'similar'
            ? `${command} needs a report id (source-desk reports lists them)`
            : 'search needs a query',
    );
  if (command === 'merge' && rest.length > 1)
    throw new UsageError(`merge takes one claim set file, but was given ${rest.length}`);
  if (
    (command === 'mentions' || command === 'similar') &&
    (rest.length > 1 || !/^[1-9]\d{0,15}$/.test(rest[0] ?? ''))
  )
    throw new UsageError(
      `${command} takes one report id, a whole number such as 3, but was given "${show(rest.join(' '))}"`,
    );
  if (command === 'suggest' && !/^[1-9]\d{0,15}$/.test(String(values.claim ?? '')))
    throw new UsageError(
      values.claim === undefined
        ? 'suggest needs --claim and a claim number (source-desk claims lists them)'
        : `--claim: suggest takes one claim number, such as 4, but was given "${show(String(values.claim))}"`,
    );
  if (
    typeof values.port === 'string' &&
    !(/^\d{1,5}$/.test(values.port) && Number(values.port) <= 65535)
  )
    throw new UsageError(`--port: "${show(values.port)}" is not a port number (0 to 65535)`);
  if (command === 'export') exportChoice(values);
  return { command, rest, values };
}

interface ExportChoice {
  format: ExportFormat;
  filter: ClaimSetFilter | null;
  /** Claims named by their number in this desk, found once the desk is open. */
  claimNumbers: number[];
  withTexts: boolean;
  out: string | null;
}

/** What `export` was asked for; a value that is not allowed is a usage error naming the option. */
function exportChoice(values: Invocation['values']): ExportChoice {
  const format = values.format;
  if (typeof format !== 'string')
    throw new UsageError(`export needs --format (${EXPORT_FORMATS.join(', ')})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      `--format: "${show(format)}" is not a format (${EXPORT_FORMATS.join(', ')})`,
    );
  const list = (
    name: ExportOption,
    allowed?: { words: readonly string[]; what: string },
  ): string[] | undefined => {
    const raw = values[name];
    if (typeof raw !== 'string') return undefined;
    const items = raw.split(',').map((item) => item.trim());
    for (const item of items) {
      if (item === '') throw new UsageError(`--${name}: an empty value in "${show(raw)}"`);
      if (allowed && !allowed.words.includes(item))
        throw new UsageError(
          `--${name}: "${show(item)}" is not ${allowed.what} (${allowed.words.join(', ')})`,
        );
    }
    return [...new Set(items)];
  };
  const verdicts = list('verdict', { words: [...VERDICTS, 'none'], what: 'a verdict' });
  const statuses = list('status', { words: CLAIM_STATUSES, what: 'a status' });
  const tags = list('tag');
  const named = list('claim');
  const claimNumbers: number[] = [];
  const claims: string[] = [];
  for (const claim of named ?? []) {
    if (/^[1-9]\d{0,15}$/.test(claim)) claimNumbers.push(Number(claim));
    else if (uuidSchema.safeParse(claim).success) claims.push(claim.toLowerCase());
    else
      throw new UsageError(
        `--claim: "${show(claim)}" is neither a claim number (source-desk claims lists them) nor a claim's id`,
      );
  }
  const given = {
    ...(verdicts && { verdicts: verdicts as ClaimSetFilter['verdicts'] }),
    ...(statuses && { statuses: statuses as ClaimSetFilter['statuses'] }),
    ...(tags && { tags }),
    ...(named && { claims }),
  };
  const checked = claimSetFilterSchema.safeParse(given);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UsageError(
      `--${String(issue?.path[0] ?? 'filter').replace(/s$/, '')}: ${issue?.message ?? 'not allowed'}`,
    );
  }
  const out = typeof values.out === 'string' ? values.out : null;
  if (format === 'csv' && out === null)
    throw new UsageError(
      'export --format csv writes several files: --out names the folder to write them in',
    );
  return {
    format: format as ExportFormat,
    filter: Object.keys(given).length === 0 ? null : checked.data,
    claimNumbers,
    withTexts: values['with-texts'] === true,
    out,
  };
}

export async function run(
  argv: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  // Everything printed goes through here: no control character reaches the terminal raw.
  const print = (line = ''): unknown => out.write(`${line.replace(UNSAFE, escapeChar)}\n`);
  const warn = (line: string): unknown => err.write(`${line.replace(UNSAFE, escapeChar)}\n`);
  let invocation;
  try {
    invocation = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    warn(`source-desk: ${error.message} (source-desk --help lists the commands and options)`);
    return 2;
  }
  if (invocation === 'help') {
    print(usage());
    return 0;
  }
  if (invocation === 'version') {
    print(`source-desk ${version()}`);
    return 0;
  }
  const { command, rest, values } = invocation;
  const dbPath = resolve(typeof values.db === 'string' ? values.db : defaultDeskPath());
  const asJson = values.json === true;
  try {
    if (READ_COMMANDS.includes(command) && command !== 'check') {
      const db = openForReading(dbPath);
      try {
        if (command === 'reports') listReportsCommand(db, dbPath, asJson, print);
        else if (command === 'search') searchCommand(db, rest.join(' ').trim(), asJson, print);
        else if (command === 'mentions')
          mentionsCommand(db, dbPath, Number(rest[0]), asJson, print);
        else if (command === 'similar')
          similarCommand(db, dbPath, Number(rest[0]), { asJson, print, json });
        else if (command === 'suggest')
          suggestCommand(db, dbPath, Number(values.claim), { asJson, print, json });
        else claimsCommand(db, dbPath, asJson, print);
        return 0;
      } finally {
        db.close();
      }
    }
    switch (command) {
      case 'export':
        return exportCommand(dbPath, exportChoice(values), out, warn);
      case 'import':
        return await importCommand(rest, dbPath, values, print, warn);
      case 'merge': {
        const { db } = openDesk(dbPath);
        try {
          mergeCommand(
            db,
            rest[0] as string,
            {
              dryRun: values['dry-run'] === true,
              mergeDuplicates: values['merge-duplicates'] === true,
              reviewer: typeof values.reviewer === 'string' ? values.reviewer : undefined,
              json: asJson,
            },
            print,
          );
          return 0;
        } finally {
          db.close();
        }
      }
      case 'check': {
        const result = checkDesk(dbPath);
        if (asJson) print(json(result));
        else {
          const c = result.counts;
          print(
            result.ok
              ? `ok: ${show(dbPath)} (${count(c.reports, 'report')}, ${count(c.passages, 'passage')}, ${count(c.claims, 'claim')})`
              : `not ok: ${show(dbPath)}`,
          );
          for (const problem of result.problems) print(`  - ${show(problem)}`);
          for (const note of result.unchecked) print(`  (not checked: ${show(note)})`);
        }
        return result.ok ? 0 : 1;
      }
      case 'serve': {
        const port = typeof values.port === 'string' ? Number(values.port) : 0;
        // Loaded only here: the other commands need none of the HTTP bridge.
        const { serve } = await import('../bridge/serve.ts');
        const served = await serve(dbPath, port);
        print(`Source Desk is serving ${show(dbPath)}`);
        print(`Open ${served.url}`);
        print(
          '(only this machine can connect; the link carries this run’s access token; Ctrl+C stops)',
        );
        await new Promise<void>((done) => {
          const stop = (): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void served.close().then(done);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        return 0;
      }
    }
    return 2; // parse() accepts no other command
  } catch (error) {
    warn(`source-desk: ${show((explainDeskError(error, dbPath) as Error).message)}`);
    return 1;
  }
}

/** A desk for the read commands: opened read-only, never created, and of the current schema. */
function openForReading(file: string): Db {
  const { db } = openDesk(file, { readonly: true });
  const version = schemaVersion(db);
  if (version === SCHEMA_VERSION) return db;
  db.close();
  throw new DeskError(
    'rejected',
    version === 0
      ? `${file} is not a Source Desk file (it holds no desk)`
      : `${file} is a desk of an older format (schema ${version} of ${SCHEMA_VERSION}); ` +
          'open it once in Source Desk, or import into it, to upgrade it',
  );
}

async function importCommand(
  paths: string[],
  dbPath: string,
  values: Invocation['values'],
  print: (line?: string) => unknown,
  warn: (line: string) => unknown,
): Promise<number> {
  const asJson = values.json === true;
  const onResult = (r: ImportResult): unknown => !asJson && print(importLine(r));
  // A path that is not there is said in plain words, before the desk is opened.
  const results: ImportResult[] = [];
  const readable: string[] = [];
  for (const path of paths) {
    try {
      await stat(path);
      readable.push(path);
    } catch (error) {
      const result: ImportResult = {
        file: path,
        status: 'rejected',
        message: describeFsError(error),
      };
      results.push(result);
      onResult(result);
    }
  }
  if (readable.length > 0) {
    const { db } = openDesk(dbPath);
    try {
      const overrides = typeof values.outlet === 'string' ? { outlet: values.outlet } : {};
      results.push(...(await importPaths(db, readable, { overrides, onResult })));
    } finally {
      db.close();
    }
  }
  if (asJson) print(json(results));
  const n = (s: ImportResult['status']): number => results.filter((r) => r.status === s).length;
  warn(
    `${n('imported')} imported, ${n('duplicate')} already present, ${n('rejected')} rejected — ${show(dbPath)}`,
  );
  return n('rejected') === 0 ? 0 : 1;
}

/**
 * Writes one export: each file to --out (csv: into the folder --out names, created if need be),
 * or the one file to standard output, escaped like everything printed (JSON stays valid JSON).
 */
function exportCommand(
  dbPath: string,
  choice: ExportChoice,
  out: Output,
  warn: (line: string) => unknown,
): number {
  const db = openForReading(dbPath);
  let result;
  try {
    let filter = choice.filter;
    if (choice.claimNumbers.length > 0) {
      const found = new Map(
        (
          db
            .prepare('SELECT id, uuid FROM claims WHERE id IN (SELECT value FROM json_each(?))')
            .raw()
            .all(JSON.stringify(choice.claimNumbers)) as [number, string][]
        ).map(([id, uuid]) => [id, uuid]),
      );
      const missing = choice.claimNumbers.filter((n) => !found.has(n));
      if (missing.length > 0)
        throw new DeskError(
          'not-found',
          `${dbPath} has no claim ${missing.join(', ')} (source-desk claims lists them)`,
        );
      filter = {
        ...filter,
        claims: [...new Set([...(filter?.claims ?? []), ...found.values()])],
      };
    }
    result = exportFiles(db, { format: choice.format, filter, withTexts: choice.withTexts });
  } finally {
    db.close();
  }
  const { files, counts } = result;
  let where = 'standard output';
  if (choice.out === null) {
    const [file] = files;
    const json = file?.mediaType.includes('json');
    out.write(
      (file?.content ?? '').replace(UNSAFE, (c) =>
        json ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : escapeChar(c),
      ),
    );
  } else {
    const target = resolve(choice.out);
    try {
      if (choice.format === 'csv') {
        mkdirSync(target, { recursive: true });
        for (const file of files) {
          // The names are the exporter's own; never a path that leaves the folder.
          if (basename(file.name) !== file.name)
            throw new DeskError('internal', `the export named a file "${file.name}"`);
          writeFileSync(join(target, file.name), file.content);
        }
        where = `${target} (${files.map((f) => f.name).join(', ')})`;
      } else {
        writeFileSync(target, files[0]?.content ?? '');
        where = target;
      }
    } catch (error) {
      if (error instanceof DeskError) throw error;
      throw new DeskError('rejected', `${target}: cannot write the export: ${writeFailure(error)}`);
    }
  }
  warn(
    `exported ${count(counts.claims, 'claim')}, ${count(counts.evidence, 'evidence link')}, ` +
      `${count(counts.passages, 'passage')}, ${count(counts.reports, 'report')}, ` +
      `${count(counts.sources, 'source')} (${choice.format}) → ${show(where)}`,
  );
  return 0;
}

/** Why a file or folder could not be written, in plain words. */
function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EEXIST') return 'a file is there, where the folder for the CSV files would be';
  if (code === 'ENOSPC') return 'the disk is full';
  const said = describeFsError(error);
  // describeFsError speaks of reading when it knows no better.
  return said.startsWith('cannot read') ? `failed (${code ?? (error as Error).message})` : said;
}

function listReportsCommand(
  db: Db,
  dbPath: string,
  asJson: boolean,
  print: (line?: string) => unknown,
): void {
  const reports = listReports(db);
  if (asJson) print(json(reports));
  else if (reports.length === 0)
    print(`No reports in ${show(dbPath)}. Import some with: source-desk import <files>`);
  else for (const r of reports) print(reportLine(r));
}

function searchCommand(
  db: Db,
  query: string,
  asJson: boolean,
  print: (line?: string) => unknown,
): void {
  const hits = searchReports(db, query);
  if (asJson) print(json(hits));
  else if (hits.length === 0) print(`No report matches "${show(query)}".`);
  else
    for (const h of hits) {
      print(`#${h.reportId}  ${show(h.outlet ?? '(no outlet)')}  ${show(h.title)}`);
      const snippet = h.snippet.replace(/\s+/g, ' ');
      print(`    ${show(snippet).replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']')}`);
    }
}

/** A governed text on one line, cut to a reading length. */
function excerpt(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function mentionsCommand(
  db: Db,
  dbPath: string,
  reportId: number,
  asJson: boolean,
  print: (line?: string) => unknown,
): void {
  const report = getReport(db, reportId);
  if (!report)
    throw new DeskError(
      'not-found',
      `${dbPath} has no report ${reportId} (source-desk reports lists them)`,
    );
  const text = getReportText(db, reportId) ?? '';
  const mentions = listMentions(db, reportId);
  const governed = (m: ReportMention): string[] => m.governs.map((s) => text.slice(s.start, s.end));
  if (asJson) {
    print(json(mentions.map((m) => ({ ...m, governedText: governed(m) }))));
    return;
  }
  print(`#${report.id}  ${show(report.outlet ?? '(no outlet)')}  ${show(report.title)}`);
  if (mentions.length === 0) print('No source mentions found in its text.');
  for (const m of mentions) {
    const said = [m.role, m.name, m.outlet, m.place, m.time].filter((v) => v !== null);
    const back = m.refersTo === null ? '' : ` → refers to [${m.refersTo}]`;
    print(`[${m.ordinal}] “${show(m.exact)}”${back}`);
    print(`    ${m.kind}${said.length ? ` · ${said.map(show).join(' · ')}` : ''}`);
    for (const g of governed(m)) print(`    governs: ${show(excerpt(g))}`);
  }
}

function claimsCommand(
  db: Db,
  dbPath: string,
  asJson: boolean,
  print: (line?: string) => unknown,
): void {
  const claims = listClaims(db);
  if (asJson) print(json(claims));
  else if (claims.length === 0) print(`No claims in ${show(dbPath)}.`);
  else
    for (const c of claims) {
      const n = c.counts;
      print(
        `#${c.id}  ${STATUS_LABEL[c.status]}${c.verdict ? ` · verdict: ${c.verdict}` : ''}  ${show(c.text)}`,
      );
      print(
        `    ${count(n.supportingOrigins, 'supporting origin')}, ${n.contradictingOrigins} contradicting · ` +
          `${count(n.passages, 'passage')}, ${count(n.reports, 'report')}, ${count(n.outlets, 'outlet')} · ` +
          `suggested credibility ${c.suggestedCredibility}` +
          (c.openWarnings ? ` · ${count(c.openWarnings, 'shared-origin warning')}` : ''),
      );
    }
}

function importLine(r: ImportResult): string {
  switch (r.status) {
    case 'imported':
      return `imported         ${show(r.file)} → report ${r.reportId} "${show(r.title ?? '')}"`;
    case 'duplicate':
      return `already present  ${show(r.file)}: ${show(r.message ?? '')}`;
    case 'rejected':
      return `rejected         ${show(r.file)}: ${show(r.message ?? '')}`;
  }
}

function reportLine(r: Report): string {
  const date = (r.publishedAt ?? '—').padEnd(16);
  return `#${String(r.id).padEnd(4)} ${show(date)} ${show(r.outlet ?? '(no outlet)').padEnd(14)} ${show(r.title)}  [${r.format}, ${count(r.chars, 'char')}]`;
}
