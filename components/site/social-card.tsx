import 'server-only';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { getImage } from '@/db/queries/images';
import { parseMediaName } from '@/lib/media';
import { OG_IMAGE_SIZE } from '@/lib/seo';
import { fitText } from '@/lib/social-card';
import { woff2ToTtf } from '@/lib/woff2';

// The reader site's light palette (app/globals.css).
const PAPER = '#fbfaf7';
const INK = '#1b1a17';
const MUTED = '#5c5850';
const ACCENT = '#9b2c1f';

const PAD = 64;
export const CARD_IMAGE_WIDTH = 440;

type CardFont = { name: string; data: Buffer; weight: 400; style: 'normal' };
const SERIF_FACES = ['Source Serif 4', 'Source Serif 4 Extended'];
const SERIF = SERIF_FACES.map((face) => `'${face}'`).join(', ');
const SANS = 'Geist';

async function loadFonts(): Promise<CardFont[] | undefined> {
  try {
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    const serifDir = path.dirname(require.resolve('@fontsource-variable/source-serif-4/package.json'));
    // The site's serif, as the site loads it (app/fonts.ts); latin-ext adds the accented letters of names and places.
    const serif = await Promise.all(
      ['latin', 'latin-ext'].map(async (subset) => woff2ToTtf(await readFile(path.join(serifDir, 'files', `source-serif-4-${subset}-wght-normal.woff2`)), { defaultInstance: true })),
    );
    const fonts: CardFont[] = serif.map((data, i) => ({ name: SERIF_FACES[i], data, weight: 400, style: 'normal' }));
    // next/og's own sans, for the small print; without it the serif sets everything.
    const sans = await readFile(path.join(path.dirname(require.resolve('next/package.json')), 'dist/compiled/@vercel/og/Geist-Regular.ttf')).catch(() => null);
    if (sans) fonts.push({ name: SANS, data: sans, weight: 400, style: 'normal' });
    return fonts;
  } catch (error) {
    // The card still renders, in next/og's default face.
    console.error('[masthead] social cards: the serif could not be loaded', error);
    return undefined;
  }
}

let fontsOnce: Promise<CardFont[] | undefined> | null = null;
/** The card's faces, decoded once per server process. */
export const cardFonts = () => (fontsOnce ??= loadFonts());

/**
 * A stored upload as a JPEG data URI cropped to `width`×`height`. Uploads may be
 * WebP or GIF, which the card renderer does not draw reliably; a JPEG of the
 * exact size it is shown at also keeps the card small. Null if the file is gone.
 */
export async function mediaAsJpeg(src: string, width: number, height: number): Promise<string | null> {
  const parsed = parseMediaName(src);
  const image = parsed ? await getImage(parsed.id) : null;
  if (!image) return null;
  try {
    const jpeg = await sharp(image.data, { animated: false }).resize({ width, height, fit: 'cover', position: 'attention' }).flatten({ background: PAPER }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  } catch {
    return null;
  }
}

export interface SocialCardProps {
  siteName: string;
  /** Above the headline: the section, or the tagline on the site's own card. */
  kicker?: string;
  headline: string;
  /** Under the headline: "By A and B · 14 March 2026". */
  footer?: string;
  /** A JPEG data URI from mediaAsJpeg, drawn down the right-hand side. */
  image?: string | null;
  /** The site's own card: a larger name, no headline rule. */
  variant?: 'article' | 'site';
}

/** The card's markup, in the subset of CSS that next/og (satori) draws: flexbox only. */
export function SocialCard({ siteName, kicker, headline, footer, image, variant = 'article' }: SocialCardProps) {
  const columnWidth = OG_IMAGE_SIZE.width - (image ? CARD_IMAGE_WIDTH : 0);
  const textWidth = columnWidth - PAD * 2;
  const site = variant === 'site';
  const headlineBox = { width: textWidth, height: site ? 320 : 330 };
  const fitted = fitText(headline, headlineBox, site ? [96, 84, 72, 60, 52] : undefined);
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', backgroundColor: PAPER, color: INK, fontFamily: SERIF }}>
      <div style={{ display: 'flex', flexDirection: 'column', width: columnWidth, height: '100%', padding: `${PAD - 8}px ${PAD}px ${PAD - 12}px` }}>
        <div style={{ display: 'flex', flexDirection: 'column', borderTop: `8px solid ${INK}`, paddingTop: site ? 0 : 18 }}>
          {!site && <div style={{ display: 'flex', fontSize: 36, letterSpacing: -0.3, WebkitTextStroke: `0.6px ${INK}` }}>{siteName}</div>}
          {kicker && !site && (
            <div style={{ display: 'flex', marginTop: 12, fontFamily: SANS, fontSize: 22, letterSpacing: 2.5, color: ACCENT, textTransform: 'uppercase' }}>{kicker}</div>
          )}
        </div>
        <div style={{ display: 'flex', flexGrow: 1, alignItems: 'center', marginTop: 8, marginBottom: 8 }}>
          <div
            style={{
              display: 'block',
              width: textWidth,
              maxHeight: headlineBox.height,
              overflow: 'hidden',
              fontSize: fitted.fontSize,
              lineHeight: fitted.lineHeight,
              letterSpacing: -0.005 * fitted.fontSize,
              // A touch of stroke: the decoded serif is the variable font's regular instance.
              WebkitTextStroke: `${(fitted.fontSize / 40).toFixed(2)}px ${INK}`,
              lineClamp: fitted.lines,
            }}
          >
            {fitted.text}
          </div>
        </div>
        {footer && (
          <div style={{ display: 'flex', borderTop: `2px solid ${INK}`, paddingTop: 16, fontFamily: site ? SERIF : SANS, fontSize: site ? 32 : 24, color: site ? ACCENT : MUTED }}>
            {footer}
          </div>
        )}
      </div>
      {image && (
        // eslint-disable-next-line @next/next/no-img-element -- drawn by next/og, not a page
        <img src={image} width={CARD_IMAGE_WIDTH} height={OG_IMAGE_SIZE.height} alt="" style={{ width: CARD_IMAGE_WIDTH, height: OG_IMAGE_SIZE.height, objectFit: 'cover' }} />
      )}
    </div>
  );
}
