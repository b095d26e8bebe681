import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import { failureMessage } from '../core/failure-message.ts';
import { isMissing } from '../core/read-file.ts';
import { loadArchive } from '../archive/load-archive.ts';
import { issueFileCache } from '../pipeline/load.ts';
import { claimOutputFolder } from '../site/output-folder.ts';
import { publishSite } from '../site/publish.ts';
import { settingsErrorLines, tryReadSettings, type SettingsRead, type SiteSettings } from '../site/settings.ts';
import type { SiteData } from '../site/site-data.ts';
import type { Diagnostic } from '../model.ts';
import { previewNotice } from './notice-middleware.ts';
import { sameStatus, type PreviewStatus } from './preview-status.ts';
import { rebuildQueue } from './rebuild-queue.ts';
import { searchUpdates } from './search-updates.ts';
import { openSiteServer } from './site-server.ts';
import { watchSources } from './watch-sources.ts';

export interface PreviewOptions {
  contentDir: string;
  /** How messages name the content folder (relative to where the editor runs the command). */
  displayDir: string;
  out: string;
  port: number;
  /** Folders whose changes trigger a rebuild besides the content: templates and static files. */
  alsoWatch: string[];
  log: (line: string) => void;
  /** SITE_URL and PATH_PREFIX over site.yaml, as the build takes them (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

export interface Preview {
  /** The port listened on (the one asked for, or the free one found for 0). */
  port: number;
  /** The sub-path the site is served under now: site.yaml's pathPrefix as of the last good read. */
  readonly pathPrefix: string;
  close(): Promise<void>;
}

/**
 * `npm start`: serve on localhost, build, rebuild on every save and reload open pages. A content
 * error is printed as `npm run check` prints it and the last good site stays served, with the
 * same lines in a notice over every page (or, before there is a site, on the page served instead).
 * The port is taken first, so a busy one (`PortUnavailableError`) is reported before any build.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  // Read by the server for every request, so it exists before the server does.
  let status: PreviewStatus = { site: false, starting: true, errors: [], warnings: [] };
  // site.yaml is read again at every rebuild, as the content is: a save there shows without a
  // restart, a bad one is told on the page as a content error is.
  // A notice (the old site.json still in use) is told once, not again at every save.
  let lastNotice: string | undefined;
  const readCurrentSettings = (): SettingsRead =>
    tryReadSettings(options.env ?? process.env, {
      dir: options.contentDir,
      displayDir: options.displayDir,
      warn: (line) => {
        if (line !== lastNotice) options.log(line);
        lastNotice = line;
      },
    });
  const first = readCurrentSettings();
  const server = await openSiteServer({
    dir: options.out,
    pathPrefix: first.ok ? first.settings.pathPrefix : '/',
    port: options.port,
    liveReload: true,
    log: options.log,
    middleware: [previewNotice(() => status)],
  });
  // Only now: with the port taken, nothing is touched. The claim keeps a build or another preview
  // out of the folder while this one runs, and clears what an interrupted one left.
  const claim = await claimOutputFolder(options.out, {
    keep: [process.cwd(), options.contentDir],
    shownOut: relative(process.cwd(), options.out) || '.',
    command: 'npm start',
  }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  for (const note of claim.notes) options.log(note);
  const out = claim.folder;
  // A site an earlier build or preview left is served (with the notice) until this one has built.
  status = { ...status, site: existsSync(out) };
  /**
   * What open pages show from now on. They reload when it changed (the notice is part of each
   * page, not patched into it) and always for a new site.
   */
  const tell = (next: Omit<PreviewStatus, 'starting'>, newSite = false): void => {
    const told = { ...next, starting: false };
    const changed = newSite || !sameStatus(status, told);
    status = told;
    if (changed) server.reload();
  };
  /** A rebuild that did not update the site: the line the terminal printed, over the warnings. */
  const tellFailure = (line: string): void => tell({ ...status, errors: [line] });
  // Unchanged issue files are not parsed again, and after content edits only changed pages are
  // rendered; a change to templates or static files renders everything.
  const cache = issueFileCache();
  let onlyContentChanged = true;
  /** The settings the site in the output folder was rendered with: a change to them renders every page. */
  let publishedSettings: string | undefined;
  /** The data of the site the preview last published, while it is the one in the output folder. */
  let published: SiteData | undefined;
  // Search follows each published site beside the rebuild queue (search-updates.ts).
  const search = searchUpdates(out, options.log);

  const rebuild = async (): Promise<void> => {
    const changedOnly = onlyContentChanged;
    onlyContentChanged = true;
    const updated = await publish(changedOnly).catch((error: unknown) => {
      // The next rebuild must still render everything for a template change this one did not publish.
      onlyContentChanged &&= changedOnly;
      throw error;
    });
    if (!updated) onlyContentChanged &&= changedOnly;
  };

  /** Whether the site was updated: not on a content error or a failed render. */
  const publish = async (changedOnly: boolean): Promise<boolean> => {
    const started = performance.now();
    const read = readCurrentSettings();
    // With bad settings the issues are still read (with the programme's steps) to tell their errors too.
    const archive = await loadArchive(
      options.contentDir,
      options.displayDir,
      cache,
      read.ok ? { steps: read.settings.index.steps } : {},
    );
    const warnings = lines(archive.diagnostics, 'warning');
    if (!read.ok || hasErrors(archive.diagnostics)) {
      const errors = [...(read.ok ? [] : settingsErrorLines(read.error)), ...lines(archive.diagnostics, 'error')];
      for (const line of errors) options.log(line);
      tell({ site: status.site, errors, warnings });
      options.log(
        existsSync(out)
          ? '内容有错误，网站未更新，预览中仍是上次成功生成的版本。改正后保存即可自动更新。'
          : '内容有错误，还不能生成网站。改正后保存即可自动生成。',
      );
      return false;
    }
    const { settings } = read;
    const settingsText = settingsFingerprint(settings);
    // Rendering everything takes the search index over into the new site, and an index job may be
    // installing its files there: it is stopped and waited for. Updating in place leaves the
    // index alone and need not wait.
    const changedSince = changedOnly && settingsText === publishedSettings ? published : undefined;
    if (!changedSince) await search.halt();
    published = undefined;
    publishedSettings = undefined;
    try {
      published = (
        await publishSite(archive, out, { settings, index: 'later', ...(changedSince ? { changedSince } : {}) })
      ).data;
      publishedSettings = settingsText;
      if (settings.pathPrefix !== server.pathPrefix) {
        // Open pages reload at their old address and are sent on to the new one.
        server.setPathPrefix(settings.pathPrefix);
        options.log(
          `子路径（pathPrefix）已改为 ${settings.pathPrefix}，预览网站：http://localhost:${server.port}${settings.pathPrefix}`,
        );
      }
      tell({ site: true, errors: [], warnings }, true);
      options.log(
        `已更新（${archive.issues.length} 期，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）。`,
      );
      search.update(archive);
      return true;
    } catch (error) {
      const line = `生成网站失败：${failureMessage(error)}`;
      options.log(line);
      tellFailure(line);
      return false;
    }
  };

  const schedule = rebuildQueue(rebuild, (error) => {
    const line = `重新生成失败：${failureReason(error)}。预览继续运行，保存文件后会再试。`;
    options.log(line);
    tellFailure(line);
  });

  const contentDir = resolve(options.contentDir);
  try {
    // Watching starts before the first build, so a save made while it runs is not missed.
    const watcher = await watchSources(
      [options.contentDir, ...options.alsoWatch.filter((folder) => existsSync(folder))],
      (changed) => {
        if (changed.some((path) => !path.startsWith(`${contentDir}${sep}`))) onlyContentChanged = false;
        void schedule();
      },
      {
        onError: (error) =>
          options.log(`监视文件变化出错：${error.message}。保存后网站可能不会自动更新，请重新运行 npm start。`),
      },
    );
    await schedule();
    return {
      port: server.port,
      get pathPrefix() {
        return server.pathPrefix;
      },
      close: async () => {
        await watcher.close();
        // A stopped index removes its half-written folder once Pagefind has answered; if Pagefind is
        // gone already (Ctrl+C reaches it too) that never happens, and the next start cleans up.
        await search.close(3000);
        await server.close();
        claim.release();
      },
    };
  } catch (error) {
    await server.close();
    claim.release();
    throw error;
  }
}

/** The settings as text that changes whenever they do (the steps' patterns as their source). */
function settingsFingerprint(settings: SiteSettings): string {
  return JSON.stringify(settings, (_key, value: unknown) => (value instanceof RegExp ? value.source : value));
}

/** The diagnostics of one severity, each as the terminal and `npm run check` print it. */
function lines(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): string[] {
  return diagnostics.filter((d) => d.severity === severity).map(formatDiagnostic);
}

/** What went wrong, in the editor's terms where it is an expected race. */
function failureReason(error: unknown): string {
  const path = error instanceof Error && 'path' in error && typeof error.path === 'string' ? error.path : undefined;
  if (isMissing(error) && path) return `读取时找不到 ${path}（文件或文件夹可能刚被移动或删除）`;
  return failureMessage(error);
}
