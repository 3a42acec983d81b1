import { getImageProps, type ImageProps } from 'next/image';
import { preload as preloadResource } from 'react-dom';

type Props = Omit<ImageProps, 'src' | 'width' | 'height' | 'sizes' | 'priority' | 'placeholder' | 'fill' | 'loading'> & {
  src: string;
  width: number;
  height: number;
  sizes: string;
  /** Above the fold: loaded at once, announced in the head, and (for a page's main image) at high priority. */
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
  if (preload && props.srcSet) {
    preloadResource(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority });
  }
  // eslint-disable-next-line @next/next/no-img-element -- getImageProps gives the optimised sources; see above.
  return <img {...props} alt={image.alt} />;
}
