"""The main window's menus: File, Edit, View and Help, and the commands they run.

Their keys work without opening them: Ctrl+1…8 for the panels, Ctrl+N, Ctrl+F, Ctrl+Q, and
Ctrl+Z / Ctrl+Shift+Z to undo and redo (``undo_steps``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from app.ui.navigation import GROUPS, MEMBERS, PANELS, SETTINGS, panel_title
from app.ui.undo_steps import UndoSteps

if TYPE_CHECKING:
    from app.ui.chats.entry import ChatPaths
    from app.ui.main_window import MainWindow


class WindowMenus(QObject):
    """The window's menu bar, built once; each command shows the panel that does it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._build_menus()

    def _build_menus(self) -> None:
        """File, Edit, View and Help, as on any desktop; their keys work without opening them."""
        bar = self._window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self._action(file_menu, "importAction", self.tr("&Import a roster…"), self.import_roster)
        self._action(
            file_menu, "importChatAction", self.tr("Import &chat history…"), self.import_chats
        )
        self._action(file_menu, "exportAction", self.tr("&Export members…"), self.export_members)
        self._action(file_menu, "backupAction", self.tr("&Back up now"), self.back_up_now)
        file_menu.addSeparator()
        quit_action = self._action(file_menu, "quitAction", self.tr("&Quit"), self._window.close)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # also where the platform names none
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        new = self._action(edit_menu, "newAction", self.tr("&New…"), self._new_item)
        new.setShortcut(QKeySequence.StandardKey.New)
        find = self._action(edit_menu, "findAction", self.tr("&Find"), self._focus_search)
        find.setShortcut(QKeySequence.StandardKey.Find)
        self.undo_steps = UndoSteps(self._window, edit_menu)  # Undo “…”, Redo “…” on top

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        self.panel_actions = QActionGroup(self)
        for index in range(len(PANELS)):
            action = self._action(
                view_menu,
                f"viewPanel{index + 1}",
                panel_title(index),
                lambda i=index: self._window.go_to(i),
            )
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.setCheckable(True)
            self.panel_actions.addAction(action)
        self._window.navigation.currentRowChanged.connect(self._check_panel_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        about = self._action(help_menu, "aboutAction", self.tr("&About Huoqun"), self.about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _action(self, menu: Any, name: str, text: str, slot: Any) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _check_panel_action(self, row: int) -> None:
        actions = self.panel_actions.actions()
        if 0 <= row < len(actions):
            actions[row].setChecked(True)

    # --- the menus' commands ----------------------------------------------------------

    def import_roster(self) -> None:
        """File → Import: the import wizard of the Members panel."""
        self._window.go_to(MEMBERS)
        self._window.members_panel.import_roster()

    def import_chats(self, paths: ChatPaths = ()) -> None:
        """File → Import chat history (or files dropped): the Groups panel's chat wizard."""
        self._window.go_to(GROUPS)
        self._window.groups_panel.import_chats(paths)

    def open_dropped(self, paths: ChatPaths) -> None:
        """Files dropped on the window: a chat export opens the chat wizard on them, a roster
        the roster wizard (told by content: ``app.io.chats.detect``)."""
        from app.ui.chats.entry import is_chat_export  # the wizard's modules when wanted

        if is_chat_export(paths):
            self.import_chats(paths)
        else:
            self._window.go_to(MEMBERS)
            self._window.members_panel.import_roster(str(paths[0]))

    def export_members(self) -> None:
        """File → Export: the Members panel's export of the members it shows."""
        self._window.go_to(MEMBERS)
        self._window.members_panel.export()

    def back_up_now(self) -> None:
        """File → Back up now: in Settings, where the backups are listed."""
        self._window.go_to(SETTINGS)
        self._window.settings_panel.backups_box.back_up_now()

    def about(self) -> None:
        """Help → About."""
        from app.ui.settings.about_dialog import AboutDialog
        from app.ui.widgets.dialog_running import accepted

        accepted(self._window.exec_dialog, AboutDialog(self._window.db_path, self._window))

    def _focus_search(self) -> None:
        focus = getattr(self._window.current_panel(), "focus_search", None)
        if focus is not None:
            focus()

    def _new_item(self) -> None:
        new = getattr(self._window.current_panel(), "new_item", None)
        if new is not None:
            new()
