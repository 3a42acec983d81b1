/**
 * Renders stylised, text-free stand-in "photographs" for the demo content.
 *
 * Each image is an SVG scene built from layered gradients and simple shapes
 * (chosen by `motif`), tinted by `hue` and made deterministic by seeding a
 * small PRNG from `key`. The SVG is rasterised locally with sharp; nothing
 * touches the network.
 */
import sharp from 'sharp';

interface DemoImageSpec {
  key: string;
  hue: number;
  motif: string;
}

// ---------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------

/** 32-bit FNV-1a hash of a string, used to seed the PRNG. */
function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good-enough PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  next(): number;
  range(min: number, max: number): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

function createRng(key: string): Rng {
  const next = mulberry32(hashString(key));
  const rng: Rng = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => Math.floor(min + (max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
  };
  return rng;
}

// ---------------------------------------------------------------------------
// SVG helpers
// ---------------------------------------------------------------------------

const n = (value: number): string => (Math.round(value * 10) / 10).toString();

const wrapHue = (h: number): number => ((h % 360) + 360) % 360;

function hsl(h: number, s: number, l: number, a = 1): string {
  const clamp = (v: number) => Math.max(0, Math.min(100, v));
  const body = `${n(wrapHue(h))},${n(clamp(s))}%,${n(clamp(l))}%`;
  return a >= 1 ? `hsl(${body})` : `hsla(${body},${Math.round(a * 1000) / 1000})`;
}

/** Same colour as an `hsl()` string from `hsl`, with an alpha channel. */
function withAlpha(colour: string, alpha: number): string {
  return colour.replace('hsl(', 'hsla(').replace(')', `,${Math.round(alpha * 1000) / 1000})`);
}

interface Scene {
  w: number;
  h: number;
  /** Scale factor relative to the 1600px design width. */
  s: number;
  hue: number;
  rng: Rng;
  defs: string[];
  body: string[];
  uid: () => string;
}

function linearGradient(scene: Scene, stops: [number, string][], vertical = true): string {
  const id = scene.uid();
  const coords = vertical ? 'x1="0" y1="0" x2="0" y2="1"' : 'x1="0" y1="0" x2="1" y2="0"';
  scene.defs.push(
    `<linearGradient id="${id}" ${coords}>${stops
      .map(([offset, colour]) => `<stop offset="${n(offset)}" stop-color="${colour}"/>`)
      .join('')}</linearGradient>`,
  );
  return `url(#${id})`;
}

function radialGradient(scene: Scene, stops: [number, string][], cx = 0.5, cy = 0.5, r = 0.5): string {
  const id = scene.uid();
  scene.defs.push(
    `<radialGradient id="${id}" cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}">${stops
      .map(([offset, colour]) => `<stop offset="${n(offset)}" stop-color="${colour}"/>`)
      .join('')}</radialGradient>`,
  );
  return `url(#${id})`;
}

function blurFilter(scene: Scene, deviation: number): string {
  const id = scene.uid();
  scene.defs.push(
    `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${n(deviation)}"/></filter>`,
  );
  return `url(#${id})`;
}

interface Ridge {
  /** SVG path data for the ridge, filled down to the bottom edge given. */
  d: string;
  /** Height of the ridge line at a given x. */
  yAt: (x: number) => number;
}

/** A smooth wavy ridge from left to right, closed down to `bottom`. */
function ridge(scene: Scene, baseY: number, amplitude: number, waves: number, bottom: number): Ridge {
  const { w, rng } = scene;
  const phases = [rng.range(0, Math.PI * 2), rng.range(0, Math.PI * 2), rng.range(0, Math.PI * 2)];
  const freq = [waves, waves * rng.range(1.8, 2.6), waves * rng.range(3.5, 5.5)];
  const amps = [amplitude, amplitude * rng.range(0.25, 0.45), amplitude * rng.range(0.08, 0.16)];
  const yAt = (x: number): number => {
    const t = (x + 40) / (w + 80);
    let y = baseY;
    for (let k = 0; k < 3; k++) y -= amps[k]! * Math.sin(t * Math.PI * 2 * freq[k]! + phases[k]!);
    return y;
  };
  const steps = 64;
  let d = `M-40,${n(bottom)}`;
  for (let i = 0; i <= steps; i++) {
    const x = -40 + ((w + 80) * i) / steps;
    d += ` L${n(x)},${n(yAt(x))}`;
  }
  d += ` L${n(w + 40)},${n(bottom)} Z`;
  return { d, yAt };
}

function ridgePath(scene: Scene, baseY: number, amplitude: number, waves: number, bottom: number): string {
  return ridge(scene, baseY, amplitude, waves, bottom).d;
}

function sky(scene: Scene, opts: { top: string; mid: string; horizon: string; horizonY: number }): void {
  const { w } = scene;
  const fill = linearGradient(scene, [
    [0, opts.top],
    [0.55, opts.mid],
    [1, opts.horizon],
  ]);
  scene.body.push(`<rect x="0" y="0" width="${w}" height="${n(opts.horizonY + 2)}" fill="${fill}"/>`);
}

function sunGlow(scene: Scene, x: number, y: number, radius: number, colour: string, strength = 0.8): void {
  const fill = radialGradient(scene, [
    [0, withAlpha(colour, strength)],
    [0.35, withAlpha(colour, strength * 0.35)],
    [1, withAlpha(colour, 0)],
  ]);
  scene.body.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(radius)}" fill="${fill}"/>`);
}

function softClouds(scene: Scene, count: number, yMin: number, yMax: number, colour: string, opacity: number, blur: number): void {
  const { w, s, rng } = scene;
  const filter = blurFilter(scene, blur * s);
  const parts: string[] = [];
  for (let c = 0; c < count; c++) {
    const cx = rng.range(-0.1, 1.1) * w;
    const cy = rng.range(yMin, yMax);
    const width = rng.range(180, 420) * s;
    const puffs = rng.int(3, 6);
    for (let p = 0; p < puffs; p++) {
      parts.push(
        `<ellipse cx="${n(cx + rng.range(-0.5, 0.5) * width)}" cy="${n(cy + rng.range(-0.12, 0.12) * width)}" rx="${n(width * rng.range(0.25, 0.5))}" ry="${n(width * rng.range(0.08, 0.16))}"/>`,
      );
    }
  }
  scene.body.push(`<g fill="${colour}" opacity="${n(opacity)}" filter="${filter}">${parts.join('')}</g>`);
}

function vignette(scene: Scene, strength = 0.45): void {
  const { w, h } = scene;
  const fill = radialGradient(
    scene,
    [
      [0.55, 'hsla(0,0%,0%,0)'],
      [1, `hsla(${n(wrapHue(scene.hue + 200))},30%,6%,${strength})`],
    ],
    0.5,
    0.48,
    0.75,
  );
  scene.body.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${fill}"/>`);
}

/** A faint diagonal light leak to make flat scenes feel photographic. */
function lightWash(scene: Scene, colour: string, opacity: number): void {
  const { w, h, rng } = scene;
  const fromLeft = rng.chance(0.5);
  const fill = linearGradient(
    scene,
    [
      [0, colour],
      [0.6, withAlpha(colour, 0)],
    ],
    false,
  );
  const transform = fromLeft ? '' : ` transform="translate(${w},0) scale(-1,1)"`;
  scene.body.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${fill}" opacity="${n(opacity)}"${transform}/>`);
}

// ---------------------------------------------------------------------------
// Motifs
// ---------------------------------------------------------------------------

function drawHarbour(scene: Scene): void {
  const { w, h, s, hue, rng } = scene;
  const horizon = h * rng.range(0.5, 0.58);
  const dusk = rng.chance(0.4);
  sky(scene, {
    top: hsl(hue + 10, 40, dusk ? 28 : 52),
    mid: hsl(hue - 5, 45, dusk ? 52 : 72),
    horizon: hsl(hue - 160, 55, dusk ? 76 : 88),
    horizonY: horizon,
  });
  const sunX = w * rng.range(0.2, 0.8);
  sunGlow(scene, sunX, horizon - h * 0.06, w * 0.3, hsl(hue - 160, 90, 85), dusk ? 0.8 : 0.55);
  softClouds(scene, 5, h * 0.08, horizon * 0.6, hsl(hue, 30, 96), 0.45, 18);

  // Distant headlands.
  scene.body.push(`<path d="${ridgePath(scene, horizon - 34 * s, 26 * s, 1.2, horizon + 2)}" fill="${hsl(hue + 5, 22, dusk ? 40 : 62)}"/>`);
  scene.body.push(`<path d="${ridgePath(scene, horizon - 10 * s, 16 * s, 2.1, horizon + 2)}" fill="${hsl(hue + 10, 28, dusk ? 30 : 50)}"/>`);

  // Water.
  const water = linearGradient(scene, [
    [0, hsl(hue - 5, 40, dusk ? 55 : 70)],
    [0.25, hsl(hue, 48, dusk ? 36 : 48)],
    [1, hsl(hue + 8, 55, dusk ? 14 : 22)],
  ]);
  scene.body.push(`<rect x="0" y="${n(horizon)}" width="${w}" height="${n(h - horizon)}" fill="${water}"/>`);
  // Sun glitter on the water beneath the glow.
  const glitter: string[] = [];
  for (let k = 0; k < 70; k++) {
    const y = horizon + Math.pow(rng.next(), 1.6) * (h - horizon);
    const spread = (y - horizon) * 0.5 + 30 * s;
    const x = sunX + rng.range(-1, 1) * spread;
    const len = rng.range(10, 60) * s * (1 + (y - horizon) / (h - horizon));
    glitter.push(`<rect x="${n(x - len / 2)}" y="${n(y)}" width="${n(len)}" height="${n(Math.max(1, 2 * s))}" rx="1"/>`);
  }
  scene.body.push(`<g fill="${hsl(hue - 160, 80, 92)}" opacity="0.35">${glitter.join('')}</g>`);
  // Ripple lines.
  const ripples: string[] = [];
  for (let k = 0; k < 90; k++) {
    const y = horizon + rng.range(0.02, 1) * (h - horizon);
    const x = rng.range(-0.05, 1) * w;
    const len = rng.range(30, 160) * s;
    ripples.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(len)}" height="${n(Math.max(1, 1.6 * s))}" rx="1"/>`);
  }
  scene.body.push(`<g fill="${hsl(hue, 40, 85)}" opacity="0.12">${ripples.join('')}</g>`);

  // Wooden pier from one side.
  const pierLeft = rng.chance(0.5);
  const pierY = horizon + (h - horizon) * rng.range(0.32, 0.42);
  const pierLen = w * rng.range(0.35, 0.5);
  const pierX0 = pierLeft ? -10 : w - pierLen;
  const deck = 16 * s;
  const pierColour = hsl(hue + 190, 18, dusk ? 10 : 16);
  const posts: string[] = [];
  const reflections: string[] = [];
  for (let x = pierX0 + 12 * s; x < pierX0 + pierLen - 6 * s; x += 46 * s) {
    posts.push(`<rect x="${n(x)}" y="${n(pierY)}" width="${n(7 * s)}" height="${n(44 * s)}"/>`);
    reflections.push(`<rect x="${n(x)}" y="${n(pierY + 44 * s)}" width="${n(7 * s)}" height="${n(40 * s)}"/>`);
  }
  scene.body.push(
    `<g fill="${pierColour}"><rect x="${n(pierX0)}" y="${n(pierY - deck)}" width="${n(pierLen)}" height="${n(deck)}"/>${posts.join('')}</g>`,
    `<g fill="${pierColour}" opacity="0.25">${reflections.join('')}</g>`,
  );
  // Bollards / railing posts on the deck.
  const rail: string[] = [];
  for (let x = pierX0 + 30 * s; x < pierX0 + pierLen - 20 * s; x += 110 * s) {
    rail.push(`<rect x="${n(x)}" y="${n(pierY - deck - 14 * s)}" width="${n(6 * s)}" height="${n(14 * s)}" rx="${n(2 * s)}"/>`);
  }
  scene.body.push(`<g fill="${pierColour}">${rail.join('')}</g>`);

  // Boats, far to near.
  const boatCount = rng.int(3, 5);
  const boats: { x: number; y: number; len: number }[] = [];
  for (let k = 0; k < boatCount; k++) {
    const depth = (k + 1) / (boatCount + 1);
    const y = horizon + (h - horizon) * (0.12 + depth * 0.7);
    const len = (110 + depth * 320) * s * rng.range(0.85, 1.15);
    boats.push({ x: 0, y, len });
  }
  // Spread boats across horizontal slots in shuffled order so they rarely pile up.
  const slots = boats.map((_, k) => k);
  for (let k = slots.length - 1; k > 0; k--) {
    const j = rng.int(0, k);
    [slots[k], slots[j]] = [slots[j]!, slots[k]!];
  }
  boats.forEach((boat, k) => {
    const centre = ((slots[k]! + rng.range(0.25, 0.75)) / boats.length) * w;
    drawBoat(scene, centre - boat.len / 2, boat.y, boat.len, dusk);
  });
}

function drawBoat(scene: Scene, x: number, y: number, len: number, dusk: boolean): void {
  const { s, hue, rng } = scene;
  const hullH = len * rng.range(0.16, 0.2);
  const facingRight = rng.chance(0.5);
  const palette = [
    hsl(hue + 180, 55, 38),
    hsl(hue + 150, 45, 30),
    hsl(hue, 10, dusk ? 70 : 92),
    hsl(hue + 200, 60, 42),
    hsl(hue - 20, 35, 20),
  ];
  const hullColour = rng.pick(palette);
  const trim = hsl(hue, 15, dusk ? 78 : 95);
  const ink = hsl(hue + 190, 25, dusk ? 10 : 14);
  // Hull drawn facing right; mirrored when facing left.
  const hull = `M0,${n(-hullH)} L${n(len * 1.06)},${n(-hullH * 1.35)} Q${n(len * 0.96)},${n(-hullH * 0.2)} ${n(len * 0.82)},0 L${n(len * 0.12)},0 Q${n(len * 0.02)},${n(-hullH * 0.2)} 0,${n(-hullH)} Z`;
  const cabinW = len * rng.range(0.22, 0.3);
  const cabinH = hullH * rng.range(0.8, 1.1);
  const cabinX = len * rng.range(0.18, 0.32);
  const mastX = len * rng.range(0.5, 0.6);
  const mastH = len * rng.range(0.9, 1.3);
  const stroke = Math.max(1.2, len * 0.012);
  const shape =
    `<path d="${hull}" fill="${hullColour}"/>` +
    `<rect x="0" y="${n(-hullH - 2 * s)}" width="${n(len * 1.04)}" height="${n(Math.max(2, 4 * s))}" fill="${trim}" transform="skewY(-1.6)"/>` +
    `<rect x="${n(cabinX)}" y="${n(-hullH - cabinH)}" width="${n(cabinW)}" height="${n(cabinH)}" rx="${n(3 * s)}" fill="${trim}"/>` +
    `<rect x="${n(cabinX + cabinW * 0.15)}" y="${n(-hullH - cabinH * 0.75)}" width="${n(cabinW * 0.7)}" height="${n(cabinH * 0.3)}" fill="${ink}" opacity="0.7"/>` +
    `<line x1="${n(mastX)}" y1="${n(-hullH)}" x2="${n(mastX)}" y2="${n(-hullH - mastH)}" stroke="${ink}" stroke-width="${n(stroke)}"/>` +
    `<line x1="${n(mastX)}" y1="${n(-hullH - mastH)}" x2="${n(len * 1.04)}" y2="${n(-hullH * 1.3)}" stroke="${ink}" stroke-width="${n(stroke * 0.4)}" opacity="0.8"/>` +
    `<line x1="${n(mastX)}" y1="${n(-hullH - mastH)}" x2="${n(len * 0.03)}" y2="${n(-hullH)}" stroke="${ink}" stroke-width="${n(stroke * 0.4)}" opacity="0.8"/>` +
    `<line x1="${n(mastX)}" y1="${n(-hullH - mastH * 0.45)}" x2="${n(len * 0.08)}" y2="${n(-hullH - mastH * 0.3)}" stroke="${ink}" stroke-width="${n(stroke * 0.7)}"/>`;
  const flip = facingRight ? '' : ` translate(${n(len)},0) scale(-1,1)`;
  scene.body.push(
    `<g transform="translate(${n(x)},${n(y)})${flip}" opacity="0.32"><g transform="scale(1,-0.8)">${shape}</g></g>`,
    `<g transform="translate(${n(x)},${n(y)})${flip}">${shape}</g>`,
  );
}

function drawTown(scene: Scene): void {
  const { w, h, s, hue, rng } = scene;
  const horizon = h * rng.range(0.5, 0.6);
  sky(scene, {
    top: hsl(hue + 200, 35, 22),
    mid: hsl(hue + 10, 45, 52),
    horizon: hsl(hue, 75, 76),
    horizonY: h,
  });
  sunGlow(scene, w * rng.range(0.25, 0.75), horizon - h * 0.05, w * 0.35, hsl(hue + 8, 90, 82), 0.7);
  softClouds(scene, 4, h * 0.06, h * 0.3, hsl(hue + 5, 60, 80), 0.35, 20);

  // Hillside behind the town.
  scene.body.push(`<path d="${ridgePath(scene, horizon - 90 * s, 40 * s, 1, h)}" fill="${hsl(hue + 190, 18, 38)}" opacity="0.75"/>`);

  const rows = 3;
  for (let r = 0; r < rows; r++) {
    const depth = r / (rows - 1);
    const scale = (0.55 + depth * 0.65) * s;
    const baseY = horizon + (h - horizon) * (0.05 + depth * 0.55);
    const light = 34 - depth * 18;
    const parts: string[] = [];
    const windows: string[] = [];
    const lit: string[] = [];
    let x = -rng.range(20, 120) * scale;
    while (x < w + 20) {
      const bw = rng.range(110, 210) * scale;
      const bh = rng.range(120, 230) * scale;
      const roof = rng.range(0.3, 0.6) * bw;
      const wallLight = light + rng.range(-5, 5);
      const wall = hsl(hue + rng.range(-25, 25) + (rng.chance(0.3) ? 180 : 0), 14 + depth * 12, wallLight);
      const roofColour = hsl(hue + 195, 20, Math.max(6, wallLight - 12));
      const top = baseY - bh;
      parts.push(`<rect x="${n(x)}" y="${n(top)}" width="${n(bw + 1)}" height="${n(h - top)}" fill="${wall}"/>`);
      if (rng.chance(0.75)) {
        parts.push(`<path d="M${n(x - 6 * scale)},${n(top)} L${n(x + bw / 2)},${n(top - roof)} L${n(x + bw + 6 * scale)},${n(top)} Z" fill="${roofColour}"/>`);
        if (rng.chance(0.6)) {
          const cx = x + bw * rng.range(0.15, 0.75);
          parts.push(`<rect x="${n(cx)}" y="${n(top - roof * 0.9)}" width="${n(14 * scale)}" height="${n(roof * 0.7)}" fill="${roofColour}"/>`);
        }
      } else {
        parts.push(`<rect x="${n(x - 4 * scale)}" y="${n(top - 10 * scale)}" width="${n(bw + 8 * scale)}" height="${n(12 * scale)}" fill="${roofColour}"/>`);
      }
      // Window grid.
      const cols = Math.max(1, Math.floor(bw / (48 * scale)));
      const floors = Math.max(1, Math.floor(bh / (62 * scale)));
      const ww = 20 * scale;
      const wh = 28 * scale;
      const gapX = (bw - cols * ww) / (cols + 1);
      for (let f = 0; f < floors; f++) {
        for (let c = 0; c < cols; c++) {
          const wx = x + gapX + c * (ww + gapX);
          const wy = top + 22 * scale + f * 62 * scale;
          if (wy + wh > baseY + 40 * scale) continue;
          const rect = `<rect x="${n(wx)}" y="${n(wy)}" width="${n(ww)}" height="${n(wh)}" rx="${n(2 * scale)}"/>`;
          if (rng.chance(0.42)) lit.push(rect);
          else windows.push(rect);
        }
      }
      x += bw + rng.range(0, 10) * scale;
    }
    scene.body.push(parts.join(''));
    scene.body.push(`<g fill="${hsl(hue + 200, 30, 12)}" opacity="0.55">${windows.join('')}</g>`);
    scene.body.push(`<g fill="${hsl(44, 95, 72)}">${lit.join('')}</g>`);
    // Atmospheric haze between rows.
    if (r < rows - 1) {
      scene.body.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${hsl(hue, 55, 70)}" opacity="${n(0.22 - r * 0.08)}"/>`);
    }
  }
  // Foreground quay / street.
  const streetY = horizon + (h - horizon) * 0.78;
  const street = linearGradient(scene, [
    [0, hsl(hue + 190, 20, 16)],
    [1, hsl(hue + 200, 25, 7)],
  ]);
  scene.body.push(`<rect x="0" y="${n(streetY)}" width="${w}" height="${n(h - streetY)}" fill="${street}"/>`);
  const lamps: string[] = [];
  for (let x = rng.range(60, 200) * s; x < w; x += rng.range(320, 480) * s) {
    lamps.push(`<rect x="${n(x)}" y="${n(streetY - 150 * s)}" width="${n(5 * s)}" height="${n(150 * s)}" fill="${hsl(hue + 200, 20, 8)}"/>`);
    sunGlow(scene, x + 2.5 * s, streetY - 156 * s, 60 * s, hsl(44, 100, 75), 0.9);
  }
  scene.body.push(lamps.join(''));
}

function drawField(scene: Scene): void {
  const { w, h, s, hue, rng } = scene;
  const horizon = h * rng.range(0.42, 0.52);
  const skyHue = 205 + (((hue - 205 + 540) % 360) - 180) * 0.15;
  sky(scene, {
    top: hsl(skyHue, 38, 58),
    mid: hsl(skyHue - 5, 32, 78),
    horizon: hsl(hue - 40, 55, 90),
    horizonY: horizon + 120 * s,
  });
  sunGlow(scene, w * rng.range(0.15, 0.85), horizon - h * 0.12, w * 0.3, hsl(hue - 45, 95, 90), 0.7);
  softClouds(scene, 6, h * 0.05, horizon * 0.75, hsl(0, 0, 100), 0.55, 16);

  const layers = 5;
  let nearest: Ridge | undefined;
  for (let k = 0; k < layers; k++) {
    const depth = k / (layers - 1);
    const baseY = horizon + (h - horizon) * (depth * 0.78) + 10 * s;
    const amp = (14 + depth * 60) * s * rng.range(0.7, 1.2);
    const hill = ridge(scene, baseY, amp, rng.range(0.6, 1.4), h + 10);
    const top = hsl(hue + rng.range(-12, 12), 28 + depth * 30, 70 - depth * 42);
    const bottom = hsl(hue + rng.range(-12, 12) + 10, 30 + depth * 30, 58 - depth * 40);
    const fill = linearGradient(scene, [
      [0, top],
      [1, bottom],
    ]);
    scene.body.push(`<path d="${hill.d}" fill="${fill}"/>`);
    // Trees and hedgerows planted along the ridge line of the middle layers.
    if (k >= 1 && k <= 3) {
      const trees: string[] = [];
      const treeCount = rng.int(3, 9 - k);
      for (let t = 0; t < treeCount; t++) {
        const tx = rng.range(0, 1) * w;
        const r = (9 + depth * 30) * s * rng.range(0.7, 1.3);
        const ground = hill.yAt(tx) + r * rng.range(0.3, 1.2);
        const ty = ground - r * 1.4;
        trees.push(`<rect x="${n(tx - 2 * s)}" y="${n(ty)}" width="${n(Math.max(2, 4 * s * (0.5 + depth)))}" height="${n(ground - ty)}"/>`);
        trees.push(`<ellipse cx="${n(tx)}" cy="${n(ty)}" rx="${n(r)}" ry="${n(r * 0.9)}"/>`);
        trees.push(`<ellipse cx="${n(tx + r * 0.6)}" cy="${n(ty + r * 0.25)}" rx="${n(r * 0.7)}" ry="${n(r * 0.65)}"/>`);
        trees.push(`<ellipse cx="${n(tx - r * 0.55)}" cy="${n(ty + r * 0.3)}" rx="${n(r * 0.6)}" ry="${n(r * 0.55)}"/>`);
      }
      scene.body.push(`<g fill="${hsl(hue + 20, 30, 32 - depth * 16)}" opacity="${n(0.75 + depth * 0.25)}">${trees.join('')}</g>`);
    }
    if (k < layers - 1) {
      scene.body.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${hsl(skyHue, 30, 85)}" opacity="${n(0.08 - depth * 0.02)}"/>`);
    }
    nearest = hill;
  }
  // Furrows in the nearest field, clipped to its outline.
  if (nearest) {
    const clipId = scene.uid();
    scene.defs.push(`<clipPath id="${clipId}"><path d="${nearest.d}"/></clipPath>`);
    const furrows: string[] = [];
    const vanishX = w * rng.range(0.3, 0.7);
    const vanishY = h * 0.62;
    for (let k = -16; k <= 16; k++) {
      furrows.push(`<line x1="${n(vanishX + k * 10 * s)}" y1="${n(vanishY)}" x2="${n(vanishX + k * 150 * s)}" y2="${n(h + 10)}"/>`);
    }
    scene.body.push(
      `<g clip-path="url(#${clipId})" stroke="${hsl(hue + 20, 40, 12)}" stroke-width="${n(3 * s)}" opacity="0.16">${furrows.join('')}</g>`,
    );
  }
}

function drawStorm(scene: Scene): void {
  const { w, h, s, hue, rng } = scene;
  const horizon = h * rng.range(0.56, 0.64);
  sky(scene, {
    top: hsl(hue + 10, 22, 12),
    mid: hsl(hue, 18, 30),
    horizon: hsl(hue - 10, 20, 58),
    horizonY: horizon,
  });
  // A break in the cloud near the horizon.
  sunGlow(scene, w * rng.range(0.2, 0.8), horizon - h * 0.04, w * 0.28, hsl(hue - 170, 40, 80), 0.6);
  softClouds(scene, 9, -h * 0.05, horizon * 0.55, hsl(hue + 5, 18, 14), 0.85, 26);
  softClouds(scene, 7, h * 0.1, horizon * 0.8, hsl(hue, 14, 34), 0.6, 22);
  softClouds(scene, 5, -h * 0.02, h * 0.25, hsl(hue + 10, 20, 8), 0.7, 30);

  // Shoreline with a few low buildings.
  const shore: string[] = [];
  const shoreY = horizon;
  const shoreOnRight = rng.chance(0.5);
  const shoreStart = shoreOnRight ? w * rng.range(0.45, 0.6) : -20;
  const shoreEnd = shoreOnRight ? w + 20 : w * rng.range(0.4, 0.55);
  let x = shoreStart;
  while (x < shoreEnd) {
    const bw = rng.range(30, 70) * s;
    const bh = rng.range(20, 55) * s;
    shore.push(`<rect x="${n(x)}" y="${n(shoreY - bh)}" width="${n(bw)}" height="${n(bh + 2)}"/>`);
    shore.push(`<path d="M${n(x - 2)},${n(shoreY - bh)} L${n(x + bw / 2)},${n(shoreY - bh - bw * 0.35)} L${n(x + bw + 2)},${n(shoreY - bh)} Z"/>`);
    x += bw + rng.range(0, 18) * s;
  }
  scene.body.push(`<path d="${ridgePath(scene, horizon - 8 * s, 10 * s, 1.5, horizon + 2)}" fill="${hsl(hue, 18, 22)}"/>`);
  scene.body.push(`<g fill="${hsl(hue + 5, 22, 14)}">${shore.join('')}</g>`);

  // Rough sea.
  const sea = linearGradient(scene, [
    [0, hsl(hue, 20, 40)],
    [0.3, hsl(hue + 5, 25, 22)],
    [1, hsl(hue + 10, 30, 9)],
  ]);
  scene.body.push(`<rect x="0" y="${n(horizon)}" width="${w}" height="${n(h - horizon)}" fill="${sea}"/>`);
  const caps: string[] = [];
  for (let k = 0; k < 140; k++) {
    const t = Math.pow(rng.next(), 1.4);
    const y = horizon + 6 * s + t * (h - horizon);
    const len = (12 + t * 90) * s * rng.range(0.5, 1.4);
    const cx = rng.range(-0.05, 1.05) * w;
    const lift = len * 0.12;
    caps.push(`<path d="M${n(cx - len / 2)},${n(y)} Q${n(cx)},${n(y - lift)} ${n(cx + len / 2)},${n(y)}"/>`);
  }
  scene.body.push(
    `<g fill="none" stroke="${hsl(hue - 10, 20, 82)}" stroke-width="${n(2.2 * s)}" stroke-linecap="round" opacity="0.28">${caps.join('')}</g>`,
  );

  // Rain streaks, slanted.
  const angle = rng.range(0.18, 0.35) * (rng.chance(0.5) ? 1 : -1);
  const rain: string[] = [];
  for (let k = 0; k < 420; k++) {
    const x0 = rng.range(-0.15, 1.15) * w;
    const y0 = rng.range(-0.1, 1) * h;
    const len = rng.range(40, 150) * s;
    rain.push(`<line x1="${n(x0)}" y1="${n(y0)}" x2="${n(x0 - len * angle)}" y2="${n(y0 + len)}"/>`);
  }
  const rainBlur = blurFilter(scene, 0.8 * s);
  scene.body.push(
    `<g stroke="${hsl(hue, 20, 85)}" stroke-width="${n(1.6 * s)}" opacity="0.22" filter="${rainBlur}">${rain.join('')}</g>`,
  );
  // Fog band at the horizon.
  const fog = linearGradient(scene, [
    [0, hsl(hue, 15, 60, 0)],
    [0.5, hsl(hue, 15, 60, 0.35)],
    [1, hsl(hue, 15, 60, 0)],
  ]);
  scene.body.push(`<rect x="0" y="${n(horizon - 90 * s)}" width="${w}" height="${n(180 * s)}" fill="${fog}"/>`);
}

function drawCrowd(scene: Scene): void {
  const { w, h, s, hue, rng } = scene;
  const bg = linearGradient(scene, [
    [0, hsl(hue + 15, 30, 20)],
    [0.6, hsl(hue, 34, 46)],
    [1, hsl(hue - 15, 40, 66)],
  ]);
  scene.body.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${bg}"/>`);
  // Stage-like lights or low sun behind the crowd.
  const lights = rng.int(2, 4);
  for (let k = 0; k < lights; k++) {
    sunGlow(scene, w * rng.range(0.1, 0.9), h * rng.range(0.2, 0.45), w * rng.range(0.2, 0.35), hsl(hue - 40 + rng.range(-20, 20), 70, 82), 0.55);
  }
  softClouds(scene, 4, h * 0.05, h * 0.35, hsl(hue - 20, 60, 85), 0.25, 30);

  const rows = 6;
  for (let r = 0; r < rows; r++) {
    const depth = r / (rows - 1);
    const headR = (14 + depth * depth * 56) * s;
    const baseY = h * (0.48 + depth * 0.42);
    const colour = hsl(hue + 10, 25 - depth * 12, 38 - depth * 32);
    const people: string[] = [];
    const spacing = headR * rng.range(3.6, 4.4);
    let x = -rng.range(0, spacing);
    while (x < w + spacing) {
      const px = x + rng.range(-0.25, 0.25) * spacing;
      const r0 = headR * rng.range(0.85, 1.15);
      const py = baseY + rng.range(-0.4, 0.4) * r0;
      people.push(personPath(px, py, r0, h + 10, rng));
      x += spacing * rng.range(0.75, 1.1);
    }
    scene.body.push(`<g fill="${colour}">${people.join('')}</g>`);
    if (r < rows - 1) {
      scene.body.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${hsl(hue - 10, 30, 60)}" opacity="${n(0.12 - depth * 0.05)}"/>`);
    }
  }
}

/** Head and shoulders silhouette centred on (x, y) = centre of the head. */
function personPath(x: number, y: number, r: number, bottom: number, rng: Rng): string {
  const shoulderY = y + r * 1.55;
  const half = r * rng.range(2.2, 2.8);
  const neck = r * 0.5;
  const tilt = rng.range(-0.15, 0.15) * r;
  const head = `<ellipse cx="${n(x + tilt)}" cy="${n(y)}" rx="${n(r * 0.92)}" ry="${n(r * 1.12)}"/>`;
  const body =
    `<path d="M${n(x - half * 1.12)},${n(bottom)} L${n(x - half)},${n(shoulderY + r * 0.9)} ` +
    `Q${n(x - half)},${n(shoulderY)} ${n(x - half * 0.45)},${n(shoulderY - r * 0.05)} ` +
    `L${n(x - neck)},${n(shoulderY - r * 0.35)} L${n(x - neck)},${n(y + r * 0.6)} L${n(x + neck)},${n(y + r * 0.6)} L${n(x + neck)},${n(shoulderY - r * 0.35)} ` +
    `L${n(x + half * 0.45)},${n(shoulderY - r * 0.05)} Q${n(x + half)},${n(shoulderY)} ${n(x + half)},${n(shoulderY + r * 0.9)} L${n(x + half * 1.12)},${n(bottom)} Z"/>`;
  return head + body;
}

function drawAbstract(scene: Scene): void {
  const { w, h, s, hue, rng } = scene;
  const bg = linearGradient(scene, [
    [0, hsl(hue + 25, 45, 18)],
    [1, hsl(hue - 25, 55, 36)],
  ]);
  scene.body.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${bg}"/>`);
  sunGlow(scene, w * rng.range(0.3, 0.7), h * rng.range(0.3, 0.7), w * 0.55, hsl(hue, 70, 70), 0.45);

  // Large soft blurred discs in the background.
  const blurBig = blurFilter(scene, 40 * s);
  const big: string[] = [];
  for (let k = 0; k < 6; k++) {
    big.push(
      `<circle cx="${n(rng.range(0, 1) * w)}" cy="${n(rng.range(0, 1) * h)}" r="${n(rng.range(160, 340) * s)}" fill="${hsl(hue + rng.range(-50, 50), 65, rng.range(45, 70))}" opacity="${n(rng.range(0.35, 0.6))}"/>`,
    );
  }
  scene.body.push(`<g filter="${blurBig}">${big.join('')}</g>`);

  // Crisp translucent circles.
  const discs: string[] = [];
  const count = rng.int(12, 18);
  for (let k = 0; k < count; k++) {
    const r = rng.range(40, 260) * s;
    const fill = hsl(hue + rng.range(-45, 45), rng.range(55, 85), rng.range(50, 78));
    discs.push(
      `<circle cx="${n(rng.range(-0.05, 1.05) * w)}" cy="${n(rng.range(-0.05, 1.05) * h)}" r="${n(r)}" fill="${fill}" opacity="${n(rng.range(0.18, 0.45))}"/>`,
    );
  }
  scene.body.push(discs.join(''));

  // Small bokeh highlights.
  const blurSmall = blurFilter(scene, 4 * s);
  const bokeh: string[] = [];
  for (let k = 0; k < 26; k++) {
    bokeh.push(
      `<circle cx="${n(rng.range(0, 1) * w)}" cy="${n(rng.range(0, 1) * h)}" r="${n(rng.range(8, 36) * s)}" opacity="${n(rng.range(0.15, 0.5))}"/>`,
    );
  }
  scene.body.push(`<g fill="${hsl(hue - 10, 80, 90)}" filter="${blurSmall}">${bokeh.join('')}</g>`);

  // A few thin rings for structure.
  const rings: string[] = [];
  for (let k = 0; k < 4; k++) {
    rings.push(
      `<circle cx="${n(rng.range(0.1, 0.9) * w)}" cy="${n(rng.range(0.1, 0.9) * h)}" r="${n(rng.range(90, 300) * s)}"/>`,
    );
  }
  scene.body.push(
    `<g fill="none" stroke="${hsl(hue, 40, 92)}" stroke-width="${n(2 * s)}" opacity="0.2">${rings.join('')}</g>`,
  );
}

const MOTIFS: Record<string, (scene: Scene) => void> = {
  harbour: drawHarbour,
  town: drawTown,
  field: drawField,
  storm: drawStorm,
  crowd: drawCrowd,
  abstract: drawAbstract,
};

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** Build the SVG markup for a demo image (exported for testing). */
export function buildDemoImageSvg(image: DemoImageSpec, width = 1600, height = 1000): string {
  const w = Math.max(16, Math.round(width));
  const h = Math.max(16, Math.round(height));
  let counter = 0;
  const scene: Scene = {
    w,
    h,
    s: w / 1600,
    hue: wrapHue(image.hue),
    rng: createRng(`${image.key}|${image.motif}|${w}x${h}`),
    defs: [],
    body: [],
    uid: () => `g${(counter++).toString(36)}`,
  };
  const draw = MOTIFS[image.motif] ?? drawAbstract;
  draw(scene);
  lightWash(scene, hsl(scene.hue - 20, 80, 85), 0.12);
  vignette(scene, 0.5);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs>${scene.defs.join('')}</defs>` +
    `<rect width="${w}" height="${h}" fill="${hsl(scene.hue, 20, 30)}"/>` +
    scene.body.join('') +
    `</svg>`
  );
}

/** Render a deterministic, text-free JPEG stand-in photo for a demo image. */
export async function renderDemoImage(
  image: { key: string; hue: number; motif: string },
  width = 1600,
  height = 1000,
): Promise<Buffer> {
  const svg = buildDemoImageSvg(image, width, height);
  return sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}
