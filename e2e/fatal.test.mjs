// A panic that still happens shows a friendly error with a reload action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRICT_CSP, useHarness, openApp, expectPaneShows } from './helpers.mjs';

const h = useHarness({ headers: { 'content-security-policy': STRICT_CSP } });

test('a panic replaces the widget by a message whose button reloads the page', { timeout: 30_000 }, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?a=001&b=003');
  const thrown = await page.evaluate(() => {
    try {
      window.wasmBindings.test_panic();
      return null;
    } catch (e) {
      return String(e);
    }
  });
  assert.match(thrown, /unreachable/i, 'the wasm instance aborts on a panic');
  const alert = page.locator('[data-fatal][role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Something went wrong/);
  assert.equal(await page.locator('#app-root').count(), 0, 'the dead app is gone');
  // The reload button works (under the strict CSP: a listener, not an inline handler).
  await Promise.all([page.waitForEvent('load'), alert.getByRole('button', { name: 'Reload' }).click()]);
  await openApp(page, h, '?a=001&b=003');
  await expectPaneShows(page, 'a', '001');
  await page.context().close();
});
