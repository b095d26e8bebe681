import type { Figure, FigureImage, FigurePicture } from '../model.ts';

/**
 * The pictures of these figures that are files of the content folder (not remote, not
 * caption-only), in reading order, each with its figure: what every output that processes,
 * copies or shows the archive's pictures goes through.
 */
export function* pictureFiles(
  figures: readonly Figure[],
): Generator<{ figure: Figure; picture: FigurePicture; image: FigureImage }> {
  for (const figure of figures)
    for (const picture of figure.pictures) if (picture.image) yield { figure, picture, image: picture.image };
}
