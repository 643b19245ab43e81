// Undo for one session of the desk: the inverse of each recent change, newest last.
import type { Db } from '../db/connection.ts';

export interface Undo {
  /** Records the inverse of a change just made, under a label the UI shows. */
  remember(label: string, undo: () => void): void;
  /** Forgets everything: a change that cannot be undone step by step was made. */
  clear(): void;
  /** Undoes the latest change in one transaction; its label, or null if there was none. */
  undo(): string | null;
  /** The label of the change the next undo would revert. */
  next(): string | null;
}

const DEPTH = 100;

export function createUndo(db: Db): Undo {
  const stack: { label: string; undo: () => void }[] = [];
  return {
    remember(label, undo) {
      stack.push({ label, undo });
      if (stack.length > DEPTH) stack.shift();
    },
    clear() {
      stack.length = 0;
    },
    undo() {
      const last = stack.pop();
      if (last) db.transaction(last.undo)();
      return last?.label ?? null;
    },
    next: () => stack.at(-1)?.label ?? null,
  };
}
