import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../src/site/static-server.ts';

const folders = new Set(['2018', '2018/01']);
const isDirectory = async (path: string) => folders.has(path);

describe('resolveRequest', () => {
  it('serves folders through index.html and files as they are', async () => {
    expect(await resolveRequest('/2018/01/', '/', isDirectory)).toEqual({ kind: 'file', path: '2018/01/index.html' });
    expect(await resolveRequest('/feed.xml?x=1', '/', isDirectory)).toEqual({ kind: 'file', path: 'feed.xml' });
    expect(await resolveRequest('/%E5%9B%BE.png', '/', isDirectory)).toEqual({ kind: 'file', path: '图.png' });
  });
  it('adds the trailing slash to a folder', async () => {
    expect(await resolveRequest('/2018', '/', isDirectory)).toEqual({ kind: 'redirect', location: '/2018/' });
  });
  it('serves only under the path prefix', async () => {
    expect(await resolveRequest('/repo/2018/', '/repo/', isDirectory)).toEqual({ kind: 'file', path: '2018/index.html' });
    expect(await resolveRequest('/repo', '/repo/', isDirectory)).toEqual({ kind: 'redirect', location: '/repo/' });
    expect(await resolveRequest('/2018/', '/repo/', isDirectory)).toEqual({ kind: 'not-found' });
  });
  it('refuses paths that climb out of the output folder', async () => {
    expect(await resolveRequest('/../etc/passwd', '/', isDirectory)).toEqual({ kind: 'not-found' });
    expect(await resolveRequest('/%2e%2e/etc/passwd', '/', isDirectory)).toEqual({ kind: 'not-found' });
    expect(await resolveRequest('/%E0%A4%A', '/', isDirectory)).toEqual({ kind: 'not-found' });
  });
});
