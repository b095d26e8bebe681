import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects. `npm test` runs both (after tsc); `npx vitest run --project unit` runs only
 * the fast one while you work.
 *
 * - unit: in-process tests, every file not listed below. No site build, no Chromium, no child
 *   process, no Pagefind index: tests/unit-setup.ts makes starting a process throw. The files
 *   share one worker and its loaded modules (isolate: false; a fresh worker per file took three
 *   times as long), so a unit test must not leave module state, globals or env changed.
 * - e2e: the files below. They build sites (tests/site/helpers/build.ts runBuild), drive
 *   Chromium, spawn the CLIs or Vitest itself, or write Pagefind indexes. The bundled site is
 *   built once for all of them (tests/site/helpers/shared-site-setup.ts).
 *
 * A new test that builds, spawns or opens a browser goes into this list.
 */
const e2e = [
  'tests/a11y/**/*.test.ts', // Chromium + axe-core on the bundled site
  'tests/browser/media.test.ts', // Chromium + axe-core on the built media fixture (pictures, PDF)
  'tests/site/covers.test.ts', // builds the media fixture twice (covers rendered, then cached)
  'tests/browser/typography.test.ts', // Chromium line boxes and fonts on the bundled and media sites
  'tests/search-page/**/*.test.ts', // Chromium on built sites of generated content
  'tests/preview/**/*.test.ts', // spawns the preview server
  'tests/hostile/hostile-output.test.ts', // builds hostile content, Chromium
  'tests/site/site-build.test.ts', // builds bundled, prefixed, fixture and broken content
  'tests/site/another-bulletin.test.ts', // builds the second example bulletin (examples/another-bulletin)
  'tests/site/special-issues.test.ts', // builds the special-issue fixture (增刊, 第100期)
  'tests/site/output-safety.test.ts', // builds into guarded, locked, symlinked, full and stopped output folders
  'tests/site/pdf-import-site.test.ts', // imports the seed PDF, builds the site from it
  'tests/site/media-site.test.ts', // builds the media fixture (pictures, PDF), hostile media paths, spawns check
  'tests/site/incremental.test.ts', // a preview rebuild beside a full build (in-process Eleventy)
  'tests/site/picture-failure.test.ts', // spawns builds over a damaged picture
  'tests/site/render-in-process.test.ts', // two in-process Eleventy renders at once
  'tests/search/search.test.ts', // writes and queries a Pagefind index
  'tests/search/build-index.test.ts', // writes Pagefind indexes
  'tests/search/node-pagefind.test.ts', // writes a Pagefind index and loads it over HTTP
  'tests/search/edits-index.test.ts', // writes a full index and the preview's edits bundles
  'tests/search/pagefind-death.test.ts', // kills Pagefind under a build and an index of its own
  'tests/search/bundle-merge.test.ts', // writes Pagefind indexes in parts and joins them
  'tests/robustness/fuzz.test.ts', // fuzzed content through the build
  'tests/bench/process-tree.test.ts', // spawns processes to measure
  'tests/**/cli.test.ts', // spawns a CLI (check, inspect, import, new-issue)
  'tests/summary-reporter.test.ts', // runs Vitest on a fixture project
  'tests/robustness/work-bounds.test.ts', // 5 MB inputs, seconds each: kept out of the fast loop
  'tests/import/pdf-bounds.test.ts', // a 2,000-page and a 100 MB PDF, seconds each: kept out of the fast loop
  'tests/pipeline/load-vanish.test.ts', // mocks node:fs/promises: needs modules of its own, not unit's shared ones
];

// Not at the root: `extends: true` would concatenate the projects' lists onto it.
const all = ['tests/**/*.test.ts', 'src/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    // Sized for e2e (site builds, Chromium); unit inherits them, as before the split.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Vitest's default (one worker fewer than cores) is one worker on a 2-core machine; two run the
    // e2e files side by side, which waits on Chromium, Pagefind and the disk much of the time.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: all,
          exclude: [...configDefaults.exclude, ...e2e],
          setupFiles: ['tests/unit-setup.ts'],
          isolate: false,
        },
      },
      { extends: true, test: { name: 'e2e', include: e2e, globalSetup: ['tests/site/helpers/shared-site-setup.ts'] } },
    ],
  },
});
