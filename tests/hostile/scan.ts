import { extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { siteScripts } from '../../src/site/site-scripts.ts';

/** One way a built file could let content run as script or show as live markup. */
export interface Finding {
  /**
   * `markup`: an element, attribute or URL that a browser or feed reader acts on.
   * `data-url`: a URL in JSON data (open data, structured data) with a scheme no consumer should follow.
   */
  kind: 'markup' | 'data-url';
  /** The file, then the path inside it (JSON keys, an embedded fragment). */
  where: string;
  problem: string;
}

/** The site's templates use none of these, so any of them can only come from content. */
const embeddingElements = new Set(['iframe', 'frame', 'object', 'embed', 'svg', 'math', 'base']);
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']);
/**
 * The script elements the site writes itself: structured data, which never runs, and its own bundled modules
 * (src/site/site-scripts.ts).
 */
const dataScriptType = 'application/ld+json';
/** `/` or a path prefix such as `/bulletin/`, in front of a site script's file. */
const sitePathPrefix = /^(\/[\w-]+)*\/$/;

function isSiteScript(attributes: Record<string, string>): boolean {
  const src = attributes.src ?? '';
  return (
    attributes.type === 'module' &&
    Object.keys(siteScripts).some((file) => src.endsWith(file) && sitePathPrefix.test(src.slice(0, -file.length)))
  );
}

/**
 * Browsers drop ASCII whitespace and control characters before reading a URL's scheme, so
 * `java\tscript:` runs like `javascript:`; the check sees the URL as the browser does.
 */
export function isDangerousUrl(url: string): boolean {
  return /^(javascript|data|vbscript):/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

function refreshTarget(content: string): string | undefined {
  return /url\s*=\s*(.+)$/i
    .exec(content)?.[1]
    ?.trim()
    .replace(/^['"]|['"]$/g, '');
}

/** Where a page's `<meta http-equiv="refresh">` sends the browser, if it has one. */
export function metaRefreshTarget(html: string): string | undefined {
  let target: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh')
        target ??= refreshTarget(attributes.content ?? '');
    },
  });
  parser.write(html);
  parser.end();
  return target;
}

/** Findings about one element: what it is and what its attributes can do. */
function elementFindings(name: string, attributes: Record<string, string>): string[] {
  const problems: string[] = [];
  if (embeddingElements.has(name)) problems.push(`<${name}> element`);
  if (name === 'script' && attributes.type?.trim().toLowerCase() !== dataScriptType && !isSiteScript(attributes))
    problems.push(`<script type="${attributes.type ?? ''}"> element`);
  for (const [attribute, value] of Object.entries(attributes)) {
    if (/^on/i.test(attribute)) problems.push(`<${name} ${attribute}> event handler`);
    if (urlAttributes.has(attribute) && isDangerousUrl(value)) problems.push(`<${name} ${attribute}="${value}">`);
  }
  const refresh =
    name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh'
      ? refreshTarget(attributes.content ?? '')
      : undefined;
  if (refresh !== undefined && isDangerousUrl(refresh)) problems.push(`<meta http-equiv="refresh"> to ${refresh}`);
  return problems;
}

/**
 * Markup as a browser tokenizes it (entities decoded), element by element. Structured data in
 * `<script type="application/ld+json">` must parse as JSON, hold no raw `<` (which could end the
 * element early) and pass the JSON checks; the site's own module scripts must be empty.
 */
export function scanHtml(html: string, where: string): Finding[] {
  const findings: Finding[] = [];
  let script: { text: string; site: boolean } | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      for (const problem of elementFindings(name, attributes)) findings.push({ kind: 'markup', where, problem });
      if (name === 'script') script = { text: '', site: isSiteScript(attributes) };
    },
    ontext(text) {
      if (script) script.text += text;
    },
    onclosetag(name) {
      if (name !== 'script' || !script) return;
      // A site script loads its file and has no text of its own; any text there would run.
      if (script.site && script.text.trim() !== '')
        findings.push({ kind: 'markup', where, problem: 'text inside a site script element' });
      if (!script.site) findings.push(...scanStructuredData(script.text, `${where} ld+json`));
      script = undefined;
    },
  });
  parser.write(html);
  parser.end();
  return findings;
}

function scanStructuredData(text: string, where: string): Finding[] {
  if (text.includes('<')) return [{ kind: 'markup', where, problem: 'raw < inside a script element' }];
  try {
    return scanJsonValue(JSON.parse(text), where);
  } catch {
    return [{ kind: 'markup', where, problem: 'script element content is not JSON' }];
  }
}

/**
 * Feeds: the markup of the XML itself, then every `type="html"` element (Atom's escaped HTML),
 * whose decoded text a feed reader renders as HTML and so must pass the HTML checks.
 */
export function scanXml(xml: string, where: string): Finding[] {
  const findings: Finding[] = [];
  const open: { name: string; html?: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const problem of elementFindings(name.toLowerCase(), attributes))
          findings.push({ kind: 'markup', where, problem });
        open.push(attributes.type === 'html' ? { name, html: '' } : { name });
      },
      ontext(text) {
        const current = open.at(-1);
        if (current?.html !== undefined) current.html += text;
      },
      onclosetag() {
        const element = open.pop();
        if (element?.html !== undefined)
          findings.push(...scanHtml(element.html, `${where} <${element.name} type="html">`));
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  return findings;
}

/** Keys whose string value consumers render as HTML (`content_html` of JSON Feed, an article's `html`). */
const htmlKey = /(^|_)html$/i;
/** Keys whose string value consumers follow or load as a URL. */
const urlKey = /(^|_)(url|src|href|image|icon|favicon)$/i;

/** JSON data: HTML values pass the HTML checks, URL values carry no dangerous scheme; other text is data. */
export function scanJsonValue(value: unknown, where: string, key = ''): Finding[] {
  if (typeof value === 'string') {
    if (htmlKey.test(key)) return scanHtml(value, where);
    return urlKey.test(key) && isDangerousUrl(value) ? [{ kind: 'data-url', where, problem: `URL ${value}` }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => scanJsonValue(item, `${where}[${index}]`, key));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => scanJsonValue(item, `${where}.${name}`, name));
  }
  return [];
}

function scanJson(text: string, where: string): Finding[] {
  try {
    return scanJsonValue(JSON.parse(text), where);
  } catch {
    return [{ kind: 'markup', where, problem: 'not JSON' }];
  }
}

/**
 * A Pagefind fragment (one per article: url, content, meta, filters, anchors): gzip, a signature,
 * then JSON from the first `{`. Its strings are plain text, not HTML (content may read
 * `<script>…` where the article says so), which the search page inserts as text or escapes
 * (query.ts); so they are checked as JSON data, URLs included, and the browser visit of the
 * search page is what shows that none of it runs.
 */
function scanPagefindFragment(bytes: Buffer, where: string): Finding[] {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch {
    return [{ kind: 'markup', where, problem: 'not a gzip Pagefind fragment' }];
  }
  return scanJson(text.slice(text.indexOf('{')), where);
}

const textScanners: Record<string, (text: string, where: string) => Finding[]> = {
  '.html': scanHtml,
  '.xml': scanXml,
  '.json': scanJson,
  // Plain text must stay plain even for a browser that sniffs it as HTML.
  '.txt': scanHtml,
  // References for reference managers hold titles as written (escaping them as HTML would corrupt the
  // reference): they are safe because they always open with their format's own first bytes, which no
  // browser sniffs as HTML, and because no value breaks out of its line or field.
  '.ris': scanRis,
  '.bib': scanBibtex,
};

/** Every RIS line is one tag and its value: a line break in a title would start a tag of its own. */
export function scanRis(text: string, where: string): Finding[] {
  const lines = text.trimEnd().split('\r\n');
  const bad = lines.filter((line) => !/^[A-Z][A-Z0-9] {2}-( |$)/.test(line));
  const records = lines.filter((line) => line.startsWith('TY  - ')).length;
  return [
    ...(text.startsWith('TY  - ') ? [] : [{ kind: 'markup' as const, where, problem: 'RIS file not opening with TY' }]),
    ...bad.map((line) => ({
      kind: 'markup' as const,
      where,
      problem: `RIS line that is no tag: ${line.slice(0, 40)}`,
    })),
    ...(records === 1 ? [] : [{ kind: 'markup' as const, where, problem: `${records} RIS records` }]),
  ];
}

/** One entry whose braces balance outside escapes: an unescaped brace in a title would end its field. */
export function scanBibtex(text: string, where: string): Finding[] {
  if (!text.startsWith('@article{'))
    return [{ kind: 'markup', where, problem: 'BibTeX file not opening with @article{' }];
  let depth = 0;
  let entries = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '@' && depth === 0) entries++;
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (depth < 0) return [{ kind: 'markup', where, problem: 'BibTeX brace closed that was never opened' }];
  }
  return depth === 0 && entries === 1
    ? []
    : [{ kind: 'markup', where, problem: 'BibTeX entry with unbalanced braces' }];
}

export const scannedExtensions = [...Object.keys(textScanners), '.pf_fragment'];

/** Findings for one built file by its kind; undefined for kinds this scan does not read. */
export function scanFile(file: string, content: Buffer | string): Finding[] | undefined {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  if (extname(file) === '.pf_fragment') return scanPagefindFragment(bytes, file);
  return textScanners[extname(file)]?.(bytes.toString('utf8'), file);
}

/**
 * Pagefind's own files besides fragments: its scripts, styles and wasm, and the binary index
 * (words, filter values, page list), which only pagefind.js reads and never shows as markup.
 */
const pagefindRuntime = [
  /^pagefind\/pagefind(-worker|-highlight|-ui|-modular-ui|-component-ui)?\.(js|css)$/,
  /^pagefind\/wasm\.[a-z-]+\.pagefind$/,
  /^pagefind\/pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta$/,
  /^pagefind\/index\/[a-z-]+_[0-9a-f]+\.pf_index$/,
  /^pagefind\/filter\/[a-z-]+_[0-9a-f]+\.pf_filter$/,
  /^pagefind\/pagefind-entry\.json$/,
];

export function isPagefindRuntime(file: string): boolean {
  return pagefindRuntime.some((pattern) => pattern.test(file));
}
