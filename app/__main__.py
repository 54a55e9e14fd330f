"""``python -m app``: the same as the ``huoqun`` command."""

from app.cli import main

raise SystemExit(main())
