import { getImageProps, type ImageProps } from 'next/image';
import { EagerImage } from './eager-image.client';

type Props = Omit<ImageProps, 'src' | 'width' | 'height' | 'sizes' | 'priority' | 'placeholder' | 'fill' | 'loading'> & {
  src: string;
  width: number;
  height: number;
  sizes: string;
  /** Above the fold: loaded at once (not lazily), and so announced in the head. */
  preload?: boolean;
};

/**
 * next/image's output (srcset through the image optimiser, width and height so nothing shifts,
 * lazy below the fold) as a plain <img> rendered on the server: reader pages do not ship
 * next/image's client component, which only adds blur placeholders and load callbacks they do
 * not use.
 */
export function ResponsiveImage({ preload = false, fetchPriority, ...image }: Props) {
  const { props } = getImageProps({ ...image, preload, fetchPriority });
  // React's HTML renderer announces an image that is not lazy in the head (<link rel=preload>).
  if (preload) return <EagerImage {...props} alt={image.alt} />;
  // eslint-disable-next-line @next/next/no-img-element -- getImageProps gives the optimised sources; see above.
  return <img {...props} alt={image.alt} />;
}
