// Draws images/icon.png (128×128): a note card with three bullets of decreasing indent.
// Kept so the icon can be redrawn; run with `node scripts/make-icon.mjs`.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const size = 128;
const px = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => { const i = (y * size + x) * 4; px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a; };
const rect = (x0, y0, x1, y1, c, radius = 0) => {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const dx = Math.max(x0 + radius - x, 0, x - (x1 - 1 - radius)), dy = Math.max(y0 + radius - y, 0, y - (y1 - 1 - radius));
    if (dx * dx + dy * dy <= radius * radius) set(x, y, c);
  }
};
const disc = (cx, cy, r, c) => { for (let y = cy - r; y <= cy + r; y++) for (let x = cx - r; x <= cx + r; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) set(x, y, c); };
rect(8, 8, 120, 120, [37, 99, 235, 255], 18);            // blue card
rect(8, 8, 120, 34, [29, 78, 216, 255], 18);              // header band
rect(8, 26, 120, 34, [29, 78, 216, 255]);
rect(22, 17, 96, 23, [255, 255, 255, 255], 3);            // header text
const rows = [[30, 48, 92], [44, 68, 80], [44, 88, 84], [30, 104, 70]];
for (const [x, y, w] of rows) { disc(x, y, 5, [255, 255, 255, 255]); rect(x + 12, y - 3, x + w - 20, y + 3, [219, 234, 254, 255], 3); }

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
const raw = Buffer.concat(Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.from([0]), px.subarray(y * size * 4, (y + 1) * size * 4)])));
writeFileSync('images/icon.png', Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
