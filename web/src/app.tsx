import { lazy, Suspense } from 'react';
import { Loading } from './components/state-views.tsx';
import { LeaderboardPage } from './pages/leaderboard-page.tsx';
import { WatchlistPage } from './pages/watchlist-page.tsx';
import { Link, type Location, useLocation } from './router.tsx';
import { ThemeContext, useTheme } from './theme.ts';

// The chart pages load lightweight-charts; the first page (the leaderboard) does not wait for it.
const SymbolPage = lazy(() => import('./pages/symbol-page.tsx').then((m) => ({ default: m.SymbolPage })));
const CryptoPage = lazy(() => import('./pages/crypto-page.tsx').then((m) => ({ default: m.CryptoPage })));
const SmiPage = lazy(() => import('./pages/smi-page.tsx').then((m) => ({ default: m.SmiPage })));

function segment(path: string, prefix: string): string | null {
  if (!path.startsWith(prefix)) return null;
  const rest = decodeURIComponent(path.slice(prefix.length).replace(/\/+$/, ''));
  return rest === '' || rest.includes('/') ? null : rest.toUpperCase();
}

function Page({ location }: { location: Location }) {
  const p = location.path;
  if (p === '/' || p === '') return <LeaderboardPage location={location} />;
  if (p === '/watchlist') return <WatchlistPage />;
  const symbol = segment(p, '/symbol/');
  if (symbol !== null) return <SymbolPage key={symbol} symbol={symbol} location={location} />;
  const asset = segment(p, '/crypto/');
  if (asset !== null) return <CryptoPage key={asset} asset={asset} location={location} />;
  if (p === '/crypto') return <CryptoPage asset="BTC" location={location} />;
  const smi = segment(p, '/smi/');
  if (smi !== null) return <SmiPage key={smi} symbol={smi} location={location} />;
  if (p === '/smi') return <SmiPage symbol="SPY" location={location} />;
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>There is no page at <code>{p}</code>. <Link to="/">Go to the leaderboard</Link>.</p>
    </div>
  );
}

const NAV = [
  { to: '/', label: 'Leaderboard', active: (p: string) => p === '/' },
  { to: '/watchlist', label: 'Watchlist', active: (p: string) => p === '/watchlist' },
  { to: '/symbol/SPY', label: 'Symbol', active: (p: string) => p.startsWith('/symbol') },
  { to: '/crypto/BTC', label: 'Crypto', active: (p: string) => p.startsWith('/crypto') },
  { to: '/smi/SPY', label: 'SMI', active: (p: string) => p.startsWith('/smi') },
];

export function App() {
  const location = useLocation();
  const [theme, toggleTheme] = useTheme();
  return (
    <ThemeContext value={theme}>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <Link to="/" className="brand">smart-money</Link>
        <nav aria-label="pages">
          <ul>{NAV.map((n) => (
            <li key={n.to}><Link to={n.to} aria-current={n.active(location.path) ? 'page' : undefined}>{n.label}</Link></li>
          ))}</ul>
        </nav>
        <button type="button" className="theme-toggle" onClick={toggleTheme} aria-label={`switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} data-testid="theme-toggle">
          {theme === 'dark' ? '☀' : '☾'}
        </button>
      </header>
      <main id="main">
        <Suspense fallback={<Loading what="the page" />}>
          <Page location={location} />
        </Suspense>
      </main>
      <footer className="foot muted small">
        Self-hosted analytics over your own data · <a href="/docs">API docs</a> · Charts by <a href="https://www.tradingview.com/" rel="noreferrer">TradingView</a> Lightweight Charts
      </footer>
    </ThemeContext>
  );
}
