"""The Rules panel: the rule library, each group's rules, the violation log, bans and strikes.

Broken windows kill groups (PRODUCT.md §1 point 4): one standard of rules, every violation
logged with a case number, the next step suggested by the operator's own ladder, and banned
members followed into every group they are still in. Each tab loads when first shown and
again after a change elsewhere, so opening the panel costs only the visible tab.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.changes import Change, announce, follow
from app.ui.rules.ban_list_view import BanListView
from app.ui.rules.strike_policy import StrikePolicyEditor
from app.ui.widgets.controls import fill_group_choices
from app.ui.widgets.group_rules_view import GroupRulesView
from app.ui.widgets.rule_library import RuleLibraryView
from app.ui.widgets.violation_log import ViolationLogView

TAB_LIBRARY, TAB_GROUP_RULES, TAB_VIOLATIONS, TAB_BANS, TAB_POLICY = range(5)
ALL_TABS = frozenset(range(5))


class Refreshable(Protocol):
    def refresh(self) -> None: ...


class GroupRulesPage(QWidget):
    """A group chooser above the chosen group's rules."""

    def __init__(self, view: GroupRulesView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("rulesGroupCombo")
        self.group_combo.setMinimumWidth(200)
        self.group_combo.setMaxVisibleItems(24)
        self.group_combo.currentIndexChanged.connect(lambda _i: self._show_group())
        self.empty_note = QLabel(self.tr("There is no group yet. Create one in Groups first."))
        self.empty_note.setStyleSheet("color: palette(placeholder-text);")
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Rules of:")))
        chooser.addWidget(self.group_combo)
        chooser.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.empty_note)
        layout.addWidget(view, 1)

    def refresh(self) -> None:
        """Reload the groups offered (keeping the choice) and the chosen group's rules."""
        fill_group_choices(self.group_combo)
        self.empty_note.setVisible(self.group_combo.count() == 0)
        self._show_group()

    def choose_group(self, group_id: int) -> None:
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(group_id)))

    def _show_group(self) -> None:
        self.view.set_group(self.group_combo.currentData(), self.group_combo.currentText())


class RulesPanel(QWidget):
    """Rules and moderation across every group, one tab per job."""

    memberOpened = Signal(int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self, Change.RULES | Change.GROUPS | Change.MEMBERS)
        self.setObjectName("rulesPanel")
        self._stale = set(ALL_TABS)
        run = self._run_dialog
        self.library = RuleLibraryView(run, lambda: self.choose_markdown_path())
        self.group_rules = GroupRulesView(run)
        self.group_page = GroupRulesPage(self.group_rules)
        self.violation_log = ViolationLogView(run)
        self.ban_list = BanListView(run)
        self.strike_policy = StrikePolicyEditor()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rulesTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.library, self.tr("Library"))
        self.tabs.addTab(self.group_page, self.tr("Group rules"))
        self.tabs.addTab(self.violation_log, self.tr("Violations"))
        self.tabs.addTab(self.ban_list, self.tr("Ban list"))
        self.tabs.addTab(self.strike_policy, self.tr("Strike policy"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.violation_log.memberOpened.connect(self.memberOpened)
        self.ban_list.memberOpened.connect(self.memberOpened)
        self.library.changed.connect(lambda: self._changed(TAB_LIBRARY))
        self.group_rules.changed.connect(lambda: self._changed(TAB_GROUP_RULES))
        self.violation_log.changed.connect(lambda: self._changed(TAB_VIOLATIONS))
        self.ban_list.changed.connect(lambda: self._changed(TAB_BANS))
        self.strike_policy.changed.connect(lambda: self._changed(TAB_POLICY))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tabs)

    # --- the main window's interface ---------------------------------------------------------

    def refresh(self) -> None:
        """Reload the visible tab now and the others when they are shown."""
        self._stale = set(ALL_TABS)
        self._tab_shown(self.tabs.currentIndex())

    def new_item(self) -> None:
        """Ctrl+N: a new rule in the library, or a new case in the violation log."""
        if self.tabs.currentIndex() == TAB_LIBRARY:
            self.library.new_rule()
        elif self.tabs.currentIndex() == TAB_VIOLATIONS:
            self.violation_log.log()

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def choose_markdown_path(self) -> Path | None:
        """Ask where to save the library as Markdown; None when cancelled. Tests replace this."""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the rule library"),
            self.tr("rules.md"),
            self.tr("Markdown (*.md)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".md")

    def _run_dialog(self, dialog: QDialog) -> bool:
        return self.exec_dialog(dialog)

    # --- tabs --------------------------------------------------------------------------------

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        self._tab_shown(index)

    def show_violations_for(self, group_id: int) -> None:
        """The Violations tab, filtered to ``group_id``."""
        self.show_tab(TAB_VIOLATIONS)
        self.violation_log.filter_group(group_id)

    def _tab_shown(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            pages: tuple[Refreshable, ...] = (
                self.library,
                self.group_page,
                self.violation_log,
                self.ban_list,
                self.strike_policy,
            )
            pages[index].refresh()

    def _changed(self, fresh_tab: int) -> None:
        """A tab wrote something (and reloaded itself): the others may show old figures."""
        self._stale = set(ALL_TABS) - {fresh_tab}
        announce(Change.RULES | Change.MEMBERS | Change.TASKS, self)
