// gocell's outputs rendered by JupyterLab's own output area and MIME
// renderers (@jupyterlab/outputarea + @jupyterlab/rendermime, bundled with
// esbuild) in Chromium. The page talks to a real gocell kernel through
// @jupyterlab/services, one output area per cell, so what the DOM shows is
// what a JupyterLab user would see: rich output, updates across cells,
// clear_output, errors, the cache spinner, and input boxes.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  withKnownBugs, launchChromium, screenshot, startNotebookServer, waitFor, watchConsole,
} from '../lib/harness.js';
import { buildRenderer } from '../renderer/build.js';

/** Rejects if `promise` has not settled within ms (page.evaluate has no timeout of its own). */
function bounded(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

describe('JupyterLab renderer', { timeout: 180_000 }, () => {
  let srv, ctx, page, consoleLog, bundleDir;

  before(async () => {
    srv = await startNotebookServer();
    // Serve the bundle from the notebook server itself (its nbextensions
    // folder under the private data dir), so the page is same-origin with
    // the API, as JupyterLab's is, and Chromium's local-network checks treat
    // it as a loopback page.
    bundleDir = await buildRenderer(path.join(srv.env.JUPYTER_DATA_DIR, 'nbextensions', 'gocell-renderer'));
    ctx = await launchChromium();
    page = await ctx.newPage();
    consoleLog = watchConsole(page, [{
      // @jupyterlab/services 7 first offers the v1 kernel WebSocket
      // subprotocol; the classic Notebook server (6.4) does not speak it, so
      // Chromium logs the failed handshake and the library reconnects with
      // the plain JSON protocol. JupyterLab 4 against this server does the same.
      pattern: /WebSocket connection to .*failed: Error during WebSocket handshake: Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received/,
    }]);
    await page.goto(`${srv.base}/nbextensions/gocell-renderer/index.html`, { timeout: 30_000 });
    await page.waitForFunction(() => window.gocellRenderer?.ready, null, { timeout: 30_000 });
    await bounded(page.evaluate(token => window.gocellRenderer.start(token), srv.token), 60_000, 'the page to start a kernel');
  }, { timeout: 120_000 });

  after(async () => {
    if (page) {
      await screenshot(page, 'renderer-final');
      await bounded(page.evaluate(() => window.gocellRenderer?.shutdown()), 20_000, 'shutdown').catch(() => {});
    }
    await ctx?.close();
    await srv?.stop();
  }, { timeout: 60_000 });

  /** Runs a cell in the page; returns {index, status, area} (area: the cell's output area locator). */
  async function run(code, { wait = true } = {}) {
    if (!wait) {
      const index = await page.evaluate(() => document.querySelectorAll('#cells .cell').length);
      const done = bounded(page.evaluate(c => window.gocellRenderer.run(c), code), 60_000, `cell ${code}`);
      done.catch(() => {});
      await page.locator(`#cells .cell[data-index="${index}"]`).waitFor({ timeout: 10_000 });
      return { index, done, area: page.locator(`#cells .cell[data-index="${index}"] .jp-OutputArea`) };
    }
    const r = await bounded(page.evaluate(c => window.gocellRenderer.run(c), code), 60_000, `cell ${code}`);
    return { ...r, area: page.locator(`#cells .cell[data-index="${r.index}"] .jp-OutputArea`) };
  }

  const outputs = area => area.locator(':scope > .jp-OutputArea-child .jp-OutputArea-output');

  it('renders text, HTML, images and Markdown', async () => {
    let r = await run('import (\n"fmt"\n"image"\n"image/color"\n"time"\n)\n\nfmt.Println("plain text")\n40 + 2');
    assert.equal(r.status, 'ok');
    assert.deepEqual((await outputs(r.area).allInnerTexts()).map(s => s.trim()), ['plain text', '42']);
    assert.equal(await r.area.locator('.jp-OutputPrompt').last().innerText(), '[1]:');

    r = await run('display.HTML(`<b class="gocell-html">bold</b> <span>text</span>`)');
    assert.equal(await r.area.locator('.jp-RenderedHTMLCommon b.gocell-html').innerText(), 'bold');

    r = await run('img := image.NewRGBA(image.Rect(0, 0, 64, 32))\nfor i := 0; i < 64; i++ {\nimg.Set(i, i/2, color.RGBA{0, 173, 216, 255})\n}\ndisplay.Image(img)');
    const img = r.area.locator('.jp-RenderedImage img');
    await waitFor(() => img.evaluate(el => el.complete && el.naturalWidth === 64 && el.naturalHeight === 32), 10_000, 'the image to load');

    r = await run('display.SVG(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect class="gocell-svg" width="40" height="20" fill="#00ADD8"/></svg>`)');
    const svg = r.area.locator('.jp-RenderedSVG img');
    await waitFor(() => svg.evaluate(el => el.complete && el.naturalWidth === 40 && el.naturalHeight === 20), 10_000, 'the SVG to load');

    // No Markdown parser is plugged in here (JupyterLab adds one through an
    // extension), so the renderer shows the source: check it arrives intact.
    r = await run('display.Markdown("## A heading\\n\\n* item")');
    assert.match(await outputs(r.area).innerText(), /A heading/);
  });

  it('updates a display created by an earlier cell, and clears output', async () => {
    const first = await run('h := display.HTML(`<i class="v">one</i>`)');
    assert.equal(await first.area.locator('i.v').innerText(), 'one');
    const second = await run('h.HTML(`<i class="v">two</i>`)');
    await waitFor(async () => (await first.area.locator('i.v').innerText()) === 'two', 10_000, 'the first cell to show "two"');
    assert.equal(await outputs(first.area).count(), 1);
    assert.equal(await outputs(second.area).count(), 0, 'the updating cell shows nothing of its own');

    const cleared = await run('fmt.Println("gone")\ndisplay.ClearWait()\nfmt.Println("kept")');
    assert.deepEqual((await outputs(cleared.area).allInnerTexts()).map(s => s.trim()), ['kept']);
  });

  it('renders errors as JupyterLab does', async () => {
    let r = await run('func explode() { panic("boom") }\nexplode()');
    assert.equal(r.status, 'error');
    const err = r.area.locator('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]');
    assert.match(await err.innerText(), /panic: boom/);
    r = await run('var s string = 5');
    assert.equal(r.status, 'error');
    assert.match(await outputs(r.area).innerText(), /cannot convert 5 to string/);
  });

  it('shows the spinner while a cached function computes and removes it', withKnownBugs(async t => {
    const r = await run('//%cache_data show_spinner="Crunching numbers..."\nfunc Slow(n int) int {\ntime.Sleep(2 * time.Second)\nreturn n * 2\n}\n\nSlow(21)', { wait: false });
    const spinner = r.area.locator('.gocell-spinner');
    await spinner.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await spinner.innerText(), /Crunching numbers/);
    await screenshot(page, 'renderer-spinner');
    const done = await r.done;
    assert.equal(done.status, 'ok');
    assert.equal(await spinner.count(), 0);
    const texts = await outputs(r.area).allInnerTexts();
    assert.ok(texts.includes('42'), texts);
    // The spinner leaves nothing behind (rule 16).
    assert.deepEqual(texts, ['42']);
    const hit = await run('Slow(21)');
    assert.deepEqual(await outputs(hit.area).allInnerTexts(), ['42']);
    assert.equal(await hit.area.locator('.gocell-spinner').count(), 0);
  }));

  it('asks for input in an input box', async () => {
    const r = await run('var name string\nfmt.Print("name? ")\nfmt.Scanln(&name)\nfmt.Println("hello,", name)', { wait: false });
    const box = r.area.locator('input.jp-Stdin-input');
    await box.waitFor({ state: 'visible', timeout: 20_000 });
    await box.fill('gopher');
    await box.press('Enter');
    const done = await r.done;
    assert.equal(done.status, 'ok');
    assert.match((await outputs(r.area).allInnerTexts()).join('\n'), /hello, gopher/);
  });

  it('left no errors in the browser console', () => {
    assert.deepEqual(consoleLog.problems(), []);
  });
});
