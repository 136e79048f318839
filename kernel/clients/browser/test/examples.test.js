// Every notebook in examples/, opened in the classic Notebook in Chromium and
// run with Cell → Run All, as a new user would on first contact: every code
// cell runs (In [1], In [2], ... in order), nothing shows an error, and the
// cells show what the notebooks' text promises. Then Run All over a notebook
// whose second cell fails.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  withKnownBugs, launchChromium, REPO_ROOT, screenshot, startNotebookServer, waitFor, watchConsole,
} from '../lib/harness.js';
import { CLASSIC_ALLOW, cellAt, menu, outputTexts, promptOf, waitKernelIdle } from '../lib/classic.js';

// What the page must show, per code cell (index among all cells): text that
// must appear in the cell's outputs, and selectors that must match.
const EXPECT = {
  'tour.ipynb': {
    1: { text: ['Hello, Gopher!'] },
    2: { text: ['[2 3 5 7 11 13 17 19 23 29]'] },
    3: { text: ['the first 10 primes add up to 129', '258'] },
    5: { text: ['21.5°C'] },
    6: { css: ['.output_markdown strong'] },
  },
  'display.ipynb': {
    1: { css: ['.output_html b'] },
    2: { css: ['.output_markdown h2'], text: ['A heading'] },
    4: { text: ['gocell'] },
    5: { css: ['.output_svg svg'] },
    7: { css: ['.output_png img'] },
    9: { css: ['.output_html table th'], text: ['Lagos', 'Oslo'] },
    10: { text: ['gophers'] },
    12: { css: ['.output_html span'], text: ['passing'] },
    14: { css: ['.output_markdown strong'], text: ['done'] },
    16: { text: ['only this line remains'], absent: ['this line is cleared'] },
  },
  'data.ipynb': {
    6: { text: ['fitting 2000 bootstrap resamples', 'slope 95% interval'] },
    8: { text: ['true'], absent: ['fitting 2000 bootstrap resamples'] },
    10: { css: ['.output_html table'], text: ['mat: intercept'] },
    12: { css: ['.output_png img'] },
  },
  'caching.ipynb': {
    // "Cache miss" shows exactly when the function ran: printed text is not
    // replayed on a hit.
    3: { text: ['Cache miss: ExpensiveComputation(2, 21) ran', '42'] },
    5: { text: ['42'], absent: ['Cache miss'] },
    7: { text: ['Cache miss: ExpensiveComputation(2, 210) ran', '420'] },
    8: { text: ['42'], absent: ['Cache miss'] },
    10: { text: ['Cache miss: ExpensiveComputation(2, 21) ran', '43'] },
    11: { text: ['42'], absent: ['Cache miss'] },
    13: { text: ['Cache miss: Product ran', '42'] },
    14: { text: ['42'], absent: ['Cache miss'] },
    15: { text: ['Cache miss: Product ran', '420'] },
    17: { text: ['Cache miss: CountAbove ran', '3'] },
    18: { text: ['Cache miss: CountAbove ran', '2'] },
    19: { text: ['3'], absent: ['Cache miss'] },
    21: { text: ['Cache miss: Square ran', 'ran 1 time(s)'] },
    23: { text: ['calls: Square increments calls, not in the key'] },
    25: { text: ['Cache miss: LoadRows ran', '[0 1 4 9 16]'] },
    27: { text: ['Opening a connection to postgres://localhost/sales', 'connections opened: 1', 'true'] },
    29: { text: ['Cache miss: querying', '24012'] },
    30: { text: ['24012'], absent: ['Cache miss'] },
    32: { text: ['42'] },
    34: { text: ['CountAbove', 'threshold'] },
    35: { css: ['table.gocell-cache-stats'] },
    36: { text: ['Cleared the cache of ExpensiveComputation', 'Cache miss: ExpensiveComputation(2, 21) ran', '42'] },
  },
};

const RUN_ALL_TIMEOUT = 120_000;

describe('examples: Run All in the classic Notebook', { timeout: 300_000 }, () => {
  let srv, ctx;

  before(async () => {
    srv = await startNotebookServer();
    for (const name of Object.keys(EXPECT)) {
      fs.copyFileSync(path.join(REPO_ROOT, 'examples', name), path.join(srv.notebookDir, name));
    }
    ctx = await launchChromium();
  }, { timeout: 120_000 });

  after(async () => {
    await ctx?.close();
    await srv?.stop();
  }, { timeout: 60_000 });

  it('covers every notebook in examples/', () => {
    const present = fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter(n => n.endsWith('.ipynb')).sort();
    assert.deepEqual(present, Object.keys(EXPECT).sort());
  });

  for (const [name, expect] of Object.entries(EXPECT)) {
    it(`runs ${name} without an error`, async () => {
      const page = await ctx.newPage();
      const log = watchConsole(page, CLASSIC_ALLOW);
      try {
        await page.goto(`${srv.base}/notebooks/${name}?token=${srv.token}`);
        await waitKernelIdle(page);
        const kinds = await page.evaluate(() => Jupyter.notebook.get_cells().map(c => c.cell_type));
        const code = kinds.flatMap((k, i) => (k === 'code' ? [i] : []));
        await menu(page, '#celllink', '#run_all_cells');
        const last = code.at(-1);
        await waitFor(async () => /^\d+$/.test(await promptOf(page, last)), RUN_ALL_TIMEOUT, `the last cell of ${name} to run`);
        await waitKernelIdle(page);
        await screenshot(page, `example-${name.replace('.ipynb', '')}`);

        const prompts = [];
        for (const i of code) prompts.push(await promptOf(page, i));
        assert.deepEqual(prompts, code.map((_, k) => String(k + 1)), 'every code cell ran, in order');
        assert.equal(await page.locator('.output_error').count(), 0, (await page.locator('.output_error').allInnerTexts()).join('\n'));
        assert.equal(await page.locator('.output_stderr').count(), 0, (await page.locator('.output_stderr').allInnerTexts()).join('\n'));
        for (const [i, want] of Object.entries(expect)) {
          assert.equal(kinds[i], 'code', `${name} cell ${i} is a code cell`);
          const cell = cellAt(page, Number(i));
          const text = (await outputTexts(cell)).join('\n');
          for (const s of want.text ?? []) assert.ok(text.includes(s), `${name} cell ${i}: want ${JSON.stringify(s)} in ${JSON.stringify(text)}`);
          for (const s of want.absent ?? []) assert.ok(!text.includes(s), `${name} cell ${i}: ${JSON.stringify(s)} should be gone`);
          for (const sel of want.css ?? []) assert.ok(await cell.locator(sel).count() > 0, `${name} cell ${i}: ${sel}`);
        }
        const images = page.locator('.output_png img');
        for (let k = 0; k < await images.count(); k++) {
          assert.ok(await images.nth(k).evaluate(el => el.complete && el.naturalWidth > 0), `${name}: image ${k} loads`);
        }
        assert.deepEqual(log.problems(), []);
      } finally {
        await page.close();
      }
    });
  }

  it('stops Run All at a failing cell and shows the rest as not run', withKnownBugs(async t => {
    // ipykernel stops here every time: every execute queued behind a failed
    // one is answered "aborted" without running, and the Notebook shows
    // those cells as In [ ]. Two notebooks with eight cells after the
    // failure make a kernel that only sometimes aborts fail reliably.
    const later = Array.from({ length: 8 }, (_, i) => `fmt.Println("ran after the failure", ${i})`);
    const ranLater = [];
    const numbered = [];
    for (let trial = 0; trial < 2; trial++) {
      const nb = {
        nbformat: 4, nbformat_minor: 5,
        metadata: { kernelspec: { name: 'gocell', display_name: 'Go (gocell)', language: 'go' } },
        cells: ['import "fmt"\nx := 1\nx', 'panic("stop here")', ...later].map((source, i) => ({
          id: `c${i}`, cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null,
        })),
      };
      const file = `stops${trial}.ipynb`;
      await srv.api('PUT', `/api/contents/${file}`, { type: 'notebook', format: 'json', content: nb });
      const page = await ctx.newPage();
      const log = watchConsole(page, CLASSIC_ALLOW);
      try {
        await page.goto(`${srv.base}/notebooks/${file}?token=${srv.token}`);
        await waitKernelIdle(page);
        await menu(page, '#celllink', '#run_all_cells');
        await waitFor(async () => /^\d+$/.test(await promptOf(page, 1)), RUN_ALL_TIMEOUT, 'the failing cell to run');
        const rest = nb.cells.map((_, i) => i).slice(2);
        await waitFor(async () => {
          for (const i of rest) if ((await promptOf(page, i)) === '*') return false;
          return true;
        }, 30_000, 'every later cell to be answered');
        await waitKernelIdle(page);
        await screenshot(page, `example-run-all-stops-${trial}`);
        assert.equal(await promptOf(page, 0), '1');
        assert.equal(await promptOf(page, 1), '2');
        assert.match(await cellAt(page, 1).locator('.output_error').innerText(), /stop here/);
        for (const i of rest) {
          const out = await outputTexts(cellAt(page, i));
          if (out.length) ranLater.push(`${file} cell ${i}: ${out.join(' ')}`);
          else numbered.push(await promptOf(page, i));
        }
        assert.deepEqual(log.problems(), []);
      } finally {
        await page.close();
      }
    }
    assert.deepEqual(ranLater, []);
    assert.ok(numbered.length > 0, 'the cells after the failing one were skipped');
    assert.deepEqual(numbered.filter(p => p !== ''), []);
  }));
});
