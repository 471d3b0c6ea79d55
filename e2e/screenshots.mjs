// README screenshots of the comparison views, from the release build:
//   trunk build --release && node e2e/screenshots.mjs
// writes docs/overview.png, docs/overview-quotes.png, docs/reader-light.png,
// docs/reader-dark.png, docs/reader-phone.png and docs/reader-navigation.png
// (look at each before committing them).
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { CHROMIUM, CHROMIUM_ARGS, DIST_DIR, REPO_ROOT } from './helpers.mjs';

const SHOTS = [
  // The landing view: summary, coverage, the top of the story map.
  { file: 'overview.png', query: '?theme=light', viewport: { width: 1280, height: 1400 } },
  // Further down: one remark of Trump's in its wordings, and the figures.
  { file: 'overview-quotes.png', query: '?theme=light', viewport: { width: 1280, height: 1300 }, at: '#ov-quotes' },
  // A pair with a move compared in place, rewording and a folded run.
  { file: 'reader-light.png', query: '?a=003&b=004&theme=light', viewport: { width: 1280, height: 900 }, at: '.views' },
  { file: 'reader-dark.png', query: '?a=003&b=004&theme=dark', viewport: { width: 1280, height: 900 }, at: 'tr:has(td.echo)' },
  // A phone: one column, by itself.
  { file: 'reader-phone.png', query: '?a=000&b=002', viewport: { width: 390, height: 844 }, at: '.change-nav', scale: 2 },
  // Stepping through the changes: the fifth one is current, the bar marks it.
  { file: 'reader-navigation.png', query: '?a=003&b=004', viewport: { width: 1280, height: 900 }, keys: ['n', 'n', 'n', 'n', 'n'] },
];

const server = await startServer(DIST_DIR);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const s of SHOTS) {
    const context = await browser.newContext({ viewport: s.viewport, deviceScaleFactor: s.scale ?? 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}/${s.query}`);
    await page.waitForSelector('#app-root[data-ready="true"]');
    if (s.at) {
      // Just under the sticky change bar at the top.
      await page.locator(s.at).first().evaluate((el) => {
        const nav = document.querySelector('.change-nav');
        const sticky = nav && !el.matches('.change-nav, .views');
        const below = sticky ? nav.getBoundingClientRect().height + 8 : 0;
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - below);
      });
    }
    for (const k of s.keys ?? []) await page.keyboard.press(k);
    await page.waitForTimeout(300);
    const file = path.join(REPO_ROOT, 'docs', s.file);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
