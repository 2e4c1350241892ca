"""Typed options of one run: what the command line used to pass around as argparse's Namespace.

``RunOptions`` holds the choices that are not configuration (they belong to one
invocation, not to a repository): fixing, inline suppression comments, and the
reference and source companions of comparison modes. It is frozen; build a new
one with ``checker.dataclass.replace``.
"""

from __future__ import annotations

from checker.dataclass import dataclass


@dataclass(frozen=True)
class RunOptions:
    """Per-run choices of a check.

    - ``fix``: apply the safe fixes and write the files; ``diff``: compute them, write nothing.
    - ``inline_config``: honour ``<!-- mtlint-disable … -->`` comments in articles.
    - ``reference``/``reference_dir``: a human translation of the checked file, or a folder
      of them at the same relative paths; ``source``/``source_dir`` likewise for the original,
      whose language is ``source_lang`` (detected when None).
    - ``roots``: the paths the run was given, to find a companion's relative path.
    - ``encoding``: ``utf-8`` (strict) or ``auto`` (legacy encodings detected; the entry names the one used).
    - ``ignore_files``: honour ``.gitignore``/``.mtlintignore`` when searching directories;
      ``force_exclude``: apply excludes and ignore files to files given by name too.
    - ``cache_dir``: keep each file's result there and skip files whose text, rules and
      settings are unchanged (``mtlint check`` caches by default; the library only when set).
    """

    fix: bool = False
    diff: bool = False
    inline_config: bool = True
    reference: str | None = None
    reference_dir: str | None = None
    source: str | None = None
    source_dir: str | None = None
    source_lang: str | None = None
    roots: tuple[str, ...] = ()
    #: ``utf-8`` (strict, the default) or ``auto``: detect a legacy encoding (cp1252…) with charset-normalizer.
    encoding: str = "utf-8"
    #: Honour ``.gitignore`` and ``.mtlintignore`` files when searching directories.
    ignore_files: bool = True
    #: Apply the excludes and ignore files to files given by name too (pre-commit).
    force_exclude: bool = False
    #: The result cache's directory (``checker.resultcache``); None: no cache.
    cache_dir: str | None = None

    @property
    def fixing(self) -> bool:
        """True when fixes are computed (``--fix`` or ``--diff``)."""
        return self.fix or self.diff

    @property
    def writing(self) -> bool:
        """True when fixed files are written (``--fix`` without ``--diff``)."""
        return self.fix and not self.diff

    @property
    def comparing(self) -> bool:
        """True when a reference or a source is read for each file."""
        return any((self.reference, self.reference_dir, self.source, self.source_dir))
