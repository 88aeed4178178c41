import { splitCsvLine } from './csv-line.ts';
import { FieldError, type ParseOptions, parseRow, parseRowOrExclude } from './ingest-report.ts';
import { readLines } from './line-reader.ts';

/**
 * The row loop every streaming reader shares: lines in batches (line-reader.ts), blank lines skipped, each row
 * parsed through parseRow so it is accepted, rejected (FieldError, with its file and line) or, where the format
 * allows it, excluded (RowExcluded). Batches follow the file's order; a batch with no record is not yielded.
 */

/** How one headed CSV format is read. `I` is what the header tells (usually column positions), `T` the record. */
export interface CsvRowFormat<I, T> {
  /** Reads the file's first line; throws InputFormatError when a required column is missing. */
  readonly header: (line: string) => I;
  /** One data row's fields → a record; throws FieldError for a bad field (and RowExcluded, when `exclude`). */
  readonly row: (fields: string[], index: I) => T;
  /** Count a RowExcluded thrown by `row` as an exclusion (parseRowOrExclude) instead of letting it escape. */
  readonly exclude?: boolean;
  /**
   * Called before `row`; true consumes a line that is no record at all (LEAN's underlying row), uncounted.
   * Whatever it throws escapes: a bad metadata row is a file problem, not a row rejection.
   */
  readonly skip?: (fields: string[], index: I, lineNo: number) => boolean;
}

/** A line → its record, or null when the line was rejected, excluded or skipped. */
type LineParser<T> = (line: string, lineNo: number) => T | null;

/**
 * Streams the records of a CSV file with a header row (plain or gzip). Line 1 goes to `format.header` even when
 * blank; after it, empty lines are skipped without being counted.
 */
export async function* readCsvRows<I, T>(file: string, opts: ParseOptions, format: CsvRowFormat<I, T>): AsyncGenerator<T[]> {
  yield* parsedBatches(file, isEmpty, {
    afterHeader: (header) => csvLineParser(file, opts, format, format.header(header)),
  });
}

/**
 * Streams the records of an NDJSON file (one JSON object per line, no header). A line that is not a JSON object
 * is rejected on the pseudo-field `(line)`; whitespace-only lines are skipped without being counted.
 */
export async function* readNdjsonRows<T>(
  file: string, opts: ParseOptions, row: (obj: Record<string, unknown>) => T,
): AsyncGenerator<T[]> {
  const parse = (line: string): T => row(parseJsonObject(line));
  const parseLine: LineParser<T> = (line, lineNo) => parseRow(file, lineNo, opts, parse, line);
  yield* parsedBatches(file, isBlank, { everyLine: parseLine });
}

/**
 * The fields of a row in a format's canonical column order, given the header position of each canonical column
 * (−1 for a column the header lacks → undefined).
 */
export function fieldsInColumnOrder(fields: readonly string[], index: readonly number[]): (string | undefined)[] {
  const out = new Array<string | undefined>(index.length);
  for (let j = 0; j < index.length; j++) {
    const i = index[j] as number;
    out[j] = i < 0 ? undefined : fields[i];
  }
  return out;
}

/** The values of `columns` in a JSON object, as the text the field parsers read (jsonFieldText). */
export function jsonFieldsInColumnOrder(obj: Record<string, unknown>, columns: readonly string[]): (string | undefined)[] {
  const out = new Array<string | undefined>(columns.length);
  for (let j = 0; j < columns.length; j++) out[j] = jsonFieldText(obj[columns[j] as string]);
  return out;
}

/** Parses a line as a JSON object or throws FieldError on the pseudo-field `(line)`. */
export function parseJsonObject(line: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new FieldError('(line)', line.length > 80 ? `${line.slice(0, 80)}…` : line, 'not valid JSON');
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new FieldError('(line)', line.slice(0, 80), 'expected a JSON object');
  }
  return v as Record<string, unknown>;
}

/** A JSON value as the text the field parsers read (null/absent → undefined; numbers in full precision). */
export function jsonFieldText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NaN';
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

// The closures here are made once per file, never per row: tsx wraps every function expression in a naming
// helper at run time, so an arrow made per row would cost an extra call and allocation on every row.
function csvLineParser<I, T>(file: string, opts: ParseOptions, format: CsvRowFormat<I, T>, index: I): LineParser<T> {
  const parse = (fields: string[]): T => format.row(fields, index);
  const parseFields = format.exclude === true ? parseRowOrExclude : parseRow;
  const skip = format.skip;
  return (line, lineNo) => {
    const fields = splitCsvLine(line);
    if (skip !== undefined && skip(fields, index, lineNo)) return null;
    return parseFields(file, lineNo, opts, parse, fields);
  };
}

/** Where a file's line parser comes from: its header line (CSV), or nowhere, every line being a record (NDJSON). */
type LineSource<T> = { readonly afterHeader: (header: string) => LineParser<T> } | { readonly everyLine: LineParser<T> };

/** Batches of parsed records: every line that is not `blank` (and not the header) goes to the line parser. */
async function* parsedBatches<T>(file: string, blank: (line: string) => boolean, source: LineSource<T>): AsyncGenerator<T[]> {
  let parseLine = 'everyLine' in source ? source.everyLine : null;
  for await (const batch of readLines(file)) {
    const out: T[] = [];
    let k = 0;
    if (parseLine === null) {
      const header = batch.lines[0];
      if (header === undefined) continue;
      parseLine = 'afterHeader' in source ? source.afterHeader(header) : source.everyLine;
      k = 1;
    }
    for (; k < batch.lines.length; k++) {
      const line = batch.lines[k] as string;
      if (blank(line)) continue;
      const r = parseLine(line, batch.firstLine + k);
      if (r !== null) out.push(r);
    }
    if (out.length > 0) yield out;
  }
}

function isEmpty(line: string): boolean {
  return line === '';
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}
