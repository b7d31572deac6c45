// Party names and colours. The caller's own party is always cyan; others get distinct
// high-contrast colours in a stable order. Red is reserved for conflicts, white for sites.

import type { Party } from './api';

const OWN = '#3ad0ff';
const OTHERS = ['#ffc53d', '#9be564', '#d291ff', '#ff9f45', '#4de8c2', '#ff7ab8', '#c9b37e', '#8fa8ff'];

export class PartyBook {
  private readonly byId = new Map<string, Party>();
  private readonly colours = new Map<string, string>();
  me: Party | null = null;

  setParties(parties: Party[]): void {
    for (const p of parties) this.byId.set(p.id, p);
    for (const p of [...parties].sort((a, b) => a.id.localeCompare(b.id))) this.colour(p.id);
  }

  setMe(me: Party | null): void {
    this.me = me;
    if (me) {
      this.byId.set(me.id, me);
      this.colours.set(me.id, OWN);
    }
  }

  name(id: string | undefined | null): string {
    if (!id) return '—';
    return this.byId.get(id)?.name ?? this.byName(id)?.name ?? id;
  }

  isMe(id: string | undefined | null): boolean {
    return !!this.me && !!id && (id === this.me.id || id === this.me.name);
  }

  colour(id: string | undefined | null): string {
    if (!id) return OTHERS[OTHERS.length - 1];
    const key = this.byName(id)?.id ?? id;
    if (this.isMe(key)) return OWN;
    let c = this.colours.get(key);
    if (!c) {
      const used = new Set(this.colours.values());
      c = OTHERS.find((x) => !used.has(x)) ?? OTHERS[this.colours.size % OTHERS.length];
      this.colours.set(key, c);
    }
    return c;
  }

  /** Parties seen so far, the caller first, for the legend. */
  legend(): { id: string; name: string; colour: string; me: boolean }[] {
    return [...this.colours.keys()]
      .map((id) => ({ id, name: this.name(id), colour: this.colour(id), me: this.isMe(id) }))
      .sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name));
  }

  private byName(name: string): Party | undefined {
    for (const p of this.byId.values()) if (p.name === name) return p;
    return undefined;
  }
}
