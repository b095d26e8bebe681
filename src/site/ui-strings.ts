/** Words the site shows readers that are not content: one place to change them. */
export const uiStrings = {
  /** Where a figure's photo is still missing (the bulletin's text gives only its caption). */
  photoMissing: '图片暂缺',
} as const;
