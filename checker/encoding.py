"""``--encoding auto``: legacy encodings (cp1252, Latin-1, …) detected with charset-normalizer.

The default stays strict UTF-8 (``checker.document.decode``); this module is imported
only when a run asks for detection, and charset-normalizer only when some bytes are
not UTF-8.
"""

from __future__ import annotations

__all__ = ["decode_auto", "decode_legacy"]

#: Encodings named first when they give the same text as the detected one.
PREFERRED = ("cp1252", "iso8859_15", "latin_1")
#: How close two candidates' chaos and coherence must be to count as a tie.
TIE = 0.01


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for bytes that are not UTF-8, or None when no encoding fits."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency of mtlint
        return None
    results = list(from_bytes(data))
    if not results:
        return None
    best = results[0]
    # On short texts several code pages tie (no chaos, the same coherence) although they
    # decode accents differently (0xE8 is è in cp1252, č in cp1250): among the tied ones,
    # take the commonest in news exports.
    tied = [r.encoding for r in results if r.chaos <= best.chaos + TIE and r.coherence >= best.coherence - TIE]
    encoding = next((e for e in PREFERRED if e in tied), best.encoding)
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    return text, encoding


def decode_auto(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding name) of a file's bytes: UTF-8 (or a BOM's encoding) first, else a detected one.

    InputError when the bytes are binary or no encoding fits.
    """
    from checker.document import decode
    from checker.errors import InputError

    try:
        return decode(data, path), "utf-8"
    except InputError as exc:
        if exc.code != "encoding" or data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
            raise
    found = decode_legacy(data)
    if found is None:
        raise InputError(path, "encoding", "neither UTF-8 nor a legacy encoding mtlint recognises, not checked")
    return found
