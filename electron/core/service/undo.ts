// Undo and redo for one session of the desk. Each change leaves its inverse: a function that
// reverts it and returns the inverse of that (undo gives redo, redo gives undo again), so a
// change can go back and forth any number of times.
import type { Db } from '../db/connection.ts';

/** Reverts a change (or makes it again) and returns what takes that back. */
export type Inverse = () => Inverse;

/** Rows that undo or redo can only make again under a new id (ids are never reused). */
export type Renumbered = 'source';

export interface UndoState {
  next: string | null;
  nextRedo: string | null;
}

export interface Undo {
  /** Records the inverse of a change just made, under a label the UI shows; empties redo. */
  remember(label: string, inverse: Inverse): void;
  /** Forgets both stacks: a change that cannot be undone step by step was made. */
  clear(): void;
  /**
   * Runs `change` in one transaction as one step: what it remembers is undone (and redone) as a
   * whole, under the label `label` makes of its steps' labels. A change that fails remembers
   * nothing.
   */
  group<T>(label: (labels: string[]) => string, change: () => T): T;
  /** Undoes the latest change in one transaction; its label, or null if there was none. */
  undo(): string | null;
  /** Makes the latest undone change again in one transaction; its label, or null. */
  redo(): string | null;
  state(): UndoState;
  /** Notes that a row undo or redo made again now has a new id. */
  renumber(kind: Renumbered, from: number, to: number): void;
  /** The id a row has now, after any renumbering: what an inverse recorded earlier must use. */
  current(kind: Renumbered, id: number): number;
}

const DEPTH = 100;

/** Several inverses as one: undone in the reverse of the order they were made, redone in it. */
function combined(inverses: Inverse[]): Inverse {
  return () => {
    const back: Inverse[] = [];
    for (let i = inverses.length - 1; i >= 0; i--) back.push((inverses[i] as Inverse)());
    return combined(back);
  };
}

export function createUndo(db: Db): Undo {
  type Step = { label: string; inverse: Inverse };
  const undos: Step[] = [];
  const redos: Step[] = [];
  const renumbered = new Map<string, number>();
  /** Steps remembered so far: a group takes those remembered while it ran. */
  let remembered = 0;
  // Runs the step in one transaction and files its own inverse on the other stack.
  const flip = (from: Step[], to: Step[]): string | null => {
    const step = from.pop();
    if (!step) return null;
    try {
      to.push({ label: step.label, inverse: db.transaction(step.inverse)() });
    } catch (error) {
      // Left where it was, so the analyst can try again once the cause is fixed.
      from.push(step);
      throw error;
    }
    return step.label;
  };
  return {
    remember(label, inverse) {
      remembered++;
      undos.push({ label, inverse });
      if (undos.length > DEPTH) undos.shift();
      redos.length = 0;
    },
    clear() {
      undos.length = 0;
      redos.length = 0;
    },
    group(label, change) {
      const before = remembered;
      // The steps it remembered, the newest last (none beyond the stack's depth).
      const taken = (): Step[] => undos.splice(Math.max(0, undos.length - (remembered - before)));
      let result: ReturnType<typeof change>;
      try {
        result = db.transaction(change)();
      } catch (error) {
        taken();
        throw error;
      }
      const steps = taken();
      if (steps.length > 0)
        undos.push({
          label: label(steps.map((s) => s.label)),
          inverse: combined(steps.map((s) => s.inverse)),
        });
      return result;
    },
    undo: () => flip(undos, redos),
    redo: () => flip(redos, undos),
    state: () => ({ next: undos.at(-1)?.label ?? null, nextRedo: redos.at(-1)?.label ?? null }),
    renumber(kind, from, to) {
      // A source's id can come back (sources are not AUTOINCREMENT): then nothing moved.
      if (from !== to) renumbered.set(`${kind}:${from}`, to);
    },
    current(kind, id) {
      // Each step goes to a row made after the one before it, so the chain cannot loop.
      let now = id;
      let next: number | undefined;
      while ((next = renumbered.get(`${kind}:${now}`)) !== undefined) now = next;
      return now;
    },
  };
}
