"""``python -m checker`` does what the ``mtlint`` command does."""

from checker.cli import main

raise SystemExit(main())
