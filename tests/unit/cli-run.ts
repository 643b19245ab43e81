// Runs the source-desk command in this process, as a terminal would, keeping what it printed.
import { Writable } from 'node:stream';
import { run } from '../../electron/cli/main.ts';

function capture(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string };
  stream.text = () => chunks.join('');
  return stream;
}

/** `source-desk …args`: its exit status, standard output and standard error. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await run(args, out, err);
  return { code, out: out.text(), err: err.text() };
}
