// The hotline's structured message templates and their parameters. The hub's own catalogue
// (GET /api/v1/hotline/templates) is used when it serves one; this list is the fallback.

export interface TemplateParam { name: string; type: 'integer' | 'number' | 'string' | 'time' | 'position'; label: string }
export interface TemplateSpec { id: string; label: string; params: TemplateParam[] }

export const BUILT_IN_TEMPLATES: TemplateSpec[] = [
  { id: 'TRAFFIC_ALERT', label: 'Traffic alert', params: [{ name: 'track_id', type: 'string', label: 'Track' }] },
  { id: 'REQUEST_ALTITUDE_CHANGE', label: 'Request altitude change', params: [{ name: 'flight_level', type: 'integer', label: 'Flight level' }] },
  { id: 'REQUEST_HOLD', label: 'Request hold', params: [{ name: 'until', type: 'time', label: 'Until (UTC)' }] },
  { id: 'INTENT_WILL_CHANGE', label: 'Intent will change', params: [{ name: 'intent_id', type: 'string', label: 'Intent' }] },
  { id: 'AREA_ACTIVE', label: 'Area active', params: [{ name: 'until', type: 'time', label: 'Until (UTC)' }] },
  { id: 'UNABLE', label: 'Unable', params: [] },
  { id: 'WILCO', label: 'Wilco', params: [] },
  { id: 'ACKNOWLEDGE', label: 'Acknowledge', params: [] },
  { id: 'CANCEL', label: 'Cancel', params: [] },
  { id: 'FREE_TEXT', label: 'Free text (not translated)', params: [] },
];

/** Reads the hub's catalogue in either `[{id, params:[{name,type}]}]` or `{ID: {params}}` form. */
export function parseTemplates(body: unknown): TemplateSpec[] {
  const entries: [string, unknown][] = Array.isArray(body)
    ? body.map((t) => [String((t as Record<string, unknown>).id ?? (t as Record<string, unknown>).template ?? ''), t])
    : body && typeof body === 'object'
      ? Object.entries(body as Record<string, unknown>)
      : [];
  const out: TemplateSpec[] = [];
  for (const [id, t] of entries) {
    if (!id) continue;
    const r = (t ?? {}) as Record<string, unknown>;
    const rawParams = Array.isArray(r.params) ? r.params : Array.isArray(r.parameters) ? r.parameters : [];
    const params: TemplateParam[] = rawParams.map((p) => {
      if (typeof p === 'string') return { name: p, type: 'string', label: p };
      const o = p as Record<string, unknown>;
      const name = String(o.name ?? '');
      const type = String(o.type ?? 'string');
      const known = ['integer', 'number', 'string', 'time', 'position'].includes(type) ? (type as TemplateParam['type']) : 'string';
      return { name, type: known, label: String(o.label ?? name) };
    });
    out.push({ id, label: String(r.label ?? r.title ?? id), params });
  }
  return out;
}
