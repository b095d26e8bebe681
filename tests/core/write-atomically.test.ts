import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/core/write-atomically.ts';

let folder: string;
beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'atomic-'))));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('creates a file and leaves no temporary file beside it', async () => {
    await writeFileAtomically(join(folder, 'issue.md'), '正文');
    expect(readFileSync(join(folder, 'issue.md'), 'utf8')).toBe('正文');
    expect(readdirSync(folder)).toEqual(['issue.md']);
  });

  it('never replaces an existing file unless asked', async () => {
    writeFileSync(join(folder, 'issue.md'), 'the editor’s text');
    await expect(writeFileAtomically(join(folder, 'issue.md'), 'imported')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(folder, 'issue.md'), 'utf8')).toBe('the editor’s text');
    expect(readdirSync(folder)).toEqual(['issue.md']);
  });

  it('replaces when asked, keeping the permissions the file had', async () => {
    writeFileSync(join(folder, 'issue.md'), 'old');
    chmodSync(join(folder, 'issue.md'), 0o600);
    await writeFileAtomically(join(folder, 'issue.md'), 'new', { replace: true });
    expect(readFileSync(join(folder, 'issue.md'), 'utf8')).toBe('new');
    expect(statSync(join(folder, 'issue.md')).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['issue.md']);
  });

  it('removes its temporary file when the written file cannot take the name', async () => {
    // A folder under the target's name: the rename fails after the bytes are written and synced.
    mkdirSync(join(folder, 'issue.md'));
    await expect(writeFileAtomically(join(folder, 'issue.md'), 'text', { replace: true })).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['issue.md']);
    expect(statSync(join(folder, 'issue.md')).isDirectory()).toBe(true);
  });
});
