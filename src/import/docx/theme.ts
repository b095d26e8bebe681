import { child, childrenNamed, type XmlNode } from './xml.ts';

/** The theme's two fonts for Chinese text: headings (major) and body (minor). */
export interface ThemeFonts {
  major?: string;
  minor?: string;
}

/** A theme font for Chinese: the scheme's east-Asian face, else the one it names for Simplified Chinese (`Hans`). */
function chineseFace(font: XmlNode | undefined): string | undefined {
  const ea = child(font, 'a:ea')?.attrs.typeface;
  if (ea) return ea;
  return childrenNamed(font, 'a:font').find((f) => f.attrs.script === 'Hans')?.attrs.typeface || undefined;
}

/**
 * word/theme/theme1.xml read for its font scheme: Word's own template sets no font in the styles but
 * `w:eastAsiaTheme="minorEastAsia"` in the defaults, so without the theme the body's face is unknown.
 */
export function readThemeFonts(root: XmlNode | undefined): ThemeFonts {
  const scheme = child(child(root, 'a:themeElements'), 'a:fontScheme');
  const major = chineseFace(child(scheme, 'a:majorFont'));
  const minor = chineseFace(child(scheme, 'a:minorFont'));
  return { ...(major ? { major } : {}), ...(minor ? { minor } : {}) };
}

/** The face a `w:*Theme` attribute names (`majorEastAsia`, `minorHAnsi` …), as far as Chinese text goes. */
export function themeFace(theme: ThemeFonts, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return name.startsWith('major') ? theme.major : name.startsWith('minor') ? theme.minor : undefined;
}
