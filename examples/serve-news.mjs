// Serves the mock news page (examples/news.html) and the built widget (dist/)
// on two local ports, i.e. two origins, as a newsroom's page and the widget's
// static host would be. The page's https://example.org/report-diff/ becomes the
// widget server's address. By hand: `node examples/serve-news.mjs` (after
// `trunk build --release`), then open the printed URL.
import { readFileSync } from 'node:fs';
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
export async function serveNews({ dist = path.join(HERE, '..', 'dist'), widgetHeaders = {} } = {}) {
  const widget = await startServer(dist, {
    headers: { 'access-control-allow-origin': '*', ...widgetHeaders },
  });
  const news = await startServer(HERE, {
    route(req, res, urlPath) {
      if (urlPath !== '/' && urlPath !== '/news.html') return false;
      const html = readFileSync(path.join(HERE, 'news.html'), 'utf8').replaceAll(PLACEHOLDER, `${widget.url}/`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : html);
      return true;
    },
  });
  return { widget, news, close: () => Promise.all([widget.close(), news.close()]) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { widget, news } = await serveNews();
  console.log(`widget (dist/) at ${widget.url}/`);
  console.log(`mock news page at ${news.url}/news.html`);
}
