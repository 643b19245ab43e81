/**
 * The names of the contract's operations, without their schemas: what the sandboxed preload needs
 * to build window.desk (shared/api.ts checks that it lists exactly these).
 */
export const METHOD_NAMES = [
  'desk.info',
  'demo.load',
  'reports.list',
  'reports.items',
  'reports.get',
  'reports.search',
  'reports.import',
  'reports.update',
  'reports.importVersion',
  'passages.list',
  'passages.create',
  'passages.update',
  'passages.delete',
  'passages.attribute',
  'preferences.get',
  'preferences.set',
  'claims.list',
  'claims.get',
  'claims.forPassage',
  'claims.create',
  'claims.update',
  'claims.delete',
  'claims.merge',
  'claims.reviewWarning',
  'claims.history',
  'evidence.link',
  'evidence.update',
  'evidence.unlink',
  'sources.list',
  'sources.create',
  'sources.update',
  'sources.rate',
  'sources.history',
  'mentions.list',
  'attribution.suggest',
  'attribution.accept',
  'attribution.keepApart',
  'compare.suggest',
  'compare.reject',
  'compare.accept',
  'compare.similar',
  'compare.sharedWording',
  'sets.preview',
  'sets.export',
  'sets.merge',
  'sets.conflicts',
  'sets.pending',
  'sets.resolve',
  'session.undo',
  'session.redo',
  'session.status',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** The IPC channel of an operation, and of desk events. */
export const channelOf = (method: MethodName): string => `desk:${method}`;
export const EVENT_CHANNEL = 'desk:event';
