import {
  defaultRangeExtractor,
  measureElement,
  useVirtualizer,
  type Range,
  type VirtualItem,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  type ReactNode,
  type Ref,
} from 'react';

/** A run of rows under one optional header; a `label` makes it a named region. */
export interface ListGroup<T> {
  key: string;
  label?: string;
  header?: ReactNode;
  items: readonly T[];
}

export interface VirtualListHandle {
  /**
   * Scrolls the row of this item into view: by default the least scroll that shows it; 'start'
   * puts its top at the top (a row taller than the list, such as an open editor).
   */
  scrollToKey(key: ItemKey, align?: 'auto' | 'start'): void;
}

export type ItemKey = string | number;

interface Props<T> {
  groups: readonly ListGroup<T>[];
  itemKey: (item: T) => ItemKey;
  /** The content of one row; memoise it, since rows are redrawn as the list scrolls. */
  renderItem: (item: T) => ReactNode;
  /** Estimated heights in pixels; each row is measured once drawn. */
  estimateItem: number;
  estimateHeader?: number;
  /** Headers stay at the top while their group scrolls under them. */
  stickyHeaders?: boolean;
  /** Items kept drawn wherever the list is scrolled: the focused row, an open editor. */
  keep?: readonly ItemKey[];
  listTag?: 'ul' | 'ol';
  className?: string;
  handle?: Ref<VirtualListHandle>;
  /** Told the items in view whenever they change (a list whose rows load as they come into view). */
  onRangeChange?: (items: readonly T[]) => void;
}

interface Row<T> {
  key: ItemKey;
  group: number;
  /** Absent for the group's header. */
  item?: T;
  /** Position within its group, from 1. */
  position: number;
}

/**
 * A grouped list that draws only the rows in view (plus a few either side), so 50,000 rows cost
 * what 30 do. Each group drawn is a section placed where its rows are, with its header first, so
 * the regions, headings and list items stay what assistive technology and tests expect.
 */
export function VirtualList<T>({
  groups,
  itemKey,
  renderItem,
  estimateItem,
  estimateHeader = 32,
  stickyHeaders = false,
  keep,
  listTag: List = 'ul',
  className,
  handle,
  onRangeChange,
}: Props<T>) {
  // The list scrolls itself: a parent's ref is not yet set when this mounts.
  const scroller = useRef<HTMLDivElement>(null);
  const { rows, indexOfKey, headerOf, lastOf } = useMemo(
    () => flatten(groups, itemKey),
    [groups, itemKey],
  );
  const keepIndexes = useMemo(
    () =>
      (keep ?? []).flatMap((key) => {
        const index = indexOfKey.get(key);
        return index === undefined ? [] : [index];
      }),
    [keep, indexOfKey],
  );
  const rangeExtractor = useCallback(
    (range: Range): number[] => {
      const indexes = new Set([...defaultRangeExtractor(range), ...keepIndexes]);
      // A group drawn at all is drawn with its header, which also keeps a sticky header in place.
      for (const index of [...indexes]) {
        const header = headerOf[rows[index]?.group ?? -1];
        if (header !== undefined && header >= 0) indexes.add(header);
      }
      return [...indexes].sort((a, b) => a - b);
    },
    [keepIndexes, headerOf, rows],
  );
  // A new function here would make the virtualizer re-lay out every row at each render (scroll).
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  // Not memoised by the React Compiler (none runs here); rows are memoised by their callers.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.item === undefined ? estimateHeader : estimateItem),
    getItemKey,
    // A hidden list (the library under a search) reports 0 for each row: keep what was measured.
    measureElement: (element, entry, instance) =>
      measureElement(element, entry, instance) ||
      (instance.itemSizeCache.get(
        instance.options.getItemKey(instance.indexFromElement(element)),
      ) ??
        estimateItem),
    rangeExtractor,
    overscan: 8,
    // A target row is scrolled clear of the sticky header above it.
    scrollPaddingStart: stickyHeaders ? estimateHeader : 0,
    useFlushSync: false,
  });
  useImperativeHandle(
    handle,
    () => ({
      scrollToKey: (key, align = 'auto') => {
        const index = indexOfKey.get(key);
        if (index !== undefined) virtualizer.scrollToIndex(index, { align });
      },
    }),
    [indexOfKey, virtualizer],
  );

  const items = virtualizer.getVirtualItems();
  // The rows in view (not those kept drawn elsewhere, nor a sticky header far above): a list that
  // loads rows as they come into view asks for these.
  const firstShown = virtualizer.range?.startIndex ?? -1;
  const lastShown = virtualizer.range?.endIndex ?? -1;
  useEffect(() => {
    if (!onRangeChange || firstShown < 0) return;
    const shown: T[] = [];
    for (let index = firstShown; index <= lastShown; index++) {
      const row = rows[index];
      if (row?.item !== undefined) shown.push(row.item);
    }
    if (shown.length > 0) onRangeChange(shown);
  }, [onRangeChange, firstShown, lastShown, rows]);
  const measured = virtualizer.measurementsCache;
  const sections: { group: number; items: VirtualItem[] }[] = [];
  for (const item of items) {
    const group = rows[item.index]?.group ?? 0;
    const last = sections.at(-1);
    if (last?.group === group) last.items.push(item);
    else sections.push({ group, items: [item] });
  }
  return (
    <div ref={scroller} className={`virtual-scroller${className ? ` ${className}` : ''}`}>
      <div className="virtual-list" style={{ height: virtualizer.getTotalSize() }}>
        {sections.map(({ group: g, items: drawn }) => {
          const group = groups[g] as ListGroup<T>;
          const first = drawn[0] as VirtualItem;
          const top = first.start;
          const bottom = measured[lastOf[g] as number]?.end ?? first.end;
          const header = rows[first.index]?.item === undefined ? first : null;
          const Section = group.label ? 'section' : 'div';
          return (
            <Section
              key={group.key}
              aria-label={group.label}
              className="virtual-group"
              style={{ top, height: bottom - top }}
            >
              {header && (
                <div
                  data-index={header.index}
                  ref={virtualizer.measureElement}
                  className={`virtual-header${stickyHeaders ? ' sticky' : ''}`}
                >
                  {group.header}
                </div>
              )}
              <List>
                {(header ? drawn.slice(1) : drawn).map((item) => {
                  const row = rows[item.index] as Row<T>;
                  return (
                    <li
                      key={item.key}
                      data-index={item.index}
                      ref={virtualizer.measureElement}
                      className="virtual-row"
                      style={{ top: item.start - top }}
                      aria-setsize={group.items.length}
                      aria-posinset={row.position}
                    >
                      {renderItem(row.item as T)}
                    </li>
                  );
                })}
              </List>
            </Section>
          );
        })}
      </div>
    </div>
  );
}

/** Rows in order (each group's header, if any, then its items), and where each key sits. */
function flatten<T>(groups: readonly ListGroup<T>[], itemKey: (item: T) => ItemKey) {
  const rows: Row<T>[] = [];
  const indexOfKey = new Map<ItemKey, number>();
  const headerOf: number[] = [];
  const lastOf: number[] = [];
  groups.forEach((group, g) => {
    headerOf.push(group.header === undefined ? -1 : rows.length);
    if (group.header !== undefined)
      rows.push({ key: `header:${group.key}`, group: g, position: 0 });
    group.items.forEach((item, i) => {
      const key = itemKey(item);
      indexOfKey.set(key, rows.length);
      rows.push({ key, group: g, item, position: i + 1 });
    });
    lastOf.push(rows.length - 1);
  });
  return { rows, indexOfKey, headerOf, lastOf };
}
