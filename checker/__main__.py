"""``python -m checker`` does what the ``mtlint`` command does."""

from checker.launch import main

raise SystemExit(main())
