// The signed-in console: loads the picture from the hub, keeps it live from the event stream (with
// periodic reconciliation), and renders the map, the timeline, the panels and the hotline; the
// officer declares, checks and changes intents, acknowledges sites and alerts, reports strikes and
// manages agreements from here. Objects are keyed by identity (kind, owner party, id).

import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { HubClient, type Conflict, type InboxEntry, type Track } from './api';
import { Alerter } from './alerts';
import { loadBasemapStyle } from './basemap';
import { collections, conflictFeatures, detailOf } from './conflictgeometry';
import { cursorText, mgrsSquares } from './coords';
import { byId, clear, h } from './dom';
import { MapTools, type Tool } from './draw';
import { EventStream, type HubEvent, type StreamState } from './events';
import { altBand, clock, flightLevel, latLon, utcDateTime } from './format';
import type { LonLat } from './geodesy';
import { agreementLang, applyStatic, chosenLang, onLangChange, setLang, t, tOr, type Lang } from './i18n/i18n';
import type { MessageKey } from './i18n/en';
import { wireDownloads } from './downloads';
import { MapView, type LayerGroup, type Selection } from './mapview';
import { PartyBook } from './parties';
import { displayName, fc, Picture, validity, type IntentEntry, type Site } from './picture';
import { key, parseKey, refKey, type ObjectRef } from './refs';
import { parseSites } from './sites';
import { bounds, positionsOf, volumesOf, type VolumeFeature } from './volumes';
import { renderAgreements, type Agreement } from './panels/agreements';
import { renderConflicts } from './panels/conflicts';
import { DeclarePanel } from './panels/declare';
import { renderInbox, ThreadView } from './panels/hotline';
import { renderIntents, renderSites, renderTracks } from './panels/lists';
import { renderProfile, type ProfileBox, type ProfileItem } from './panels/profile';
import { showState } from './panels/status';
import { StrikePanel } from './panels/strike';
import { parseTemplates } from './panels/templates';
import { Timeline } from './panels/timeline';
import { webglAvailable } from './webgl';

type Section = 'tracks' | 'intents' | 'conflicts' | 'sites' | 'inbox' | 'agreements';
const SECTION_NAMES: Record<Section, [MessageKey, MessageKey]> = {
  tracks: ['section.tracks', 'noun.tracks'], intents: ['section.intents', 'noun.intents'], conflicts: ['section.conflicts', 'noun.conflicts'],
  sites: ['section.sites', 'noun.sites'], inbox: ['section.inbox', 'noun.threads'], agreements: ['section.agreements', 'noun.agreements'],
};
const FL_MAX = 660;
/** Above this many intents to (re)load, their volumes come in one download. */
const BULK_INTENTS = 20;

export class ConsoleApp {
  private readonly parties = new PartyBook();
  private readonly picture = new Picture(this.parties);
  private readonly alerter = new Alerter();
  private map: MapView | null = null;
  private tools: MapTools | null = null;
  private stream!: EventStream;
  private inbox: InboxEntry[] = [];
  private agreements: Agreement[] = [];
  private thread!: ThreadView;
  private timeline!: Timeline;
  private declare!: DeclarePanel;
  private strike!: StrikePanel;
  private readonly strikes = new Map<string, LonLat>();
  private readonly acked = new Set<string>(JSON.parse(sessionStorage.getItem('deconflict.acked') ?? '[]') as string[]);
  private readonly timers: number[] = [];
  private readonly scheduled = new Map<string, number>();
  /** Windows of the hub's track history already merged into the console's record, [from, to] in ms. */
  private readonly historyCovered: Array<[number, number]> = [];
  private historyLoading = false;
  /** Whether the map's track sources hold the live picture, so the next render may send only what changed. */
  private tracksDrawnLive = false;
  private readonly statuses = new Map<Section, { kind: string; message?: string; status?: number; count: number }>();
  private profileOf: { kind: 'object' | 'conflict'; key: string } | null = null;
  private band: [number, number] = [0, FL_MAX];
  private live = false;
  private fitted = false;

  constructor(private readonly client: HubClient, private readonly onKeyRejected: () => void) {}

  async start(): Promise<void> {
    this.startClock();
    this.thread = new ThreadView(byId('thread'), this.client, this.parties, () => this.schedule('inbox', 200));
    // A replay starts at the earliest the console holds, or an hour back (the hub's history fills it in).
    this.timeline = new Timeline(() => this.applyWindow(true), () => Math.min(this.picture.history.earliest() ?? Infinity, Date.now() - 3600_000));
    this.wireControls();
    await this.loadParties();
    this.declare = new DeclarePanel(byId('panel-declare'), this.client, this.parties, (tool) => this.useTool(tool),
      (shape) => this.tools?.setShape(shape), () => this.schedule('intents', 100));
    this.strike = new StrikePanel(byId('panel-strike'), this.client, () => this.ownIntentIds(), () => this.useTool('strike'), () => this.schedule('conflicts', 300));
    if (webglAvailable()) {
      try {
        this.map = new MapView(byId('map'), await loadBasemapStyle(), (s, at) => this.popup(s, at));
      } catch (e) {
        this.noMap(e instanceof Error ? e.message : String(e));
      }
    } else {
      this.noMap(null);
    }
    if (this.map) this.wireMap(this.map);
    await Promise.all([this.loadTracks(), this.loadIntents(), this.loadConflicts(), this.loadSites(), this.loadInbox(), this.loadTemplates(), this.loadAgreements()]);
    onLangChange(() => this.relabel());
    window.addEventListener('deconflict-tab', (e) => { if ((e as CustomEvent).detail === 'tracks') this.renderTracks(); });
    this.chooseLanguage();
    this.render();
    this.applyWindow(false);
    await this.map?.whenReady();
    this.fitAll();
    document.body.dataset.console = 'ready';
    this.stream = new EventStream(this.client, (e) => this.onEvent(e), (s, d) => this.onStreamState(s, d));
    this.stream.start();
    this.timers.push(window.setInterval(() => void this.reconcile(), 15000));
    (window as unknown as { deconflict: unknown }).deconflict = { map: this.map?.map ?? null, picture: this.picture, timeline: this.timeline };
  }

  stop(): void {
    this.stream?.stop();
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
  }

  private noMap(detail: string | null): void {
    const el = byId('nowebgl');
    el.hidden = false;
    el.textContent = t('map.nowebgl') + (detail ? ` (${detail})` : '');
    document.body.dataset.map = 'unavailable';
  }

  private startClock(): void {
    const el = byId('clock');
    const tick = () => {
      el.textContent = clock(new Date());
      this.timeline?.tick();
    };
    tick();
    this.timers.push(window.setInterval(tick, 1000));
  }

  // ---- language ----

  private chooseLanguage(): void {
    const me = this.parties.me?.id ?? '';
    const l: Lang = chosenLang() ?? agreementLang(me, this.agreements) ?? 'en';
    byId<HTMLSelectElement>('lang').value = l;
    setLang(l, false);
  }

  private relabel(): void {
    this.declare.render();
    this.strike.render();
    for (const [section, s] of this.statuses) this.showStatus(section, s);
    this.timeline.tick();
    byId('sound').textContent = t(this.alerter.soundOn ? 'bar.sound.on' : 'bar.sound.off');
    this.whoAmI();
    this.render();
    if (this.thread.openThread) void this.thread.reload();
  }

  private whoAmI(): void {
    const me = this.parties.me;
    byId('party').textContent = me ? `${me.name} (${tOr(`partykind.${me.kind}`, me.kind)})` : t('bar.signedin');
  }

  // ---- loading ----

  private async loadParties(): Promise<void> {
    const api = this.client.api;
    const [me, parties] = await Promise.all([HubClient.list(api.GET('/api/v1/me')), HubClient.list(api.GET('/api/v1/parties'))]);
    if (parties.kind === 'ok' && Array.isArray(parties.value)) this.parties.setParties(parties.value);
    const session = me.kind === 'ok' ? me.value : null;
    if (session && typeof session.id === 'string') this.parties.setMe({ ...session, id: session.id });
    this.whoAmI();
  }

  private async loadTemplates(): Promise<void> {
    const r = await HubClient.list(this.client.api.GET('/api/v1/hotline/templates'));
    if (r.kind === 'ok') this.thread.setTemplates(parseTemplates(r.value));
  }

  private async loadAgreements(): Promise<void> {
    const r = await HubClient.list(this.client.api.GET('/api/v1/agreements'));
    if (r.kind === 'ok' && Array.isArray(r.value)) this.agreements = r.value;
    this.status('agreements', r, this.agreements.length);
  }

  private async loadTracks(): Promise<void> {
    const r = await HubClient.list(this.client.api.GET('/api/v1/tracks'));
    if (r.kind === 'ok' && Array.isArray(r.value)) this.picture.replaceTracks(r.value);
    this.status('tracks', r, this.picture.tracks.size);
  }

  private async loadIntents(): Promise<void> {
    const r = await HubClient.list(this.client.api.GET('/api/v1/intents'));
    if (r.kind === 'ok' && Array.isArray(r.value)) {
      const seen = new Set(r.value.map((s) => key('intent', s.party, s.id)));
      for (const k of [...this.picture.intents.keys()]) if (!seen.has(k)) this.picture.intents.delete(k);
      const stale = r.value.filter((s) => {
        const held = this.picture.intents.get(key('intent', s.party, s.id))?.summary;
        return String(held?.version) !== String(s.version) || held?.state !== s.state;
      });
      // Many changed intents (the first load of a busy theatre) come in one download instead of one request each.
      const bulk = stale.length > BULK_INTENTS ? await this.intentVolumes() : null;
      await pool(stale, 6, async (s) => {
        const k = key('intent', s.party, s.id);
        const held = bulk?.get(k);
        if (held && held.length > 0 && held.every((v) => v.properties.state === s.state)) {
          this.picture.intents.set(k, { summary: s, volumes: held });
          return;
        }
        try {
          const body = await HubClient.ok(this.client.api.GET('/api/v1/intents/{id}', { params: { path: { id: s.id }, query: { party: s.party } } }));
          // The reply is GeoJSON: its schema is the hub's, read here with the GeoJSON types.
          this.picture.intents.set(k, { summary: s, volumes: volumesOf(body as unknown as FeatureCollection, s.id, s.party, s.state) });
        } catch {
          this.picture.intents.set(k, { summary: s, volumes: [] });
        }
      });
    }
    this.status('intents', r, this.picture.intents.size);
  }

  /** Every intent the caller may see with its volumes (`/api/v1/intents.geojson`), by identity; null when unavailable. */
  private async intentVolumes(): Promise<Map<string, VolumeFeature[]> | null> {
    try {
      const body = await HubClient.ok(this.client.api.GET('/api/v1/intents.geojson', { parseAs: 'json' }));
      const byKey = new Map<string, VolumeFeature[]>();
      for (const v of volumesOf(body as unknown as FeatureCollection, '', '', '')) {
        const k = key('intent', v.properties.party, v.properties.intent_id);
        const list = byKey.get(k);
        if (list) list.push(v);
        else byKey.set(k, [v]);
      }
      return byKey;
    } catch {
      return null;
    }
  }

  private async loadConflicts(): Promise<void> {
    const r = await HubClient.list(this.client.api.GET('/api/v1/conflicts', { params: { query: { state: 'open' } } }));
    if (r.kind === 'ok' && Array.isArray(r.value)) {
      this.picture.conflicts = r.value;
      this.alerter.observe(r.value, (c) => `${tOr(`kind.${c.kind}`, c.kind)} ${tOr(`level.${c.level}`, String(c.level))}: ${(c.parties ?? []).map((p) => this.parties.name(p)).join(' · ')}`);
      await this.loadStrikes(r.value);
    }
    this.status('conflicts', r, this.picture.conflicts.length);
    byId('count-conflicts').textContent = this.picture.conflicts.length > 0 ? String(this.picture.conflicts.length) : '';
  }

  /** Strike points of ground conflicts, where the caller may see the strike. */
  private async loadStrikes(conflicts: Conflict[]): Promise<void> {
    const wanted = new Map<string, string | undefined>();
    for (const c of conflicts) {
      const id = detailOf(c).strike_id;
      if (typeof id !== 'string' || this.strikes.has(id)) continue;
      const party = this.picture.refsOf(c).find((r) => r.kind === 'strike' && r.id === id)?.party;
      wanted.set(id, party);
    }
    await pool([...wanted.keys()], 4, async (id) => {
      try {
        const party = wanted.get(id);
        const s = await HubClient.ok(this.client.api.GET('/api/v1/strikes/{id}', { params: { path: { id }, query: party ? { party } : {} } }));
        this.strikes.set(id, [s.lon_deg, s.lat_deg]);
      } catch {
        // not visible to this party: the protected object is still shown
      }
    });
  }

  private async loadSites(): Promise<void> {
    const [sites, movements] = await Promise.all([HubClient.list(this.client.api.GET('/api/v1/sites')), HubClient.list(this.client.api.GET('/api/v1/movements'))]);
    const all = [...(sites.kind === 'ok' ? parseSites(sites.value, 'site') : []), ...(movements.kind === 'ok' ? parseSites(movements.value, 'movement') : [])];
    this.picture.sites.clear();
    for (const s of all) this.picture.sites.set(key(s.kind, s.party, s.id), s);
    this.status('sites', sites.kind === 'ok' || movements.kind !== 'ok' ? sites : movements, all.length);
  }

  private async loadInbox(): Promise<void> {
    const r = await HubClient.list(this.client.api.GET('/api/v1/inbox'));
    if (r.kind === 'ok' && Array.isArray(r.value)) this.inbox = r.value;
    this.status('inbox', r, this.inbox.length);
    const unread = this.inbox.reduce((n, e) => n + (e.unread ?? 0), 0);
    byId('count-inbox').textContent = unread > 0 ? String(unread) : '';
    if (r.kind === 'ok') renderInbox(byId('inbox-list'), this.inbox, (id) => void this.openThread(id));
    if (this.thread.openThread) await this.thread.reload();
  }

  private status(section: Section, r: { kind: string; message?: string; status?: number }, count: number): void {
    if (r.kind === 'error' && r.status === 401) {
      // The key was revoked (or the hub forgot it): back to sign-in rather than a console of errors.
      this.stop();
      this.onKeyRejected();
      return;
    }
    const s = { kind: r.kind, message: r.message, status: r.status, count };
    this.statuses.set(section, s);
    this.showStatus(section, s);
  }

  private showStatus(section: Section, s: { kind: string; message?: string; count: number }): void {
    const [what, noun] = SECTION_NAMES[section];
    const el = byId(`status-${section}`);
    if (s.kind === 'ok') showState(el, { kind: 'ok', count: s.count, noun });
    else if (s.kind === 'unavailable') showState(el, { kind: 'unavailable', what });
    else showState(el, { kind: 'error', message: s.message ?? 'failed' });
    byId(`panel-${section}`).dataset.status = s.kind;
  }

  // ---- rendering ----

  private render(): void {
    const hot = this.picture.conflicted();
    const v = this.picture.volumeCollections();
    this.map?.set('volumes', v.volumes);
    this.map?.set('volume-labels', v.labels);
    this.renderTracks();
    this.renderConflictGeometry();
    this.map?.set('sites', this.picture.siteCollection());
    renderIntents(byId('intent-list'), this.picture.intents, hot, this.parties, {
      onFocus: (k) => this.focusKey(k), onProfile: (k) => this.showProfile({ kind: 'object', key: k }),
      onState: (e, s) => void this.changeState(e, s), onEnd: (e) => void this.endIntent(e),
    });
    renderSites(byId('site-list'), this.picture.sites, hot, this.parties, (k) => this.focusKey(k), (s) => void this.ackSite(s));
    this.renderConflictList();
    renderAgreements(byId('agreement-list'), byId('agreement-propose'), this.agreements, this.parties, this.client, () => this.schedule('agreements', 100));
    this.renderLegend();
    this.renderTimelineBars();
    if (this.profileOf) this.showProfile(this.profileOf);
  }

  private renderConflictList(): void {
    renderConflicts(byId('conflict-list'), this.picture.conflicts, this.parties, {
      refsOf: (c) => this.picture.refsOf(c), nameOf: (r) => this.nameOf(r),
      threadFor: (id) => this.inbox.find((e) => e.conflict_id === id)?.thread_id ?? null,
      onFocus: (c) => this.focusConflict(c), onProfile: (c) => this.showProfile({ kind: 'conflict', key: c.id }),
      onThread: (thread) => void this.openThread(thread), acked: this.acked, onAck: (c) => this.ackConflict(c), fresh: this.alerter.fresh,
    }, Date.now());
  }

  private renderConflictGeometry(): void {
    const g = collections(conflictFeatures(this.picture, this.strikes, Date.now()));
    this.map?.set('conflict-areas', g.areas);
    this.map?.set('conflict-lines', g.lines);
    this.map?.set('conflict-points', g.points);
    this.map?.set('conflict-labels', g.labels);
  }

  private renderTracks(): void {
    const at = this.timeline.isLive ? null : this.timeline.at;
    if (at !== null) {
      // A past cursor shows the recorded picture whole; the next live render starts again from all tracks.
      const tr = this.picture.trackCollections(at);
      this.map?.set('tracks', tr.tracks);
      this.map?.set('leaders', tr.leaders);
      this.tracksDrawnLive = false;
    } else if (this.map) {
      // Live: only the tracks reported (or whose conflict state changed) since the last render go to the map.
      const ch = this.picture.takeTrackChanges(!this.tracksDrawnLive);
      const sent = this.tracksDrawnLive && this.map.update('tracks', ch.tracks, ch.removed) && this.map.update('leaders', ch.leaders, [...ch.removed, ...ch.changed]);
      if (!sent) {
        const all = ch.changed.length === this.picture.tracks.size ? ch : this.picture.takeTrackChanges(true);
        this.map.set('tracks', fc(all.tracks));
        this.map.set('leaders', fc(all.leaders));
      }
      this.tracksDrawnLive = true;
    }
    // The list is rebuilt only while it is on screen (10,000 rows sorted four times a second would starve the map).
    if (!byId('panel-tracks').hidden) renderTracks(byId('track-list'), this.picture.tracks, this.picture.conflicted(), this.parties, (k) => this.focusKey(k));
    const s = this.statuses.get('tracks');
    if (s?.kind === 'ok') this.status('tracks', s, this.picture.tracks.size);
    document.body.dataset.tracksRenderedAt = String(performance.now());
  }

  private renderLegend(): void {
    const legend = byId('legend');
    clear(legend);
    for (const p of this.parties.legend()) {
      legend.append(h('li', {}, h('span', { class: 'swatch', style: `background:${p.colour}`, 'aria-hidden': 'true' }), p.me ? `${p.name} (${t('legend.you')})` : p.name));
    }
    legend.append(h('li', {}, h('span', { class: 'swatch conflict', 'aria-hidden': 'true' }), t('legend.conflict')));
    legend.append(h('li', {}, h('span', { class: 'swatch site', 'aria-hidden': 'true' }), t('legend.site')));
  }

  /** Bars of the intents in the visible area (all when there is no map) and of the conflicts' windows. */
  private renderTimelineBars(): void {
    const view = this.map?.map.getBounds();
    const bars = [];
    const hot = this.picture.conflicted();
    for (const [k, e] of this.picture.intents) {
      for (const v of e.volumes) {
        if (view) {
          const b = bounds(positionsOf(v));
          if (b && (b[2] < view.getWest() || b[0] > view.getEast() || b[3] < view.getSouth() || b[1] > view.getNorth())) continue;
        }
        const w = validity(v.properties.time_start, v.properties.time_end);
        bars.push({ ...w, colour: this.parties.colour(e.summary.party), conflicted: hot.has(k) });
      }
    }
    const conflicts = this.picture.conflicts.map((c) => {
      const d = detailOf(c);
      const w = validity(d.overlap_start ?? d.los_start, d.overlap_end ?? d.los_end);
      return { ...w, colour: '', conflicted: true };
    }).filter((b) => Math.abs(b.t0) < 8e15);
    this.timeline.setBars(bars, conflicts);
  }

  /** The time cursor and the band filter, as map filters; tracks as recorded at the cursor. */
  private applyWindow(tracksToo: boolean): void {
    const [lo, hi] = this.band;
    this.map?.setWindow(this.timeline.at, lo * 100, hi >= FL_MAX ? null : hi * 100);
    if (tracksToo) this.renderTracks();
    if (!this.timeline.isLive) void this.loadHistory(this.timeline.at);
    if (this.profileOf) this.showProfile(this.profileOf);
  }

  /**
   * The hub's recorded tracks around a past cursor (what it shows, and the next ten minutes of a replay), fetched
   * once per window; a window too dense for one reply is asked again thinned. A hub without history keeps the
   * console's own record.
   */
  private async loadHistory(atMs: number): Promise<void> {
    const from = atMs - 120_000;
    const to = Math.min(Date.now(), atMs + 600_000);
    if (this.historyLoading || to <= from || this.historyCovered.some(([a, b]) => a <= from && b >= to)) return;
    this.historyLoading = true;
    try {
      for (const every of [0, 30, 120, 600]) {
        const query = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), ...(every ? { interval_s: every } : {}) };
        const r = await this.client.api.GET('/api/v1/tracks/history', { params: { query } });
        if (r.data) {
          this.picture.absorbHistory(r.data);
          this.historyCovered.push([from, to]);
          if (!this.timeline.isLive) this.renderTracks();
          return;
        }
        if (r.response.status !== 400) return;
      }
    } catch {
      // The console's own record still answers the cursor.
    } finally {
      this.historyLoading = false;
    }
  }

  // ---- events ----

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
        for (const tr of items as Track[]) {
          const r = tr as unknown as Record<string, unknown>;
          if (r && (r.removed === true || r.status === 'stale' || r.deleted === true) && typeof r.id === 'string') this.picture.removeTrack(key('track', String(r.party ?? ''), r.id));
          else if (tr) this.picture.upsertTrack(tr);
        }
        // Four renders a second for a small picture; fewer for thousands of tracks, so the map keeps up.
        this.schedule('render-tracks', Math.min(1000, Math.max(250, this.picture.tracks.size / 10)));
        break;
      }
      case 'conflict':
        this.schedule('conflicts', 200);
        break;
      case 'intent':
        this.schedule('intents', 300);
        break;
      case 'agreement':
        this.schedule('agreements', 300);
        break;
      case 'message':
      case 'escalation':
      case 'thread':
        this.schedule('inbox', 300);
        break;
      case 'site':
      case 'movement':
        this.schedule('sites', 300);
        break;
    }
  }

  private schedule(what: string, delayMs: number): void {
    if (this.scheduled.has(what)) return;
    this.scheduled.set(what, window.setTimeout(() => {
      this.scheduled.delete(what);
      const run = async () => {
        if (what === 'render-tracks') {
          this.renderTracks();
          // Tactical geometry follows the aircraft.
          if (this.picture.conflicts.some((c) => c.kind === 'tactical')) this.renderConflictGeometry();
          return;
        }
        if (what === 'conflicts') await this.loadConflicts();
        else if (what === 'intents') await this.loadIntents();
        else if (what === 'sites') await this.loadSites();
        else if (what === 'agreements') await this.loadAgreements();
        else if (what === 'inbox') return this.loadInbox();
        this.render();
      };
      void run();
    }, delayMs));
  }

  private async reconcile(): Promise<void> {
    const loads = [this.loadTracks(), this.loadConflicts(), this.loadInbox(), this.loadSites()];
    if (!this.live) loads.push(this.loadIntents(), this.loadAgreements());
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
    el.textContent = t(`stream.${state}`);
    el.title = detail ?? '';
    if (state === 'unavailable' && this.timers.length < 4) this.timers.push(window.setInterval(() => void this.loadIntents().then(() => this.render()), 5000));
  }

  // ---- actions ----

  private async changeState(e: IntentEntry, state: string): Promise<void> {
    await this.act(() => HubClient.ok(this.client.api.POST('/api/v1/intents/{id}/state', { params: { path: { id: e.summary.id } }, body: { state } })), 'intents');
  }

  private async endIntent(e: IntentEntry): Promise<void> {
    await this.act(() => HubClient.ok(this.client.api.DELETE('/api/v1/intents/{id}', { params: { path: { id: e.summary.id } } })), 'intents');
  }

  private async ackSite(s: Site): Promise<void> {
    await this.act(() => HubClient.ok(this.client.api.POST('/api/v1/sites/{id}/ack', { params: { path: { id: s.id }, query: { party: s.party } } })), 'sites');
  }

  private ackConflict(c: Conflict): void {
    this.acked.add(c.id);
    sessionStorage.setItem('deconflict.acked', JSON.stringify([...this.acked]));
    this.renderConflictList();
  }

  private async act(call: () => Promise<unknown>, reload: 'intents' | 'sites'): Promise<void> {
    const banner = byId('banner');
    try {
      await call();
      banner.hidden = true;
      this.schedule(reload, 50);
    } catch (e) {
      banner.hidden = false;
      banner.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  private ownIntentIds(): string[] {
    return [...this.picture.intents.values()].filter((e) => this.parties.isMe(e.summary.party)).map((e) => e.summary.id).sort();
  }

  private useTool(tool: Tool): void {
    if (tool === 'polygon' || tool === 'circle' || tool === 'corridor') selectTab('declare');
    if (tool === 'corridor' && this.tools) this.tools.corridorHalfWidthM = this.declare.halfWidthM();
    this.tools?.use(tool);
  }

  // ---- map wiring ----

  private wireMap(view: MapView): void {
    const m = view.map;
    this.tools = new MapTools(m, (draft, measure) => { view.set('draft', fc(draft)); view.set('measure', fc(measure)); },
      (shape) => this.declare.setShape(shape), (at) => { selectTab('strike'); this.strike.setPoint(at); },
      (text) => (byId('tool-hint').textContent = text),
      { polygon: t('hint.polygon'), circle: t('hint.circle'), corridor: t('hint.corridor'), measure: t('hint.measure'), strike: t('hint.strike'), done: t('hint.done') });
    const coords = byId('coords');
    m.on('mousemove', (e) => (coords.textContent = cursorText(e.lngLat.lat, e.lngLat.lng)));
    m.on('moveend', () => { this.renderTimelineBars(); if (byId<HTMLInputElement>('layer-mgrs').checked) this.drawGrid(); });
    // One identity per aircraft: the callsign on the map, the ICAO address (hub id) on hover.
    const hover = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'dc-hover', offset: 12 });
    m.on('mousemove', 'tracks-icon', (e) => {
      const p = e.features?.[0]?.properties;
      if (!p) return;
      hover.setLngLat(e.lngLat).setText(`${p.callsign || p.id} · ICAO ${String(p.id).toUpperCase()} · ${this.parties.name(String(p.party))}`).addTo(m);
    });
    m.on('mouseleave', 'tracks-icon', () => hover.remove());
  }

  private drawGrid(): void {
    if (!this.map) return;
    const b = this.map.map.getBounds();
    this.map.set('mgrs-grid', fc(this.map.map.getZoom() >= 5 ? mgrsSquares(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()) : []));
  }

  private wireControls(): void {
    wireDownloads(byId<HTMLSelectElement>('download'), this.client, (message) => {
      const banner = byId('banner');
      banner.hidden = false;
      banner.textContent = message;
    });
    for (const group of ['volumes', 'tracks', 'conflicts', 'sites', 'labels', 'mgrs'] as LayerGroup[]) {
      const box = byId<HTMLInputElement>(`layer-${group}`);
      box.addEventListener('change', () => {
        this.map?.setLayerVisible(group, box.checked);
        if (group === 'mgrs' && box.checked) this.drawGrid();
      });
    }
    const lower = byId<HTMLInputElement>('band-lower'), upper = byId<HTMLInputElement>('band-upper');
    const band = () => {
      let lo = Number(lower.value), hi = Number(upper.value);
      if (lo > hi) [lo, hi] = [hi, lo];
      this.band = [lo, hi];
      byId('band-readout').textContent = `FL${String(lo).padStart(3, '0')}–FL${String(hi).padStart(3, '0')}`;
      document.body.dataset.band = `${lo}-${hi}`;
      this.applyWindow(false);
    };
    lower.addEventListener('input', band);
    upper.addEventListener('input', band);
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-tool]')) b.addEventListener('click', () => this.useTool(b.dataset.tool as Tool));
    byId('sound').addEventListener('click', () => {
      const on = !this.alerter.soundOn;
      void this.alerter.enableSound(on);
      byId('sound').setAttribute('aria-pressed', String(on));
      byId('sound').textContent = t(on ? 'bar.sound.on' : 'bar.sound.off');
    });
    byId<HTMLSelectElement>('lang').addEventListener('change', (e) => setLang((e.target as HTMLSelectElement).value as Lang, true));
  }

  // ---- focus, profile, popups ----

  private nameOf(r: ObjectRef): string {
    if (r.kind === 'track') {
      const tr = this.picture.trackAt(r);
      return `${t('object.track')} ${tr ? displayName(tr) : r.id} (${this.parties.name(r.party)})`;
    }
    const s = r.kind === 'site' || r.kind === 'movement' ? this.picture.siteOf(r) : undefined;
    return `${tOr(`object.${r.kind}`, r.kind)} ${s?.name ?? r.id} (${this.parties.name(r.party)})`;
  }

  private openThread(threadId: string): Promise<void> {
    selectTab('inbox');
    return this.thread.open(threadId);
  }

  private fitAll(): void {
    const pts: LonLat[] = [];
    for (const e of this.picture.intents.values()) for (const v of e.volumes) pts.push(...positionsOf(v));
    for (const tr of this.picture.tracks.values()) pts.push([tr.lon_deg, tr.lat_deg]);
    const b = bounds(pts);
    if (b && !this.fitted) {
      this.fitted = true;
      this.map?.fit(b, 8);
    }
  }

  private pointsOf(r: ObjectRef): LonLat[] {
    if (r.kind === 'intent') return this.picture.intentOf(r)?.volumes.flatMap(positionsOf) ?? [];
    if (r.kind === 'track') { const tr = this.picture.trackAt(r); return tr ? [[tr.lon_deg, tr.lat_deg]] : []; }
    const s = this.picture.siteOf(r);
    const coords = s ? JSON.stringify(s.geometry).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? [] : [];
    return coords.map((c) => c.split(',').map(Number) as LonLat);
  }

  private focusKey(k: string): void {
    const b = bounds(this.pointsOf(parseKey(k)));
    if (b) this.map?.fit(b);
  }

  private focusConflict(c: Conflict): void {
    const b = bounds(this.picture.refsOf(c).flatMap((r) => this.pointsOf(r)));
    if (b) this.map?.fit(b);
  }

  /** The vertical profile of an intent, a track or a conflict, with what conflicts with it. */
  private showProfile(of: { kind: 'object' | 'conflict'; key: string }): void {
    this.profileOf = of;
    const items: ProfileItem[] = [];
    const overlaps: ProfileBox[] = [];
    const seen = new Set<string>();
    const add = (r: ObjectRef, selected: boolean) => {
      const k = refKey(r);
      if (seen.has(k)) return;
      seen.add(k);
      if (r.kind === 'intent') {
        const e = this.picture.intentOf(r);
        if (!e) return;
        items.push({ label: `${e.summary.id} (${this.parties.name(e.summary.party)})`, colour: this.parties.colour(e.summary.party), selected,
          boxes: e.volumes.map((v) => ({ ...validity(v.properties.time_start, v.properties.time_end), lo: v.properties.alt_lower_ft, hi: v.properties.alt_upper_ft })) });
      } else if (r.kind === 'track') {
        const path = this.picture.history.path(k).map((p) => ({ t: Date.parse(p.t ?? ''), alt: p.alt_ft ?? NaN })).filter((p) => Number.isFinite(p.alt));
        const tr = this.picture.trackAt(r);
        items.push({ label: tr ? displayName(tr) : r.id, colour: this.parties.colour(r.party), selected, boxes: [], path });
      }
    };
    let title = '';
    const related = (c: Conflict) => {
      for (const r of this.picture.refsOf(c)) add(r, false);
      const d = detailOf(c);
      if (typeof d.overlap_lower_ft === 'number' && typeof d.overlap_upper_ft === 'number') overlaps.push({ ...validity(d.overlap_start, d.overlap_end), lo: d.overlap_lower_ft, hi: d.overlap_upper_ft });
    };
    if (of.kind === 'conflict') {
      const c = this.picture.conflicts.find((x) => x.id === of.key);
      if (!c) return this.closeProfile();
      title = `${tOr(`kind.${c.kind}`, c.kind)} ${c.id}`;
      related(c);
    } else {
      const r = parseKey(of.key);
      title = this.nameOf(r);
      add(r, true);
      for (const c of this.picture.conflicts) if (this.picture.refsOf(c).some((x) => refKey(x) === of.key)) related(c);
    }
    const root = byId('profile');
    renderProfile(root, title, items, overlaps, this.timeline.at, () => this.closeProfile());
    root.dataset.items = String(items.length);
    root.dataset.overlaps = String(overlaps.length);
  }

  private closeProfile(): void {
    this.profileOf = null;
    byId('profile').hidden = true;
  }

  private popup(s: Selection, at: maplibregl.LngLat): void {
    if (!this.map) return;
    const p = (s.feature.properties ?? {}) as Record<string, unknown>;
    const profile = () => this.showProfile({ kind: s.layer === 'conflict' ? 'conflict' : 'object', key: s.layer === 'conflict' ? s.id : s.key });
    const profileButton = h('button', { type: 'button', onclick: profile }, t('conflict.profile'));
    let body: HTMLElement;
    if (s.layer === 'track') {
      body = h('div', {}, h('strong', {}, String(p.callsign || p.id)), h('div', { class: 'small muted' }, `ICAO ${String(p.id).toUpperCase()}`), h('div', {}, this.parties.name(String(p.party))),
        h('div', { class: 'mono' }, [flightLevel(p.alt_ft == null ? null : Number(p.alt_ft)), p.gs_kt == null ? null : `${Math.round(Number(p.gs_kt))} kt`,
          `${Math.round(Number(p.trk_deg))}°`, p.vs_fpm ? `${Math.round(Number(p.vs_fpm))} fpm` : null].filter(Boolean).join(' · ')),
        h('div', { class: 'mono small muted' }, `${t('popup.reported')} ${utcDateTime(String(p.t))}`),
        h('div', { class: 'mono' }, latLon(at.lat, at.lng)), p.intent_id ? h('div', {}, `${t('object.intent')} ${String(p.intent_id)}`) : null, profileButton);
    } else if (s.layer === 'volume') {
      body = h('div', {}, h('strong', {}, `${t('object.intent')} ${String(p.intent_id)}`),
        h('div', {}, `${this.parties.name(String(p.party))} · ${tOr(`state.${String(p.state)}`, String(p.state))} · ${t('declare.priority')} ${String(p.priority)}`),
        h('div', { class: 'mono' }, `${tOr(`shape.${String(p.shape)}`, String(p.shape))} · ${altBand(Number(p.alt_lower_ft), Number(p.alt_upper_ft))}`),
        h('div', { class: 'mono' }, `${utcDateTime(String(p.time_start))} – ${utcDateTime(String(p.time_end))}`),
        p.conflicted ? h('div', { class: 'error' }, t('popup.inconflict')) : null, profileButton);
    } else if (s.layer === 'conflict') {
      const c = this.picture.conflicts.find((x) => x.id === s.id);
      body = h('div', {}, h('strong', {}, `${t('object.conflict')} ${s.id}`), h('div', {}, `${tOr(`kind.${String(c?.kind ?? p.kind)}`, String(c?.kind ?? p.kind))} · ${tOr(`level.${String(c?.level ?? p.level)}`, String(c?.level ?? p.level ?? ''))}`),
        h('div', {}, (c?.parties ?? []).map((x) => this.parties.name(x)).join(' · ')), profileButton);
    } else {
      body = h('div', {}, h('strong', {}, String(p.name ?? p.notes ?? s.id)), h('div', {}, `${String(p.category ?? 'site')} · ${this.parties.name(String(p.party))}`), h('div', { class: 'mono' }, cursorText(at.lat, at.lng)));
    }
    new maplibregl.Popup({ closeButton: true, maxWidth: '320px', className: 'dc-popup' }).setLngLat(at).setDOMContent(body).addTo(this.map.map);
  }
}

export function selectTab(name: string): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
    const on = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    byId(`panel-${tab.dataset.tab}`).hidden = !on;
  }
  window.dispatchEvent(new CustomEvent('deconflict-tab', { detail: name }));
}

export { applyStatic };

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
