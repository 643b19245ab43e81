import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { ImportResult, Report } from '../../shared/model.ts';
import { checkDesk } from '../core/check.ts';
import { openDesk } from '../core/db/connection.ts';
import { listReports, MATCH_END, MATCH_START, searchReports } from '../core/db/reports.ts';
import { defaultDeskPath } from '../core/paths.ts';
import { listClaims } from '../core/db/claims.ts';
import { STATUS_LABEL } from '../../shared/corroboration.ts';
import { importPaths } from '../core/reports/import-files.ts';
import { serve } from '../bridge/serve.ts';

const USAGE = `source-desk — the Source Desk command line

Usage:
  source-desk import <files or folders…> [--outlet NAME] [--json] [--db PATH]
  source-desk reports [--json] [--db PATH]
  source-desk search <query> [--json] [--db PATH]
  source-desk claims [--json] [--db PATH]
  source-desk check [--db PATH]
  source-desk serve [--db PATH] [--port N]

  --db PATH   the desk file (default: ${defaultDeskPath()}, the desktop app's own)
  --outlet    the outlet of every imported file, over what the files say
  --port      serve: the loopback port (default: a free one)
  --json      machine-readable output

Exit status: 0 on success; 1 when a file was rejected, a check failed or the desk cannot be
opened; 2 on a usage error.`;

class UsageError extends Error {}

interface Output {
  write(text: string): unknown;
}

export async function run(
  argv: string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const print = (line = ''): unknown => out.write(`${line}\n`);
  const warn = (line: string): unknown => err.write(`${line}\n`);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        outlet: { type: 'string' },
        port: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    warn(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    print(USAGE);
    return command || values.help ? 0 : 2;
  }
  const dbPath = resolve(values.db ?? defaultDeskPath());
  try {
    switch (command) {
      case 'import': {
        if (rest.length === 0) throw new UsageError('import needs at least one file or folder');
        const { db } = openDesk(dbPath);
        try {
          const results = await importPaths(db, rest, {
            overrides: values.outlet ? { outlet: values.outlet } : {},
            onResult: values.json ? undefined : (r) => print(importLine(r)),
          });
          if (values.json) print(JSON.stringify(results, null, 2));
          const count = (s: ImportResult['status']): number =>
            results.filter((r) => r.status === s).length;
          warn(
            `${count('imported')} imported, ${count('duplicate')} already present, ${count('rejected')} rejected — ${dbPath}`,
          );
          return count('rejected') === 0 ? 0 : 1;
        } finally {
          db.close();
        }
      }
      case 'reports': {
        const { db } = openDesk(dbPath);
        try {
          const reports = listReports(db);
          if (values.json) print(JSON.stringify(reports, null, 2));
          else if (reports.length === 0)
            print(`No reports in ${dbPath}. Import some with: source-desk import <files>`);
          else for (const r of reports) print(reportLine(r));
          return 0;
        } finally {
          db.close();
        }
      }
      case 'search': {
        const query = rest.join(' ').trim();
        if (!query) throw new UsageError('search needs a query');
        const { db } = openDesk(dbPath);
        try {
          const hits = searchReports(db, query);
          if (values.json) print(JSON.stringify(hits, null, 2));
          else if (hits.length === 0) print(`No report matches "${query}".`);
          else
            for (const h of hits) {
              print(`#${h.reportId}  ${h.outlet ?? '(no outlet)'}  ${h.title}`);
              print(
                `    ${h.snippet.replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']').replace(/\s+/g, ' ')}`,
              );
            }
          return 0;
        } finally {
          db.close();
        }
      }
      case 'claims': {
        const { db } = openDesk(dbPath);
        try {
          const claims = listClaims(db);
          if (values.json) print(JSON.stringify(claims, null, 2));
          else if (claims.length === 0) print(`No claims in ${dbPath}.`);
          else
            for (const c of claims) {
              const n = c.counts;
              print(
                `#${c.id}  ${STATUS_LABEL[c.status]}${c.verdict ? ` · verdict: ${c.verdict}` : ''}  ${c.text}`,
              );
              print(
                `    ${n.supportingOrigins} supporting ${n.supportingOrigins === 1 ? 'origin' : 'origins'}, ${n.contradictingOrigins} contradicting · ` +
                  `${n.passages} passages, ${n.reports} reports, ${n.outlets} outlets · suggested credibility ${c.suggestedCredibility}` +
                  (c.openWarnings ? ` · ${c.openWarnings} shared-origin warning(s)` : ''),
              );
            }
          return 0;
        } finally {
          db.close();
        }
      }
      case 'check': {
        const result = checkDesk(dbPath);
        if (values.json) print(JSON.stringify(result, null, 2));
        else if (result.ok) {
          const c = result.counts;
          print(`ok: ${dbPath} (${c.reports} reports, ${c.passages} passages, ${c.claims} claims)`);
        } else {
          print(`not ok: ${dbPath}`);
          for (const problem of result.problems) print(`  - ${problem}`);
        }
        return result.ok ? 0 : 1;
      }
      case 'serve': {
        const port = values.port === undefined ? 0 : Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new UsageError(`--port: "${values.port}" is not a port number`);
        const served = await serve(dbPath, port);
        print(`Source Desk is serving ${dbPath}`);
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
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      warn(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    warn(`source-desk: ${(error as Error).message}`);
    return 1;
  }
}

function importLine(r: ImportResult): string {
  switch (r.status) {
    case 'imported':
      return `imported         ${r.file} → report ${r.reportId} "${r.title}"`;
    case 'duplicate':
      return `already present  ${r.file}: ${r.message}`;
    case 'rejected':
      return `rejected         ${r.file}: ${r.message}`;
  }
}

function reportLine(r: Report): string {
  const date = (r.publishedAt ?? '—').padEnd(16);
  return `#${String(r.id).padEnd(4)} ${date} ${(r.outlet ?? '(no outlet)').padEnd(14)} ${r.title}  [${r.format}, ${r.chars} chars]`;
}
