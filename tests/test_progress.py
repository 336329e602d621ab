"""Progress of `check --prove` on stderr: drawn when stderr is a terminal (checked under a
pseudo-terminal, with the last line `N/M obligations proved`), silent under --json and when
stderr is a pipe."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

from harness import progress
from harness.cli import main

ROOT = Path(__file__).resolve().parent.parent
CANONICAL = "a,b,price\n0,0,-3\n0,1,0\n1,0,2\n"


def stderr_on_a_terminal(args: list[str]) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal and stdout on a pipe: (code, stdout, stderr)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty is 0 × 0
    proc = subprocess.Popen([sys.executable, "-m", "harness.cli", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:          # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out = proc.stdout.read().decode()
    code = proc.wait()
    os.close(master)
    return code, out, b"".join(chunks).decode(errors="replace")


def test_check_prove_shows_obligations_finishing_on_a_terminal(tmp_path):
    data = tmp_path / "c.csv"
    data.write_text(CANONICAL)
    code, out, err = stderr_on_a_terminal(["check", str(data), "--prove"])
    assert code == 0 and out.rstrip().splitlines()[-1].startswith("13/13 obligations proved")
    assert all(len(line) <= 100 for line in out.splitlines())
    assert "Z3 checks" in err and "check/s" in err


def test_check_prove_json_prints_no_progress_even_on_a_terminal(tmp_path):
    data = tmp_path / "c.csv"
    data.write_text(CANONICAL)
    code, out, err = stderr_on_a_terminal(["check", str(data), "--prove", "--json"])
    assert code == 0 and out.startswith("{") and err == ""


def test_check_prove_prints_no_progress_when_stderr_is_a_pipe(tmp_path, capsys):
    data = tmp_path / "c.csv"
    data.write_text(CANONICAL)
    assert main(["check", str(data), "--prove"]) == 0
    assert capsys.readouterr().err == ""


def test_progress_handle_advances_only_when_shown(monkeypatch):
    monkeypatch.setattr(progress, "shown", lambda: False)
    with progress.progress(total=3, description="x") as bar:
        bar.advance(2)                               # no bar: a no-op, no output
    assert bar._bar is None
