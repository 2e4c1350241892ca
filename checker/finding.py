"""Severities, categories and the Finding value every rule produces."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

from checker.dataclass import dataclass, field


class Severity(str, Enum):
    """MQM severities, from the most to the least serious."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        """3 for critical down to 0 for info, for comparisons."""
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        """The severity named by `value` (case-insensitive); ValueError otherwise."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of {names})") from None


_RANK = {Severity.CRITICAL: 3, Severity.MAJOR: 2, Severity.MINOR: 1, Severity.INFO: 0}

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {"critical": 25, "major": 5, "minor": 1, "info": 0}
)

#: Every category of the public contract, with the MQM dimension it maps to.
CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        "acronym-homoglyph": "Accuracy/Mistranslation",
        "mangled-name": "Accuracy/Mistranslation",
        "untranslated": "Accuracy/Untranslated",
        "duplication": "Accuracy/Addition",
        "non-word": "Linguistic conventions/Spelling",
        "grammar": "Linguistic conventions/Grammar",
        "punctuation": "Linguistic conventions/Punctuation",
        "locale-format": "Locale conventions",
        "calque": "Style/Unidiomatic",
        "inconsistency": "Terminology/Inconsistent",
        "encoding": "Linguistic conventions/Character encoding",
        "boilerplate": "Design and markup",
        "glued-words": "Design and markup",
        "truncation": "Design and markup",
        "social-embed": "Design and markup",
        "dangling-reference": "Design and markup",
        "number-mismatch": "Accuracy/Mistranslation",
        "omission": "Accuracy/Omission",
        "mistranslation": "Accuracy/Mistranslation",
    }
)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a kind reports: a span of the document plus optional details.

    The engine turns a Hit into a Finding by adding what the rule knows
    (code, category, severity, message template).
    """

    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    confidence: float = 1.0
    #: Values for the rule's message template, e.g. {"lang": "English"}.
    args: Mapping[str, str] = field(default_factory=dict)
    #: Another span this one refers to (the first copy of a duplicate, …).
    related: tuple[int, int] | None = None
    #: Overrides the rule's severity for this hit (e.g. lower confidence → minor).
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported issue; offsets are code points into the file's text."""

    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    suggestions: tuple[str, ...] = ()
    confidence: float = 1.0
    related: tuple[int, int] | None = None

    @property
    def mqm(self) -> str:
        """The MQM dimension of this finding's category."""
        return CATEGORIES.get(self.category, "Other")

    def sort_key(self) -> tuple[int, int, str]:
        """Order findings by position, then code."""
        return (self.start, self.end, self.code)
