// Geodesic outlines on the WGS-84 ellipsoid for drawing intent volumes.
// Circles and corridors are declared by geodesic radius / half-width, so their outlines are
// computed with Vincenty's direct formula (sub-millimetre on the ellipsoid, always converges);
// polygon edges are great-circle arcs and are densified so that long edges draw as arcs.

export type LonLat = [number, number];

const A = 6378137.0;
const F = 1 / 298.257223563;
const B = A * (1 - F);
const DEG = Math.PI / 180;

/** Point reached from (lat, lon) after `distanceM` metres along the geodesic starting at `azimuthDeg`. */
export function direct(latDeg: number, lonDeg: number, azimuthDeg: number, distanceM: number): LonLat {
  if (distanceM === 0) return [lonDeg, latDeg];
  const alpha1 = azimuthDeg * DEG;
  const sinAlpha1 = Math.sin(alpha1);
  const cosAlpha1 = Math.cos(alpha1);
  const tanU1 = (1 - F) * Math.tan(latDeg * DEG);
  const cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1);
  const sinU1 = tanU1 * cosU1;
  const sigma1 = Math.atan2(tanU1, cosAlpha1);
  const sinAlpha = cosU1 * sinAlpha1;
  const cosSqAlpha = 1 - sinAlpha * sinAlpha;
  const { bigA, bigB } = series(cosSqAlpha);
  let sigma = distanceM / (B * bigA);
  let sinSigma = 0;
  let cosSigma = 1;
  let cos2SigmaM = 0;
  for (let i = 0; i < 200; i++) {
    cos2SigmaM = Math.cos(2 * sigma1 + sigma);
    sinSigma = Math.sin(sigma);
    cosSigma = Math.cos(sigma);
    const next = distanceM / (B * bigA) + deltaSigma(bigB, sinSigma, cosSigma, cos2SigmaM);
    if (Math.abs(next - sigma) < 1e-12) {
      sigma = next;
      break;
    }
    sigma = next;
  }
  cos2SigmaM = Math.cos(2 * sigma1 + sigma);
  sinSigma = Math.sin(sigma);
  cosSigma = Math.cos(sigma);
  const x = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
  const lat2 = Math.atan2(sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1, (1 - F) * Math.sqrt(sinAlpha * sinAlpha + x * x));
  const lambda = Math.atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
  const c = (F / 16) * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
  const l = lambda - (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
  return [normaliseLon(lonDeg + l / DEG), lat2 / DEG];
}

/** Initial azimuth (degrees) and distance (metres) between two points; Vincenty, spherical fallback near antipodes. */
export function inverse(lat1Deg: number, lon1Deg: number, lat2Deg: number, lon2Deg: number): { azimuthDeg: number; distanceM: number } {
  const l = (lon2Deg - lon1Deg) * DEG;
  const u1 = Math.atan((1 - F) * Math.tan(lat1Deg * DEG));
  const u2 = Math.atan((1 - F) * Math.tan(lat2Deg * DEG));
  const sinU1 = Math.sin(u1), cosU1 = Math.cos(u1), sinU2 = Math.sin(u2), cosU2 = Math.cos(u2);
  let lambda = l;
  for (let i = 0; i < 200; i++) {
    const sinLambda = Math.sin(lambda), cosLambda = Math.cos(lambda);
    const sinSigma = Math.sqrt((cosU2 * sinLambda) ** 2 + (cosU1 * sinU2 - sinU1 * cosU2 * cosLambda) ** 2);
    if (sinSigma === 0) return { azimuthDeg: 0, distanceM: 0 };
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    const cosSqAlpha = 1 - sinAlpha * sinAlpha;
    const cos2SigmaM = cosSqAlpha !== 0 ? cosSigma - (2 * sinU1 * sinU2) / cosSqAlpha : 0;
    const c = (F / 16) * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
    const prev = lambda;
    lambda = l + (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - prev) < 1e-12) {
      const { bigA, bigB } = series(cosSqAlpha);
      const az = Math.atan2(cosU2 * Math.sin(lambda), cosU1 * sinU2 - sinU1 * cosU2 * Math.cos(lambda));
      return { azimuthDeg: (az / DEG + 360) % 360, distanceM: B * bigA * (sigma - deltaSigma(bigB, sinSigma, cosSigma, cos2SigmaM)) };
    }
  }
  return sphericalInverse(lat1Deg, lon1Deg, lat2Deg, lon2Deg);
}

/** Vincenty's coefficients A and B, series in u² shared by the direct and inverse formulae. */
function series(cosSqAlpha: number): { bigA: number; bigB: number } {
  const uSq = (cosSqAlpha * (A * A - B * B)) / (B * B);
  return {
    bigA: 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq))),
    bigB: (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq))),
  };
}

/** Vincenty's Δσ for the current σ. */
function deltaSigma(bigB: number, sinSigma: number, cosSigma: number, cos2SigmaM: number): number {
  return (
    bigB *
    sinSigma *
    (cos2SigmaM +
      (bigB / 4) *
        (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
          (bigB / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
  );
}

function sphericalInverse(lat1Deg: number, lon1Deg: number, lat2Deg: number, lon2Deg: number) {
  const p1 = lat1Deg * DEG, p2 = lat2Deg * DEG, dl = (lon2Deg - lon1Deg) * DEG;
  const y = Math.sin(dl) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
  const hav = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  const r = (2 * A + B) / 3;
  return { azimuthDeg: (Math.atan2(y, x) / DEG + 360) % 360, distanceM: 2 * r * Math.asin(Math.min(1, Math.sqrt(hav))) };
}

function normaliseLon(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/** Keeps consecutive longitudes continuous (no ±180 jumps) so a ring crossing the antimeridian draws correctly. */
function unwrap(ring: LonLat[]): LonLat[] {
  const out: LonLat[] = [];
  for (const [lon, lat] of ring) {
    if (out.length === 0) {
      out.push([lon, lat]);
      continue;
    }
    const prev = out[out.length - 1][0];
    let l = lon;
    while (l - prev > 180) l -= 360;
    while (l - prev < -180) l += 360;
    out.push([l, lat]);
  }
  return out;
}

/** Closed ring of a geodesic circle: `segments` points at equal azimuth steps. */
export function circleRing(centreLat: number, centreLon: number, radiusM: number, segments = 128): LonLat[] {
  const ring: LonLat[] = [];
  for (let i = 0; i < segments; i++) ring.push(direct(centreLat, centreLon, (360 * i) / segments, radiusM));
  ring.push(ring[0]);
  return unwrap(ring);
}

/**
 * Outline of a corridor: every point within `halfWidthM` of the geodesic path, with round caps.
 * Returned as one ring per segment (a "stadium": both sides offset by the half-width, joined by
 * half circles); the union of the rings is the corridor, joins included.
 */
export function corridorRings(path: LonLat[], halfWidthM: number, capSegments = 24, sideStepM = 20000): LonLat[][] {
  if (path.length === 1) return [circleRing(path[0][1], path[0][0], halfWidthM)];
  const rings: LonLat[][] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const [lon1, lat1] = path[i];
    const [lon2, lat2] = path[i + 1];
    const inv = inverse(lat1, lon1, lat2, lon2);
    if (inv.distanceM === 0) {
      rings.push(circleRing(lat1, lon1, halfWidthM));
      continue;
    }
    const steps = Math.max(1, Math.ceil(inv.distanceM / sideStepM));
    const centre: { lat: number; lon: number; az: number }[] = [];
    for (let s = 0; s <= steps; s++) {
      const [lon, lat] = direct(lat1, lon1, inv.azimuthDeg, (inv.distanceM * s) / steps);
      const az = s === steps ? (inverse(lat2, lon2, lat1, lon1).azimuthDeg + 180) % 360 : inverse(lat, lon, lat2, lon2).azimuthDeg;
      centre.push({ lat, lon, az });
    }
    const ring: LonLat[] = [];
    for (const c of centre) ring.push(direct(c.lat, c.lon, c.az + 90, halfWidthM));
    const end = centre[centre.length - 1];
    for (let k = 1; k < capSegments; k++) ring.push(direct(end.lat, end.lon, end.az + 90 - (180 * k) / capSegments, halfWidthM));
    for (let s = centre.length - 1; s >= 0; s--) ring.push(direct(centre[s].lat, centre[s].lon, centre[s].az - 90, halfWidthM));
    const start = centre[0];
    for (let k = 1; k < capSegments; k++) ring.push(direct(start.lat, start.lon, start.az - 90 - (180 * k) / capSegments, halfWidthM));
    ring.push(ring[0]);
    rings.push(unwrap(ring));
  }
  return rings;
}

/** Densifies a ring so that no edge is longer than `maxStepM`, following great-circle arcs. */
export function densifyRing(ring: LonLat[], maxStepM = 25000): LonLat[] {
  const out: LonLat[] = [];
  for (let i = 0; i < ring.length; i++) {
    const [lon1, lat1] = ring[i];
    out.push([lon1, lat1]);
    if (i + 1 >= ring.length) break;
    const [lon2, lat2] = ring[i + 1];
    const inv = inverse(lat1, lon1, lat2, lon2);
    const steps = Math.ceil(inv.distanceM / maxStepM);
    for (let s = 1; s < steps; s++) out.push(direct(lat1, lon1, inv.azimuthDeg, (inv.distanceM * s) / steps));
  }
  return unwrap(out);
}

/** Point `seconds` ahead of a track at ground speed `gsKt` on true track `trkDeg` (for leader lines). */
export function project(latDeg: number, lonDeg: number, trkDeg: number, gsKt: number, seconds: number): LonLat {
  return direct(latDeg, lonDeg, trkDeg, gsKt * 0.514444 * seconds);
}
