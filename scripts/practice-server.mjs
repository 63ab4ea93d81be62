// The practice carrier site's server: HTTPS and plain HTTP on ONE loopback port, for any Host.
//
// Browsers reach it under the carriers' real hostnames through `--host-resolver-rules` (see
// practiceBrowserArgs below), so `https://www.hk.chinamobile.com/tc/` and
// `http://www.hk.chinamobile.com/tc/` both land here. One net server peeks at the first byte of
// each connection: 0x16 starts a TLS handshake and goes to the HTTPS server, anything else to the
// HTTP server. No dependencies, loopback only, request bodies are read and thrown away unseen
// (the practice forms may carry dummy passwords or card numbers: never keep or log them).
//
//   node scripts/practice-server.mjs [--port 8443]   prints the port and serves until Ctrl-C
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SITE_DIR = join(ROOT, 'tests', 'fixtures', 'practice-site');
export const FIXTURE_PAGES_DIR = join(ROOT, 'tests', 'fixtures', 'pages');
export const CERT_FILE = join(SITE_DIR, 'cert', 'cert.pem');
export const KEY_FILE = join(SITE_DIR, 'cert', 'key.pem');

/** Every hostname the practice certificate covers; browsers map all of them to the server. */
export const PRACTICE_HOSTS = [
  // CMHK, official and not (www.cmhk.com is China Merchants; ncas/onenet are not consumer sites)
  'www.hk.chinamobile.com',
  '*.hk.chinamobile.com',
  'hk.chinamobile.com',
  'www.cmhk.com',
  'cmhk.com',
  // other carriers
  'www.cuniq.com',
  '*.cuniq.com',
  'www.three.com.hk',
  'web.three.com.hk',
  'www.hkcsl.com',
  'www.1010.com.hk',
  'www.smartone.com',
  'www.fetnet.net',
  'service.fetnet.net',
  // look-alikes that must never count as official
  'hk-chinamobile.com.example-login.com',
  'www.hk.chinamobile.com.evil.example',
  'www.hk-chinamobile.com',
  'xn--hk-chinamobile-xyz.com',
  // the carriers' other names and numbers in look-alike hosts (issue 16; plain http: the
  // practice certificate does not name them)
  'cmcc-hk.com',
  '10086-hk.com',
  'csl-hk.com',
  'mycsl.com',
  'rnr-hk.com',
  'simreg-hk.com',
  'chinaunicom-hk.com',
  // a neutral host for pages that belong to no carrier
  'practice.example',
];

/** SHA-256 of the certificate's SubjectPublicKeyInfo, base64: the value Chromium's
 *  `--ignore-certificate-errors-spki-list` takes (it trusts this one key, nothing else). */
export function certSpki(certPem = readFileSync(CERT_FILE)) {
  const der = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/** `--host-resolver-rules` value: the practice hosts go to the server (the port in the rule
 *  rewrites the URL's port, so URLs need none). With `blockOthers`, every other name fails to
 *  resolve, so a test browser never reaches the network. */
export function hostResolverRules(port, { blockOthers = false } = {}) {
  const rules = PRACTICE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`);
  if (blockOthers) rules.push('MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1');
  return rules.join(', ');
}

/** The Chromium flags that send the practice hosts to the server and trust only its certificate. */
export function practiceBrowserArgs({ port, spki, blockOthers = false }) {
  return [
    `--host-resolver-rules=${hostResolverRules(port, { blockOthers })}`,
    `--ignore-certificate-errors-spki-list=${spki}`,
    // QUIC would bypass the TCP port mapping; the server speaks TCP only.
    '--disable-quic',
  ];
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const BANNER_404 = `<!doctype html>
<html lang="zh-Hant-HK"><head><meta charset="utf-8"><title>找不到頁面 · Page not found · 練習網站</title>
<link rel="stylesheet" href="/assets/practice.css"></head>
<body><div class="practice-banner" role="note" data-practice-banner>練習網站 — 並非中國移動香港 · <span lang="en">Practice site — not China Mobile Hong Kong</span></div>
<main class="page"><h1>找不到頁面 <span lang="en">· Page not found</span></h1>
<p><a href="/tc/">返回首頁</a> · <a href="/en/" lang="en">Back to the home page</a></p></main></body></html>`;

/** Map a URL path to a file inside `base`, or null. `/tc/` → tc/index.html, `/tc/login` → tc/login.html. */
function resolveFile(base, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const candidates = rel.endsWith('/') ? [join(rel, 'index.html')] : [rel, `${rel}.html`, join(rel, 'index.html')];
  for (const candidate of candidates) {
    const file = normalize(join(base, candidate));
    if (file !== base && !file.startsWith(base + sep)) return null; // no way out of the site folder
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

function handler(req, res) {
  const url = new URL(req.url ?? '/', 'http://practice.invalid');
  const path = url.pathname;
  // Every response is `no-store`, which keeps pages out of the back/forward cache, except the
  // fixtures named bfcache-*: `no-cache` (revalidate, but may be kept) lets a browser restore them
  // from that cache (issue 7, item 3).
  const cacheable = path.startsWith('/__fixture/bfcache-');
  const send = (status, body, type = TYPES['.html'], extra = {}) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': cacheable && status === 200 ? 'no-cache' : 'no-store',
      'X-Practice-Site': 'not-a-carrier',
      'Referrer-Policy': 'no-referrer',
      ...extra,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  // Forms post to the next page of the flow. Drain the body without looking at it, then
  // redirect to the same path with GET, as a real site does after a POST.
  if (req.method === 'POST') {
    req.on('data', () => {});
    req.on('end', () => send(303, '', TYPES['.txt'], { Location: path }));
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed', TYPES['.txt'], { Allow: 'GET, HEAD, POST' });

  // Bare language folders get their slash, like most servers.
  if (path === '/tc' || path === '/en') return send(301, '', TYPES['.txt'], { Location: `${path}/${url.search}` });

  let file = null;
  if (path.startsWith('/__fixture/')) {
    const name = path.slice('/__fixture/'.length);
    if (/^[\w.-]+(\/[\w.-]+)*$/.test(name)) file = resolveFile(FIXTURE_PAGES_DIR, `/${name}`);
  } else if (!path.startsWith('/cert/')) {
    file = resolveFile(SITE_DIR, path);
  }
  if (!file) {
    if (path === '/favicon.ico') return send(204, '');
    return send(404, BANNER_404);
  }
  send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
}

/**
 * Start the practice site on 127.0.0.1. `port: 0` picks a free port.
 * @returns {Promise<{ port: number, certSpki: string, close: () => Promise<void> }>}
 */
export async function startPracticeServer({ port = 0, host = '127.0.0.1' } = {}) {
  const key = readFileSync(KEY_FILE);
  const cert = readFileSync(CERT_FILE);
  const httpServer = http.createServer(handler);
  const httpsServer = https.createServer({ key, cert }, handler);
  const sockets = new Set();

  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {}); // a browser dropping a connection is not our error
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? httpsServer : httpServer).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  for (const server of [httpServer, httpsServer]) server.on('clientError', (_err, socket) => socket.destroy());
  httpsServer.on('tlsClientError', () => {});

  await new Promise((resolvePromise, reject) => {
    front.once('error', reject);
    front.listen(port, host, () => resolvePromise(undefined));
  });
  const address = front.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  let closed = false;
  return {
    port: actualPort,
    certSpki: certSpki(cert),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const socket of sockets) socket.destroy();
      await new Promise((resolvePromise) => front.close(() => resolvePromise(undefined)));
    },
  };
}

// Run directly: serve until interrupted.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PORT ?? 0);
  const server = await startPracticeServer({ port });
  console.log(String(server.port));
  console.error(
    `Practice site (not a carrier) on 127.0.0.1:${server.port}, https and http, any Host.\n` +
      `Chromium flags:\n  ${practiceBrowserArgs({ port: server.port, spki: server.certSpki }).join('\n  ')}`,
  );
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
