import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { ImageResponse } from 'next/og';
import { describe, expect, it } from 'vitest';
import { woff2ToTtf } from '@/lib/woff2';

const file = (subset: string) => readFileSync(path.join('node_modules/@fontsource-variable/source-serif-4/files', `source-serif-4-${subset}-wght-normal.woff2`));

/** The sfnt's tables by tag. */
function tables(ttf: Buffer): Map<string, Buffer> {
  const count = ttf.readUInt16BE(4);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const offset = ttf.readUInt32BE(at + 8);
    out.set(ttf.toString('latin1', at, at + 4), ttf.subarray(offset, offset + ttf.readUInt32BE(at + 12)));
  }
  return out;
}

describe('woff2ToTtf', () => {
  it('rebuilds glyf and loca so that every glyph lies where loca says, for all of maxp’s glyphs', () => {
    const ttf = woff2ToTtf(file('latin'));
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    const t = tables(ttf);
    for (const tag of ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'glyf', 'loca', 'fvar', 'gvar']) expect(t.has(tag), tag).toBe(true);
    const numGlyphs = t.get('maxp')!.readUInt16BE(4);
    const longLoca = t.get('head')!.readInt16BE(50) === 1;
    const loca = t.get('loca')!;
    const offsets = Array.from({ length: numGlyphs + 1 }, (_, i) => (longLoca ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2));
    expect(offsets[numGlyphs]).toBe(t.get('glyf')!.length);
    let drawn = 0;
    for (let i = 0; i < numGlyphs; i++) {
      expect(offsets[i + 1]).toBeGreaterThanOrEqual(offsets[i]);
      if (offsets[i + 1] === offsets[i]) continue;
      drawn++;
      const glyph = t.get('glyf')!.subarray(offsets[i]);
      const contours = glyph.readInt16BE(0);
      expect(contours === -1 || contours > 0).toBe(true);
      // The bounding box is the right way round.
      expect(glyph.readInt16BE(6)).toBeGreaterThanOrEqual(glyph.readInt16BE(2));
      expect(glyph.readInt16BE(8)).toBeGreaterThanOrEqual(glyph.readInt16BE(4));
    }
    expect(drawn).toBeGreaterThan(200);
  });

  it('leaves out the variation tables for the default instance', () => {
    const t = tables(woff2ToTtf(file('latin-ext'), { defaultInstance: true }));
    for (const tag of ['fvar', 'gvar', 'avar', 'HVAR', 'STAT']) expect(t.has(tag), tag).toBe(false);
    expect(t.has('glyf')).toBe(true);
  });

  it('gives a font that next/og draws text with', async () => {
    const data = woff2ToTtf(file('latin'), { defaultInstance: true });
    const response = new ImageResponse(createElement('div', { style: { display: 'flex', fontFamily: 'Serif', fontSize: 40 } }, 'Harbour Ledger £31m café'), {
      width: 400,
      height: 60,
      fonts: [{ name: 'Serif', data, weight: 400, style: 'normal' }],
    });
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(400);
  });

  it('refuses what is not WOFF2', () => {
    expect(() => woff2ToTtf(Buffer.from('not a font at all, not even close to one'))).toThrow(/not a WOFF2 file/);
    expect(() => woff2ToTtf(file('latin').subarray(0, 200))).toThrow();
  });
});
