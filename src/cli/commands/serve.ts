import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerDashboard } from '../../server/dashboard-routes.ts';
import { DEFAULT_CONVICTION_SETTINGS, validateConvictionSettings } from '../../core/conviction/conviction-settings.ts';
import { weightsOption } from './leaderboard.ts';
import { buildServer, type ServerSources } from '../../server/build-server.ts';
import { loadSmiBars } from '../../server/smi-bars-data.ts';
import { loadEquityDarkPool } from '../../server/equity-dark-pool.ts';
import { StoreEquityData } from '../../server/store-equity-data.ts';
import { detectEquityFormat } from '../../ingest/equity-sources.ts';
import { InputFormatError } from '../../ingest/ingest-report.ts';
import { loadCryptoFileData } from '../../server/crypto-file-data.ts';
import { loadMarketData } from '../../server/in-memory-market-data.ts';
import type { MarketData } from '../../server/market-data.ts';
import { storeLiveSink } from '../../server/live-sink.ts';
import { openDuckDbStore } from '../../store/duckdb-store.ts';
import { ingestFile } from '../../store/ingest-file.ts';
import type { MarketStore } from '../../store/market-store.ts';
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from '../../server/server-settings.ts';
import { CHAIN_FORMATS, type ChainFormat } from '../../ingest/chain-sources.ts';
import { TRADE_FORMATS, type TradeFormat } from '../../ingest/trade-sources.ts';
import { choiceOption, intOption, parseCommandArgs } from '../args.ts';
import { type Command, type CommandIo, UsageError } from '../command.ts';
import { writeReport } from '../flow-inputs.ts';

const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';

/** `stopped` resolves with the first SIGINT or SIGTERM; then, or on cancel(), the handlers are removed. */
function stopSignal(): { stopped: Promise<NodeJS.Signals>; cancel: () => void } {
  let on: (signal: NodeJS.Signals) => void = () => undefined;
  const cancel = () => {
    process.off('SIGINT', on);
    process.off('SIGTERM', on);
  };
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    on = (signal) => {
      cancel();
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
  return { stopped, cancel };
}

/** The production build of the dashboard (web/, built by `npm run build:web`). */
const DASHBOARD_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

function urlsOf(address: string, dashboard: boolean): string {
  return `smartmoney API on ${address}\n${dashboard ? `  dashboard ${address}/\n` : ''}  docs     ${address}/docs\n  OpenAPI  ${address}/openapi.json\n  health   ${address}/health\n`;
}

/** `--bars SYMBOL=FILE` (or `--bars FILE`, the symbol being the file name's leading letters: SPY_hourly… → SPY). */
export function barsSpec(spec: string): readonly [string, string] {
  const eq = spec.indexOf('=');
  const symbol = eq > 0 ? spec.slice(0, eq) : (/^[A-Za-z.]+/.exec(basename(spec))?.[0] ?? '');
  const file = eq > 0 ? spec.slice(eq + 1) : spec;
  if (!/^\^?[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/.test(symbol) || file === '') {
    throw new UsageError(`--bars was ${JSON.stringify(spec)}; expected SYMBOL=FILE (e.g. SPY=SPY_5min.csv.gz)`);
  }
  return [symbol.toUpperCase(), file];
}

async function loadBars(specs: readonly string[], strict: boolean, io: CommandIo) {
  const { data, loads } = await loadSmiBars(specs.map(barsSpec), strict);
  for (const l of loads) writeReport(io, `bars ${l.symbol}`, l.file, l.report);
  return data;
}

async function loadEquity(trades: readonly string[], quotes: readonly string[], strict: boolean, io: CommandIo): Promise<Pick<ServerSources, 'darkPool'>> {
  if (trades.length === 0) {
    if (quotes.length > 0) throw new UsageError('--equity-quotes needs --equity FILE (the trades they sign)');
    return {};
  }
  const { data, loads } = await loadEquityDarkPool({ trades, quotes }, strict);
  for (const l of loads) writeReport(io, l.kind, l.file, l.report);
  return { darkPool: data };
}

/** Each `--equity` file must hold equity prints and each `--equity-quotes` file LEAN quote ticks (checked before the store opens). */
async function checkEquityKinds(trades: readonly string[], quotes: readonly string[]): Promise<void> {
  for (const [files, wantQuotes] of [[trades, false], [quotes, true]] as const) {
    for (const file of files) {
      if (((await detectEquityFormat(file)) === 'lean-quotes') === wantQuotes) continue;
      throw new InputFormatError(file, wantQuotes ? 'not a LEAN quote tick file; give equity prints with --equity' : 'a LEAN quote tick file; give it with --equity-quotes');
    }
  }
}

/**
 * `serve --data DIR --equity FILE… --equity-quotes FILE…`: the files are ingested into the store first (idempotent,
 * as `smartmoney ingest` does); the equity tape is then the store's (StoreEquityData).
 */
async function storeEquity(store: MarketStore, trades: readonly string[], quotes: readonly string[], strict: boolean, io: CommandIo): Promise<Pick<ServerSources, 'darkPool'>> {
  for (const [files, what] of [[trades, 'equity trades'], [quotes, 'equity quotes']] as const) {
    for (const file of files) {
      const r = await ingestFile(store, file, { strict });
      if (r.report !== null) writeReport(io, what, file, r.report);
      else io.stderr.write(`${what} ${file}: already in the store\n`);
    }
  }
  return { darkPool: await StoreEquityData.open(store) };
}

async function loadCrypto(config: string, io: CommandIo) {
  const { data, lines } = await loadCryptoFileData(config);
  for (const l of lines) io.stderr.write(`crypto ${l}\n`);
  return data;
}

async function serve(argv: string[], io: CommandIo): Promise<number> {
  const { values: v, positionals } = parseCommandArgs(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    trades: { type: 'string', multiple: true },
    chain: { type: 'string', multiple: true },
    format: { type: 'string' },
    'chain-format': { type: 'string' },
    strict: { type: 'boolean' },
    'api-key': { type: 'string', multiple: true },
    'rate-limit': { type: 'string' },
    'conviction-weights': { type: 'string' },
    log: { type: 'boolean' },
    data: { type: 'string' },
    bars: { type: 'string', multiple: true },
    equity: { type: 'string', multiple: true },
    'equity-quotes': { type: 'string', multiple: true },
    crypto: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const port = intOption(v.port, 'port', DEFAULT_PORT, 0, 65_535);
  const host = v.host ?? DEFAULT_HOST;
  if (host === '') throw new UsageError('--host was ""; expected a host name or address (127.0.0.1, 0.0.0.0, ::)');
  const apiKeys = v['api-key'] ?? [];
  for (const k of apiKeys) if (k.length < 8) throw new UsageError(`--api-key was ${JSON.stringify(k)}; expected at least 8 characters`);
  const perMinute = v['rate-limit'] === undefined ? null : intOption(v['rate-limit'], 'rate-limit', 0, 1, 1_000_000);
  const settings: ServerSettings = {
    ...DEFAULT_SERVER_SETTINGS,
    apiKeys,
    rateLimit: perMinute === null ? null : { max: perMinute, windowMs: 60_000 },
    logRequests: v.log === true,
    conviction: validateConvictionSettings({ ...DEFAULT_CONVICTION_SETTINGS, weights: weightsOption(v['conviction-weights'], 'conviction-weights') }),
  };
  const tradeFormat = choiceOption(v.format, 'format', TRADE_FORMATS) as TradeFormat | undefined;
  const chainFormat = choiceOption(v['chain-format'], 'chain-format', CHAIN_FORMATS) as ChainFormat | undefined;
  let data: MarketData;
  let store: MarketStore | null = null;
  if (v.data !== undefined) {
    // The embedded store: files given with --trades/--chain are ingested first (idempotent), then served.
    await checkEquityKinds(v.equity ?? [], v['equity-quotes'] ?? []);
    store = await openDuckDbStore({ dataDir: v.data });
    for (const file of [...(v.trades ?? []), ...(v.chain ?? [])]) {
      const r = await ingestFile(store, file, { strict: v.strict === true, format: tradeFormat, chainFormat });
      if (r.report !== null) writeReport(io, r.kind, file, r.report);
      else io.stderr.write(`${r.kind} ${file}: already in the store\n`);
    }
    data = store;
  } else {
    const loaded = await loadMarketData({
      trades: v.trades ?? [], chains: v.chain ?? [], tradeFormat, chainFormat, strict: v.strict === true,
    });
    for (const r of loaded.reports) writeReport(io, r.kind, r.file, r.report);
    data = loaded.data;
  }
  const sources: ServerSources = {
    smi: await loadBars(v.bars ?? [], v.strict === true, io),
    ...(store === null
      ? await loadEquity(v.equity ?? [], v['equity-quotes'] ?? [], v.strict === true, io)
      : await storeEquity(store, v.equity ?? [], v['equity-quotes'] ?? [], v.strict === true, io)),
    ...(v.crypto === undefined ? {} : { crypto: await loadCrypto(v.crypto, io) }),
  };
  const symbols = await data.symbols();
  io.stderr.write(`serving ${symbols.length} underlyings with prints${symbols.length > 0 ? ` (${symbols.slice(0, 10).join(', ')}${symbols.length > 10 ? ', …' : ''})` : ''}`
    + `${apiKeys.length > 0 ? `; ${apiKeys.length} API key(s) required` : '; no API key required'}`
    + `${perMinute === null ? '' : `; at most ${perMinute} requests a minute per client`}\n`);
  const app = await buildServer(data, settings, store === null ? undefined : storeLiveSink(store), sources);
  const dashboard = existsSync(join(DASHBOARD_DIST, 'index.html'));
  if (dashboard) await registerDashboard(app, DASHBOARD_DIST);
  else io.stderr.write('dashboard not built (npm run build:web): serving the API only\n');
  const { stopped, cancel } = stopSignal();
  let address: string;
  try {
    address = await app.listen({ host, port });
  } catch (e) {
    cancel();
    await app.close();
    await store?.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE' || err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
      io.stderr.write(`smartmoney serve: cannot listen on ${host}:${port}: ${err.code}\n`);
      return 1;
    }
    throw e;
  }
  io.stdout.write(urlsOf(address, dashboard));
  const signal = await stopped;
  io.stderr.write(`smartmoney serve: ${signal}, stopping\n`);
  await app.close();
  await store?.close();
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the HTTP API (FlashAlpha-compatible flow, exposure and pricing endpoints) over trade and chain files',
  help: `Usage: smartmoney serve [--port N] [--host H] [--data DIR] [--trades FILE...] [--chain FILE...] [--api-key K...]
                        [--bars SYM=FILE...] [--equity FILE...] [--crypto CONFIG]
                        [--conviction-weights F,D,A,G] [--rate-limit N] [--log]

Loads the files into memory (every format the other commands read; bad rows reported on stderr) and serves
the API of docs/api.md until Ctrl-C (SIGINT) or SIGTERM: GET /v1/flow/signals/{symbol}[/summary],
/v1/flow/tilt?symbols=…, /v1/exposure/{gex,dex,vex,chex,levels}/{symbol}, /v1/maxpain/{symbol},
/v1/pricing/{greeks,iv}, /v1/smi/{symbol} (with --bars), /v1/smart-money/leaderboard, /v1/smart-money/{symbol},
/v1/darkpool/{symbol}/levels (with --equity), /v1/crypto/smart-money-score/{asset} (with --crypto), /health; ?at=ISO on every data endpoint; OpenAPI at /openapi.json, docs at /docs.
Bodies are the ones the signals, summary, gex, … commands print for the same files.

Options:
  --port N           TCP port, 0–65535 (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H           address to listen on (default ${DEFAULT_HOST}: this machine only; 0.0.0.0 for all)
  --bars SYM=FILE    intraday bars of SYM for GET /v1/smi/SYM (repeatable; LEAN hourly or 1/5/30-minute
                     bars, as \`smartmoney smi --bars\`)
  --equity FILE      equity prints (repeatable; canonical CSV/NDJSON or LEAN trade ticks) for
                     GET /v1/darkpool/{symbol}/levels and the leaderboard's dark pool evidence
  --equity-quotes F  LEAN quote ticks (repeatable) to build the NBBO that signs those prints
  --crypto FILE      a JSON config of crypto metric files per asset for GET /v1/crypto/smart-money-score/{asset}
                     ({"BTC": {"funding": [files], "fear_greed": file, …}}; see \`smartmoney crypto-score --help\`)
  --data DIR         serve from the embedded store in DIR (created if missing; see \`smartmoney ingest\`);
                     files given with --trades/--chain/--equity/--equity-quotes are ingested into it
                     first (idempotent); the dark pool, bars and leaderboard read equity prints from it
  --trades FILE      option trades (repeatable): canonical CSV or NDJSON, Cboe DataShop; gzip read transparently
  --chain FILE       chain snapshots (repeatable): canonical, LEAN universe or Yahoo
  --format F         force the trade format: ${TRADE_FORMATS.join(', ')}
  --chain-format F   force the chain format: ${CHAIN_FORMATS.join(', ')}
  --strict           stop at the first bad row instead of counting and reporting it
  --api-key K        require this key (X-Api-Key header or apiKey parameter; repeatable; at least 8
                     characters); without it every request is served. /health and /docs stay public
  --conviction-weights F,D,A,G  the leaderboard's composite weights: options flow, dark pool, alert cluster,
                     greek positioning (default 0.4,0.25,0.2,0.15; docs/methodology.md)
  --rate-limit N     at most N requests a minute per client (API key, else address), with X-RateLimit-*
                     headers and 429 + Retry-After past it (default: no limit)
  --log              log each request on stdout (JSON lines)

Example:
  smartmoney generate-tape --out /tmp/tape && smartmoney serve --trades /tmp/tape/trades.csv --chain /tmp/tape/chains.csv
  curl 'http://127.0.0.1:8080/v1/flow/signals/SPY/summary'`,
  run: serve,
};
