import type { Server } from 'node:net';
import { InvariantError } from './errors.ts';

/** The TCP port a listening server took (the one asked for, or the free one found for 0). */
export function listeningPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new InvariantError('the server listens on no TCP port');
  return address.port;
}
