"""The progress bar: on a terminal (a pseudo-terminal here), never in a pipe unless forced."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _corpus(tmp_path: Path, n: int = 8) -> Path:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"Le maire a dit que le projet {i} avance."}) + "\n"
                           for i in range(n)), encoding="utf-8")
    return src


def _run(args: list[str], *, tty: bool, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Run mtlint with standard error on a pseudo-terminal (tty) or a pipe; (exit code, stdout, stderr)."""
    environ = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    environ.update(env or {}, PYTHONPATH=str(ROOT), TERM="xterm", COLUMNS="100")
    cmd = [sys.executable, "-m", "checker", "check", *args]
    if not tty:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=environ, timeout=120)
        return proc.returncode, proc.stdout, proc.stderr
    primary, secondary = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=secondary, env=environ)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out = proc.stdout.read().decode() if proc.stdout else ""
    proc.wait(timeout=120)
    os.close(primary)
    return proc.returncode, out, b"".join(chunks).decode(errors="replace")


def test_bar_on_a_terminal(tmp_path: Path) -> None:
    code, out, err = _run(["--records", str(_corpus(tmp_path)), "--format", "jsonl", "--lang", "fr"], tty=True)
    assert code in (0, 1)
    assert "8/8" in err and "records" in err and "100%" in err  # count, unit and total
    assert "records/s" in err or "s/ records" in err or "it/s" in err  # a rate
    assert "\r" in err
    assert "\r" not in out and len(out.splitlines()) == 9  # the report on stdout is untouched


def test_no_bar_in_a_pipe(tmp_path: Path) -> None:
    code, out, err = _run(["--records", str(_corpus(tmp_path)), "--format", "jsonl", "--lang", "fr"], tty=False)
    assert code in (0, 1) and err == ""


def test_no_bar_in_ci_even_on_a_terminal(tmp_path: Path) -> None:
    _, _, err = _run(["--records", str(_corpus(tmp_path)), "--format", "jsonl", "--lang", "fr"], tty=True,
                     env={"CI": "true"})
    assert "records" not in err


def test_flags_force_it(tmp_path: Path) -> None:
    src = _corpus(tmp_path)
    _, _, err = _run(["--records", str(src), "--format", "jsonl", "--lang", "fr", "--progress"], tty=False)
    assert "8/8" in err
    _, _, err = _run(["--records", str(src), "--format", "jsonl", "--lang", "fr", "--no-progress"], tty=True)
    assert "8/8" not in err and "records" not in err


def test_bar_for_files(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text("Le maire a dit que le projet avance bien.\n", encoding="utf-8")
    code, out, err = _run([str(tmp_path), "--lang", "fr"], tty=True)
    assert "3 files" in err or "3files" in err.replace(" ", "")
