import type WebSocket from 'ws';

/** A WebSocket message as UTF-8 text, in whichever of its three shapes ws hands it over (see binaryType). */
export function messageText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
