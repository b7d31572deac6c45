// An object's identity is (kind, owner party, id): two parties may both have an intent "CAP-1".
// Conflicts name their objects in `object_refs` ({kind, party, id}); a hub that lists only `objects`
// (ids) is read by finding each id among the objects of the conflict's parties.

export type ObjectKind = 'intent' | 'track' | 'site' | 'movement' | 'strike' | 'zone';
export interface ObjectRef { kind: ObjectKind; party: string; id: string }

export function refKey(r: ObjectRef): string {
  return `${r.kind}\u001f${r.party}\u001f${r.id}`;
}

export function key(kind: ObjectKind, party: string | undefined | null, id: string): string {
  return refKey({ kind, party: party ?? '', id });
}

export function parseKey(k: string): ObjectRef {
  const [kind, party, id] = k.split('\u001f');
  return { kind: kind as ObjectKind, party, id };
}

const KINDS: Record<string, ObjectKind> = {
  intent: 'intent', operational_intent: 'intent', track: 'track', aircraft: 'track', site: 'site', movement: 'movement', strike: 'strike', zone: 'zone',
};

/** The refs a conflict names: its `object_refs` when present, else its ids resolved with `lookup`. */
export function conflictRefs(c: { objects?: unknown[]; object_refs?: unknown; parties?: string[] }, lookup: (id: string, parties: string[]) => ObjectRef[]): ObjectRef[] {
  if (Array.isArray(c.object_refs)) {
    const out: ObjectRef[] = [];
    for (const r of c.object_refs as Record<string, unknown>[]) {
      const kind = KINDS[String(r?.kind ?? '').toLowerCase()];
      if (kind && typeof r.id === 'string') out.push({ kind, party: typeof r.party === 'string' ? r.party : '', id: r.id });
    }
    return out;
  }
  const parties = Array.isArray(c.parties) ? c.parties : [];
  return (Array.isArray(c.objects) ? c.objects : []).flatMap((o) => (typeof o === 'string' ? lookup(o, parties) : []));
}
