// Entry point: sign in with a party API key (kept in sessionStorage for this tab only; a link
// with `#key=...` signs in directly and the key is removed from the address bar), then start.

import 'maplibre-gl/dist/maplibre-gl.css';
import './style.css';
import { HubClient, HttpError } from './api';
import { byId } from './dom';
import { ConsoleApp, selectTab } from './console';
import { chosenLang, setLang, t } from './i18n/i18n';

const STORAGE_KEY = 'deconflict.key';

function keyFromHash(): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const key = params.get('key');
  if (key) history.replaceState(null, '', location.pathname + location.search);
  return key;
}

async function verify(key: string): Promise<string | null> {
  const client = new HubClient(key);
  try {
    await HubClient.ok(client.api.GET('/api/v1/parties'));
    return null;
  } catch (e) {
    if (e instanceof HttpError && (e.status === 401 || e.status === 403)) return t('signin.rejected');
    if (e instanceof HttpError && e.status === 404) return null;
    return t('signin.unreachable', { detail: e instanceof Error ? e.message : String(e) });
  }
}

function showSignIn(message: string | null): void {
  byId('signin').hidden = false;
  byId('app').hidden = true;
  const error = byId('signin-error');
  error.textContent = message ?? '';
  error.hidden = !message;
  byId<HTMLInputElement>('signin-key').focus();
}

async function start(key: string): Promise<void> {
  const problem = await verify(key);
  if (problem) {
    sessionStorage.removeItem(STORAGE_KEY);
    showSignIn(problem);
    return;
  }
  sessionStorage.setItem(STORAGE_KEY, key);
  byId('signin').hidden = true;
  byId('app').hidden = false;
  const app = new ConsoleApp(new HubClient(key), () => {
    sessionStorage.removeItem(STORAGE_KEY);
    showSignIn(t('signin.revoked'));
  });
  byId('signout').addEventListener('click', () => {
    app.stop();
    sessionStorage.removeItem(STORAGE_KEY);
    location.reload();
  });
  try {
    await app.start();
  } catch (e) {
    document.body.dataset.console = 'failed';
    const banner = byId('banner');
    banner.hidden = false;
    banner.textContent = t('console.failed', { detail: e instanceof Error ? e.message : String(e) });
  }
}

function wireTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab.dataset.tab ?? 'conflicts'));
    tab.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      selectTab(next.dataset.tab ?? 'conflicts');
      next.focus();
      e.preventDefault();
    });
  });
  selectTab('conflicts');
}

setLang(chosenLang() ?? 'en', false);
wireTabs();
byId<HTMLFormElement>('signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = byId<HTMLInputElement>('signin-key').value.trim();
  if (key) void start(key);
});
const initial = keyFromHash() ?? sessionStorage.getItem(STORAGE_KEY);
if (initial) void start(initial);
else showSignIn(null);
