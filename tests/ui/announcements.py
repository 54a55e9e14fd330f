"""Waiting in a test for what a panel announces (``app/ui/changes.py``)."""

from __future__ import annotations

from typing import Any

from app.ui.changes import change_bus


def announced_by(source: object) -> dict[str, Any]:
    """``qtbot.waitSignal(**announced_by(panel))``: until ``panel`` announces a change."""
    return {"signal": change_bus().changed, "check_params_cb": lambda _change, who: who is source}
