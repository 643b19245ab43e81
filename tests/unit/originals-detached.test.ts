// A parser that takes the file's bytes away (pdf.js transfers the data it is given, detaching it)
// must not leave an original that is not the file: the import is refused instead. Here a stand-in
// Word parser detaches its input, as pdf.js would.
import { describe, expect, it, vi } from 'vitest';
import { prepareReport } from '../../electron/core/import/index.ts';

vi.mock('../../electron/core/import/docx.ts', () => ({
  parseDocx: (bytes: Uint8Array) => {
    structuredClone(bytes, { transfer: [bytes.buffer] });
    return Promise.resolve({ text: 'Some text.', metadata: {} });
  },
}));

describe('an original', () => {
  it('is never kept from bytes a parser detached', async () => {
    await expect(prepareReport(new Uint8Array([80, 75, 3, 4]), 'a.docx')).rejects.toThrow(
      'the parser consumed the file’s bytes, so its original could not be kept',
    );
  });
});
