"""mtlint: a linter for machine-translated and scraped news articles.

The import package is ``checker``; the distribution and the command are ``mtlint``.
Importing this package is cheap: heavy libraries load when a rule first needs them.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
