"""Driving the chat import wizard as a person would: files in, Next, tick, Import; waiting
for each job (reading, the preview, the import) as the person waits for its dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWizard

from app.ui.chats.chat_wizard import ChatWizard
from app.ui.jobs import _RUNNING
from tests.conftest import SHARED_DATA

CHATS = SHARED_DATA / "chats"
WAIT = 60_000  # ms: a slow shared machine, never a speed limit


def open_wizard(
    qtbot: Any, paths: list[Path] | None = None, group_id: int | None = None
) -> ChatWizard:
    wizard = ChatWizard(paths or [], group_id)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def add_files(wizard: ChatWizard, paths: list[Path]) -> None:
    """ "Add files…" with ``paths`` chosen in the file dialog."""
    wizard.choose_files = lambda: [str(p) for p in paths]  # type: ignore[method-assign]
    wizard.files_page.findChild(QPushButton, "chatAddFiles").click()


def click_next(qtbot: Any, wizard: ChatWizard) -> None:
    for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton):
        button = wizard.button(which)
        if button.isVisible():
            assert button.isEnabled(), f"{button.text()} is disabled"
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
    raise AssertionError("no Next or Import button")


def next_page(qtbot: Any, wizard: ChatWizard) -> None:
    """Click Next (or Import) and wait for the next page (its job done)."""
    page = wizard.currentPage()
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is not page, timeout=WAIT)


def wait_jobs(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not _RUNNING, timeout=WAIT)


def to_preview(qtbot: Any, wizard: ChatWizard, tick: list[int] | None = None) -> None:
    """From the files page to the preview read: the chats ticked (all listed when one)."""
    next_page(qtbot, wizard)  # files → chats
    if tick is not None:
        for row in tick:
            wizard.chats_page.chat_list.item(row).setCheckState(Qt.CheckState.Checked)
    next_page(qtbot, wizard)  # chats → groups
    next_page(qtbot, wizard)  # groups → preview, read as a job
    wait_jobs(qtbot)
    assert wizard.preview_page.isComplete()


def import_all(qtbot: Any, wizard: ChatWizard) -> None:
    """ "Import" and wait for the result page."""
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.result_page


def cancel_job(qtbot: Any, wizard: ChatWizard) -> None:
    """Press Cancel in the running job's progress dialog."""
    assert wizard._job is not None
    qtbot.mouseClick(wizard._job.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
