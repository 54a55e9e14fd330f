"""The rule library: create, edit, retire, restore; adoption and order; announcement, Markdown."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

import pytest

from app.core import groups, members, rules, violations
from app.core.errors import NotFound, ValidationError
from app.store.models import GroupRule, Rule, Violation
from tests.core.conftest import StatementLog

Counter = Callable[[], AbstractContextManager[StatementLog]]


def titles(group_id: int) -> list[str]:
    return [r.title for r in rules.group_rules(group_id)]


def test_a_rule_is_created_with_its_fields_trimmed() -> None:
    rule = rules.create_rule("  禁止广告  ", "  不发广告和二维码。 ", "removal", 3)
    stored = Rule.get_by_id(rule.id)
    assert (stored.title, stored.text, stored.severity, stored.strike_points) == (
        "禁止广告",
        "不发广告和二维码。",
        "removal",
        3,
    )
    assert stored.retired_at is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "   "}, "A rule needs a title."),
        ({"title": "长" * 101}, "A rule title can have at most 100 characters."),
        ({"title": "t", "text": "x" * 2001}, "A rule's text can have at most 2000 characters."),
        ({"title": "t", "severity": "fatal"}, "Unknown severity “fatal”"),
        ({"title": "t", "strike_points": 11}, "strike points must be a whole number from 0 to 10"),
        ({"title": "t", "strike_points": -1}, "from 0 to 10"),
        ({"title": "t", "strike_points": True}, "from 0 to 10"),
    ],
)
def test_bad_rules_are_refused_and_nothing_is_written(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        rules.create_rule(**fields)  # type: ignore[arg-type]
    assert Rule.select().count() == 0


def test_errors_are_translatable_templates_with_parameters() -> None:
    with pytest.raises(ValidationError) as caught:
        rules.create_rule("t", strike_points=20)
    assert caught.value.template == "The {what} must be a whole number from {low} to {high}."
    assert caught.value.params == {"what": "strike points", "low": 0, "high": 10}


def test_titles_are_unique_among_rules_in_use_ignoring_case() -> None:
    spam = rules.create_rule("No spam")
    with pytest.raises(ValidationError, match="There is already a rule called “No spam”"):
        rules.create_rule("no SPAM")
    rules.retire_rule(spam.id)
    again = rules.create_rule("no SPAM")  # a retired rule's title is free again
    with pytest.raises(ValidationError, match="already a rule"):
        rules.restore_rule(spam.id)  # …so the old one cannot come back under it
    rules.update_rule(again.id, title="No spam, no ads")
    rules.restore_rule(spam.id)
    assert Rule.get_by_id(spam.id).retired_at is None


def test_update_changes_only_the_given_fields_and_validates_them() -> None:
    rule = rules.create_rule("不刷屏", "一次说完", "notice", 1)
    other = rules.create_rule("禁止广告")
    updated = rules.update_rule(rule.id, strike_points=2, severity="warning")
    assert (updated.title, updated.text, updated.severity, updated.strike_points) == (
        "不刷屏",
        "一次说完",
        "warning",
        2,
    )
    with pytest.raises(ValidationError, match="already a rule"):
        rules.update_rule(rule.id, title="禁止广告")
    with pytest.raises(ValidationError, match="needs a title"):
        rules.update_rule(other.id, title="")
    with pytest.raises(TypeError):
        rules.update_rule(rule.id, retired_at=None)
    with pytest.raises(NotFound, match="Rule #999 no longer exists"):
        rules.update_rule(999, text="x")
    assert Rule.get_by_id(rule.id).title == "不刷屏"


def test_adoption_appends_is_idempotent_and_drop_closes_the_gap() -> None:
    group = groups.create_group("读书会").id
    a, b, c = (rules.create_rule(t).id for t in ("A", "B", "C"))
    for rule_id in (a, b, c, b):
        rules.adopt_rule(group, rule_id)
    assert titles(group) == ["A", "B", "C"]
    assert GroupRule.select().count() == 3
    rules.drop_rule(group, b)
    rules.drop_rule(group, b)  # again: nothing to do
    assert titles(group) == ["A", "C"]
    positions = [r.position for r in GroupRule.select().order_by(GroupRule.position)]
    assert positions == [0, 1]
    rules.adopt_rule(group, b)
    assert titles(group) == ["A", "C", "B"]
    assert rules.rule_groups(b) == [group]


def test_adopting_needs_an_existing_group_and_a_rule_in_use() -> None:
    group = groups.create_group("读书会").id
    rule = rules.create_rule("A").id
    with pytest.raises(NotFound):
        rules.adopt_rule(999, rule)
    with pytest.raises(NotFound):
        rules.adopt_rule(group, 999)
    rules.retire_rule(rule)
    with pytest.raises(ValidationError, match="retired"):
        rules.adopt_rule(group, rule)
    assert GroupRule.select().count() == 0


def test_moving_a_rule_renumbers_the_group_and_leaves_others_alone() -> None:
    first, second = groups.create_group("一群").id, groups.create_group("二群").id
    ids = [rules.create_rule(t).id for t in ("A", "B", "C", "D")]
    for rule_id in ids:
        rules.adopt_rule(first, rule_id)
        rules.adopt_rule(second, rule_id)
    rules.move_group_rule(first, ids[3], 0)
    assert titles(first) == ["D", "A", "B", "C"]
    rules.move_group_rule(first, ids[3], 99)  # clamped to the end
    assert titles(first) == ["A", "B", "C", "D"]
    rules.move_group_rule(first, ids[0], 2)
    assert titles(first) == ["B", "C", "A", "D"]
    rules.move_group_rule(first, ids[2], -5)
    assert titles(first) == ["C", "B", "A", "D"]
    assert titles(second) == ["A", "B", "C", "D"]
    positions = [
        r.position
        for r in GroupRule.select().where(GroupRule.group == first).order_by(GroupRule.position)
    ]
    assert positions == [0, 1, 2, 3]
    other = rules.create_rule("E").id
    with pytest.raises(ValidationError, match="not adopted"):
        rules.move_group_rule(first, other, 0)


def test_retire_keeps_history_hides_the_rule_and_restore_brings_it_back(now: datetime) -> None:
    group = groups.create_group("读书会").id
    member = members.create_member("张三").id
    ads, links, spam = (rules.create_rule(t).id for t in ("禁止广告", "不发链接", "不刷屏"))
    for rule_id in (ads, links, spam):
        rules.adopt_rule(group, rule_id)
    violations.log_violation(member, group, links, evidence="发了外链")
    rules.retire_rule(links, now=now)
    rules.retire_rule(links)  # twice: harmless, keeps the first time
    assert Rule.get_by_id(links).retired_at == now
    # history stays
    assert Violation.select().where(Violation.rule == links).count() == 1
    assert rules.rule_groups(links) == [group]
    assert [r.rule_title for r in violations.list_violations()] == ["不发链接"]
    # hidden from the group's rules, the announcement, the library and new violations
    assert titles(group) == ["禁止广告", "不刷屏"]
    assert "不发链接" not in rules.announcement_text(group)
    assert "不发链接" not in rules.library_markdown()
    assert [r.title for r in rules.list_rules()] == ["禁止广告", "不刷屏"]
    listed = {r.title: r for r in rules.list_rules(include_retired=True)}
    assert listed["不发链接"].retired and listed["不发链接"].violations == 1
    with pytest.raises(ValidationError, match="retired"):
        violations.log_violation(member, group, links)
    # moving the others keeps the retired one out of the way
    rules.move_group_rule(group, spam, 0)
    assert titles(group) == ["不刷屏", "禁止广告"]
    rules.restore_rule(links)
    assert titles(group) == ["不刷屏", "禁止广告", "不发链接"]
    violations.log_violation(member, group, links)
    assert Violation.select().count() == 2


def test_list_rules_counts_groups_and_violations_in_one_query(
    now: datetime, count_statements: Counter
) -> None:
    def build(n: int) -> None:
        member = members.create_member(f"成员{n}").id
        for i in range(n):
            group = groups.create_group(f"群{n}-{i}").id
            rule = rules.create_rule(f"规则{n}-{i}").id
            rules.adopt_rule(group, rule)
            violations.log_violation(member, group, rule)

    build(2)
    with count_statements() as log:
        small = rules.list_rules()
    build(12)
    with count_statements() as log_big:
        big = rules.list_rules()
    assert len(log) == len(log_big) == 1
    assert len(small) == 2 and len(big) == 14
    assert {(r.groups, r.violations) for r in big} == {(1, 1)}


def test_list_rules_fields_and_order() -> None:
    a = rules.create_rule("甲", "正文", "notice", 0)
    b = rules.create_rule("乙")
    rules.retire_rule(a.id)
    rows = rules.list_rules(include_retired=True)
    assert rows == [
        rules.RuleRow(b.id, "乙", "", "warning", 1, False, 0, 0),
        rules.RuleRow(a.id, "甲", "正文", "notice", 0, True, 0, 0),
    ]


def test_announcement_text_is_numbered_in_the_groups_order_in_both_languages() -> None:
    group = groups.create_group("读书会").id
    empty = groups.create_group("空群").id
    ads = rules.create_rule("禁止广告", "不发广告、二维码和拉人链接。").id
    card = rules.create_rule("群名片格式").id  # no text: the title alone
    kind = rules.create_rule("友善交流", "不人身攻击。").id
    for rule_id in (ads, card, kind):
        rules.adopt_rule(group, rule_id)
    rules.move_group_rule(group, kind, 0)
    assert rules.announcement_text(group) == (
        "群规\n1. 友善交流：不人身攻击。\n2. 禁止广告：不发广告、二维码和拉人链接。\n3. 群名片格式"
    )
    assert rules.announcement_text(group, "en") == (
        "Group rules\n1. 友善交流: 不人身攻击。\n"
        "2. 禁止广告: 不发广告、二维码和拉人链接。\n3. 群名片格式"
    )
    assert rules.announcement_text(empty) == ""


def test_library_markdown_lists_rules_in_use_with_their_groups() -> None:
    reading, hiking = groups.create_group("读书会").id, groups.create_group("爬山群").id
    ads = rules.create_rule("禁止广告", "不发广告。", "removal", 3).id
    rules.create_rule("不刷屏", "", "notice", 1)
    old = rules.create_rule("旧规则").id
    rules.adopt_rule(reading, ads)
    rules.adopt_rule(hiking, ads)
    rules.retire_rule(old)
    text = rules.library_markdown()
    assert text.startswith("# 群规库\n")
    assert (
        "## 禁止广告\n\n严重程度：移出 · 记分：3\n\n不发广告。\n\n已采用的群：读书会、爬山群"
    ) in text
    assert "## 不刷屏\n\n严重程度：提醒 · 记分：1\n\n尚未被任何群采用" in text
    assert "旧规则" not in text
    english = rules.library_markdown("en")
    assert english.startswith("# Rule library\n")
    assert "Severity: removal · Strike points: 3" in english
    assert "Adopted by: 读书会, 爬山群" in english
    assert "Not adopted by any group yet" in english


def test_a_title_with_a_line_break_stays_one_heading() -> None:
    rule = rules.create_rule("甲")
    Rule.update(title="甲\n## 乙").where(Rule.id == rule.id).execute()
    assert "## 甲 ## 乙\n" in rules.library_markdown()


def test_several_rules_are_adopted_in_order_or_none_of_them() -> None:
    group = groups.create_group("读书会")
    first = rules.create_rule("禁止广告", "", "warning", 1)
    second = rules.create_rule("友善发言", "", "warning", 1)
    retired = rules.create_rule("旧规则", "", "warning", 1)
    rules.retire_rule(retired.id)
    with pytest.raises(ValidationError):
        rules.adopt_rules(group.id, [second.id, retired.id])
    assert titles(group.id) == []  # the first of the two was rolled back
    rules.adopt_rules(group.id, [second.id, first.id])
    assert titles(group.id) == ["友善发言", "禁止广告"]


def test_the_groups_following_a_rule_are_set_in_one_change() -> None:
    reading, hiking, cooking = (groups.create_group(n) for n in ("读书会", "徒步", "烹饪"))
    other = rules.create_rule("友善发言", "", "warning", 1)
    rule = rules.create_rule("禁止广告", "", "warning", 1)
    rules.adopt_rules(hiking.id, [other.id])
    rules.adopt_rule(reading.id, rule.id)
    rules.set_rule_groups(rule.id, {hiking.id, cooking.id})
    assert sorted(rules.rule_groups(rule.id)) == sorted([hiking.id, cooking.id])
    assert titles(hiking.id) == ["友善发言", "禁止广告"]  # a newly added group gets it last
    assert titles(reading.id) == []
    with pytest.raises(NotFound):
        rules.set_rule_groups(rule.id, {reading.id, 999_999})
    assert sorted(rules.rule_groups(rule.id)) == sorted([hiking.id, cooking.id])
