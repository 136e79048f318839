"""The example notebooks, executed by nbclient against the real kernel.

Each notebook in examples/ must run without errors, and the outputs that
show what it demonstrates must be there.
"""

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
    by_source = {c.source.splitlines()[-1].strip(): c for c in cells if c.source.strip()}
    first, second = cells[1], cells[2]
    assert "Cache miss" in texts(first) and texts(first).strip().endswith("42")
    # The hit replays the miss's printed line, and its replayed outputs are marked.
    assert texts(second) == texts(first)
    stats = next(c for c in cells if c.source.strip() == "%cache stats")
    table = stats.outputs[0].data["text/html"]
    for name in ["ExpensiveComputation", "Scaled", "CountAbove", "LoadRows", "Connect", "Crunch"]:
        assert name in table
    why = next(c for c in cells if c.source.startswith("%cache why"))
    assert "threshold" in texts(why)
    conn = next(c for c in cells if "c1 == c2" in c.source)
    assert texts(conn).strip().endswith("true")
    rows = next(c for c in cells if "LoadRows(5)  // a hit" in c.source)
    assert texts(rows).strip().endswith("[0 1 4 9 16]")
    assert by_source  # every cell ran


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
    matrix = next(c for c in cells if "xtx.Mul" in c.source)
    assert "mat: intercept 1.87, slope 3.13" in texts(matrix)
    assert any("<table" in o.get("data", {}).get("text/html", "") for o in matrix.outputs)
    plot = cells[-2]
    pngs = [o.data["image/png"] for o in plot.outputs if "image/png" in o.get("data", {})]
    assert len(pngs) == 1 and len(pngs[0]) > 10000
