// The signed-in console: loads the picture from the hub, keeps it live from the event stream
// (with periodic reconciliation), and renders the map, the panels and the hotline.

import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { HubClient, type Conflict, type InboxEntry, type IntentSummary, type Party, type Track } from './api';
import { loadBasemapStyle } from './basemap';
import { byId, clear, h } from './dom';
import { EventStream, type HubEvent, type StreamState } from './events';
import { altBand, clock, flightLevel, latLon, utcDateTime } from './format';
import { MapView, type Selection } from './mapview';
import { PartyBook } from './parties';
import { Picture, conflictObjectIds } from './picture';
import { parseSites } from './sites';
import { bounds, positionsOf, volumesOf } from './volumes';
import { renderConflicts } from './panels/conflicts';
import { renderInbox, ThreadView } from './panels/hotline';
import { renderIntents, renderSites, renderTracks } from './panels/lists';
import { showState } from './panels/status';
import { parseTemplates } from './panels/templates';
import type { LonLat } from './geodesy';

type Section = 'tracks' | 'intents' | 'conflicts' | 'sites' | 'inbox';

export class ConsoleApp {
  private readonly parties = new PartyBook();
  private readonly picture = new Picture(this.parties);
  private map!: MapView;
  private stream!: EventStream;
  private inbox: InboxEntry[] = [];
  private thread!: ThreadView;
  private readonly timers: number[] = [];
  private readonly scheduled = new Map<string, number>();
  private live = false;
  private fitted = false;

  constructor(
    private readonly client: HubClient,
    private readonly onKeyRejected: () => void,
  ) {}

  async start(): Promise<void> {
    this.startClock();
    this.thread = new ThreadView(byId('thread'), this.client, this.parties, () => this.schedule('inbox', 200));
    this.wireLayerToggles();
    this.map = new MapView(byId('map'), await loadBasemapStyle(), (s, at) => this.popup(s, at));
    await this.loadParties();
    await Promise.all([this.loadTracks(), this.loadIntents(), this.loadConflicts(), this.loadSites(), this.loadInbox(), this.loadTemplates()]);
    this.render();
    await this.map.whenReady();
    this.fitAll();
    document.body.dataset.console = 'ready';
    this.stream = new EventStream(this.client, (e) => this.onEvent(e), (s, d) => this.onStreamState(s, d));
    this.stream.start();
    this.timers.push(window.setInterval(() => void this.reconcile(), 15000));
  }

  stop(): void {
    this.stream?.stop();
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
  }

  private startClock(): void {
    const el = byId('clock');
    const tick = () => (el.textContent = clock(new Date()));
    tick();
    this.timers.push(window.setInterval(tick, 1000));
  }

  private async loadParties(): Promise<void> {
    const [me, parties] = await Promise.all([this.client.list<Party>('/api/v1/me'), this.client.list<Party[]>('/api/v1/parties')]);
    if (parties.kind === 'ok' && Array.isArray(parties.value)) this.parties.setParties(parties.value);
    const session = me.kind === 'ok' ? (me.value as Party & { is_admin?: boolean }) : null;
    if (session && typeof session.id === 'string') this.parties.setMe(session);
    const who = byId('party');
    who.textContent = this.parties.me ? `${this.parties.me.name} (${this.parties.me.kind})` : session?.is_admin ? 'Admin (no party)' : 'Signed in';
  }

  private async loadTemplates(): Promise<void> {
    const t = await this.client.list<unknown>('/api/v1/hotline/templates');
    if (t.kind === 'ok') this.thread.setTemplates(parseTemplates(t.value));
  }

  private async loadTracks(): Promise<void> {
    const r = await this.client.list<Track[]>('/api/v1/tracks');
    if (r.kind === 'ok' && Array.isArray(r.value)) this.picture.replaceTracks(r.value);
    this.status('tracks', r, 'Live tracks', this.picture.tracks.size, 'live tracks');
  }

  private async loadIntents(): Promise<void> {
    const r = await this.client.list<IntentSummary[]>('/api/v1/intents');
    if (r.kind === 'ok' && Array.isArray(r.value)) {
      const seen = new Set(r.value.map((s) => s.id));
      for (const id of [...this.picture.intents.keys()]) if (!seen.has(id)) this.picture.intents.delete(id);
      const stale = r.value.filter((s) => String(this.picture.intents.get(s.id)?.summary.version) !== String(s.version) || this.picture.intents.get(s.id)?.summary.state !== s.state);
      await pool(stale, 6, async (s) => {
        try {
          const body = await this.client.get<FeatureCollection>(`/api/v1/intents/${encodeURIComponent(s.id)}`);
          this.picture.intents.set(s.id, { summary: s, volumes: volumesOf(body, s.id, s.party, s.state) });
        } catch {
          this.picture.intents.set(s.id, { summary: s, volumes: [] });
        }
      });
    }
    this.status('intents', r, 'Intents', this.picture.intents.size, 'intents');
  }

  private async loadConflicts(): Promise<void> {
    const r = await this.client.list<Conflict[]>('/api/v1/conflicts?state=open');
    // Details a hub nests under `detail` (overlap window, CPA, position) are read as the conflict's own fields.
    if (r.kind === 'ok' && Array.isArray(r.value)) {
      this.picture.conflicts = r.value.map((c) => (c.detail && typeof c.detail === 'object' ? { ...(c.detail as object), ...c } : c));
    }
    this.status('conflicts', r, 'Conflicts', this.picture.conflicts.length, 'open conflicts');
    byId('count-conflicts').textContent = this.picture.conflicts.length > 0 ? String(this.picture.conflicts.length) : '';
  }

  private async loadSites(): Promise<void> {
    const [sites, movements] = await Promise.all([this.client.list<unknown>('/api/v1/sites'), this.client.list<unknown>('/api/v1/movements')]);
    const all = [...(sites.kind === 'ok' ? parseSites(sites.value, 'site') : []), ...(movements.kind === 'ok' ? parseSites(movements.value, 'movement') : [])];
    this.picture.sites = all;
    this.status('sites', sites.kind === 'ok' || movements.kind !== 'ok' ? sites : movements, 'Humanitarian sites', all.length, 'sites and movements');
  }

  private async loadInbox(): Promise<void> {
    const r = await this.client.list<InboxEntry[]>('/api/v1/inbox');
    if (r.kind === 'ok' && Array.isArray(r.value)) this.inbox = r.value;
    this.status('inbox', r, 'Hotline inbox', this.inbox.length, 'threads');
    const unread = this.inbox.reduce((n, e) => n + (e.unread ?? 0), 0);
    byId('count-inbox').textContent = unread > 0 ? String(unread) : '';
    if (r.kind === 'ok') renderInbox(byId('inbox-list'), this.inbox, (id) => void this.openThread(id));
    if (this.thread.openThread) await this.thread.reload();
  }

  private status(section: Section, r: { kind: string; message?: string; status?: number }, what: string, count: number, noun: string): void {
    if (r.kind === 'error' && r.status === 401) {
      // The key was revoked (or the hub forgot it): back to sign-in rather than a console of errors.
      this.stop();
      this.onKeyRejected();
      return;
    }
    const el = byId(`status-${section}`);
    if (r.kind === 'ok') showState(el, { kind: 'ok', count, noun });
    else if (r.kind === 'unavailable') showState(el, { kind: 'unavailable', what });
    else showState(el, { kind: 'error', message: r.message ?? 'failed' });
    byId(`panel-${section}`).dataset.status = r.kind;
  }

  private render(): void {
    const hot = this.picture.conflicted();
    const v = this.picture.volumeCollections();
    this.map.setVolumes(v.volumes, v.labels);
    this.renderTracks();
    const c = this.picture.conflictCollections();
    this.map.setConflicts(c.points, c.links);
    this.map.setSites(this.picture.siteCollection());
    renderIntents(byId('intent-list'), this.picture.intents, hot.intents, this.parties, (id) => this.focusIntent(id));
    renderSites(byId('site-list'), this.picture.sites, hot.sites, (id) => this.focusSite(id));
    renderConflicts(byId('conflict-list'), this.picture.conflicts, this.parties, (id) => this.inbox.find((e) => e.conflict_id === id)?.thread_id ?? null,
      (conflict) => this.focusConflict(conflict), (thread) => void this.openThread(thread));
    this.renderLegend();
  }

  private renderTracks(): void {
    const t = this.picture.trackCollections();
    this.map.setTracks(t.tracks, t.leaders);
    renderTracks(byId('track-list'), this.picture.tracks, this.picture.conflicted().tracks, this.parties, (id) => this.focusTrack(id));
    const status = byId('status-tracks');
    if (status.dataset.status === 'ok') showState(status, { kind: 'ok', count: this.picture.tracks.size, noun: 'live tracks' });
  }

  private renderLegend(): void {
    const legend = byId('legend');
    clear(legend);
    for (const p of this.parties.legend()) {
      legend.append(h('li', {}, h('span', { class: 'swatch', style: `background:${p.colour}`, 'aria-hidden': 'true' }), p.me ? `${p.name} (you)` : p.name));
    }
    legend.append(h('li', {}, h('span', { class: 'swatch conflict', 'aria-hidden': 'true' }), 'Conflict'));
    legend.append(h('li', {}, h('span', { class: 'swatch site', 'aria-hidden': 'true' }), 'Humanitarian site'));
  }

  private onEvent(e: HubEvent): void {
    let data: unknown = null;
    try {
      data = e.data ? JSON.parse(e.data) : null;
    } catch {
      return;
    }
    switch (e.type) {
      case 'track': {
        const items = Array.isArray(data) ? data : [data];
        for (const t of items as Track[]) {
          const r = t as unknown as Record<string, unknown>;
          if (r && (r.removed === true || r.status === 'stale' || r.deleted === true) && typeof r.id === 'string') this.picture.tracks.delete(r.id);
          else if (t) this.picture.upsertTrack(t);
        }
        this.schedule('render-tracks', 250);
        break;
      }
      case 'conflict':
        this.schedule('conflicts', 300);
        break;
      case 'intent':
        this.schedule('intents', 500);
        break;
      case 'message':
      case 'escalation':
        this.schedule('inbox', 300);
        break;
      case 'site':
      case 'movement':
        this.schedule('sites', 500);
        break;
    }
  }

  private schedule(what: string, delayMs: number): void {
    if (this.scheduled.has(what)) return;
    this.scheduled.set(what, window.setTimeout(() => {
      this.scheduled.delete(what);
      const run = async () => {
        if (what === 'render-tracks') return this.renderTracks();
        if (what === 'conflicts') await this.loadConflicts();
        else if (what === 'intents') await this.loadIntents();
        else if (what === 'sites') await this.loadSites();
        else if (what === 'inbox') return this.loadInbox();
        this.render();
      };
      void run();
    }, delayMs));
  }

  private async reconcile(): Promise<void> {
    const loads = [this.loadTracks(), this.loadConflicts(), this.loadInbox()];
    if (!this.live) loads.push(this.loadIntents());
    await Promise.all(loads);
    this.render();
  }

  private onStreamState(state: StreamState, detail?: string): void {
    this.live = state === 'live';
    if (state === 'denied') {
      this.stop();
      this.onKeyRejected();
      return;
    }
    const el = byId('stream');
    el.dataset.state = state;
    el.textContent = { connecting: 'CONNECTING', live: 'LIVE', retrying: 'RECONNECTING', unavailable: 'POLLING (no event stream on this hub)', denied: 'STREAM DENIED' }[state];
    el.title = detail ?? '';
    if (state === 'unavailable' && this.timers.length < 4) this.timers.push(window.setInterval(() => void this.loadIntents().then(() => this.render()), 5000));
  }

  private async openThread(threadId: string): Promise<void> {
    selectTab('inbox');
    await this.thread.open(threadId);
  }

  private fitAll(): void {
    const pts: LonLat[] = [];
    for (const e of this.picture.intents.values()) for (const v of e.volumes) pts.push(...positionsOf(v));
    for (const t of this.picture.tracks.values()) pts.push([t.lon_deg, t.lat_deg]);
    const b = bounds(pts);
    if (b && !this.fitted) {
      this.fitted = true;
      this.map.fit(b, 8);
    }
  }

  private focusIntent(id: string): void {
    const e = this.picture.intents.get(id);
    const b = e ? bounds(e.volumes.flatMap(positionsOf)) : null;
    if (b) this.map.fit(b);
  }

  private focusTrack(id: string): void {
    const t = this.picture.tracks.get(id);
    if (t) this.map.fit([t.lon_deg, t.lat_deg, t.lon_deg, t.lat_deg]);
  }

  private focusSite(id: string): void {
    const s = this.picture.sites.find((x) => x.id === id);
    if (!s) return;
    const coords = JSON.stringify(s.geometry).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [];
    const b = bounds(coords.map((c) => c.split(',').map(Number) as LonLat));
    if (b) this.map.fit(b);
  }

  private focusConflict(c: Conflict): void {
    const ids = conflictObjectIds(c);
    const pts: LonLat[] = [...this.picture.conflictPositions(c)];
    for (const id of [...ids.intents, ...ids.any]) for (const v of this.picture.intents.get(id)?.volumes ?? []) pts.push(...positionsOf(v));
    const b = bounds(pts);
    if (b) this.map.fit(b);
  }

  private popup(s: Selection, at: maplibregl.LngLat): void {
    const p = (s.feature.properties ?? {}) as Record<string, unknown>;
    let body: HTMLElement;
    if (s.layer === 'track') {
      body = h('div', {}, h('strong', {}, s.id), h('div', {}, this.parties.name(String(p.party))),
        h('div', { class: 'mono' }, [flightLevel(p.alt_ft == null ? null : Number(p.alt_ft)), p.gs_kt == null ? null : `${Math.round(Number(p.gs_kt))} kt`,
          `${Math.round(Number(p.trk_deg))}°`, p.vs_fpm ? `${Math.round(Number(p.vs_fpm))} fpm` : null].filter(Boolean).join(' · ')),
        h('div', { class: 'mono small muted' }, `Reported ${utcDateTime(String(p.t))}`),
        h('div', { class: 'mono' }, latLon(at.lat, at.lng)), p.intent_id ? h('div', {}, `Intent ${String(p.intent_id)}`) : null);
    } else if (s.layer === 'volume') {
      body = h('div', {}, h('strong', {}, `Intent ${String(p.intent_id)}`), h('div', {}, `${this.parties.name(String(p.party))} · ${String(p.state)} · priority ${String(p.priority)}`),
        h('div', { class: 'mono' }, `${String(p.shape)} · ${altBand(Number(p.alt_lower_ft), Number(p.alt_upper_ft))}`),
        h('div', { class: 'mono' }, `${utcDateTime(String(p.time_start))} – ${utcDateTime(String(p.time_end))}`),
        p.conflicted ? h('div', { class: 'error' }, 'In an open conflict') : null);
    } else if (s.layer === 'conflict') {
      const c = this.picture.conflicts.find((x) => x.id === s.id);
      body = h('div', {}, h('strong', {}, `Conflict ${s.id}`), h('div', {}, `${String(c?.kind ?? p.kind)} · ${String(c?.level ?? p.level ?? '')}`),
        h('div', {}, (c?.parties ?? []).map((x) => this.parties.name(x)).join(' · ')));
    } else {
      body = h('div', {}, h('strong', {}, String(p.name ?? s.id)), h('div', {}, String(p.category ?? 'site')), h('div', { class: 'mono' }, latLon(at.lat, at.lng)));
    }
    new maplibregl.Popup({ closeButton: true, maxWidth: '320px', className: 'dc-popup' }).setLngLat(at).setDOMContent(body).addTo(this.map.map);
  }

  private wireLayerToggles(): void {
    for (const group of ['volumes', 'tracks', 'conflicts', 'sites', 'labels'] as const) {
      const box = byId<HTMLInputElement>(`layer-${group}`);
      box.addEventListener('change', () => this.map.setLayerVisible(group, box.checked));
    }
  }
}

export function selectTab(name: string): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
    const on = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    byId(`panel-${tab.dataset.tab}`).hidden = !on;
  }
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
