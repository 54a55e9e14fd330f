"""The main window: a navigation bar and one panel per concern."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import backups, groups, members, queue, settings, suggestions
from app.io import demo
from app.ui.jobs import finish_all, run_job
from app.ui.panels.groups import GroupsPanel
from app.ui.panels.meetups import MeetupsPanel
from app.ui.panels.members import MembersPanel
from app.ui.panels.pyramid import PyramidPanel
from app.ui.panels.queue import QueuePanel
from app.ui.panels.rules import TAB_VIOLATIONS, RulesPanel
from app.ui.panels.settings import SettingsPanel
from app.ui.panels.today import TodayPanel
from app.ui.panels.welcome import WelcomePage
from app.ui.reminder_service import ReminderService
from app.ui.widgets.health_tab import task_titles

GEOMETRY_KEY = "window.geometry"
SAMPLE_MEMBERS = 3000
SAMPLE_GROUPS = 24


class MainWindow(QMainWindow):
    """Navigation on the left, the current panel on the right; Ctrl+1… switch panels."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.db_path = db_path
        self.setWindowTitle(self.tr("Huoqun 活群 — {file}").format(file=db_path.name))
        self.setMinimumSize(QSize(760, 520))

        self.today_panel = TodayPanel(self)
        self.groups_panel = GroupsPanel(self)
        self.members_panel = MembersPanel(self)
        self.pyramid_panel = PyramidPanel(self)
        self.rules_panel = RulesPanel(self)
        self.meetups_panel = MeetupsPanel(self)
        self.queue_panel = QueuePanel(self)
        self.settings_panel = SettingsPanel(db_path, self)
        self.panels: list[QWidget] = [
            self.today_panel,
            self.groups_panel,
            self.members_panel,
            self.pyramid_panel,
            self.rules_panel,
            self.meetups_panel,
            self.queue_panel,
            self.settings_panel,
        ]
        self.welcome = WelcomePage(self)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setSpacing(2)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { border: none; padding-top: 8px; }"
            "QListWidget#navigation::item { padding-left: 14px; }"
        )
        self.stack = QStackedWidget()
        self.stack.setObjectName("panels")
        for index, panel in enumerate(self.panels):
            item = QListWidgetItem(panel.panel_title())  # type: ignore[attr-defined]
            item.setToolTip(f"Ctrl+{index + 1}")
            item.setSizeHint(QSize(160, 36))
            self.navigation.addItem(item)
            self.stack.addWidget(panel)
        self.stack.addWidget(self.welcome)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.banner_area = QVBoxLayout()
        self.banner_area.setContentsMargins(12, 0, 12, 0)
        right.addLayout(self.banner_area)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(body)
        self.reminders = ReminderService(self.banner_area, self)
        self.reminders.taskOpened.connect(self.open_task)
        self.reminders.checked.connect(lambda _n: self.refresh_badge())

        for index in range(len(self.panels)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.navigation.setCurrentRow(i))
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self._focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self._new_item)

        self.today_panel.dataChanged.connect(self._data_changed)
        self.today_panel.groupOpened.connect(self.show_group)
        self.today_panel.memberOpened.connect(self.show_member)
        self.groups_panel.pyramidRequested.connect(self.show_pyramid_for)
        self.groups_panel.violationsRequested.connect(self.show_violations_for)
        self.groups_panel.memberOpened.connect(self.show_member)
        self.groups_panel.dataChanged.connect(self._data_changed)
        self.members_panel.groupOpened.connect(self.show_group)
        self.members_panel.dataChanged.connect(self._data_changed)
        self.pyramid_panel.memberOpened.connect(self.show_member)
        self.pyramid_panel.dataChanged.connect(self._data_changed)
        self.rules_panel.memberOpened.connect(self.show_member)
        self.rules_panel.dataChanged.connect(self._data_changed)
        self.meetups_panel.dataChanged.connect(self._data_changed)
        self.queue_panel.dataChanged.connect(self._data_changed)
        self.queue_panel.groupOpened.connect(self.show_group)
        self.queue_panel.memberOpened.connect(self.show_member)
        self.settings_panel.dataChanged.connect(self._data_replaced)
        self.welcome.createGroupRequested.connect(self._create_first_group)
        self.welcome.sampleRequested.connect(self.load_sample)
        self.welcome.importRequested.connect(self._import_first_roster)

        self._restore_geometry()
        QTimer.singleShot(0, self._daily_backup)
        self.navigation.setCurrentRow(0)  # the Today panel loaded itself when it was built
        self.stack.setCurrentWidget(self.today_panel)
        self.navigation.currentRowChanged.connect(self._show_panel)
        self._show_welcome_if_empty()
        self.refresh_badge()

    # --- navigation ------------------------------------------------------------------

    def current_panel(self) -> QWidget:
        return self.stack.currentWidget()

    def _show_panel(self, row: int) -> None:
        if row < 0:
            return
        panel = self.panels[row]
        panel.refresh()  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(panel)

    def go_to(self, panel: QWidget) -> None:
        """Show ``panel`` and select it in the navigation (also when it is already selected)."""
        row = self.panels.index(panel)
        if self.navigation.currentRow() == row:
            self._show_panel(row)
        else:
            self.navigation.setCurrentRow(row)

    def show_group(self, group_id: int) -> None:
        self.go_to(self.groups_panel)
        self.groups_panel.show_group(group_id)

    def show_pyramid_for(self, group_id: int) -> None:
        """Appoint a helper: the Pyramid panel showing ``group_id``."""
        self.go_to(self.pyramid_panel)
        self.pyramid_panel.choose_group(group_id)

    def show_violations_for(self, group_id: int) -> None:
        """The Rules panel's Violations tab, filtered to ``group_id``."""
        self.go_to(self.rules_panel)
        self.rules_panel.show_tab(TAB_VIOLATIONS)
        combo = self.rules_panel.violation_log.group_filter
        combo.setCurrentIndex(max(0, combo.findData(group_id)))

    def show_member(self, member_id: int) -> None:
        self.go_to(self.members_panel)
        self.members_panel.show_member(member_id)

    def open_task(self, task_id: int) -> None:
        """A reminder was clicked: show the Queue with the task selected and open it."""
        self.go_to(self.queue_panel)
        self.queue_panel.open_task(task_id)
        self.refresh_badge()

    def refresh_badge(self) -> None:
        """The Queue's navigation item says how many tasks are overdue or due today."""
        due = queue.due_badge()
        item = self.navigation.item(self.panels.index(self.queue_panel))
        title = self.queue_panel.panel_title()
        item.setText(f"{title} ({due})" if due else title)

    def _focus_search(self) -> None:
        focus = getattr(self.current_panel(), "focus_search", None)
        if focus is not None:
            focus()

    def _new_item(self) -> None:
        new = getattr(self.current_panel(), "new_item", None)
        if new is not None:
            new()

    # --- empty database --------------------------------------------------------------

    def is_empty(self) -> bool:
        return groups.count_groups() == 0 and members.count_members() == 0

    def _show_welcome_if_empty(self) -> None:
        if self.is_empty():
            self.stack.setCurrentWidget(self.welcome)
            self.navigation.clearSelection()
            self.welcome.create_button.setFocus()

    def _data_changed(self) -> None:
        self.refresh_badge()
        if self.stack.currentWidget() is self.welcome and not self.is_empty():
            self.go_to(self.groups_panel)

    def _data_replaced(self) -> None:
        """After a restore every panel reloads; an empty result shows the welcome page."""
        self.groups_panel.refresh()
        self.today_panel.refresh()
        self.refresh_badge()
        if self.members_panel.model.searched:
            self.members_panel.refresh()
        self._show_welcome_if_empty()

    def _import_first_roster(self) -> None:
        self.go_to(self.groups_panel)
        self.groups_panel.import_roster()
        self._show_welcome_if_empty()

    def _create_first_group(self) -> None:
        self.go_to(self.groups_panel)
        self.groups_panel.new_item()
        self._show_welcome_if_empty()

    def load_sample(self) -> None:
        """Fill the (empty) database with the sample community, off the UI thread."""
        self._sample_job = run_job(
            self,
            self.tr("Loading a sample community…"),
            lambda progress: demo.build(SAMPLE_MEMBERS, SAMPLE_GROUPS, progress=progress),
            lambda _summary: self._sample_loaded(),
        )

    def _sample_loaded(self) -> None:
        self.refresh_badge()
        self.go_to(self.today_panel)

    def _daily_backup(self) -> None:
        """At start, a "daily" backup when the newest is over a day old; off the UI thread."""
        if not self.isVisible():
            return  # closed before it began
        self._backup_job = run_job(
            self,
            self.tr("Backing up…"),
            lambda _progress: backups.backup_if_stale(),
            lambda _path: self._refresh_suggestions(),
            quiet=True,
        )

    def _refresh_suggestions(self) -> None:
        """At start, findings become suggested tasks; quietly, off the UI thread."""
        if not self.isVisible() or self.is_empty():
            return
        titles = task_titles()  # translated here, on the UI thread
        self._suggestions_job = run_job(
            self,
            self.tr("Looking for suggestions…"),
            lambda _progress: suggestions.refresh_suggestions(titles=titles),
            lambda _ids: self._suggestions_done(),
            quiet=True,
        )

    def _suggestions_done(self) -> None:
        self.refresh_badge()
        if self.stack.currentWidget() is self.today_panel:
            self.today_panel.refresh()

    # --- geometry --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = settings.get(GEOMETRY_KEY)
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(1200, 780)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        finish_all()  # a write still running in a worker finishes or rolls back first
        settings.put(GEOMETRY_KEY, bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        super().closeEvent(event)
