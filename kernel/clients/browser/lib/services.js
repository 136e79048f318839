// JupyterLab's client library (@jupyterlab/services) in Node, talking to the
// notebook server the way JupyterLab does, plus a checker for the protocol
// rules front ends rely on (see protocol.md in the design notes).

import assert from 'node:assert/strict';
import { KernelManager, ServerConnection } from '@jupyterlab/services';
import WebSocket from 'ws';

import { waitFor } from './harness.js';

export const REPLY_TIMEOUT = 60_000;

/** Server settings for @jupyterlab/services in Node (ws for WebSocket). */
export function settingsFor(srv) {
  return ServerConnection.makeSettings({
    baseUrl: `${srv.base}/`,
    wsUrl: `ws://127.0.0.1:${srv.port}/`,
    token: srv.token,
    appendToken: true,
    WebSocket,
    fetch,
    Request,
    Headers,
  });
}

/**
 * Starts a gocell kernel through a KernelManager and waits until its
 * connection is up and it is idle. Every IOPub message is recorded in
 * kernel.recorded (for the protocol checks).
 */
export async function startKernel(srv) {
  const manager = new KernelManager({ serverSettings: settingsFor(srv) });
  await manager.ready;
  const kernel = await manager.startNew({ name: 'gocell' });
  kernel.recorded = [];
  kernel.sent = [];
  kernel.iopubMessage.connect((_, msg) => kernel.recorded.push(msg));
  kernel.anyMessage.connect((_, { msg, direction }) => { if (direction === 'send') kernel.sent.push(msg); });
  await waitConnected(kernel);
  await withTimeout(kernel.info, REPLY_TIMEOUT, 'kernel_info');
  return { manager, kernel };
}

export async function waitConnected(kernel, ms = REPLY_TIMEOUT) {
  await waitFor(() => kernel.connectionStatus === 'connected' && kernel.status === 'idle', ms,
    `connectionStatus connected and status idle (now ${kernel.connectionStatus}/${kernel.status})`);
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Runs code and collects what JupyterLab's future sees: the IOPub messages
 * parented to the request (status included) and the reply. `future.done`
 * resolves only after both the reply and an idle with this request as parent,
 * which is exactly what makes a JupyterLab cell finish. onStdin, if given,
 * receives input requests with the future.
 */
export async function execute(kernel, code, { allowStdin = false, onStdin, stopOnError = true, timeout = REPLY_TIMEOUT } = {}) {
  // disposeOnDone=false, as JupyterLab's OutputArea.execute does: the future
  // stays registered, so a later cell's update_display_data for a display
  // this cell created is routed back to it.
  const future = kernel.requestExecute({ code, allow_stdin: allowStdin, stop_on_error: stopOnError, store_history: true, silent: false }, false);
  const iopub = [];
  future.onIOPub = msg => { iopub.push(msg); };
  if (onStdin) future.onStdin = msg => onStdin(msg, future);
  const reply = await withTimeout(future.done, timeout, `execute ${JSON.stringify(code.slice(0, 40))}`);
  const outputs = iopub.filter(m => !['status', 'execute_input'].includes(m.header.msg_type));
  return { request: future.msg, reply, iopub, outputs, types: outputs.map(m => m.header.msg_type), future };
}

/** The stdout text of an execute result. */
export const stdout = r => r.outputs.filter(m => m.header.msg_type === 'stream' && m.content.name === 'stdout').map(m => m.content.text).join('');

/**
 * Checks what JupyterLab depends on for one request: busy first and idle
 * last, both parented to the request; the reply parented to it; headers in
 * protocol 5.4 with the kernel's session; metadata and content objects.
 */
export function checkRequest(kernel, request, reply, iopub) {
  const id = request.header.msg_id;
  assert.equal(reply.parent_header.msg_id, id, 'the reply names the request as parent');
  assert.equal(reply.header.msg_type, request.header.msg_type.replace(/_request$/, '_reply'));
  const mine = iopub.length ? iopub : kernel.recorded.filter(m => m.parent_header?.msg_id === id);
  const statuses = mine.filter(m => m.header.msg_type === 'status').map(m => m.content.execution_state);
  assert.equal(statuses[0], 'busy', `first status for ${request.header.msg_type} is busy: ${statuses}`);
  assert.equal(statuses.at(-1), 'idle', `last status for ${request.header.msg_type} is idle: ${statuses}`);
  assert.equal(mine[0].header.msg_type, 'status');
  assert.equal(mine.at(-1).header.msg_type, 'status');
  for (const m of [reply, ...mine]) checkEnvelope(m);
}

/**
 * checkRequest for the request*() calls that resolve to the reply only: the
 * request is found among the messages sent (the library matched the reply to
 * it by parent msg_id, so that part holds by construction).
 */
export async function checkReply(kernel, reply) {
  const id = reply.parent_header.msg_id;
  const request = kernel.sent.find(m => m.header.msg_id === id);
  assert.ok(request, `a sent request for ${reply.header.msg_type}`);
  // The library hands the reply over before its iopubMessage signal has
  // carried the idle that may have come with it: give that a moment.
  await waitFor(() => kernel.recorded.some(m => m.parent_header?.msg_id === id && m.content.execution_state === 'idle'),
    5_000, `idle for ${request.header.msg_type}`);
  checkRequest(kernel, request, reply, []);
}

/** Header, parent, metadata and content of one message, as protocol 5.4 wants them. */
export function checkEnvelope(m) {
  const what = `${m.header.msg_type} ${JSON.stringify(m).slice(0, 200)}`;
  assert.equal(m.header.version, '5.4', what);
  assert.ok(m.header.msg_id && m.header.session && typeof m.header.username === 'string', what);
  assert.ok(!Number.isNaN(Date.parse(m.header.date)), `date ${m.header.date}`);
  for (const k of ['parent_header', 'metadata', 'content']) {
    assert.ok(m[k] && typeof m[k] === 'object' && !Array.isArray(m[k]), `${k} is an object: ${what}`);
  }
  const t = m.header.msg_type;
  if (['display_data', 'update_display_data', 'execute_result'].includes(t)) {
    assert.ok(m.content.metadata && typeof m.content.metadata === 'object', `content.metadata present: ${what}`);
    assert.equal(typeof m.content.data['text/plain'], 'string', `text/plain present: ${what}`);
  }
  if (t === 'update_display_data') assert.ok(m.content.transient?.display_id, `display_id: ${what}`);
}
