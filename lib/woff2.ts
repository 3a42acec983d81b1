import { brotliDecompressSync } from 'node:zlib';

/**
 * WOFF2 → TrueType, for the social cards: next/og (satori) reads TTF, OTF and
 * WOFF but not WOFF2, and the serif the site uses is installed only as WOFF2
 * (@fontsource-variable/source-serif-4). Implements the W3C WOFF2 decoding
 * (https://www.w3.org/TR/WOFF2/): Brotli, then the transformed glyf and loca
 * tables rebuilt.
 * Font collections and the transformed hmtx table are not used by that font
 * and are refused rather than decoded wrongly.
 */

const KNOWN_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

class Reader {
  constructor(
    private readonly buf: Buffer,
    public pos = 0,
  ) {}
  u8() {
    if (this.pos >= this.buf.length) throw new Error('WOFF2: unexpected end of data');
    return this.buf[this.pos++];
  }
  u16() {
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  i16() {
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  u32() {
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  bytes(n: number) {
    if (this.pos + n > this.buf.length) throw new Error('WOFF2: unexpected end of data');
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
  base128() {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = this.u8();
      if (i === 0 && byte === 0x80) throw new Error('WOFF2: bad UIntBase128');
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    throw new Error('WOFF2: bad UIntBase128');
  }
  u255() {
    const code = this.u8();
    if (code === 253) return this.u16();
    if (code === 255) return this.u8() + 253;
    if (code === 254) return this.u8() + 506;
    return code;
  }
}

interface TableEntry {
  tag: string;
  transformed: boolean;
  origLength: number;
  length: number;
  data?: Buffer;
}

/** A simple glyph's points, relative moves decoded to absolute coordinates. */
function decodeTriplets(count: number, flags: Reader, glyphs: Reader) {
  const xs = new Array<number>(count);
  const ys = new Array<number>(count);
  const onCurve = new Array<boolean>(count);
  let x = 0;
  let y = 0;
  const withSign = (flag: number, value: number) => (flag & 1 ? value : -value);
  for (let i = 0; i < count; i++) {
    let flag = flags.u8();
    onCurve[i] = !(flag & 0x80);
    flag &= 0x7f;
    let dx: number;
    let dy: number;
    if (flag < 10) {
      dx = 0;
      dy = withSign(flag, ((flag & 14) << 7) + glyphs.u8());
    } else if (flag < 20) {
      dx = withSign(flag, (((flag - 10) & 14) << 7) + glyphs.u8());
      dy = 0;
    } else if (flag < 84) {
      const b0 = flag - 20;
      const b1 = glyphs.u8();
      dx = withSign(flag, 1 + (b0 & 0x30) + (b1 >> 4));
      dy = withSign(flag >> 1, 1 + ((b0 & 0x0c) << 2) + (b1 & 0x0f));
    } else if (flag < 120) {
      const b0 = flag - 84;
      dx = withSign(flag, 1 + (Math.floor(b0 / 12) << 8) + glyphs.u8());
      dy = withSign(flag >> 1, 1 + (((b0 % 12) >> 2) << 8) + glyphs.u8());
    } else if (flag < 124) {
      const a = glyphs.u8();
      const b = glyphs.u8();
      const c = glyphs.u8();
      dx = withSign(flag, (a << 4) + (b >> 4));
      dy = withSign(flag >> 1, ((b & 0x0f) << 8) + c);
    } else {
      const a = glyphs.u16();
      const b = glyphs.u16();
      dx = withSign(flag, a);
      dy = withSign(flag >> 1, b);
    }
    x += dx;
    y += dy;
    xs[i] = x;
    ys[i] = y;
  }
  return { xs, ys, onCurve };
}

/** A simple glyph in the plain glyf encoding. */
function encodeSimpleGlyph(endPts: number[], xs: number[], ys: number[], onCurve: boolean[], instructions: Buffer, bbox: number[]): Buffer {
  const flags: number[] = [];
  const xBytes: number[] = [];
  const yBytes: number[] = [];
  let px = 0;
  let py = 0;
  for (let i = 0; i < xs.length; i++) {
    let flag = onCurve[i] ? 1 : 0;
    const dx = xs[i] - px;
    const dy = ys[i] - py;
    if (dx === 0) flag |= 0x10;
    else if (dx > -256 && dx < 256) {
      flag |= 0x02 | (dx > 0 ? 0x10 : 0);
      xBytes.push(Math.abs(dx));
    } else xBytes.push((dx >> 8) & 0xff, dx & 0xff);
    if (dy === 0) flag |= 0x20;
    else if (dy > -256 && dy < 256) {
      flag |= 0x04 | (dy > 0 ? 0x20 : 0);
      yBytes.push(Math.abs(dy));
    } else yBytes.push((dy >> 8) & 0xff, dy & 0xff);
    flags.push(flag);
    px = xs[i];
    py = ys[i];
  }
  const head = Buffer.alloc(10 + endPts.length * 2 + 2);
  head.writeInt16BE(endPts.length, 0);
  bbox.forEach((v, i) => head.writeInt16BE(v, 2 + i * 2));
  endPts.forEach((v, i) => head.writeUInt16BE(v, 10 + i * 2));
  head.writeUInt16BE(instructions.length, 10 + endPts.length * 2);
  return Buffer.concat([head, instructions, Buffer.from(flags), Buffer.from(xBytes), Buffer.from(yBytes)]);
}

/** The length of one composite glyph's component records, and whether instructions follow. */
function compositeLength(composite: Reader): { length: number; hasInstructions: boolean } {
  const start = composite.pos;
  let hasInstructions = false;
  let more = true;
  while (more) {
    const flags = composite.u16();
    composite.u16(); // glyph index
    let skip = flags & 0x0001 ? 4 : 2;
    if (flags & 0x0008) skip += 2;
    else if (flags & 0x0040) skip += 4;
    else if (flags & 0x0080) skip += 8;
    composite.bytes(skip);
    if (flags & 0x0100) hasInstructions = true;
    more = Boolean(flags & 0x0020);
  }
  return { length: composite.pos - start, hasInstructions };
}

function rebuildGlyf(data: Buffer): { glyf: Buffer; loca: Buffer; indexFormat: number } {
  const header = new Reader(data);
  header.u16(); // reserved
  const optionFlags = header.u16();
  const numGlyphs = header.u16();
  const indexFormat = header.u16();
  const sizes = Array.from({ length: 7 }, () => header.u32());
  let offset = header.pos;
  const streams = sizes.map((size) => {
    const stream = data.subarray(offset, offset + size);
    offset += size;
    return stream;
  });
  if (offset > data.length) throw new Error('WOFF2: glyf streams overrun the table');
  const [nContourStream, nPoints, flagStream, glyphStream, compositeStream, bboxStreamAll, instructionStream] = streams.map((s) => new Reader(s));
  const bitmapLength = 4 * Math.floor((numGlyphs + 31) / 32);
  const bboxBitmap = streams[5].subarray(0, bitmapLength);
  bboxStreamAll.pos = bitmapLength;
  void optionFlags; // bit 0: an overlap bitmap follows; rendering does not need it.

  const glyphs: Buffer[] = [];
  for (let i = 0; i < numGlyphs; i++) {
    const contours = nContourStream.i16();
    const hasBbox = Boolean(bboxBitmap[i >> 3] & (0x80 >> (i & 7)));
    if (contours === 0) {
      if (hasBbox) throw new Error('WOFF2: empty glyph with a bounding box');
      glyphs.push(Buffer.alloc(0));
      continue;
    }
    if (contours === -1) {
      if (!hasBbox) throw new Error('WOFF2: composite glyph without a bounding box');
      const bbox = [bboxStreamAll.i16(), bboxStreamAll.i16(), bboxStreamAll.i16(), bboxStreamAll.i16()];
      const start = compositeStream.pos;
      const { length, hasInstructions } = compositeLength(compositeStream);
      const components = streams[4].subarray(start, start + length);
      const head = Buffer.alloc(10);
      head.writeInt16BE(-1, 0);
      bbox.forEach((v, k) => head.writeInt16BE(v, 2 + k * 2));
      const parts = [head, components];
      if (hasInstructions) {
        const n = glyphStream.u255();
        const size = Buffer.alloc(2);
        size.writeUInt16BE(n, 0);
        parts.push(size, instructionStream.bytes(n));
      }
      glyphs.push(Buffer.concat(parts));
      continue;
    }
    if (contours < 0) throw new Error('WOFF2: bad contour count');
    const endPts: number[] = [];
    let total = 0;
    for (let c = 0; c < contours; c++) {
      total += nPoints.u255();
      endPts.push(total - 1);
    }
    const { xs, ys, onCurve } = decodeTriplets(total, flagStream, glyphStream);
    const instructionLength = glyphStream.u255();
    const instructions = Buffer.from(instructionStream.bytes(instructionLength));
    const bbox = hasBbox
      ? [bboxStreamAll.i16(), bboxStreamAll.i16(), bboxStreamAll.i16(), bboxStreamAll.i16()]
      : [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    glyphs.push(encodeSimpleGlyph(endPts, xs, ys, onCurve, instructions, bbox));
  }

  // Each glyph padded to 4 bytes, which suits both loca formats.
  const offsets: number[] = [0];
  const padded = glyphs.map((glyph) => {
    const pad = (4 - (glyph.length % 4)) % 4;
    const out = pad ? Buffer.concat([glyph, Buffer.alloc(pad)]) : glyph;
    offsets.push(offsets[offsets.length - 1] + out.length);
    return out;
  });
  const loca = Buffer.alloc(offsets.length * (indexFormat ? 4 : 2));
  offsets.forEach((value, k) => (indexFormat ? loca.writeUInt32BE(value, k * 4) : loca.writeUInt16BE(value / 2, k * 2)));
  return { glyf: Buffer.concat(padded), loca, indexFormat };
}

function checksum(table: Buffer): number {
  const padded = table.length % 4 ? Buffer.concat([table, Buffer.alloc(4 - (table.length % 4))]) : table;
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** Tables that make a font variable: without them it is its default instance, static. */
const VARIATION_TABLES = new Set(['fvar', 'gvar', 'avar', 'cvar', 'HVAR', 'VVAR', 'MVAR', 'STAT']);

/**
 * `defaultInstance` drops the variation tables, leaving the default instance as
 * a static font: satori's font parser cannot read a variable font's fvar table.
 */
export function woff2ToTtf(woff2: Buffer, options: { defaultInstance?: boolean } = {}): Buffer {
  const r = new Reader(woff2);
  if (r.u32() !== 0x774f4632) throw new Error('WOFF2: not a WOFF2 file');
  const flavor = r.u32();
  if (flavor === 0x74746366) throw new Error('WOFF2: font collections are not supported');
  r.u32(); // length
  const numTables = r.u16();
  r.u16(); // reserved
  r.u32(); // totalSfntSize
  const compressedSize = r.u32();
  r.pos = 48;

  const tables: TableEntry[] = [];
  for (let i = 0; i < numTables; i++) {
    const flags = r.u8();
    const tag = (flags & 0x3f) === 0x3f ? r.bytes(4).toString('latin1') : KNOWN_TAGS[flags & 0x3f];
    const version = flags >> 6;
    const origLength = r.base128();
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : version !== 0;
    const length = transformed ? r.base128() : origLength;
    if (transformed && tag !== 'glyf' && tag !== 'loca') throw new Error(`WOFF2: transformed ${tag} is not supported`);
    tables.push({ tag, transformed, origLength, length });
  }
  const stream = brotliDecompressSync(woff2.subarray(r.pos, r.pos + compressedSize));
  let offset = 0;
  for (const table of tables) {
    table.data = stream.subarray(offset, offset + table.length);
    offset += table.length;
  }
  if (offset > stream.length) throw new Error('WOFF2: tables overrun the data');

  const glyf = tables.find((t) => t.tag === 'glyf');
  const loca = tables.find((t) => t.tag === 'loca');
  if (glyf?.transformed && loca) {
    const rebuilt = rebuildGlyf(glyf.data!);
    glyf.data = rebuilt.glyf;
    loca.data = rebuilt.loca;
    const head = tables.find((t) => t.tag === 'head');
    if (head) {
      head.data = Buffer.from(head.data!);
      head.data.writeInt16BE(rebuilt.indexFormat, 50);
    }
  }

  // The sfnt: offset table, table records sorted by tag, tables 4-byte aligned.
  const kept = options.defaultInstance ? tables.filter((table) => !VARIATION_TABLES.has(table.tag)) : tables;
  const sorted = [...kept].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const entrySelector = Math.floor(Math.log2(sorted.length));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * sorted.length);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(sorted.length, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(sorted.length * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let position = header.length;
  sorted.forEach((table, i) => {
    const data = table.data!;
    header.write(table.tag, 12 + i * 16, 4, 'latin1');
    header.writeUInt32BE(checksum(data), 16 + i * 16);
    header.writeUInt32BE(position, 20 + i * 16);
    header.writeUInt32BE(data.length, 24 + i * 16);
    const pad = (4 - (data.length % 4)) % 4;
    bodies.push(data, Buffer.alloc(pad));
    position += data.length + pad;
  });
  return Buffer.concat([header, ...bodies]);
}
