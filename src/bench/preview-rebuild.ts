import { spawn } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import WebSocket from 'ws';
import { messageText } from '../preview/ws-message.ts';

/**
 * Times the editor's loop in `npm start`: save one issue file, then wait until the preview serves
 * the changed page (it sends a reload message over its WebSocket to open pages once the new site
 * is in place) and until the search index has caught up (it logs 检索索引已更新). Saves start
 * once the index written at start is in place.
 */
export interface PreviewEdit {
  /** Save → the page with the edit is served. */
  pageMs: number;
  /** Save → the search index is rebuilt. */
  searchMs: number;
}

export interface PreviewTarget {
  contentDir: string;
  /** An issue file in the content folder, and the site path of its issue page. */
  issueFile: string;
  issuePath: string;
  edits: number;
  /** The picture cache the preview is given (`BULLETIN_CACHE_DIR`): one a build has filled, as an editor's is. */
  pictureCacheDir: string;
}

const searchCaughtUp = '检索索引已更新';

export async function timePreviewEdits(
  target: PreviewTarget,
  command: readonly string[],
): Promise<{ startupMs: number; indexedMs: number; edits: PreviewEdit[] }> {
  const started = performance.now();
  const [executable = '', ...args] = command;
  const child = spawn(executable, args, {
    env: { ...process.env, CONTENT_DIR: target.contentDir, PORT: '0', BULLETIN_CACHE_DIR: target.pictureCacheDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const original = await readFile(target.issueFile);
  try {
    let exit = '';
    child.once('exit', (code, signal) => (exit = `exit code ${code}, signal ${signal}`));
    const lines = lineWaiter(child.stdout, () => exit);
    const port = Number(/localhost:(\d+)/.exec(await lines.next((line) => /localhost:\d+/.test(line)))?.[1]);
    const startupMs = performance.now() - started;
    const reloads = await reloadMessages(`ws://127.0.0.1:${port}/`);
    // The first save waits for the index written at start, as the later ones wait for theirs: a
    // save meanwhile would be timed with the rest of that index.
    await lines.next((line) => line.includes(searchCaughtUp));
    const indexedMs = performance.now() - started;
    const edits: PreviewEdit[] = [];
    for (let edit = 1; edit <= target.edits; edit++) {
      const marker = `基准测试第${edit}次修改`;
      const saved = performance.now();
      // A new last paragraph of the issue's last article: shown on the issue page.
      await appendFile(target.issueFile, `\n${marker}\n`);
      await reloads.next();
      const page = await (await fetch(`http://127.0.0.1:${port}${target.issuePath}`)).text();
      if (!page.includes(marker)) throw new Error(`preview reloaded ${target.issuePath} without the edit`);
      const pageMs = performance.now() - saved;
      await lines.next((line) => line.includes(searchCaughtUp));
      edits.push({ pageMs, searchMs: performance.now() - saved });
    }
    reloads.close();
    return { startupMs, indexedMs, edits };
  } finally {
    child.kill('SIGTERM');
    await writeFile(target.issueFile, original);
  }
}

/** Lines of a stream, awaited one match at a time; lines that arrived earlier count too. */
function lineWaiter(stream: NodeJS.ReadableStream | null, exitStatus: () => string) {
  const seen: string[] = [];
  let wake = () => {};
  let buffered = '';
  stream?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    seen.push(...complete);
    wake();
  });
  let closed = false;
  stream?.on('close', () => {
    closed = true;
    wake();
  });
  return {
    async next(matches: (line: string) => boolean): Promise<string> {
      for (;;) {
        const index = seen.findIndex(matches);
        if (index >= 0) return seen.splice(0, index + 1).at(-1) ?? '';
        if (closed)
          throw new Error(
            `preview exited (${exitStatus()}) before printing the expected line; it printed:\n${seen.join('\n')}`,
          );
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

/**
 * The dev server's WebSocket, as the reload client in a preview page opens it; `next` resolves at
 * the next reload message after the call.
 */
function reloadMessages(url: string): Promise<{ next(): Promise<void>; close(): void }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    let waiting: (() => void) | undefined;
    socket.on('message', (data) => {
      const message: unknown = JSON.parse(messageText(data));
      if (typeof message === 'object' && message !== null && 'type' in message && message.type === 'eleventy.reload')
        waiting?.();
    });
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        next: () => new Promise<void>((done) => (waiting = done)),
        close: () => socket.close(),
      }),
    );
  });
}
