import { headerIndex, splitCsvLine } from '../ingest/csv-line.ts';
import { FieldError, InputFormatError, type ParseOptions, RowRejectedError, type RowRejection } from '../ingest/ingest-report.ts';
import { readLines } from '../ingest/line-reader.ts';

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
  const out: T[] = [];
  let index: Map<string, number> | null = null;
  for await (const batch of readLines(file)) {
    let k = 0;
    if (index === null) {
      const header = batch.lines[0];
      if (header === undefined) continue;
      index = headerIndex(header);
      const h = index;
      const missing = required.filter((c) => !h.has(c));
      if (missing.length > 0) {
        throw new InputFormatError(file, `line 1: header lacks column(s) ${missing.join(', ')}; expected ${required.join(',')}`);
      }
      k = 1;
    }
    const idx = index;
    for (; k < batch.lines.length; k++) {
      const line = batch.lines[k] as string;
      if (line === '') continue;
      const f = splitCsvLine(line);
      const get = (c: string): string | undefined => {
        const i = idx.get(c);
        return i === undefined ? undefined : f[i];
      };
      try {
        const r = parse(get);
        if (isExcluded(r)) opts.report.exclude(r.excluded);
        else {
          opts.report.accept();
          out.push(r);
        }
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        const rejection: RowRejection = { file, line: batch.firstLine + k, field: e.field, value: e.value, reason: e.reason };
        opts.report.reject(rejection);
        if (opts.strict) throw new RowRejectedError(rejection);
      }
    }
  }
  if (index === null) throw new InputFormatError(file, 'empty file; expected a header line');
  return out;
}
