"""The command line: ``mtlint check``, ``mtlint rules``, ``mtlint explain``.

This is the only module that prints or exits. Library errors become one-line
messages on stderr; exit codes follow the public contract.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from checker._version import __version__
from checker.errors import ConfigError, MtlintError, RulePackError, UsageError
from checker.files import Target
from checker.finding import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _severity(value: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _score(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= x <= 100:
        raise argparse.ArgumentTypeError("must be between 0 and 100")
    return x


def _seconds(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not x >= 0 or x == float("inf"):
        raise argparse.ArgumentTypeError("must be a number of seconds, 0 or more")
    return x


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the documentation test)."""
    parser = _Parser(prog="mtlint", description="Lint machine-translated and scraped news articles.")
    parser.add_argument("--version", action="version", version=f"mtlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check articles and report findings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, directories (searched recursively) or - for stdin")
    check.add_argument("--lang", help="language of the articles (fr, fr-FR, French, français…); default: configuration, else detected")
    check.add_argument("--format", "--output-format", dest="format", choices=("text", "json", "github", "jsonl", "sarif"), default="text", help="output format (default: text; github: GitHub Actions annotations; jsonl: one JSON line per file, streamed; sarif: SARIF 2.1.0 for code scanning)")
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
    check.add_argument("--timeout", type=_seconds, metavar="SECONDS", help="time one file may take before it becomes an error entry (default 30; 0: no limit)")
    check.add_argument("--diff", action="store_true", help="print the diff --fix would apply; write nothing (exit 1 if there is one)")
    check.add_argument("--extend-select", action="append", metavar="RULES", help="add these rules to the selection in force (configuration or default)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run (errors still exit 2)")
    check.add_argument("--statistics", action="store_true", help="print the number of findings per rule, with names, instead of the findings")
    check.add_argument("--show-settings", action="store_true", help="print the resolved settings for the first path (or .) as JSON, then exit")
    check.add_argument("--show-files", action="store_true", help="print the files that would be checked, then exit")
    check.add_argument("--no-ignore-files", action="store_true", help="do not read .gitignore and .mtlintignore files")
    check.add_argument("--force-exclude", action="store_true", help="apply excludes and ignore files to files given by name too (pre-commit)")
    check.add_argument("--cache-dir", metavar="DIR", help="where the result cache lives (default: $MTLINT_CACHE_DIR, else .mtlint_cache beside the configuration file, else ~/.cache/mtlint)")
    check.add_argument("--no-cache", action="store_true", help="check every file again; read and write no result cache")
    check.add_argument("--show-fixes", action="store_true", help="after the report, list the findings --fix applies (or would apply), per file and rule")

    _group_help(check)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    rules.add_argument("--lang", help="only the rules that run on this language")
    rules.add_argument("--rules", action="append", metavar="DIR", help="extra rule pack directory")
    rules.add_argument("--config", metavar="FILE", help="configuration file")

    explain = sub.add_parser("explain", help="show a rule's explanation and examples")
    explain.add_argument("rule", metavar="CODE|NAME")
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
    ("speed and limits", ("--jobs", "--timeout", "--cache-dir", "--no-cache")),
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
            args = build_parser().parse_args(args_list)
        except SystemExit as exc:  # --help and --version: argparse prints, then exits
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        if args.command is None:
            build_parser().print_help(out)
            return EXIT_ERROR
        if args.command == "check":
            return _check(args, out, err)
        if args.command == "rules":
            return _rules(args, out)
        if args.command == "test-rules":
            from checker.ruletest import run as test_rules

            return test_rules([Path(d) for d in args.dirs], out, verbose=args.verbose)
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

    roots = [builtin_rules_dir(), *config.rules, *(Path(d) for d in extra or [])]
    return load_rules(roots)


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from checker.files import discover
    from checker.linter import Linter
    from checker.options import RunOptions

    config_file = _load_config(args)
    options = RunOptions(
        cache_dir=_cache_dir(args, config_file),
        fix=args.fix, diff=args.diff, inline_config=not args.no_inline_config,
        reference=args.reference, reference_dir=args.reference_dir,
        source=args.source, source_dir=args.source_dir, source_lang=args.source_lang,
        roots=tuple(args.paths),
        ignore_files=not args.no_ignore_files, force_exclude=args.force_exclude,
    )
    linter = Linter(
        config_file,
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
        options=options,
        extend_select=_split(args.extend_select),
    )
    config = linter.config
    if args.show_settings:
        import json

        first = next((p for p in args.paths if p != "-"), ".")
        json.dump(linter.settings_for(first), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not args.paths and args.files_from is None:
        raise UsageError("no path given (use '.' for the current directory or '-' for standard input)")
    if args.files_from == "-" and "-" in args.paths:
        raise UsageError("standard input cannot be both a file to check and --files-from")
    targets: Iterable[Target] = discover(_paths(args), config.include, config.exclude, base=config.root,
                                         ignore_files=options.ignore_files, force_exclude=options.force_exclude)
    if args.show_files:
        return _show_files(targets, out, err)
    if args.reference or args.source:
        targets = list(targets)
        if sum(1 for t in targets if t.problem is None) > 1:
            raise UsageError("--reference and --source compare one file; use --reference-dir or --source-dir for many")
    runner = linter.runner
    from checker.parallel import Checked, check_all, job_count

    jobs = job_count(args.jobs)
    if args.format == "jsonl":
        code = _check_stream(runner, targets, jobs, args, out, err)
        _prune_cache(options)
        return _exit(code, args)
    # One path for one or many jobs: any exception while checking a file becomes its error entry.
    checked = Checked()
    files = [f for f, _ in check_all(runner, targets, jobs=jobs, checked=checked)]
    runner.selected_codes.update(checked.codes)
    report = runner.report(files)
    _prune_cache(options)
    for f in report.files:
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
        if args.format == "sarif":
            import functools

            render = functools.partial(render, rules=linter.ruleset.rules)  # type: ignore[call-arg]
        if args.output:
            with _output_file(args.output) as fh:
                render(report, fh, False)
        else:
            color = args.format == "text" and not args.no_color and _wants_color(out)
            try:
                render(report, out, color)
                out.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise UsageError(f"cannot write the report: {exc.strerror or exc}") from None
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _write_step_summary(report, os.environ["GITHUB_STEP_SUMMARY"], err)
    if args.show_fixes and not args.quiet:
        from checker.statistics import render_fixes

        render_fixes(report, linter.ruleset.rules, out if args.format == "text" and not args.output else err,
                     applied=args.fix)
    return _exit(report.exit_code, args)


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

        ResultCache(Path(options.cache_dir)).prune()


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


def _write_step_summary(report, path: str, err: TextIO) -> None:  # noqa: ANN001
    """Append the run's Markdown summary to $GITHUB_STEP_SUMMARY (a write error is one line, not a failure)."""
    from checker.formats.github import step_summary

    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(step_summary(report))
    except OSError as exc:
        err.write(f"mtlint: cannot write the step summary {path}: {exc.strerror or exc}\n")


@contextlib.contextmanager
def _output_file(name: str) -> Iterator[TextIO]:
    """A report file written under a temporary name and renamed only when complete.

    A full disk or any other write error leaves the previous file (or none) in place
    and becomes a one-line error.
    """
    import tempfile

    target = Path(name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path("."))
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
        try:
            for f, line in check_all(runner, targets, jobs=jobs, as_lines=True):
                totals.add(f)
                _report_errors(f, err)
                if not args.quiet:
                    stream.write(f"{line}\n")
                    stream.flush()
            if not args.quiet:
                stream.write(json.dumps({"summary": totals.summary()}, ensure_ascii=False) + "\n")
                stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            if stream is not out:
                raise  # _output_file removes the partial file and names it
            raise UsageError(f"cannot write the report: {exc.strerror or exc}") from None
    return totals.exit_code


def _report_errors(f, err: TextIO) -> None:  # noqa: ANN001
    """A file's read error and rule failures, one line each on standard error."""
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
    for r in ruleset.rules:
        if wanted in (r.code, r.name) or wanted.upper() == r.code:
            out.write(f"{r.code} {r.name}\n")
            out.write(f"category: {r.category} ({_mqm(r.category)}); severity: {r.severity.value}; "
                      f"kind: {r.kind}; language: {r.languages}\n\n")
            out.write(f"Message: {r.message}\n\nWhy it matters:\n{r.why}\n")
            if r.autofix:
                out.write("\nFix: the first suggestion is safe to apply; 'mtlint check --fix' applies it.\n")
            bad = [e for e in r.examples if e.bad]
            good = [e for e in r.examples if not e.bad]
            if bad:
                out.write("\nFlagged:\n")
                for e in bad:
                    assert e.span is not None
                    s, t = e.span
                    marked = e.text[:s] + "[[" + e.text[s:t] + "]]" + e.text[t:]
                    fix = f"   → {', '.join(e.fix)}" if e.fix else ""
                    out.write(f"  {marked}{fix}\n")
            if good:
                out.write("\nNot flagged:\n")
                for e in good:
                    out.write(f"  {e.text}\n")
            if r.link:
                out.write(f"\nSee {r.link}\n")
            return EXIT_OK
    raise UsageError(f"no rule with code or name {wanted!r} (see 'mtlint rules')")


def _mqm(category: str) -> str:
    from checker.finding import CATEGORIES

    return CATEGORIES.get(category, "")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
