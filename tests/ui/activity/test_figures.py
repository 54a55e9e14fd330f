"""The activity words: shares, trend arrows and ratios, and how the Groups columns sort and
filter groups with and without chat history."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.core import activity, groups
from app.ui.activity import group_columns as columns
from app.ui.activity.figures import arrow, percent, presence_word, trend_sentence, trend_text
from tests.ui.activity.chat_story import imported_story


def test_shares_and_trends_in_words() -> None:
    assert (percent(None), percent(0.0), percent(0.426), percent(1.0)) == (
        "—",
        "0 %",
        "43 %",
        "100 %",
    )
    assert (arrow(None), arrow(0.25), arrow(0.95), arrow(1.05), arrow(1.6)) == (
        "",
        "▼",
        "→",
        "→",
        "▲",
    )
    assert (trend_text(None), trend_text(0.25), trend_text(1.6)) == ("—", "▼ 0.25×", "▲ 1.60×")
    assert [presence_word(p) for p in activity.PRESENCES] == [
        "Regular",
        "Occasional",
        "Once",
        "Silent",
    ]


def test_a_group_without_history_sorts_below_every_figure(now: datetime, tmp_path: Path) -> None:
    story = imported_story(tmp_path)
    bare = groups.create_group("摄影群", "wechat", "interest").id
    found = columns.load([story, bare])
    assert columns.chat_kind(found[bare]) == "none" and columns.chat_kind(found[story]) == "falling"
    for column in columns.NUMBERS:
        assert columns.sort_value(found[bare], column) < columns.sort_value(found[story], column)
        assert columns.text(found[bare], column) == "—"
    assert columns.sort_value(found[story], columns.COL_MESSAGES_30D) == found[story].messages_30d
    assert columns.accepts("history", "falling") and not columns.accepts("history", "none")
    assert columns.accepts("", "none") and not columns.accepts("rising", "falling")
    assert trend_sentence(found[bare]) == "—"
