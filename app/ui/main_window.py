"""The main window: a menu bar, a navigation bar and one panel per concern.

Only the Today panel is built at start; every other panel (and its module) is built the
first time it is shown, so a large database opens as fast as an empty one (PRODUCT.md §7).
The menus (``window_menus``) carry the window's keys; the work of a start, after the first
paint, is in ``window_start``; the panels' order and titles in ``navigation``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.core import groups, members, queue, settings, undo
from app.ui.app import DISPLAY_NAME
from app.ui.changes import Change, announce, change_bus
from app.ui.generated_text import show_default_tiers
from app.ui.jobs import finish_all, run_job, shown_jobs
from app.ui.navigation import (
    GROUPS,
    MEETUPS,
    MEMBERS,
    PANELS,
    PYRAMID,
    QUEUE,
    RULES,
    SETTINGS,
    TODAY,
    panel_title,
)
from app.ui.notice_area import NoticeArea
from app.ui.reminder_service import ReminderService
from app.ui.welcome import WelcomePage
from app.ui.window_menus import WindowMenus
from app.ui.window_start import WindowStart

if TYPE_CHECKING:
    from app.ui.groups.panel import GroupsPanel
    from app.ui.meetups.panel import MeetupsPanel
    from app.ui.members.panel import MembersPanel
    from app.ui.pyramid.panel import PyramidPanel
    from app.ui.queue.panel import QueuePanel
    from app.ui.rules.panel import RulesPanel
    from app.ui.settings.panel import SettingsPanel
    from app.ui.today.panel import TodayPanel

GEOMETRY_KEY = "window.geometry"
P = TypeVar("P")


class _PanelAt(Generic[P]):
    """A window attribute that is the panel at ``index``, typed as ``P``."""

    def __init__(self, index: int) -> None:
        self.index = index

    def __get__(self, window: MainWindow, owner: type | None = None) -> P:
        panel: P = window.panel(self.index)
        return panel


class MainWindow(QMainWindow):
    """Navigation on the left, the current panel on the right; Ctrl+1… switch panels."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.db_path = db_path
        self._quit_confirmed = False
        # The desktop appends nothing when the title already ends with the app's name.
        self.setWindowTitle(f"{db_path.name} — {DISPLAY_NAME}")
        self.setMinimumSize(QSize(760, 520))
        self._panels: list[QWidget | None] = [None] * len(PANELS)
        show_default_tiers()  # before a panel reads their names
        self.welcome = WelcomePage(self)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setSpacing(2)
        self.navigation.setStyleSheet(  # a frame only while it has the focus, to show it has
            "QListWidget#navigation { border: 2px solid transparent; padding-top: 6px; }"
            "QListWidget#navigation:focus { border-color: palette(highlight); }"
            "QListWidget#navigation::item { padding-left: 12px; }"
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
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        # The one notice area, in the status bar: it never pushes the panels (notice_area.py).
        self.notices = NoticeArea()
        self.statusBar().addWidget(self.notices, 1)
        self.statusBar().setFixedHeight(self.statusBar().sizeHint().height())
        self.reminders = ReminderService(self.notices, self)
        self.reminders.taskOpened.connect(self.open_task)
        self.reminders.queueOpened.connect(lambda: self.go_to(QUEUE))
        self.reminders.checked.connect(lambda _n: self.refresh_badge())
        change_bus().changed.connect(self._data_changed)

        undo.enable()  # what is changed in the window can be undone (PRODUCT.md §9)
        self.menus = WindowMenus(self)
        self.start = WindowStart(self)
        self.welcome.createGroupRequested.connect(self._create_first_group)
        self.welcome.sampleRequested.connect(self.load_sample)
        self.welcome.importRequested.connect(self._import_first_roster)
        self.welcome.chatImportRequested.connect(self._import_first_chats)
        self.setAcceptDrops(True)  # chat exports and rosters dropped open their wizards

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
            QTimer.singleShot(0, self.start.after_first_paint)

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
        """Connect a new panel's requests to the window."""
        for signal, slot in (
            ("groupOpened", self.show_group),
            ("memberOpened", self.show_member),
            ("pyramidRequested", self.show_pyramid_for),
            ("violationsRequested", self.show_violations_for),
            ("queueRequested", lambda: self.go_to(QUEUE)),
        ):
            if hasattr(panel, signal):
                getattr(panel, signal).connect(slot)

    # Each panel by name, typed, built the first time it is asked for (``panel``).
    today_panel: _PanelAt[TodayPanel] = _PanelAt(TODAY)
    groups_panel: _PanelAt[GroupsPanel] = _PanelAt(GROUPS)
    members_panel: _PanelAt[MembersPanel] = _PanelAt(MEMBERS)
    pyramid_panel: _PanelAt[PyramidPanel] = _PanelAt(PYRAMID)
    rules_panel: _PanelAt[RulesPanel] = _PanelAt(RULES)
    meetups_panel: _PanelAt[MeetupsPanel] = _PanelAt(MEETUPS)
    queue_panel: _PanelAt[QueuePanel] = _PanelAt(QUEUE)
    settings_panel: _PanelAt[SettingsPanel] = _PanelAt(SETTINGS)

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
        self.go_to(RULES)
        self.rules_panel.show_violations_for(group_id)

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

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # --- empty database --------------------------------------------------------------

    def is_empty(self) -> bool:
        return groups.count_groups() == 0 and members.count_members() == 0

    def _show_welcome_if_empty(self) -> None:
        if self.is_empty():
            self.stack.setCurrentWidget(self.welcome)
            self.navigation.clearSelection()
            self.welcome.create_button.setFocus()

    def _data_changed(self, change: Change, _source: object) -> None:
        """Whatever was written: the badge; after a restore, the welcome page if it is empty;
        the first group made from the welcome page, the Groups panel. The panels redraw
        themselves (``ui/changes.py``)."""
        self.refresh_badge()
        self.reminders.follow_tasks()  # a notice goes when its task is done or snoozed
        if change == Change.EVERYTHING:
            self._show_welcome_if_empty()
        elif self.stack.currentWidget() is self.welcome and not self.is_empty():
            self.go_to(GROUPS)

    def _import_first_roster(self) -> None:
        self.go_to(GROUPS)
        self.groups_panel.import_roster()
        self._show_welcome_if_empty()

    def _import_first_chats(self) -> None:
        self.menus.import_chats()
        self._show_welcome_if_empty()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if _dropped_files(event) and not shown_jobs():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        """Dropped files: a chat export or a roster, into its wizard."""
        paths = _dropped_files(event)
        if paths and not shown_jobs():
            event.acceptProposedAction()
            self.menus.open_dropped(paths)
            self._show_welcome_if_empty()

    def _create_first_group(self) -> None:
        self.go_to(GROUPS)
        self.groups_panel.new_item()
        self._show_welcome_if_empty()

    def load_sample(self, member_count: int, group_count: int) -> None:
        """Fill the (empty) database with a sample community, off the UI thread."""
        from app.sample import demo

        self._sample_job = run_job(
            self,
            self.tr("Loading a sample community…"),
            lambda progress: _unrecorded(
                lambda: demo.build(member_count, group_count, progress=progress)
            ),
            lambda _summary: self._sample_loaded(),
        )

    def _sample_loaded(self) -> None:
        announce(Change.EVERYTHING, self)
        self.go_to(TODAY)

    # --- geometry --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = settings.get(GEOMETRY_KEY)
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(1200, 780)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Quit; while a job the person started runs, first ask whether to cancel it."""
        running = shown_jobs()
        if running and not self._quit_confirmed:
            event.ignore()
            self.ask_to_quit(running[0].title)
            return
        finish_all()  # a write still running in a worker finishes or rolls back first
        undo.enable(False)
        settings.put(GEOMETRY_KEY, bytes(self.saveGeometry().toBase64().data()).decode("ascii"))
        super().closeEvent(event)

    def ask_to_quit(self, title: str) -> QMessageBox:
        """ "Cancel … and quit?" without waiting here; quitting closes the window again."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Quit Huoqun"),
            self.tr("Cancel “{job}” and quit?").format(job=title.rstrip("…")),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("quitWhileRunning")
        box.setInformativeText(self.tr("What it has done so far is rolled back."))
        quit_button = box.addButton(
            self.tr("Cancel it and quit"), QMessageBox.ButtonRole.AcceptRole
        )
        quit_button.setObjectName("cancelAndQuitButton")
        keep = box.addButton(self.tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepWorkingButton")
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        quit_button.clicked.connect(self._quit_anyway)  # the box closes itself either way
        box.open()
        return box

    def _quit_anyway(self) -> None:
        self._quit_confirmed = True
        self.close()


def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries ([] for anything else)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]


def _unrecorded(build: Any) -> Any:
    """The sample community is no step to undo: it is written without recording."""
    with undo.paused():
        return build()
