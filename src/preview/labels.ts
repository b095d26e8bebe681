/**
 * What the preview says in the browser: the notice over served pages and the page served while
 * there is no site yet. The problems themselves are the lines the terminal printed, word for word.
 */
export const noticeLabels = {
  /** The banner's heading while the last rebuild failed. */
  errorsTitle: (count: number) => `预览：内容有 ${count} 个错误，网站未更新`,
  errorsHint: '浏览器中是上次成功生成的版本。改正后保存，本页会自动更新（终端里也列出了这些错误）。',
  warningsTitle: (count: number) => `内容有 ${count} 个警告`,
  warningsHint: '警告不妨碍生成网站；npm run check 列出全部警告和改法。',
  /** The last line of a list cut short. */
  more: (count: number) => `……还有 ${count} 条，见终端或 npm run check。`,
  /** Shown beside a heading that opens and closes its list. */
  collapse: '收起',
  expand: '展开',
  /** The page served for every address while no site has been built. */
  buildingTitle: '正在生成网站',
  buildingText: '预览正在生成网站，完成后本页会自动打开。',
  brokenTitle: '内容有错误，还不能生成网站',
  brokenText: '请按下面的提示改正后保存：网站生成后本页会自动打开。这些错误终端里也列出了。',
  /** The landmark's name, read by screen readers. */
  region: '预览提示',
};
