import { defineRule } from '../lint.ts';
import { originalPlace, quoted } from './media.ts';

/** An original that is not a PDF by its bytes (`%PDF-`), or a PDF whose pages cannot be counted. */
export const originalFormat = defineRule('original-format', 'error', ({ file, media }) => {
  const original = media.original;
  if (!original) return;
  const name = quoted(original.shown);
  const { finding } = original;
  const move = original.written ? '' : '若它不是本期原刊，请改名或移走。';
  if (finding.kind === 'not-pdf') {
    file.message(
      `原刊 “${name}” 不是 PDF 文件（按文件内容判断：开头没有 %PDF-）。请放入印刷版导出的 PDF。${move}`,
      originalPlace(original),
    );
  } else if (finding.kind === 'unreadable') {
    const why = finding.why === 'password' ? '有密码保护' : '已损坏';
    file.message(`原刊 “${name}” ${why}，读不出页数。请放入未加密、能正常打开的 PDF。${move}`, originalPlace(original));
  }
});
