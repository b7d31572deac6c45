// The state line of a panel: loading, a count, "not available on this hub", or an error.

import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

export type PanelState = { kind: 'loading' } | { kind: 'ok'; count: number; noun: MessageKey } | { kind: 'unavailable'; what: MessageKey } | { kind: 'error'; message: string };

export function showState(el: HTMLElement, state: PanelState): void {
  el.dataset.status = state.kind;
  el.classList.toggle('error', state.kind === 'error');
  switch (state.kind) {
    case 'loading':
      el.textContent = t('status.loading');
      break;
    case 'ok':
      el.textContent = state.count === 0 ? t('status.none', { what: t(state.noun) }) : `${state.count} ${t(state.noun)}`;
      break;
    case 'unavailable':
      el.textContent = t('status.unavailable', { what: t(state.what) });
      break;
    case 'error':
      el.textContent = t('status.error', { message: state.message });
      break;
  }
}
