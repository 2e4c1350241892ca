"""What a rule sees besides the document: the language's pack settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checker.dataclass import dataclass, field


@dataclass(frozen=True)
class Context:
    """Per-document settings merged from the packs that apply to its language."""

    lang: str
    settings: Mapping[str, Any] = field(default_factory=dict)

    @property
    def primary(self) -> str:
        """The primary language subtag ('fr' for 'fr-CA')."""
        return self.lang.split("-")[0].lower()

    def setting(self, key: str, default: Any = None) -> Any:
        """A pack setting for this document's language, or `default`."""
        return self.settings.get(key, default)
