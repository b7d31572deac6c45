// Formatting for an operational display: UTC everywhere, fixed widths, units spelled out.

export function utcTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.toISOString().slice(11, 19)}Z`;
}

export function utcHm(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : `${d.toISOString().slice(11, 16)}Z`;
}

export function utcDateTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}Z`;
}

export function clock(now: Date): string {
  return `${now.toISOString().slice(0, 10)} ${now.toISOString().slice(11, 19)} UTC`;
}

export function flightLevel(altFt: number | undefined | null): string {
  if (altFt === undefined || altFt === null || Number.isNaN(altFt)) return '—';
  return altFt >= 18000 ? `FL${String(Math.round(altFt / 100)).padStart(3, '0')}` : `${Math.round(altFt)} ft`;
}

export function altBand(lower: number | undefined, upper: number | undefined): string {
  return `${flightLevel(lower)}–${flightLevel(upper)}`;
}

export function latLon(lat: number, lon: number): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(4)}°${ns} ${Math.abs(lon).toFixed(4)}°${ew}`;
}

/** Any value from the hub as short display text (strings as-is, objects as their id/name). */
export function label(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const id = o.id ?? o.intent_id ?? o.track_id ?? o.site_id ?? o.name;
    const type = o.type ?? o.kind ?? o.object_type;
    if (id !== undefined) return type ? `${String(type)} ${String(id)}` : String(id);
  }
  return JSON.stringify(value);
}
