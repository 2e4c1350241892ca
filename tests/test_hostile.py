"""Hostile input and unlucky file systems: one error line per bad file, never a traceback.

Each case names the file (and the key, for configuration), exits 2, and still checks
and reports every other file; the sequential and parallel paths give the same report.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main
from conftest import ROOT, run_cli

GOOD = "Le conseil municipal a voté le budget mardi soir.\n"


def _run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    proc = run_cli(*args, cwd=cwd)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def _files(out: str) -> dict[str, dict]:
    return {Path(f["path"]).name: f for f in json.loads(out)["files"]}


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err, err
    for line in err.splitlines():
        assert line.startswith("mtlint:"), line


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_symlink_loop_is_an_error_entry(tmp_path: Path, good: Path, jobs: str) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    code, out, err = _run("check", "--format", "json", "--lang", "fr", "-j", jobs, str(loop), str(good))
    _no_traceback(err)
    files = _files(out)
    assert code == 2 and "loop.txt" in err
    assert files["loop.txt"]["error"] is not None
    assert files["good.txt"]["error"] is None


@pytest.mark.parametrize("first", [True, False])
def test_name_too_long_is_an_error_entry(tmp_path: Path, good: Path, first: bool) -> None:
    long = str(tmp_path / ("é" * 200 + ".txt"))  # 400 bytes: over the 255-byte limit of a name
    args = [long, str(good)] if first else [str(good), long]
    code, out, err = _run("check", "--format", "json", "--lang", "fr", *args)
    _no_traceback(err)
    assert code == 2 and "too long" in err
    assert _files(out)["good.txt"]["error"] is None


def test_name_too_long_in_files_from(tmp_path: Path, good: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(str(tmp_path / ("x" * 300 + ".txt")) + "\n" + str(good) + "\n", encoding="utf-8")
    code, out, err = _run("check", "--format", "json", "--lang", "fr", "--files-from", str(listing))
    _no_traceback(err)
    assert code == 2 and _files(out)["good.txt"]["error"] is None


def test_fifo_given_by_name_is_refused_not_read(tmp_path: Path, good: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--lang", "fr",
                           str(fifo), str(good)], capture_output=True, text=True, timeout=60, cwd=ROOT)
    _no_traceback(proc.stderr)
    files = _files(proc.stdout)
    assert proc.returncode == 2 and "not a regular file" in files["pipe.txt"]["error"]["message"]
    assert files["good.txt"]["error"] is None


def test_file_deleted_after_discovery_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(GOOD, encoding="utf-8")
    import checker.runner

    original = checker.runner.Runner.check_target

    def deleting(self, target):  # noqa: ANN001, ANN202
        if target.path is not None and target.path.name == "a.txt":
            (folder / "b.txt").unlink()
        return original(self, target)

    monkeypatch.setattr(checker.runner.Runner, "check_target", deleting)
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--format", "json", "--lang", "fr", str(folder)], out, err)
    files = _files(out.getvalue())
    assert code == 2 and set(files) == {"a.txt", "b.txt"}
    assert files["b.txt"]["error"]["code"] == "missing"


def test_nul_after_the_first_8_kb_is_binary(tmp_path: Path, good: Path) -> None:
    late = tmp_path / "late.txt"
    late.write_bytes(("Un texte ordinaire. " * 600).encode() + b"\x00" + b"fin")
    code, out, err = _run("check", "--format", "json", "--lang", "fr", str(late), str(good))
    assert code == 2 and _files(out)["late.txt"]["error"]["code"] == "binary"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    data = GOOD.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    code, out, err = _run("check", "--format", "json", "--lang", "fr", str(path))
    assert code == 0, err
    assert _files(out)["wide.txt"]["words"] > 5


def test_fix_refuses_to_rewrite_a_utf16_file(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    data = "Le  maire a parlé.\n".encode("utf-16")
    path.write_bytes(data)
    code, _, err = _run("check", "--fix", "--lang", "fr", str(path))
    assert code == 2 and "UTF-8" in err
    assert path.read_bytes() == data


@pytest.mark.parametrize(("content", "key"), [
    ("tool = 3\n", "tool"),
    ('[tool]\nmtlint = "x"\n', "tool.mtlint"),
    ("[tool.mtlint]\nweights = { major = nan }\n", "weights.major"),
    ("[tool.mtlint]\nweights = { minor = inf }\n", "weights.minor"),
    ('[tool.mtlint]\nseverity = { MT999 = "info" }\n', "severity.MT999"),
    ("[tool.mtlint]\ninclude = []\n", "include"),
    ("[tool.mtlint]\ntimeout = -1\n", "timeout"),
    ("[tool.mtlint]\nworker-memory = -1\n", "worker-memory"),
    ("[tool.mtlint]\nworker-memory = 1.5\n", "worker-memory"),
])
def test_bad_configuration_names_file_and_key(tmp_path: Path, good: Path, content: str, key: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(content, encoding="utf-8")
    code, _, err = _run("check", "--config", str(config), str(good))
    _no_traceback(err)
    assert code == 2 and str(config) in err and key in err, err


def test_config_that_is_not_utf8(tmp_path: Path, good: Path) -> None:
    config = tmp_path / ".mtlint.toml"
    config.write_bytes('lang = "fr" # é\n'.encode("latin-1"))
    code, _, err = _run("check", "--config", str(config), str(good))
    _no_traceback(err)
    assert code == 2 and "UTF-8" in err


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_full_disk_on_standard_output(good: Path, fmt: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", fmt, "--lang", "fr", str(good)],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, cwd=ROOT)
    _no_traceback(proc.stderr)
    assert proc.returncode == 2 and "space" in proc.stderr.lower()


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_output_file_is_renamed_only_when_complete(tmp_path: Path, good: Path, fmt: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.out"
    target.write_text("previous report\n", encoding="utf-8")
    import checker.cli

    real = checker.cli._output_file

    def failing(name: str):  # noqa: ANN202
        class Broken(io.StringIO):
            def write(self, s: str) -> int:
                raise OSError(28, "No space left on device")

        import contextlib

        @contextlib.contextmanager
        def ctx():  # noqa: ANN202
            with real(name) as fh:
                del fh
                yield Broken()

        return ctx()

    monkeypatch.setattr(checker.cli, "_output_file", failing)
    err = io.StringIO()
    code = main(["check", "--format", fmt, "--lang", "fr", "-o", str(target), str(good)], io.StringIO(), err)
    assert code == 2 and "space" in err.getvalue().lower()
    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_fix_in_an_unwritable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Le  maire a parlé.\n", encoding="utf-8")
    import checker.fix

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    # The fix's temporary file cannot be created (as root, a mode would not stop it).
    monkeypatch.setattr(checker.fix, "make_temp", refuse)
    err = io.StringIO()
    code = main(["check", "--fix", "--lang", "fr", str(path)], io.StringIO(), err)
    assert code == 2 and "Permission denied" in err.getvalue() and "a.txt" in err.getvalue()
    assert path.read_text(encoding="utf-8") == "Le  maire a parlé.\n"


def test_fix_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("Le  maire a parlé.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    code, _, err = _run("check", "--fix", "--lang", "fr", "--select", "MT2", str(link))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "Le maire a parlé.\n", err


def test_fix_keeps_hard_links_mode_and_cleans_leftovers(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Le  maire a parlé.\n", encoding="utf-8")
    os.chmod(path, 0o640)
    twin = tmp_path / "twin.txt"
    os.link(path, twin)
    leftover = tmp_path / ".a.txt.abc123.mtlint-fix"
    leftover.write_text("half", encoding="utf-8")
    code, _, err = _run("check", "--fix", "--lang", "fr", "--select", "MT2", str(path))
    assert twin.read_text(encoding="utf-8") == "Le maire a parlé.\n"
    assert os.stat(path).st_ino == os.stat(twin).st_ino
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert not leftover.exists() and "mtlint-fix" in err


def test_exponential_house_pattern_times_out_and_is_turned_off(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "pack.toml").write_text('lang = "*"\nversion = "1"\n', encoding="utf-8")
    (pack / "slow-pattern.toml").write_text(
        'code = "HX901"\nname = "slow-pattern"\ncategory = "grammar"\nseverity = "minor"\n'
        'kind = "style-mix"\nmessage = "m"\nwhy = "w"\n'
        '[params]\npattern = "(?P<mark>(a|aa)+)+b"\nvariants = ["a", "aa"]\n'
        '[[examples]]\nbad = "[[ab]] a a a a a a a a a a aa"\n[[examples]]\ngood = "nothing here"\n',
        encoding="utf-8",
    )
    files = []
    for i in range(4):
        path = tmp_path / f"f{i}.txt"
        path.write_text("a" * 40 + " aa " + "a" * 40 + "\n", encoding="utf-8")
        files.append(str(path))
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--rules", str(pack), "--select", "HX901", "--timeout", "0",
                           "--lang", "fr", *files], capture_output=True, text=True, timeout=600, cwd=ROOT)
    _no_traceback(proc.stderr)
    timed_out = [line for line in proc.stderr.splitlines() if "timed out" in line]
    assert len(timed_out) == 3 and "turned off" in timed_out[-1]


def test_per_file_time_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, good: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text(GOOD, encoding="utf-8")
    import time

    import checker.engine

    original = checker.engine.Engine.check

    def dawdle(self, doc):  # noqa: ANN001, ANN202
        if doc.path.endswith("slow.txt"):
            self.running = "MT999"
            time.sleep(120)
        return original(self, doc)

    monkeypatch.setattr(checker.engine.Engine, "check", dawdle)
    out, err = io.StringIO(), io.StringIO()
    # The good file goes first and pays the one-off loading of rules and word lists, well
    # inside its budget even on a loaded machine; the slow one would take two minutes.
    code = main(["check", "--format", "json", "--lang", "fr", "--timeout", "20", str(good), str(slow)], out, err)
    files = _files(out.getvalue())
    assert code == 2 and files["slow.txt"]["error"]["code"] == "timeout"
    assert "MT999" in files["slow.txt"]["error"]["message"]
    assert files["good.txt"]["error"] is None


def test_readme_precommit_revision_is_a_tag() -> None:
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev:\s*(\S+)", readme, flags=re.M)
    assert revs, "the README shows a pre-commit snippet with a rev"
    tags = subprocess.run(["git", "tag", "--list"], capture_output=True, text=True, cwd=ROOT, check=False).stdout.split()
    if not tags:
        pytest.skip("this checkout has no tags (a shallow or tag-less clone)")
    assert set(revs) <= set(tags), f"README revisions {revs} are not tags ({tags})"


def test_sequential_and_parallel_reports_are_identical(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b-binary.txt").write_bytes(b"abc\x00def")
    (folder / "c-latin1.txt").write_bytes("Un été très chaud.\n".encode("latin-1"))
    (folder / "d-utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "e-loop.txt").symlink_to(folder / "e-loop.txt")
    (folder / "f-dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "g-spaces.txt").write_text("Fin." + " " * 50_000 + "\nSuite.\n", encoding="utf-8")
    os.mkfifo(folder / "h-pipe.txt")
    reports = {}
    for jobs in ("1", "2"):
        code, out, err = _run("check", "--format", "json", "--lang", "fr", "-j", jobs, str(folder),
                              str(folder / "h-pipe.txt"))
        _no_traceback(err)
        reports[jobs] = (code, json.loads(out)["files"])
    assert reports["1"] == reports["2"]
    code, files = reports["1"]
    by_name = {Path(f["path"]).name: f for f in files}
    assert code == 2
    assert by_name["a-good.txt"]["error"] is None and by_name["g-spaces.txt"]["error"] is None
    assert by_name["d-utf16.txt"]["error"] is None
    for name in ("b-binary.txt", "c-latin1.txt", "f-dangling.txt", "h-pipe.txt"):
        assert by_name[name]["error"] is not None, name


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("Lâ\x80\x99économie résiste et le cafÃ© aussi.\n".replace("é", "Ã©", 1), "L’économie résiste et le café aussi.\n"),
    ("Selon lâ€™usine, le ThÃ©Ã¢tre rouvre.\n", "Selon l’usine, le Théâtre rouvre.\n"),
    ("Le cafÃƒÂ© encodé deux fois.\n", "Le café encodé deux fois.\n"),
    ("Itâ€™s a cafÃ© in SÃ£o Paulo.\n", "It’s a café in São Paulo.\n"),
])
def test_fix_repairs_mojibake_with_ftfy(tmp_path: Path, damaged: str, repaired: str) -> None:
    # Latin-1 (C1 controls), Windows-1252 and double-encoded text: the fix is ftfy's, whole.
    path = tmp_path / "a.txt"
    path.write_text(damaged, encoding="utf-8")
    code, _, err = _run("check", "--fix", "--select", "MT231", "--lang", "fr", str(path))
    assert path.read_text(encoding="utf-8") == repaired, err


def test_fix_keeps_the_owner(tmp_path: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("changing a file's owner needs root")
    path = tmp_path / "a.txt"
    path.write_text("Le  maire a parlé.\n", encoding="utf-8")
    os.chown(path, 65534, 65534)
    code, _, err = _run("check", "--fix", "--lang", "fr", "--select", "MT2", str(path))
    assert path.read_text(encoding="utf-8") == "Le maire a parlé.\n", err
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (65534, 65534)
