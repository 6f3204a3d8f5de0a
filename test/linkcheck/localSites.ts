/**
 * Web sites on 127.0.0.1 for the link checker's tests: one port that speaks HTTP and HTTPS
 * (the first byte of a connection tells which), a site with a self-signed certificate, and a
 * refused port. Every request is recorded; no test touches the internet.
 */
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import { ROOT } from '../helpers';

const TLS = path.join(ROOT, 'test/fixtures/tls');
export const TEST_CA = readFileSync(path.join(TLS, 'ca.crt'), 'utf8');

export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly secure: boolean;
}

export interface LocalSite {
  readonly port: number;
  /** `http://127.0.0.1:port` */
  readonly http: string;
  readonly https: string;
  readonly seen: Seen[];
  /** Bytes of response bodies written, per path (a body must never be downloaded). */
  readonly bodyBytes: Map<string, number>;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, site: { count: (key: string) => number; bodyBytes: Map<string, number> }) => void;

/** Starts a site on 127.0.0.1 (or another loopback address) answering with `handler`, HTTP and HTTPS on one port. */
export async function startSite(handler: Handler, host = '127.0.0.1', certificate: 'trusted' | 'self-signed' = 'trusted'): Promise<LocalSite> {
  const seen: Seen[] = [];
  const counts = new Map<string, number>();
  const bodyBytes = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const count = (key: string) => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };
  const serve = (secure: boolean) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, secure });
    handler(req, res, { count, bodyBytes });
  };
  const name = certificate === 'trusted' ? 'server' : 'self-signed';
  const plain = http.createServer(serve(false));
  const secure = https.createServer({ key: readFileSync(path.join(TLS, `${name}.key`)), cert: readFileSync(path.join(TLS, `${name}.crt`)) }, serve(true));
  const front = net.createServer({ pauseOnConnect: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Peek at the first byte without leaving paused mode (a TLS server must read the socket itself).
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (!first) return void socket.destroy();
      socket.unshift(first);
      // 0x16: a TLS handshake record.
      (first[0] === 0x16 ? secure : plain).emit('connection', socket);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, host, resolve));
  const port = (front.address() as net.AddressInfo).port;
  const origin = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return {
    port,
    http: `http://${origin}`,
    https: `https://${origin}`,
    seen,
    bodyBytes,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        front.close(() => resolve());
      }),
  };
}

/** A port nothing listens on. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The routes of the tests' site: each path is one behaviour a link checker meets. */
export const routes: Handler = (req, res, site) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const send = (status: number, headers: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(status, headers);
    res.end();
  };
  switch (url.pathname) {
    case '/ok': return send(200, { 'content-type': 'text/html' });
    case '/gone-404': return send(404);
    case '/gone-410': return send(410);
    case '/flaky': return send(site.count('flaky') === 1 ? 500 : 200);
    case '/always-500': return send(500);
    case '/busy': return site.count('busy') === 1 ? send(429, { 'retry-after': '1' }) : send(200);
    case '/always-429': return send(429, { 'retry-after': '0' });
    case '/moved': return send(301, { location: '/ok' });
    case '/found': return send(302, { location: '/ok' });
    case '/chain': return send(308, { location: '/moved' });
    case '/loop-a': return send(302, { location: '/loop-b' });
    case '/loop-b': return send(302, { location: '/loop-a' });
    case '/no-head': return req.method === 'HEAD' ? send(405) : send(200);
    case '/silent': return; // never answers
    case '/drip': {
      // The status line, a byte at a time, never finished in time.
      const line = 'HTTP/1.1 200 OK\r\n';
      let i = 0;
      const timer = setInterval(() => {
        if (i >= line.length || res.socket?.destroyed) return clearInterval(timer);
        res.socket?.write(line[i++]);
      }, 300);
      res.socket?.on('close', () => clearInterval(timer));
      return;
    }
    case '/huge': {
      if (req.method === 'HEAD') return send(405);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(100 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024);
      let written = 0;
      const pump = () => {
        while (written < 100 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          site.bodyBytes.set('/huge', written);
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => site.bodyBytes.set('/huge', written));
      return pump();
    }
    case '/bot': return send(403, { 'cf-mitigated': 'challenge' });
    case '/forbidden': return send(403);
    case '/linkedin': return send(999);
    case '/login': return send(401);
    default: return send(404);
  }
};
