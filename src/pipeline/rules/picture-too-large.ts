import { pictureLimits } from '../media/limits.ts';
import { defineRule } from '../lint.ts';
import { megabytes, pixelCount, quoted } from './media.ts';

/**
 * A picture over 20 MB, or whose header claims over 50 megapixels: judged before any decoding, so
 * a decompression bomb (a few KB of PNG that would decode to 100,000 × 100,000) never reaches it.
 */
export const pictureTooLarge = defineRule('picture-too-large', 'error', ({ file, media }) => {
  for (const { node, finding } of media.pictures) {
    if (finding.kind !== 'file') continue;
    const name = quoted(node.url);
    const { width, height } = finding.header;
    if (width !== undefined && height !== undefined && width * height > pictureLimits.maxPixels) {
      file.message(
        `图片 “${name}” 的文件头声明 ${width} × ${height} 像素（约 ${pixelCount(width * height)} 像素），` +
          `超过 ${pixelCount(pictureLimits.maxPixels)} 像素的上限，不会处理。` +
          '请把它缩小（照片长边 3000 像素左右已足够）后再用。',
        node,
      );
    } else if (finding.bytes > pictureLimits.maxBytes) {
      file.message(
        `图片 “${name}” 有 ${megabytes(finding.bytes)}，超过 ${megabytes(pictureLimits.maxBytes)} 的上限。` +
          '请把它缩小或压缩（照片长边 3000 像素左右已足够）后再用。',
        node,
      );
    }
  }
});
