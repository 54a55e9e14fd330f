"""A member's own record: validation, identity keys, tier, star, tags and search rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from peewee import JOIN, fn

from app.core import clock
from app.core.choice_codes import PERSON_STATUSES
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.pinyin import sort_key
from app.core.progress import Progress, report
from app.core.search import (
    normalise_phone,
    normalise_qq,
    normalise_wechat,
    search_keys,
)
from app.core.tiers import lowest_tier
from app.core.undo import first_count, member_name, undoable
from app.store.models import (
    Attendance,
    Meetup,
    Member,
    MemberSearch,
    Membership,
    MemberTag,
    Tier,
    TierChange,
    db,
)

GENDERS = ("", "female", "male", "other")
IDENTITY_FIELDS = ("qq", "wechat_id", "phone", "telegram_id", "discord_id")
EDITABLE = (
    "name",
    "qq",
    "wechat_id",
    "phone",
    "telegram_id",
    "discord_id",
    "email",
    "city",
    "gender",
    "notes",
    "star",
    "tier_id",
    "status",
    "status_reason",
)
CHUNK = 500  # ids per IN (...) list


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def chunks_reported(ids: Sequence[int], progress: Progress | None) -> Iterable[Sequence[int]]:
    """``chunks(ids)``, telling ``progress`` how many came before each one."""
    done = 0
    for part in chunks(ids):
        report(progress, done, len(ids))
        yield part
        done += len(part)


def get_member(member_id: int) -> Member:
    member = Member.get_or_none(Member.id == member_id)
    if member is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Member #{id} no longer exists."), id=member_id)
    return member


def clean_fields(fields: dict[str, Any], member_id: int | None) -> dict[str, Any]:
    """``fields`` of member ``member_id`` (None: a new one) checked and normalised.

    Raises ``ValidationError`` with a message a person can act on.
    """
    out = dict(fields)
    if "name" in out:
        name = str(out["name"] or "").strip()
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A member needs a display name."))
        if len(name) > 100:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A display name can have at most 100 characters.")
            )
        out["name"] = name
        out["sort_key"] = sort_key(name)
    normalisers = {
        "qq": normalise_qq,
        "wechat_id": normalise_wechat,
        "phone": normalise_phone,
        "telegram_id": normalise_user_id,
        "discord_id": normalise_user_id,
    }
    for key, normalise in normalisers.items():
        if key in out:
            out[key] = normalise(out[key])
            if out[key] is not None:
                _refuse_duplicate(key, out[key], member_id)
    if "email" in out:
        email = str(out["email"] or "").strip()
        if email and ("@" not in email or " " in email or email.startswith("@")):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Email “{value}” is not an email address."), value=email
            )
        out["email"] = email
    for key in ("city", "notes", "status_reason"):
        if key in out:
            out[key] = str(out[key] or "").strip()
    if "gender" in out:
        out["gender"] = out["gender"] or ""
        if out["gender"] not in GENDERS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Unknown gender “{value}”."), value=out["gender"]
            )
    if "status" in out and out["status"] not in PERSON_STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown status “{value}”; use one of: {choices}."),
            value=out["status"],
            choices=", ".join(PERSON_STATUSES),
        )
    if "tier_id" in out and Tier.get_or_none(Tier.id == out["tier_id"]) is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "That tier no longer exists."))
    if "star" in out:
        out["star"] = bool(out["star"])
    return out


IDENTITY_LABELS = {
    "qq": QT_TRANSLATE_NOOP("Errors", "QQ number"),
    "wechat_id": QT_TRANSLATE_NOOP("Errors", "WeChat id"),
    "phone": QT_TRANSLATE_NOOP("Errors", "phone"),
    "telegram_id": QT_TRANSLATE_NOOP("Errors", "Telegram user id"),
    "discord_id": QT_TRANSLATE_NOOP("Errors", "Discord user id"),
}


def normalise_user_id(raw: object) -> str | None:
    """A Telegram or Discord user id: digits only (1 to 20). Empty → None."""
    text = str(raw or "").strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or len(text) > 20:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "User id “{value}” is not valid (1 to 20 digits)."),
            value=text,
        )
    return text


def _refuse_duplicate(key: str, value: str, member_id: int | None) -> None:
    existing = Member.get_or_none(getattr(Member, key) == value)
    if existing is not None and existing.id != member_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The {what} {value} already belongs to {name} (#{id}). Open that member, "
                "or merge the two.",
            ),
            what=IDENTITY_LABELS[key],
            value=value,
            name=existing.name,
            id=existing.id,
        )


def create_member(
    name: str, tags: Iterable[str] = (), group_id: int | None = None, **fields: Any
) -> Member:
    """A new member; ``fields`` are any of ``EDITABLE``. Starts in the lowest tier.

    With ``group_id``, the member is put in that group in the same transaction: both or neither.
    """
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown member fields: {sorted(unknown)}")
    data = clean_fields({"name": name, **fields}, None)
    data.setdefault("tier_id", lowest_tier().id)
    with db.atomic():
        member = Member.create(first_seen=clock.now(), **data)
        write_tags([member.id], tags)
        refresh_search([member.id])
        if group_id is not None:
            # imported here: memberships needs get_member and refresh_search from this module
            from app.core.memberships import add_membership

            add_membership(member.id, group_id)
    return member


@undoable("edit_member", detail=member_name)
def update_member(
    member_id: int, tags: Iterable[str] | None = None, tier_reason: str = "", **fields: Any
) -> Member:
    """Change any of ``EDITABLE``; ``tags`` (if given) replaces the member's tags.

    ``tier_reason`` is kept in the tier-change row written when ``tier_id`` changes.
    """
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown member fields: {sorted(unknown)}")
    member = get_member(member_id)
    data = clean_fields(fields, member_id)
    with db.atomic():
        if "tier_id" in data and data["tier_id"] != member.tier_id:
            TierChange.create(
                member=member_id,
                from_tier=member.tier_id,
                to_tier=data["tier_id"],
                at=clock.now(),
                reason=_clean_reason(tier_reason),
            )
        if data:
            Member.update(**data).where(Member.id == member_id).execute()
        if tags is not None:
            MemberTag.delete().where(MemberTag.member == member_id).execute()
            write_tags([member_id], tags)
        refresh_search([member_id])
    return get_member(member_id)


MAX_REASON = 500


def _clean_reason(reason: str) -> str:
    reason = str(reason or "").strip()
    if len(reason) > MAX_REASON:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A reason can have at most {max} characters."),
            max=MAX_REASON,
        )
    return reason


@undoable("set_tier", first_count)
def set_tier(
    member_ids: Sequence[int], tier_id: int, reason: str = "", progress: Progress | None = None
) -> int:
    """Move members to a tier, writing a tier-change row for each one whose tier changes.

    Returns how many changed. Three statements per ``CHUNK`` members, never one per member;
    ``progress`` is called before each chunk.
    """
    if Tier.get_or_none(Tier.id == tier_id) is None:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "That tier no longer exists."))
    why = _clean_reason(reason)
    now = clock.now()
    changed = 0
    unique_ids = list(dict.fromkeys(member_ids))
    with db.atomic():
        for part in chunks_reported(unique_ids, progress):
            moving = list(
                cast(
                    "Iterable[tuple[int, int]]",
                    Member.select(Member.id, Member.tier)
                    .where(Member.id.in_(part), Member.tier != tier_id)
                    .tuples(),
                )
            )
            if not moving:
                continue
            TierChange.insert_many(
                [(m, old, tier_id, now, why) for m, old in moving],
                fields=[
                    TierChange.member,
                    TierChange.from_tier,
                    TierChange.to_tier,
                    TierChange.at,
                    TierChange.reason,
                ],
            ).execute()
            Member.update(tier=tier_id).where(Member.id.in_([m for m, _ in moving])).execute()
            changed += len(moving)
    return changed


@undoable("set_star", first_count)
def set_star(member_ids: Sequence[int], star: bool) -> None:
    """Set or clear the star / soul-figure flag of members."""
    with db.atomic():
        for part in chunks(list(member_ids)):
            Member.update(star=bool(star)).where(Member.id.in_(part)).execute()


def clean_tag(tag: str) -> str:
    tag = str(tag or "").strip()
    if not tag:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A tag cannot be empty."))
    if len(tag) > 40 or "," in tag:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A tag has at most 40 characters and no comma.")
        )
    return tag


def write_tags(
    member_ids: Sequence[int], tags: Iterable[str], progress: Progress | None = None
) -> None:
    """Give every member every tag (a tag they have stays); ``progress`` before each chunk."""
    cleaned = sorted({clean_tag(t) for t in tags})
    rows = [(m, t) for m in member_ids for t in cleaned]
    for start in range(0, len(rows), CHUNK):
        report(progress, start, len(rows))
        MemberTag.insert_many(
            rows[start : start + CHUNK], fields=[MemberTag.member, MemberTag.tag]
        ).on_conflict_ignore().execute()


def tags_of(member_id: int) -> list[str]:
    return [
        t.tag
        for t in MemberTag.select().where(MemberTag.member == member_id).order_by(MemberTag.tag)
    ]


def all_tags() -> list[str]:
    """Every tag in use, sorted."""
    query = MemberTag.select(MemberTag.tag).distinct().order_by(MemberTag.tag)
    return [row.tag for row in query]


SEARCH_FIELDS = (MemberSearch.member, MemberSearch.text, MemberSearch.pinyin, MemberSearch.lead)


def refresh_search(member_ids: Sequence[int]) -> None:
    """Rewrite the search rows of ``member_ids`` from their names, nicknames and ids."""
    for part in chunks(list(member_ids)):
        nicknames: dict[int, list[str]] = {}
        query = Membership.select(Membership.member, Membership.nickname).where(
            Membership.member.in_(part), Membership.nickname != ""
        )
        pairs = cast("Iterable[tuple[int, str]]", query.order_by(Membership.id).tuples())
        for member_id, nick in pairs:
            nicknames.setdefault(member_id, []).append(nick)
        rows = []
        fields = (Member.id, Member.name, Member.qq, Member.wechat_id, Member.phone, Member.email,
                  Member.telegram_id, Member.discord_id)  # fmt: skip
        found = cast(
            "Iterable[tuple[Any, ...]]", Member.select(*fields).where(Member.id.in_(part)).tuples()
        )
        for mid, name, *identities in found:
            keys = search_keys(name, nicknames.get(mid, ()), *identities)
            rows.append((mid, *keys))
        # peewee's stub leaves replace_many() unannotated; untyped_calls_exclude misses a subclass
        MemberSearch.replace_many(rows, fields=SEARCH_FIELDS).execute()  # type: ignore[no-untyped-call]


def meetups_of(member_id: int) -> list[tuple[Meetup, Attendance]]:
    query = (
        Attendance.select(Attendance, Meetup)
        .join(Meetup)
        .where(Attendance.member == member_id)
        .order_by(Meetup.start_at.desc())
    )
    return [(a.meetup, a) for a in query]


def count_members() -> int:
    count: int = Member.select(fn.COUNT(Member.id)).scalar()
    return count


def tier_history(member_id: int) -> list[TierChange]:
    """A member's tier changes, newest first, with both tiers loaded (one query)."""
    from_tier, to_tier = Tier.alias(), Tier.alias()
    query = (
        TierChange.select(TierChange, from_tier, to_tier)
        .join(from_tier, JOIN.LEFT_OUTER, on=(TierChange.from_tier == from_tier.id))
        .switch(TierChange)
        .join(to_tier, JOIN.LEFT_OUTER, on=(TierChange.to_tier == to_tier.id))
        .where(TierChange.member == member_id)
        .order_by(TierChange.at.desc(), TierChange.id.desc())
    )
    return list(query)
