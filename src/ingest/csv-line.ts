/**
 * Splits one CSV line into fields (RFC 4180 quoting: `"a,b"` and `""` inside quotes). Lines without a
 * quote take the fast path, a plain split.
 */
export function splitCsvLine(line: string): string[] {
  if (line.indexOf('"') < 0) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; }
    else field += c;
  }
  out.push(field);
  return out;
}

/** Column positions of a header line, by lower-cased trimmed name. */
export function headerIndex(header: string): Map<string, number> {
  const cols = splitCsvLine(header).map((c) => c.trim().toLowerCase().replace(/^#/, ''));
  const m = new Map<string, number>();
  cols.forEach((c, i) => { if (!m.has(c)) m.set(c, i); });
  return m;
}
