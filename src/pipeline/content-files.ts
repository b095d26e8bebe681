import type { Dirent } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { aboutPageFile, issueFileExtension } from '../core/content-format.ts';
import { diagnostic, fileStart } from '../core/diagnostics.ts';
import { osReason } from '../core/read-file.ts';
import type { Diagnostic } from '../model.ts';

/** The issue files of a content folder, and what was found there but could not be listed or read. */
export interface ContentListing {
  /** Paths inside the folder as listed (links not resolved), in a stable order. */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Names an editor's tools leave beside a file that are no issue and say nothing worth a warning:
 * Emacs lock files (`.#2018-01.md`, a dangling link) and macOS metadata on foreign disks
 * (`._2018-01.md`). Vim swap files and `~` backups do not end in `.md` at all.
 */
const toolFiles = /^\.[#_]/;

/**
 * A name like an issue's (`2018-02`, `2018-2`, `2019-100`, `2019-s1`) with the extension of a text
 * or a document that is not `.md`: an issue saved under the wrong name, which would drop out of
 * the archive. The original PDF and pictures beside an issue are named like it too, and are no
 * such file.
 */
const issueStem = String.raw`(\d{4}-(?:\d{1,4}|s\d{1,2}))`;
const issueLikeName = new RegExp(
  `^${issueStem}((?:\\.md)?\\.(?:txt|text|markdown|mdown|mkd|mkdn|mdwn|mdtxt|rtf))$`,
  'iu',
);
const documentLikeName = new RegExp(`^${issueStem}((?:\\.md)?\\.(?:docx?|wps|odt|pages))$`, 'iu');

/**
 * Why a file named like an issue is not read, and what to do, or undefined for any other file.
 * Beside the issue's own `.md` (the text it was imported from, say) it is no lost issue.
 */
function notIssueMessage(name: string, siblings: ReadonlySet<string>): string | undefined {
  const stem = (issueLikeName.exec(name) ?? documentLikeName.exec(name))?.[1];
  if (stem === undefined || siblings.has(`${stem}${issueFileExtension}`)) return undefined;
  const text = issueLikeName.exec(name);
  if (text) {
    return (
      `文件名像是一期刊物，但扩展名是 ${text[2]}，不是 ${issueFileExtension}，不会作为期刊读取，这一期就不在网站上。` +
      `若它是一期刊物，请改名为 ${text[1]}${issueFileExtension}；若不是，可删去它或把它移出内容目录。`
    );
  }
  const document = documentLikeName.exec(name);
  if (document) {
    return (
      `文件名像是一期刊物，但它是 ${document[2]} 文档，不会作为期刊读取。` +
      `请另存为纯文本，用 npm run import 导入，或照格式写成 ${document[1]}${issueFileExtension}；不需要时请把它移出内容目录。`
    );
  }
  return undefined;
}

type Kind = 'folder' | 'file' | 'other';

/**
 * Every issue file under the content folder. Links are followed, to files and to folders; a
 * folder reached again through a link (a loop, or a second way to the same folder) is read once.
 * Nothing is left out in silence: a folder that cannot be listed, a link that leads nowhere and
 * a `.md` name that is not read (hidden, or `.MD`) and a file named like an issue that is no
 * `.md` (`2018-02.txt`, `2018-02.docx`) each give a diagnostic naming the path.
 * Dot-folders (`.git`, editor settings) are not content and are skipped without one.
 */
export async function listIssueFiles(dir: string, display: (path: string) => string): Promise<ContentListing> {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const report = (path: string, severity: 'error' | 'warning', rule: string, message: string) =>
    diagnostics.push(diagnostic(display(path), fileStart, severity, rule, message));
  const walked = new Set<string>();
  // Explicit queues, so that a deep tree never deepens the call stack. Real folders go first: a
  // folder both in the tree and behind a link is read where it is, and the link is the one skipped.
  const folders = [dir];
  const linked: string[] = [];
  for (let folder = next(folders, linked); folder !== undefined; folder = next(folders, linked)) {
    const real = await realpath(folder.path).catch(() => folder.path);
    if (walked.has(real)) {
      const message = '这个符号链接指向已读过的文件夹（指回上层文件夹形成循环，或重复指向同一文件夹），不再重复读取。';
      // A real folder already read through a link is no loop: nothing to say.
      if (folder.linked) report(folder.path, 'warning', 'file-skipped', message);
      continue;
    }
    walked.add(real);
    const entries = await listFolder(folder.path, folder.path === dir);
    if ('unreadable' in entries) {
      report(folder.path, 'error', 'folder-unreadable', entries.unreadable);
      continue;
    }
    const names = new Set(entries.list.map((entry) => entry.name));
    for (const entry of entries.list) {
      const path = join(folder.path, entry.name);
      const isIssueName = entry.name.endsWith(issueFileExtension);
      // The about page (关于本刊) is the content folder's own Markdown, not an issue.
      if (folder.path === dir && entry.name === aboutPageFile) continue;
      if (entry.name.startsWith('.')) {
        if (isIssueName && !toolFiles.test(entry.name) && !entry.isDirectory()) {
          const message =
            `文件名以点开头，会被当作隐藏文件，不作为期刊读取。若它是一期刊物，请改名为 年份-两位期号.md` +
            `（例如 2018-02.md）；若不是，可删去它或把它移出内容目录。`;
          report(path, 'warning', 'file-skipped', message);
        }
        continue;
      }
      const kind = entry.isSymbolicLink() ? await linkTarget(path) : direntKind(entry);
      if (typeof kind !== 'string') {
        // A link to nothing is only worth an error where it could have been an issue or a folder of them.
        if (isIssueName || extname(entry.name) === '')
          report(path, 'error', 'file-unreadable', `无法读取这个符号链接${kind.unreadable}。请修复或删除这个链接。`);
        continue;
      }
      if (kind === 'folder') (entry.isSymbolicLink() ? linked : folders).push(path);
      else if (isIssueName && kind === 'file') files.push(path);
      else if (isIssueName) {
        const message = '这不是普通文件（可能是管道、设备或套接字），无法作为期刊读取。请换成 Markdown 文本文件。';
        report(path, 'error', 'file-unreadable', message);
      } else if (kind === 'file' && entry.name.toLowerCase().endsWith(issueFileExtension)) {
        const message = `扩展名须是小写的 ${issueFileExtension}，这个文件不会作为期刊读取。请把扩展名改为 ${issueFileExtension}。`;
        report(path, 'warning', 'file-skipped', message);
      } else if (kind === 'file') {
        const message = notIssueMessage(entry.name, names);
        if (message) report(path, 'warning', 'file-skipped', message);
      }
    }
  }
  return { files: files.sort(), diagnostics };
}

function next(folders: string[], linked: string[]): { path: string; linked: boolean } | undefined {
  const real = folders.shift();
  if (real !== undefined) return { path: real, linked: false };
  const link = linked.shift();
  return link === undefined ? undefined : { path: link, linked: true };
}

async function listFolder(folder: string, isRoot: boolean): Promise<{ list: Dirent[] } | { unreadable: string }> {
  try {
    const list = await readdir(folder, { withFileTypes: true });
    return { list: list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  } catch (error) {
    const what = isRoot ? '内容目录' : '文件夹';
    const hint = isRoot
      ? '请检查 CONTENT_DIR 或 content/ 文件夹是否存在、可读。'
      : '其中的期刊没有检查。请检查文件夹的权限。';
    return { unreadable: `无法读取${what}：${osReason(error)}。${hint}` };
  }
}

function direntKind(entry: Dirent): Kind {
  return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
}

/** What a link leads to, or why it leads nowhere (with where it points, as the link says it). */
async function linkTarget(path: string): Promise<Kind | { unreadable: string }> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch (error) {
    const target = await readlink(path).catch(() => undefined);
    return { unreadable: `${target === undefined ? '' : `（指向 ${target}）`}：${osReason(error)}` };
  }
}
