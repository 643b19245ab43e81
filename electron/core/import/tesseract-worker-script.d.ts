// tesseract.js's worker script for Node, loaded by ocr-guard.ts for its side effect (it listens on
// the thread's port); it exports nothing and ships no types.
declare module 'tesseract.js/src/worker-script/node/index.js';
