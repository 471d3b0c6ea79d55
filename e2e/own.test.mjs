// The reader's own texts (?corpus=own): pasted texts are compared, survive a
// reload, never run as markup; a second tab never silently overwrites the
// first one's draft; files are decoded or refused with a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHarness, openApp, assertNoErrors, paneText, until } from './helpers.mjs';

const h = useHarness();
const T = { timeout: 30_000 };
const KEY = 'report-diff:own-texts';

const A = 'The council approved the budget on Monday. Spending rises by 4 percent. The mayor welcomed the vote.';
const B = 'The mayor welcomed the vote. The council approved the budget on Monday. Spending rises by 5 percent.';
const XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> <b onclick="x()">bold</b>';

const saved = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), KEY);

test('pasted texts are compared, shown literally, and survive a reload', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?corpus=own&view=split');
  await page.locator('#own-texts').waitFor();
  await page.fill('#own-text-1', A);
  await page.fill('#own-text-2', `${B} ${XSS}`);
  await page.locator('[data-pane="b"] [data-text]').first().waitFor();
  assert.equal(await page.inputValue('#pick-a'), '1');
  assert.equal(await page.inputValue('#pick-b'), '2');
  assert.match(await page.locator('.compare').textContent(), /Numbers differ/);
  // Markup is text: shown as typed, nothing runs.
  assert.ok((await paneText(page, 'b')).includes(XSS));
  assert.equal(await page.locator('[data-pane] script, [data-pane] img, [data-pane] b').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  // Saved as typed; a reload restores the texts and the comparison.
  const draft = await until(() => saved(page), 'draft saved');
  assert.equal(draft.texts[0].text, A);
  await page.reload();
  await page.waitForSelector('#app-root[data-ready="true"]');
  assert.equal(await page.inputValue('#own-text-1'), A);
  assert.equal(await page.inputValue('#own-text-2'), `${B} ${XSS}`);
  await page.locator('[data-pane="a"] [data-text]').first().waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  // Clear removes them, here and in storage.
  await page.click('#own-clear');
  await until(async () => (await saved(page)) === null, 'draft removed');
  assert.equal(await page.inputValue('#own-text-1'), '');
  assert.match(await page.locator('#own-texts').textContent(), /Add at least two texts to compare them\./);
  await page.context().close();
});

test('a second tab does not silently overwrite the first one’s draft', T, async () => {
  const context = await h.browser.newContext();
  const first = await context.newPage();
  const second = await context.newPage();
  await openApp(first, h, '?corpus=own&view=split');
  await openApp(second, h, '?corpus=own&view=split');
  await first.fill('#own-text-1', 'Typed in the first tab.');
  await until(async () => (await saved(first))?.texts?.[0]?.text === 'Typed in the first tab.', 'first tab saved');
  // The second tab opened before that save: its typing must not overwrite it.
  await second.fill('#own-text-1', 'Typed in the second tab.');
  await second.locator('#conflict-keep').waitFor();
  assert.match(await second.locator('.conflict').textContent(), /Another tab saved different texts/);
  assert.equal((await saved(second)).texts[0].text, 'Typed in the first tab.', 'storage still holds the first tab’s text');
  // The reader chooses: load the other tab's texts…
  await second.click('#conflict-take');
  assert.equal(await second.inputValue('#own-text-1'), 'Typed in the first tab.');
  // …or keep this tab's, which then overwrites knowingly.
  await second.fill('#own-text-1', 'Second tab, on purpose.');
  await until(async () => (await saved(second))?.texts?.[0]?.text === 'Second tab, on purpose.', 'second tab saved');
  await first.fill('#own-text-2', 'More in the first tab.');
  await first.locator('#conflict-keep').click();
  await until(async () => (await saved(first))?.texts?.[1]?.text === 'More in the first tab.', 'kept and saved');
  assert.equal((await saved(first)).texts[0].text, 'Typed in the first tab.');
  await context.close();
});

const utf16le = (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

test('files are read as text, converted from UTF-16, or refused with a clear message', T, async () => {
  const page = await h.newPage();
  await openApp(page, h, '?corpus=own&view=split');
  await page.setInputFiles('#own-files', [
    { name: 'wire.txt', mimeType: 'text/plain', buffer: Buffer.from(`\ufeff${A}\r\n`) },
    { name: 'windows.txt', mimeType: 'text/plain', buffer: utf16le(B) },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('Caf\xe9 cr\xe8me \xe0 c\xf4t\xe9.', 'latin1') },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex') },
    { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(2200 * 1024, 'a') },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n') },
  ]);
  const notes = await page.locator('#file-notes').textContent();
  assert.match(notes, /“windows\.txt” was converted from UTF-16 LE text\./);
  assert.match(notes, /“latin1\.txt” is not UTF-8 text \(perhaps Latin-1 or Windows-1252\)/);
  assert.match(notes, /“photo\.png” is not a text file/);
  assert.match(notes, /“huge\.txt” is too large \(2\.1 MB; at most 2\.0 MB per text\)\./);
  assert.match(notes, /“empty\.txt” is empty\./);
  // The UTF-8 byte-order mark is dropped; the text is kept as the file has it
  // (a textarea shows CRLF as LF, so look at what was saved).
  const draft = await until(async () => (await saved(page))?.texts?.length === 2 && saved(page), 'files saved');
  assert.equal(draft.texts[0].text, `${A}\r\n`);
  assert.equal(await page.inputValue('#own-text-2'), B);
  await page.locator('[data-pane="b"] [data-text]').first().waitFor();
  assert.match(await page.locator('[data-meta="a"]').textContent(), /wire\.txt/);
  // More files than can be compared.
  const many = Array.from({ length: 21 }, (_, i) => ({ name: `n${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Text number ${i}.`) }));
  await page.setInputFiles('#own-files', many);
  await page.locator('#file-notes', { hasText: 'At most 20 texts can be compared: 3 file(s) left out.' }).waitFor();
  assert.equal(await page.locator('.own-text').count(), 20);
  await page.context().close();
});

// The hostile-input list of issue 7 (tests/hostile.rs has it natively): each,
// pasted against a plain text, is compared and shown in full, as text.
const HOSTILE = {
  'bidi override': 'Price \u202E001$\u202C today. \u2067isolate\u2069 end.',
  'zero width': 'Tru\u200Bmp de\u200Clayed\u200D the \u2060order. Again.',
  'nul and controls': 'Trump\u0000 delayed\u0001 the\u007f order. End.',
  'emoji zwj': 'Family 👨‍👩‍👧‍👦 and flags 🏳️‍🌈 🇺🇸. Skin 👍🏽 tones.',
  combining: 'Cafe\u0301 Z\u0351\u035b\u0346a\u0364l\u036bg\u0310o. End.',
  'right-to-left': 'أجّل ترامب الأمر التنفيذي. טראמפ דחה את הצו.',
  'cr and crlf': 'Line one.\rLine two.\r\nLine three.\r\n\r\nNew paragraph.',
  bom: '\uFEFFTrump delayed the order. The White House set no date.',
  'long line': 'word '.repeat(10_000),
  'event handler': '<div onmouseover="window.__xss = 3">hover</div> text. <a href="javascript:window.__xss=4">x</a>',
};
const PLAIN = 'Trump delayed the AI order. The White House set no date.';
// What a textarea keeps of a text (line breaks become \n, NUL stays).
const squash = (s) => s.replace(/\s+/gu, '');

test('hostile texts pasted are compared and shown in full, as text', { timeout: 60_000 }, async (t) => {
  const page = await h.newPage();
  await openApp(page, h, '?corpus=own&view=split&boilerplate=show');
  for (const [name, text] of Object.entries(HOSTILE)) {
    await t.test(name, async () => {
      await page.fill('#own-text-1', text);
      await page.fill('#own-text-2', PLAIN);
      const shown = await until(async () => {
        const got = await page.$$eval('[data-pane="a"] [data-text]', (els) => els.map((e) => e.textContent).join(''));
        return squash(got) === squash(text.replace(/\uFEFF/g, '')) || squash(got) === squash(text) ? got : null;
      }, `pane A shows the ${name} text`);
      assert.ok(shown);
      assert.equal(await page.locator('[data-pane] div[onmouseover], [data-pane] a[href^="javascript"]').count(), 0);
    });
  }
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await page.context().close();
});

test('no page errors, console errors or panics with own texts', () => {
  assertNoErrors(h);
});
