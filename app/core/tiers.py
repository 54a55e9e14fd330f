"""The tiers of the member pyramid: the defaults, and adding, editing, reordering, removing."""

from __future__ import annotations

import re
from typing import Any

from peewee import fn

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.generated_text import Generated, Translate, render
from app.core.standing import IN_COMMUNITY
from app.core.text_fields import limited_text, required_text
from app.store.models import Member, Tier, db

# rank, name key, description key, colour, check-in days. Stored as Huoqun's codes (see
# core.generated_text) and shown in the interface language until the operator edits them.
DEFAULT_TIERS = [
    (1, "tier.core", "tier.core.about", "#c0392b", 7),
    (2, "tier.helpers", "tier.helpers.about", "#d68910", 14),
    (3, "tier.active", "tier.active.about", "#2e86c1", None),
    (4, "tier.members", "tier.members.about", "#7f8c8d", None),
]
HELPER_RANK = 2
MIN_TIERS = 3  # operator, helpers, everyone else (PRODUCT.md §1 point 2)
EDITABLE = ("name", "description", "colour", "checkin_days")
MAX_NAME = 40
MAX_DESCRIPTION = 200
MAX_CHECKIN_DAYS = 365
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def ensure_default_tiers() -> None:
    """On a database with no tiers, create the default four (their names as codes)."""
    if Tier.select().exists():
        return
    with db.atomic():
        for rank, name_key, description_key, colour, days in DEFAULT_TIERS:
            Tier.create(
                rank=rank,
                name=str(Generated(name_key)),
                name_key=name_key,
                description=str(Generated(description_key)),
                description_key=description_key,
                colour=colour,
                checkin_days=days,
            )


def show_default_tiers_in(translate: Translate) -> None:
    """Write the names and descriptions Huoqun gave the tiers, in the language of
    ``translate``, into the tiers whose own they still are (the window and the command line
    call it at start, so that everything that reads a tier's name reads it in the interface
    language); the operator's words are left as typed."""
    with db.atomic():
        for tier in Tier.select().where((Tier.name_key != "") | (Tier.description_key != "")):
            values = {}
            for field, key in (("name", tier.name_key), ("description", tier.description_key)):
                current = getattr(tier, field)
                shown = render(key, {}, current, translate) if key else current
                if shown != current:
                    values[field] = shown
            if values:
                Tier.update(**values).where(Tier.id == tier.id).execute()


def list_tiers() -> list[Tier]:
    """Every tier, top first."""
    return list(Tier.select().order_by(Tier.rank))


def lowest_tier() -> Tier:
    """Where a new member starts: the bottom of the pyramid."""
    return Tier.select().order_by(Tier.rank.desc()).get()


def helper_tier() -> Tier:
    """The second level of the pyramid (rank 2): the helpers the operator looks after."""
    return Tier.get(Tier.rank == HELPER_RANK)


def get_tier(tier_id: int) -> Tier:
    """The tier ``tier_id``, or ``NotFound``."""
    tier = Tier.get_or_none(Tier.id == tier_id)
    if tier is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That tier no longer exists."))
    return tier


def _clean(fields: dict[str, Any], tier_id: int | None) -> dict[str, Any]:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown tier fields: {sorted(unknown)}")
    out = dict(fields)
    if "name" in out:
        name = required_text(
            out["name"],
            MAX_NAME,
            QT_TRANSLATE_NOOP("Errors", "A tier needs a name."),
            QT_TRANSLATE_NOOP("Errors", "A tier name can have at most {max} characters."),
        )
        clash = Tier.get_or_none(fn.LOWER(Tier.name) == name.lower())
        if clash is not None and clash.id != tier_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "There is already a tier called “{name}”."),
                name=clash.name,
            )
        out["name"] = name
    if "description" in out:
        out["description"] = limited_text(
            out["description"],
            MAX_DESCRIPTION,
            QT_TRANSLATE_NOOP("Errors", "A tier description can have at most {max} characters."),
        )
    if "colour" in out:
        colour = str(out["colour"] or "").strip()
        if not COLOUR.fullmatch(colour):
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "“{value}” is not a colour; write it as #rrggbb, e.g. #d68910."
                ),
                value=colour,
            )
        out["colour"] = colour.lower()
    if "checkin_days" in out and out["checkin_days"] is not None:
        days = out["checkin_days"]
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 365:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The check-in cadence must be a whole number of days from 1 to {max}, or none.",
                ),
                max=MAX_CHECKIN_DAYS,
            )
    return out


def create_tier(
    name: str, description: str = "", colour: str = "#888888", checkin_days: int | None = None
) -> Tier:
    """A new tier at the bottom of the pyramid."""
    data = _clean(
        {"name": name, "description": description, "colour": colour, "checkin_days": checkin_days},
        None,
    )
    with db.atomic():
        bottom = Tier.select(fn.MAX(Tier.rank)).scalar() or 0
        return Tier.create(rank=bottom + 1, **data)


def update_tier(tier_id: int, **fields: Any) -> Tier:
    """Change a tier's name, description, colour (#rrggbb) or check-in cadence (days or None)."""
    tier = get_tier(tier_id)
    data = _clean(fields, tier_id)
    # the operator's words from now on, where they changed Huoqun's
    if "name" in data and data["name"] != tier.name:
        data["name_key"] = ""
    if "description" in data and data["description"] != tier.description:
        data["description_key"] = ""
    with db.atomic():
        if data:
            Tier.update(**data).where(Tier.id == tier_id).execute()
    return get_tier(tier_id)


def _renumber(ordered_ids: list[int]) -> None:
    """Give the tiers ranks 1..n in this order, in two statements.

    ``rank`` is UNIQUE and SQLite checks it row by row, so the tiers first go to distinct
    negative ranks (which cannot clash with the positive ones still there), then flip sign.
    """
    if not ordered_ids:
        return
    cases = " ".join("WHEN ? THEN ?" for _ in ordered_ids)
    params: list[int] = []
    for position, tier_id in enumerate(ordered_ids, start=1):
        params.extend((tier_id, -position))
    db.execute_sql(f'UPDATE tier SET "rank" = CASE id {cases} END', params)
    db.execute_sql('UPDATE tier SET "rank" = -"rank"')


def move_tier(tier_id: int, new_rank: int) -> None:
    """Move a tier to ``new_rank`` (clamped to 1..n); the others close up around it."""
    get_tier(tier_id)
    with db.atomic():
        order = [t.id for t in Tier.select(Tier.id).order_by(Tier.rank)]
        order.remove(tier_id)
        position = min(max(int(new_rank), 1), len(order) + 1)
        order.insert(position - 1, tier_id)
        _renumber(order)


def members_in_tier(tier_id: int) -> int:
    """Members of any status in the tier: everyone who must move if it is removed."""
    return Member.select().where(Member.tier == tier_id).count()


def default_move_to(tier_id: int) -> Tier | None:
    """Where the members of a removed tier go unless the operator says otherwise.

    The next tier toward the bottom; for the bottom tier, the one above it. Never the top
    (Core) by default, unless it is the only other tier. None when no other tier exists.
    """
    rank = get_tier(tier_id).rank
    below: Tier | None = Tier.select().where(Tier.rank > rank).order_by(Tier.rank).first()
    if below is not None:
        return below
    above: Tier | None = Tier.select().where(Tier.rank < rank).order_by(Tier.rank.desc()).first()
    return above


def delete_tier(tier_id: int, move_to_id: int | None = None, reason: str = "") -> int:
    """Remove a tier, moving its members (any status) to ``move_to_id``; returns how many moved.

    One transaction: the members' tier-change rows, the move, the removal and the renumbering
    happen together or not at all. ``reason`` goes into each tier-change row; by default
    “tier “X” removed”.
    """
    tier = get_tier(tier_id)
    with db.atomic():
        if Tier.select().count() <= MIN_TIERS:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "There must always be at least three tiers: the operator, helpers and "
                    "everyone else. Add another tier before removing “{name}”.",
                ),
                name=tier.name,
            )
        count = members_in_tier(tier_id)
        if count and move_to_id is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "“{name}” still has members ({count}). Choose the tier they move to "
                    "before removing it.",
                ),
                count=count,
                name=tier.name,
            )
        if move_to_id is not None:
            if move_to_id == tier_id:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Members cannot move into the tier that is being removed."
                    )
                )
            get_tier(move_to_id)
        if count:
            why = reason.strip() or f"tier “{tier.name}” removed"
            db.execute_sql(
                "INSERT INTO tier_change (member_id, from_tier_id, to_tier_id, at, reason)"
                " SELECT id, ?, ?, ?, ? FROM member WHERE tier_id = ?",
                (tier_id, move_to_id, str(clock.now()), why, tier_id),
            )
            Member.update(tier=move_to_id).where(Member.tier == tier_id).execute()
        Tier.delete().where(Tier.id == tier_id).execute()
        _renumber([t.id for t in Tier.select(Tier.id).order_by(Tier.rank)])
    return count


def tier_member_counts() -> dict[int, int]:
    """Active members per tier id; every tier is present, empty ones with 0."""
    rows = db.execute_sql(
        "SELECT t.id, COUNT(m.id) FROM tier t"
        f" LEFT JOIN member m ON m.tier_id = t.id AND {IN_COMMUNITY} GROUP BY t.id"
    )
    return {tier_id: count for tier_id, count in rows}
