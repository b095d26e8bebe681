import { defineRule } from '../lint.ts';
import { originalPlace, quoted } from './media.ts';

/**
 * `original:` names no file (the conventional `2018-01.pdf` is optional: without it the issue has
 * no original), or the original cannot be read.
 */
export const originalMissing = defineRule('original-missing', 'error', ({ file, media }) => {
  const original = media.original;
  if (original?.finding.kind !== 'missing') return;
  const { reason, folder, name, detail } = original.finding;
  const written = quoted(original.written?.value ?? original.shown);
  const messages = {
    empty: '原刊（original）没有写路径。请写 PDF 文件相对于本期文件的路径，如 original: 2018-01.pdf。',
    absent:
      `找不到原刊 “${written}”：${folder} 中没有 ${name}。` +
      '请把原刊 PDF 放进这个文件夹，或改正 original: 的路径（相对于本期文件）。',
    'folder-absent': `找不到原刊 “${written}”：文件夹 ${folder} 不存在。请改正 original: 的路径（相对于本期文件）。`,
    'not-a-file': `原刊 “${written}” 是文件夹，不是 PDF 文件。请写出 PDF 的文件名，如 original: 2018-01.pdf。`,
    unreadable: `无法读取原刊 “${written}”：${detail ?? ''}。请检查文件的权限。`,
  };
  file.message(messages[reason], originalPlace(original));
});
