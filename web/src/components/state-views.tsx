import { type ReactNode, useState } from 'react';
import { apiKey, setApiKey } from '../api-key.ts';
import type { Loadable } from '../use-api.ts';

export function Loading({ what }: { what: string }) {
  return <div className="state state-loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" /> Loading {what}…</div>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty" role="status">{children}</div>;
}

export function NotAvailable({ what, message }: { what: string; message: string }) {
  return (
    <div className="state state-unavailable" role="status">
      <strong>{what}: not available on this server.</strong>
      <span className="muted"> {message}</span>
    </div>
  );
}

/** The server wants an API key (401 missing / 403 invalid): a field to give it, kept in this browser. */
function ApiKeyForm({ code }: { code: string }) {
  const [value, setValue] = useState('');
  return (
    <form className="api-key-form" aria-label="API key" data-testid="api-key-form" onSubmit={(e) => {
      e.preventDefault();
      setApiKey(value);
      window.location.reload();
    }}>
      <label>{code === 'invalid_api_key' ? 'That key was refused; another' : 'This server needs an'} API key
        <input type="password" name="apiKey" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" disabled={value.trim() === ''}>Use key</button>
      {apiKey() === null ? null : <button type="button" onClick={() => { setApiKey(null); window.location.reload(); }}>Forget the stored key</button>}
    </form>
  );
}

export function ErrorView({ what, status, code, message, onRetry }: { what: string; status: number; code: string; message: string; onRetry?: () => void }) {
  const needsKey = code === 'missing_api_key' || code === 'invalid_api_key';
  return (
    <div className="state state-error" role="alert">
      <strong>{what} could not be loaded</strong> <code>{status === 0 ? code : `${status} ${code}`}</code>
      <div>{message}</div>
      {needsKey ? <ApiKeyForm code={code} /> : null}
      {onRetry === undefined || needsKey ? null : <button type="button" onClick={onRetry}>Retry</button>}
    </div>
  );
}

/**
 * Renders `children(body)` once loaded; otherwise the loading, "not available on this server" (404 not_found)
 * or error state, all with the same wording across the pages.
 */
export function Loaded<T>({ state, what, onRetry, children }: {
  state: Loadable<T>; what: string; onRetry?: () => void; children: (body: T) => ReactNode;
}) {
  switch (state.kind) {
    case 'loading': return <Loading what={what} />;
    case 'not_available': return <NotAvailable what={what} message={state.message} />;
    // 404 no_data / unknown_symbol: the endpoint exists but has nothing for this symbol, date or moment: an empty
    // state with the server's words (which name what it does have), not a failure.
    case 'error': return state.status === 404 && (state.code === 'no_data' || state.code === 'unknown_symbol') ? <Empty>{state.message}</Empty> : <ErrorView what={what} status={state.status} code={state.code} message={state.message} {...(onRetry === undefined ? {} : { onRetry })} />;
    case 'ok': return <>{children(state.body)}</>;
  }
}
