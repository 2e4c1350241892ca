"""Reference and source modes: read the companion file, align passages, attach the result.

Reference mode (``--reference``/``--reference-dir``) scores each passage and the whole
file against a human or post-edited translation with sacrebleu (imported only then).
Source mode (``--source``/``--source-dir``) aligns the article's passages with the
original's and leaves the alignment in ``doc.cache["source"]``, where the source-mode
kinds (``checker/kinds/source_*.py``, ``length_ratio.py``) read it. Both run before the
rule engine; a companion that cannot be read becomes the file's error, naming it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.align import Pair, align, cross_language_similarity, same_language_similarity
from checker.dataclass import dataclass
from checker.document import Document, Span
from checker.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from checker.files import Target
    from checker.options import RunOptions
    from checker.report import FileReport

#: Key of the source alignment in ``Document.cache``.
SOURCE_KEY = "source"


@dataclass(frozen=True)
class SourceAlignment:
    """A translation's passages aligned with its source's (what source-mode kinds read)."""

    source: Document
    lang: str
    path: str
    #: left = source passage index, right = translation passage index (None: no counterpart).
    pairs: tuple[Pair, ...]

    def matched(self) -> list[tuple[int, int, float]]:
        """(source index, translation index, similarity) of every 1-1 link, in order."""
        return [(p.left, p.right, p.similarity) for p in self.pairs if p.left is not None and p.right is not None]


def _flat(doc: Document, span: Span) -> str:
    """A passage's prose (Markdown masked) with white space collapsed."""
    return " ".join(doc.prose[span.start : span.end].split())


def attach_source(
    doc: Document, source_text: str, source_lang: str | None = None, *, path: str = "<source>"
) -> SourceAlignment:
    """Align `doc` with its source text and store the alignment in ``doc.cache['source']``."""
    source = Document(source_text, path, markdown=path.lower().endswith((".md", ".markdown")))
    if not source_lang:
        from checker.detect import detect_language

        source_lang = detect_language(source.prose)
    source.lang = source_lang
    left = [_flat(source, p) for p in source.passages]
    right = [_flat(doc, p) for p in doc.passages]
    pairs = align(left, right, cross_language_similarity)
    alignment = SourceAlignment(source, source_lang, path, tuple(pairs))
    doc.cache[SOURCE_KEY] = alignment
    return alignment


def source_of(doc: Document) -> SourceAlignment | None:
    """The source alignment attached to `doc`, or None outside source mode."""
    value = doc.cache.get(SOURCE_KEY)
    return value if isinstance(value, SourceAlignment) else None


def reference_scores(doc: Document, reference: Document) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
    """File-level corpus scores and per-passage sentence scores of `doc` against `reference`."""
    from checker.metrics import corpus_scores, sentence_scores

    hyp = [_flat(doc, p) for p in doc.passages]
    ref = [_flat(reference, p) for p in reference.passages]
    pairs = align(hyp, ref, same_language_similarity)
    linked = [(p.left, p.right) for p in pairs if p.left is not None and p.right is not None]
    per_passage: dict[int, dict[str, Any]] = {}
    for i, j in linked:
        s = sentence_scores(hyp[i], ref[j])
        per_passage[i] = {
            "reference": {
                "chrf": round(s.chrf, 1), "chrfpp": round(s.chrfpp, 1),
                "bleu": round(s.bleu, 1), "ter": round(s.ter, 1), "passage": j,
            }
        }
    c = corpus_scores([hyp[i] for i, _ in linked], [ref[j] for _, j in linked])
    file_level = {
        "bleu": round(c.bleu, 1), "chrf": round(c.chrf, 1), "chrfpp": round(c.chrfpp, 1),
        "ter": round(c.ter, 1), "signatures": dict(c.signatures),
        "aligned": len(linked),
        "unmatched": sum(1 for p in pairs if p.left is not None and p.right is None),
        "reference_unmatched": sum(1 for p in pairs if p.left is None),
    }
    return file_level, per_passage


def _companion(single: str | None, directory: str | None, target: Target, paths: list[str]) -> Path | None:
    """The companion file of `target`: the single file, or the same relative path under `directory`."""
    if single:
        return Path(single)
    if not directory or target.path is None:
        return None
    tp = target.path
    for raw in paths:
        root = Path(raw)
        if raw != "-" and root.is_dir():
            try:
                return Path(directory) / tp.relative_to(root)
            except ValueError:
                continue
    return Path(directory) / tp.name


def _read(path: Path, role: str) -> Document:
    """The companion's Document; InputError whose message names its role and path."""
    try:
        return Document.from_file(path)
    except InputError as exc:
        raise InputError(str(path), exc.code, f"{role} {path}: {exc.message}") from None


def compare(
    report: FileReport,
    target: Target | None,
    options: RunOptions,
    *,
    reference: Document | None = None,
    source: Document | None = None,
) -> None:
    """The comparison step: attach the reference scores and the source alignment to `report`.

    Companions come already read (`reference`, `source`) or are found from `options`
    for `target`; one that cannot be read becomes the report's error, naming it.
    """
    doc = report.document
    if doc is None:
        return
    ref_path: Path | str | None = reference.path if reference is not None else None
    src_path: Path | str | None = source.path if source is not None else None
    if target is not None:
        roots = list(options.roots)
        try:
            if reference is None:
                ref_path = _companion(options.reference, options.reference_dir, target, roots)
                reference = _read(ref_path, "reference") if ref_path is not None else None
            if source is None:
                src_path = _companion(options.source, options.source_dir, target, roots)
                source = _read(src_path, "source") if src_path is not None else None
        except InputError as exc:
            report.error = (exc.code, exc.message)
            return
    if source is not None:
        lang = options.source_lang
        if lang:
            from checker.lang import normalize

            lang = normalize(lang)
        alignment = attach_source(doc, source.text, lang, path=str(src_path))
        report.extra["source"] = {
            "path": str(src_path),
            "lang": alignment.lang,
            "aligned": len(alignment.matched()),
            "unmatched": sum(1 for p in alignment.pairs if p.right is None),
        }
    if reference is not None:
        file_level, per_passage = reference_scores(doc, reference)
        report.extra["reference"] = {"path": str(ref_path), **file_level}
        for i, extra in per_passage.items():
            report.passage_extra.setdefault(i, {}).update(extra)
