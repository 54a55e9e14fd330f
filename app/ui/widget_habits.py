"""How widgets answer Enter, the wheel and Tab, and show the focus: set once for the whole app.

Qt's defaults surprise desktop users in a few places. Each is fixed here, for every widget as
Qt polishes it (a proxy of the desktop's own style), never widget by widget:

- Enter in a dialog. QDialog makes each push button "auto-default", and a button marked default
  before it had a dialog parent is forgotten; so Enter in a field fired the first button of the
  focus chain: Print…, a colour picker, even Cancel. Here a button a dialog marks as its default
  (OK, Save) is made its default for good; every other button outside the dialog's button box
  answers Enter only while it has the focus.
- The mouse wheel changes a spin box or combo box only when it has the focus; otherwise the
  wheel scrolls whatever is under it, and never moves the focus there.
- Tab leaves a table or list (Qt's tables move from cell to cell); an item view opens a row on
  double-click or Enter, never on a single click, whatever the desktop's setting.
- The focused table or list is drawn with a highlighted frame: its selected row looks the same
  with or without the focus, so where the keyboard was went unseen.
- No dialog opens narrower than its title (``dialog_titles``, an event filter beside the style).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

from app.ui.dialog_titles import fit_dialog_titles

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
FOCUS_FRAME_WIDTH = 2


class _Habits(QObject):
    """The event filter on the widgets ``WidgetHabitsStyle`` polishes: wheel and Enter."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QDialog):
            # before QDialog picks a default button of its own, which it does right after this
            for button in watched.findChildren(QPushButton):
                if button.window() is watched:
                    self.tame_button(button)
        elif kind == QEvent.Type.Wheel:
            if isinstance(watched, QWidget) and not watched.hasFocus():
                event.ignore()  # not ours: the parent (a scroll area, a table) scrolls instead
                return True
        elif kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            if isinstance(watched, QAbstractItemView):
                watched.update()  # its frame shows the focus (the view repaints only its rows)
        elif kind == QEvent.Type.KeyPress and isinstance(watched, QPushButton):
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == NO_MODIFIER
            if event.key() in ENTER_KEYS and plain and watched.isEnabled():
                watched.click()  # Enter presses the focused button, as Space does
                return True
        return False

    def tame_button(self, button: QPushButton) -> None:
        """Only a button its dialog marks as default answers Enter from a field."""
        if not isinstance(button.window(), QDialog):
            return  # outside a dialog a button is never a default button
        if button.isDefault():  # perhaps marked before it had a dialog: tell the dialog now
            button.setDefault(False)  # (setting it again alone would be a no-op)
            button.setDefault(True)
        elif not isinstance(button.parentWidget(), QDialogButtonBox):
            button.setAutoDefault(False)
            button.installEventFilter(self)  # installing twice is harmless: Qt keeps one


class WidgetHabitsStyle(QProxyStyle):
    """The desktop's style, plus the habits of this module applied to each polished widget."""

    def __init__(self, base: str | QStyle) -> None:
        """``base``: the style to keep the look of, by name ("fusion") or itself (taken over)."""
        super().__init__(base)
        self._habits = _Habits(self)

    def polish(self, target: Any) -> Any:  # noqa: N802 - Qt override (widget, palette or app)
        result = super().polish(target)
        if isinstance(target, QWidget):
            self._apply(target)
        return result

    def drawPrimitive(  # noqa: N802 - Qt override
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if (
            element == QStyle.PrimitiveElement.PE_Frame
            and isinstance(widget, QAbstractItemView)
            and widget.hasFocus()
        ):
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), FOCUS_FRAME_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_FRAME_WIDTH // 2
            painter.drawRect(option.rect.adjusted(half, half, -half, -half))
            painter.restore()

    def pixelMetric(  # noqa: N802 - Qt override
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        if metric == QStyle.PixelMetric.PM_DefaultFrameWidth and isinstance(
            widget, QAbstractItemView
        ):
            return max(value, FOCUS_FRAME_WIDTH)  # room for the focus frame
        return value

    def styleHint(  # noqa: N802 - Qt override
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,  # noqa: N803 - Qt's name
    ) -> int:
        if hint == QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick:
            return 0
        return super().styleHint(hint, option, widget, returnData)

    def _apply(self, widget: QWidget) -> None:
        if isinstance(widget, QAbstractSpinBox | QComboBox):
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(self._habits)
        elif isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)
            widget.installEventFilter(self._habits)
        elif isinstance(widget, QPushButton):
            self._habits.tame_button(widget)  # one shown after its dialog was
        elif isinstance(widget, QDialog):
            widget.installEventFilter(self._habits)


def install(app: QApplication) -> WidgetHabitsStyle:
    """Give ``app`` the habits, on top of the style it has now; returns the style set."""
    fit_dialog_titles(app)
    current = app.style()
    if isinstance(current, WidgetHabitsStyle):
        return current
    style = WidgetHabitsStyle(current.name())
    app.setStyle(style)
    return style
