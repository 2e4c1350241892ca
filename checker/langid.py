"""Language identification for short texts: which language is a sentence in?

Two light backends vote, both loaded lazily on first use and both shipping
their data inside their PyPI packages (nothing is downloaded at run time):

* py3langid's naive-Bayes byte n-gram model, restricted to ``SUPPORTED``;
* a word vote over wordfreq's "small" word lists: the log frequency of each
  word in each candidate language, summed.

Their probability distributions are multiplied and renormalised. The n-gram
model copes with unknown and inflected words; the word vote is what keeps
short French sentences full of English names and loanwords French, because a
name is equally unknown to every list and the French function words around it
weigh heavily. ``docs/langid.md`` has the measurements behind this choice.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

SUPPORTED: tuple[str, ...] = ("fr", "en", "es", "de", "it", "pt", "nl")

# Default confidence required by is_foreign; tuned on tools/bench_langid.py.
DEFAULT_THRESHOLD = 0.9

# log10 frequency given to a word missing from a language's list. The "small"
# lists stop near 1e-6, so this is one decade below the rarest listed word.
_FLOOR = -7.0
# Temperature of the word vote: the summed log10 frequencies are divided by
# _WORD_TEMPERATURE * sqrt(words) before the softmax, so that the vote does
# not become certain after a handful of words and swamp the n-gram model.
_WORD_TEMPERATURE = 2.0

# Each alternative starts only at the beginning of its run (look-behinds), so that a long run
# such as ``a.a.a.…`` is tried once, not from each of its positions (that was quadratic).
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w.-])[\w-]+(?:\.[\w-]+)+/\S*"
)
_HANDLE_OR_TAG = re.compile(r"[@#][\w.]*\w")
# Quoted material: a film title or a quoted tweet inside a French sentence is
# not the sentence's language. Straight double quotes pair up left to right.
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|‹[^‹›]*›|\"[^\"\n]*\"")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_BREAK = re.compile(r"[.!?…:;]\W*$|^\W*[–—\-]\W*$")
_GROUP = re.Match.group


@functools.cache
def _ngram_model() -> Any:
    """py3langid's model restricted to SUPPORTED, loaded once (``identifier(SUPPORTED)``)."""
    return identifier(SUPPORTED)


@functools.cache
def identifier(langs: tuple[str, ...] | None = None) -> Any:
    """py3langid's identifier (probabilities normalised) restricted to `langs`; None: every language.

    With a cache directory the model's arrays are stored there once, uncompressed, and
    memory-mapped (``_mapped_identifier``): every identifier of every process shares them, and
    only the pages a text's n-grams reach are read. Once they are stored, the identifier reads
    them without numpy (``PlainIdentifier``). Without one (or for a model of another
    layout) the model ships LZMA-compressed; the restricted identifier is then pickled in the
    cache directory (``checker.buildcache``) or, without any, decompressed per process.
    """
    plain = _plain_identifier(langs)
    if plain is not None:
        return plain
    mapped = _mapped_identifier(langs)
    if mapped is not None:
        return mapped
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from checker.buildcache import from_files

    def build() -> Any:
        return _read_ngram_model(langs)

    return from_files("py3langid " + (",".join(langs) if langs else "all"), [MODEL_DIR / MODEL_FILE], build)


def _read_ngram_model(langs: tuple[str, ...] | None) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if langs is not None:
        ident.set_languages(list(langs))
    return ident


#: Bumped when the layout of the memory-mapped model changes (older directories are then ignored).
_MODEL_FORMAT = 2
#: The arrays of py3langid's ``.npz`` model (``py3langid.modelio``): each is kept as its own ``.npy``.
_MEMBERS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _model_dir(root: Path, source: Path) -> Path:
    from checker.flatstore import sha256

    st = source.stat()
    tag = f"{_MODEL_FORMAT} {source.resolve()} {st.st_size} {st.st_mtime_ns} {sys.byteorder}"
    return root / "langid" / f"model-{sha256(tag.encode()).hexdigest()[:20]}"


def _save_npy(path: Path, array: Any) -> None:
    import numpy as np

    from checker.cachedir import publish

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            np.save(fh, array, allow_pickle=False)

    publish(path, write)


def _convert_model(source: Path, target: Path) -> bool:
    """Unpack py3langid's LZMA-compressed ``.npz`` into one ``.npy`` per array, plus the DFA's
    row offsets (``rowbase.npy``: each state's row times 256, what py3langid computes per
    process); ``ready`` is written last. False for a model of another layout."""
    import lzma
    import shutil
    import tempfile
    import zipfile

    import numpy as np

    from checker.cachedir import publish

    target.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryFile(dir=target) as tmp:
            with lzma.open(source) as src:
                shutil.copyfileobj(src, tmp, length=1 << 20)
            tmp.seek(0)
            with zipfile.ZipFile(tmp) as npz:
                if not {f"{m}.npy" for m in _MEMBERS} <= set(npz.namelist()):
                    return False
                for member in _MEMBERS:  # copied as they are, a megabyte at a time

                    def copy(path: str, member: str = member) -> None:
                        with npz.open(f"{member}.npy") as src, open(path, "wb") as dst:
                            shutil.copyfileobj(src, dst, length=1 << 20)

                    publish(target / f"{member}.npy", copy)
    except (lzma.LZMAError, zipfile.BadZipFile) as exc:
        raise ValueError(f"{source}: {exc}") from exc
    rows = np.load(target / "nextmove_row.npy")
    nextmove = np.load(target / "nextmove.npy", mmap_mode="r")
    if rows.ndim != 1 or nextmove.ndim != 1 or (len(rows) and (int(rows.max()) + 1) * 256 > len(nextmove)):
        return False
    _save_npy(target / "rowbase.npy", rows.astype(np.uint32) << 8)
    # The DFA's rows split in halves, each half deduplicated: bytes below 128 (what Latin-script
    # text mostly is) and the others. A text then reaches half-rows of 512 bytes packed closely
    # instead of 1 KiB rows spread over 39 MB, so that far fewer mapped pages are touched.
    full = np.asarray(nextmove).reshape(-1, 256)
    pad = np.zeros(128, dtype=full.dtype)  # hibase[s] + byte, byte >= 128, lands past it
    for half, name, cols in ((0, "lo", slice(0, 128)), (1, "hi", slice(128, 256))):
        uniq, inverse = np.unique(full[:, cols], axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        if not np.array_equal(uniq[inverse], full[:, cols]):
            return False
        _save_npy(target / f"{name}.npy", np.concatenate([pad, uniq.reshape(-1)]) if half else uniq.reshape(-1))
        _save_npy(target / f"{name}base.npy", inverse.astype(np.uint32)[rows] * np.uint32(128))
        del uniq, inverse
    del nextmove, full
    publish(target / "ready", lambda tmp: Path(tmp).write_text(str(_MODEL_FORMAT)))
    return True


def _flat(array: Any) -> memoryview:
    """A one-dimensional array as a memoryview whose items are Python ints (what py3langid's DFA
    walk indexes, as fast as its ``array.array``)."""
    if array.ndim != 1 or not array.dtype.isnative or array.dtype.char not in "bBhHiIlLqQ":
        raise ValueError(f"unexpected model array {array.dtype} {array.shape}")
    return memoryview(array).cast("B").cast(array.dtype.char)


@functools.cache
def _mapped_model() -> tuple[Path, dict[str, Any]] | None:
    """The directory of the converted model and its arrays, memory-mapped once per process (every
    identifier shares them: two mappings of one file would count its pages twice); None when
    there is no cache or the model cannot be converted."""
    from checker.cachedir import cache_dir, mark_used, prune_versions

    root = cache_dir()
    if root is None:
        return None
    try:
        import numpy as np
        from py3langid.langid import MODEL_DIR, MODEL_FILE

        source = MODEL_DIR / MODEL_FILE
        base = _model_dir(root, source)
        if not (base / "ready").is_file():
            from checker.cachedir import build_apart

            # numpy unpacking and deduplicating the 39 MB DFA peaks at about 135 MiB: done apart
            converted = build_apart("checker.langid", "_convert_model", source, base)
            if converted is None:
                converted = _convert_model(source, base)
            if not converted or not (base / "ready").is_file():
                return None
            # the copies of other environments and versions (89 MB each) that no run has used lately
            prune_versions(((d, [d]) for d in base.parent.glob("model-*") if d.is_dir()), current=base)
        else:
            mark_used(base)
        arrays = {name: np.load(base / f"{name}.npy", mmap_mode="r", allow_pickle=False)
                  for name in ("ptc", "nextmove", "out_feat", "nextmove_row", "rowbase", "lo", "lobase", "hi", "hibase")}
        arrays["pc"] = np.load(base / "pc.npy", allow_pickle=False)
        arrays["classes"] = [str(c) for c in np.load(base / "classes.npy", allow_pickle=False).tolist()]
        return base, arrays
    except (OSError, ValueError, KeyError, ImportError, EOFError):
        return None


@functools.cache
def _split_class() -> Any:
    """py3langid's ``LanguageIdentifier`` walking the split DFA of the cache (``_convert_model``):
    the same transitions (``nm[rowbase[s] + byte]`` is ``lo[lob[s] + byte]`` below 128 and
    ``hi[hib[s] + byte]`` above), so the same feature counts, scored by py3langid's own code.
    None when py3langid is not the version whose internals this follows (then its own walk is used)."""
    import numpy as np
    from py3langid import langid as pl

    base = pl.LanguageIdentifier
    needed = ("_sparse_score", "_raw_score", "_norm_probs", "_rowbase", "tk_row", "nb_ptc", "nb_classes")
    if not all(hasattr(base, name) or name in getattr(base, "__slots__", ()) for name in needed) \
            or not hasattr(pl, "RAW_FLOOR"):
        return None

    class SplitIdentifier(base):  # type: ignore[misc, valid-type]
        __slots__ = ("_lo", "_lob", "_hi", "_hib")

        def _raw_score(self, text: bytes) -> Any:
            lo, lob, hi, hib, out = self._lo, self._lob, self._hi, self._hib, self.tk_output
            state, indexes = 0, []
            append = indexes.append
            for letter in text:
                state = lo[lob[state] + letter] if letter < 128 else hi[hib[state] + letter]
                f = out[state]
                if f >= 0:
                    append(f)
            if indexes:
                return self._sparse_score(Counter(indexes), self.nb_ptc)
            fill = 0.0 if self._norm_probs else pl.RAW_FLOOR
            return np.full(len(self.nb_classes), fill, dtype=np.float32)

    return SplitIdentifier


def _mapped_identifier(langs: tuple[str, ...] | None) -> Any:
    """py3langid's identifier over the memory-mapped arrays of the cache, or None (no cache, a model
    of another layout, an unwritable cache). Same arrays, same dtypes, same code as the identifier
    ``LanguageIdentifier.from_model_file`` builds, so the same scores; a restriction to `langs`
    is the columns ``set_languages`` would keep, stored once beside the model."""
    model = _mapped_model()
    if model is None:
        return None
    base, arrays = model
    try:
        import numpy as np
        from py3langid.langid import LanguageIdentifier

        classes, ptc, pc = arrays["classes"], arrays["ptc"], arrays["pc"]
        if ptc.ndim != 2 or ptc.shape[1] != len(classes) or pc.shape != (len(classes),):
            return None
        if langs is not None:
            restricted = _columns(classes, langs)
            if restricted is None:
                return None  # py3langid's own path says which
            indices, name = restricted
            classes, pc = [classes[i] for i in indices], pc[indices]
            if not (base / name).is_file():
                # Read through a mapping of its own, dropped at once: a column slice touches every page.
                whole = np.load(base / "ptc.npy", mmap_mode="r", allow_pickle=False)
                _save_npy(base / name, np.ascontiguousarray(whole[:, indices]))
                del whole
            ptc = np.load(base / name, mmap_mode="r", allow_pickle=False)
        nextmove, output = _flat(arrays["nextmove"]), _flat(arrays["out_feat"])
        row, rowbase = _flat(arrays["nextmove_row"]), _flat(arrays["rowbase"])
        if len(row) != len(output) or len(rowbase) != len(row):
            return None
        slots = getattr(LanguageIdentifier, "__slots__", ())
        split = _split_class()
        if split is not None:
            ident = split(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=())
            ident.tk_row, ident._rowbase = row, rowbase
            ident._lo, ident._lob = _flat(arrays["lo"]), _flat(arrays["lobase"])
            ident._hi, ident._hib = _flat(arrays["hi"]), _flat(arrays["hibase"])
            if len(ident._lob) != len(row) or len(ident._hib) != len(row):
                return None
        elif "_rowbase" in slots and "tk_row" in slots:
            # Not the per-process list of 100,000 ints __init__ would build: the mapped copy.
            ident = LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=())
            ident.tk_row, ident._rowbase = row, rowbase
        else:
            ident = LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
        return ident
    except (OSError, ValueError, KeyError, ImportError, EOFError):
        return None


def _columns(classes: Sequence[str], langs: tuple[str, ...]) -> tuple[list[int], str] | None:
    """The columns of the model that py3langid's ``set_languages(langs)`` keeps (in the model's
    order), and the file of the cache that holds those columns alone; None when a language of
    `langs` is not in `classes`."""
    wanted = set(langs)
    if not wanted <= set(classes):
        return None
    indices = [i for i, c in enumerate(classes) if c in wanted]
    return indices, "ptc-" + "-".join(map(str, indices)) + ".npy"


#: The py3langid releases whose scoring ``PlainIdentifier`` follows (its tests compare the two).
_PLAIN_FOLLOWS = ("0.3", "0.4")
#: ``.npy`` element types ``PlainIdentifier`` reads, as ``memoryview`` formats (little-endian only).
_NPY_FORMATS = {"<u4": "I", "<i4": "i", "<u2": "H", "<i2": "h", "|u1": "B", "<f4": "f", "<f8": "d"}
_NPY_HEADER = r"""'descr':\s*'([^']+)'.*'fortran_order':\s*False.*'shape':\s*\(([\d,\s]*)\)"""


def _npy(path: Path) -> tuple[memoryview, str, tuple[int, ...]]:
    """A ``.npy`` file memory-mapped without numpy: its data as bytes, its element type and shape.
    ValueError for anything but a C-ordered array of a plain type (``_convert_model`` writes those)."""
    import mmap
    import struct

    with open(path, "rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    if bytes(view[:6]) != b"\x93NUMPY" or len(view) < 12:
        raise ValueError(f"{path}: not a .npy file")
    start, size = (10, struct.unpack_from("<H", view, 8)[0]) if view[6] == 1 else (12, struct.unpack_from("<I", view, 8)[0])
    found = re.search(_NPY_HEADER, bytes(view[start : start + size]).decode("latin-1"), re.S)
    if found is None:
        raise ValueError(f"{path}: unexpected .npy header")
    shape = tuple(int(n) for n in found[2].replace(" ", "").split(",") if n)
    return view[start + size :], found[1], shape


@functools.cache
def _npy_items(path: Path) -> memoryview:
    """A one-dimensional ``.npy`` array of integers or floats as a memoryview of Python numbers,
    mapped once per process (the narrow and the wide identifier share the automaton: two mappings
    of one file would count its pages twice, as ``_mapped_model`` notes)."""
    data, descr, shape = _npy(path)
    code = _NPY_FORMATS.get(descr)
    if code is None or len(shape) != 1 or sys.byteorder != "little":
        raise ValueError(f"{path}: unexpected array {descr} {shape}")
    items = data.cast(code)
    if len(items) != shape[0]:
        raise ValueError(f"{path}: truncated")
    return items


class PlainIdentifier:
    """py3langid's naive-Bayes identifier over the model arrays stored in the cache, without numpy.

    py3langid scores a text by walking a byte automaton whose states name n-gram features, then
    adding, per feature met, the logarithm of one plus its count times the feature's row of
    per-language weights (``nb_ptc``, stored as 16-bit floats), plus each language's prior.
    Importing numpy for that product cost a process about 17 MiB of resident memory and 50 ms,
    on the few articles with a sentence worth a vote (12 of 210 files of the 1 MB subset): the
    workers of an archive run each paid it again. Here the same walk (``_convert_model``'s split
    automaton), the same rows read from the mapped file with ``struct``, the sum in Python
    floats (numpy's is in 32-bit floats: the probabilities differ in about the seventh digit),
    and py3langid's normalisation (scores over the square root of the byte length, softmax,
    aliased labels folded into the first). Only ``rank`` and ``classify`` are offered.
    """

    __slots__ = ("nb_classes", "_ptc", "_row", "_pc", "_lo", "_lob", "_hi", "_hib", "_out", "_alias")

    def __init__(self, base: Path, langs: tuple[str, ...] | None) -> None:
        """Over the model converted in `base`, restricted to `langs` (None: every language) by
        the columns ``_mapped_identifier`` stored; OSError when they are not stored yet."""
        import struct

        classes = _class_names(base)
        pc = _npy_items(base / "pc.npy").tolist()
        if len(pc) != len(classes):
            raise ValueError(f"{base}: {len(pc)} priors for {len(classes)} languages")
        ptc_name = "ptc.npy"
        if langs is not None:
            restricted = _columns(classes, langs)
            if restricted is None:
                raise ValueError(f"{base}: not every language of {langs} is in the model")
            columns, ptc_name = restricted
            classes, pc = [classes[i] for i in columns], [pc[i] for i in columns]
        self.nb_classes = classes
        self._pc = pc
        ptc, descr, shape = _npy(base / ptc_name)
        if descr != "<f2" or len(shape) != 2 or shape[1] != len(classes) or len(ptc) < shape[0] * shape[1] * 2:
            raise ValueError(f"{base / ptc_name}: unexpected weights {descr} {shape}")
        self._ptc = ptc
        self._row = struct.Struct(f"<{shape[1]}e")
        self._lo, self._lob = _npy_items(base / "lo.npy"), _npy_items(base / "lobase.npy")
        self._hi, self._hib = _npy_items(base / "hi.npy"), _npy_items(base / "hibase.npy")
        self._out = _npy_items(base / "out_feat.npy")
        if not len(self._lob) == len(self._hib) == len(self._out):
            raise ValueError(f"{base}: automaton arrays of different lengths")
        first: dict[str, int] = {}
        alias = []
        for i, c in enumerate(classes):
            if c in first:
                alias.append((first[c], i))
            else:
                first[c] = i
        self._alias = tuple(alias)

    @staticmethod
    def _encode(text: str | bytes) -> bytes:
        """The bytes py3langid scores (``LanguageIdentifier._encode``)."""
        import unicodedata

        if isinstance(text, bytes):
            decoded = _decode_trimmed(text)
            if decoded is None:
                return text
            text = decoded
        if text.isupper():
            text = text.lower()
        return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")

    def _decide(self, text: str | bytes) -> list[float]:
        data = self._encode(text)
        lo, lob, hi, hib, out = self._lo, self._lob, self._hi, self._hib, self._out
        state = 0
        counts: dict[int, int] = {}
        for letter in data:
            state = lo[lob[state] + letter] if letter < 128 else hi[hib[state] + letter]
            f = out[state]
            if f >= 0:
                counts[f] = counts.get(f, 0) + 1
        scores = [0.0] * len(self.nb_classes)  # no feature: every language alike
        if counts:
            scores = list(self._pc)
            unpack, ptc, size = self._row.unpack_from, self._ptc, self._row.size
            for f, n in counts.items():
                weight = math.log1p(n)
                scores = [s + weight * w for s, w in zip(scores, unpack(ptc, f * size))]
            scale = 1.0 / math.sqrt(len(data) or 1)
            scores = [s * scale for s in scores]
        top = max(scores)
        scores = [math.exp(s - top) for s in scores]
        total = sum(scores)
        scores = [s / total for s in scores]
        for i, j in self._alias:
            scores[i] += scores[j]
            scores[j] = 0.0
        return scores

    def rank(self, text: str | bytes) -> list[tuple[str, float]]:
        """Every language, most likely first (one entry per label), as py3langid's ``rank``."""
        merged: dict[str, float] = {}
        for lang, score in zip(self.nb_classes, self._decide(text)):
            merged.setdefault(lang, score)
        return sorted(merged.items(), key=lambda kv: kv[1], reverse=True)

    def classify(self, text: str | bytes) -> tuple[str, float]:
        """The most likely language and its probability, as py3langid's ``classify``."""
        scores = self._decide(text)
        i = max(range(len(scores)), key=scores.__getitem__)
        return self.nb_classes[i], scores[i]


def _class_names(base: Path) -> list[str]:
    """The language codes of the stored model's columns (``classes.npy``: fixed-width UTF-32)."""
    data, descr, shape = _npy(base / "classes.npy")
    width = 4 * int(descr[2:]) if descr.startswith("<U") and descr[2:].isdigit() else 0
    if not width or len(shape) != 1 or len(data) < shape[0] * width:
        raise ValueError(f"{base}: unexpected classes {descr} {shape}")
    raw = bytes(data[: shape[0] * width])
    return [raw[i : i + width].decode("utf-32-le").rstrip("\0") for i in range(0, len(raw), width)]


def _decode_trimmed(data: bytes) -> str | None:
    """UTF-8 `data` decoded, up to three bytes of a cut character dropped at its end (py3langid's)."""
    for trim in range(4):
        try:
            return (data[: len(data) - trim] if trim else data).decode("utf8")
        except UnicodeDecodeError as exc:
            if exc.start < len(data) - 3:
                return None
    return None


def _py3langid_model() -> tuple[Path, str] | None:
    """py3langid's model file and version, found without importing py3langid (which imports
    numpy) or ``importlib.metadata`` (33 ms): its ``__version__`` line read from its source."""
    import importlib.util

    spec = importlib.util.find_spec("py3langid")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    try:
        found = re.search(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", (package / "__init__.py").read_text("utf-8"), re.M)
    except (OSError, UnicodeDecodeError):
        return None
    return (package / "data" / "model.npz.xz", found[1]) if found else None


@functools.cache
def _plain_identifier(langs: tuple[str, ...] | None) -> PlainIdentifier | None:
    """A ``PlainIdentifier`` over the model the cache already holds (converted and, for `langs`,
    restricted by an earlier ``_mapped_identifier``), or None: no cache yet, another py3langid."""
    from checker.cachedir import cache_dir, mark_used

    root = cache_dir()
    found = _py3langid_model()
    if root is None or found is None or not found[1].startswith(_PLAIN_FOLLOWS):
        return None
    source = found[0]
    try:
        base = _model_dir(root, source)
        if not (base / "ready").is_file():
            return None
        mark_used(base)
        return PlainIdentifier(base, langs)
    except (OSError, ValueError):
        return None


@functools.cache
def _word_lists() -> dict[str, dict[str, float]]:
    """Load wordfreq's small word -> frequency lists for SUPPORTED, once."""
    from checker.lexicon import frequencies
    from checker.memo import MemoGet  # speed hook: each word's lookup remembered for the run

    return {lang: MemoGet(frequencies(lang, "small")) for lang in SUPPORTED}


def small_list(lang: str) -> Mapping[str, float]:
    """wordfreq's small word -> frequency list of a language of SUPPORTED, behind the vote's memo
    of the run (``checker.memo.MemoGet``: use ``get`` only)."""
    return _word_lists()[lang]


def _check_candidates(candidates: Sequence[str] | None) -> tuple[str, ...]:
    """Validate and deduplicate candidate codes (None means SUPPORTED)."""
    if candidates is None:
        return SUPPORTED
    cands = tuple(dict.fromkeys(candidates))
    unknown = [c for c in cands if c not in SUPPORTED]
    if unknown or not cands:
        raise ValueError(f"unsupported language code(s) {unknown or '(none)'}; "
                         f"supported: {', '.join(SUPPORTED)}")
    return cands


def _softmax(scores: dict[str, float]) -> dict[str, float]:
    """Turn natural-log scores into probabilities."""
    top = max(scores.values())
    exps = {k: math.exp(v - top) for k, v in scores.items()}
    total = sum(exps.values())
    return {k: v / total for k, v in exps.items()}


#: Where each language of SUPPORTED sits in the vectors of ``_part_logs``.
_SLOT = {lang: i for i, lang in enumerate(SUPPORTED)}
#: part → its term of the word vote in each language of SUPPORTED (log10 frequency, or _FLOOR),
#: remembered for the run: every article (language detection) and every candidate sentence asks
#: the same few thousand words in seven languages. Bounded: cleared when full.
_PART_LOGS: dict[str, tuple[float, ...]] = {}
_PART_LOGS_LIMIT = 20_000
#: The runs of letters of a text: the parts ``_word_scores`` looks up (``_WORD``'s words cut at ' and -).
_LETTERS = re.compile(r"[^\W\d_]+")
#: Whether ``_word_scores`` may add SUPPORTED's seven sums written out.
_SEVEN = len(SUPPORTED) == 7


def _part_logs(part: str) -> tuple[float, ...]:
    """The word vote's term for `part` in each language of SUPPORTED (the values ``_word_scores``
    adds, computed exactly as it computed them)."""
    got = _PART_LOGS.get(part)
    if got is None:
        lists = _word_lists()
        terms = []
        for lang in SUPPORTED:
            f = lists[lang][part]  # MemoGet: [] is its get without a Python frame (None when unknown)
            terms.append(math.log10(f) if f else _FLOOR)
        if len(_PART_LOGS) >= _PART_LOGS_LIMIT:
            _PART_LOGS.clear()
        got = _PART_LOGS[part] = tuple(terms)
    return got


def _word_scores(text: str, cands: tuple[str, ...]) -> dict[str, float]:
    """Natural-log scores of the word vote for each candidate language."""
    # wordfreq lists elided forms apart ("l", "homme") and splits hyphens: the parts of the words
    # (``_WORD`` split at ' and -) are exactly the runs of letters of the text, in order.
    parts = _LETTERS.findall(text.lower())
    memo = _PART_LOGS
    if _SEVEN and cands == SUPPORTED:
        # The seven sums written out (the vote of language detection, the pre-filters): the same
        # terms added in the same order as the loop below (same floats), without its inner loop.
        s0 = s1 = s2 = s3 = s4 = s5 = s6 = 0.0
        get = memo.get
        for part in parts:
            t0, t1, t2, t3, t4, t5, t6 = get(part) or _part_logs(part)
            s0 += t0
            s1 += t1
            s2 += t2
            s3 += t3
            s4 += t4
            s5 += t5
            s6 += t6
        sums = [s0, s1, s2, s3, s4, s5, s6]
    else:
        slots = [_SLOT[lang] for lang in cands]
        sums = [0.0] * len(cands)
        for part in parts:
            terms = memo.get(part) or _part_logs(part)
            # Each language's sum gets the same terms in the same order as before (same floats).
            for k, slot in enumerate(slots):
                sums[k] += terms[slot]
    scale = math.log(10) / (_WORD_TEMPERATURE * math.sqrt(max(len(parts), 1)))
    return {lang: s * scale for lang, s in zip(cands, sums)}


def word_vote(text: str, candidates: Sequence[str] | None = None) -> list[tuple[str, float]]:
    """Languages for `text` by the word vote alone, most probable first, probabilities summing to ~1.

    This is the cheap half of ``ranked``: it needs only wordfreq's small lists,
    not the n-gram model, so it suits a pre-filter. Unlike ``ranked`` it knows
    nothing of spelling, so unknown words (names, typos) count equally against
    every candidate.
    """
    cands = _check_candidates(candidates)
    probs = _softmax(_word_scores(text, cands))
    return sorted(probs.items(), key=lambda kv: (-kv[1], cands.index(kv[0])))


def ranked(text: str, candidates: Sequence[str] | None = None) -> list[tuple[str, float]]:
    """Languages for `text`, most probable first, with probabilities summing to ~1 over the candidates."""
    cands = _check_candidates(candidates)
    ngram = dict(_ngram_model().rank(text))
    ngram_total = sum(ngram[c] for c in cands)
    words = _word_scores(text, cands)
    scores: dict[str, float] = {}
    for lang in cands:
        # Renormalising the n-gram softmax over the candidates is exactly the
        # softmax of the model restricted to them.
        p = ngram[lang] / ngram_total if ngram_total > 0 else 1.0 / len(cands)
        scores[lang] = math.log(max(p, 1e-300)) + words[lang]
    probs = _softmax(scores)
    return sorted(probs.items(), key=lambda kv: (-kv[1], cands.index(kv[0])))


def detect(text: str, candidates: Sequence[str] | None = None) -> tuple[str, float]:
    """The most probable language of `text` (ISO 639-1) and its probability."""
    return ranked(text, candidates)[0]


def _strip_non_words(text: str) -> str:
    """Blank out URLs, e-mail addresses, @handles, #hashtags and quoted material."""
    # Each expression is run only when the text holds a character every one of its matches
    # holds (most sentences hold none: no scan, no substitution).
    if "«" in text or "“" in text or "„" in text or "‹" in text or '"' in text:
        text = _QUOTED.sub(_blank, text)
    if "/" in text or "@" in text or "www." in text:
        text = _URL.sub(_blank, text)
    if "@" in text or "#" in text:
        text = _HANDLE_OR_TAG.sub(_blank, text)
    return text


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def content_words(text: str) -> list[str]:
    """The words of `text` that count as evidence of its language, lower-cased.

    Skipped: numbers, URLs, e-mail addresses, @handles, #hashtags, quoted
    material, acronyms, words with an inner capital (``iPhone``) and proper
    nouns, i.e. capitalised words not at a sentence start, and a capitalised
    sentence-initial word directly followed by another capitalised word
    (``Al Pacino a dit``).
    """
    cleaned = _strip_non_words(text)
    first = _WORD.search(cleaned)
    if first is None:
        return []
    # Most sentences are a first word (capitalised or not) and then no upper- or title-case
    # character at all (islower(), in C, on the rest of the text): each later word is then kept as
    # it is (lower() gives back a text without such characters unchanged), and the first word alone
    # is tested (it opens the text; the next word has no capital).
    if cleaned[first.end():].islower():
        found = _WORD.findall(cleaned, first.end())
        w = first.group()
        rest = w[1:]
        if rest.islower() or not any(ch.isupper() for ch in rest):
            found.insert(0, w.lower())
        return found
    matches = list(_WORD.finditer(cleaned))
    found = list(map(_GROUP, matches))
    # Else only the words that are not lowercase (a capital, or no cased letter at all) go through
    # the tests below, the runs of lowercase words between them (lowercase: kept as they are)
    # copied in slices.
    others = [i for i, w in enumerate(found) if not w.islower()]
    if not others:
        return found
    words: list[str] = []
    last = 0
    for i in others:
        words += found[last:i]
        last = i + 1
        w = found[i]
        rest = w[1:]
        if not rest.islower() and any(ch.isupper() for ch in rest):
            continue
        if w[0].isupper():
            nxt = found[i + 1] if i + 1 < len(found) else ""
            m = matches[i]
            at_start = i == 0 or bool(_SENTENCE_BREAK.search(cleaned[matches[i - 1].end():m.start()]))
            if not at_start or (nxt[:1].isupper() and cleaned[m.end():matches[i + 1].start()].strip() == ""):
                continue
        words.append(w.lower())
    words += found[last:]
    return words


def is_foreign(text: str, doc_lang: str, *, min_words: int = 5,
               threshold: float = DEFAULT_THRESHOLD) -> tuple[str, float] | None:
    """If `text` is confidently in another language than doc_lang, return (lang, confidence); else None."""
    if doc_lang not in SUPPORTED:
        raise ValueError(f"unsupported document language {doc_lang!r}")
    words = content_words(text)
    if len(words) < min_words:
        return None
    # Names, quotes and links are left out of the evidence too, not only out
    # of the count: "Instagram" or a quoted title must not tip the balance.
    lang, p = detect(" ".join(words))
    if lang == doc_lang or p < threshold:
        return None
    return lang, p
