// HTTP client for the hub's contract (../shared/API.md), typed by the hub's own OpenAPI document: paths, parameters,
// bodies and replies come from src/generated/hub.ts, which `npm run build` generates from web/openapi.json (itself
// checked against the document a running hub serves by the hub's tests), so the console and the contract cannot
// drift apart. Every call carries the party key as a bearer token. Endpoints a hub does not serve (404/405/501 on a
// list) are reported as "unavailable" rather than as errors, so the console runs against partial hubs.

import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/hub';

export type Schemas = components['schemas'];

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** The problem+json body as the hub sent it (a 409 of an intent write carries its conflicts and alternatives). */
    readonly problem: unknown = null,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  /** The error of a reply, from its problem+json body (already parsed, or still to be read). */
  static from(response: Response, problem: unknown): HttpError {
    let title = `${response.status} ${response.statusText}`.trim();
    let detail = '';
    if (problem && typeof problem === 'object') {
      const p = problem as { title?: string; detail?: string; errors?: Record<string, string[]> };
      if (p.title) title = p.title;
      detail = p.detail ?? '';
      if (p.errors) {
        detail += Object.entries(p.errors)
          .map(([field, messages]) => ` ${field}: ${messages.join('; ')}`)
          .join(';');
      }
    }
    return new HttpError(response.status, title, detail.trim(), problem);
  }
}

export type Outcome<T> = { kind: 'ok'; value: T } | { kind: 'unavailable' } | { kind: 'error'; message: string; status?: number };

export type Party = Schemas['PartyView'];
export type Session = Schemas['SessionView'];
export type Track = Schemas['TrackView'];
export type IntentSummary = Schemas['IntentSummary'];
export type IntentDocument = Schemas['IntentDocument'];
export type IntentWritten = Schemas['IntentWritten'];
export type IntentCheck = Schemas['IntentCheck'];
export type Conflict = Schemas['ConflictView'];
export type InboxEntry = Schemas['InboxItem'];
export type Agreement = Schemas['AgreementView'];
export type Thread = Schemas['ThreadView'];
export type StrikeView = Schemas['StrikeView'];
export type TemplateCatalog = Schemas['TemplateCatalogView'];
export type GroundCollection = Schemas['GroundCollectionSchema'];

/** What an openapi-fetch call resolves to. */
interface Reply<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export class HubClient {
  /** The typed client: `client.api.GET('/api/v1/intents/{id}', { params: { path: { id } } })`. */
  readonly api: Client<paths>;

  constructor(
    readonly key: string,
    base = '',
  ) {
    // openapi-fetch resolves paths against baseUrl; the console is served by the hub it talks to.
    this.api = createClient<paths>({ baseUrl: base || globalThis.location?.origin || '', cache: 'no-store' });
    const auth: Middleware = {
      onRequest: ({ request }) => {
        request.headers.set('Authorization', `Bearer ${key}`);
        if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
        return request;
      },
    };
    this.api.use(auth);
  }

  /** The reply's body, or an {@link HttpError} from its problem. */
  static async ok<T>(call: Promise<Reply<T>>): Promise<T> {
    const { data, error, response } = await call;
    if (!response.ok) throw HttpError.from(response, error);
    return data as T;
  }

  /** The reply itself (for its headers), or an {@link HttpError} from its problem. */
  static async response<T>(call: Promise<Reply<T>>): Promise<{ data: T; response: Response }> {
    const { data, error, response } = await call;
    if (!response.ok) throw HttpError.from(response, error);
    return { data: data as T, response };
  }

  /** A list endpoint, with 404/405/501 read as "this hub does not serve it". */
  static async list<T>(call: Promise<Reply<T>>): Promise<Outcome<T>> {
    try {
      return { kind: 'ok', value: await HubClient.ok(call) };
    } catch (e) {
      if (e instanceof HttpError && (e.status === 404 || e.status === 405 || e.status === 501)) return { kind: 'unavailable' };
      if (e instanceof HttpError) return { kind: 'error', message: e.message, status: e.status };
      return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  }

  /** A download (GeoJSON, CSV, KML, ACO) of what the caller may see, as a blob; the key travels in the header. */
  async download(path: string): Promise<Blob> {
    // Export paths carry a format suffix chosen at run time, so the typed path table is bypassed for them alone.
    const get = this.api.GET as unknown as (p: string, init: { parseAs: 'blob' }) => Promise<Reply<Blob>>;
    return HubClient.ok(get(path, { parseAs: 'blob' }));
  }
}

/** An intent's text (GeoJSON built or uploaded, or KML) sent as written, as the hub reads the body itself. */
export function intentBody(text: string, contentType = 'application/json'): { body: IntentDocument; bodySerializer: () => string } {
  return { body: (contentType === 'application/json' ? JSON.parse(text) : {}) as IntentDocument, bodySerializer: () => text };
}
