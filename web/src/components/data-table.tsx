import {
  type ColumnDef, flexRender, getCoreRowModel, getSortedRowModel, type Row, type SortingState, useReactTable,
} from '@tanstack/react-table';
import { Fragment, type KeyboardEvent, type ReactNode, useState } from 'react';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData, TValue> {
    /** Right-align numbers. */
    readonly numeric?: boolean;
  }
}

function moveFocus(e: KeyboardEvent<HTMLTableRowElement>, step: number): void {
  let next: Element | null = e.currentTarget;
  do next = step > 0 ? next.nextElementSibling : next.previousElementSibling;
  while (next !== null && !next.hasAttribute('data-row'));
  if (next instanceof HTMLElement) {
    e.preventDefault();
    next.focus();
  }
}

/**
 * A sortable table (TanStack Table 8) usable from the keyboard: column headers are buttons (Enter/Space sorts,
 * aria-sort says how), rows are focusable, ↑/↓ move between rows, Enter opens the row (`onOpen`) and, with
 * `detail`, Space shows or hides the row's detail line.
 */
export function DataTable<T>({ data, columns, label, initialSorting = [], rowId, onOpen, detail, testId }: {
  data: readonly T[];
  columns: ColumnDef<T, never>[];
  label: string;
  initialSorting?: SortingState;
  rowId: (row: T) => string;
  onOpen?: (row: T) => void;
  detail?: (row: T) => ReactNode;
  testId?: string;
}) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const table = useReactTable<T>({
    data: data as T[],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => rowId(row),
  });
  const toggle = (id: string) => setOpen((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, row: Row<T>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown') moveFocus(e, 1);
    else if (e.key === 'ArrowUp') moveFocus(e, -1);
    else if (e.key === 'Enter' && onOpen !== undefined) {
      e.preventDefault();
      onOpen(row.original);
    } else if ((e.key === ' ' || (e.key === 'Enter' && onOpen === undefined)) && detail !== undefined) {
      e.preventDefault();
      toggle(row.id);
    }
  };
  const width = table.getVisibleLeafColumns().length;
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={label} data-testid={testId}>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const numeric = h.column.columnDef.meta?.numeric === true;
                return (
                  <th key={h.id} scope="col" className={numeric ? 'num' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    {h.isPlaceholder ? null : h.column.getCanSort() ? (
                      <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="sort-mark" aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                      </button>
                    ) : flexRender(h.column.columnDef.header, h.getContext())}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <Fragment key={row.id}>
              <tr data-row="" tabIndex={0} onKeyDown={(e) => onKey(e, row)} aria-expanded={detail === undefined ? undefined : open.has(row.id)}
                onClick={detail === undefined ? undefined : (e) => {
                  if (!(e.target instanceof HTMLElement) || e.target.closest('a,button,input,select') === null) toggle(row.id);
                }} className={detail === undefined ? undefined : 'expandable'}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.columnDef.meta?.numeric === true ? 'num' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
              {detail !== undefined && open.has(row.id) ? (
                <tr className="detail-row"><td colSpan={width}>{detail(row.original)}</td></tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
