import 'server-only';
import sharp from 'sharp';
import { getImage } from '@/db/queries/images';
import { parseMediaName } from '@/lib/media';
import { OG_IMAGE_SIZE } from '@/lib/seo';
import { fitText } from '@/lib/social-card';

// The reader site's light palette (app/globals.css).
const PAPER = '#fbfaf7';
const INK = '#1b1a17';
const MUTED = '#5c5850';
const ACCENT = '#9b2c1f';

const PAD = 64;
export const CARD_IMAGE_WIDTH = 440;

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
  const textWidth = OG_IMAGE_SIZE.width - (image ? CARD_IMAGE_WIDTH : 0) - PAD * 2;
  const headlineBox = { width: textWidth, height: variant === 'site' ? 300 : 330 };
  const fitted = fitText(headline, headlineBox, variant === 'site' ? [64, 56, 48, 42] : undefined);
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', backgroundColor: PAPER, color: INK }}>
      <div style={{ display: 'flex', flexDirection: 'column', width: OG_IMAGE_SIZE.width - (image ? CARD_IMAGE_WIDTH : 0), height: '100%', padding: `${PAD - 8}px ${PAD}px ${PAD - 8}px` }}>
        <div style={{ display: 'flex', flexDirection: 'column', borderTop: `8px solid ${INK}`, paddingTop: 18 }}>
          <div style={{ display: 'flex', fontSize: variant === 'site' ? 44 : 34, fontWeight: 700, letterSpacing: -0.5 }}>{siteName}</div>
          {kicker && variant === 'article' && (
            <div style={{ display: 'flex', marginTop: 14, fontSize: 24, fontWeight: 700, letterSpacing: 2.5, color: ACCENT, textTransform: 'uppercase' }}>{kicker}</div>
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
              fontWeight: 700,
              letterSpacing: -0.01 * fitted.fontSize,
              lineClamp: fitted.lines,
            }}
          >
            {fitted.text}
          </div>
        </div>
        {footer && (
          <div style={{ display: 'flex', borderTop: `2px solid ${INK}`, paddingTop: 16, fontSize: 26, color: variant === 'site' ? ACCENT : MUTED }}>{footer}</div>
        )}
      </div>
      {image && (
        // eslint-disable-next-line @next/next/no-img-element -- drawn by next/og, not a page
        <img src={image} width={CARD_IMAGE_WIDTH} height={OG_IMAGE_SIZE.height} alt="" style={{ width: CARD_IMAGE_WIDTH, height: OG_IMAGE_SIZE.height, objectFit: 'cover' }} />
      )}
    </div>
  );
}
