// The state line of a panel: loading, a count, "not available on this hub", or an error.

export type PanelState = { kind: 'loading' } | { kind: 'ok'; count: number; noun: string } | { kind: 'unavailable'; what: string } | { kind: 'error'; message: string };

export function showState(el: HTMLElement, state: PanelState): void {
  el.dataset.status = state.kind;
  el.classList.toggle('error', state.kind === 'error');
  switch (state.kind) {
    case 'loading':
      el.textContent = 'Loading…';
      break;
    case 'ok':
      el.textContent = state.count === 0 ? `No ${state.noun}` : `${state.count} ${state.noun}`;
      break;
    case 'unavailable':
      el.textContent = `${state.what}: not available on this hub`;
      break;
    case 'error':
      el.textContent = `Error: ${state.message}`;
      break;
  }
}
