import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { InputFormatError } from './ingest-report.ts';

/** A run of consecutive lines of a file; `firstLine` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  readonly firstLine: number;
  readonly lines: string[];
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/** True when the file starts with the gzip magic bytes (so `.gz` files and unnamed gzip streams both work). */
export async function isGzipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === GZIP_MAGIC_0 && buf[1] === GZIP_MAGIC_1;
  } finally {
    await fh.close();
  }
}

/** A byte stream of the file, gunzipped transparently when it is gzip-compressed. */
export async function openByteStream(path: string): Promise<Readable> {
  // Probe first: a stream opened before a failed probe would emit an unhandled 'error'.
  const gzip = await isGzipFile(path);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!gzip) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (e) => gunzip.destroy(e));
  // A reader that stops early destroys the gunzip stream; close the file with it.
  gunzip.on('close', () => raw.destroy());
  return raw.pipe(gunzip);
}

/**
 * Streams a text file as batches of lines, in constant memory whatever the file's size.
 * Handles `\n` and `\r\n` endings, a UTF-8 byte-order mark, and gzip. A trailing empty line is not reported.
 */
export async function* readLines(path: string): AsyncGenerator<LineBatch> {
  const stream = await openByteStream(path);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNo = 1;
  let first = true;
  for await (const chunk of guardGzip(path, stream as AsyncIterable<Buffer>)) {
    let text = carry + decoder.write(chunk);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const lastNl = text.lastIndexOf('\n');
    if (lastNl < 0) {
      carry = text;
      continue;
    }
    carry = text.slice(lastNl + 1);
    const lines = text.slice(0, lastNl).split('\n');
    stripCarriageReturns(lines);
    yield { firstLine: lineNo, lines };
    lineNo += lines.length;
  }
  const rest = carry + decoder.end();
  if (rest.length > 0) {
    const lines = rest.split('\n');
    stripCarriageReturns(lines);
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines.length > 0) yield { firstLine: lineNo, lines };
  }
}

function stripCarriageReturns(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
  }
}

/** Turns zlib's errors (truncated or corrupt .gz) into an InputFormatError that names the file. */
async function* guardGzip(path: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    for await (const c of chunks) yield c;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new InputFormatError(path, `gzip data is corrupt or truncated (${(e as Error).message})`);
    }
    throw e;
  }
}
