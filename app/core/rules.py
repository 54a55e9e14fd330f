"""The rule library and each group's adopted rules, in order, as announcement text or Markdown.

One standard for every group (PRODUCT.md §1 point 4): a rule lives once in the library and any
number of groups adopt it. A retired rule keeps its violations and its adoptions (so restoring
it puts it back where it was), but is no longer offered for new violations, adopted anew, or
shown in a group's rules and announcements.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from peewee import fn

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.groups import get_group
from app.core.text_fields import limited_text, required_text
from app.store.models import Group, GroupRule, Rule, db

SEVERITIES = ("notice", "warning", "removal")
EDITABLE = ("title", "text", "severity", "strike_points")
MAX_TITLE = 100
MAX_TEXT = 2000
POINTS_RANGE = (0, 10)

# the words of announcements and the Markdown library, by language ("zh…" or anything else)
_WORDS = {
    "zh": {
        "heading": "群规",
        "line": "{n}. {title}：{text}",
        "library": "群规库",
        "severity": {"notice": "提醒", "warning": "警告", "removal": "移出"},
        "meta": "严重程度：{severity} · 记分：{points}",
        "adopted": "已采用的群：{groups}",
        "nowhere": "尚未被任何群采用",
        "separator": "、",
    },
    "en": {
        "heading": "Group rules",
        "line": "{n}. {title}: {text}",
        "library": "Rule library",
        "severity": {"notice": "notice", "warning": "warning", "removal": "removal"},
        "meta": "Severity: {severity} · Strike points: {points}",
        "adopted": "Adopted by: {groups}",
        "nowhere": "Not adopted by any group yet",
        "separator": ", ",
    },
}


@dataclass(frozen=True)
class RuleRow:
    """A line of the rule library, with how many groups adopted it and how often it was broken."""

    id: int
    title: str
    text: str
    severity: str
    strike_points: int
    retired: bool
    groups: int
    violations: int


def get_rule(rule_id: int) -> Rule:
    """The rule ``rule_id``, or ``NotFound``."""
    rule = Rule.get_or_none(Rule.id == rule_id)
    if rule is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Rule #{id} no longer exists."), id=rule_id)
    return rule


def _clean(fields: dict[str, Any], rule_id: int | None, unique: bool = True) -> dict[str, Any]:
    """Checked and tidied ``fields``; ``unique``: the title may not clash with a rule in use."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown rule fields: {sorted(unknown)}")
    out = dict(fields)
    if "title" in out:
        title = required_text(
            out["title"],
            MAX_TITLE,
            QT_TRANSLATE_NOOP("Errors", "A rule needs a title."),
            QT_TRANSLATE_NOOP("Errors", "A rule title can have at most {max} characters."),
        )
        if unique:
            _refuse_clash(title, rule_id)
        out["title"] = title
    if "text" in out:
        out["text"] = limited_text(
            out["text"],
            MAX_TEXT,
            QT_TRANSLATE_NOOP("Errors", "A rule's text can have at most {max} characters."),
        )
    if "severity" in out and out["severity"] not in SEVERITIES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown severity “{value}”; use one of: {choices}."),
            value=out["severity"],
            choices=", ".join(SEVERITIES),
        )
    if "strike_points" in out:
        points = out["strike_points"]
        low, high = POINTS_RANGE
        if not isinstance(points, int) or isinstance(points, bool) or not low <= points <= high:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The {what} must be a whole number from {low} to {high}."
                ),
                what=QT_TRANSLATE_NOOP("Errors", "strike points"),
                low=low,
                high=high,
            )
    return out


def _refuse_clash(title: str, rule_id: int | None) -> None:
    """Two rules in use may not share a title (ignoring case); retired ones may."""
    clash = Rule.get_or_none(
        fn.LOWER(Rule.title) == title.lower(),
        Rule.retired_at.is_null(),
        Rule.id != (rule_id or 0),
    )
    if clash is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "There is already a rule called “{title}”."),
            title=clash.title,
        )


def create_rule(
    title: str, text: str = "", severity: str = "warning", strike_points: int = 1
) -> Rule:
    """A new rule in the library, adopted by no group yet."""
    data = _clean(
        {"title": title, "text": text, "severity": severity, "strike_points": strike_points},
        None,
    )
    with db.atomic():
        rule: Rule = Rule.create(**data)
    return rule


def update_rule(rule_id: int, **fields: Any) -> Rule:
    """Change a rule's title, text, severity or strike points.

    Strikes are counted from the rule's points when asked, so new points weigh on past
    violations of the rule too.
    """
    rule = get_rule(rule_id)
    data = _clean(fields, rule_id, unique=rule.retired_at is None)
    with db.atomic():
        if data:
            Rule.update(**data).where(Rule.id == rule_id).execute()
    return get_rule(rule_id)


def retire_rule(rule_id: int, now: datetime | None = None) -> None:
    """Take a rule out of use; its violations and adoptions stay. Retiring twice is harmless."""
    get_rule(rule_id)
    with db.atomic():
        Rule.update(retired_at=now or clock.now()).where(
            Rule.id == rule_id, Rule.retired_at.is_null()
        ).execute()


def restore_rule(rule_id: int) -> None:
    """Put a retired rule back in use, in the groups (and places) that had adopted it."""
    rule = get_rule(rule_id)
    if rule.retired_at is None:
        return
    _refuse_clash(rule.title, rule_id)
    with db.atomic():
        Rule.update(retired_at=None).where(Rule.id == rule_id).execute()


def list_rules(include_retired: bool = False) -> list[RuleRow]:
    """The library in the order the rules were added, retired ones last. One query."""
    where = "" if include_retired else "WHERE r.retired_at IS NULL"
    sql = f"""
        SELECT r.id, r.title, r.text, r.severity, r.strike_points, r.retired_at IS NOT NULL,
               COALESCE(a.n, 0), COALESCE(v.n, 0)
        FROM rule r
        LEFT JOIN (SELECT rule_id, COUNT(*) AS n FROM group_rule GROUP BY rule_id) a
            ON a.rule_id = r.id
        LEFT JOIN (SELECT rule_id, COUNT(*) AS n FROM violation GROUP BY rule_id) v
            ON v.rule_id = r.id
        {where}
        ORDER BY r.retired_at IS NOT NULL, r.id
    """
    return [
        RuleRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7]) for r in db.execute_sql(sql)
    ]


# --- adoption --------------------------------------------------------------------------------


def _refuse_retired(rule: Rule) -> None:
    if rule.retired_at is not None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The rule “{title}” is retired; restore it first."),
            title=rule.title,
        )


def adopt_rule(group_id: int, rule_id: int) -> None:
    """Add a rule at the end of a group's rules; adopting it again changes nothing."""
    get_group(group_id)
    rule = get_rule(rule_id)
    _refuse_retired(rule)
    with db.atomic():
        if (
            GroupRule.select()
            .where(GroupRule.group == group_id, GroupRule.rule == rule_id)
            .exists()
        ):
            return
        last = (
            GroupRule.select(fn.MAX(GroupRule.position)).where(GroupRule.group == group_id).scalar()
        )
        GroupRule.create(group=group_id, rule=rule_id, position=0 if last is None else last + 1)


def drop_rule(group_id: int, rule_id: int) -> None:
    """Take a rule out of a group's rules (its violations there stay); the rest close up."""
    get_group(group_id)
    with db.atomic():
        GroupRule.delete().where(GroupRule.group == group_id, GroupRule.rule == rule_id).execute()
        _renumber(group_id, _order(group_id))


def adopt_rules(group_id: int, rule_ids: list[int]) -> None:
    """Adopt several rules in a group, in the order given: all of them or none."""
    with db.atomic():
        for rule_id in rule_ids:
            adopt_rule(group_id, rule_id)


def set_rule_groups(rule_id: int, group_ids: set[int]) -> None:
    """Make ``group_ids`` the groups that follow a rule: all of the change or none of it.

    A newly added group gets the rule last; a group left out drops it (see ``drop_rule``).
    """
    with db.atomic():
        before = set(rule_groups(rule_id))
        for group_id in sorted(group_ids - before):
            adopt_rule(group_id, rule_id)
        for group_id in sorted(before - group_ids):
            drop_rule(group_id, rule_id)


def move_group_rule(group_id: int, rule_id: int, new_index: int) -> None:
    """Move a rule to ``new_index`` (0-based, clamped) among the group's rules in use."""
    get_group(group_id)
    with db.atomic():
        order = _order(group_id)
        shown = [r for r, retired in order if not retired]
        if rule_id not in shown:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "This group has not adopted that rule.")
            )
        shown.remove(rule_id)
        shown.insert(min(max(int(new_index), 0), len(shown)), rule_id)
        _renumber(group_id, [(r, False) for r in shown] + [o for o in order if o[1]])


def _order(group_id: int) -> list[tuple[int, bool]]:
    """The group's adopted rules as (rule id, retired), in their order."""
    query = cast(
        "Iterable[tuple[int, datetime | None]]",
        GroupRule.select(GroupRule.rule, Rule.retired_at)
        .join(Rule)
        .where(GroupRule.group == group_id)
        .order_by(GroupRule.position, GroupRule.id)
        .tuples(),
    )
    return [(rule_id, retired is not None) for rule_id, retired in query]


def _renumber(group_id: int, order: list[tuple[int, bool]]) -> None:
    """Positions 0..n-1: the rules in use in their order, then the retired ones."""
    ordered = [r for r, retired in order if not retired] + [r for r, retired in order if retired]
    if not ordered:
        return
    cases = " ".join("WHEN ? THEN ?" for _ in ordered)
    params: list[int] = []
    for position, rule_id in enumerate(ordered):
        params.extend((rule_id, position))
    db.execute_sql(
        f"UPDATE group_rule SET position = CASE rule_id {cases} END WHERE group_id = ?",
        [*params, group_id],
    )


def group_rules(group_id: int) -> list[Rule]:
    """The rules in use a group adopted, in the group's order."""
    return list(
        Rule.select()
        .join(GroupRule)
        .where(GroupRule.group == group_id, Rule.retired_at.is_null())
        .order_by(GroupRule.position, GroupRule.id)
    )


def rule_groups(rule_id: int) -> list[int]:
    """The ids of the groups that adopted a rule, by group name (pinyin order)."""
    query = cast(
        "Iterable[tuple[int]]",
        GroupRule.select(GroupRule.group)
        .join(Group)
        .where(GroupRule.rule == rule_id)
        .order_by(Group.sort_key, Group.id)
        .tuples(),
    )
    return [group_id for (group_id,) in query]


# --- text out --------------------------------------------------------------------------------


def _words(language: str) -> dict[str, Any]:
    return _WORDS["zh" if language.lower().startswith("zh") else "en"]


def announcement_text(group_id: int, language: str = "zh_CN") -> str:
    """A group's rules as numbered lines under a heading, to paste into the chat app.

    Empty when the group adopted no rule in use. A rule without text is its title alone.
    """
    rules = group_rules(group_id)
    if not rules:
        return ""
    words = _words(language)
    lines = [words["heading"]]
    for n, rule in enumerate(rules, start=1):
        if rule.text:
            lines.append(words["line"].format(n=n, title=rule.title, text=rule.text))
        else:
            lines.append(f"{n}. {rule.title}")
    return "\n".join(lines)


def library_markdown(language: str = "zh_CN") -> str:
    """Every rule in use as Markdown: title, severity and points, text, the groups that adopted it.

    Two queries whatever the size of the library.
    """
    words = _words(language)
    adopted: dict[int, list[str]] = {}
    for rule_id, name in db.execute_sql(
        "SELECT gr.rule_id, g.name FROM group_rule gr JOIN chat_group g ON g.id = gr.group_id"
        " ORDER BY g.sort_key, g.id"
    ):
        adopted.setdefault(rule_id, []).append(name)
    parts = [f"# {words['library']}"]
    for row in list_rules():
        meta = words["meta"].format(
            severity=words["severity"].get(row.severity, row.severity), points=row.strike_points
        )
        section = [f"## {_markdown_line(row.title)}", meta]
        if row.text:
            section.append(row.text)
        groups = adopted.get(row.id)
        if groups:
            section.append(words["adopted"].format(groups=words["separator"].join(groups)))
        else:
            section.append(words["nowhere"])
        parts.append("\n\n".join(section))
    return "\n\n".join(parts) + "\n"


def _markdown_line(text: str) -> str:
    """A title on one line, so it cannot end its heading early."""
    return " ".join(text.split())
