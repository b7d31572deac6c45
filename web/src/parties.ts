// Party names and colours. A party's colour comes from its id alone, so every viewer sees the same
// party in the same colour; the signed-in party is told apart by "(you)" and bold labels, not by
// colour. Red is reserved for conflicts, white for humanitarian sites.

import type { Party } from './api';

const PALETTE = ['#3ad0ff', '#ffc53d', '#9be564', '#d291ff', '#ff9f45', '#4de8c2', '#ff7ab8', '#c9b37e', '#8fa8ff', '#b8f04a', '#f0a0ff', '#7fd8ff'];

/** FNV-1a over the id: a stable palette slot for any party id. */
export function colourOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return PALETTE[h % PALETTE.length];
}

export class PartyBook {
  private readonly byId = new Map<string, Party>();
  private readonly seen = new Set<string>();
  me: Party | null = null;

  setParties(parties: Party[]): void {
    for (const p of parties) this.byId.set(p.id, p);
  }

  setMe(me: Party | null): void {
    this.me = me;
    if (me) this.byId.set(me.id, me);
  }

  name(id: string | undefined | null): string {
    if (!id) return '—';
    return this.byId.get(id)?.name ?? id;
  }

  isMe(id: string | undefined | null): boolean {
    return !!this.me && !!id && id === this.me.id;
  }

  colour(id: string | undefined | null): string {
    if (!id) return '#9aa7b4';
    this.seen.add(id);
    return colourOf(id);
  }

  all(): Party[] {
    return [...this.byId.values()];
  }

  /** Parties whose objects are on screen, the caller first, for the legend. */
  legend(): { id: string; name: string; colour: string; me: boolean }[] {
    return [...this.seen]
      .map((id) => ({ id, name: this.name(id), colour: colourOf(id), me: this.isMe(id) }))
      .sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name));
  }
}
