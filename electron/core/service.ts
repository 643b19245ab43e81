import { basename } from 'node:path';
import type { z } from 'zod';
import {
  api,
  describeZodError,
  isMethod,
  type CallOutput,
  type DeskCall,
  type DeskEvent,
  type Method,
  type Output,
  type ParsedInput,
  type Result,
} from '../../shared/api.ts';
import type { Db } from './db/connection.ts';
import { DeskError, explainDeskError } from './db/errors.ts';
import { SCHEMA_VERSION } from './db/migrate.ts';
import { reviewerName } from './db/audit.ts';
import {
  claimHistory,
  claimsForPassage,
  createClaim,
  deleteClaim,
  getClaim,
  getClaimSummary,
  mergeClaims,
  restoreClaim,
  updateClaim,
} from './db/claims.ts';
import { listClaimPage } from './db/claim-list.ts';
import { linkEvidence, unlinkEvidence, updateEvidence } from './db/evidence.ts';
import { reviewWarning } from './db/origin-reviews.ts';
import {
  createPassage,
  deletePassage,
  getPassage,
  listPassages,
  updatePassageNote,
} from './db/passages.ts';
import {
  attributePassage,
  createSource,
  deleteSource,
  getSource,
  listSources,
  ratingHistory,
  rateSource,
  removeRating,
  updateSource,
} from './db/sources.ts';
import {
  getReport,
  getReportText,
  listReportItems,
  countMatches,
  searchReports,
  updateReportMetadata,
} from './db/reports.ts';
import { ImportRejection } from './import/index.ts';
import { searchClaims, searchNotes } from './db/search.ts';
import { startParsePool, type ParsePool, type ParsePoolOptions } from './import/parse-pool.ts';
import { parseFile, storeParsed, type Parsed } from './reports/import-files.ts';
import { importNewVersion } from './reports/versions.ts';
import { loadDemoCase, seedsDir } from './seeds.ts';

export interface ServiceOptions {
  db: Db;
  /** The desk file, shown to the user. */
  path: string;
  /** Where the demo case lives (packaged apps pass their resources folder). */
  seeds?: string;
  /** Limits of the parse worker (tests shorten them). */
  parse?: ParsePoolOptions;
}

type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/**
 * The desk behind every transport: validates each call against the contract, runs it, and wraps
 * the outcome in the result envelope. Nothing here knows about Electron or HTTP.
 */
export function createDeskService(options: ServiceOptions) {
  const { db } = options;
  const listeners = new Set<(event: DeskEvent) => void>();
  const emit = (event: DeskEvent): void => listeners.forEach((listener) => listener(event));

  /** Undo for this session: the inverse of each recent change, newest last. */
  const undoStack: { label: string; undo: () => void }[] = [];
  const remember = (label: string, undo: () => void): void => {
    undoStack.push({ label, undo });
    if (undoStack.length > 100) undoStack.shift();
  };
  // Uploads are parsed in a worker that a hostile file cannot hang or crash (parse-pool.ts); it
  // starts with the first import and lives as long as the desk.
  let pool: ParsePool | undefined;
  const parsePool = (): ParsePool => (pool ??= startParsePool(options.parse));
  const short = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

  const handlers: Handlers = {
    'desk.info': () => ({
      path: options.path,
      reports: db.prepare('SELECT count(*) FROM reports').pluck().get() as number,
      schemaVersion: SCHEMA_VERSION,
    }),
    'demo.load': async () => {
      const results = await loadDemoCase(db, seedsDir(options.seeds));
      emit({ type: 'desk.changed', reason: 'demo' });
      return results;
    },
    'reports.list': () => listReportItems(db),
    'reports.get': ({ id }) => {
      const report = getReport(db, id);
      if (!report) throw new DeskError('not-found', `report ${id} does not exist`);
      return { report, text: getReportText(db, id) as string };
    },
    'reports.search': ({ query }) => ({
      hits: searchReports(db, query),
      total: countMatches(db, query),
      claims: searchClaims(db, query),
      notes: searchNotes(db, query),
    }),
    'reports.import': async ({ files }) => {
      let done = 0;
      // All files go to the parse worker at once (it parses them in order); a file that fails
      // in any way is that file's rejection, and the others still import.
      const parsed: Parsed[] = await Promise.all(
        files.map(async (file) => {
          const name = basename(file.name);
          const result = await parseFile(name, () =>
            parsePool().parse({ name, bytes: Buffer.from(file.data, 'base64') }),
          );
          emit({ type: 'import.progress', done: ++done, total: files.length, file: name });
          return result;
        }),
      );
      const results = storeParsed(db, parsed);
      emit({ type: 'desk.changed', reason: 'import' });
      return results;
    },
    'reports.update': ({ id, patch }) => updateReportMetadata(db, id, patch),
    'reports.importVersion': async ({ id, file }) => {
      const name = basename(file.name);
      let report;
      try {
        report = await parsePool().parse({ name, bytes: Buffer.from(file.data, 'base64') });
      } catch (error) {
        if (error instanceof ImportRejection)
          throw new DeskError('rejected', `${name}: ${error.message}`);
        throw error;
      }
      return importNewVersion(db, id, report);
    },
    'passages.list': ({ reportId }) => {
      if (!getReport(db, reportId))
        throw new DeskError('not-found', `report ${reportId} does not exist`);
      return listPassages(db, reportId);
    },
    'passages.create': (input) => createPassage(db, input),
    'passages.update': ({ id, note }) => updatePassageNote(db, id, note),
    'passages.delete': ({ id }) => deletePassage(db, id),
    'passages.attribute': ({ passageId, sourceId }) => {
      const previous = attributePassage(db, passageId, sourceId);
      remember('attribution', () => attributePassage(db, passageId, previous));
      return getPassage(db, passageId);
    },
    'preferences.get': () => ({ reviewer: reviewerName(db) }),
    'preferences.set': ({ reviewer }) => {
      db.prepare(
        `INSERT INTO preferences (key, value) VALUES ('reviewer', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(reviewer);
      return { reviewer };
    },
    'claims.list': (query) => listClaimPage(db, query),
    'claims.get': ({ id }) => getClaim(db, id),
    'claims.forPassage': ({ passageId }) => claimsForPassage(db, passageId),
    'claims.create': (input) => {
      const claim = createClaim(db, input);
      remember(`new claim “${short(claim.text)}”`, () => deleteClaim(db, claim.id));
      return claim;
    },
    'claims.update': (input) => {
      const { claim, before } = updateClaim(db, input);
      remember(input.verdict !== undefined ? 'verdict' : `edit of “${short(before.text)}”`, () =>
        updateClaim(db, { id: input.id, ...before }),
      );
      return claim;
    },
    'claims.delete': ({ id }) => {
      const snapshot = deleteClaim(db, id);
      remember(`deletion of “${short(snapshot.state.text)}”`, () => restoreClaim(db, snapshot));
      return { id };
    },
    'claims.merge': ({ keepId, mergeId }) => {
      const claim = mergeClaims(db, keepId, mergeId);
      // A merge rewrites two claims' evidence: it is not undone step by step.
      undoStack.length = 0;
      return { ...claim, removedId: mergeId };
    },
    'claims.reviewWarning': (input) => {
      const previous = reviewWarning(db, input);
      remember(
        input.decision === 'confirmed' ? 'shared origin confirmed' : 'warning dismissed',
        () => reviewWarning(db, { ...input, decision: previous }),
      );
      return getClaim(db, input.claimId);
    },
    'claims.history': ({ id }) => claimHistory(db, id),
    'evidence.link': (input) => {
      const evidence = linkEvidence(db, input);
      remember('evidence link', () => unlinkEvidence(db, evidence.id));
      return { ...evidence, claim: getClaimSummary(db, evidence.claimId) };
    },
    'evidence.update': (input) => {
      const { evidence, before } = updateEvidence(db, input);
      remember('evidence change', () =>
        updateEvidence(db, {
          id: before.id,
          stance: before.stance,
          credibility: before.credibility,
          note: before.note,
        }),
      );
      return { ...evidence, claim: getClaimSummary(db, evidence.claimId) };
    },
    'evidence.unlink': ({ id }) => {
      const before = unlinkEvidence(db, id);
      remember('evidence removal', () =>
        linkEvidence(db, {
          claimId: before.claimId,
          passageId: before.passageId,
          stance: before.stance,
          credibility: before.credibility,
          note: before.note,
        }),
      );
      return { id, claim: getClaimSummary(db, before.claimId) };
    },
    'sources.list': () => listSources(db),
    'sources.create': (input) => {
      const source = createSource(db, input);
      remember(`new source “${short(source.name)}”`, () => deleteSource(db, source.id));
      return source;
    },
    'sources.update': (input) => {
      const before = getSource(db, input.id);
      const source = updateSource(db, input);
      remember(`edit of “${short(before.name)}”`, () =>
        updateSource(db, {
          id: input.id,
          ...(before.kind === 'named' ? { name: before.name } : {}),
          derivesFromId: before.derivesFromId,
        }),
      );
      return source;
    },
    'sources.rate': ({ id, reliability, rationale }) => {
      const { source, ratingId } = rateSource(db, { id, reliability, rationale });
      remember(`grade of “${short(source.name)}”`, () => removeRating(db, ratingId));
      return source;
    },
    'sources.history': ({ id }) => ratingHistory(db, id),
    'session.undo': () => {
      const last = undoStack.pop();
      if (last) db.transaction(last.undo)();
      return { undone: last?.label ?? null, next: undoStack.at(-1)?.label ?? null };
    },
    'session.status': () => ({ next: undoStack.at(-1)?.label ?? null }),
  };

  /** Any request, as a transport hands it over: the method and the input are checked here. */
  async function dispatch(method: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isMethod(method))
      return {
        ok: false,
        error: { code: 'unknown-method', message: `unknown method "${method}"` },
      };
    const spec = api[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid-input', message: `${method}: ${describeZodError(parsed.error)}` },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: (spec.output as z.ZodType).parse(value) };
    } catch (error) {
      const explained = explainDeskError(error, options.path, { writing: true });
      if (explained instanceof DeskError)
        return { ok: false, error: { code: explained.code, message: explained.message } };
      // The details (SQL, paths, stack) go to the log, not to the window or a bridge client.
      console.error(`desk: ${method} failed`, error);
      return {
        ok: false,
        error: { code: 'internal', message: `${method} failed; the details are in the desk's log` },
      };
    }
  }

  // The value was parsed by the method's output schema, so it is that method's Output.
  const call: DeskCall = (method, input) =>
    dispatch(method, input) as Promise<Result<CallOutput<typeof method>>>;

  return {
    call,
    onEvent(listener: (event: DeskEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Stops the parse worker, mid-parse if need be. */
    close: async (): Promise<void> => {
      await pool?.close();
    },
  };
}

export type DeskService = ReturnType<typeof createDeskService>;

/** What a transport needs of the desk: the service itself, or a client of it in a worker. */
export interface DeskBackend {
  call: DeskCall;
  onEvent(listener: (event: DeskEvent) => void): () => void;
}
