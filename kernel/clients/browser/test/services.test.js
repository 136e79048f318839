// gocell through JupyterLab's own client library, @jupyterlab/services,
// against the classic Notebook server: the messages JupyterLab exchanges
// (kernel info, execute with every output kind, complete, inspect,
// is_complete, history, interrupt, stdin, restart), each checked against the
// rules JupyterLab depends on (busy/idle parented to the request, metadata
// objects, protocol 5.4 headers).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { startNotebookServer, waitFor } from '../lib/harness.js';
import { checkEnvelope, checkReply, checkRequest, execute, startKernel, stdout, waitConnected, withTimeout, REPLY_TIMEOUT } from '../lib/services.js';

const codePoints = s => [...s].length;

describe('JupyterLab services client', { timeout: 180_000 }, () => {
  let srv, manager, kernel;

  before(async () => {
    srv = await startNotebookServer();
    ({ manager, kernel } = await startKernel(srv));
  });

  after(async () => {
    try {
      if (kernel && !kernel.isDisposed) await withTimeout(kernel.shutdown(), 20_000, 'shutdown').catch(() => {});
      manager?.dispose();
    } finally {
      await srv?.stop();
    }
  });

  it('gets kernel info like JupyterLab does on connect', async () => {
    const info = await kernel.requestKernelInfo();
    await checkReply(kernel, info);
    const c = info.content;
    assert.equal(c.status, 'ok');
    assert.equal(c.protocol_version, '5.4');
    assert.equal(c.language_info.name, 'go');
    assert.equal(c.language_info.file_extension, '.go');
    assert.equal(c.language_info.mimetype, 'text/x-go');
    assert.equal(c.language_info.codemirror_mode, 'go');
    assert.equal(typeof c.banner, 'string');
    const spec = await kernel.spec;
    assert.equal(spec.display_name, 'Go (gocell)');
    assert.equal(spec.language, 'go');
  });

  it('executes with every output kind', async () => {
    let r = await execute(kernel, 'import (\n"fmt"\n"os"\n)\n\nx := 41\nfmt.Println("to stdout")\nfmt.Fprintln(os.Stderr, "to stderr")\nh := display.HTML("<b>first</b>")\nx + 1');
    checkRequest(kernel, r.request, r.reply, r.iopub);
    assert.equal(r.iopub[1].header.msg_type, 'execute_input', 'execute_input right after busy');
    assert.equal(r.iopub[1].content.code, r.request.content.code);
    assert.equal(r.reply.content.status, 'ok');
    const n = r.reply.content.execution_count;
    assert.deepEqual(r.types, ['stream', 'stream', 'display_data', 'execute_result']);
    assert.deepEqual(r.outputs.slice(0, 2).map(m => [m.content.name, m.content.text]), [['stdout', 'to stdout\n'], ['stderr', 'to stderr\n']]);
    const shown = r.outputs[2].content;
    assert.equal(shown.data['text/html'], '<b>first</b>');
    const displayId = shown.transient.display_id;
    assert.ok(displayId);
    assert.deepEqual(r.outputs[3].content, { execution_count: n, data: { 'text/plain': '42' }, metadata: {} });

    // An update from a later cell goes out as update_display_data with the
    // same id, parented to the later request; the library routes it to the
    // future of the cell that created the display, as JupyterLab needs.
    const first = r;
    r = await execute(kernel, 'h.HTML("<b>second</b>")');
    checkRequest(kernel, r.request, r.reply, r.iopub);
    assert.deepEqual(r.types, [], 'the updating cell gets no output of its own');
    const update = kernel.recorded.find(m => m.header.msg_type === 'update_display_data' && m.parent_header.msg_id === r.request.header.msg_id);
    assert.ok(update, 'an update_display_data parented to the updating request');
    assert.equal(update.content.transient.display_id, displayId);
    assert.equal(update.content.data['text/html'], '<b>second</b>');
    const routed = first.iopub.filter(m => m.header.msg_type === 'update_display_data');
    assert.equal(routed.length, 1);
    assert.equal(routed[0].content.data['text/html'], '<b>second</b>');
    first.future.dispose();

    // clear_output, and output after it.
    r = await execute(kernel, 'fmt.Println("gone")\ndisplay.ClearWait()\nfmt.Println("kept")');
    checkRequest(kernel, r.request, r.reply, r.iopub);
    assert.deepEqual(r.types, ['stream', 'clear_output', 'stream']);
    assert.equal(r.outputs[1].content.wait, true);

    // application/json is a JSON value, images base64.
    r = await execute(kernel, 'display.JSON(map[string]any{"n": 1, "tags": []string{"go"}})\nimport "image"\ndisplay.Image(image.NewGray(image.Rect(0, 0, 4, 2)))');
    checkRequest(kernel, r.request, r.reply, r.iopub);
    assert.deepEqual(r.outputs[0].content.data['application/json'], { n: 1, tags: ['go'] });
    const png = Buffer.from(r.outputs[1].content.data['image/png'], 'base64');
    assert.equal(png.subarray(1, 4).toString(), 'PNG');

    // An error: reply and exactly one error message, no extra stderr.
    r = await execute(kernel, 'var m map[string]int\nm["x"] = 1');
    checkRequest(kernel, r.request, r.reply, r.iopub);
    assert.equal(r.reply.content.status, 'error');
    assert.deepEqual(r.types, ['error']);
    assert.equal(r.outputs[0].content.ename, r.reply.content.ename);
    assert.match(r.outputs[0].content.evalue, /nil map/);
    assert.ok(Array.isArray(r.outputs[0].content.traceback));

    r = await execute(kernel, 'x');
    assert.equal(r.outputs[0].content.data['text/plain'], '41', 'an error changes nothing');
  });

  it('completes, inspects and checks completeness', async () => {
    let code = 'label := "héllo 🙂"\nstrings.ToU';
    let c = await kernel.requestComplete({ code, cursor_pos: codePoints(code) });
    await checkReply(kernel, c);
    assert.equal(c.content.status, 'ok');
    assert.deepEqual(c.content.matches, ['ToUpper', 'ToUpperSpecial']);
    assert.equal(c.content.cursor_end, codePoints(code), 'cursor positions count code points');
    assert.equal(c.content.cursor_start, codePoints(code) - 3);
    const types = c.content.metadata._jupyter_types_experimental;
    assert.ok(Array.isArray(types) && types.some(t => t.text === 'ToUpper' && t.type), JSON.stringify(types));

    code = 'x.';
    c = await kernel.requestComplete({ code, cursor_pos: 2 });
    assert.equal(c.content.status, 'ok');
    assert.ok(c.content.metadata && typeof c.content.metadata === 'object');

    const insp = await kernel.requestInspect({ code: 'strings.ToUpper', cursor_pos: 15, detail_level: 0 });
    await checkReply(kernel, insp);
    assert.equal(insp.content.found, true);
    assert.match(insp.content.data['text/plain'], /func ToUpper\(s string\) string/);
    assert.equal(typeof insp.content.metadata, 'object');
    const none = await kernel.requestInspect({ code: 'noSuchName', cursor_pos: 10, detail_level: 0 });
    assert.equal(none.content.found, false);

    for (const [src, status] of [['x := 1', 'complete'], ['func f() {', 'incomplete'], ['%cache stats', 'complete']]) {
      const r = await kernel.requestIsComplete({ code: src });
      await checkReply(kernel, r);
      assert.equal(r.content.status, status, src);
      if (status === 'incomplete') assert.equal(typeof r.content.indent, 'string');
    }
  });

  it('answers history requests', async () => {
    const tail = await kernel.requestHistory({ hist_access_type: 'tail', n: 3, raw: true, output: false });
    await checkReply(kernel, tail);
    assert.equal(tail.content.status, 'ok');
    const inputs = tail.content.history.map(h => h[2]);
    assert.equal(inputs.length, 3);
    assert.equal(inputs.at(-1), 'x');
    for (const h of tail.content.history) assert.equal(h.length, 3);
    const search = await kernel.requestHistory({ hist_access_type: 'search', pattern: '*ClearWait*', raw: true, output: false, n: 10, unique: true });
    assert.ok(search.content.history.some(h => h[2].includes('display.ClearWait()')), JSON.stringify(search.content.history));
  });

  it('reads stdin through sendInputReply, and fails fast without allow_stdin', async () => {
    const prompts = [];
    const r = await execute(kernel, 'var who string\nfmt.Scanln(&who)\nfmt.Println("hello,", who)', {
      allowStdin: true,
      onStdin: (msg, future) => {
        prompts.push(msg);
        future.sendInputReply({ status: 'ok', value: 'gopher' }, msg.header);
      },
    });
    assert.equal(prompts.length, 1);
    assert.equal(prompts[0].header.msg_type, 'input_request');
    assert.equal(prompts[0].parent_header.msg_id, r.request.header.msg_id);
    assert.equal(prompts[0].content.password, false);
    checkEnvelope(prompts[0]);
    assert.equal(stdout(r), 'hello, gopher\n');

    // Without allow_stdin the read fails at once with an error that says why.
    const denied = await execute(kernel, 'var who2 string\nn, err := fmt.Scanln(&who2)\nfmt.Println(n, err)', { allowStdin: false });
    assert.equal(denied.reply.content.status, 'ok');
    assert.match(stdout(denied), /^0 stdin is not available: .*allow_stdin=false/);
  });

  it('interrupts a running cell', async () => {
    const future = kernel.requestExecute({ code: 'fmt.Println("spinning")\nfor {\n}' });
    const seen = [];
    future.onIOPub = msg => seen.push(msg);
    await waitFor(() => seen.some(m => m.header.msg_type === 'stream'), REPLY_TIMEOUT, 'the loop to start');
    await kernel.interrupt();
    const reply = await withTimeout(future.done, REPLY_TIMEOUT, 'the interrupted execute');
    assert.equal(reply.content.status, 'error');
    assert.equal(reply.content.ename, 'Interrupted');
    assert.deepEqual(seen.filter(m => m.header.msg_type === 'error').map(m => m.content.ename), ['Interrupted']);
    const r = await execute(kernel, 'x * 2');
    assert.equal(r.outputs[0].content.data['text/plain'], '82');
  });

  it('restarts and keeps serving', async () => {
    await withTimeout(kernel.restart(), REPLY_TIMEOUT, 'restart');
    await waitConnected(kernel);
    let r = await execute(kernel, 'x');
    assert.equal(r.reply.content.execution_count, 1, 'counting starts again');
    assert.equal(r.reply.content.status, 'error');
    assert.match(r.outputs[0].content.evalue, /undefined: x/);
    r = await execute(kernel, 'import "fmt"\nfmt.Println("back")\n6 * 7');
    checkRequest(kernel, r.request, r.reply, r.iopub);
    assert.equal(stdout(r), 'back\n');
    assert.equal(r.outputs.at(-1).content.data['text/plain'], '42');
  });

  it('sent only well-formed IOPub messages all session', async () => {
    assert.ok(kernel.recorded.length > 50, `${kernel.recorded.length} messages`);
    for (const m of kernel.recorded) checkEnvelope(m);
    // Every status message has a parent: JupyterLab attributes busy/idle to requests.
    const orphans = kernel.recorded.filter(m => m.header.msg_type === 'status' && !m.parent_header.msg_id && m.content.execution_state !== 'starting');
    assert.deepEqual(orphans.map(m => m.content.execution_state), []);
    await sleep(0);
  });
});
