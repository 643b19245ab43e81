// A bounded reader of the zip inside a Word file. Mammoth is handed this reader instead of opening
// the zip itself (JSZip inflates a whole entry with no limit on what it inflates to), so every
// byte mammoth reads was inflated here: the central directory is checked against the limits
// before anything is inflated (entry count, each entry's and the total declared size, the ratio
// of declared to compressed size), and inflation stops at the declared size, which a zip bomb's
// directory may understate.
import { inflateRawSync } from 'node:zlib';
import { ImportRejection } from './errors.ts';
import { tooComplex } from './limits.ts';

/** Most entries a Word file's zip may have; a long report with images has a few hundred. */
export const MAX_ZIP_ENTRIES = 5_000;
/** Largest size one entry may inflate to; document.xml of a 1,000-page report is ~30 MiB. */
export const MAX_ZIP_ENTRY_BYTES = 128 * 1024 * 1024;
/** Largest size all entries together may inflate to. */
export const MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024;
/**
 * Largest ratio of inflated to compressed size, over the whole zip and for any entry over 1 MiB.
 * Word's XML compresses 5–20×, very repetitive XML up to ~100×; a zip bomb's is in the thousands.
 */
export const MAX_ZIP_RATIO = 200;
const RATIO_FLOOR = 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface BoundedZip {
  names(): string[];
  has(name: string): boolean;
  /** The entry's bytes, inflated here within its declared size; throws ImportRejection. */
  read(name: string): Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Opens a zip's central directory and checks it against the limits; nothing is inflated yet. */
export function openBoundedZip(bytes: Uint8Array, what: string): BoundedZip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (why: string): ImportRejection =>
    new ImportRejection('parse-failed', `${what} is damaged (${why})`);
  const eocd = findEndOfDirectory(view);
  if (eocd < 0) throw bad('it is not a zip file');
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw bad('it is a ZIP64 file, which a Word file never needs');
  if (count > MAX_ZIP_ENTRIES)
    throw tooComplex(
      `${what} has ${count.toLocaleString('en')} parts, more than the limit of ${MAX_ZIP_ENTRIES.toLocaleString('en')}`,
    );
  if (dirOffset + dirSize > eocd) throw bad('its directory is out of bounds');
  const entries = new Map<string, Entry>();
  let total = 0;
  let compressedTotal = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) throw bad('its directory is cut');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ImportRejection('unsupported-type', `${what} is encrypted`);
    if (method !== 0 && method !== 8) throw bad(`part ${name} uses compression method ${method}`);
    if (size > MAX_ZIP_ENTRY_BYTES)
      throw tooComplex(
        `${what}: part ${name} would inflate to ${mibOf(size)}, more than the limit of ${mibOf(MAX_ZIP_ENTRY_BYTES)} (a zip bomb?)`,
      );
    if (size > RATIO_FLOOR && size > compressedSize * MAX_ZIP_RATIO)
      throw tooComplex(
        `${what}: part ${name} would inflate ${Math.round(size / Math.max(compressedSize, 1))}× (${mibOf(size)}), more than the limit of ${MAX_ZIP_RATIO}× (a zip bomb?)`,
      );
    total += size;
    compressedTotal += compressedSize;
    entries.set(name, { name, method, compressedSize, size, localOffset });
  }
  if (total > MAX_ZIP_TOTAL_BYTES)
    throw tooComplex(
      `${what} would inflate to ${mibOf(total)}, more than the limit of ${mibOf(MAX_ZIP_TOTAL_BYTES)} (a zip bomb?)`,
    );
  if (total > RATIO_FLOOR && total > Math.max(compressedTotal, 1) * MAX_ZIP_RATIO)
    throw tooComplex(
      `${what} would inflate ${Math.round(total / Math.max(compressedTotal, 1))}×, more than the limit of ${MAX_ZIP_RATIO}× (a zip bomb?)`,
    );

  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw bad(`part ${name} is missing`);
      const local = entry.localOffset;
      if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL)
        throw bad(`part ${name} is out of bounds`);
      const start =
        local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + entry.compressedSize);
      if (data.length !== entry.compressedSize) throw bad(`part ${name} is cut`);
      if (entry.method === 0) {
        if (entry.size !== entry.compressedSize) throw bad(`part ${name} has a wrong size`);
        return data;
      }
      let out: Buffer;
      try {
        // One byte more than declared: a part that inflates past its declared size is refused
        // as soon as it does, not after inflating all of it.
        out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw tooComplex(
            `${what}: part ${name} inflates past the ${mibOf(entry.size)} its directory declares (a zip bomb?)`,
          );
        throw bad(`part ${name} does not inflate: ${(error as Error).message}`);
      }
      if (out.length !== entry.size)
        throw tooComplex(
          `${what}: part ${name} inflates past the ${mibOf(entry.size)} its directory declares (a zip bomb?)`,
        );
      return out;
    },
  };
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

function mibOf(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${bytes.toLocaleString('en')} bytes`
    : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
