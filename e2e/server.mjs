// Tiny zero-dependency static file server for the end-to-end tests.
// Serves a directory (normally the release build in dist/) on 127.0.0.1 at an
// ephemeral port. Not a production server: no gzip, no range requests.
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function resolveFile(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  // Never serve anything outside root.
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const st = await stat(file);
    if (st.isDirectory()) {
      const index = path.join(file, 'index.html');
      return (await stat(index)).isFile() ? index : null;
    }
    return st.isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Start serving `root` on 127.0.0.1 at an ephemeral port.
 * @param {string} root directory to serve
 * @param {object} [options]
 * @param {Record<string,string>|((urlPath: string) => Record<string,string>)} [options.headers]
 *   extra response headers (e.g. a Content-Security-Policy, CORS), for every
 *   file or per path
 * @param {(req, res, urlPath: string) => boolean} [options.route] answers a
 *   request itself when it returns true (test fixtures: slow, broken, HTML)
 * @returns {Promise<{url: string, port: number, close: () => Promise<void>}>}
 *   `url` has no trailing slash, e.g. "http://127.0.0.1:41234".
 */
export async function startServer(root, { headers = {}, route } = {}) {
  const absRoot = path.resolve(root);
  const extra = (urlPath) => (typeof headers === 'function' ? headers(urlPath) : headers) ?? {};
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra(urlPath) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    if (route?.(req, res, urlPath)) return;
    const file = await resolveFile(absRoot, urlPath);
    if (!file) return send(404, `not found: ${urlPath}`);
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': mimeType(file),
        'content-length': body.length,
        'cache-control': 'no-store',
        ...extra(urlPath),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      send(500, String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// `node e2e/server.mjs [dir]` serves a directory by hand (default: dist/).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const { url } = await startServer(root);
  console.log(`serving ${path.resolve(root)} at ${url}/`);
}
