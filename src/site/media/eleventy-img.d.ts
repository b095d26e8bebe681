// @11ty/eleventy-img 6 ships JavaScript without declarations; these are the parts this project uses.
declare module '@11ty/eleventy-img' {
  import type { Sharp } from 'sharp';
  export type OutputFormat = 'avif' | 'webp' | 'jpeg' | 'png';

  export interface ImageOptions {
    widths: number[];
    formats: OutputFormat[];
    /** Formats dropped for transparent or animated input; `[]` keeps the list as given. */
    formatFiltering?: string[];
    outputDir?: string;
    urlPath?: string;
    filenameFormat?: (hash: string, src: string, width: number, format: string) => string;
    urlFormat?: (stat: { width: number; format: string }) => string;
    statsOnly?: boolean;
    dryRun?: boolean;
    useCache?: boolean;
    fixOrientation?: boolean;
    minimumThreshold?: number;
    sharpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
    transform?: (sharp: Sharp) => void | Promise<void>;
    concurrency?: number;
  }

  export interface ImageStat {
    format: OutputFormat;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename?: string;
    outputPath?: string;
    size?: number;
    /** With `dryRun`: the encoded file. */
    buffer?: Buffer;
  }

  export type ImageMetadata = Partial<Record<OutputFormat, ImageStat[]>>;

  interface ImageFunction {
    (src: string, options: ImageOptions): Promise<ImageMetadata>;
    statsByDimensionsSync(src: string, width: number, height: number, options: ImageOptions): ImageMetadata;
  }

  const Image: ImageFunction;
  export default Image;
}
