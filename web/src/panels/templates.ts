// The hotline's structured message templates and their parameters. The hub's own catalogue
// (GET /api/v1/hotline/templates) is used when it serves one; this list mirrors the hub's fixed set
// and is the fallback.

export type ParamType = 'integer' | 'number' | 'string' | 'time' | 'position' | 'duration';
export interface TemplateParam { name: string; type: ParamType; label: string; required: boolean }
export interface TemplateSpec { id: string; label: string; params: TemplateParam[] }

const p = (name: string, type: ParamType, label: string, required = false): TemplateParam => ({ name, type, label, required });
const FL = (name: string, label: string, required = false) => p(name, 'integer', label, required);
const REPLY = p('reply_to', 'string', 'In reply to (message id)');

export const BUILT_IN_TEMPLATES: TemplateSpec[] = [
  { id: 'TRAFFIC_ALERT', label: 'Traffic alert', params: [p('position', 'position', 'Position', true), FL('flight_level', 'Flight level'), p('time', 'time', 'Time (UTC)'), p('track_id', 'string', 'Track'), p('intent_id', 'string', 'Intent')] },
  { id: 'REQUEST_ALTITUDE_CHANGE', label: 'Request altitude change', params: [FL('flight_level', 'Flight level', true), p('time', 'time', 'By (UTC)'), p('track_id', 'string', 'Track'), p('intent_id', 'string', 'Intent')] },
  { id: 'REQUEST_HEADING_CHANGE', label: 'Request heading change', params: [p('heading_deg', 'integer', 'Heading (deg)', true), p('time', 'time', 'By (UTC)'), p('track_id', 'string', 'Track'), p('intent_id', 'string', 'Intent')] },
  { id: 'REQUEST_HOLD', label: 'Request hold', params: [p('position', 'position', 'Position', true), p('duration', 'duration', 'Duration (s or PT15M)', true), FL('flight_level', 'Flight level'), p('track_id', 'string', 'Track'), p('intent_id', 'string', 'Intent')] },
  { id: 'INTENT_WILL_CHANGE', label: 'Intent will change', params: [p('intent_id', 'string', 'Intent', true), p('time', 'time', 'At (UTC)', true)] },
  { id: 'AREA_ACTIVE', label: 'Area active', params: [p('position', 'position', 'Centre', true), p('radius_nm', 'number', 'Radius (NM)', true), FL('lower_fl', 'Lower FL', true), FL('upper_fl', 'Upper FL', true), p('start', 'time', 'From (UTC)', true), p('end', 'time', 'To (UTC)', true)] },
  { id: 'WILCO', label: 'Wilco', params: [REPLY] },
  { id: 'UNABLE', label: 'Unable', params: [REPLY, p('reason', 'string', 'Reason')] },
  { id: 'ACKNOWLEDGE', label: 'Acknowledge', params: [REPLY] },
  { id: 'CANCEL', label: 'Cancel', params: [REPLY, p('intent_id', 'string', 'Intent')] },
  { id: 'FREE_TEXT', label: 'Free text (not translated)', params: [p('text', 'string', 'Text', true)] },
];

function normaliseType(raw: string): ParamType {
  switch (raw.toLowerCase().replace(/[_\s-]/g, '')) {
    case 'flightlevel':
    case 'heading':
    case 'integer':
    case 'int':
      return 'integer';
    case 'distancenm':
    case 'number':
      return 'number';
    case 'utctime':
    case 'time':
    case 'datetime':
      return 'time';
    case 'position':
      return 'position';
    case 'duration':
      return 'duration';
    default:
      return 'string';
  }
}

/**
 * Reads the hub's catalogue: `{templates: [{id, parameters: [{name, type, required}]}]}`, a bare array of
 * those, or `{ID: {params}}`. Labels come from the built-in list where it knows the template or parameter.
 */
export function parseTemplates(body: unknown): TemplateSpec[] {
  const root = body && typeof body === 'object' && !Array.isArray(body) && 'templates' in body ? (body as { templates: unknown }).templates : body;
  const entries: [string, unknown][] = Array.isArray(root)
    ? root.map((t) => [String((t as Record<string, unknown>).id ?? (t as Record<string, unknown>).template ?? ''), t])
    : root && typeof root === 'object'
      ? Object.entries(root as Record<string, unknown>)
      : [];
  const out: TemplateSpec[] = [];
  for (const [id, t] of entries) {
    if (!id) continue;
    const known = BUILT_IN_TEMPLATES.find((b) => b.id === id);
    const r = (t ?? {}) as Record<string, unknown>;
    const rawParams = Array.isArray(r.parameters) ? r.parameters : Array.isArray(r.params) ? r.params : [];
    const params: TemplateParam[] = rawParams.map((x) => {
      if (typeof x === 'string') return known?.params.find((k) => k.name === x) ?? p(x, 'string', x);
      const o = x as Record<string, unknown>;
      const name = String(o.name ?? '');
      const label = known?.params.find((k) => k.name === name)?.label ?? String(o.label ?? name.replace(/_/g, ' '));
      return p(name, normaliseType(String(o.type ?? 'string')), label, o.required === true);
    });
    out.push({ id, label: known?.label ?? String(r.label ?? r.title ?? humanise(id)), params });
  }
  return out;
}

function humanise(id: string): string {
  const words = id.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A form value as the hub expects it, or undefined for an empty optional field. */
export function paramValue(type: ParamType, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(text) ? parseInt(text, 10) : text;
    case 'number':
      return Number.isFinite(Number(text)) ? Number(text) : text;
    case 'duration':
      return /^\d+$/.test(text) ? parseInt(text, 10) : text;
    case 'position': {
      const m = /^\s*(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
      return m ? { lat_deg: Number(m[1]), lon_deg: Number(m[2]) } : { mgrs: text };
    }
    default:
      return text;
  }
}
