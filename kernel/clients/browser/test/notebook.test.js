// gocell in the classic Notebook, in headless Chromium, used as a person
// would: one long session in a notebook created from the "New" menu, with
// values, prints, rich output, an in-place update from a later cell, errors,
// a cached function with its spinner, completion, the tooltip, an input box,
// interrupts from the toolbar and a restart from the Kernel menu. Every step
// asserts on what the page shows; the browser console must stay clean.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  withKnownBugs, launchChromium, screenshot, startNotebookServer, waitFor, watchConsole,
} from '../lib/harness.js';
import {
  CLASSIC_ALLOW, menu, outputTexts, promptOf, runCell, selectedIndex, cellAt, waitCellDone, waitKernelIdle, waitOutputText,
} from '../lib/classic.js';

describe('classic Notebook session', { timeout: 240_000 }, () => {
  let srv, ctx, page, consoleLog;

  before(async () => {
    srv = await startNotebookServer();
    ctx = await launchChromium();
  });

  after(async () => {
    if (page) await screenshot(page, 'notebook-final');
    await ctx?.close();
    await srv?.stop();
  });

  it('creates a Go notebook from the New menu', async () => {
    const tree = await ctx.newPage();
    const treeConsole = watchConsole(tree, CLASSIC_ALLOW);
    await tree.goto(`${srv.base}/tree?token=${srv.token}`);
    await tree.click('#new-dropdown-button');
    const item = tree.locator('#new-menu li#kernel-gocell a');
    assert.equal((await item.textContent()).trim(), 'Go (gocell)');
    const [nb] = await Promise.all([ctx.waitForEvent('page', { timeout: 30_000 }), item.click()]);
    page = nb;
    consoleLog = watchConsole(page, CLASSIC_ALLOW);
    await waitKernelIdle(page);
    assert.match(await page.locator('.kernel_indicator_name').textContent(), /Go \(gocell\)/);
    assert.deepEqual(treeConsole.problems(), []);
    await tree.close();
  });

  it('runs values, prints, HTML and images', async () => {
    let r = await runCell(page, 'import (\n"fmt"\n"image"\n"image/color"\n"strings"\n"time"\n)\n\nx := 41\nx + 1');
    assert.equal(r.n, 1);
    assert.equal(await r.cell.locator('.output_prompt').textContent(), 'Out[1]:');
    assert.deepEqual(await outputTexts(r.cell), ['Out[1]:\n42']);

    r = await runCell(page, 'fmt.Println("hello from gocell")\nfmt.Println(strings.Repeat("go", 3))');
    assert.equal(r.n, 2);
    assert.equal((await r.cell.locator('.output_stdout').innerText()).trim(), 'hello from gocell\ngogogo');

    r = await runCell(page, 'display.HTML(`<b id="gocell-bold">bold</b> and <span style="color: #00ADD8">blue</span>`)');
    assert.equal(await r.cell.locator('.output_html b#gocell-bold').textContent(), 'bold');

    r = await runCell(page, 'img := image.NewRGBA(image.Rect(0, 0, 96, 48))\nfor i := 0; i < 96; i++ {\nimg.Set(i, i/2, color.RGBA{0, 173, 216, 255})\n}\ndisplay.Image(img)');
    const png = r.cell.locator('.output_png img');
    await waitFor(() => png.evaluate(el => el.complete && el.naturalWidth === 96 && el.naturalHeight === 48), 10_000, 'the PNG to load');
    await screenshot(page, 'notebook-basics');
  });

  it('updates a display in place from a later cell', async () => {
    const first = await runCell(page, 'h := display.HTML(`<i class="status">version 1</i>`)');
    assert.equal(await first.cell.locator('.output_html i.status').textContent(), 'version 1');
    const second = await runCell(page, 'h.HTML(`<i class="status">version 2</i>`)\nfmt.Println("updated")');
    await waitFor(async () => (await first.cell.locator('.output_html i.status').textContent()) === 'version 2', 10_000, 'the first cell to show version 2');
    assert.equal(await first.cell.locator('.output_area').count(), 1, 'the update replaces, it does not add');
    assert.deepEqual(await outputTexts(second.cell), ['updated'], 'the updating cell shows only its own print');
  });

  it('shows compile errors and panics, and the session keeps going', withKnownBugs(async t => {
    let r = await runCell(page, 'var s string = 5');
    let err = await r.cell.locator('.output_error').innerText();
    // The classic Notebook shows the traceback: file:line:column, the message, the line quoted.
    assert.match(err, /:1:16: cannot convert 5 to string/);
    assert.match(err, /1 \| var s string = 5/);

    r = await runCell(page, 'func explode(msg string) { panic(msg) }\nexplode("boom")');
    err = await r.cell.locator('.output_error').innerText();
    assert.match(err, /panic/);
    assert.match(err, /boom/);

    r = await runCell(page, 'x * 2');
    assert.deepEqual(await outputTexts(r.cell), [`Out[${r.n}]:\n82`]);

    // A := whose right side names something undefined should say so, like
    // `fmt.Println(undefinedThing)` does; the kernel says "constant
    // definition loop", which points the user nowhere.
    r = await runCell(page, 'y := undefinedThing + 1');
    err = await r.cell.locator('.output_error').innerText();
    assert.match(err, /undefined: undefinedThing/);
  }));

  it('shows the spinner of a cached function while it computes, then a hit is silent', withKnownBugs(async t => {
    const miss = await runCell(page,
      '//%cache_data show_spinner="Crunching numbers..."\nfunc Slow(n int) int {\nfmt.Println("computed", n)\ntime.Sleep(2 * time.Second)\nreturn n * 2\n}\n\nSlow(21)',
      { wait: false });
    const spinner = miss.cell.locator('.output_html .gocell-spinner');
    await spinner.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await spinner.innerText(), /Crunching numbers\.\.\./);
    await screenshot(page, 'notebook-spinner');
    const n = await waitCellDone(page, miss.index);
    assert.equal(await spinner.count(), 0, 'the spinner is gone when the call returns');
    const texts = await outputTexts(miss.cell);
    assert.ok(texts.includes('computed 21'), texts);
    assert.ok(texts.includes(`Out[${n}]:\n42`), texts);
    // The spinner leaves nothing behind (rule 16).
    assert.deepEqual(texts.filter(s => s === ''), []);

    const hit = await runCell(page, 'Slow(21)');
    // Printed text is the computation's log: a hit does not replay it (rule 10).
    assert.deepEqual(await outputTexts(hit.cell), [`Out[${hit.n}]:\n42`], 'a hit returns the value and prints nothing');
    assert.equal(await hit.cell.locator('.gocell-spinner').count(), 0);

    const stats = await runCell(page, '%cache stats');
    const row = stats.cell.locator('table.gocell-cache-stats tbody tr', { hasText: 'Slow' });
    const cells = await row.locator('td').allInnerTexts();
    const head = await stats.cell.locator('table.gocell-cache-stats thead th').allInnerTexts();
    assert.equal(cells[head.indexOf('hits')], '1', `${head} / ${cells}`);
    assert.equal(cells[head.indexOf('misses')], '1', `${head} / ${cells}`);
  }));

  it('completes with Tab and shows the tooltip with Shift+Tab', withKnownBugs(async t => {
    // Completion: a popup with both candidates; Enter picks the first.
    let index = await selectedIndex(page);
    let cell = cellAt(page, index);
    await cell.locator('.CodeMirror').click();
    await page.keyboard.type('strings.ToU');
    await page.keyboard.press('Tab');
    const options = page.locator('.completions select option');
    await options.first().waitFor({ timeout: 20_000 });
    assert.deepEqual(await options.allInnerTexts(), ['ToUpper', 'ToUpperSpecial']);
    await screenshot(page, 'notebook-completion');
    await page.keyboard.press('Enter');
    await page.keyboard.type('("go")');
    assert.equal(await page.evaluate(i => Jupyter.notebook.get_cell(i).get_text(), index), 'strings.ToUpper("go")');
    await page.keyboard.press('Shift+Enter');
    let n = await waitCellDone(page, index);
    assert.deepEqual(await outputTexts(cell), [`Out[${n}]:\nGO`]);

    // Tooltip: the signature and doc of the function before the cursor.
    index = await selectedIndex(page);
    cell = cellAt(page, index);
    await cell.locator('.CodeMirror').click();
    await page.keyboard.type('strings.ToUpper(');
    await page.keyboard.press('Shift+Tab');
    const tip = page.locator('#tooltip');
    await waitFor(async () => (await tip.isVisible()) && /func ToUpper\(s string\) string/.test(await tip.innerText()), 20_000, 'the tooltip');
    assert.match(await tip.innerText(), /upper case/);
    await screenshot(page, 'notebook-tooltip');
    await page.keyboard.press('Escape');
    await cell.locator('.CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');

    // Completing a display handle: its methods, not its internals.
    await page.keyboard.type('h.');
    await page.keyboard.press('Tab');
    await options.first().waitFor({ timeout: 20_000 });
    const offered = await options.allInnerTexts();
    await page.keyboard.press('Escape');
    await cell.locator('.CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    for (const m of ['HTML', 'Markdown', 'Image', 'ID']) assert.ok(offered.includes(m), offered);
    assert.deepEqual(offered.filter(m => /^[a-z]/.test(m)), []);
  }));

  it('answers fmt.Scanln through an input box on the page', async () => {
    const r = await runCell(page, 'var name string\nfmt.Print("your name? ")\nfmt.Scanln(&name)\nfmt.Println("hello,", name)', { wait: false });
    const box = r.cell.locator('.raw_input_container input.raw_input');
    await box.waitFor({ state: 'visible', timeout: 20_000 });
    await box.fill('gopher');
    await screenshot(page, 'notebook-stdin');
    await box.press('Enter');
    await waitCellDone(page, r.index);
    const text = (await outputTexts(r.cell)).join('\n');
    assert.match(text, /hello, gopher/);
    assert.equal(await r.cell.locator('.output_error').count(), 0);
  });

  it('interrupts a busy loop and a sleep from the toolbar', withKnownBugs(async t => {
    const interrupt = page.locator('button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]');
    const interruptCell = async (code, marker) => {
      const r = await runCell(page, code, { wait: false });
      await waitOutputText(r.cell, marker, 20_000);
      assert.equal(await promptOf(page, r.index), '*');
      await interrupt.click();
      await waitCellDone(page, r.index, 60_000);
      assert.match(await r.cell.locator('.output_error').innerText(), /interrupted/i);
      await waitKernelIdle(page);
      const after = await runCell(page, '6 * 7');
      assert.deepEqual(await outputTexts(after.cell), [`Out[${after.n}]:\n42`]);
      return r.cell;
    };

    await interruptCell('fmt.Println("looping")\nfor {\n}', 'looping');
    // The loop was stopped in place: earlier values are all still there.
    let r = await runCell(page, 'fmt.Println(x, name)');
    assert.deepEqual(await outputTexts(r.cell), ['41 gopher']);

    const sleeping = await interruptCell('fmt.Println("sleeping")\ntime.Sleep(time.Hour)', 'sleeping');
    await screenshot(page, 'notebook-interrupted');
    const message = await sleeping.locator('.output_error').innerText();
    assert.doesNotMatch(message, /lost their values:.*\b(s|y)\b/);
    r = await runCell(page, 'fmt.Println(x, name)');
    const texts = await outputTexts(r.cell);
    assert.deepEqual(texts, ['41 gopher']);
  }));

  it('restarts from the Kernel menu and runs cells again', async () => {
    await menu(page, '#kernellink', '#restart_kernel');
    const confirm = page.locator('.modal-dialog .modal-footer button', { hasText: 'Restart' });
    await confirm.click({ timeout: 10_000 });
    await page.locator('#notification_kernel', { hasText: 'Kernel ready' })
      .or(page.locator('#notification_kernel', { hasText: 'Restarting' }))
      .first().waitFor({ timeout: 30_000 }).catch(() => {});
    await waitKernelIdle(page);
    let r = await runCell(page, 'x');
    assert.equal(r.n, 1, 'counting starts again after a restart');
    assert.match(await r.cell.locator('.output_error').innerText(), /undefined: x/);
    r = await runCell(page, 'import "fmt"\nz := 5\nfmt.Println("after restart", z*2)');
    assert.equal(r.n, 2);
    assert.deepEqual(await outputTexts(r.cell), ['after restart 10']);
    await screenshot(page, 'notebook-restarted');
  });

  it('left no errors in the browser console', () => {
    assert.deepEqual(consoleLog.problems(), []);
  });
});
