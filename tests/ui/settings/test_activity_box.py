"""Settings: the activity thresholds and the ad-word list are saved together, a refusal is
shown in place, and the next chat import flags ads by the words saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.core import clock, health_thresholds
from app.core.ad_like import AD_WORDS
from app.store.models import Message
from app.ui.settings.activity_box import ActivityBox
from tests.core.chat_samples import ChatLog


def test_activity_thresholds_and_ad_words_are_saved_together(qtbot: Any, tmp_path: Path) -> None:
    box = ActivityBox()
    qtbot.addWidget(box)
    box.show()
    assert box.spins["activity_falling_trend"].value() == 50  # 0.5, shown in per cent
    assert box.spins["soul_days"].value() == 8
    assert box.words.toPlainText() == "、".join(AD_WORDS)
    box.spins["activity_falling_trend"].setValue(40)
    box.spins["newcomers_min"].setValue(5)
    box.words.setPlainText("招聘, 刷单\n日结")  # typed through an input method
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.notice.text() == "Saved."
    stored = health_thresholds.thresholds()
    assert (stored["activity_falling_trend"], stored["newcomers_min"]) == (0.4, 5)
    assert health_thresholds.ad_words() == ("招聘", "刷单", "日结")
    assert box.words.toPlainText() == "招聘、刷单、日结"

    box.spins["activity_collapse_trend"].setValue(60)  # above the falling trend: refused
    box.words.setPlainText("兼职")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert not box.error.isHidden() and "falling trend" in box.error.text()
    assert box.notice.text() == ""
    assert health_thresholds.ad_words() == ("招聘", "刷单", "日结")  # all or nothing
    assert health_thresholds.thresholds()["activity_collapse_trend"] == 0.25

    today = clock.local_today()
    log = ChatLog()
    log.say("20001", "王芳", today, text="招聘日结 加微信 abc12345")
    log.say("20002", "李雷", today, text="加微信 abc12345 领取优惠券")  # no longer an ad word
    log.imported(tmp_path)
    flagged = [m.sender_name or m.member.name for m in Message.select() if m.flags & 2]
    assert flagged == ["王芳"]


def test_the_activity_box_offers_only_what_the_core_accepts(qtbot: Any) -> None:
    box = ActivityBox()
    qtbot.addWidget(box)
    for key, spin in box.spins.items():
        low, high = health_thresholds.THRESHOLDS[key]
        scale = 100 if key in health_thresholds.SHARES else 1
        assert (spin.minimum(), spin.maximum()) == (low * scale, high * scale), key
