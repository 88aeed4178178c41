import { type FormEvent, useState } from 'react';
import { navigate } from '../router.tsx';

const SYMBOL = /^\^?[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;

/** A box to jump to another symbol's page (same pattern the API accepts). */
export function SymbolSearch({ current, base = '/symbol' }: { current: string; base?: string }) {
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const go = (e: FormEvent) => {
    e.preventDefault();
    const s = value.trim().toUpperCase();
    if (!SYMBOL.test(s)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setValue('');
    navigate(`${base}/${encodeURIComponent(s)}`);
  };
  return (
    <form className="symbol-search" onSubmit={go} role="search">
      <input aria-label="go to symbol" placeholder={current} value={value} aria-invalid={invalid} onChange={(e) => setValue(e.target.value)} />
      <button type="submit">Go</button>
    </form>
  );
}
