// Offsets at the desk's boundary. Inside the desk an offset counts UTF-16 code units, as the DOM
// and JavaScript strings do; the W3C Web Annotation model (and so every file the desk writes or
// reads) counts Unicode code points. An astral character (an emoji, a rare CJK ideograph) is two
// code units and one code point, so the two counts part after the first one in a text.

/** The code-point offset of UTF-16 offset `units` in `text`; inside a surrogate pair is refused. */
export const toCodePoints = (text: string, units: number): number =>
  convertOffsets(text, [units], 'points')[0] as number;

/** The UTF-16 offset of code-point offset `points` in `text`; past the end is refused. */
export const toCodeUnits = (text: string, points: number): number =>
  convertOffsets(text, [points], 'units')[0] as number;

/**
 * Converts many offsets into one text in a single pass: `offsets` sorted or not, each converted
 * from UTF-16 to code points (`direction` 'points') or back ('units'). An export of a long report
 * with many passages walks the text once instead of once per offset.
 */
export function convertOffsets(
  text: string,
  offsets: readonly number[],
  direction: 'points' | 'units',
): number[] {
  const order = offsets
    .map((_, i) => i)
    .sort((a, b) => (offsets[a] as number) - (offsets[b] as number));
  const out = new Array<number>(offsets.length);
  let units = 0;
  let points = 0;
  for (const i of order) {
    const target = offsets[i] as number;
    if (!Number.isInteger(target) || target < 0)
      throw new RangeError(`offset ${target} is not a position in the text`);
    if (direction === 'points') {
      if (target > text.length)
        throw new RangeError(`offset ${target} is outside the text (${text.length} code units)`);
      while (units < target) {
        const code = text.charCodeAt(units);
        const next = text.charCodeAt(units + 1);
        const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
        if (pair && units + 1 === target)
          throw new RangeError(`offset ${target} splits a surrogate pair`);
        units += pair ? 2 : 1;
        points++;
      }
      out[i] = points;
    } else {
      while (points < target) {
        if (units >= text.length)
          throw new RangeError(
            `offset ${target} is past the end of the text (${points} code points)`,
          );
        const code = text.charCodeAt(units);
        const next = text.charCodeAt(units + 1);
        units += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
        points++;
      }
      out[i] = units;
    }
  }
  return out;
}
