// Files chosen in the dialog or handed over by a launch, read for `reports.import`. A file that
// cannot be read, or is over the importer's limit, becomes a rejected line of its own here, so
// the others still go to the desk.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportResult } from '../../shared/api.ts';
import { maxBytesFor, tooLargeMessage } from '../../shared/limits.ts';
import { describeFsError } from '../core/fs-errors.ts';

export interface Uploads {
  files: { name: string; data: string }[];
  rejected: ImportResult[];
}

export async function readUploads(paths: readonly string[]): Promise<Uploads> {
  const files: Uploads['files'] = [];
  const rejected: ImportResult[] = [];
  for (const path of paths) {
    const name = basename(path);
    try {
      // Checked before reading: a huge file named on the command line must not fill memory.
      const info = await stat(path);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      if (info.size > maxBytesFor(name)) {
        rejected.push({
          file: name,
          status: 'rejected',
          message: tooLargeMessage(info.size, maxBytesFor(name)),
        });
        continue;
      }
      files.push({ name, data: (await readFile(path)).toString('base64') });
    } catch (error) {
      rejected.push({ file: name, status: 'rejected', message: describeFsError(error) });
    }
  }
  return { files, rejected };
}
