// Serves the mock news page (examples/news.html) and the built widget (dist/)
// on two local ports, i.e. two origins, as a newsroom's page and the widget's
// static host would be. The widget is served under a sub-path
// (/widgets/report-diff/), and the page's https://example.org/report-diff/
// becomes that address. By hand: `node examples/serve-news.mjs` (after
// `trunk build --release`), then open the printed URL.
import { readFileSync, mkdtempSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../e2e/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PLACEHOLDER = 'https://example.org/report-diff/';

/**
 * Starts both servers. `widgetHeaders` go on every file of the widget (the
 * test passes a CSP too); the CORS header is what a cross-origin direct mount
 * needs. Returns { widget, news, close }.
 */
export const SUBPATH = 'widgets/report-diff/';
export async function serveNews({ dist = path.join(HERE, '..', 'dist'), widgetHeaders = {} } = {}) {
  // A site root holding dist/ under a sub-path (a link, not a copy).
  const site = mkdtempSync(path.join(os.tmpdir(), 'report-diff-site-'));
  mkdirSync(path.join(site, 'widgets'));
  symlinkSync(path.resolve(dist), path.join(site, SUBPATH.replace(/\/$/, '')));
  const widget = await startServer(site, {
    headers: { 'access-control-allow-origin': '*', ...widgetHeaders },
  });
  widget.base = `${widget.url}/${SUBPATH}`;
  const news = await startServer(HERE, {
    route(req, res, urlPath) {
      if (urlPath !== '/' && urlPath !== '/news.html') return false;
      const html = readFileSync(path.join(HERE, 'news.html'), 'utf8').replaceAll(PLACEHOLDER, widget.base);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : html);
      return true;
    },
  });
  const close = async () => {
    await Promise.all([widget.close(), news.close()]);
    rmSync(site, { recursive: true, force: true });
  };
  return { widget, news, close };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { widget, news } = await serveNews();
  console.log(`widget (dist/) at ${widget.base}`);
  console.log(`mock news page at ${news.url}/news.html`);
}
