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

    @property
    def subtags(self) -> list[str]:
        """The subtags after the primary one, in upper case (['CH'] for 'fr-CH', ['LATN', 'RS'] for
        'sr_Latn_RS'): where a pack setting keyed by region looks."""
        return [part.upper() for part in self.lang.replace("_", "-").split("-")[1:]]

    def setting(self, key: str, default: Any = None) -> Any:
        """A pack setting for this document's language, or `default`."""
        return self.settings.get(key, default)
