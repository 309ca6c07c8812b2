// Where the browser tests look for Chromium: CHROME_PATH first, then Debian's and other usual paths.
'use strict';

const { accessSync, constants } = require('node:fs');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The first executable Chromium found, or null. */
function findChromium(env = process.env) {
  for (const path of [env.CHROME_PATH, ...CANDIDATES]) {
    if (!path) continue;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here; try the next one
    }
  }
  return null;
}

const INSTALL_HINT = 'install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chromium or Chrome binary';

module.exports = { findChromium, INSTALL_HINT };
