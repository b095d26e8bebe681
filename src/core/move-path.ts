import { cp, rename } from 'node:fs/promises';

/**
 * Moves a file or a folder, copying it where it is on another file system (a rename cannot
 * cross one): the search index's parts sit in the system's temporary folder.
 */
export async function movePath(from: string, to: string): Promise<void> {
  await rename(from, to).catch(async (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
  });
}
