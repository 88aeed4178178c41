import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cents, isoUtc } from '../../api/flow-signals-body.ts';
import { DEFAULT_FLOW_SETTINGS } from '../../core/options-flow/flow-settings.ts';
import type { FlowSignal } from '../../core/options-flow/flow-signal.ts';
import { summarize } from '../../core/options-flow/flow-summary.ts';
import { FlowTape } from '../../core/options-flow/flow-tape.ts';
import { SettledOiBook } from '../../core/options-flow/settled-oi-book.ts';
import { compareByScore, matchingSignals } from '../../core/options-flow/signal-query.ts';
import { rankTilts, type TiltEntry } from '../../core/options-flow/tilt-scanner.ts';
import type { EpochMs } from '../../core/units.ts';
import { DEFAULT_TAPE_DATE, generateSyntheticTape, type SyntheticManifest } from '../../synthetic/tape-generator.ts';
import { intOption, numberOption, parseCommandArgs } from '../args.ts';
import { type Command, type CommandIo, UsageError } from '../command.ts';
import { replayTogether } from './replay.ts';
import { serveCommand } from './serve.ts';
import { loadChains, loadTrades } from '../flow-inputs.ts';

const DEFAULTS = { symbols: 40, prints: 300_000, seed: 20250314 };

/** The manifest format of the synthetic equity tape (generate-tape --equity). */
const EQUITY_FORMAT = 'canonical-equity-prints-csv';

/** Real samples committed with the project (test-fixtures/…/PROVENANCE.md) that the demo server also serves. */
const REAL_SAMPLES = {
  spyHourlyBars: fileURLToPath(new URL('../../../test-fixtures/smi/SPY_hourly_2019-2021.csv.gz', import.meta.url)),
  btcCrypto: fileURLToPath(new URL('../../../test-fixtures/crypto/btc-demo.json', import.meta.url)),
};

export const demoCommand: Command = {
  name: 'demo',
  summary: 'generate a synthetic demo day (once) and show its watchlist tilt and top signals (npm start)',
  help: `Usage: smartmoney demo [--dir DIR] [--symbols N] [--prints N] [--seed S] [--json]
                      [--serve [--port N] [--replay-speed N]]

Writes a SYNTHETIC trading day with \`generate-tape --equity\` (option prints, the chain and a stock tape with
off-exchange prints) into DIR (default data/demo; reused when its manifest matches), scores every symbol's flow with the seed 004 engine and prints the seed 003 watchlist
scan (ranked by net directional premium ÷ underlying price, noise last) and the day's top signals.
Everything it shows is synthetic and says so.

Options:
  --dir DIR      where the demo tape lives (default data/demo)
  --symbols N    underlyings (default ${DEFAULTS.symbols})
  --prints N     option prints (default ${DEFAULTS.prints})
  --seed S       generator seed (default ${DEFAULTS.seed})
  --json         print the scan as JSON instead of tables
  --serve        then create the embedded store DIR/store afresh with the chain, serve the HTTP API from it
                 (as \`smartmoney serve --data DIR/store\`) and replay the day's option and equity prints into it live
                 (as \`smartmoney replay\`) until Ctrl-C; the tables above are the whole day. It also serves
                 the REAL LEAN SPY hourly bars 2019-01 → 2021-03 committed in test-fixtures/smi for /v1/smi/SPY
                 and the REAL BTC funding, stablecoin and Fear & Greed sample 2021-01 → 2023-07 of
                 test-fixtures/crypto for /v1/crypto/smart-money-score/BTC
  --port N       the API's port with --serve (default 8080)
  --replay-speed N  tape time runs N times faster than real time (default 60: the day in 6.5 minutes;
                 0 = as fast as possible)`,
  async run(argv, io) {
    const { values: v } = parseCommandArgs(argv, {
      dir: { type: 'string' }, symbols: { type: 'string' }, prints: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' },
      serve: { type: 'boolean' }, port: { type: 'string' }, 'replay-speed': { type: 'string' },
    });
    if ((v.port !== undefined || v['replay-speed'] !== undefined) && v.serve !== true) {
      throw new UsageError('--port and --replay-speed go with --serve');
    }
    const dir = resolve(v.dir ?? 'data/demo');
    const symbols = intOption(v.symbols, 'symbols', DEFAULTS.symbols, 1, 10_000);
    const prints = intOption(v.prints, 'prints', DEFAULTS.prints, 1, 100_000_000);
    const seed = intOption(v.seed, 'seed', DEFAULTS.seed, 0, 2 ** 31 - 1);
    const manifest = await ensureTape(dir, symbols, prints, seed, io);
    const tradesFile = join(dir, (manifest.files.find((f) => f.format === 'canonical-trades-csv') ?? { name: 'trades.csv' }).name);
    const chainFile = join(dir, (manifest.files.find((f) => f.format === 'canonical-chain-csv') ?? { name: 'chains.csv' }).name);
    const equityFile = join(dir, (manifest.files.find((f) => f.format === EQUITY_FORMAT) ?? { name: 'equity.csv' }).name);

    const book = new SettledOiBook(await loadChains([chainFile], io, { strict: true, quiet: true }));
    const tape = new FlowTape();
    let lastTs = 0;
    await loadTrades([tradesFile], io, { strict: true, quiet: true }, (t) => {
      tape.add(t);
      if (t.ts > lastTs) lastTs = t.ts;
    });
    const at = lastTs as EpochMs;
    const bySymbol = tape.signals(DEFAULT_FLOW_SETTINGS, book.lookup);
    const query = { at, windowMinutes: 390, minScore: 0, intent: null, structure: null, limit: 50, expiry: null };
    const entries: TiltEntry[] = [];
    const all: FlowSignal[] = [];
    for (const [symbol, list] of bySymbol) {
      const ranked = matchingSignals(list, query);
      all.push(...ranked);
      entries.push({ symbol, summary: summarize(ranked, DEFAULT_FLOW_SETTINGS), underlyingPrice: book.spotAt(symbol, at) });
    }
    const scan = rankTilts(entries);
    const top = all.sort(compareByScore).slice(0, 10);
    if (v.json === true) {
      io.stdout.write(`${JSON.stringify({
        synthetic: true, as_of: isoUtc(at), window_minutes: 390, tape: { dir, seed, symbols, prints },
        scan: scan.map((r) => ({
          rank: r.rank, symbol: r.symbol, tilt: r.summary.tilt, tilt_strength: r.summary.tiltStrength,
          net_directional_premium: cents(r.summary.netDirectionalPremium), opening_share: r.summary.openingShare,
          underlying_price: r.underlyingPrice, net_premium_per_underlying_dollar: r.netPerUnderlyingDollar,
          signal_count: r.summary.signalCount,
        })),
      }, null, 2)}\n`);
      return 0;
    }
    const lines = [
      `SYNTHETIC DEMO DAY ${manifest.date} (seed ${seed}, ${prints.toLocaleString('en-US')} prints, ${symbols} underlyings) — not market data`,
      `tape: ${tradesFile}`,
      `as of ${isoUtc(at)}, whole session`,
      '',
      'Watchlist tilt (seed 003: ranked by net directional premium ÷ underlying price; noise last)',
      row(['#', 'symbol', 'tilt', 'net premium', 'open share', 'signals', 'per $ of price']),
      ...scan.slice(0, 20).map((r) => row([
        String(r.rank), r.symbol, `${r.summary.tilt}${r.summary.tiltStrength === 'strong' ? ' (strong)' : ''}`,
        money(r.summary.netDirectionalPremium), r.summary.openingShare === null ? '—' : `${Math.round(r.summary.openingShare * 100)}%`,
        String(r.summary.signalCount), r.netPerUnderlyingDollar === null ? '—' : Math.round(r.netPerUnderlyingDollar).toLocaleString('en-US'),
      ])),
      scan.length > 20 ? `… ${scan.length - 20} more` : '',
      '',
      'Top signals (seed 004 score with its breakdown: premium/size_vs_oi/aggressor/sweep/opening/tenor)',
      row(['score', 'contract', 'side', 'size', 'premium', 'structure', 'intent', 'breakdown']),
      ...top.map((s) => row([
        String(s.score), s.contract, s.side, String(s.size), money(s.premium), s.structure, s.intent,
        Object.values(s.breakdown).join('/'),
      ])),
      '',
      `Try: bin/smartmoney signals ${scan[0]?.symbol ?? 'SPY'} --trades ${tradesFile} --chain ${chainFile} --min-score 60`,
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    if (v.serve !== true) return 0;
    io.stdout.write('\n');
    // A fresh store each run; the chain goes in first, then the day's prints replay into it live.
    const store = join(dir, 'store');
    rmSync(store, { recursive: true, force: true });
    const speed = numberOption(v['replay-speed'], 'replay-speed', 60, 0, 1_000_000);
    const serveIo: CommandIo = {
      stderr: io.stderr,
      stdout: urlWatcher(io.stdout, (url) => {
        io.stderr.write(`replaying the synthetic day into ${url} at ${speed === 0 ? 'full speed' : `${speed}× real time`} …\n`);
        replayTogether({ file: tradesFile, equityFile, url, speed, batchMs: 250 }).then(
          ([o, e]) => io.stderr.write(`demo day replayed: ${(o?.accepted ?? 0).toLocaleString('en-US')} option prints and ${(e?.accepted ?? 0).toLocaleString('en-US')} equity prints; still serving\n`),
          (e: unknown) => io.stderr.write(`replay stopped: ${(e as Error).message}\n`),
        );
      }),
    };
    return serveCommand.run(['--data', store, '--chain', chainFile, '--bars', `SPY=${REAL_SAMPLES.spyHourlyBars}`, '--crypto', REAL_SAMPLES.btcCrypto, ...(v.port === undefined ? [] : ['--port', v.port])], serveIo);
  },
};

async function ensureTape(dir: string, symbols: number, prints: number, seed: number, io: { stderr: NodeJS.WritableStream }): Promise<SyntheticManifest> {
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as SyntheticManifest;
    const hasEquity = m.files.some((f) => f.format === EQUITY_FORMAT);
    if (m.synthetic && m.seed === seed && m.symbols === symbols && m.prints === prints && hasEquity) return m;
  }
  io.stderr.write(`generating a synthetic demo day into ${dir} (${prints.toLocaleString('en-US')} prints, ${symbols} underlyings) …\n`);
  return generateSyntheticTape({ symbols, prints, seed, date: DEFAULT_TAPE_DATE, outDir: dir, gzip: false, equityPrints: 2 * prints });
}

function money(x: number): string {
  const a = Math.abs(x);
  const s = a >= 1e9 ? `${(a / 1e9).toFixed(2)}B` : a >= 1e6 ? `${(a / 1e6).toFixed(2)}M` : a >= 1e3 ? `${(a / 1e3).toFixed(0)}K` : a.toFixed(0);
  return `${x < 0 ? '-' : ''}$${s}`;
}

const WIDTHS = [6, 24, 18, 12, 11, 9, 16, 20];
function row(cells: string[]): string {
  return cells.map((c, i) => c.padEnd(WIDTHS[i] ?? 10)).join(' ').trimEnd();
}

/** Passes writes through and calls `onUrl` once with the server's address when serve prints it. */
function urlWatcher(out: NodeJS.WritableStream, onUrl: (url: string) => void): NodeJS.WritableStream {
  let seen = '';
  let fired = false;
  return new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      const text = chunk.toString();
      out.write(text);
      if (!fired) {
        seen += text;
        const m = /smartmoney API on (http:\/\/\S+)/.exec(seen);
        if (m !== null) {
          fired = true;
          onUrl(m[1] as string);
        }
      }
      cb();
    },
  });
}
