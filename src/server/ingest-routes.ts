import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InputFormatError } from '../ingest/ingest-report.ts';
import { ApiError } from './api-error.ts';
import { type LiveBodyFormat, type LiveKind, LiveRowParser } from './live-rows.ts';
import type { LiveSink } from './live-sink.ts';
import type { EquityData } from './dark-pool-source.ts';
import type { EquityPrint } from '../core/dark-pool/equity-print.ts';

/** Rejections listed in full in an ingest response (all are counted). */
export const INGEST_REJECTIONS_SHOWN = 100;

/** The body of a POST /v1/ingest/… answer. */
export interface IngestResponse {
  readonly accepted: number;
  readonly rejected: number;
  readonly excluded: number;
  readonly rejections: readonly { line: number; field: string; value: string; reason: string }[];
}

/** Told the underlyings an accepted body touched, and its accepted rows, after they are visible to reads. */
export type IngestListener = (kind: LiveKind, symbols: ReadonlySet<string>, rows: readonly unknown[]) => Promise<void> | void;

const MEDIA_TYPES: Record<string, LiveBodyFormat> = {
  'application/x-ndjson': 'ndjson', 'application/ndjson': 'ndjson', 'application/jsonl': 'ndjson', 'text/csv': 'csv',
};

function bodyFormat(request: FastifyRequest): LiveBodyFormat {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = MEDIA_TYPES[type];
  if (format === undefined || !isStream(request.body)) {
    throw new ApiError(415, 'unsupported_media_type',
      `Content-Type was ${JSON.stringify(type)}; expected application/x-ndjson (one JSON object per line) or text/csv (canonical header on line 1)`);
  }
  return format;
}

function isStream(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && typeof (body as Readable).on === 'function';
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, 'payload_too_large', `the body is larger than ${maxBytes} bytes; send it in smaller parts`);
}

/**
 * Streams a body through the row parser line by line, never holding more than one chunk of text; past
 * `maxBytes` it stops with 413 and nothing of the body is kept.
 */
async function parseBody<T>(body: Readable, parser: LiveRowParser<T>, maxBytes: number): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let rest = '';
  const feed = (text: string) => {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      parser.line(rest + text.slice(start, nl));
      rest = '';
      start = nl + 1;
    }
    rest += text.slice(start);
  };
  for await (const chunk of body) {
    bytes += (chunk as Buffer).length;
    if (bytes > maxBytes) {
      body.resume();
      throw tooLarge(maxBytes);
    }
    feed(decoder.write(chunk as Buffer));
  }
  feed(decoder.end());
  if (rest !== '') parser.line(rest);
}

/**
 * `POST /v1/ingest/options-trades`, `POST /v1/ingest/chains` and (with `equity`) `POST /v1/ingest/equity-trades`
 * (docs/api.md "Live feed"): NDJSON or CSV bodies
 * of canonical rows, at most `maxBytes`, each row validated by the file readers' field parsers. Accepted rows
 * go to `sink` together once the whole body is read (a refused body, 413 or a bad header, leaves nothing);
 * bad rows are counted and the first INGEST_REJECTIONS_SHOWN listed with their line numbers. 200, or 400 when
 * rows were sent and every one was rejected.
 */
export function registerIngestRoutes(
  app: FastifyInstance, sink: LiveSink, maxBytes: number, onIngested: IngestListener, equity: EquityData | null = null,
): void {
  const passThrough = (_request: FastifyRequest, payload: Readable, done: (err: null, body: Readable) => void) => done(null, payload);
  app.addContentTypeParser(Object.keys(MEDIA_TYPES), passThrough);

  const route = (url: string, kind: LiveKind, summary: string) => {
    app.post(url, { schema: { summary, tags: ['ingest'] } }, async (request, reply) => {
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
      const format = bodyFormat(request);
      const parser = new LiveRowParser<{ underlying?: string; symbol?: string }>(kind, format, 'body', INGEST_REJECTIONS_SHOWN);
      try {
        await parseBody(request.body as Readable, parser, maxBytes);
      } catch (e) {
        if (e instanceof InputFormatError) throw new ApiError(400, 'bad_request', e.message);
        throw e;
      }
      const r = parser.report;
      const counts = { rowsRead: r.rowsRead, accepted: r.accepted, rejected: r.rejected, excluded: r.excluded };
      if (kind === 'trades') await sink.addTrades(parser.rows as never, counts);
      else if (kind === 'chain') await sink.addChainRows(parser.rows as never, counts);
      else await equity?.addPrints(parser.rows as unknown as EquityPrint[], counts);
      if (parser.rows.length > 0) await onIngested(kind, new Set(parser.rows.map((row) => row.underlying ?? row.symbol ?? '')), parser.rows);
      const body: IngestResponse = {
        accepted: r.accepted, rejected: r.rejected, excluded: r.excluded,
        rejections: r.rejections.map(({ line, field, value, reason }) => ({ line, field, value, reason })),
      };
      return reply.code(r.accepted === 0 && r.rejected > 0 ? 400 : 200).send(body);
    });
  };
  route('/v1/ingest/options-trades', 'trades', 'Live feed: append option prints (canonical NDJSON or CSV rows)');
  route('/v1/ingest/chains', 'chain', 'Live feed: append chain snapshot rows (canonical NDJSON or CSV rows)');
  if (equity !== null) {
    route('/v1/ingest/equity-trades', 'equity', 'Live feed: append equity prints (canonical ts,symbol,price,size,exchange,conditions,bid,ask NDJSON or CSV rows) for the dark pool');
  }
}
