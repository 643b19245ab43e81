// Imported statically (not inside a test) so that loading the desk's modules is never counted
// as a test's own coverage by the mutation runs.
import { loadDemoCase } from '../../electron/core/seeds.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { tempDesk } from './helpers.ts';

/** A desk holding the demo case (or nothing), driven through the service as the UI drives it. */
export async function demoDesk(demo = true) {
  const { db, file } = tempDesk();
  if (demo) await loadDemoCase(db);
  const service = createDeskService({ db, path: file });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await service.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const passage = async (reportId: number, quote: string): Promise<{ id: number }> => {
    const body = (await call<{ text: string }>('reports.get', { id: reportId })).text;
    const start = body.indexOf(quote);
    if (start < 0) throw new Error(`not in report ${reportId}: ${quote}`);
    return call('passages.create', { reportId, start, end: start + quote.length, exact: quote });
  };
  return { db, file, service, call, passage };
}
