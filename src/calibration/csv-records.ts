import { headerIndex } from '../ingest/csv-line.ts';
import { readCsvRows } from '../ingest/csv-rows.ts';
import { InputFormatError, type ParseOptions, RowExcluded } from '../ingest/ingest-report.ts';

/** What a row parser returns for a row the format itself says to leave out (counted, never silent). */
export interface Excluded {
  readonly excluded: string;
}

export const exclude = (reason: string): Excluded => ({ excluded: reason });

function isExcluded(v: unknown): v is Excluded {
  return typeof v === 'object' && v !== null && 'excluded' in v;
}

/**
 * Reads a headed CSV file (plain or gzip) into records: `parse` gets each row's fields by column name and
 * returns a record, an `exclude(reason)`, or throws FieldError (→ a counted rejection naming file, line, field
 * and value; thrown as RowRejectedError when `opts.strict`). A header lacking a `required` column is an
 * InputFormatError. The calibration's three vendor layouts all go through here.
 */
export async function readCsvRecords<T>(
  file: string,
  required: readonly string[],
  opts: ParseOptions,
  parse: (get: (column: string) => string | undefined) => T | Excluded,
): Promise<T[]> {
  // One getter per file over the row being parsed, not a fresh closure per row (csv-rows.ts says why).
  let fields: readonly string[] = [];
  let columns: ReadonlyMap<string, number> = new Map();
  const get = (c: string): string | undefined => {
    const i = columns.get(c);
    return i === undefined ? undefined : fields[i];
  };
  let headed = false;
  const rows = readCsvRows(file, opts, {
    header: (line) => {
      headed = true;
      return requiredColumns(file, line, required);
    },
    row: (f, index) => {
      fields = f;
      columns = index;
      const r = parse(get);
      if (isExcluded(r)) throw new RowExcluded(r.excluded);
      return r;
    },
    exclude: true,
  });
  const out: T[] = [];
  for await (const batch of rows) for (const r of batch) out.push(r);
  if (!headed) throw new InputFormatError(file, 'empty file; expected a header line');
  return out;
}

function requiredColumns(file: string, header: string, required: readonly string[]): Map<string, number> {
  const h = headerIndex(header);
  const missing = required.filter((c) => !h.has(c));
  if (missing.length > 0) {
    throw new InputFormatError(file, `line 1: header lacks column(s) ${missing.join(', ')}; expected ${required.join(',')}`);
  }
  return h;
}
