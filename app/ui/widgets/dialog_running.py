"""Running a dialog and letting it go afterwards, the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog


def accepted(run: Callable[[QDialog], bool], dialog: QDialog) -> bool:
    """Run ``dialog`` with ``run`` (``exec``, or a test's stand-in); True when accepted.

    The dialog is deleted once control returns to the event loop, so its fields can still be
    read right after this call.
    """
    try:
        return run(dialog)
    finally:
        dialog.deleteLater()
