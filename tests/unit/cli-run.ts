// Runs the source-desk command in this process, as a terminal would, keeping what it printed.
import { run } from '../../electron/cli/main.ts';

/** `source-desk …args`: its exit status, standard output and standard error. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(
    args,
    { write: (text: string) => (out += text) },
    { write: (text: string) => (err += text) },
  );
  return { code, out, err };
}
