// A tiny forward proxy on 127.0.0.1 that sends the practice hostnames to the practice server, so a
// browser opens `https://www.hk.chinamobile.com/tc/` (no port) and lands on loopback.
//
// - `CONNECT host:443` for an allowed host: a raw tunnel to 127.0.0.1:<practice port> (the
//   practice server sniffs TLS and serves HTTPS; the browser checks the certificate as usual).
// - `GET http://host/path` (plain HTTP, port 80) for an allowed host: forwarded to the practice
//   server as `GET /path` with the original Host header.
// - Everything else (other hosts, other ports, CONNECT to :80, origin-form requests) is refused
//   with 403, so the test browser never reaches the network through us.
//
// Firefox: prefs `network.proxy.type=1`, `network.proxy.ssl`/`ssl_port` and
// `network.proxy.http`/`http_port` (see `firefoxProxyPrefs`). Chromium: `--proxy-server=http://127.0.0.1:<port>`.
import http from 'node:http';
import net from 'node:net';
import { PRACTICE_HOSTS } from '../../../scripts/practice-server.mjs';

export interface ConnectProxy {
  port: number;
  /** Requests refused so far (`host:port`), for diagnostics. */
  refused: string[];
  close(): Promise<void>;
}

/** True when `host` is one of `patterns` (`*.example.com` matches any subdomain, not the apex). */
function hostAllowed(host: string, patterns: readonly string[] = PRACTICE_HOSTS): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.startsWith('*.')) return name.endsWith(p.slice(1)) && name.length > p.length - 1;
    return name === p;
  });
}

/** Split `host:port` (IPv6 in brackets allowed). */
function splitAuthority(authority: string): { host: string; port: number } | null {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(authority);
  return m ? { host: m[1]!, port: Number(m[2]) } : null;
}

export async function startConnectProxy(options: {
  /** The practice server's port on 127.0.0.1. */
  targetPort: number;
  targetHost?: string;
  /** Host patterns to let through (default: the practice certificate's hosts). */
  hosts?: readonly string[];
  port?: number;
}): Promise<ConnectProxy> {
  const { targetPort, targetHost = '127.0.0.1', hosts = PRACTICE_HOSTS } = options;
  const refused: string[] = [];
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    // Plain HTTP through a proxy arrives in absolute form: `GET http://host/path`.
    let url: URL | null = null;
    try {
      url = req.url && /^http:\/\//i.test(req.url) ? new URL(req.url) : null;
    } catch {
      url = null;
    }
    const port = url ? Number(url.port || 80) : 0;
    if (!url || port !== 80 || !hostAllowed(url.hostname, hosts)) {
      refused.push(url ? `${url.hostname}:${port}` : String(req.url));
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Refused by the test proxy');
      return;
    }
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host: url.host };
    delete headers['proxy-connection'];
    delete headers['proxy-authorization'];
    const upstream = http.request(
      { host: targetHost, port: targetPort, method: req.method, path: `${url.pathname}${url.search}`, headers },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end();
    });
    req.pipe(upstream);
  });

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const authority = splitAuthority(req.url ?? '');
    if (!authority || authority.port !== 443 || !hostAllowed(authority.host, hosts)) {
      refused.push(req.url ?? '?');
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const upstream = net.connect(targetPort, targetHost, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });

  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closed = false;
  return {
    port,
    refused,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Firefox prefs that send http and https for every host through the proxy (loopback included). */
export function firefoxProxyPrefs(proxyPort: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.socks': '',
    'network.proxy.socks_port': 0,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // Resolve names at the proxy (it never resolves them: it maps them), not in the browser.
    'network.proxy.socks_remote_dns': true,
    'network.trr.mode': 5,
  };
}
