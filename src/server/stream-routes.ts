import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { invalidParameter } from './api-error.ts';
import type { StreamEvent } from './event-ring.ts';
import type { LiveSignalEvents } from './live-signal-events.ts';
import { symbolList } from './request-values.ts';

const StreamQuery = Type.Object({
  symbols: Type.Optional(Type.String({
    description: 'expected a comma-separated list of underlying symbols (e.g. SPY,QQQ); absent = every symbol',
  })),
  lastEventId: Type.Optional(Type.String({
    description: 'expected the id of the last event received, a whole number ≥ 0 (as the Last-Event-ID header)',
  })),
  apiKey: Type.Optional(Type.String({ description: 'expected the API key (only when keys are enabled)' })),
}, { additionalProperties: false });
type StreamQuery = Static<typeof StreamQuery>;

/** Bytes a client may fall behind by before its stream is ended (it reconnects with Last-Event-ID and resumes). */
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;
function symbolFilter(raw: string | undefined): ReadonlySet<string> | null {
  return raw === undefined ? null : symbolList(raw, 'expected at least one symbol (e.g. SPY,QQQ), or no symbols parameter');
}

function lastEventId(header: string | string[] | undefined, query: string | undefined): number | null {
  const raw = query ?? (Array.isArray(header) ? header[0] : header);
  if (raw === undefined || raw === '') return null;
  if (!/^\d{1,15}$/.test(raw)) throw invalidParameter('Last-Event-ID', raw, 'expected the id of an event received, a whole number ≥ 0');
  return Number(raw);
}

/** One event in the text/event-stream format (its data is one line of JSON). */
export function sseFrame(e: StreamEvent): string {
  return `id: ${e.id}\nevent: ${e.event}\ndata: ${e.data}\n\n`;
}

/**
 * `GET /v1/stream/signals?symbols=A,B` (Server-Sent Events, docs/api.md "Signal stream"): `event: signal` for
 * each new signal and `event: summary` for each changed summary of the symbols asked (all when none), as live
 * batches arrive (LiveSignalEvents). A reconnecting client sends `Last-Event-ID` (or `?lastEventId=`) and first
 * gets every held event after it; when the ring no longer holds the next one, an `event: gap` says which ids
 * were lost. A comment line every `heartbeatMs` keeps proxies from closing an idle stream.
 */
export function registerStreamRoutes(app: FastifyInstance, events: LiveSignalEvents, heartbeatMs: number): void {
  const open = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const res of open) res.end();
    done();
  });
  app.get<{ Querystring: StreamQuery }>('/v1/stream/signals', {
    config: { rateLimit: false },
    schema: { summary: 'Server-Sent Events: new signals and changed summaries as prints arrive, resumable by Last-Event-ID', tags: ['stream'], querystring: StreamQuery },
  }, (request, reply) => {
    const symbols = symbolFilter(request.query.symbols);
    const after = lastEventId(request.headers['last-event-id'], request.query.lastEventId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': smartmoney signal stream\n\n');
    const wanted = (e: StreamEvent) => symbols === null || symbols.has(e.symbol);
    const send = (e: StreamEvent) => {
      if (!wanted(e) || res.writableEnded) return;
      res.write(sseFrame(e));
      if (res.writableLength > MAX_BACKLOG_BYTES) res.end();
    };
    if (after !== null) {
      const ring = events.ring;
      if (after + 1 < ring.oldestId) res.write(`event: gap\ndata: ${JSON.stringify({ from: after + 1, to: ring.oldestId - 1 })}\n\n`);
      for (const e of ring.since(after)) send(e);
    }
    const unsubscribe = events.subscribe(send);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    open.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
  });
}
