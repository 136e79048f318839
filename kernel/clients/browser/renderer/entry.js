// The renderer page's bundle: JupyterLab's output area and MIME renderers,
// fed by a real kernel through JupyterLab's client library, wired the way
// JupyterLab's OutputArea.execute does it (a future per cell, kept after it
// finishes so later update_display_data messages reach it).

import { OutputArea, OutputAreaModel } from '@jupyterlab/outputarea';
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import { KernelManager, ServerConnection } from '@jupyterlab/services';
import { Widget } from '@lumino/widgets';
import '@jupyterlab/rendermime/style/base.css';
import '@jupyterlab/outputarea/style/base.css';

const rendermime = new RenderMimeRegistry({ initialFactories: standardRendererFactories });
let kernel = null;
const areas = [];

async function start(token) {
  const serverSettings = ServerConnection.makeSettings({ baseUrl: `${location.origin}/`, token, appendToken: true });
  const manager = new KernelManager({ serverSettings });
  await manager.ready;
  kernel = await manager.startNew({ name: 'gocell' });
  await kernel.info;
  const deadline = Date.now() + 60_000;
  while (!(kernel.connectionStatus === 'connected' && kernel.status === 'idle')) {
    if (Date.now() > deadline) throw new Error(`kernel not ready: ${kernel.connectionStatus}/${kernel.status}`);
    await new Promise(r => setTimeout(r, 50));
  }
  return kernel.id;
}

/** Runs one cell into a new output area; resolves with {index, status}. */
async function run(code) {
  const index = areas.length;
  const cell = document.createElement('section');
  cell.className = 'cell';
  cell.dataset.index = String(index);
  const src = document.createElement('pre');
  src.className = 'source';
  src.textContent = `[${index}] ${code}`;
  cell.appendChild(src);
  document.getElementById('cells').appendChild(cell);
  // Trusted, as JupyterLab marks the outputs of cells the user runs (so SVG
  // and HTML get their full renderers, not the sanitized or text fallback).
  const area = new OutputArea({ model: new OutputAreaModel({ trusted: true }), rendermime });
  Widget.attach(area, cell);
  areas.push(area);
  const future = kernel.requestExecute({ code, allow_stdin: true, stop_on_error: true }, false);
  area.future = future;
  const reply = await future.done;
  return { index, status: reply.content.status };
}

async function shutdown() {
  if (kernel) await kernel.shutdown();
}

window.gocellRenderer = { start, run, shutdown, ready: true };
