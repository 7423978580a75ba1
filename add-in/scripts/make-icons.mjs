// @ts-check
// Draws the add-in's icons (a globe caught in a net, with an amber marker) as PNGs in add-in/assets/.
// Run once with `node add-in/scripts/make-icons.mjs`; the PNGs are committed, the build only copies them.
import { Buffer } from "node:buffer";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80];
/** @typedef {[number, number, number]} Rgb */
/** @type {Rgb} */ const BLUE = [15, 76, 129];
/** @type {Rgb} */ const WHITE = [255, 255, 255];
/** @type {Rgb} */ const AMBER = [245, 166, 35];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG file. @param {number} size @param {Uint8Array} rgba */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** Colour of one sample point in unit coordinates, or null outside the icon. @param {number} x @param {number} y @param {number} size @returns {Rgb | null} */
function sample(x, y, size) {
  const corner = 0.2;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - corner), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - corner), 0);
  if (Math.hypot(qx, qy) > corner) return null;
  const dx = x - 0.5;
  const dy = y - 0.53;
  const r = 0.33;
  const half = Math.max(0.055, 1.15 / size) / 2;
  const marker = Math.hypot(x - 0.76, y - 0.24);
  if (marker < 0.11) return AMBER;
  if (marker < 0.11 + half * 1.4) return BLUE;
  const d = Math.hypot(dx, dy);
  if (Math.abs(d - r) < half) return WHITE;
  if (d < r) {
    const rx = 0.14;
    const f = (dx / rx) ** 2 + (dy / r) ** 2 - 1;
    const grad = 2 * Math.hypot(dx / rx ** 2, dy / r ** 2);
    if (grad > 0 && Math.abs(f) / grad < half) return WHITE;
    if (Math.abs(dx) < half) return WHITE;
    if (Math.abs(dy) < half) return WHITE;
    if (size >= 32 && Math.abs(Math.abs(dy) - r * 0.55) < half * 0.8) return WHITE;
  }
  return BLUE;
}

/** Renders the icon at one size with 4×4 supersampling. @param {number} size */
export function renderIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) rgba.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (n * n))], i);
    }
  }
  return encodePng(size, rgba);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
  for (const size of SIZES) writeFileSync(join(out, `icon-${size}.png`), renderIcon(size));
  console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to ${out}`);
}
