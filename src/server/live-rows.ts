import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { CHAIN_COLUMNS, chainContractFromFields, type ChainColumn } from '../ingest/canonical-chain.ts';
import { TRADE_COLUMNS, tradeColumnIndex, tradeFromFields } from '../ingest/canonical-trades.ts';
import { headerIndex, splitCsvLine } from '../ingest/csv-line.ts';
import { fieldsInColumnOrder, jsonFieldsInColumnOrder, jsonFieldText, parseJsonObject } from '../ingest/csv-rows.ts';
import { IngestReport, InputFormatError, parseRow } from '../ingest/ingest-report.ts';
import { EQUITY_PRINT_COLUMNS, equityPrintColumnIndex, equityPrintFromFields } from '../ingest/equity-prints.ts';

/** What a live body carries, and how it is written. */
export type LiveKind = 'trades' | 'chain' | 'equity';
export type LiveBodyFormat = 'ndjson' | 'csv';

/**
 * Rows of a request body parsed line by line with the file readers' rules (canonical-trades.ts,
 * canonical-chain.ts, equity-prints.ts, csv-rows.ts): CSV needs the canonical header on line 1 (any column order, optional
 * columns may be left out); NDJSON is one JSON object per line; blank lines are skipped uncounted; each row is
 * accepted or rejected (FieldError → a rejection with its 1-based line number, field, value and reason) into
 * `report`, and a bad row never stops the rest. A CSV header lacking a required column throws InputFormatError.
 */
export class LiveRowParser<T> {
  readonly report: IngestReport;
  readonly rows: T[] = [];
  private parseCsv: ((fields: string[]) => T) | null = null;
  private lineNo = 0;

  constructor(
    private readonly kind: LiveKind, private readonly format: LiveBodyFormat, private readonly source: string, keep: number,
  ) {
    this.report = new IngestReport(keep);
  }

  /** Parses the next line of the body (without its line ending). */
  line(text: string): void {
    const lineNo = ++this.lineNo;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (this.format === 'csv') {
      if (this.parseCsv === null) {
        this.parseCsv = this.csvRowParser(line);
        return;
      }
      if (line === '') return;
      const parse = this.parseCsv;
      this.push(parseRow(this.source, lineNo, this.opts, () => parse(splitCsvLine(line))));
      return;
    }
    if (line.trim() === '') return;
    this.push(parseRow(this.source, lineNo, this.opts, () => this.jsonRow(line)));
  }

  /** True when line 1 (the CSV header) has been read, or the body is NDJSON. */
  get started(): boolean {
    return this.format === 'ndjson' || this.parseCsv !== null;
  }

  private get opts() {
    return { report: this.report, strict: false };
  }

  private push(row: T | null): void {
    if (row !== null) this.rows.push(row);
  }

  private jsonRow(line: string): T {
    const obj = parseJsonObject(line);
    if (this.kind === 'trades') return tradeFromFields(jsonFieldsInColumnOrder(obj, TRADE_COLUMNS)) as T;
    if (this.kind === 'equity') return equityPrintFromFields(jsonFieldsInColumnOrder(obj, EQUITY_PRINT_COLUMNS)) as T;
    return chainContractFromFields((c) => jsonFieldText(obj[c])) as T;
  }

  private csvRowParser(header: string): (fields: string[]) => T {
    if (this.kind === 'trades') {
      const index = tradeColumnIndex(this.source, header);
      return (fields) => tradeFromFields(fieldsInColumnOrder(fields, index)) as T;
    }
    if (this.kind === 'equity') {
      const index = equityPrintColumnIndex(this.source, header);
      return (fields) => equityPrintFromFields(fieldsInColumnOrder(fields, index)) as T;
    }
    const h = headerIndex(header);
    const required = CHAIN_COLUMNS.filter((c) => !CHAIN_OPTIONAL.has(c));
    const missing = required.filter((c) => !h.has(c));
    if (missing.length > 0) {
      throw new InputFormatError(this.source, `line 1: header lacks column(s) ${missing.join(', ')}; expected ${CHAIN_COLUMNS.join(',')}`);
    }
    return (fields) => {
      const get = (c: ChainColumn): string | undefined => {
        const i = h.get(c);
        return i === undefined ? undefined : fields[i];
      };
      return chainContractFromFields(get) as T;
    };
  }
}

const CHAIN_OPTIONAL: ReadonlySet<ChainColumn> = new Set(['underlying_price', 'bid', 'ask', 'volume', 'iv']);

export type LiveTradeParser = LiveRowParser<OptionTrade>;
export type LiveChainParser = LiveRowParser<ChainContract>;
