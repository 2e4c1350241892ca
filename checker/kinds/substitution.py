"""Kind ``substitution``: a wrong → right table; each wrong form is reported with its right forms as suggestions.

params:
- ``table``: a tab-separated file beside the rule: ``wrong<TAB>right[|other right]``.
- ``swap``: inline table ``{wrong = "right"}`` (added to the file's entries).
- ``exceptions``: expressions; a match lying inside a match of any of them is not reported.
- ``case_sensitive``: match case exactly (suggestions otherwise follow the found text's case).
"""

from __future__ import annotations

from checker.kinds._phrases import PhraseMatcher, compile_exceptions, phrase_check
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "substitution"
PARAMS = {
    "table": param(str, default=None, doc="wrong<TAB>right file beside the rule"),
    "swap": param(dict, default={}, doc="inline wrong = right entries"),
    "case_sensitive": param(bool, default=False),
    "exceptions": param(list, default=[], doc="expressions whose matches are never reported inside"),
}


def build(rule: Rule):  # noqa: ANN201
    """Read the table and compile it into one matcher."""
    table: dict[str, tuple[str, ...]] = {}
    if rule.params.get("table"):
        for row in read_table(rule.resolve(rule.params["table"])):
            if len(row) < 2 or not row[1]:
                raise ValueError(f"{rule.params['table']}: {row[0]!r} has no replacement")
            table.setdefault(row[0], tuple(s.strip() for s in row[1].split("|") if s.strip()))
    for wrong, right in rule.params["swap"].items():
        rights = [right] if isinstance(right, str) else list(right)
        table.setdefault(wrong, tuple(rights))
    if not table:
        raise ValueError("give a 'table' file or 'swap' entries")
    matcher = PhraseMatcher(table, case_sensitive=rule.params["case_sensitive"])

    return phrase_check(matcher, compile_exceptions(rule.params["exceptions"]))
