"""Dialog titles that fit: no dialog opens narrower than the words of its title bar.

A small dialog ("Check in with 王小明", "Groups following “No ads or links”") sized to its
form left its title cut to "Check in wi…" on Windows. One application-wide event filter widens
every dialog as it is shown to its title's width plus the title bar's icon and buttons, so no
dialog needs to remember it (and new ones cannot forget it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

# The title bar's icon, close button and margins beside the words (Windows 11 draws a 46 px
# close button and a 16 px icon with padding; other desktops need less).
TITLE_ROOM = 120


def title_width(widget: QWidget) -> int:
    """How wide ``widget`` must be for its whole window title to show in the title bar."""
    title = widget.windowTitle()
    if not title:
        return 0
    fonts = (widget.font(), QFontDatabase.systemFont(QFontDatabase.SystemFont.TitleFont))
    words = max(QFontMetrics(font).horizontalAdvance(title) for font in fonts)
    return words + TITLE_ROOM


def fit_title(dialog: QDialog) -> None:
    """Widen ``dialog`` (never past the screen) so its title is not cut."""
    needed = title_width(dialog)
    screen = dialog.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().width())
    if dialog.width() >= needed:
        return
    label = dialog.findChild(QLabel, "qt_msgbox_label")
    if isinstance(dialog, QMessageBox) and label is not None:
        # A message box fixes its own size from its layout whenever that changes: widen the
        # layout (its text) instead, and the box follows.
        label.setMinimumWidth(label.width() + needed - dialog.width())
    else:
        dialog.resize(needed, dialog.height())


class TitleFitter(QObject):
    """Fits every dialog to its title as it is shown (installed on the application)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            if isinstance(watched, QMessageBox):  # it sizes itself as it shows: after that
                QTimer.singleShot(0, watched, lambda box=watched: fit_title(box))
            elif watched.isWindow():
                fit_title(watched)
        return False


_fitters: list[TitleFitter] = []


def fit_dialog_titles(app: QApplication) -> None:
    """Install the title fitter on ``app`` (once)."""
    if not _fitters:
        _fitters.append(TitleFitter(app))
        app.installEventFilter(_fitters[0])
