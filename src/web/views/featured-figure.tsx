// An article's featured image: the browser picks the copy that fits from srcset; width and height
// reserve the space so the text does not jump while it loads.
import type { FeaturedImage } from '../../db/repositories/media.repository.js'

/** The article column is at most about 44rem (700 px); on phones the image spans the screen. */
const SIZES = '(min-width: 50rem) 44rem, 100vw'

export function FeaturedFigure({ image }: { image: FeaturedImage }) {
  return (
    <figure class="featured-image">
      <img src={image.url} srcset={image.srcset} sizes={SIZES} width={image.width} height={image.height} alt={image.alt} decoding="async" />
      {image.caption || image.credit
        ? (
          <figcaption>
            {image.caption}
            {image.caption && image.credit ? ' ' : null}
            {image.credit ? <span class="image-credit">{image.credit}</span> : null}
          </figcaption>
        )
        : null}
    </figure>
  )
}
