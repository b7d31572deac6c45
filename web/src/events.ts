// Server-Sent Events over fetch streaming, so the stream carries the Authorization header
// (EventSource cannot send headers). Reconnects with back-off and resumes with Last-Event-ID.

import { HubClient, HttpError } from './api';

export interface HubEvent { type: string; id: string | null; data: string }
export type StreamState = 'connecting' | 'live' | 'retrying' | 'unavailable' | 'denied';

export class EventStream {
  private lastId: string | null = null;
  private controller: AbortController | null = null;
  private stopped = false;
  private attempt = 0;

  constructor(
    private readonly client: HubClient,
    private readonly onEvent: (event: HubEvent) => void,
    private readonly onState: (state: StreamState, detail?: string) => void,
  ) {}

  start(): void {
    this.stopped = false;
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.onState(this.attempt === 0 ? 'connecting' : 'retrying');
      this.controller = new AbortController();
      try {
        await this.readOnce(this.controller.signal);
      } catch (e) {
        if (this.stopped) return;
        if (e instanceof HttpError && (e.status === 404 || e.status === 405 || e.status === 501)) {
          this.onState('unavailable');
          return;
        }
        if (e instanceof HttpError && (e.status === 401 || e.status === 403)) {
          this.onState('denied', e.message);
          return;
        }
      }
      if (this.stopped) return;
      this.attempt++;
      const delay = Math.min(30000, 1000 * 2 ** Math.min(this.attempt - 1, 5));
      this.onState('retrying', `reconnecting in ${Math.round(delay / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private async readOnce(signal: AbortSignal): Promise<void> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (this.lastId !== null) headers['Last-Event-ID'] = this.lastId;
    const { data: body } = await HubClient.response(this.client.api.GET('/api/v1/events', { headers, signal, parseAs: 'stream' }));
    if (!body) throw new Error('no response body');
    this.attempt = 0;
    this.onState('live');
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new EventParser((event) => {
      if (event.id !== null) this.lastId = event.id;
      this.onEvent(event);
    });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.push(value);
    }
  }
}

/** Incremental text/event-stream parser (WHATWG HTML, "event stream interpretation"). */
export class EventParser {
  private buffer = '';
  private type = '';
  private data: string[] = [];
  private id: string | null = null;

  constructor(private readonly emit: (event: HubEvent) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.emit({ type: this.type || 'message', id: this.id, data: this.data.join('\n') });
      this.type = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }
}
