import { type FormEvent, useState } from 'react';
import { setSearch } from '../router.tsx';

/** Seed 004's filters with the API's parameter names and bounds (docs/api.md, src/server/query-schemas.ts). */
export const FILTER_KEYS = ['windowMinutes', 'minScore', 'intent', 'structure', 'expiry', 'limit'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Readonly<Record<FilterKey, string>>;

export function filtersFrom(search: URLSearchParams): Filters {
  const f = {} as Record<FilterKey, string>;
  for (const k of FILTER_KEYS) f[k] = search.get(k) ?? '';
  return f;
}

/** The filter form; applying it writes the filters into the page's URL (so a filtered view can be shared). */
export function SymbolFilters({ filters }: { filters: Filters }) {
  const [draft, setDraft] = useState<Record<FilterKey, string>>({ ...filters });
  const [seen, setSeen] = useState(filters);
  if (seen !== filters) {
    setSeen(filters);
    setDraft({ ...filters });
  }
  const set = (k: FilterKey) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setSearch(draft);
  };
  const reset = () => setSearch(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
  return (
    <form className="filters" onSubmit={apply} aria-label="signal filters" data-testid="filters">
      <label>Min score
        <input name="minScore" type="number" min={0} max={100} step={1} inputMode="numeric" placeholder="0" value={draft.minScore} onChange={set('minScore')} />
      </label>
      <label>Intent
        <select name="intent" value={draft.intent} onChange={set('intent')}>
          <option value="">any</option><option value="bullish">bullish</option><option value="bearish">bearish</option><option value="neutral">neutral</option>
        </select>
      </label>
      <label>Structure
        <select name="structure" value={draft.structure} onChange={set('structure')}>
          <option value="">any</option><option value="sweep">sweep</option><option value="block">block</option>
        </select>
      </label>
      <label>Expiry
        <input name="expiry" type="date" value={draft.expiry} onChange={set('expiry')} />
      </label>
      <label>Window (min)
        <input name="windowMinutes" type="number" min={1} max={10080} step={1} inputMode="numeric" placeholder="240" value={draft.windowMinutes} onChange={set('windowMinutes')} />
      </label>
      <label>Limit
        <input name="limit" type="number" min={1} max={500} step={1} inputMode="numeric" placeholder="50" value={draft.limit} onChange={set('limit')} />
      </label>
      <div className="filter-actions">
        <button type="submit" className="primary">Apply</button>
        <button type="button" onClick={reset}>Reset</button>
      </div>
    </form>
  );
}
