// A report's text as the reader and the compare view draw it: one paragraph a line, each with its
// start offset (text-dom.ts reads it so). React draws it once per text, never per passage.
import { memo, useMemo } from 'react';
import { splitLines } from './text-dom.ts';

export const ReportText = memo(function ReportText({ text }: { text: string }) {
  const lines = useMemo(() => splitLines(text), [text]);
  return (
    <>
      {lines.map((line) =>
        line.text === '' ? (
          <div key={line.start} className="section-break" aria-hidden="true" />
        ) : (
          <p key={line.start} data-start={line.start}>
            {line.text}
          </p>
        ),
      )}
    </>
  );
});
