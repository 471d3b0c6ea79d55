// How the tests, the screenshots and the build's prerender step start Chromium.
// playwright adds --headless and its own fresh --user-data-dir (a temp dir it
// removes on close); it refuses a --user-data-dir in args, so it is not here.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
