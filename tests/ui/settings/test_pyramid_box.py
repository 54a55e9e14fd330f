"""Settings, Pyramid: the tier change margin (no flapping) and the demotion margin."""

from __future__ import annotations

from typing import Any

from app.core import candidates
from app.ui.settings.panel import SettingsPanel
from tests.ui.driving import click


def test_the_margins_are_shown_and_saved(qtbot: Any, database: Any) -> None:
    panel = SettingsPanel(database)
    qtbot.addWidget(panel)
    box = panel.pyramid_box
    assert box.title() == "Pyramid"
    assert (box.tier_margin_spin.value(), box.demotion_spin.value()) == (60, 3)
    assert box.tier_margin_spin.suffix() == " days"
    box.tier_margin_spin.setValue(90)
    box.demotion_spin.setValue(4)
    click(qtbot, box.save_button)
    assert (candidates.tier_margin_days(), candidates.demotion_margin()) == (90, 4)
    assert box.notice.text() == "Saved."
    candidates.set_tier_margin_days(30)
    panel.refresh()
    assert box.tier_margin_spin.value() == 30
    assert box.notice.text() == ""
