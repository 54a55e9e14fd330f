"""The frame of a dialog that writes: a summary, a form, a refusal line and an OK button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import HuoqunError
from app.ui.widgets.error_label import ErrorLabel


class FormDialog(QDialog):
    """Subclasses fill ``form``, set every text (translation contexts are per class) and
    implement ``apply``, which writes and may return a line to show afterwards (``outcome``);
    a core refusal is shown in place and the dialog stays open. ``grow_form``: the form takes
    the height the dialog gets (a list in it), instead of the space below the error line.
    """

    def __init__(
        self,
        error_name: str,
        ok_name: str,
        parent: QWidget | None = None,
        *,
        min_width: int = 440,
        grow_form: bool = False,
    ) -> None:
        super().__init__(parent)
        self.outcome: object = None
        self.setMinimumWidth(min_width)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = ErrorLabel(error_name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = QPushButton()
        self.ok_button.setObjectName(ok_name)
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.form, 1 if grow_form else 0)
        layout.addWidget(self.error)
        if not grow_form:
            layout.addStretch(1)
        layout.addWidget(self.buttons)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    def apply(self) -> object:
        raise NotImplementedError

    def before_write(self) -> None:
        """Called just before ``apply`` (a bulk change backs up here); may refuse."""

    def accept(self) -> None:
        """Write; on a refusal show why and stay open."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.before_write()
            outcome = self.apply()
            if outcome is not None:  # some dialogs set ``outcome`` themselves in ``apply``
                self.outcome = outcome
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        super().accept()
