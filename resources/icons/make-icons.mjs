// Draws the app and tray icons (a gift box) as PNGs with Node built-ins only: `node resources/icons/make-icons.mjs`.
// Kept so the icons can be redrawn; shapes are in a 0..1 square, painted in order, 4×4 supersampled.
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const here = new URL('.', import.meta.url);
const RED = [214, 47, 58, 255];
const DARK_RED = [178, 32, 44, 255];
const GOLD = [244, 197, 66, 255];
const GREEN = [30, 107, 71, 255];
const BLACK = [0, 0, 0, 255];
const CLEAR = [0, 0, 0, 0];

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const ellipse = (cx, cy, rx, ry, angle) => (x, y) => {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const u = (x - cx) * c + (y - cy) * s;
  const v = -(x - cx) * s + (y - cy) * c;
  return (u / rx) ** 2 + (v / ry) ** 2 <= 1;
};
const ring = (cx, cy, rx, ry, angle, t) => {
  const outer = ellipse(cx, cy, rx, ry, angle);
  const inner = ellipse(cx, cy, rx - t, ry - t, angle);
  return (x, y) => outer(x, y) && !inner(x, y);
};
const circle = (cx, cy, r) => ellipse(cx, cy, r, r, 0);

/** The app icon's gift box inside the unit square. */
function gift({ box, lid, ribbon }) {
  const t = 0.05;
  const shapes = [
    [ring(0.37, 0.25, 0.14, 0.09, 0.45, t), ribbon],
    [ring(0.63, 0.25, 0.14, 0.09, -0.45, t), ribbon],
    [roundRect(0.2, 0.47, 0.8, 0.9, 0.04), box],
    [roundRect(0.13, 0.33, 0.87, 0.47, 0.03), lid],
    [rect(0.44, 0.33, 0.56, 0.9), ribbon],
    [circle(0.5, 0.3, 0.065), ribbon],
  ];
  return shapes;
}

const scaled = (shapes, k) => shapes.map(([test, color]) => [(x, y) => test((x - 0.5) / k + 0.5, (y - 0.5) / k + 0.5), color]);

function render(size, shapes, ss = 4) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          let color = CLEAR;
          for (const [test, c] of shapes) if (test(x, y)) color = c;
          const a = color[3] / 255;
          acc[0] += color[0] * a;
          acc[1] += color[1] * a;
          acc[2] += color[2] * a;
          acc[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const n = ss * ss;
      rgba[i] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      rgba[i + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      rgba[i + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      rgba[i + 3] = Math.round((acc[3] / n) * 255);
    }
  }
  return png(size, size, rgba);
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const appIcon = [[roundRect(0.04, 0.04, 0.96, 0.96, 0.2), GREEN], ...scaled(gift({ box: RED, lid: DARK_RED, ribbon: GOLD }), 0.8)];

/** Tray glyph on a 16-pixel grid so edges stay crisp at 16 and 32 px; `cut` paints the ribbon's gaps. */
function trayGift({ box, lid, ribbon, cut }) {
  const g = (n) => n / 16;
  const shapes = [
    [ring(g(5.2), g(3.2), g(2.9), g(2), 0.35, g(1.5)), ribbon],
    [ring(g(10.8), g(3.2), g(2.9), g(2), -0.35, g(1.5)), ribbon],
    [rect(g(2), g(8), g(14), g(15)), box],
    [rect(g(1), g(5), g(15), g(8)), lid],
    [rect(g(7), g(5), g(9), g(15)), ribbon],
  ];
  if (cut) shapes.push([rect(g(2), g(8), g(14), g(9)), cut]);
  return shapes;
}
const colourTray = trayGift({ box: RED, lid: DARK_RED, ribbon: GOLD });
// Template (macOS): black with alpha; the ribbon and the lid's edge are cut out so the box reads at 16 px.
const templateTray = trayGift({ box: BLACK, lid: BLACK, ribbon: CLEAR, cut: CLEAR }).map(([test, color], i) => [test, i < 2 ? BLACK : color]);

const out = {
  'icon.png': render(512, appIcon, 3),
  'tray.png': render(16, colourTray),
  'tray@2x.png': render(32, colourTray),
  'trayTemplate.png': render(16, templateTray),
  'trayTemplate@2x.png': render(32, templateTray),
};
for (const [name, data] of Object.entries(out)) writeFileSync(new URL(name, here), data);
console.log(`wrote ${Object.keys(out).join(', ')}`);
