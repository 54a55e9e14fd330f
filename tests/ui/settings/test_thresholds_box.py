"""Settings: the health thresholds are saved, and a refusal is shown in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.core import health_thresholds
from app.ui.settings.thresholds_box import ThresholdsBox


def test_thresholds_are_saved_and_refusals_shown(qtbot: Any) -> None:
    box = ThresholdsBox()
    qtbot.addWidget(box)
    box.show()
    before = health_thresholds.thresholds()
    assert box.spins["group_cadence_days"].value() == before["group_cadence_days"]
    box.spins["group_cadence_days"].setValue(10)
    box.spins["silent_members_share"].setValue(60)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.notice.text() == "Saved."
    assert health_thresholds.thresholds()["group_cadence_days"] == 10
    assert health_thresholds.thresholds()["silent_members_share"] == 0.6

    box.spins["silence_multiplier"].setMinimum(1)  # as if the box offered more than the core
    box.spins["silence_multiplier"].setValue(1)  # below the lowest allowed
    box.spins["group_cadence_days"].setValue(20)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert not box.error.isHidden()
    assert "silence_multiplier" in box.error.text()
    assert box.notice.text() == ""
    assert health_thresholds.thresholds()["group_cadence_days"] == 10  # all or nothing


def test_the_boxes_offer_only_what_the_core_accepts(qtbot: Any) -> None:
    box = ThresholdsBox()
    qtbot.addWidget(box)
    cadence = box.spins["group_cadence_days"]
    cadence.setValue(0)  # a cadence of 0 days cannot be entered
    assert cadence.value() == 1
    for key, spin in box.spins.items():
        low, high = health_thresholds.THRESHOLDS[key]
        scale = 100 if key == "silent_members_share" else 1
        assert (spin.minimum(), spin.maximum()) == (low * scale, high * scale), key
