// The console's own text from one message catalogue per language (en.ts, ru.ts), like the hotline's:
// `t(key, params)` fills `{name}` placeholders; static markup names its key in `data-i18n*` attributes.
// The language is the one chosen in this browser, else the signed-in party's agreement language.

import { en, type MessageKey } from './en';
import { ru } from './ru';

export type Lang = 'en' | 'ru';
export const LANGS: Lang[] = ['en', 'ru'];
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, ru };
const STORAGE_KEY = 'deconflict.lang';

let current: Lang = 'en';
const listeners: (() => void)[] = [];

export function lang(): Lang {
  return current;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = CATALOGUES[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** The language stored for this browser, or null when the user never chose. */
export function chosenLang(): Lang | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'ru' ? stored : null;
}

export function setLang(next: Lang, remember: boolean): void {
  if (remember) localStorage.setItem(STORAGE_KEY, next);
  current = next;
  document.documentElement.lang = next;
  applyStatic(document.body);
  for (const f of listeners) f();
}

export function onLangChange(f: () => void): void {
  listeners.push(f);
}

/** Text of markup that names its message: data-i18n (text), -aria (aria-label), -title, -placeholder. */
export function applyStatic(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria as MessageKey));
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle as MessageKey);
  for (const el of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder as MessageKey);
}

/** The language a party agreed to read in: its side of its first active agreement. */
export function agreementLang(me: string, agreements: { proposer?: string; counterparty?: string; status?: string; languages?: { proposer?: string; counterparty?: string } }[]): Lang | null {
  for (const a of agreements) {
    if (a.status !== 'active' || !a.languages) continue;
    const l = a.proposer === me ? a.languages.proposer : a.counterparty === me ? a.languages.counterparty : undefined;
    if (l === 'en' || l === 'ru') return l;
  }
  return null;
}

/** A message for a key built from hub data (a conflict kind, a level), or `fallback` when the catalogue has none. */
export function tOr(key: string, fallback: string): string {
  return key in en ? t(key as MessageKey) : fallback;
}
