// pdf.js in the window, for the page view: the original PDF is parsed in a worker of its own
// (pdf.js's, bundled with the app and served from its origin), from bytes the desk hands over;
// nothing is fetched from anywhere else. pdf.js 6 compiles no code from fonts (the eval path of
// CVE-2024-4367 is gone, and with it the isEvalSupported option), runs no document JavaScript
// without its scripting sandbox (never loaded here), and draws glyphs as paths with
// disableFontFace: no font is installed in the page.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { MAX_IMAGE_PIXELS } from '../../../../shared/limits.ts';
// Bundled by Vite as a worker of its own, emitted as a .js file (served as JavaScript by both the
// app:// protocol and the bridge; a .mjs file would be refused by the nosniff header).
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';

/**
 * The standard 14 fonts' programs (Helvetica, Times…), which a PDF may use without embedding:
 * bundled and handed to pdf.js on request, so that their glyphs are drawn from the PDF's own
 * metrics and shapes rather than approximated with a system font.
 */
const STANDARD_FONTS = import.meta.glob<string>(
  '../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}',
  { query: '?url', import: 'default', eager: true },
);

/** Hands pdf.js a standard font's bytes, by file name, from the app's own bundle. */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = Object.entries(STANDARD_FONTS).find(([path]) => path.endsWith(`/${filename}`))?.[1];
    if (kind !== 'standardFontDataUrl' || !url)
      throw new Error(`pdf.js asked for ${kind} ${filename}, which the app does not bundle`);
    const response = await fetch(url);
    return new Uint8Array(await response.arrayBuffer());
  }
}

export type PdfDocument = PDFDocumentProxy;

/** An open original: its document, and `close` to end its worker. */
export interface OpenPdf {
  doc: PdfDocument;
  close(): Promise<void>;
}

/** Opens a PDF from its bytes in a worker of its own. */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const pdfjs = await loadPdfJs();
  const port = new PdfWorker({ name: 'pdf.js' });
  // pdf.js waits for a worker that never loads: its failure is caught here instead.
  const failed = new Promise<never>((_, reject) =>
    port.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`pdf.js's worker did not start (${event.message || 'refused'})`));
    }),
  );
  const worker = pdfjs.PDFWorker.create({ port });
  const task = pdfjs.getDocument({
    data: bytes,
    worker,
    // Only pdf.js's own options: an older pdf.js would take this one too (it has none to take).
    ...({ isEvalSupported: false } as object),
    enableXfa: false,
    // Images past the desk's limit are left undrawn, as the import leaves them unread.
    maxImageSize: MAX_IMAGE_PIXELS,
    canvasMaxAreaInBytes: MAX_IMAGE_PIXELS * 4,
    disableFontFace: true,
    useSystemFonts: false,
    // No fetching from the worker, nor WebAssembly (the CSP allows neither): images in JBIG2 or
    // JPEG 2000 are left out of the drawing, the text is unaffected.
    useWorkerFetch: false,
    useWasm: false,
    standardFontDataUrl: 'bundled/',
    BinaryDataFactory: BundledDataFactory,
    disableWorkerRendering: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const close = async (): Promise<void> => {
    await task.destroy();
    worker.destroy();
    port.terminate();
  };
  try {
    return { doc: await Promise.race([task.promise, failed]), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** pdf.js is large: loaded when a page view first opens, not with the app. */
export const loadPdfJs = () => import('pdfjs-dist');

/** pdf.js's scale for 100 %: a PDF point is 1/72 in, a CSS pixel 1/96 in. */
export const ACTUAL_SIZE = 96 / 72;
