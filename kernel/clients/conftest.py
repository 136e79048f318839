"""Shared setup for gocell's real-client tests.

A session-scoped fixture builds the gocell binary (or uses $GOCELL_BIN),
installs its kernelspec under a temporary prefix, and points JUPYTER_PATH
there so that every Jupyter client finds the kernel "gocell" without
touching the home directory's kernelspecs.
"""

import os
import shutil
import subprocess
import sys
import tempfile

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))  # kernel/clients -> repo root

sys.path.insert(0, HERE)

os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def _build(tmp):
    binary = os.environ.get("GOCELL_BIN")
    if binary:
        binary = os.path.abspath(binary)
        if not os.access(binary, os.X_OK):
            pytest.exit(f"GOCELL_BIN={binary} is not an executable file", returncode=2)
        return binary
    binary = os.path.join(tmp, "gocell")
    proc = subprocess.run(
        ["go", "build", "-o", binary, "."],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        pytest.exit(
            "building gocell failed:\n" + proc.stdout + proc.stderr, returncode=2
        )
    return binary


@pytest.fixture(scope="session", autouse=True)
def gocell_install():
    """Build (or locate) gocell and install its kernelspec in a temp prefix.

    Returns a dict with "bin" (the binary), "prefix", "jupyter_path" and
    "tmp". Connection files are written under a temporary JUPYTER_RUNTIME_DIR.
    Autouse, so JUPYTER_PATH is set before any client (including the
    unittest-style KernelTests' setUpClass) starts a kernel.
    """
    tmp = tempfile.mkdtemp(prefix="gocell-clients-")
    old_env = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "JUPYTER_RUNTIME_DIR", "GOCELL_TEST_BIN")}
    try:
        binary = _build(tmp)
        prefix = os.path.join(tmp, "prefix")
        proc = subprocess.run(
            [binary, "install", "--prefix", prefix],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if proc.returncode != 0:
            pytest.exit("gocell install failed:\n" + proc.stdout + proc.stderr, returncode=2)
        jupyter_path = os.path.join(prefix, "share", "jupyter")
        if not os.path.isfile(os.path.join(jupyter_path, "kernels", "gocell", "kernel.json")):
            pytest.exit(f"gocell install did not create a kernelspec under {jupyter_path}", returncode=2)
        os.environ["JUPYTER_PATH"] = jupyter_path
        # Connection files go here too, not to ~/.local/share/jupyter/runtime.
        runtime = os.path.join(tmp, "runtime")
        os.makedirs(runtime, exist_ok=True)
        os.environ["JUPYTER_RUNTIME_DIR"] = runtime
        os.environ["GOCELL_TEST_BIN"] = binary
        yield {"bin": binary, "prefix": prefix, "jupyter_path": jupyter_path, "tmp": tmp}
    finally:
        for k, v in old_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def gocell_bin(gocell_install):
    return gocell_install["bin"]


@pytest.fixture(scope="session")
def repo_root():
    return REPO_ROOT
