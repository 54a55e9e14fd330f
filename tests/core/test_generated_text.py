"""What Huoqun writes is stored as a code and parameters and shown in the interface language."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from app.core import generated_text, suggestions, tasks
from app.core.generated_text import Generated, render
from app.store.models import Task

CHINESE = {
    ("Health", "Check in with {member}"): "和 {member} 沟通",
    ("Generated", "Remove {member} from {group}"): "将 {member} 移出 {group}",
    ("Health", "Broken {group}"): "坏了 {who}",
}


def chinese(context: str, text: str) -> str:
    return CHINESE.get((context, text), text)


def test_a_generated_text_is_english_and_carries_its_code_and_parameters() -> None:
    title = Generated("ban.remove", member="张三", group="读书会")
    assert title == "Remove 张三 from 读书会"
    assert (title.text_key, json.loads(title.text_args)) == (
        "ban.remove",
        {"member": "张三", "group": "读书会"},
    )
    assert generated_text.stored(title) == (title.text_key, title.text_args)
    assert generated_text.stored("我自己写的") == ("", "")
    with pytest.raises(KeyError):
        Generated("no.such.key")


def test_render_shows_huoqun_s_words_in_the_language_and_the_operator_s_as_typed() -> None:
    args = '{"group": "读书会", "member": "张三"}'
    assert render("ban.remove", args, "stored", chinese) == "将 张三 移出 读书会"
    assert render("ban.remove", args, "stored", generated_text.english) == "Remove 张三 from 读书会"
    assert render("", "", "我自己写的", chinese) == "我自己写的"
    assert render("gone.in.this.version", args, "as stored", chinese) == "as stored"
    assert render("health.helper", {"member": "李四"}, "", chinese) == "和 李四 沟通"


def test_a_translation_that_does_not_fit_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(suggestions.TITLES, "broken", "Broken {group}")
    assert render("health.broken", '{"group": "读书会"}', "x", chinese) == "Broken 读书会"
    assert render("health.broken", "not json", "as stored", chinese) == "as stored"


def test_a_key_added_to_the_suggestion_titles_needs_nothing_else(
    monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    monkeypatch.setitem(suggestions.TITLES, "helper_groups", "Check in with {member} ({groups})")
    title = suggestions.title_for("helper_groups", member="张三", groups="读书会、爬山群")
    task = Task.create(title=title, created_at=now)
    stored = Task.get_by_id(task.id)
    assert (stored.title, stored.title_key) == (
        "Check in with 张三 (读书会、爬山群)",
        "health.helper_groups",
    )
    assert render(stored.title_key, stored.title_args, stored.title, chinese) == stored.title


def test_retyping_a_generated_title_makes_it_the_operator_s(now: datetime) -> None:
    task = Task.create(title=Generated("ban.remove", member="张三", group="读书会"), created_at=now)
    tasks.update_task(task.id, title="Remove 张三 from 读书会", priority=1)  # the same words
    assert Task.get_by_id(task.id).title_key == "ban.remove"
    tasks.update_task(task.id, title="把张三请出去")
    edited = Task.get_by_id(task.id)
    assert (edited.title, edited.title_key, edited.title_args) == ("把张三请出去", "", "")
    assert render(edited.title_key, edited.title_args, edited.title, chinese) == "把张三请出去"
