"""The QApplication on a qasync loop, translations, the lock and the main window.

PySide6 is imported here before qasync so that qasync picks this binding.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import PySide6  # noqa: F401 - before qasync, so qasync uses PySide6
import qasync
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import lock
from app.core import settings
from app.core.database import (
    FileCheck,
    close_database,
    database_path,
    disk_full_error,
    open_community,
    out_of_room,
    remove_database,
)
from app.core.errors import HuoqunError
from app.paths import RESOURCES
from app.ui.error_messages import error_text, tell_user
from app.ui.gc_collector import collect_on_ui_thread
from app.ui.widget_habits import install as install_widget_habits

DISPLAY_NAME = "Huoqun 活群"  # the name on windows and the About box, in every language
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
GIL_SWITCH_S = 0.001
_translators: list[QTranslator] = []
# Labels of Qt's own file dialog that the qtbase_zh_CN.qm shipped with PySide6 lacks (Qt gave
# them shortcuts, and its translation still has the old texts): our translations carry them.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def system_language() -> str:
    """zh_CN when the system speaks Chinese, otherwise English."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translations(app: QCoreApplication, language: str) -> None:
    """Replace the installed translators with those of ``language`` (zh_CN or en).

    English needs a file too: it holds the singular and plural forms of "%n" messages.
    Qt's own translation (qtbase) comes with Chinese, for its dialogs and buttons.
    """
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    code = "zh_CN" if language == "zh_CN" else "en"
    QLocale.setDefault(QLocale("zh_CN" if code == "zh_CN" else "en_US"))  # numbers, dates
    ours = QTranslator()
    if ours.load(str(RESOURCES / "i18n" / f"huoqun_{code}.qm")):
        _translators.append(ours)
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if code == "zh_CN" and qt.load("qtbase_zh_CN", qt_dir):
        _translators.append(qt)
    for translator in _translators:
        app.installTranslator(translator)


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Huoqun")
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setOrganizationName("Huoqun")
    collect_on_ui_thread(app)  # Qt objects must not be collected in a worker thread
    install_widget_habits(app)  # Enter, wheel, Tab and dialog titles as desktop users expect
    # A job's thread hands the GIL back every millisecond, not every five: with SQLite
    # releasing and retaking it per row, the UI thread otherwise waited up to 140 ms.
    sys.setswitchinterval(GIL_SWITCH_S)
    icon = RESOURCES / "icons" / "huoqun.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run_app(db_path: Path, check: FileCheck | None = None) -> int:
    """Open the window on ``db_path``; returns the process exit code.

    ``check``: the file's ``FileCheck`` when the caller started one (``huoqun`` does).
    """
    app = make_application()
    install_translations(app, system_language())
    title = QCoreApplication.translate("App", "Huoqun cannot open the database")
    try:
        real = database_path(db_path, create=True)
        created = not real.exists()
        held = lock.acquire(real)
    except HuoqunError as exc:
        tell_user(title, error_text(exc))
        return 1
    stop = _StopOnSignals(app)
    unfinished = False  # a database this start created and could not finish making
    try:
        from app.ui.main_window import MainWindow  # while the file check runs in its thread

        try:
            open_community(db_path, system_language(), check)
        except HuoqunError as exc:
            tell_user(title, error_text(exc))
            return 1
        except Exception as exc:
            if not out_of_room(exc, db_path):
                raise
            tell_user(
                title, error_text(disk_full_error())
            )  # no room even to open (migrate, backup)
            unfinished = created
            return 1
        if stop.requested:
            return 0
        install_translations(app, settings.get("language") or system_language())
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        window = MainWindow(db_path)
        window.show()
        if not stop.requested:
            with loop:
                reminder_loop = asyncio.ensure_future(window.reminders.run())  # kept, cancelled
                app.aboutToQuit.connect(reminder_loop.cancel)
                try:
                    loop.run_until_complete(_until_quit(app))
                finally:
                    reminder_loop.cancel()
        return 0
    finally:
        stop.restore()
        from app.ui.jobs import finish_all

        finish_all()
        try:
            close_database()  # its checkpoint needs room: without, the WAL keeps what was written
        except Exception as exc:
            if not out_of_room(exc, db_path):
                raise
        if unfinished:
            remove_database(real)
        held.unlock()


class _StopOnSignals:
    """SIGTERM (logout, ``kill``) and Ctrl+C close the windows like the close button does,
    cancelling a running job without asking (nobody is there to answer).

    A signal that comes before the window is up is remembered, and the window never opens.
    """

    def __init__(self, app: QApplication) -> None:
        self.requested = False
        self._app = app
        self._previous = {
            number: signal.signal(number, self._handle)
            for number in (signal.SIGINT, signal.SIGTERM)
        }
        # Python runs signal handlers only between bytecodes: wake it now and then.
        self._ticker = QTimer()
        self._ticker.timeout.connect(lambda: None)
        self._ticker.start(300)

    def _handle(self, *_: object) -> None:
        from app.ui.jobs import finish_all

        self.requested = True
        finish_all()  # a job is cancelled without asking: nobody is there to answer
        self._app.closeAllWindows()

    def restore(self) -> None:
        """Put back the handlers that were there before."""
        self._ticker.stop()
        for number, handler in self._previous.items():
            signal.signal(number, handler)


async def _until_quit(app: QApplication) -> None:
    quitting = asyncio.Event()
    app.aboutToQuit.connect(quitting.set)
    await quitting.wait()
