// The search box: typing asks the desk once it pauses, and only the latest query's answer shows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../shared/api.ts';

vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('window', { matchMedia: () => ({ matches: false }) });

/** Each search the store asks for, answered when the test says so. */
const asked: { query: string; answer: (hits: SearchHit[]) => void }[] = [];
vi.mock('../../renderer/src/api.ts', () => ({
  call: (method: string, input: { query: string }) => {
    if (method !== 'reports.search') throw new Error(`unexpected call ${method}`);
    return new Promise((resolve) =>
      asked.push({
        query: input.query,
        answer: (hits) => resolve({ hits, total: hits.length }),
      }),
    );
  },
  toUploads: () => [],
}));

const { useDesk, SEARCH_DELAY_MS } = await import('../../renderer/src/store/index.ts');

const hit = (title: string): SearchHit => ({
  reportId: 1,
  title,
  outlet: null,
  snippet: title,
});

beforeEach(() => {
  vi.useFakeTimers();
  asked.length = 0;
  useDesk.setState({ query: '', hits: null, hitTotal: 0, hitQuery: '' });
});
afterEach(() => vi.useRealTimers());

describe('search typing', () => {
  it('asks once typing pauses, for the whole word, not at every key', async () => {
    const { search } = useDesk.getState();
    for (const query of ['t', 'tr', 'tra', 'trac']) {
      void search(query);
      await vi.advanceTimersByTimeAsync(40);
    }
    expect(useDesk.getState().query).toBe('trac');
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(asked.map((a) => a.query)).toEqual(['trac']);
  });

  it('drops an earlier answer that arrives after a later one', async () => {
    const { search } = useDesk.getState();
    void search('yuan');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    void search('yuan price');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(asked.map((a) => a.query)).toEqual(['yuan', 'yuan price']);
    asked[1]?.answer([hit('later')]);
    await vi.advanceTimersByTimeAsync(0);
    asked[0]?.answer([hit('earlier')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(useDesk.getState().hits?.map((h) => h.title)).toEqual(['later']);
    expect(useDesk.getState().hitQuery).toBe('yuan price');
  });

  it('a cleared box shows the library at once and ignores answers still on the way', async () => {
    const { search } = useDesk.getState();
    void search('yuan');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    void search('');
    expect(useDesk.getState().hits).toBeNull();
    asked[0]?.answer([hit('late')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(useDesk.getState().hits).toBeNull();
  });
});
