"""Settings: how the Pyramid's promotion and demotion suggestions keep members from flapping."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import candidates, chat_presence
from app.core.errors import HuoqunError
from app.ui.widgets.controls import HINT_STYLE, NOTICE_STYLE
from app.ui.widgets.error_label import ErrorLabel


class PyramidBox(QGroupBox):
    """The tier change margin (no flapping), the demotion margin and the chat criteria
    (promotion: spoke on N of the last 30 days; demotion: silent N days), saved together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pyramidSettingsBox")
        self.setTitle(self.tr("Pyramid"))
        self.tier_margin_spin = QSpinBox()
        self.tier_margin_spin.setObjectName("tierMarginDays")
        self.tier_margin_spin.setRange(*candidates.TIER_MARGIN_RANGE)
        self.tier_margin_spin.setSuffix(self.tr(" days"))
        self.tier_margin_spin.setFixedWidth(110)
        self.demotion_spin = QSpinBox()
        self.demotion_spin.setObjectName("demotionMargin")
        self.demotion_spin.setRange(*candidates.MARGIN_RANGE)
        self.demotion_spin.setFixedWidth(110)
        self.spoke_spin = self._chat_spin("promotionSpokeDays", "promotion_spoke_days")
        self.spoke_spin.setSuffix(self.tr(" of 30 days"))
        self.silent_spin = self._chat_spin("demotionSilentDays", "demotion_silent_days")
        self.silent_spin.setSuffix(self.tr(" days"))
        note = QLabel(
            self.tr(
                "A member promoted or demoted within the margin is not suggested for the "
                "opposite move, so nobody flaps between tiers."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        chat_note = QLabel(
            self.tr(
                "From chat history, for members of groups whose chat was imported: a member "
                "who spoke on enough of the last 30 days (and has no strike) is suggested for "
                "the helpers; a helper silent in the chat that long, for demotion. 0: off."
            )
        )
        chat_note.setWordWrap(True)
        chat_note.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("No opposite move for (after a tier change):"), self.tier_margin_spin)
        form.addRow(
            self.tr("Suggest demotion after this many check-in cadences:"), self.demotion_spin
        )
        form.addRow(self.tr("Suggest promotion when they spoke on:"), self.spoke_spin)
        form.addRow(self.tr("Suggest demotion when silent in the chat for:"), self.silent_spin)
        self.save_button = QPushButton(self.tr("Save pyramid settings"))
        self.save_button.setObjectName("savePyramidSettingsButton")
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.save_button.clicked.connect(self.save)
        self.notice = QLabel()
        self.notice.setObjectName("pyramidSettingsNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.error = ErrorLabel("pyramidSettingsError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.notice, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(chat_note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.refresh()

    def _chat_spin(self, name: str, key: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(*chat_presence.CRITERIA[key][:2])
        spin.setSpecialValueText(self.tr("off"))
        spin.setFixedWidth(130)
        return spin

    def refresh(self) -> None:
        """Show the stored margins and chat criteria."""
        self.tier_margin_spin.setValue(candidates.tier_margin_days())
        self.demotion_spin.setValue(candidates.demotion_margin())
        self.spoke_spin.setValue(chat_presence.chat_days("promotion_spoke_days"))
        self.silent_spin.setValue(chat_presence.chat_days("demotion_silent_days"))
        self.notice.clear()
        self.error.clear_error()

    def save(self) -> bool:
        """Store both margins, or show why not."""
        self.notice.clear()
        try:
            candidates.set_tier_margin_days(self.tier_margin_spin.value())
            candidates.set_demotion_margin(self.demotion_spin.value())
            chat_presence.set_chat_days("promotion_spoke_days", self.spoke_spin.value())
            chat_presence.set_chat_days("demotion_silent_days", self.silent_spin.value())
        except HuoqunError as exc:
            self.error.show_error(exc)
            return False
        self.error.clear_error()
        self.notice.setText(self.tr("Saved."))
        return True
