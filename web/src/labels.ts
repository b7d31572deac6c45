// Map labels without a glyph server: text is drawn into canvas images with the system font and
// registered on demand (MapLibre's missing-image resolver), keyed by the text itself.

import type { Map as MapLibreMap } from 'maplibre-gl';

export const LABEL_PREFIX = 'txt|';
export const ARROW_PREFIX = 'arrow|';
export const RING_PREFIX = 'ring|';

/** Image id of a label: `txt|<colour>|<b or n>|<text>`; bold marks the caller's own objects and conflicts. */
export function labelImage(text: string, colour: string, bold: boolean): string {
  return `${LABEL_PREFIX}${colour}|${bold ? 'b' : 'n'}|${text}`;
}

/** Label images no longer named by any feature are dropped once there are many (moving tracks change text). */
export function dropUnusedLabels(map: MapLibreMap, used: Set<string>, keep = 4000): void {
  const ids = map.listImages().filter((id) => id.startsWith(LABEL_PREFIX));
  if (ids.length <= keep) return;
  for (const id of ids) if (!used.has(id)) map.removeImage(id);
}

export function arrowImage(colour: string): string {
  return `${ARROW_PREFIX}${colour}`;
}

export function installImageFactory(map: MapLibreMap): void {
  map.setMissingStyleImageResolver((id: string) => {
    if (map.hasImage(id)) return;
    const ratio = Math.min(2, Math.max(1, Math.round(window.devicePixelRatio || 1)));
    let image: ImageData | null = null;
    if (id.startsWith(LABEL_PREFIX)) {
      const [, colour, weight, ...rest] = id.split('|');
      image = drawLabel(rest.join('|'), colour, weight === 'b', ratio);
    } else if (id.startsWith(ARROW_PREFIX)) {
      image = drawArrow(id.slice(ARROW_PREFIX.length), ratio);
    } else if (id.startsWith(RING_PREFIX)) {
      image = drawRing(id.slice(RING_PREFIX.length), ratio);
    }
    if (image) map.addImage(id, image, { pixelRatio: ratio });
  });
}

function context(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2D context unavailable');
  return ctx;
}

function drawLabel(text: string, colour: string, bold: boolean, ratio: number): ImageData {
  const font = `${bold ? 'bold ' : ''}${11 * ratio}px "DejaVu Sans Mono", "Liberation Mono", monospace`;
  const lines = text.split('\n');
  const probe = context(1, 1);
  probe.font = font;
  const width = Math.ceil(Math.max(...lines.map((l) => probe.measureText(l).width)) + 8 * ratio);
  const lineHeight = 13 * ratio;
  const height = lineHeight * lines.length + 4 * ratio;
  const ctx = context(width, height);
  ctx.fillStyle = 'rgba(7, 11, 16, 0.78)';
  ctx.fillRect(0, 0, width, height);
  ctx.font = font;
  ctx.fillStyle = colour;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => ctx.fillText(line, 4 * ratio, 2 * ratio + i * lineHeight));
  return ctx.getImageData(0, 0, width, height);
}

function drawArrow(colour: string, ratio: number): ImageData {
  const s = 22 * ratio;
  const ctx = context(s, s);
  ctx.translate(s / 2, s / 2);
  ctx.beginPath();
  ctx.moveTo(0, -9 * ratio);
  ctx.lineTo(6 * ratio, 8 * ratio);
  ctx.lineTo(0, 4 * ratio);
  ctx.lineTo(-6 * ratio, 8 * ratio);
  ctx.closePath();
  ctx.fillStyle = colour;
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = 1.5 * ratio;
  ctx.stroke();
  ctx.fill();
  return ctx.getImageData(0, 0, s, s);
}

function drawRing(colour: string, ratio: number): ImageData {
  const s = 34 * ratio;
  const ctx = context(s, s);
  ctx.beginPath();
  ctx.arc(s / 2, s / 2, 13 * ratio, 0, Math.PI * 2);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3 * ratio;
  ctx.stroke();
  return ctx.getImageData(0, 0, s, s);
}
