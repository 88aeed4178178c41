import { Writable } from 'node:stream';
import type { CommandIo } from './command.ts';

/** A CommandIo that keeps what a command writes, for tests and for embedding commands. */
export function captureIo(): CommandIo & { out: () => string; err: () => string } {
  const chunks = { out: [] as string[], err: [] as string[] };
  const sink = (into: string[]) => new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      into.push(chunk.toString());
      cb();
    },
  });
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    out: () => chunks.out.join(''),
    err: () => chunks.err.join(''),
  };
}
