/**
 * The proxy's Streamable HTTP endpoint: a Node HTTP server on 127.0.0.1 (a
 * port the system picks) whose `POST /mcp` requests become web-standard
 * `Request`s for the SDK's transport, whose `Response` goes back as it is;
 * stateless, so `GET` (a server-initiated stream) is answered 405, which
 * clients accept.
 * Loopback only, so nothing off the machine reaches the proxy; request
 * bodies are bounded; nothing is printed, whatever the request holds
 * (docs/adapters.md, "An MCP proxy server").
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The largest request body the endpoint reads; an MCP request is far smaller. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** A listening endpoint. */
export interface HttpEndpoint {
  /** `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** The `Host` header values that name this endpoint (checked against DNS rebinding). */
  readonly hosts: string[];
  /** The `Origin` header values of this endpoint's own pages. */
  readonly origins: string[];
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

class TooLarge extends Error {}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function plain(response: http.ServerResponse, status: number): void {
  if (!response.headersSent) response.writeHead(status, { 'content-type': 'text/plain' });
  response.end(http.STATUS_CODES[status] ?? '');
}

/** Listens on 127.0.0.1 and answers `/mcp` with `handle`; other paths get 404. */
export async function listenOnLoopback(
  handle: (request: Request, endpoint: HttpEndpoint) => Promise<Response>,
): Promise<HttpEndpoint> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  const endpoint: HttpEndpoint = {
    url: `${base}/mcp`,
    hosts: [`127.0.0.1:${port}`, `localhost:${port}`],
    origins: [base, `http://localhost:${port}`],
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
  server.on('request', (incoming: http.IncomingMessage, outgoing: http.ServerResponse) => {
    void (async () => {
      try {
        const url = new URL(incoming.url ?? '/', base);
        // An absolute request target naming another origin is not this endpoint.
        if (url.origin !== base || url.pathname !== '/mcp') return plain(outgoing, 404);
        // Stateless: no server-initiated stream (GET) and no session to end (DELETE).
        if (incoming.method !== 'POST') {
          outgoing.setHeader('allow', 'POST');
          return plain(outgoing, 405);
        }
        const body = await readBody(incoming);
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers))
          if (value !== undefined)
            headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        const response = await handle(
          new Request(url, { method: 'POST', headers, body: Uint8Array.from(body) }),
          endpoint,
        );
        const content = Buffer.from(await response.arrayBuffer());
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(content);
      } catch (error) {
        // The agent sees the status; the proxy prints nothing it was sent.
        plain(outgoing, error instanceof TooLarge ? 413 : 500);
      }
    })();
  });
  return endpoint;
}
