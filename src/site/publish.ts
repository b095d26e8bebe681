import type { Archive } from '../pipeline/load.ts';
import { provideArchive } from './archive-source.ts';
import { buildInto, swapInto } from './build-output.ts';

/**
 * Renders a checked archive into a fresh folder and swaps it into `out`: readers (and the
 * preview server) see the previous complete site until the new one is complete.
 */
export async function publishSite(archive: Archive, out: string): Promise<void> {
  provideArchive(archive);
  const temporary = await buildInto(out);
  await swapInto(temporary, out);
}
