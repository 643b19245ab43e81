// One vocabulary, from the contract (issue 8, item 5): the schemas are built from the const
// arrays, the domain types are read off the schemas, the desk is called with per-method types,
// and file extensions and snippet markers are named once in shared/.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CREDIBILITY_GRADES,
  RELIABILITY_GRADES,
  type Credibility,
} from '../../shared/admiralty.ts';
import {
  api,
  evidenceSchema,
  importResultSchema,
  passageSchema,
  reportSchema,
  sourceSummarySchema,
  type ClaimSummary,
  type Evidence,
  type Output,
  type Passage,
  type Result,
  type Report,
  type ReportMetadata,
} from '../../shared/api.ts';
import {
  FORMAT_BY_EXTENSION,
  formatOfExtension,
  REPORT_ACCEPT,
  REPORT_EXTENSIONS,
  REPORT_FORMATS,
  type ReportFormat,
} from '../../shared/formats.ts';
import { MATCH_END, MATCH_START, splitMatches } from '../../shared/search.ts';
import {
  ANCHOR_STATUSES,
  AUDIT_ACTIONS,
  IMPORT_STATUSES,
  SOURCE_KINDS,
  STANCES,
  VERDICTS,
  type AnchorStatus,
  type AuditAction,
  type Verdict,
} from '../../shared/vocabulary.ts';
import { appendAudit } from '../../electron/core/db/audit.ts';
import * as reports from '../../electron/core/db/reports.ts';
import { SUPPORTED_EXTENSIONS } from '../../electron/core/import/index.ts';
import type { DeskBackend } from '../../electron/core/service.ts';
import { demoDesk } from './desk.ts';

describe('one vocabulary', () => {
  it('builds the contract’s enums from the const arrays', () => {
    expect(reportSchema.shape.format.options).toEqual(REPORT_FORMATS);
    expect(passageSchema.shape.status.options).toEqual(ANCHOR_STATUSES);
    expect(evidenceSchema.shape.passageStatus.options).toEqual(ANCHOR_STATUSES);
    expect(evidenceSchema.shape.stance.options).toEqual(STANCES);
    expect(importResultSchema.shape.status.options).toEqual(IMPORT_STATUSES);
    expect(sourceSummarySchema.shape.kind.options).toEqual(SOURCE_KINDS);
    expect(sourceSummarySchema.shape.reliability.unwrap().options).toEqual(RELIABILITY_GRADES);
    for (const grade of CREDIBILITY_GRADES)
      expect(evidenceSchema.shape.credibility.parse(grade)).toBe(grade);
    expect(evidenceSchema.shape.credibility.safeParse(7).success).toBe(false);
    expect(evidenceSchema.shape.credibility.safeParse(2.5).success).toBe(false);
    for (const verdict of VERDICTS)
      expect(api['claims.update'].input.safeParse({ id: 1, verdict }).success).toBe(true);
    expect(api['claims.update'].input.safeParse({ id: 1, verdict: 'true' }).success).toBe(false);
  });

  it('reads the domain types off the schemas', () => {
    expectTypeOf<Output<'reports.get'>['report']>().toEqualTypeOf<Report>();
    expectTypeOf<Report['format']>().toEqualTypeOf<ReportFormat>();
    expectTypeOf<Passage['status']>().toEqualTypeOf<AnchorStatus>();
    expectTypeOf<Evidence['credibility']>().toEqualTypeOf<Credibility>();
    expectTypeOf<ClaimSummary['suggestedCredibility']>().toEqualTypeOf<Credibility>();
    expectTypeOf<ClaimSummary['verdict']>().toEqualTypeOf<Verdict | null>();
    expectTypeOf<ReportMetadata>().toEqualTypeOf<{
      title?: string;
      outlet?: string;
      byline?: string;
      publishedAt?: string;
      url?: string;
      language?: string;
    }>();
  });

  it('types each call of the desk by its method, end to end', async () => {
    const { service } = await demoDesk();
    const backend: DeskBackend = service;
    const answer = await backend.call('reports.get', { id: 1 });
    expectTypeOf(answer).toEqualTypeOf<Result<Output<'reports.get'>>>();
    expect(answer.ok && answer.value.report.id).toBe(1);
    // A request off the wire (its method a plain string) is checked by the desk, not the compiler.
    const wire: string = 'reports.gett';
    expect(await backend.call(wire, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    if (Date.now() < 0) {
      // @ts-expect-error a misspelt method name does not compile
      await backend.call('reports.gett', { id: 1 });
      // @ts-expect-error nor does another method's input
      await backend.call('reports.get', { reportId: 1 });
    }
  });

  it('types the audit log’s actions, and the desk writes no other', async () => {
    const { db, call, passage } = await demoDesk();
    const p = await passage(
      1,
      (await call<{ text: string }>('reports.get', { id: 1 })).text.slice(0, 20),
    );
    await call('passages.update', { id: p.id, note: 'a note' });
    await call('claims.create', {
      text: 'A claim',
      evidence: { passageId: p.id, stance: 'supports', credibility: 2 },
    });
    const written = db.prepare('SELECT DISTINCT action FROM audit_log').pluck().all() as string[];
    expect(written.length).toBeGreaterThan(2);
    for (const action of written) expect(AUDIT_ACTIONS).toContain(action);
    expectTypeOf(appendAudit).parameter(1).toHaveProperty('action').toEqualTypeOf<AuditAction>();
  });

  it('names the report extensions once, for the importer and every picker', () => {
    expect(SUPPORTED_EXTENSIONS).toBe(REPORT_EXTENSIONS);
    expect(REPORT_ACCEPT).toBe(
      '.txt,.text,.md,.markdown,.html,.htm,.docx,.mhtml,.mht,.pdf,.png,.jpg,.jpeg',
    );
    expect(REPORT_EXTENSIONS.map((ext) => FORMAT_BY_EXTENSION[ext])).toEqual([
      'txt',
      'txt',
      'md',
      'md',
      'html',
      'html',
      'docx',
      'mhtml',
      'mhtml',
      'pdf',
      'image',
      'image',
      'image',
    ]);
    expect(formatOfExtension('.HTM')).toBe('html');
    expect(formatOfExtension('.PDF')).toBe('pdf');
    expect(formatOfExtension('.doc')).toBeUndefined();
    // Not a format because an object has it.
    expect(formatOfExtension('constructor')).toBeUndefined();
  });

  it('names the snippet markers once, and the desk’s are those', () => {
    expect(reports.MATCH_START).toBe(MATCH_START);
    expect(reports.MATCH_END).toBe(MATCH_END);
    expect(splitMatches(`a ${MATCH_START}yuan${MATCH_END} b ${MATCH_START}open`)).toEqual([
      { text: 'a ', match: false },
      { text: 'yuan', match: true },
      { text: ' b ', match: false },
      { text: 'open', match: true },
    ]);
  });
});
