import type { IntradayBar } from '../core/smart-money-index/smart-money-index.ts';
import { IngestReport } from '../ingest/ingest-report.ts';
import { type IntradayBarFormat, readIntradayBars } from '../ingest/intraday-bars.ts';

/**
 * Where `GET /v1/smi/{symbol}` reads its bars: intraday index/ETF bars per symbol (docs/api.md "Smart Money
 * Index"). Bars are daily history, not the live options tape, so they come from files named at start-up
 * (`smartmoney serve --bars SYMBOL=FILE`) rather than from the store.
 */
export interface SmiBarsData {
  /** Symbols with bars, sorted. */
  symbols(): readonly string[];
  /** The symbol's bars in time order, or null when it has none. */
  bars(symbol: string): readonly IntradayBar[] | null;
}

/** The ingest outcome of one bar file, for the start-up report. */
export interface SmiBarsLoad {
  readonly symbol: string;
  readonly file: string;
  readonly format: IntradayBarFormat;
  readonly resolutionMinutes: number;
  readonly report: IngestReport;
}

/** Bars held in memory, one list per symbol (upper case). */
export class InMemorySmiBars implements SmiBarsData {
  private readonly bySymbol = new Map<string, readonly IntradayBar[]>();

  set(symbol: string, bars: readonly IntradayBar[]): void {
    this.bySymbol.set(symbol.toUpperCase(), [...bars].sort((a, b) => a.start - b.start));
  }

  symbols(): readonly string[] {
    return [...this.bySymbol.keys()].sort();
  }

  bars(symbol: string): readonly IntradayBar[] | null {
    return this.bySymbol.get(symbol.toUpperCase()) ?? null;
  }
}

/**
 * Reads each `symbol → file` (LEAN hourly or start-stamped minute bars, gzip or plain: src/ingest/intraday-bars.ts).
 * Bad rows are counted in each file's report (or, with `strict`, the first one throws a FieldError naming the
 * file, line and field). Two files for one symbol are merged.
 */
export async function loadSmiBars(files: ReadonlyArray<readonly [string, string]>, strict = false): Promise<{ data: InMemorySmiBars; loads: SmiBarsLoad[] }> {
  const data = new InMemorySmiBars();
  const loads: SmiBarsLoad[] = [];
  for (const [symbol, file] of files) {
    const report = new IngestReport();
    const read = await readIntradayBars(file, { report, strict });
    data.set(symbol, [...(data.bars(symbol) ?? []), ...read.bars]);
    loads.push({ symbol: symbol.toUpperCase(), file, format: read.format, resolutionMinutes: read.resolutionMinutes, report });
  }
  return { data, loads };
}
