// The thread tesseract.js recognises in (ocr.ts names this file as its workerPath). Before
// tesseract's own worker script loads:
// - fetch is replaced with a refusal: that script takes `global.fetch` as its one way to download
//   (language data from a CDN when none is given), so OCR cannot reach the network, even if a
//   language were asked for without its data;
// - its "initialize" messages name languages given as data by their codes: tesseract.js 7.0.0
//   (worker-script/index.js, initialize) joins such languages' data, not their codes, into the
//   language string, and tesseract then looks for a file named by the bytes.
import { parentPort } from 'node:worker_threads';

globalThis.fetch = (input: unknown): Promise<Response> =>
  Promise.reject(
    new Error(
      `OCR never downloads anything, and something asked it to fetch ${String(input)}; the language data must be installed with the app or named as a file`,
    ),
  );

interface Packet {
  action?: string;
  payload?: { langs?: unknown };
}

if (!parentPort) throw new Error('ocr-guard runs as a worker thread');
const port = parentPort;
const on = port.on.bind(port);
port.on = ((event: string, listener: (value: unknown) => void) =>
  on(
    event,
    event === 'message' ? (packet: Packet) => listener(languagesByCode(packet)) : listener,
  )) as typeof port.on;

function languagesByCode(packet: Packet): Packet {
  const langs = packet.payload?.langs;
  if (packet.action !== 'initialize' || !Array.isArray(langs)) return packet;
  return {
    ...packet,
    payload: {
      ...packet.payload,
      langs: langs.map((l: unknown) => (typeof l === 'string' ? l : (l as { code: string }).code)),
    },
  };
}

// eslint-disable-next-line layering/allowed-imports -- OCR (issue 12); scripts/eslint-layering.js should list tesseract.js for core
await import('tesseract.js/src/worker-script/node/index.js');
