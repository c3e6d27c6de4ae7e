#!/usr/bin/env node
// Draws Balans' icons (the add-in logo and one glyph per ribbon button) as PNG files in assets/.
// Node only: shapes are tested per sub-sample (4×4 supersampling gives anti-aliased edges)
// and written by a tiny PNG encoder (zlib + CRC-32). Run: node scripts/draw-icons.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");

// Calm palette: blue for structure, green for "in order".
const BLUE = [30, 107, 168];
const BLUE_DARK = [27, 73, 101];
const GREEN = [47, 158, 110];
const WHITE = [255, 255, 255];

// ---------- PNG encoder ----------

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes straight (not premultiplied) RGBA pixels as an 8-bit RGBA PNG. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- shapes: each is a predicate inside(x, y) in pixel units ----------

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
function rect(x0, y0, x1, y1) {
  [x0, y0, x1, y1] = [x0, y0, x1, y1].map(snapEdge);
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function roundRect(x0, y0, x1, y1, r) {
  [x0, y0, x1, y1] = [x0, y0, x1, y1].map(snapEdge);
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}
// At small sizes, straight edges and axis-aligned strokes are snapped to the pixel grid so
// that they come out crisp instead of as two half-covered rows.
let snapToPixels = false;
const snapEdge = (v) => (snapToPixels ? Math.round(v) : v);
const snapCentre = (v, width) => {
  if (!snapToPixels) return v;
  return Math.round(width) % 2 === 0 ? Math.round(v) : Math.floor(v) + 0.5;
};

/** A thick line with round caps (horizontal and vertical ones snapped at small sizes). */
function line(x0, y0, x1, y1, width) {
  if (snapToPixels) width = Math.max(1, Math.round(width));
  if (x0 === x1) x0 = x1 = snapCentre(x0, width);
  if (y0 === y1) y0 = y1 = snapCentre(y0, width);
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy || 1;
  const h = width / 2;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / len2));
    const px = x0 + t * dx - x;
    const py = y0 + t * dy - y;
    return px * px + py * py <= h * h;
  };
}
const polyline = (points, width) =>
  union(...points.slice(1).map((p, i) => line(points[i][0], points[i][1], p[0], p[1], width)));
const union = (...shapes) => (x, y) => shapes.some((s) => s(x, y));
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);
const and = (a, b) => (x, y) => a(x, y) && b(x, y);
function outline(x0, y0, x1, y1, r, w) {
  if (snapToPixels) w = Math.max(1, Math.round(w));
  [x0, y0, x1, y1] = [x0, y0, x1, y1].map(snapEdge);
  return minus(roundRect(x0, y0, x1, y1, r), roundRect(x0 + w, y0 + w, x1 - w, y1 - w, Math.max(0, r - w)));
}
/** A straight bar with square ends, centred on a horizontal or vertical line. */
function bar(x0, y0, x1, y1, width) {
  if (snapToPixels) width = Math.max(1, Math.round(width));
  const h = width / 2;
  if (x0 === x1) {
    const c = snapCentre(x0, width);
    return rect(c - h, y0, c + h, y1);
  }
  const c = snapCentre(y0, width);
  return rect(x0, c - h, x1, c + h);
}

// ---------- rasteriser ----------

const SS = 4; // sub-samples per axis

/** Paints layers ({ color, shape }) in order onto a transparent size×size canvas. */
function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0; // premultiplied
      for (const { color, shape, alpha = 1 } of layers) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            if (shape(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)) hits++;
          }
        }
        const cov = (hits / (SS * SS)) * alpha;
        if (cov === 0) continue;
        r = color[0] * cov + r * (1 - cov);
        g = color[1] * cov + g * (1 - cov);
        b = color[2] * cov + b * (1 - cov);
        a = cov + a * (1 - cov);
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round(a * 255);
      }
    }
  }
  return rgba;
}

// ---------- the drawings (coordinates on a 32-unit grid, scaled to the size) ----------

/** Stroke width in pixels: proportional, but never thinner than readable at 16 px. */
const stroke = (size, units) => Math.max(units * (size / 32), size <= 16 ? 1.6 : 1.2);

/** Logo: a balance scale in white on a blue rounded square, a green check on the right pan. */
function logo(size) {
  const k = size / 32;
  const w = stroke(size, 2.2);
  const bg = roundRect(0.5 * k, 0.5 * k, 31.5 * k, 31.5 * k, 7 * k);
  const post = line(16 * k, 8 * k, 16 * k, 24 * k, w);
  const base = line(10.5 * k, 25 * k, 21.5 * k, 25 * k, w);
  const beam = line(6.5 * k, 10.5 * k, 25.5 * k, 10.5 * k, w);
  const knob = circle(16 * k, 7.2 * k, 2.1 * k);
  const pan = (cx) =>
    union(
      and(circle(cx * k, 17 * k, 5 * k), rect(0, 17 * k, 32 * k, 32 * k)),
      line((cx - 4.4) * k, 17 * k, cx * k, 10.5 * k, w * 0.6),
      line((cx + 4.4) * k, 17 * k, cx * k, 10.5 * k, w * 0.6),
    );
  const layers = [
    { color: BLUE, shape: bg },
    { color: WHITE, shape: union(post, base, beam, knob, pan(7), pan(25)) },
  ];
  if (size >= 32) {
    // A small green check inside the right pan (too fine for 16 px).
    const cw = stroke(size, 1.6);
    layers.push({ color: GREEN, shape: polyline([[22.6 * k, 19.4 * k], [24.4 * k, 21 * k], [27.4 * k, 17.8 * k]], cw) });
  }
  return layers;
}

/** Kontrollera: a white check mark on a green disc. */
function kontrollera(size) {
  const k = size / 32;
  return [
    { color: GREEN, shape: circle(16 * k, 16 * k, 15 * k) },
    { color: WHITE, shape: polyline([[8.5 * k, 16.5 * k], [13.5 * k, 21.5 * k], [23.5 * k, 10.5 * k]], stroke(size, 3.6)) },
  ];
}

/** Summering: a blue sigma with a green total bar beneath. */
function summering(size) {
  const k = size / 32;
  const w = stroke(size, 3.4);
  const sigma = union(
    bar(7 * k, 4.5 * k, 24 * k, 4.5 * k, w),
    bar(7 * k, 23.5 * k, 24 * k, 23.5 * k, w),
    line(9 * k, 5.5 * k, 17 * k, 14 * k, w),
    line(17 * k, 14 * k, 9 * k, 22.5 * k, w),
    bar(24 * k - w / 2, 3 * k, 24 * k - w / 2, 8.5 * k, w),
    bar(24 * k - w / 2, 19.5 * k, 24 * k - w / 2, 25 * k, w),
  );
  return [
    { color: BLUE, shape: sigma },
    { color: GREEN, shape: bar(7 * k, 29 * k, 24 * k, 29 * k, stroke(size, 2.4)) },
  ];
}

/** Infoga mall: a table with a blue header row and grid lines. */
function mall(size, filled = false) {
  const k = size / 32;
  const w = stroke(size, 1.8);
  const x0 = 3 * k, y0 = 5 * k, x1 = 29 * k, y1 = 27 * k;
  const header = roundRect(x0, y0, x1, 11.5 * k, 2 * k);
  const frame = outline(x0, y0, x1, y1, 2 * k, w);
  const grid = union(
    bar(x0, 19 * k, x1, 19 * k, w * 0.8),
    bar(12 * k, 11 * k, 12 * k, y1, w * 0.8),
    bar(20.5 * k, 11 * k, 20.5 * k, y1, w * 0.8),
  );
  const layers = [
    { color: WHITE, shape: roundRect(x0, y0, x1, y1, 2 * k) },
    { color: BLUE, shape: union(header, frame, grid) },
  ];
  if (filled) {
    layers.splice(1, 0, { color: GREEN, shape: union(rect(12 * k, 19 * k, 20.5 * k, y1), rect(20.5 * k, 11 * k, x1, 19 * k)), alpha: 0.55 });
  }
  return layers;
}

/** Visa panel: a window with the task pane on its right side. */
function panel(size) {
  const k = size / 32;
  const w = size <= 16 ? 1 : stroke(size, 2); // 2 px lines would run together at 16 px
  const x0 = 2.5 * k, y0 = 5 * k, x1 = 29.5 * k, y1 = 27 * k;
  return [
    { color: WHITE, shape: roundRect(x0, y0, x1, y1, 2.5 * k) },
    { color: GREEN, shape: roundRect(19 * k, y0, x1, y1, 2.5 * k), alpha: 0.85 },
    { color: BLUE_DARK, shape: union(outline(x0, y0, x1, y1, 2.5 * k, w), bar(19 * k, y0, 19 * k, y1, w)) },
    { color: BLUE, shape: union(bar(6.5 * k, 11 * k, 15.5 * k, 11 * k, w), bar(6.5 * k, 16 * k, 15.5 * k, 16 * k, w), bar(6.5 * k, 21 * k, 12.5 * k, 21 * k, w)) },
  ];
}

// ---------- output ----------

// Ribbon buttons and the group: 16, 32 and 80 px. The logo also as the manifest's IconUrl
// (32 px) and HighResolutionIconUrl (64 px), the sizes Microsoft's manifest reference gives
// for task pane add-ins.
const BUTTON_SIZES = [16, 32, 80];
const files = [];
for (const size of [16, 32, 64, 80]) files.push([`icon-${size}.png`, size, logo]);
for (const [name, draw] of [
  ["kontrollera", kontrollera],
  ["summering", summering],
  ["mall", (s) => mall(s, false)],
  ["mall-exempel", (s) => mall(s, true)],
  ["panel", panel],
]) {
  for (const size of BUTTON_SIZES) files.push([`${name}-${size}.png`, size, draw]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, draw] of files) {
  snapToPixels = size <= 32;
  writeFileSync(join(OUT, name), encodePng(size, size, render(size, draw(size))));
}
console.log(`draw-icons: wrote ${files.length} PNG files to assets/`);
