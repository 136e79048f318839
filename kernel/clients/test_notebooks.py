"""Whole notebooks: examples/tour.ipynb run by nbclient, by
`jupyter nbconvert --execute`, and by `gocell run`; and a notebook with a
failing cell."""

import os
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOUR = os.path.join(REPO_ROOT, "examples", "tour.ipynb")
RUN_TIMEOUT = 300

PRIMES = "[2 3 5 7 11 13 17 19 23 29]"


def find_cell(nb, needle):
    cells = [c for c in nb.cells if c.cell_type == "code" and needle in c.source]
    assert len(cells) == 1, f"expected one code cell containing {needle!r}, found {len(cells)}"
    return cells[0]


def text(value):
    return "".join(value) if isinstance(value, list) else value


def stream_text(cell, name="stdout"):
    return "".join(text(o["text"]) for o in cell.outputs if o["output_type"] == "stream" and o["name"] == name)


def results(cell):
    return [text(o["data"]["text/plain"]) for o in cell.outputs if o["output_type"] == "execute_result"]


def check_tour(nb):
    """The outputs the tour is meant to show."""
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            errors = [o for o in cell.outputs if o["output_type"] == "error"]
            assert not errors, f"cell failed:\n{cell.source}\n{errors}"
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code_cells]
    assert counts == list(range(1, len(code_cells) + 1)), counts

    greet = find_cell(nb, 'Greet("gopher")')
    assert "Hello, Gopher!" in stream_text(greet)

    primes = find_cell(nb, "primes := []int{}")
    assert results(primes) == [PRIMES]
    assert [o["execution_count"] for o in primes.outputs if o["output_type"] == "execute_result"] == [primes.execution_count]

    total = find_cell(nb, "sum * 2")
    assert "the first 10 primes add up to 129" in stream_text(total)
    assert results(total) == ["258"]
    kinds = [o["output_type"] for o in total.outputs]
    assert kinds.index("stream") < kinds.index("execute_result"), kinds

    celsius = find_cell(nb, "Celsius(21.5)")
    assert results(celsius) == ["21.5°C"]

    md = find_cell(nb, "display.Markdown(")
    displays = [o for o in md.outputs if o["output_type"] == "display_data"]
    assert len(displays) == 1, md.outputs
    assert "**Rich output**" in text(displays[0]["data"]["text/markdown"])
    assert "text/plain" in displays[0]["data"]


def failing_notebook():
    nb = new_notebook(
        cells=[
            new_markdown_cell("A notebook whose second code cell fails."),
            new_code_cell('import "fmt"\nfmt.Println("first ran")'),
            new_code_cell('panic("deliberate failure")'),
            new_code_cell('fmt.Println("after ran")'),
        ],
        metadata={
            "kernelspec": {"name": "gocell", "display_name": "Go (gocell)", "language": "go"},
            "language_info": {"name": "go", "file_extension": ".go"},
        },
    )
    nbformat.validate(nb)
    return nb


# ------------------------------------------------------------------ nbclient


def test_tour_with_nbclient(tmp_path):
    nb = nbformat.read(TOUR, as_version=4)
    client = NotebookClient(nb, kernel_name="gocell", timeout=RUN_TIMEOUT, startup_timeout=120,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    check_tour(nb)


def test_failing_cell_with_nbclient(tmp_path):
    nb = failing_notebook()
    client = NotebookClient(nb, kernel_name="gocell", timeout=RUN_TIMEOUT, startup_timeout=120,
                            resources={"metadata": {"path": str(tmp_path)}})
    with pytest.raises(CellExecutionError) as info:
        client.execute()
    assert "deliberate failure" in str(info.value)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "first ran" in stream_text(code[0])
    assert code[2].outputs == []


# ------------------------------------------------------------------ nbconvert


def test_tour_with_nbconvert(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
         "--ExecutePreprocessor.kernel_name=gocell", f"--ExecutePreprocessor.timeout={RUN_TIMEOUT}",
         "--output-dir", str(tmp_path), "--output", "tour_out", TOUR],
        capture_output=True, text=True, timeout=RUN_TIMEOUT + 60, cwd=str(tmp_path),
    )
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "tour_out.ipynb"
    assert out.exists(), proc.stderr
    check_tour(nbformat.read(str(out), as_version=4))


# ------------------------------------------------------------------ gocell run


def gocell_run(binary, *args, cwd=None):
    return subprocess.run([binary, "run", *args], capture_output=True, text=True,
                          timeout=RUN_TIMEOUT, cwd=cwd)


def test_tour_with_gocell_run(gocell_bin, tmp_path):
    out = tmp_path / "out.ipynb"
    proc = gocell_run(gocell_bin, TOUR, "-o", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for expected in ("Hello, Gopher!", PRIMES, "the first 10 primes add up to 129", "258", "21.5°C"):
        assert expected in proc.stdout, f"{expected!r} missing from:\n{proc.stdout}"
    nb = nbformat.read(str(out), as_version=4)
    assert nb.nbformat == 4
    check_tour(nb)
    # The input notebook is left as it was.
    assert nbformat.read(TOUR, as_version=4).cells[1].outputs == []


def test_gocell_run_relative_output(gocell_bin, tmp_path):
    proc = gocell_run(gocell_bin, TOUR, "-o", "rel.ipynb", cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    check_tour(nbformat.read(str(tmp_path / "rel.ipynb"), as_version=4))


def test_gocell_run_stops_at_failing_cell(gocell_bin, tmp_path):
    src = tmp_path / "failing.ipynb"
    nbformat.write(failing_notebook(), str(src))
    out = tmp_path / "failing_out.ipynb"
    proc = gocell_run(gocell_bin, str(src), "-o", str(out))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "first ran" in proc.stdout
    assert "deliberate failure" in proc.stdout + proc.stderr
    assert "after ran" not in proc.stdout
    nb = nbformat.read(str(out), as_version=4)
    nbformat.validate(nb)
    first, failed, after = [c for c in nb.cells if c.cell_type == "code"]
    assert "first ran" in stream_text(first)
    errors = [o for o in failed.outputs if o["output_type"] == "error"]
    assert len(errors) == 1 and errors[0]["evalue"] == "deliberate failure", failed.outputs
    assert after.execution_count is None
    assert after.outputs == []


def test_gocell_run_continue_on_error(gocell_bin, tmp_path):
    src = tmp_path / "failing.ipynb"
    nbformat.write(failing_notebook(), str(src))
    proc = gocell_run(gocell_bin, str(src), "--continue-on-error")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "first ran" in proc.stdout
    assert "after ran" in proc.stdout


def test_gocell_run_rejects_non_notebook(gocell_bin, tmp_path):
    bad = tmp_path / "bad.ipynb"
    bad.write_text("this is not json")
    proc = gocell_run(gocell_bin, str(bad))
    assert proc.returncode != 0
    assert "bad.ipynb" in proc.stderr
