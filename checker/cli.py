"""The command line: ``mtlint check``, ``mtlint rules``, ``mtlint explain``.

This is the only module that prints or exits. Library errors become one-line
messages on stderr; exit codes follow the public contract.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from checker._version import __version__
from checker.errors import ConfigError, MtlintError, RulePackError, UsageError
from checker.files import Target
from checker.finding import Severity

if TYPE_CHECKING:  # pragma: no cover
    from checker.config import Config
    from checker.linter import Linter
    from checker.options import RunOptions
    from checker.report import RunReport

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns`` without importing ``shutil`` (which imports the
    bz2 and lzma modules: 2-7 ms of every run, for argparse to learn the width of its help)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, told the terminal's width (``_terminal_columns``): a parser makes
    one at every ``add_argument``, and left to find the width itself it imports ``shutil``."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of exiting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _severity(value: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _number(value: str, cast: Callable[[str], Any], ok: Callable[[Any], bool], why: str) -> Any:
    """Parse an option's number with `cast`; `why` is the error when `ok` rejects it."""
    try:
        x = cast(value)
    except ValueError:
        kind = "whole number" if cast is int else "number"
        raise argparse.ArgumentTypeError(f"not a {kind}: {value!r}") from None
    if not ok(x):
        raise argparse.ArgumentTypeError(why)
    return x


def _score(value: str) -> float:
    return float(_number(value, float, lambda x: 0 <= x <= 100, "must be between 0 and 100"))


def _seconds(value: str) -> float:
    return float(_number(value, float, lambda x: x >= 0 and x != float("inf"),
                         "must be a number of seconds, 0 or more"))


def _mebibytes(value: str) -> int:
    return int(_number(value, int, lambda n: n >= 0, "must be a whole number of MiB, 0 or more"))


def _jobs(value: str) -> int:
    return int(_number(value, int, lambda n: n >= 0, "must be 0 (one per CPU) or more"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the documentation test)."""
    parser = _Parser(prog="mtlint", description="Lint machine-translated and scraped news articles.")
    parser.add_argument("--version", action="version", version=f"mtlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check articles and report findings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, directories (searched recursively) or - for stdin")
    check.add_argument("--lang", help="language of the articles (fr, fr-FR, French, français…); default: configuration, else detected")
    check.add_argument("--format", "--output-format", dest="format", choices=("text", "json", "github", "jsonl", "html", "full", "sarif"), default="text", help="output format (default: text; github: GitHub Actions annotations; jsonl: one JSON line per file, streamed; html: a self-contained page for editors; full: text with the source line and the span underlined; sarif: SARIF 2.1.0 for code scanning)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--select", action="append", metavar="RULES", help="only these rules: codes, code prefixes (MT1), names or categories, comma-separated")
    check.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules (same forms as --select)")
    check.add_argument("--min-severity", type=_severity, metavar="SEVERITY", help="hide findings below this severity (default: info)")
    check.add_argument("--fail-on", type=_severity, metavar="SEVERITY", help="exit 1 when a finding has this severity or worse (default: minor)")
    check.add_argument("--fail-under", type=_score, metavar="SCORE", help="exit 1 when a file scores below SCORE (0-100)")
    check.add_argument("--config", metavar="FILE", help="configuration file (default: .mtlint.toml or pyproject.toml found upwards)")
    check.add_argument("--rules", action="append", metavar="DIR", help="extra rule pack directory (repeatable)")
    check.add_argument("--include", action="append", metavar="GLOB", help="files to check in directories, as gitignore patterns (default: *.txt, *.md)")
    check.add_argument("--exclude", action="append", metavar="GLOB", help="paths to skip in directories, as gitignore patterns (/archive, drafts/, **/tmp/*.md, !keep.md)")
    check.add_argument("--reference", metavar="REF", help="a human or post-edited translation of the (single) checked file")
    check.add_argument("--reference-dir", metavar="DIR", help="references for many files, at the same relative paths")
    check.add_argument("--source", metavar="SRC", help="the original text the (single) checked file translates")
    check.add_argument("--source-dir", metavar="DIR", help="sources for many files, at the same relative paths")
    check.add_argument("--source-lang", metavar="LANG", help="language of the source (default: detected)")
    check.add_argument("--no-color", action="store_true", help="never colour the output")
    check.add_argument("--quiet", "-q", action="store_true", help="print nothing; only the exit code tells")
    check.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N", help="check files in N worker processes (default 1; 0: one per CPU)")
    check.add_argument("--files-from", metavar="FILE", help="also check the paths listed in FILE, one per line (- for standard input)")
    check.add_argument("--no-inline-config", action="store_true", help="ignore <!-- mtlint-disable … --> comments in articles")
    check.add_argument("--fix", action="store_true", help="apply the safe fixes (autofix rules) to the files, then report what remains")
    check.add_argument("--profile", action="store_true", help="print where the time went (per phase and per rule) on standard error; also MTLINT_PROFILE=1")
    check.add_argument("--timeout", type=_seconds, metavar="SECONDS", help="time one file may take before it becomes an error entry (default 30; 0: no limit)")
    check.add_argument("--worker-memory", type=_mebibytes, metavar="MIB", help="MiB a checking process may grow over many files before a fresh copy replaces it (default 16; 0: never, and one job stays in the main process)")
    check.add_argument("--stdin-filename", metavar="PATH", help="treat standard input (-) as this path: its name in the report, Markdown by suffix, configuration and per-path overrides (nothing is read from PATH)")
    check.add_argument("--add-word", action="append", metavar="WORD", help="append WORD (a word, a name or a /regex/) to the project's accept list (.mtlint/vocab/accept.txt beside the configuration, or the first vocab directory it names); repeatable; with no PATH, only adds")
    check.add_argument("--message-lang", metavar="LANG", help="language of messages and explanations (fr, en, auto; default: the configuration's message-lang, else each article's language, else English)")
    check.add_argument("--diff", action="store_true", help="print the diff --fix would apply; write nothing (exit 1 if there is one)")
    check.add_argument("--records", action="append", metavar="FILE", help="check each record of a JSON Lines (or Parquet) FILE as an article (repeatable)")
    check.add_argument("--text-field", default="text", metavar="NAME", help="record field holding the text (default: text)")
    check.add_argument("--id-field", default="id", metavar="NAME", help="record field holding the id (default: id)")
    check.add_argument("--lang-field", default="lang", metavar="NAME", help="record field holding the language (default: lang)")
    check.add_argument("--path-field", metavar="NAME", help="record field holding a path (Markdown when it ends in .md; default: none)")
    check.add_argument("--resume", action="store_true", help="with --format jsonl -o OUT: skip the records (or files with the same path and content) already in OUT and append the others")
    check.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="show a progress bar on standard error (default: only when it is a terminal)")
    check.add_argument("--encoding", choices=("utf-8", "auto"), default="utf-8", help="utf-8 (default, strict) or auto: detect legacy encodings (cp1252…) and report which")
    check.add_argument("--dask", nargs="?", const="local", metavar="SCHEDULER", help="check the records on a Dask cluster (a LocalCluster when no address is given); needs mtlint[archives]")
    check.add_argument("--extend-select", action="append", metavar="RULES", help="add these rules to the selection in force (configuration or default)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run (errors still exit 2)")
    check.add_argument("--statistics", action="store_true", help="print the number of findings per rule, with names, instead of the findings")
    check.add_argument("--show-settings", action="store_true", help="print the resolved settings for the first path (or .) as JSON, then exit")
    check.add_argument("--show-files", action="store_true", help="print the files that would be checked, then exit")
    check.add_argument("--no-ignore-files", action="store_true", help="do not read .gitignore and .mtlintignore files")
    check.add_argument("--force-exclude", action="store_true", help="apply excludes and ignore files to files given by name too (pre-commit)")
    check.add_argument("--cache-dir", metavar="DIR", help="where the result cache lives (default: $MTLINT_CACHE_DIR, else .mtlint_cache beside the configuration file, else ~/.cache/mtlint)")
    check.add_argument("--no-cache", action="store_true", help="check every file again; read and write no result cache")
    check.add_argument("--daemon", action="store_true", help="run in a resident mtlint process that keeps rules and word lists loaded, started on first use (for pre-commit hooks; POSIX; also MTLINT_DAEMON=1; see 'mtlint daemon')")
    check.add_argument("--show-fixes", action="store_true", help="after the report, list the findings --fix applies (or would apply), per file and rule")

    _group_help(check)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    rules.add_argument("--lang", help="only the rules that run on this language")
    rules.add_argument("--rules", action="append", metavar="DIR", help="extra rule pack directory")
    rules.add_argument("--config", metavar="FILE", help="configuration file")

    serve = sub.add_parser("serve", help="serve checks over HTTP (LanguageTool's API and mtlint's); needs mtlint[server]")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=_jobs, default=8081, help="port to listen on (default: 8081)")
    serve.add_argument("--lang", help="language of the texts when a request does not say (default: detected)")
    serve.add_argument("--config", metavar="FILE", help="configuration file (default: found from the current directory)")
    serve.add_argument("--rules", action="append", metavar="DIR", help="extra rule pack directory (repeatable)")
    serve.add_argument("--select", action="append", metavar="RULES", help="only these rules (as for check)")
    serve.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules (as for check)")
    serve.add_argument("--message-lang", metavar="LANG", help="language of messages (default: each text's language, else English)")
    serve.add_argument("--max-size", type=_jobs, default=1_000_000, metavar="BYTES", help="largest request body accepted (default 1000000; 413 beyond)")
    serve.add_argument("--timeout", type=_seconds, default=30.0, metavar="SECONDS", help="time one request's check may take (default 30; 503 beyond)")

    daemon = sub.add_parser("daemon", help="start, stop or query the resident process that 'check --daemon' uses")
    daemon.add_argument("action", choices=("start", "stop", "status"), help="what to do")

    explain = sub.add_parser("explain", help="show a rule's explanation and examples")
    explain.add_argument("rule", metavar="CODE|NAME")
    explain.add_argument("--message-lang", metavar="LANG", help="language of the message and explanation (default: English)")
    explain.add_argument("--rules", action="append", metavar="DIR", help="extra rule pack directory")

    test_rules = sub.add_parser("test-rules", help="run a rule pack's examples as tests (the built-in packs without DIR)")
    test_rules.add_argument("dirs", nargs="*", metavar="DIR", help="rule pack directories (or directories of packs)")
    test_rules.add_argument("--verbose", "-v", action="store_true", help="also list the examples that pass")

    completion = sub.add_parser("completion", help="print a shell completion script (bash, zsh or tcsh; needs mtlint[completion])")
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"), help="the shell")

    schema = sub.add_parser("schema", help="print the JSON Schema of rule files, the configuration or the JSON report")
    schema.add_argument("which", choices=("rule", "config", "report"), help="which schema")
    return parser


#: `mtlint check --help` in groups, by purpose (options keep their order within a group).
_CHECK_GROUPS = (
    ("selecting rules", ("--lang", "--select", "--extend-select", "--ignore", "--rules", "--config", "--no-inline-config")),
    ("choosing files", ("--include", "--exclude", "--files-from", "--force-exclude", "--no-ignore-files", "--show-files")),
    ("output", ("--format", "--output", "--statistics", "--show-fixes", "--show-settings", "--no-color", "--quiet")),
    ("failing a run", ("--min-severity", "--fail-on", "--fail-under", "--exit-zero")),
    ("fixes", ("--fix", "--diff")),
    ("comparison with a reference or source", ("--reference", "--reference-dir", "--source", "--source-dir", "--source-lang")),
    ("speed and limits", ("--jobs", "--timeout", "--worker-memory", "--cache-dir", "--no-cache", "--daemon")),
)


def _group_help(parser: argparse.ArgumentParser) -> None:
    """Move the options of `parser` into titled groups for --help (parsing is unchanged)."""
    by_flag = {a.option_strings[0]: a for a in parser._actions if a.option_strings}
    general = parser._optionals
    for title, flags in _CHECK_GROUPS:
        group = parser.add_argument_group(title)
        for flag in flags:
            action = by_flag.get(flag)
            if action is not None and action in general._group_actions:
                general._group_actions.remove(action)
                group._group_actions.append(action)


def _completion(shell: str, out: TextIO) -> int:
    try:
        import shtab
    except ImportError:
        raise UsageError("shell completion needs shtab: pip install 'mtlint[completion]'") from None
    out.write(shtab.complete(build_parser(), shell=shell))
    return EXIT_OK


_PARSER: list[argparse.ArgumentParser] = []


def _parser() -> argparse.ArgumentParser:
    """``build_parser()``, built once per process when the process keeps its loaded rules (a resident
    process: ``checker.rules.keep_loaded``), else each time."""
    from checker.rules import kept_loaded

    if not kept_loaded():
        return build_parser()
    if not _PARSER:
        _PARSER.append(build_parser())
    return _PARSER[0]


def _split(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run mtlint; returns the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            args = _parser().parse_args(args_list)
        except SystemExit as exc:  # --help and --version: argparse prints, then exits
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        if args.command is None:
            build_parser().print_help(out)
            return EXIT_ERROR
        if args.command == "check":
            return _check(args, out, err)
        if args.command == "rules":
            return _rules(args, out)
        if args.command == "serve":
            return _serve(args, err)
        if args.command == "test-rules":
            from checker.ruletest import run as test_rules

            return test_rules([Path(d) for d in args.dirs], out, verbose=args.verbose)
        if args.command == "daemon":
            from checker.resident import command

            return command(args.action, out)
        if args.command == "completion":
            return _completion(args.shell, out)
        if args.command == "schema":
            from checker.schemas import schema_text

            out.write(schema_text(args.which))
            return EXIT_OK
        return _explain(args, out)
    except RulePackError as exc:
        for problem in exc.problems:
            err.write(f"mtlint: bad rule: {problem}\n")
        return EXIT_ERROR
    except ConfigError as exc:
        err.write(f"mtlint: bad configuration: {exc}\n")
        return EXIT_ERROR
    except (UsageError, MtlintError) as exc:
        err.write(f"mtlint: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.write("mtlint: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_ERROR


def _load_config(args: argparse.Namespace):  # noqa: ANN202
    from checker.config import Config, find_config, load_config

    if getattr(args, "config", None):
        return load_config(Path(args.config))
    paths = [p for p in getattr(args, "paths", []) if p != "-"]
    stdin_name = getattr(args, "stdin_filename", None)
    if not paths and stdin_name:
        paths = [str(Path(stdin_name).absolute().parent)]
    start = Path(paths[0]) if paths else Path.cwd()
    try:
        if not start.exists():
            start = Path.cwd()
    except OSError:  # a name too long, a symbolic link loop: the file gets its own error entry
        start = Path.cwd()
    found = find_config(start)
    return load_config(found) if found else Config()


def _load_ruleset(extra: Sequence[str] | None, config):  # noqa: ANN001, ANN202
    from checker.rules import builtin_rules_dir, load_rules
    from checker.vocab import with_vocab_rule

    roots = [builtin_rules_dir(), *config.rules, *(Path(d) for d in extra or [])]
    return with_vocab_rule(load_rules(roots))


class _StartupCollector:
    """The cyclic garbage collector is paused from the start of ``mtlint check`` until its first
    file is checked. What that part of a run allocates (rule data, compiled patterns, kind modules,
    word lists, tables) is nearly all kept for the whole run, so the collector's passes over it
    (about a hundred young collections, some 15 ms of a one-article run) free nothing. It resumes
    when the second file is asked for, before ``checker.heap.settle`` collects and freezes what the
    first file loaded (and before ``--jobs`` workers fork), or when the command ends; a collector
    the embedding program turned off stays off."""

    def __init__(self) -> None:
        import gc

        self._paused = gc.isenabled()
        if self._paused:
            gc.disable()

    def resume(self) -> None:
        if self._paused:
            import gc

            self._paused = False
            gc.enable()

    def after_first(self, targets: Iterable[Target]) -> Iterator[Target]:
        """`targets`, resuming the collector when the second one is asked for."""
        for n, target in enumerate(targets):
            if n == 1:
                self.resume()
            yield target


#: Set by the ``mtlint`` entry point (``checker.launch``) when the process ends with this ``check``.
_PROCESS_ENDS = [False]


def process_ends_after_check() -> None:
    """Tell ``check`` that the process ends when it returns: the collector paused for the first
    file then stays paused. Resumed, it would walk at the next allocation every object the run
    made (they all sit in the young generation, which was never collected): about 20 ms of a
    one-article run, spent at exit to free nothing."""
    _PROCESS_ENDS[0] = True


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.profile import PROFILE
    from checker.rulecache import one_walk

    PROFILE.reset(args.profile)
    collector = _StartupCollector()
    try:
        with one_walk():
            return _check_run(args, out, err, collector)
    finally:
        if not _PROCESS_ENDS[0]:
            collector.resume()
        if PROFILE.enabled:
            PROFILE.render(err)


def _check_run(args: argparse.Namespace, out: TextIO, err: TextIO, collector: _StartupCollector | None = None) -> int:
    from checker.files import discover
    from checker.options import RunOptions
    from checker.profile import PROFILE

    config_file = _load_config(args)
    options = RunOptions(
        cache_dir=_cache_dir(args, config_file),
        fix=args.fix, diff=args.diff, inline_config=not args.no_inline_config,
        reference=args.reference, reference_dir=args.reference_dir,
        source=args.source, source_dir=args.source_dir, source_lang=args.source_lang,
        roots=tuple(args.paths), encoding=args.encoding,
        ignore_files=not args.no_ignore_files, force_exclude=args.force_exclude,
    )
    with PROFILE.phase("configuration and rules"):
        linter = _linter(args, options, config_file)
    config = linter.config
    if args.show_settings:
        import json

        first = next((p for p in args.paths if p != "-"), ".")
        json.dump(linter.settings_for(first), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if args.add_word:
        from checker.vocab import add_word, default_dir

        directory = config.vocab[0] if config.vocab else default_dir(config.path)
        for word in args.add_word:
            try:
                path, added = add_word(word, directory)
            except OSError as exc:
                raise UsageError(f"cannot write {directory / 'accept.txt'}: {exc.strerror or exc}") from None
            err.write(f"mtlint: {'added' if added else 'already accepted'} ‘{word.strip()}’ in {path}\n")
        if not args.paths and args.files_from is None and not args.records:
            return EXIT_OK
        linter = _linter(args, options, _load_config(args))  # the new word is part of the vocabulary now
        config = linter.config
    if args.records:
        if collector is not None:
            collector.resume()
        return _check_records(linter, args, out, err)
    if args.dask:
        raise UsageError("--dask works with --records")
    if args.resume and (args.format != "jsonl" or not args.output):
        raise UsageError("--resume needs the output to resume: --format jsonl -o OUT")
    if not args.paths and args.files_from is None:
        raise UsageError("no path given (use '.' for the current directory or '-' for standard input)")
    if args.files_from == "-" and "-" in args.paths:
        raise UsageError("standard input cannot be both a file to check and --files-from")
    targets: Iterable[Target] = discover(_paths(args), config.include, config.exclude, base=config.root,
                                         ignore_files=options.ignore_files, force_exclude=options.force_exclude)
    if args.stdin_filename:
        targets = _stdin_named(targets, args.stdin_filename)
    if args.show_files:
        return _show_files(targets, out, err)
    if args.reference or args.source:
        targets = list(targets)
        if sum(1 for t in targets if t.problem is None) > 1:
            raise UsageError("--reference and --source compare one file; use --reference-dir or --source-dir for many")
    if collector is not None:
        targets = collector.after_first(targets)
    runner = linter.runner
    from checker.parallel import Checked, check_all, job_count

    jobs = job_count(args.jobs)
    if args.format == "jsonl":
        if args.resume:  # files already in OUT with the same content are skipped (checker/resume.py)
            from checker.resume import check_files_resumed

            code = check_files_resumed(runner, targets, jobs, args.output, err, progress_flag=args.progress,
                                       report_errors=_report_errors)
        else:
            code = _check_stream(runner, targets, jobs, args, out, err)
        _prune_cache(options)
        return _exit(code, args)
    if _streams(args):
        code = _check_streaming(runner, targets, jobs, args, out, err)
        _prune_cache(options)
        return _exit(code, args)
    # One path for one or many jobs: any exception while checking a file becomes its error entry.
    checked = Checked()
    from checker.progress import progress, wants_progress

    done = progress(check_all(runner, targets, jobs=jobs, checked=checked),
                    enabled=wants_progress(args.progress, err), stream=err, unit="files")
    if args.statistics and not (args.fix or args.diff or args.show_fixes):
        done = (_without_document(f, x) for f, x in done)  # counts need findings, not texts
    files = [f for f, _ in done]
    runner.selected_codes.update(checked.codes)
    report = runner.report(files)
    _prune_cache(options)
    for f in report.files:
        if f.extra.get("encoding"):
            err.write(f"mtlint: {f.path}: not UTF-8, read as {f.extra['encoding']} (--encoding auto)\n")
        if f.error:
            err.write(f"mtlint: {f.path}: {f.error[1]}\n")
        for x in f.failures:
            err.write(f"mtlint: {f.path}: rule {x.code} ({x.rule}) failed: {x.message}\n")
    if args.diff or args.fix:
        from checker.fix import cli_output

        code, out = cli_output(report, diff=args.diff, quiet=args.quiet, out=out, err=err)
        if code is not None:
            return _exit(code, args)
    if args.statistics and not args.quiet:
        from checker.statistics import render_statistics

        if args.output:
            with _output_file(args.output) as fh:
                render_statistics(report, linter.ruleset.rules, fh, as_json=args.format == "json")
        else:
            render_statistics(report, linter.ruleset.rules, out, as_json=args.format == "json")
    elif not args.quiet:
        from checker.formats import get_formatter

        render = get_formatter(args.format)
        if args.format == "html":
            from checker.formats.html import html_renderer

            render = html_renderer(linter.ruleset.rules, linter.config.message_lang)
        if args.format == "sarif":
            import functools

            render = functools.partial(render, rules=linter.ruleset.rules)  # type: ignore[call-arg]
        with PROFILE.phase("output"):
            _render(render, report, args, out)
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _write_step_summary(report, os.environ["GITHUB_STEP_SUMMARY"], err)
    if args.show_fixes and not args.quiet:
        from checker.statistics import render_fixes

        render_fixes(report, linter.ruleset.rules, out if args.format == "text" and not args.output else err,
                     applied=args.fix)
    return _exit(report.exit_code, args)


def _streams(args: argparse.Namespace) -> bool:
    """Whether the report is written file by file (``checker/formats/stream.py``) rather than at the end."""
    from checker.formats.stream import STREAMING_FORMATS

    return args.format in STREAMING_FORMATS and not (args.fix or args.diff or args.statistics or args.show_fixes)


def _without_document(f, extra):  # noqa: ANN001, ANN202
    f.document = None
    return f, extra


def _check_streaming(runner, targets: Iterable[Target], jobs: int, args: argparse.Namespace,  # noqa: ANN001
                     out: TextIO, err: TextIO) -> int:
    """text, full, json, github: each file's part written as soon as it is checked, the summary at the
    end; no Document or FileReport of a finished file is kept."""
    from checker.formats.stream import GithubWriter, writer_for
    from checker.parallel import Checked, Totals, check_all
    from checker.profile import PROFILE
    from checker.progress import progress, wants_progress

    checked = Checked()
    totals = Totals()
    # settings.rules (written before the files in JSON) is final once one file has run, unless
    # per-path overrides change the selection; then the JSON entries are spooled until the end.
    fixed_selection = all(ov.select is None and not ov.ignore for ov in runner.config.overrides)

    def head():  # noqa: ANN202
        runner.selected_codes.update(checked.codes)
        return runner.report([]) if fixed_selection and runner.selected_codes else None

    step_file = os.environ.get("GITHUB_STEP_SUMMARY") if args.format == "github" else None
    with contextlib.ExitStack() as stack:
        stream: TextIO | None = None
        color = False
        if not args.quiet:
            if args.output:
                stream = stack.enter_context(_output_file(args.output))
            else:
                stream = out
                color = args.format in ("text", "full") and not args.no_color and _wants_color(out)
        writer = writer_for(args.format, stream, color, head) if stream is not None or step_file else None
        with _report_write_errors(to_file=stream is not out):
            for f, _ in progress(check_all(runner, targets, jobs=jobs, checked=checked),
                                 enabled=wants_progress(args.progress, err), stream=err, unit="files"):
                totals.add(f)
                _report_errors(f, err)
                if writer is not None:
                    with PROFILE.phase("output"):
                        writer.file(f)
                f.document = None
            runner.selected_codes.update(checked.codes)
            if writer is not None:
                with PROFILE.phase("output"):
                    writer.close(totals.summary(), runner.report([]))
    if step_file and isinstance(writer, GithubWriter):
        _write_step_summary(None, step_file, err, text=writer.step_summary(totals.summary()))
    return totals.exit_code


def _render(render: Callable[[RunReport, TextIO, bool], None], report: RunReport, args: argparse.Namespace,
            out: TextIO) -> None:
    """Write the report to -o FILE or to standard output; a write error is one UsageError."""
    if args.output:
        with _output_file(args.output) as fh:
            render(report, fh, False)
    else:
        color = args.format in ("text", "full") and not args.no_color and _wants_color(out)
        with _report_write_errors():
            render(report, out, color)
            out.flush()


def _cache_dir(args: argparse.Namespace, config) -> str | None:  # noqa: ANN001
    """The result cache's directory, or None with --no-cache or MTLINT_NO_CACHE."""
    if args.no_cache or os.environ.get("MTLINT_NO_CACHE"):
        return None
    if args.cache_dir:
        return str(args.cache_dir)
    from checker.resultcache import default_cache_dir

    return str(default_cache_dir(config.path.parent if config.path else None))


def _prune_cache(options) -> None:  # noqa: ANN001
    """Keep the result cache bounded: drop the least recently used entries after a run."""
    if options.cache_dir:
        from checker.resultcache import ResultCache

        ResultCache(Path(options.cache_dir)).prune_sometimes()


def _exit(code: int, args: argparse.Namespace) -> int:
    """--exit-zero turns a failing run (1) into success; errors (2) stay errors."""
    return EXIT_OK if args.exit_zero and code == EXIT_FINDINGS else code


def _show_files(targets: Iterable[Target], out: TextIO, err: TextIO) -> int:
    """--show-files: the files a run would check, one per line; problems on standard error."""
    status = EXIT_OK
    for t in targets:
        if t.problem is not None:
            err.write(f"mtlint: {t.display}: {t.problem[1]}\n")
            status = EXIT_ERROR
        else:
            out.write(f"{t.display}\n")
    return status


def _write_step_summary(report, path: str, err: TextIO, text: str | None = None) -> None:  # noqa: ANN001
    """Append the run's Markdown summary to $GITHUB_STEP_SUMMARY (a write error is one line, not a failure)."""
    from checker.formats.github import step_summary

    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(step_summary(report) if text is None else text)
    except OSError as exc:
        err.write(f"mtlint: cannot write the step summary {path}: {exc.strerror or exc}\n")


@contextlib.contextmanager
def _report_write_errors(to_file: bool = False) -> Iterator[None]:
    """A write error on standard output becomes one UsageError; a broken pipe is left to main.
    With `to_file`, the error is left to ``_output_file``, which removes the partial file and
    names it."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        if to_file:
            raise
        raise UsageError(f"cannot write the report: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _output_file(name: str) -> Iterator[TextIO]:
    """A report file written under a temporary name and renamed only when complete.

    A full disk or any other write error leaves the previous file (or none) in place
    and becomes a one-line error.
    """
    from checker.cachedir import make_temp

    target = Path(name)
    try:
        fd, tmp = make_temp(target.parent or Path("."), f".{target.name}.", ".part")
    except OSError as exc:
        raise UsageError(f"cannot write {name}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UsageError(f"cannot write {name}: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _linter(args: argparse.Namespace, options: RunOptions, config: Config) -> Linter:
    """The Linter the command line's options and configuration describe."""
    from checker.linter import Linter  # (it compiles no pattern at import: see checker.document._Patterns)

    return Linter(
        config,
        lang=args.lang,
        select=_split(args.select),
        ignore=_split(args.ignore),
        rules=tuple(args.rules or ()),
        min_severity=args.min_severity,
        fail_on=args.fail_on,
        fail_under=args.fail_under,
        include=args.include,
        exclude=args.exclude,
        timeout=args.timeout,
        worker_memory=args.worker_memory,
        options=options,
        message_lang=args.message_lang,
        extend_select=_split(args.extend_select),
    )


def _stdin_named(targets: Iterable[Target], name: str) -> Iterator[Target]:
    """--stdin-filename: standard input stands for `name` (display, Markdown, per-path overrides)."""
    from checker.dataclass import replace

    for t in targets:
        if t.path is None and t.problem is None:
            yield replace(t, display=name, stdin_name=Path(name))
        else:
            yield t


def _paths(args: argparse.Namespace) -> Iterator[str]:
    """The command-line paths, then those listed by --files-from (read as they are needed)."""
    yield from args.paths
    if args.files_from is None:
        return
    try:
        if args.files_from == "-":
            lines: Iterable[str] = sys.stdin
            yield from (p for p in (line.rstrip("\r\n") for line in lines) if p)
            return
        with open(args.files_from, encoding="utf-8", errors="surrogateescape") as fh:
            yield from (p for p in (line.rstrip("\r\n") for line in fh) if p)
    except OSError as exc:
        raise UsageError(f"cannot read {args.files_from}: {exc.strerror or exc}") from None


def _check_stream(runner, targets: Iterable[Target], jobs: int, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:  # noqa: ANN001
    """--format jsonl: one line per file as soon as it is checked, then the summary; nothing is kept."""
    import json

    from checker.parallel import Totals, check_all

    totals = Totals()
    with contextlib.ExitStack() as stack:
        stream = out
        if args.output and not args.quiet:
            stream = stack.enter_context(_output_file(args.output))
        with _report_write_errors(to_file=stream is not out):
            from checker.progress import progress, wants_progress

            for f, line in progress(check_all(runner, targets, jobs=jobs, as_lines=True),
                                    enabled=wants_progress(args.progress, err), stream=err, unit="files"):
                totals.add(f)
                _report_errors(f, err)
                if not args.quiet:
                    stream.write(f"{line}\n")
                    stream.flush()
            if not args.quiet:
                stream.write(json.dumps({"summary": totals.summary()}, ensure_ascii=False) + "\n")
                stream.flush()
    return totals.exit_code


def _check_records(linter, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:  # noqa: ANN001
    """--records: each record of JSON Lines (or Parquet) files checked as an article, streamed as JSON Lines."""
    import json

    from checker import records
    from checker.parallel import Totals, job_count
    from checker.progress import progress, wants_progress

    if args.paths or args.files_from is not None:
        raise UsageError("--records takes the place of paths: give one or the other")
    if args.format != "jsonl":
        raise UsageError("--records writes one line per record: add --format jsonl")
    if args.fix or args.diff or args.reference or args.reference_dir or args.source or args.source_dir:
        raise UsageError("--fix, --diff, --reference and --source work on files, not with --records")
    if args.resume and not args.output:
        raise UsageError("--resume needs the output to resume: -o OUT")
    fields = records.Fields(args.text_field, args.id_field or None, args.lang_field or None, args.path_field or None)
    totals = Totals()
    skip: set[str] = set()
    if args.resume:
        done = records.done_keys(args.output, totals)
        skip = done.keys
        if done.dropped_torn:
            err.write(f"mtlint: {args.output}: dropped a torn last line (the previous run was stopped while writing it)\n")
    if args.dask:
        from checker.dask import check_records_on_cluster

        results: Iterable = check_records_on_cluster(
            linter, args.records, fields, address=None if args.dask == "local" else args.dask,
            encoding=args.encoding, skip=skip, err=err, workers=job_count(0 if args.jobs == 1 else args.jobs),
        )
    else:
        results = records.check_records_local(
            linter, args.records, fields, jobs=job_count(args.jobs), encoding=args.encoding, skip=skip
        )
    show = wants_progress(args.progress, err)
    total = records.count_lines(args.records) if show else None
    if total is not None:
        total = max(0, total - len(skip))
    with contextlib.ExitStack() as stack:
        stream = out
        if args.output and not args.quiet:
            try:
                stream = stack.enter_context(open(args.output, "a" if args.resume else "w", encoding="utf-8"))
            except OSError as exc:
                raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        with _report_write_errors():  # also for a records file: its error is named the same way
            for f, line in progress(results, enabled=show, stream=err, unit="records", total=total):
                totals.add(f)
                _report_errors(f, err)
                if not args.quiet:
                    stream.write(f"{line}\n")  # one write per whole line, flushed: a killed run leaves whole lines
                    stream.flush()
            if not args.quiet:
                stream.write(json.dumps({"summary": totals.summary()}, ensure_ascii=False) + "\n")
                stream.flush()
    return totals.exit_code


def _report_errors(f, err: TextIO) -> None:  # noqa: ANN001
    """A file's read error and rule failures, one line each on standard error."""
    extra = getattr(f, "extra", None) or {}
    if extra.get("encoding"):
        err.write(f"mtlint: {f.path}: not UTF-8, read as {extra['encoding']} (--encoding auto)\n")
    if f.error:
        err.write(f"mtlint: {f.path}: {f.error[1]}\n")
    for x in f.failures:
        err.write(f"mtlint: {f.path}: rule {x.code} ({x.rule}) failed: {x.message}\n")


def _wants_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    import json

    from checker.lang import normalize

    config = _load_config(args)
    ruleset = _load_ruleset(args.rules, config)
    rules = list(ruleset.rules)
    from checker.vocab import REJECT_CODE, default_dir, load_vocabulary

    if not load_vocabulary((*config.vocab, default_dir(config.path)), ruleset.packs).reject:
        rules = [r for r in rules if r.code != REJECT_CODE]  # MT490 is listed where a reject list exists
    if args.lang is not None:
        lang = normalize(args.lang)
        rules = [r for r in rules if r.applies_to(lang)]
    if args.format == "json":
        data = [
            {"code": r.code, "name": r.name, "category": r.category, "severity": r.severity.value,
             "kind": r.kind, "lang": r.languages, "enabled": r.enabled, "message": r.message,
             "pack": r.pack.name, "autofix": r.autofix}
            for r in rules
        ]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    width = max((len(r.name) for r in rules), default=10)
    for r in rules:
        off = ("" if r.enabled else "  (off by default)") + ("  (autofix)" if r.autofix else "")
        out.write(f"{r.code:<7} {r.name:<{width}}  {r.category:<18} {r.severity.value:<8} {r.languages}{off}\n")
    return EXIT_OK


def _explain(args: argparse.Namespace, out: TextIO) -> int:
    from checker.config import Config

    ruleset = _load_ruleset(args.rules, Config())
    wanted = args.rule.strip()
    from checker.messages import label as _l
    from checker.messages import message_language, rule_text

    ml = message_language(args.message_lang) if args.message_lang else None
    for r in ruleset.rules:
        if wanted in (r.code, r.name) or wanted.upper() == r.code:
            message, why = rule_text(r, ml)
            c = _l(":", ml)  # French typography spaces the colon
            out.write(f"{r.code} {r.name}\n")
            out.write(f"{_l('category', ml)}{c} {r.category} ({_mqm(r.category)}); {_l('severity', ml)}{c} {r.severity.value}; "
                      f"kind{c} {r.kind}; {_l('language', ml)}{c} {r.languages}\n\n")
            out.write(f"{_l('Message', ml)}{c} {message}\n\n{_l('Why it matters', ml)}{c}\n{why}\n")
            if r.autofix:
                out.write("\n" + _l("Fix: the first suggestion is safe to apply; 'mtlint check --fix' applies it.", ml) + "\n")
            bad = [e for e in r.examples if e.bad]
            good = [e for e in r.examples if not e.bad]
            if bad:
                out.write(f"\n{_l('Flagged', ml)}{c}\n")
                for e in bad:
                    assert e.span is not None
                    s, t = e.span
                    marked = e.text[:s] + "[[" + e.text[s:t] + "]]" + e.text[t:]
                    fix = f"   → {', '.join(e.fix)}" if e.fix else ""
                    out.write(f"  {marked}{fix}\n")
            if good:
                out.write(f"\n{_l('Not flagged', ml)}{c}\n")
                for e in good:
                    out.write(f"  {e.text}\n")
            if r.link:
                out.write(f"\n{_l('See', ml)} {r.link}\n")
            return EXIT_OK
    raise UsageError(f"no rule with code or name {wanted!r} (see 'mtlint rules')")


def _serve(args: argparse.Namespace, err: TextIO) -> int:
    from checker.linter import Linter

    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401

        from checker.server import ServerSettings, serve
    except ImportError:
        raise UsageError("mtlint serve needs the server extra: pip install 'mtlint[server]'") from None
    linter = Linter(_load_config(args), lang=args.lang, select=_split(args.select), ignore=_split(args.ignore),
                    rules=tuple(args.rules or ()), message_lang=args.message_lang)
    settings = ServerSettings(max_bytes=args.max_size, timeout=args.timeout or 1e9)

    def log(line: str) -> None:
        err.write(line + "\n")
        err.flush()

    serve(linter, args.host, args.port, settings, log=log)
    return EXIT_OK


def _mqm(category: str) -> str:
    from checker.finding import CATEGORIES

    return CATEGORIES.get(category, "")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
