// What leaves the desk by the browser's own means: a download per file, and the brief printed.
import type { ExportFile } from '../../../../shared/api.ts';

/** Saves one exported file as a download (the browser's Downloads, or Electron's save dialog). */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the next task is late enough to let it go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Prints the HTML brief (the analyst chooses "Save as PDF" in the print dialog). The UI's CSP
 * forbids framing blob: URLs and inline <style>, and a srcdoc frame inherits that CSP; so the brief
 * goes into a srcdoc frame without its <style> elements, and their rules are given to it as a
 * constructed style sheet (CSSOM, which the CSP leaves to the app's own script). The frame is
 * sandboxed without scripts: nothing in the brief runs.
 */
export function printBrief(html: string): void {
  document.querySelector('iframe.print-brief')?.remove();
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const styles = Array.from(parsed.querySelectorAll('style'));
  const css = styles.map((s) => s.textContent).join('\n');
  styles.forEach((s) => s.remove());
  const frame = document.createElement('iframe');
  frame.className = 'print-brief';
  frame.title = 'Brief for printing';
  frame.setAttribute('aria-hidden', 'true');
  // Same origin, so that the desk can style and print it; no scripts.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.srcdoc = `<!doctype html>${parsed.documentElement.outerHTML}`;
  frame.addEventListener(
    'load',
    () => {
      // The frame's own constructor: a document adopts only the sheets made in its realm.
      const win = frame.contentWindow as (Window & typeof globalThis) | null;
      const doc = frame.contentDocument;
      if (!win || !doc) return;
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [sheet];
      win.addEventListener('afterprint', () => frame.remove(), { once: true });
      win.print();
    },
    { once: true },
  );
  document.body.append(frame);
}
