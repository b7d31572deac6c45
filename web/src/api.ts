// HTTP client for the hub's contract (../shared/API.md). Every call carries the party key as a
// bearer token. Endpoints a hub does not serve (404/405/501 on a list) are reported as
// "unavailable" rather than as errors, so the console runs against partial hubs.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

export type Outcome<T> = { kind: 'ok'; value: T } | { kind: 'unavailable' } | { kind: 'error'; message: string; status?: number };

export interface Party { id: string; name: string; kind: string }
export interface Track {
  id: string; party?: string; t?: string; lat_deg: number; lon_deg: number; alt_ft?: number | null;
  gs_kt?: number | null; trk_deg?: number | null; vs_fpm?: number | null; intent_id?: string | null; callsign?: string | null;
}
export interface IntentSummary { id: string; party: string; state: string; version: number | string; priority?: number; time_start?: string; time_end?: string }
export interface Conflict {
  id: string; kind: string; parties: string[]; objects: unknown[]; object_refs?: unknown; level?: string | null; status?: string;
  detected_at?: string; [extra: string]: unknown;
}
export interface InboxEntry { thread_id: string; conflict_id?: string | null; unread?: number; overdue?: number | boolean; [extra: string]: unknown }

export class HubClient {
  constructor(
    readonly key: string,
    private readonly base = '',
  ) {}

  async get<T>(path: string): Promise<T> {
    const response = await this.send('GET', path);
    return (await response.json()) as T;
  }

  async post<T>(path: string, body?: unknown): Promise<T> {
    const response = await this.send('POST', path, body);
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** A list endpoint, with 404/405/501 read as "this hub does not serve it". */
  async list<T>(path: string): Promise<Outcome<T>> {
    try {
      return { kind: 'ok', value: await this.get<T>(path) };
    } catch (e) {
      if (e instanceof HttpError && (e.status === 404 || e.status === 405 || e.status === 501)) return { kind: 'unavailable' };
      if (e instanceof HttpError) return { kind: 'error', message: e.message, status: e.status };
      return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  }

  async send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.key}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: 'no-store',
    });
    if (!response.ok) throw await HubClient.problem(response);
    return response;
  }

  /** A request with a body already serialised (GeoJSON or KML text), optionally conditional on an ETag. */
  async sendRaw(method: string, path: string, body: string, ifMatch?: string, contentType = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.key}`, Accept: 'application/json', 'Content-Type': contentType };
    if (ifMatch) headers['If-Match'] = ifMatch;
    const response = await fetch(this.base + path, { method, headers, body, cache: 'no-store' });
    if (!response.ok) throw await HubClient.problem(response);
    return response;
  }

  static async problem(response: Response): Promise<HttpError> {
    let title = `${response.status} ${response.statusText}`.trim();
    let detail = '';
    try {
      const text = await response.text();
      if (text) {
        const p = JSON.parse(text) as { title?: string; detail?: string; errors?: Record<string, string[]> };
        if (p.title) title = p.title;
        detail = p.detail ?? '';
        if (p.errors) {
          detail += Object.entries(p.errors)
            .map(([field, messages]) => ` ${field}: ${messages.join('; ')}`)
            .join(';');
        }
      }
    } catch {
      // body was not problem+json: keep the status line
    }
    return new HttpError(response.status, title, detail.trim());
  }
}
