"""Driving the window as a person would: clicking, and answering the dialogs it opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton


def answer_dialogs(
    monkeypatch: pytest.MonkeyPatch, owner: Any, fill: Callable[[QDialog], None]
) -> list[QDialog]:
    """Instead of waiting for a person, ``fill`` each dialog ``owner`` opens (its exec seam)."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)
        fill(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(owner, "exec_dialog", run)
    return seen


def click(qtbot: Any, button: QPushButton) -> None:
    """Click an enabled button (a disabled one is a failure, not a silent no-op)."""
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
