import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServeHooks } from '../site/static-server.ts';

export const eventsPath = '/__preview/events';

/**
 * Preview pages reload themselves after each rebuild. The script is added while serving, never
 * written into the site: the published archive stays free of JavaScript.
 */
const reloadScript = `<script>new EventSource(${JSON.stringify(eventsPath)}).addEventListener('reload', () => location.reload());</script>`;

export interface LiveReload extends ServeHooks {
  /** Tells every open page to reload. */
  reload(): void;
  /** Ends the open event streams (on shutdown). */
  close(): void;
}

export function liveReload(): LiveReload {
  const clients = new Set<ServerResponse>();
  return {
    handle(request: IncomingMessage, response: ServerResponse): boolean {
      if (request.url !== eventsPath) return false;
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return true;
    },
    transformHtml(html: string): string {
      return html.includes('</body>') ? html.replace('</body>', `${reloadScript}</body>`) : html + reloadScript;
    },
    reload(): void {
      for (const client of clients) client.write('event: reload\ndata: \n\n');
    },
    close(): void {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
