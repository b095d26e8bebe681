import { describe, expect, it } from 'vitest';
import { measureCommand, residentBytes, treeRssBytes } from '../../src/bench/process-tree.ts';

describe('residentBytes', () => {
  it('reads VmRSS from /proc/<pid>/status', () => {
    expect(residentBytes('Name:\tnode\nVmPeak:\t 900 kB\nVmRSS:\t  123456 kB\nThreads:\t7\n')).toBe(123456 * 1024);
  });

  it('is zero without VmRSS (kernel threads, processes gone)', () => {
    expect(residentBytes('')).toBe(0);
  });
});

describe.runIf(process.platform === 'linux')('measuring processes', () => {
  it('counts this process', async () => {
    expect(await treeRssBytes(process.pid)).toBeGreaterThan(0);
  });

  it('counts a child together with its own children', async () => {
    // Only the grandchild holds 64 MB, so the peak shows it was counted.
    const script =
      "const c = require('child_process').spawn(process.execPath, " +
      "['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => {}, 1500)'], { stdio: 'inherit' }); " +
      "c.on('exit', () => console.log('done'))";
    const run = await measureCommand(process.execPath, ['-e', script]);
    expect(run.stdout).toBe('done\n');
    expect(run.peakRssBytes).toBeGreaterThan(64 * 1024 * 1024);
  });

  it('rejects with the output of a failing command', async () => {
    await expect(measureCommand(process.execPath, ['-e', "console.error('broken'); process.exit(3)"])).rejects.toThrow(
      /exited with 3[\s\S]*broken/,
    );
  });
});
