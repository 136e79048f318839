// Shared setup for the browser suite: the gocell binary and its kernelspec,
// a classic Notebook server in a private temporary home, headless Chromium,
// console-error collection, screenshots and expected failures.
//
// Everything a test starts is stopped by stop()/close(), and a last sweep on
// process exit ends any kernel the server left behind, so a failing test
// never leaves processes running.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const HERE = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = path.resolve(HERE, '..', '..', '..');
export const ARTIFACTS = process.env.GOCELL_BROWSER_ARTIFACTS || path.join(HERE, 'artifacts');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// ---------------------------------------------------------------- binary

let builtBin = null;

/**
 * The gocell binary under test: $GOCELL_BIN, or one built from this checkout
 * into a temporary directory (like the Python suite does).
 */
export function gocellBin() {
  if (process.env.GOCELL_BIN) {
    const bin = path.resolve(process.env.GOCELL_BIN);
    fs.accessSync(bin, fs.constants.X_OK);
    return bin;
  }
  if (builtBin) return builtBin;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gocell-browser-bin-'));
  const bin = path.join(dir, 'gocell');
  const r = spawnSync('go', ['build', '-o', bin, '.'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`building gocell failed:\n${r.stdout}${r.stderr}`);
  builtBin = bin;
  tempDirs.add(dir);
  return bin;
}

// ---------------------------------------------------------------- processes

/** A free TCP port on 127.0.0.1 (the kernel of the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const markers = new Set();
const tempDirs = new Set(); // removed at exit, whatever happened

/**
 * PIDs of live processes whose environment carries `marker` as
 * JUPYTER_RUNTIME_DIR: the notebook server and every kernel and executor it
 * started (they inherit the environment), and nothing else.
 */
function processesWithMarker(marker) {
  const want = `JUPYTER_RUNTIME_DIR=${marker}`;
  const pids = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${name}/environ`, 'latin1').split('\0');
      if (env.includes(want)) pids.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

function killMarked(marker, signal) {
  for (const pid of processesWithMarker(marker)) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

process.on('exit', () => {
  for (const m of markers) killMarked(m, 'SIGKILL');
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const m of markers) killMarked(m, 'SIGKILL');
    process.exit(130);
  });
}

/** Polls fn until it returns a truthy value or `ms` pass; then throws `what`. */
export async function waitFor(fn, ms, what) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

// ---------------------------------------------------------------- notebook server

/**
 * Starts the classic Notebook server with gocell's kernelspec installed under
 * a temporary prefix, HOME and every Jupyter directory under a temporary
 * root, on a free port with a random token. Returns
 * { base, token, root, notebookDir, env, log(), stop() }.
 */
export async function startNotebookServer() {
  const bin = gocellBin();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gocell-browser-'));
  tempDirs.add(root);
  const dirs = {};
  for (const d of ['home', 'prefix', 'notebooks', 'runtime', 'config', 'data']) {
    dirs[d] = path.join(root, d);
    fs.mkdirSync(dirs[d]);
  }
  const inst = spawnSync(bin, ['install', '--prefix', dirs.prefix], { encoding: 'utf8', timeout: 60_000 });
  if (inst.status !== 0) throw new Error(`gocell install --prefix failed:\n${inst.stdout}${inst.stderr}`);
  const jupyterPath = path.join(dirs.prefix, 'share', 'jupyter');
  if (!fs.existsSync(path.join(jupyterPath, 'kernels', 'gocell', 'kernel.json'))) {
    throw new Error(`gocell install did not write a kernelspec under ${jupyterPath}`);
  }
  const port = await freePort();
  const token = [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
  const env = {
    ...process.env,
    HOME: dirs.home,
    JUPYTER_PATH: jupyterPath,
    JUPYTER_RUNTIME_DIR: dirs.runtime,
    JUPYTER_CONFIG_DIR: dirs.config,
    JUPYTER_DATA_DIR: dirs.data,
    GOCELL_CACHE_DIR: path.join(root, 'cache'),
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
  markers.add(dirs.runtime);
  const logFile = path.join(root, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const server = spawn(
    'jupyter-notebook',
    [
      '--no-browser', '--allow-root', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0',
      `--NotebookApp.token=${token}`, `--notebook-dir=${dirs.notebooks}`,
    ],
    { env, cwd: dirs.notebooks, stdio: ['ignore', out, out], detached: true },
  );
  fs.closeSync(out);
  let exited = null;
  server.on('exit', code => { exited = code ?? 'signal'; });
  const base = `http://127.0.0.1:${port}`;
  const log = () => fs.readFileSync(logFile, 'utf8');
  await waitFor(async () => {
    if (exited !== null) throw new Error(`jupyter-notebook exited (${exited}):\n${log()}`);
    const r = await fetch(`${base}/api/status?token=${token}`);
    return r.ok;
  }, 60_000, 'the notebook server to answer /api/status').catch(e => {
    killMarked(dirs.runtime, 'SIGKILL');
    throw new Error(`${e.message}\n${log()}`);
  });

  const api = async (method, p, body) => {
    const r = await fetch(`${base}${p}`, {
      method,
      headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? null : r.json();
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // Shut kernels down through the API first (they run in sessions of their
    // own, so signalling the server's group would not reach them).
    try {
      const kernels = await api('GET', '/api/kernels');
      await Promise.all(kernels.map(k => api('DELETE', `/api/kernels/${k.id}`).catch(() => {})));
    } catch {
      // the server may already be gone
    }
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await waitFor(() => processesWithMarker(dirs.runtime).length === 0, 10_000, 'the server and kernels to exit')
      .catch(() => killMarked(dirs.runtime, 'SIGKILL'));
    markers.delete(dirs.runtime);
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    tempDirs.delete(root);
  };
  return { base, token, port, root, notebookDir: dirs.notebooks, env, api, log, stop };
}

// ---------------------------------------------------------------- browser

/**
 * Launches Debian's Chromium headless with a fresh profile. Returns the
 * Playwright persistent context; close() it at the end.
 */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gocell-chromium-'));
  tempDirs.add(profile);
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    timeout: 60_000,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const close = ctx.close.bind(ctx);
  ctx.close = async () => {
    await close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  return ctx;
}

/**
 * Records the page's console errors and uncaught exceptions. problems()
 * returns those not matched by `allow` (a list of {pattern, why}).
 */
export function watchConsole(page, allow = []) {
  const seen = [];
  page.on('console', msg => {
    if (msg.type() === 'error') seen.push(`console.error: ${msg.text()} (${msg.location().url || '?'})`);
  });
  page.on('pageerror', err => seen.push(`pageerror: ${err.message}`));
  return {
    all: () => [...seen],
    problems: () => seen.filter(s => !allow.some(a => a.pattern.test(s))),
  };
}

/** Saves a full-page screenshot as artifacts/<name>.png. */
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, timeout: 30_000 }).catch(() => {});
  return file;
}

// ---------------------------------------------------------------- expected failures

/**
 * Wraps a test function that holds known gocell bugs (checked with
 * expectFailure). The test is reported as TODO, with the reasons, only if
 * everything else in it passed: a real failure elsewhere is never masked.
 */
export function withKnownBugs(fn) {
  return async t => {
    t.gocellKnownBugs = [];
    await fn(t);
    if (t.gocellKnownBugs.length) t.todo(`expected failure: ${t.gocellKnownBugs.join(' | ')}`);
  };
}

/**
 * Runs the check `fn` as a known gocell bug, inside a withKnownBugs test: if
 * it fails, the reason is recorded and the test goes on; if it passes, the
 * test fails, so a fix is noticed and the marker removed (strict, like
 * pytest's xfail(strict=True)).
 */
export async function expectFailure(t, reason, fn) {
  if (!Array.isArray(t.gocellKnownBugs)) throw new Error('expectFailure needs the test wrapped in withKnownBugs');
  try {
    await fn();
  } catch (e) {
    t.gocellKnownBugs.push(`${reason} — ${String(e.message).split('\n')[0]}`);
    return;
  }
  throw new Error(`unexpectedly passed (known bug fixed? remove the expectFailure marker): ${reason}`);
}
