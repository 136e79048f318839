"""The notebook experience through a real client: display messages and
in-place updates, rich trailing values, completion, inspection, magics."""

import pytest

from gocell_client import TIMEOUT, execute, get_reply, kernel, result_text, run_ok


@pytest.fixture(scope="module")
def kc():
    with kernel() as (km, kc):
        yield kc


def test_display_functions_and_updates(kc):
    r = run_ok(kc, 'h := display.HTML("<b>one</b>")\nh.Markdown("**two**")\ndisplay.JSON([]int{1, 2})\ndisplay.Text("plain")')
    shown = r.of_type("display_data")
    updates = r.of_type("update_display_data")
    assert len(shown) == 3 and len(updates) == 1
    first = shown[0]["content"]
    assert first["data"]["text/html"] == "<b>one</b>" and "text/plain" in first["data"]
    assert first["metadata"] == {}
    display_id = first["transient"]["display_id"]
    assert updates[0]["content"]["transient"]["display_id"] == display_id
    assert updates[0]["content"]["data"]["text/markdown"] == "**two**"
    assert shown[1]["content"]["data"]["application/json"] == [1, 2]
    assert r.results == []  # a display call as the last line shows no result


def test_clear_output(kc):
    r = run_ok(kc, 'import "fmt"\nfmt.Println("before")\ndisplay.Clear()')
    assert [m["msg_type"] for m in r.outputs] == ["stream", "clear_output"]
    assert r.of_type("clear_output")[0]["content"]["wait"] is False


def test_rich_trailing_values(kc):
    run_ok(kc, 'import (\n\t"errors"\n\t"fmt"\n\t"image"\n)')
    data = run_ok(kc, "image.NewRGBA(image.Rect(0, 0, 4, 3))").results[0]["data"]
    assert "image/png" in data and "text/plain" in data
    data = run_ok(kc, 'type Row struct{ Name string; N int }\n[]Row{{"a", 1}, {"b", 2}}').results[0]["data"]
    assert "<th>" in data["text/html"] and "Name" in data["text/html"]
    data = run_ok(kc, 'map[string]int{"b": 2, "a": 1}').results[0]["data"]
    assert data["text/html"].index(">a<") < data["text/html"].index(">b<")
    assert result_text(run_ok(kc, 'errors.New("it broke")')) == "it broke"
    data = run_ok(kc, 'type Tag string\nfunc (t Tag) HTML() string { return "<i>" + string(t) + "</i>" }\nTag("x")').results[0]["data"]
    assert data["text/html"] == "<i>x</i>"


def complete(kc, code, cursor=None):
    msg_id = kc.complete(code, len(code) if cursor is None else cursor)
    return get_reply(kc, msg_id, TIMEOUT)["content"]


@pytest.mark.parametrize("code,want", [
    ("fmt.Printl", "Println"),
    ("strings.Buil", "Builder"),
    ("cfg.Po", "Port"),
    ("sb.Wr", "WriteString"),
    ("myHelp", "myHelper"),
    ("retur", "return"),
])
def test_completion(kc, code, want):
    run_ok(kc, 'import "strings"\ntype Config struct{ Port int }\ncfg := Config{Port: 80}\nvar sb strings.Builder\nfunc myHelper() {}')
    c = complete(kc, code)
    assert c["status"] == "ok" and want in c["matches"], c["matches"]
    prefix = code.rsplit(".", 1)[-1]
    assert c["cursor_end"] == len(code) and c["cursor_start"] == len(code) - len(prefix)
    types = c["metadata"]["_jupyter_types_experimental"]
    assert any(t["text"] == want and t["type"] for t in types)


def test_completion_counts_code_points(kc):
    code = 'x := "héllo" ; fmt.Printl'
    c = complete(kc, code)
    assert "Println" in c["matches"]
    assert c["cursor_end"] == len(code)  # Python len: code points, not UTF-8 bytes


def inspect(kc, code):
    msg_id = kc.inspect(code, len(code))
    return get_reply(kc, msg_id, TIMEOUT)["content"]


def test_inspection(kc):
    doc = inspect(kc, "strings.ToUpper")
    assert doc["found"] and "func ToUpper(s string) string" in doc["data"]["text/plain"]
    assert "text/markdown" in doc["data"]
    run_ok(kc, "// scale multiplies by the notebook's factor.\nfunc scale(x int) int { return x * 3 }")
    doc = inspect(kc, "scale")
    assert doc["found"] and "multiplies by the notebook" in doc["data"]["text/plain"]
    assert not inspect(kc, "noSuchName")["found"]


def test_display_handle_completes_and_inspects_as_its_public_methods(kc):
    run_ok(kc, 'h := display.HTML("<b>x</b>")')
    c = complete(kc, "h.")
    assert c["status"] == "ok"
    assert "HTML" in c["matches"] and "Markdown" in c["matches"], c["matches"]
    for internal in ("data", "id", "meta", "mu"):
        assert internal not in c["matches"], c["matches"]
    doc = inspect(kc, "h")
    text = doc["data"]["text/plain"]
    assert doc["found"] and "HTML(" in text, text
    assert "mu" not in text.split() and "sync." not in text, text


def test_magics(kc):
    r = run_ok(kc, "%help")
    help_text = r.of_type("display_data")[0]["content"]["data"]["text/plain"]
    for magic in ["%time", "%env", "%cache stats", "%cache clear", "%cache why"]:
        assert magic in help_text
    r = run_ok(kc, '%env GOCELL_EXPERIENCE=yes\nimport "os"\nos.Getenv("GOCELL_EXPERIENCE")')
    assert result_text(r) == "yes"
    r = run_ok(kc, "%time\nn := 0\nfor i := 0; i < 1000; i++ { n += i }\nn")
    assert "time: " in r.stdout and result_text(r) == "499500"
    r = execute(kc, "%frobnicate")
    assert r.status == "error" and "%help" in r.errors[0]["evalue"]


@pytest.mark.parametrize("code,status", [
    ("x := 1", "complete"),
    ("func f() {", "incomplete"),
    ("x := )", "invalid"),
    ("%cache stats", "complete"),
])
def test_is_complete(kc, code, status):
    msg_id = kc.is_complete(code)
    assert get_reply(kc, msg_id, TIMEOUT)["content"]["status"] == status
