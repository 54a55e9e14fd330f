"""How the window opens the chat import wizard: from a menu, a panel, a group's page, the
welcome page, or files dropped on the window (a chat export or a roster, told by content)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from app.core.chat_import import ChatResult
from app.io.chats import ChatExportError, detect
from app.ui.changes import Change, announce
from app.ui.chats.chat_wizard import ChatWizard

ROSTER_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx"}
ChatPaths = Sequence[Path]


def chat_import_tip() -> str:
    """The tooltip of every "Import chat history…" entry."""
    return QCoreApplication.translate(
        "ChatEntry", "Bring in a group's chat export: Telegram, Discord, QQ or WeChat"
    )


def chat_import_button(name: str, slot: Callable[[], None]) -> QPushButton:
    """An "Import chat history…" button called ``name`` that runs ``slot``."""
    button = QPushButton(QCoreApplication.translate("ChatEntry", "Import chat history…"))
    button.setObjectName(name)
    button.setToolTip(chat_import_tip())
    button.clicked.connect(lambda _checked=False: slot())
    return button


def exec_wizard(wizard: ChatWizard) -> bool:
    """Run the wizard modally; tests replace this to drive it or to look at it."""
    return wizard.exec() == QDialog.DialogCode.Accepted


def import_chat_history(
    parent: QWidget, paths: ChatPaths = (), group_id: int | None = None,
    then: Callable[[int], None] | None = None,
) -> list[ChatResult]:  # fmt: skip
    """The wizard (on ``paths``, into ``group_id`` when given); what it imported. After an
    import every panel that shows members or groups redraws (``ui/changes.py``), then
    ``then`` gets the last group imported into (for the panel to show it)."""
    wizard = ChatWizard(paths, group_id, parent)
    try:
        exec_wizard(wizard)
        results = list(wizard.results)
    finally:
        wizard.deleteLater()
    if results:
        announce(Change.MEMBERS | Change.GROUPS | Change.TASKS)
        if then is not None:
            then(results[-1].group_id)
    return results


def is_chat_export(paths: Sequence[Path]) -> bool:
    """Whether dropped files are a chat export (by content); a file that is neither a chat
    export nor a roster goes to the chat wizard too, which says in place what is wrong."""
    try:
        detect(list(paths))
    except ChatExportError:
        roster = len(paths) == 1 and paths[0].suffix.lower() in ROSTER_SUFFIXES
        return not roster
    return True
