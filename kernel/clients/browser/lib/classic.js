// Driving the classic Notebook (6.x) page the way a user does: keyboard into
// CodeMirror, Shift+Enter, the toolbar and the menus; reading what the page
// shows (prompts, .output_area).

import { waitFor } from './harness.js';

export const CELL_TIMEOUT = 60_000;

/**
 * Console errors on classic Notebook pages that are not gocell's: Notebook
 * 6.4's main.js always tries to load the ipywidgets extension
 * (widgets/notebook/js/extension) as a hard-coded fallback, and it is not
 * installed, so the server answers 404 and Chromium refuses the HTML reply
 * as a script. This happens with every kernel, Python's included.
 */
export const CLASSIC_ALLOW = [
  { pattern: /nbextensions\/widgets\/notebook\/js\/extension\.js/, why: 'ipywidgets not installed; Notebook 6.4 loads it unconditionally' },
];

/** Opens a notebook by path and waits until its kernel is idle. */
export async function openNotebook(ctx, srv, name) {
  const page = await ctx.newPage();
  await page.goto(`${srv.base}/notebooks/${encodeURIComponent(name)}?token=${srv.token}`);
  await waitKernelIdle(page);
  return page;
}

/** Waits for the kernel indicator to show an idle kernel. */
export async function waitKernelIdle(page, timeout = CELL_TIMEOUT) {
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout });
}

/** The index of the selected cell. */
export function selectedIndex(page) {
  return page.evaluate(() => [...document.querySelectorAll('#notebook-container > .cell')].findIndex(c => c.classList.contains('selected')));
}

export function cellAt(page, i) {
  return page.locator('#notebook-container > .cell').nth(i);
}

/** The prompt number shown as "In [n]:" for cell i: a number, '*', or '' for "In [ ]:". */
export async function promptOf(page, i) {
  const text = await cellAt(page, i).locator('.input_prompt').textContent();
  const m = /\[(.*?)\]/.exec(text.replace(/\u00a0/g, ' '));
  return m ? m[1].trim() : null;
}

/** Waits until cell i shows a finished prompt In [n] and returns n. */
export async function waitCellDone(page, i, timeout = CELL_TIMEOUT) {
  const n = await waitFor(async () => {
    const p = await promptOf(page, i);
    return /^\d+$/.test(p) ? Number(p) : null;
  }, timeout, `cell ${i} to finish (prompt In [n])`);
  return n;
}

/**
 * Puts `code` into the selected cell (as a paste would: CodeMirror's bracket
 * closing does not fire) and runs it with Shift+Enter. Returns {index, n,
 * cell}; with wait=false it returns without waiting for the cell to finish.
 */
export async function runCell(page, code, { wait = true, timeout = CELL_TIMEOUT } = {}) {
  const index = await selectedIndex(page);
  const cell = cellAt(page, index);
  await cell.locator('.CodeMirror').click();
  await page.keyboard.insertText(code);
  await page.keyboard.press('Shift+Enter');
  if (!wait) return { index, cell };
  const n = await waitCellDone(page, index, timeout);
  return { index, n, cell };
}

/** The visible text of every output area of a cell. */
export async function outputTexts(cell) {
  return cell.locator('.output_area').evaluateAll(els => els.map(e => e.innerText.trim()));
}

/** Waits until the cell's outputs contain `text`. */
export async function waitOutputText(cell, text, timeout = CELL_TIMEOUT) {
  await waitFor(async () => (await outputTexts(cell)).some(t => t.includes(text)), timeout, `output "${text}"`);
}

/** Clicks a menu item of the menu bar, e.g. menu(page, '#kernellink', '#restart_kernel'). */
export async function menu(page, top, item) {
  await page.click(top);
  await page.click(item);
}
