"""The example notebooks, executed by nbclient against the real kernel.

Each notebook in examples/ must run without errors, and the outputs that
show what it demonstrates must be there.
"""

import json
import os
import tempfile

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "examples")


def execute(name, cache_dir):
    nb = nbformat.read(os.path.join(EXAMPLES, name), as_version=4)
    old = os.environ.get("GOCELL_CACHE_DIR")
    os.environ["GOCELL_CACHE_DIR"] = cache_dir
    try:
        NotebookClient(nb, kernel_name="gocell", timeout=120, resources={"metadata": {"path": EXAMPLES}}).execute()
    finally:
        if old is None:
            os.environ.pop("GOCELL_CACHE_DIR", None)
        else:
            os.environ["GOCELL_CACHE_DIR"] = old
    nbformat.validate(nb)
    return [c for c in nb.cells if c.cell_type == "code"]


def texts(cell):
    """Everything a cell shows as text: streams and text/plain of results."""
    out = []
    for o in cell.outputs:
        if o.output_type == "stream":
            out.append(o.text)
        elif "data" in o:
            out.append(o.data.get("text/plain", ""))
        elif o.output_type == "error":
            out.append("\n".join(o.traceback))
    return "".join(out)


def errors(cells):
    return [texts(c) for c in cells if any(o.output_type == "error" for o in c.outputs)]


def test_tour():
    with tempfile.TemporaryDirectory() as d:
        cells = execute("tour.ipynb", d)
    assert errors(cells) == []
    assert "Hello, Gopher!" in texts(cells[0])
    assert texts(cells[1]).strip() == "[2 3 5 7 11 13 17 19 23 29]"
    assert "the first 10 primes add up to 129" in texts(cells[2])
    assert texts(cells[3]).strip() == "21.5°C"
    assert "text/markdown" in cells[4].outputs[0].data


def test_display():
    with tempfile.TemporaryDirectory() as d:
        cells = execute("display.ipynb", d)
    assert errors(cells) == []
    mimes = [sorted(o.get("data", {})) for c in cells for o in c.outputs if "data" in o]
    for mime in ["text/html", "text/markdown", "text/latex", "application/json", "image/svg+xml", "image/png"]:
        assert any(mime in m for m in mimes), mime
    assert all("text/plain" in m for m in mimes)
    json_out = next(o for c in cells for o in c.outputs if "application/json" in o.get("data", {}))
    assert json_out.data["application/json"]["tags"] == ["go", "jupyter"]  # a JSON value, not a string
    table = next(o for c in cells for o in c.outputs if "Lagos" in o.get("data", {}).get("text/html", ""))
    assert "<th>" in table.data["text/html"] and "Population" in table.data["text/html"]
    badge = next(o for c in cells for o in c.outputs if "passing" in o.get("data", {}).get("text/html", ""))
    assert badge.data["text/plain"] == "[passing]"
    progress = next(c for c in cells if "step 1 of 3" in c.source)
    assert [o.data["text/markdown"] for o in progress.outputs] == ["**done**"]  # updated in place
    cleared = next(c for c in cells if "display.Clear()" in c.source)
    assert texts(cleared) == "only this line remains\n"


def test_caching():
    with tempfile.TemporaryDirectory() as d:
        cells = execute("caching.ipynb", d)
    assert errors(cells) == []
    # Streamlit's tutorial promise: "Cache miss" shows exactly when the
    # function ran. Each code cell's expected misses, in order.
    misses = {
        "ExpensiveComputation(2, 21)": 1,
        "ExpensiveComputation(2, 21) // a hit: this key is still cached": 0,
        "ExpensiveComputation(2, 210)": 1,
        "ExpensiveComputation(2, 21) // a hit: the first entry is back": 0,
        "Product(2, 21) // a hit": 0,
        "Product(2, 21) // a miss": 1,
        "CountAbove(data) // a miss: the global changed": 1,
        "CountAbove(data) // a hit: back to the earlier value": 0,
        "Sales(2024) // a hit: same connection, same year": 0,
        "ExpensiveComputation(2, 21) // a miss again": 1,
    }
    last_lines = [c.source.strip().splitlines()[-1].strip() for c in cells]
    for line, want in misses.items():
        cell = cells[last_lines.index(line)]
        assert texts(cell).count("Cache miss") == want, (line, texts(cell))
    first, second = cells[1], cells[2]
    assert texts(first) == "Cache miss: ExpensiveComputation(2, 21) ran\n42"
    assert texts(second) == "42"  # the hit prints nothing
    edited = next(c for c in cells if "// 👈 changed" in c.source)
    assert texts(edited).count("Cache miss") == 1 and texts(edited).strip().endswith("43")
    square = next(c for c in cells if "for i := 0; i < 5; i++" in c.source)
    assert texts(square).count("Cache miss: Square ran") == 1
    assert "ran 1 time(s)" in texts(square)
    why_square = next(c for c in cells if c.source.strip() == "%cache why Square")
    assert "calls: Square increments calls, not in the key" in texts(why_square)
    assert "mu: Square calls mu.Lock" in texts(why_square)
    stats = next(c for c in cells if c.source.strip() == "%cache stats")
    table = stats.outputs[0].data["text/html"]
    for name in ["ExpensiveComputation", "Product", "CountAbove", "Square", "LoadRows", "Connect", "Sales", "Crunch"]:
        assert name in table
    why = next(c for c in cells if c.source.strip() == "%cache why CountAbove")
    assert "global threshold changed: 0.5 → 0.7" in texts(why)
    conn = next(c for c in cells if "c1 == c2" in c.source)
    assert texts(conn).count("Opening a connection") == 1
    assert "connections opened: 1" in texts(conn) and texts(conn).strip().endswith("true")
    rows = next(c for c in cells if "LoadRows(5)  // a hit" in c.source)
    assert texts(rows).count("Cache miss") == 1 and texts(rows).strip().endswith("[0 1 4 9 16]")
    crunch = next(c for c in cells if "show_spinner" in c.source)
    assert texts(crunch).strip() == "42"
    assert not any("spinner" in json.dumps(o) for o in crunch.outputs)  # nothing left behind


def test_data():
    with tempfile.TemporaryDirectory() as d:
        cells = execute("data.ipynb", d)
    assert errors(cells) == []
    assert texts(cells[1]).strip() == "200 rows; mean y = 17.43"
    fit = next(c for c in cells if c.source.startswith("%time fit := "))
    assert "fitting 2000 bootstrap resamples" in texts(fit)
    assert "y = 1.87 + 3.13·x" in texts(fit) and "[3.03, 3.22]" in texts(fit)
    hit = next(c for c in cells if c.source.startswith("%time fit2 := "))
    assert texts(hit).strip().endswith("true")
    assert "fitting" not in texts(hit)  # a hit does not run, and its log is not replayed
    matrix = next(c for c in cells if "xtx.Mul" in c.source)
    assert "mat: intercept 1.87, slope 3.13" in texts(matrix)
    assert any("<table" in o.get("data", {}).get("text/html", "") for o in matrix.outputs)
    plot = cells[-2]
    pngs = [o.data["image/png"] for o in plot.outputs if "image/png" in o.get("data", {})]
    assert len(pngs) == 1 and len(pngs[0]) > 10000
