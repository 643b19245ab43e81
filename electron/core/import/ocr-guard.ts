// What runs first in the thread tesseract.js recognises in (ocr.ts starts it from this function's
// source, as a data: URL, so it works wherever a bundler puts the modules). Before tesseract's own
// worker script loads:
// - fetch is replaced with a refusal: that script takes `global.fetch` as its one way to download
//   (language data from a CDN when none is given), so OCR cannot reach the network, even if a
//   language were asked for without its data;
// - its "initialize" messages name languages given as data by their codes: tesseract.js 7.0.0
//   (worker-script/index.js, initialize) joins such languages' data, not their codes, into the
//   language string, and tesseract then looks for a file named by the bytes.
// Self-contained (it runs from its source text): no imports, no names from outside; the
// thread's port is handed in.
import type { MessagePort } from 'node:worker_threads';

/** Guards the thread whose port to its parent is `port`; tesseract's worker script loads after. */
export function guardOcrThread(port: MessagePort): void {
  globalThis.fetch = (input: unknown): Promise<Response> =>
    Promise.reject(
      new Error(
        `OCR never downloads anything, and something asked it to fetch ${String(input)}; the language data must be installed with the app or named as a file`,
      ),
    );
  const on = port.on.bind(port);
  type Packet = { action?: string; payload?: { langs?: unknown } };
  const byCode = (packet: Packet): Packet => {
    const langs = packet.payload?.langs;
    if (packet.action !== 'initialize' || !Array.isArray(langs)) return packet;
    const codes = langs.map((l: unknown) =>
      typeof l === 'string' ? l : (l as { code: string }).code,
    );
    return { ...packet, payload: { ...packet.payload, langs: codes } };
  };
  port.on = ((event: string, listener: (value: unknown) => void) =>
    on(
      event,
      event === 'message' ? (packet: Packet) => listener(byCode(packet)) : listener,
    )) as typeof port.on;
}
