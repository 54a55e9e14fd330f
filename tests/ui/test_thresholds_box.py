"""Settings: the health thresholds are saved, and a refusal is shown in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.core import health
from app.ui.widgets.thresholds_box import ThresholdsBox


def test_thresholds_are_saved_and_refusals_shown(qtbot: Any) -> None:
    box = ThresholdsBox()
    qtbot.addWidget(box)
    box.show()
    before = health.thresholds()
    assert box.spins["group_cadence_days"].value() == before["group_cadence_days"]
    box.spins["group_cadence_days"].setValue(10)
    box.spins["silent_members_share"].setValue(60)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.notice.text() == "Saved."
    assert health.thresholds()["group_cadence_days"] == 10
    assert health.thresholds()["silent_members_share"] == 0.6

    box.spins["silence_multiplier"].setValue(1)  # below the lowest allowed
    box.spins["group_cadence_days"].setValue(20)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert not box.error.isHidden()
    assert "silence_multiplier" in box.error.text()
    assert box.notice.text() == ""
    assert health.thresholds()["group_cadence_days"] == 10  # all or nothing
