// A PDF page as pixels, for OCR of pages without a text layer (issue 12): pdf.js draws the page on
// an @napi-rs/canvas canvas (pdf.js's own Node canvas factory), encoded as PNG for tesseract.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Resolution pages are recognised at: tesseract reads body text best at 200–300 dpi. */
export const OCR_DPI = 250;
/** Most pixels a page is drawn with (about a letter page at 300 dpi): a huge page is drawn smaller. */
export const MAX_PAGE_PIXELS = 9_000_000;

interface NodeCanvas {
  toBuffer(mime: 'image/png'): Buffer;
}

/** The page drawn on white at `dpi` (fewer when it would exceed MAX_PAGE_PIXELS), as PNG bytes. */
export async function renderPagePng(
  doc: PDFDocumentProxy,
  page: PDFPageProxy,
  dpi = OCR_DPI,
): Promise<Uint8Array> {
  const base = page.getViewport({ scale: 1 });
  let scale = dpi / 72;
  const pixels = base.width * base.height * scale * scale;
  if (pixels > MAX_PAGE_PIXELS) scale *= Math.sqrt(MAX_PAGE_PIXELS / pixels);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  // Node's canvas factory (pdf.js creates @napi-rs/canvas canvases in Node).
  const factory = doc.canvasFactory as {
    create(w: number, h: number): { canvas: NodeCanvas; context: CanvasRenderingContext2D };
  };
  const { canvas, context } = factory.create(width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context,
    viewport,
    background: '#ffffff',
  }).promise;
  return new Uint8Array(canvas.toBuffer('image/png'));
}
