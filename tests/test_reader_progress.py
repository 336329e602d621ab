"""Progress while reading shows on a terminal only, and Ctrl-C ends `check` with exit 130 and
one line. `check` runs in a pseudo-terminal (the pty module), as a person would see it."""

import os
import pty
import random
import select
import signal
import subprocess
import sys
import threading
from pathlib import Path

BIN = Path(sys.executable).parent / "bnproof"


def _big_csv(tmp_path):
    rng = random.Random(9)
    body = "".join(",".join(str(rng.randint(-99, 99)) for _ in range(5)) + "\n"
                   for _ in range(200_000))
    path = tmp_path / "big.csv"
    path.write_text("a,b,c,d,y\n" + body)       # 2·10^5 rows (3.4 MB)
    return path


def _endless_rows(stdin):
    """Write a CSV header and then rows to `stdin` until the reader goes away: a file that
    cannot be read to its end before Ctrl-C arrives, however loaded the machine is."""
    try:
        stdin.write(b"a,b,c,d,y\n")
        block = b"".join(b"%d,%d,%d,%d,%d\n" % (i % 7, i % 11, i % 13, i % 17, i % 19)
                         for i in range(100_000))
        while True:
            stdin.write(block)
    except (BrokenPipeError, ValueError, OSError):
        pass


def _in_terminal(args, interrupt_on=None, endless_stdin=False):
    """(exit code, everything the terminal showed) of bnproof run with a pty as stdout/stderr;
    Ctrl-C (SIGINT) as soon as the terminal shows `interrupt_on`; `endless_stdin`: standard
    input is an endless CSV (_endless_rows)."""
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([str(BIN), *args],
                            stdin=subprocess.PIPE if endless_stdin else subprocess.DEVNULL,
                            stdout=terminal, stderr=terminal, close_fds=True)
    os.close(terminal)
    if endless_stdin:
        threading.Thread(target=_endless_rows, args=(proc.stdin,), daemon=True).start()
    shown = b""
    while True:
        if interrupt_on is not None and interrupt_on.encode() in shown:
            proc.send_signal(signal.SIGINT)
            interrupt_on = None
        ready, _, _ = select.select([controller], [], [], 0.1)
        if ready:
            try:
                data = os.read(controller, 65536)
            except OSError:
                break
            if not data:
                break
            shown += data
        elif proc.poll() is not None:
            break
    os.close(controller)
    return proc.wait(timeout=60), shown.decode(errors="replace")


def test_progress_shows_rows_read_on_a_terminal_and_nothing_under_json(tmp_path):
    path = _big_csv(tmp_path)
    code, shown = _in_terminal(["check", str(path)])
    assert code == 0 and "rows read" in shown and "reading" in shown, shown[-500:]
    assert "verdict: (L4.5)" in shown
    code, shown = _in_terminal(["check", str(path), "--json"])
    assert code == 0 and "rows read" not in shown and "reading" not in shown
    assert shown.lstrip().startswith("{")


def test_no_progress_when_standard_error_is_piped(tmp_path):
    path = tmp_path / "small.csv"
    path.write_text("a,b,y\n0,0,-3\n0,1,0\n1,0,2\n")
    done = subprocess.run([str(BIN), "check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""


def test_ctrl_c_exits_130_with_one_line_and_no_traceback():
    code, shown = _in_terminal(["check", "-"], interrupt_on="rows read", endless_stdin=True)
    assert code == 130, shown[-500:]
    assert "bnproof: interrupted" in shown and "Traceback" not in shown
