// Every keyboard shortcut of the desk, as the `?` list shows them. A key added anywhere in the
// renderer is added here too, so that the list stays the whole truth.

export interface Shortcut {
  /** Pressed together (Ctrl, Shift, Z); keys that are alternatives share one entry ("↑ / ↓"). */
  keys: string[];
  does: string;
}

export const SHORTCUTS: { where: string; keys: Shortcut[] }[] = [
  {
    where: 'Anywhere',
    keys: [
      { keys: ['/'], does: 'Search reports' },
      { keys: ['Ctrl', 'O'], does: 'Import reports' },
      { keys: ['Ctrl', 'Z'], does: 'Undo the last change (in a text field: undo typing)' },
      { keys: ['Ctrl', 'Shift', 'Z'], does: 'Redo what was undone (also Ctrl+Y)' },
      { keys: ['?'], does: 'Show this list of shortcuts' },
      { keys: ['Esc'], does: 'Close a dialog; clear the search' },
    ],
  },
  {
    where: 'Library',
    keys: [
      { keys: ['↑ / ↓'], does: 'Move to the previous or next report' },
      { keys: ['Enter'], does: 'Open the report' },
    ],
  },
  {
    where: 'Claims list',
    keys: [{ keys: ['↑ / ↓'], does: 'Open the previous or next claim' }],
  },
  {
    where: 'Reader',
    keys: [{ keys: ['H'], does: 'Highlight the selected text as a passage' }],
  },
  {
    where: 'Compare',
    keys: [
      { keys: ['H'], does: 'Highlight the selected text as a passage, in its column' },
      { keys: ['J'], does: 'Jump every column to the next claim they share' },
    ],
  },
  {
    where: 'Passage panel (a passage open)',
    keys: [
      { keys: ['S'], does: 'Stance: supports' },
      { keys: ['C'], does: 'Stance: contradicts' },
      { keys: ['X'], does: 'Stance: context' },
      { keys: ['1–6'], does: 'Credibility, 1 confirmed to 6 cannot be judged' },
      { keys: ['L'], does: 'Link to the claim chosen (or find one)' },
      { keys: ['N'], does: 'New claim from the passage' },
      { keys: ['A'], does: 'Attribute to the source the text suggests' },
      { keys: ['Ctrl', 'Enter'], does: 'Save the note; create the claim proposed' },
      { keys: ['Esc'], does: 'Close the passage; cancel the claim proposed' },
    ],
  },
];
