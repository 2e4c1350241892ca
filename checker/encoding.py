"""``--encoding auto``: legacy encodings (cp1252, Latin-1, …) detected with charset-normalizer.

The default stays strict UTF-8 (``checker.document.decode``); this module is imported
only when a run asks for detection, and charset-normalizer only when some bytes are
not UTF-8.
"""

from __future__ import annotations

__all__ = ["decode_auto", "decode_legacy"]


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for bytes that are not UTF-8, or None when no encoding fits."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency of mtlint
        return None
    best = from_bytes(data).best()
    if best is None:
        return None
    encoding = best.encoding
    try:
        return data.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError):
        return None


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
