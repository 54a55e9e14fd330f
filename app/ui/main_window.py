"""The main window: a navigation bar and one panel per concern.

Only the Today panel is built at start; every other panel (and its module) is built the
first time it is shown, so a large database opens as fast as an empty one (PRODUCT.md §7).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import groups, members, queue, settings
from app.core.errors import QT_TRANSLATE_NOOP
from app.ui.jobs import finish_all, run_job
from app.ui.panels.today import TodayPanel
from app.ui.panels.welcome import WelcomePage
from app.ui.reminder_service import ReminderService

if TYPE_CHECKING:
    from app.ui.panels.groups import GroupsPanel
    from app.ui.panels.meetups import MeetupsPanel
    from app.ui.panels.members import MembersPanel
    from app.ui.panels.pyramid import PyramidPanel
    from app.ui.panels.queue import QueuePanel
    from app.ui.panels.rules import RulesPanel
    from app.ui.panels.settings import SettingsPanel

GEOMETRY_KEY = "window.geometry"
# (module, class, the navigation title in the panel's translation context), in Ctrl+n order
PANELS = (
    ("app.ui.panels.today", "TodayPanel", QT_TRANSLATE_NOOP("TodayPanel", "Today")),
    ("app.ui.panels.groups", "GroupsPanel", QT_TRANSLATE_NOOP("GroupsPanel", "Groups")),
    ("app.ui.panels.members", "MembersPanel", QT_TRANSLATE_NOOP("MembersPanel", "Members")),
    ("app.ui.panels.pyramid", "PyramidPanel", QT_TRANSLATE_NOOP("PyramidPanel", "Pyramid")),
    ("app.ui.panels.rules", "RulesPanel", QT_TRANSLATE_NOOP("RulesPanel", "Rules")),
    ("app.ui.panels.meetups", "MeetupsPanel", QT_TRANSLATE_NOOP("MeetupsPanel", "Meetups")),
    ("app.ui.panels.queue", "QueuePanel", QT_TRANSLATE_NOOP("QueuePanel", "Queue")),
    ("app.ui.panels.settings", "SettingsPanel", QT_TRANSLATE_NOOP("SettingsPanel", "Settings")),
)
TODAY, GROUPS, MEMBERS, PYRAMID, RULES, MEETUPS, QUEUE, SETTINGS = range(len(PANELS))


def panel_title(index: int) -> str:
    """The navigation title of panel ``index``, in the current language."""
    _module, context, title = PANELS[index]
    return QCoreApplication.translate(context, title)


class MainWindow(QMainWindow):
    """Navigation on the left, the current panel on the right; Ctrl+1… switch panels."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.db_path = db_path
        self.setWindowTitle(self.tr("Huoqun 活群 — {file}").format(file=db_path.name))
        self.setMinimumSize(QSize(760, 520))
        self._panels: list[QWidget | None] = [None] * len(PANELS)
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
        for index in range(len(PANELS)):
            item = QListWidgetItem(panel_title(index))
            item.setToolTip(f"Ctrl+{index + 1}")
            item.setSizeHint(QSize(160, 36))
            self.navigation.addItem(item)
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
        self.reminders.queueOpened.connect(lambda: self.go_to(QUEUE))
        self.reminders.checked.connect(lambda _n: self.refresh_badge())

        for index in range(len(PANELS)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.navigation.setCurrentRow(i))
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self._focus_search)
        QShortcut(QKeySequence.StandardKey.New, self).activated.connect(self._new_item)
        self.welcome.createGroupRequested.connect(self._create_first_group)
        self.welcome.sampleRequested.connect(self.load_sample)
        self.welcome.importRequested.connect(self._import_first_roster)

        self._restore_geometry()
        self._painted = False
        self.navigation.setCurrentRow(TODAY)  # loaded after the first paint
        self.stack.setCurrentWidget(self.today_panel)
        self.navigation.currentRowChanged.connect(self._show_panel)
        self._show_welcome_if_empty()
        self.refresh_badge()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """The first paint: the window is up, so the work of a start can begin."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """Fill the Today panel off the UI thread, then back up (PRODUCT.md §7: start fast)."""
        if not self.isVisible():
            return  # closed before it began
        if self.current_panel() is self.today_panel and not self.today_panel.loaded:
            self.today_panel.load(then=self._daily_backup)
        else:
            self._daily_backup()

    # --- the panels, built when first wanted -----------------------------------------

    def panel(self, index: int) -> Any:
        """Panel ``index`` (see ``PANELS``), built and wired the first time it is asked for."""
        built = self._panels[index]
        if built is None:
            module, name, _title = PANELS[index]
            cls = getattr(importlib.import_module(module), name)
            built = cls(self.db_path, self) if index == SETTINGS else cls(self)
            self._panels[index] = built
            self._wire(index, built)
            self.stack.addWidget(built)
        return built

    def is_built(self, index: int) -> bool:
        return self._panels[index] is not None

    def _wire(self, index: int, panel: Any) -> None:
        """Connect a new panel's signals to the window."""
        if index == SETTINGS:
            panel.dataChanged.connect(self._data_replaced)
            return
        panel.dataChanged.connect(self._data_changed)
        for signal, slot in (
            ("groupOpened", self.show_group),
            ("memberOpened", self.show_member),
            ("pyramidRequested", self.show_pyramid_for),
            ("violationsRequested", self.show_violations_for),
        ):
            if hasattr(panel, signal):
                getattr(panel, signal).connect(slot)

    @property
    def today_panel(self) -> TodayPanel:
        return self.panel(TODAY)

    @property
    def groups_panel(self) -> GroupsPanel:
        return self.panel(GROUPS)

    @property
    def members_panel(self) -> MembersPanel:
        return self.panel(MEMBERS)

    @property
    def pyramid_panel(self) -> PyramidPanel:
        return self.panel(PYRAMID)

    @property
    def rules_panel(self) -> RulesPanel:
        return self.panel(RULES)

    @property
    def meetups_panel(self) -> MeetupsPanel:
        return self.panel(MEETUPS)

    @property
    def queue_panel(self) -> QueuePanel:
        return self.panel(QUEUE)

    @property
    def settings_panel(self) -> SettingsPanel:
        return self.panel(SETTINGS)

    # --- navigation ------------------------------------------------------------------

    def current_panel(self) -> QWidget:
        return self.stack.currentWidget()

    def _show_panel(self, row: int) -> None:
        if row < 0:
            return
        panel = self.panel(row)
        if row == TODAY:
            self.today_panel.load()  # its services take ~0.3 s on the reference load
        else:
            panel.refresh()
        self.stack.setCurrentWidget(panel)

    def go_to(self, row: int) -> None:
        """Show panel ``row`` and select it in the navigation (also when it already is)."""
        if self.navigation.currentRow() == row:
            self._show_panel(row)
        else:
            self.navigation.setCurrentRow(row)

    def show_group(self, group_id: int) -> None:
        self.go_to(GROUPS)
        self.groups_panel.show_group(group_id)

    def show_pyramid_for(self, group_id: int) -> None:
        """Appoint a helper: the Pyramid panel showing ``group_id``."""
        self.go_to(PYRAMID)
        self.pyramid_panel.choose_group(group_id)

    def show_violations_for(self, group_id: int) -> None:
        """The Rules panel's Violations tab, filtered to ``group_id``."""
        from app.ui.panels.rules import TAB_VIOLATIONS

        self.go_to(RULES)
        self.rules_panel.show_tab(TAB_VIOLATIONS)
        combo = self.rules_panel.violation_log.group_filter
        combo.setCurrentIndex(max(0, combo.findData(group_id)))

    def show_member(self, member_id: int) -> None:
        self.go_to(MEMBERS)
        self.members_panel.show_member(member_id)

    def open_task(self, task_id: int) -> None:
        """A reminder was clicked: show the Queue with the task selected and open it."""
        self.go_to(QUEUE)
        self.queue_panel.open_task(task_id)
        self.refresh_badge()

    def refresh_badge(self) -> None:
        """The Queue's navigation item says how many tasks are overdue or due today."""
        due = queue.due_badge()
        title = panel_title(QUEUE)
        self.navigation.item(QUEUE).setText(f"{title} ({due})" if due else title)

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
            self.go_to(GROUPS)

    def _data_replaced(self) -> None:
        """After a restore every panel reloads; an empty result shows the welcome page."""
        for index in (TODAY, GROUPS):
            if self.is_built(index):
                self.panel(index).refresh()
        self.refresh_badge()
        if self.is_built(MEMBERS) and self.members_panel.model.searched:
            self.members_panel.refresh()
        self._show_welcome_if_empty()

    def _import_first_roster(self) -> None:
        self.go_to(GROUPS)
        self.groups_panel.import_roster()
        self._show_welcome_if_empty()

    def _create_first_group(self) -> None:
        self.go_to(GROUPS)
        self.groups_panel.new_item()
        self._show_welcome_if_empty()

    def load_sample(self, member_count: int, group_count: int) -> None:
        """Fill the (empty) database with a sample community, off the UI thread."""
        from app.io import demo

        self._sample_job = run_job(
            self,
            self.tr("Loading a sample community…"),
            lambda progress: demo.build(member_count, group_count, progress=progress),
            lambda _summary: self._sample_loaded(),
        )

    def _sample_loaded(self) -> None:
        self.refresh_badge()
        self.go_to(TODAY)

    def _daily_backup(self) -> None:
        """At start, a "daily" backup when the newest is over a day old; off the UI thread."""
        if not self.isVisible():
            return  # closed before it began
        from app.core import backups

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
        from app.core import suggestions
        from app.ui.widgets.health_tab import task_titles

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
        if self.is_built(TODAY) and self.stack.currentWidget() is self.today_panel:
            self.today_panel.load()

    # --- geometry --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = settings.get(GEOMETRY_KEY)
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(1200, 780)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        finish_all()  # a write still running in a worker finishes or rolls back first
        settings.put(GEOMETRY_KEY, bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        super().closeEvent(event)
