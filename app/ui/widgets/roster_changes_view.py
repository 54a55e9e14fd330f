"""What a roster import changed in its group (issue #19): a line saying since when, then who
joined, left, came back and went quiet, each a button that opens the list of those members.
Shown by the roster import wizard (the dry run and the result) and kept for the group's page.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core import clock
from app.core.roster_changes import RosterChanges
from app.core.roster_match import MemberRef
from app.ui.widgets.controls import HINT_STYLE
from app.ui.widgets.member_refs_dialog import MemberRefsDialog

LISTS = ("joined", "left", "came_back", "went_quiet")


class RosterChangesView(QWidget):
    """``show_changes(changes, dry_run)`` fills it; each list opens in a ``MemberRefsDialog``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterChangesView")
        self.changes: RosterChanges | None = None
        self.dry_run = False
        self.heading = QLabel()
        self.heading.setObjectName("rosterChangesHeading")
        self.heading.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.notes: dict[str, QLabel] = {}
        for row, key in enumerate(LISTS):
            button = QPushButton()
            button.setObjectName(f"rosterChanges_{key}")
            button.setMinimumWidth(180)
            button.clicked.connect(lambda _checked=False, k=key: self.open_list(k))
            note = QLabel()
            note.setStyleSheet(HINT_STYLE)
            note.setWordWrap(True)
            self.buttons[key], self.notes[key] = button, note
            grid.addWidget(button, row, 0)
            grid.addWidget(note, row, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        self.show_changes(None)

    def _titles(self) -> dict[str, str]:
        return {
            "joined": self.tr("Joined"),
            "left": self.tr("Left"),
            "came_back": self.tr("Came back"),
            "went_quiet": self.tr("Went quiet"),
        }

    def _explanations(self) -> dict[str, str]:
        return {
            "joined": self.tr("in this roster, not in the last one"),
            "left": self.tr("in the last roster, not in this one"),
            "came_back": self.tr("listed again after they had left"),
            "went_quiet": self.tr(
                "at least 10 messages in the 90 days before the last 30 days, none since"
            ),
        }

    def show_changes(self, changes: RosterChanges | None, dry_run: bool = False) -> None:
        """Show ``changes`` (None: nothing to show)."""
        self.changes, self.dry_run = changes, dry_run
        self.setVisible(changes is not None)
        if changes is None:
            return
        if changes.previous_at is None:
            self.heading.setText(
                self.tr("First roster of this group: there is nothing to compare it with yet.")
            )
        else:
            date = clock.to_local(changes.previous_at).strftime("%Y-%m-%d %H:%M")
            heading = (
                self.tr("Compared with the roster imported {date}, this one would bring:")
                if dry_run
                else self.tr("Since the roster imported {date}:")
            )
            self.heading.setText(heading.format(date=date))
        titles, explanations = self._titles(), self._explanations()
        for key in LISTS:
            refs = self.refs(key)
            compared = key == "went_quiet" or changes.previous_at is not None
            button, note = self.buttons[key], self.notes[key]
            button.setText(self.tr("{title}: {count}").format(title=titles[key], count=len(refs)))
            button.setEnabled(bool(refs))
            button.setVisible(compared)
            note.setVisible(compared)
            if key == "went_quiet" and not changes.chat_history:
                note.setText(self.tr("no chat history imported for this group"))
            else:
                note.setText(explanations[key])

    def refs(self, key: str) -> list[MemberRef]:
        """The members of one list (``LISTS``)."""
        if self.changes is None:
            return []
        found: list[MemberRef] = getattr(self.changes, key)
        return found

    def open_list(self, key: str) -> MemberRefsDialog:
        """The members of ``key`` in a dialog, each opened as its member page."""
        refs = self.refs(key)
        title = self._titles()[key]
        note = self.tr(
            "{title}: %n member(s), {explanation}. Double-click one to open their page.",
            "",
            len(refs),
        ).format(title=title, explanation=self._explanations()[key])
        dialog = MemberRefsDialog(title, note, refs, self)
        dialog.setObjectName(f"rosterChangesList_{key}")
        self.opened_dialog = dialog
        try:
            self.exec_dialog(dialog)
        finally:
            dialog.deleteLater()
        return dialog

    def exec_dialog(self, dialog: MemberRefsDialog) -> bool:
        """Run the list modally. Tests replace this."""
        return bool(dialog.exec())
