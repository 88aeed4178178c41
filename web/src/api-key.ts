/**
 * The API key the pages send when the server requires one (`smartmoney serve --api-key K`): kept in this
 * browser's localStorage, sent as the X-Api-Key header on reads and as `apiKey` on the event stream (an
 * EventSource cannot set headers; docs/api.md "API keys").
 */
const STORAGE_KEY = 'smartmoney.apiKey';

export function apiKey(): string | null {
  try {
    const k = localStorage.getItem(STORAGE_KEY);
    return k === null || k === '' ? null : k;
  } catch {
    return null;
  }
}

/** Stores (or, with null, forgets) the key; the caller reloads what it shows. */
export function setApiKey(key: string | null): void {
  try {
    if (key === null || key.trim() === '') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, key.trim());
  } catch {
    // Storage refused (private mode): the key lasts until the page is left.
  }
}

/** The stream URL with the key as a query parameter when one is set. */
export function withApiKey(url: string): string {
  const k = apiKey();
  if (k === null) return url;
  return `${url}${url.includes('?') ? '&' : '?'}apiKey=${encodeURIComponent(k)}`;
}
