"""Kind ``phrase-list``: any phrase of a word list, matched as whole words,
insensitive to case and to ’ versus '.

params:
- ``list``: a file beside the rule, one phrase per line (``#`` comments); a tab may
  follow a phrase with suggestions separated by ``|``.
- ``phrases``: phrases written in the rule itself (added to the list).
- ``exceptions``: expressions; a match lying inside a match of any of them is not reported.
- ``case_sensitive``: match case exactly.
"""

from __future__ import annotations

from checker.kinds._phrases import PhraseMatcher, compile_exceptions, phrase_check
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "phrase-list"
PARAMS = {
    "list": param(str, default=None, doc="file of phrases beside the rule"),
    "phrases": param(list, default=[], doc="more phrases, inline"),
    "case_sensitive": param(bool, default=False),
    "exceptions": param(list, default=[], doc="expressions whose matches are never reported inside"),
}


def load_phrases(rule: Rule) -> dict[str, tuple[str, ...]]:
    """Phrases (with optional suggestions) from the rule's list file and inline params."""
    phrases: dict[str, tuple[str, ...]] = {}
    if rule.params.get("list"):
        for row in read_table(rule.resolve(rule.params["list"])):
            suggestions = tuple(s.strip() for s in row[1].split("|") if s.strip()) if len(row) > 1 else ()
            phrases.setdefault(row[0], suggestions)
    for phrase in rule.params.get("phrases", []):
        phrases.setdefault(str(phrase), ())
    return phrases


def build(rule: Rule):  # noqa: ANN201
    """Read the list and compile it into one matcher."""
    phrases = load_phrases(rule)
    if not phrases:
        raise ValueError("give a 'list' file or 'phrases'")
    matcher = PhraseMatcher(phrases, case_sensitive=rule.params["case_sensitive"])

    return phrase_check(matcher, compile_exceptions(rule.params["exceptions"]))
