"""Groups: create, edit, archive; the list with counts in one query."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from peewee import JOIN, fn

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.search import name_keys
from app.store.models import Group, Interaction, Membership, db

PLATFORMS = ("wechat", "qq", "wecom", "telegram", "discord", "other")
KINDS = ("interest", "fan", "organisation", "core", "customers", "other")
SELF_SUSTAINING_KINDS = ("fan", "organisation", "core", "interest")
EDITABLE = (
    "name",
    "platform",
    "platform_id",
    "kind",
    "parent_id",
    "description",
    "announcement",
    "member_cap",
    "cadence_days",
)


@dataclass(frozen=True)
class GroupRow:
    """A line of the groups list."""

    id: int
    name: str
    platform: str
    platform_id: str
    kind: str
    parent_id: int | None
    parent_name: str
    members: int
    last_interaction: datetime | None
    archived: bool
    sort_key: str = ""  # the name in pinyin, syllables apart: "du shu hui"
    parent_sort_key: str = ""


def get_group(group_id: int) -> Group:
    group = Group.get_or_none(Group.id == group_id)
    if group is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Group #{id} no longer exists."), id=group_id)
    return group


def find_group(name: str) -> Group | None:
    """The group called exactly ``name``, if any."""
    return Group.get_or_none(Group.name == name.strip())


def _clean(fields: dict[str, Any], group_id: int | None) -> dict[str, Any]:
    out = dict(fields)
    if "name" in out:
        name = str(out["name"] or "").strip()
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A group needs a name."))
        if len(name) > 100:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A group name can have at most 100 characters.")
            )
        clash = Group.get_or_none(Group.name == name)
        if clash is not None and clash.id != group_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is already a group called “{name}”."), name=name
            )
        out["name"] = name
        out["sort_key"] = name_keys(name)[0]
    if "platform" in out and out["platform"] not in PLATFORMS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown platform “{value}”; use one of: {choices}."),
            value=out["platform"],
            choices=", ".join(PLATFORMS),
        )
    if "kind" in out and out["kind"] not in KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown group kind “{value}”; use one of: {choices}."),
            value=out["kind"],
            choices=", ".join(KINDS),
        )
    for key in ("platform_id", "description", "announcement"):
        if key in out:
            out[key] = str(out[key] or "").strip()
    for key, label in (
        ("member_cap", QT_TRANSLATE_NOOP("Errors", "member cap")),
        ("cadence_days", QT_TRANSLATE_NOOP("Errors", "cadence")),
    ):
        if key in out and out[key] is not None:
            value = out[key]
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 100000:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The {what} must be a whole number from 1 to 100000, or empty."
                    ),
                    what=label,
                )
    if out.get("parent_id") is not None:
        parent = get_group(out["parent_id"])
        if group_id is not None and group_id in _ancestors_and_self(parent.id):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{parent}” cannot be the parent: it is this group or one of its sub-groups.",
                ),
                parent=parent.name,
            )
    return out


def _ancestors_and_self(group_id: int) -> set[int]:
    seen: set[int] = set()
    current: int | None = group_id
    while current is not None and current not in seen:
        seen.add(current)
        current = Group.select(Group.parent).where(Group.id == current).scalar()
    return seen


def create_group(name: str, platform: str = "wechat", kind: str = "other", **fields: Any) -> Group:
    """A new group; ``fields`` are any of ``EDITABLE``."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown group fields: {sorted(unknown)}")
    data = _clean({"name": name, "platform": platform, "kind": kind, **fields}, None)
    with db.atomic():
        return Group.create(created_at=clock.now(), **data)


def update_group(group_id: int, **fields: Any) -> Group:
    """Change any of ``EDITABLE`` on a group."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown group fields: {sorted(unknown)}")
    group = get_group(group_id)
    data = _clean(fields, group_id)
    with db.atomic():
        Group.update(**data).where(Group.id == group_id).execute()
    return get_group(group.id)


def set_archived(group_id: int, archived: bool) -> None:
    """Archive (hide from daily work, keep everything) or bring a group back."""
    get_group(group_id)
    with db.atomic():
        Group.update(archived=archived).where(Group.id == group_id).execute()


def list_groups(include_archived: bool = False) -> list[GroupRow]:
    """Every group with its active member count and last interaction, by name."""
    parent = Group.alias()
    counts = (
        Membership.select(Membership.group, fn.COUNT(Membership.id).alias("n"))
        .where(Membership.left_at.is_null())
        .group_by(Membership.group)
    )
    last = Interaction.select(Interaction.group, fn.MAX(Interaction.at).alias("last")).group_by(
        Interaction.group
    )
    query = (
        Group.select(
            Group.id,
            Group.name,
            Group.platform,
            Group.platform_id,
            Group.kind,
            Group.parent,
            parent.name.alias("parent_name"),
            fn.COALESCE(counts.c.n, 0).alias("members"),
            last.c.last.alias("last_interaction"),
            Group.archived,
            Group.sort_key,
            parent.sort_key.alias("parent_sort_key"),
        )
        .join(parent, JOIN.LEFT_OUTER, on=(Group.parent == parent.id))
        .switch(Group)
        .join(counts, JOIN.LEFT_OUTER, on=(counts.c.group_id == Group.id))
        .switch(Group)
        .join(last, JOIN.LEFT_OUTER, on=(last.c.group_id == Group.id))
        .order_by(Group.sort_key, Group.id)
    )
    if not include_archived:
        query = query.where(Group.archived == False)  # noqa: E712 - SQL comparison
    rows = []
    # id, name, platform, platform id, kind, parent id, parent name, members,
    # last interaction (text when SQLite computed it), archived, sort key, parent sort key
    found = cast(
        "Iterable[tuple[int, str, str, str, str, int | None, str | None, int,"
        " datetime | str | None, bool, str, str | None]]",
        query.tuples(),
    )
    for r in found:
        last_at = r[8]
        if isinstance(last_at, str):
            last_at = datetime.fromisoformat(last_at)
        rows.append(GroupRow(*r[:6], r[6] or "", r[7], last_at, bool(r[9]), r[10], r[11] or ""))
    return rows


@dataclass(frozen=True)
class GroupChoice:
    """A group as a choice in a list: no counts, so it costs one light query."""

    id: int
    name: str
    platform: str
    archived: bool


def group_choices(include_archived: bool = False) -> list[GroupChoice]:
    """Every group for a picker, by name in pinyin order."""
    query = Group.select(Group.id, Group.name, Group.platform, Group.archived).order_by(
        Group.sort_key, Group.id
    )
    if not include_archived:
        query = query.where(Group.archived == False)  # noqa: E712 - SQL comparison
    found = cast("Iterable[tuple[int, str, str, bool]]", query.tuples())
    return [GroupChoice(i, n, p, bool(a)) for i, n, p, a in found]


def subgroups(group_id: int) -> list[Group]:
    """The groups whose parent is ``group_id``."""
    return list(Group.select().where(Group.parent == group_id).order_by(Group.sort_key))


def count_groups() -> int:
    return Group.select().count()
