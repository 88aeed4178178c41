import { type ColumnDef, createColumnHelper } from '@tanstack/react-table';
import type { FlowSignal } from '../api-types.ts';
import { BreakdownBar, BreakdownDetail } from '../components/bars.tsx';
import { DataTable } from '../components/data-table.tsx';
import { count, money, nyTime, price } from '../format.ts';

const col = createColumnHelper<FlowSignal>();

const columns = [
  col.accessor('ts', { header: 'Time (ET)', cell: (c) => nyTime(c.getValue()) }),
  col.accessor('contract', { header: 'Contract', cell: (c) => <span className="mono">{c.getValue()}</span> }),
  col.accessor('side', { header: 'Side' }),
  col.accessor('size', { header: 'Size', cell: (c) => count(c.getValue()), meta: { numeric: true } }),
  col.accessor('price', { header: 'Price', cell: (c) => price(c.getValue()), meta: { numeric: true } }),
  col.accessor('premium', { header: 'Premium', cell: (c) => money(c.getValue()), meta: { numeric: true } }),
  col.accessor('structure', { header: 'Structure' }),
  col.accessor('intent', { header: 'Intent', cell: (c) => <span className={`tag intent-${c.getValue()}`}>{c.getValue()}</span> }),
  col.accessor('open_close_bias', { header: 'Bias', cell: (c) => String(c.getValue()).replace('Bias', '').toLowerCase() }),
  col.accessor('score', {
    header: 'Score', meta: { numeric: true },
    cell: (c) => <span className="score-cell"><BreakdownBar breakdown={c.row.original.score_breakdown} score={c.getValue()} /><b>{c.getValue()}</b></span>,
  }),
  col.accessor((s) => s.tags.join(' '), {
    id: 'tags', header: 'Tags', enableSorting: false,
    cell: (c) => <span className="tags">{c.row.original.tags.map((t) => <span key={t} className={`tag tag-${t}`}>{t}</span>)}</span>,
  }),
] as ColumnDef<FlowSignal, never>[];

const signalId = (s: FlowSignal) => `${s.contract}|${s.ts}|${s.side}`;

/** The flow signals, best score first, each with its score breakdown bar; a row opens its six components. */
export function SignalsTable({ signals }: { signals: readonly FlowSignal[] }) {
  return (
    <DataTable data={signals} columns={columns} label="flow signals" testId="signals-table" rowId={signalId}
      initialSorting={[{ id: 'score', desc: true }]}
      detail={(s) => (
        <div className="signal-detail">
          <BreakdownDetail breakdown={s.score_breakdown} score={s.score} />
          <p className="muted">{s.contract} · {s.print_count} print{s.print_count === 1 ? '' : 's'} · {s.aggressor.replace('_', ' ')} · {s.dte} DTE · conviction {s.conviction}</p>
        </div>
      )} />
  );
}
