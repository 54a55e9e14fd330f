"""What the activity findings' buttons do (PRODUCT.md §4b "Actions"), as undoable services.

- Ads standing → ``ad_senders`` lists the standing ad-like messages by sender, and
  ``log_ad_violations`` logs one violation per chosen message's sender, the excerpts as
  evidence, through ``violations.log_violation`` (the strike ladder suggests the action, as
  always). The window may instead open the violation dialog prefilled with
  ``AdSender.evidence``.
- Newcomers silent → ``welcome_newcomers_task``: one task "Welcome the newcomers of G: …"
  naming them (a generated title); an open one of the group is updated instead of doubled.
- Went quiet → ``reach_out_tasks``: one "Reach out to X (G)" task per member, most active
  first (their messages before they went quiet); a member with an open reach-out task gets
  no second one.
- Soul figure → ``mark_star`` (the star flag) and ``invite_to_helpers`` (promotion to the
  helper tier with a reason, as the pyramid's suggestions do).
- Activity falling → ``schedule_topic``: the Health tab's existing topic action.

Each call is one undoable step (``core/undo.py``); the task titles are Huoqun's codes with
parameters (``core/generated_text.py``), shown in the interface language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.core import activity, clock, daily_plan, health_actions
from app.core.candidates import accept_promotion
from app.core.care import parse_time
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.generated_text import Generated, stored
from app.core.groups import get_group
from app.core.health_actions import ActionDone
from app.core.members import get_member
from app.core.tasks import create_task
from app.core.tiers import helper_tier
from app.core.undo import first_count, member_name, undoable
from app.core.violations import log_violation
from app.store.models import Member, Task, Tier, db

WELCOME_ORIGIN = "activity:welcome"
REACH_OUT_ORIGIN = "activity:reach_out"
NAMES_IN_TITLE = 5  # the welcome task's title names at most five newcomers
MAX_EXCERPTS = 10  # a violation's evidence quotes at most ten messages of its sender

__all__ = [
    "ActionDone",
    "AdSender",
    "ad_senders",
    "evidence_of",
    "invite_to_helpers",
    "log_ad_violations",
    "mark_star",
    "reach_out_tasks",
    "schedule_topic",
    "welcome_newcomers_task",
]


@dataclass(frozen=True)
class AdSender:
    """A sender of standing ad-like messages in a group, newest message first.

    ``member_id`` is None for a sender matched to nobody: no violation can be logged for them
    until they are matched to a member.
    """

    member_id: int | None
    name: str
    messages: tuple[activity.AdMessage, ...]

    @property
    def evidence(self) -> str:
        """What the violation's evidence says: each message's local time and excerpt."""
        return evidence_of(self.messages)


def evidence_of(messages: Sequence[activity.AdMessage]) -> str:
    """The evidence of ad-like messages: one line each, "MM-DD HH:MM excerpt", oldest first."""
    lines = [
        f"{clock.to_local(m.sent_at).strftime('%Y-%m-%d %H:%M')} {m.excerpt}".strip()
        for m in sorted(messages, key=lambda m: (m.sent_at, m.message_id))[-MAX_EXCERPTS:]
    ]
    return "\n".join(lines)


def ad_senders(group_id: int, now: datetime | None = None) -> list[AdSender]:
    """The group's standing ad-like messages (no violation logged for the sender since) by
    sender, the sender of the newest first. Empty without chat history."""
    get_group(group_id)
    found = activity.group_activity([group_id], now=now).get(group_id)
    by_sender: dict[tuple[int | None, str], list[activity.AdMessage]] = {}
    for message in found.ads_standing if found else ():
        key = (message.member_id, "" if message.member_id is not None else message.name)
        by_sender.setdefault(key, []).append(message)
    return [
        AdSender(member_id, messages[0].name, tuple(messages))
        for (member_id, _name), messages in by_sender.items()
    ]


def _marks(ids: Sequence[int]) -> str:
    return ", ".join(str(int(i)) for i in ids) or "NULL"


def _ad_messages(group_id: int, message_ids: Sequence[int]) -> dict[int, list[activity.AdMessage]]:
    """The chosen messages of the group, by the member who sent them (one query)."""
    rows = db.execute_sql(
        "SELECT msg.id, msg.member_id, m.name, msg.sent_at, msg.excerpt FROM message msg"
        f" JOIN member m ON m.id = msg.member_id WHERE msg.group_id = ? AND msg.id IN"
        f" ({_marks(message_ids)}) ORDER BY msg.sent_at, msg.id",
        (group_id,),
    )
    by_member: dict[int, list[activity.AdMessage]] = {}
    for message_id, member_id, name, sent_at, excerpt in rows:
        at = parse_time(sent_at) or clock.now()
        by_member.setdefault(member_id, []).append(
            activity.AdMessage(message_id, member_id, name, at, excerpt or "", False)
        )
    return by_member


def _senders(group_id: int, message_ids: Sequence[int], *_a: object, **_k: object) -> int:
    """How many members sent the chosen messages (the step's count)."""
    return len(_ad_messages(group_id, message_ids))


@undoable("log_ad_violations", _senders)
def log_ad_violations(
    group_id: int,
    message_ids: Sequence[int],
    rule_id: int | None = None,
    action: str | None = None,
) -> list[int]:
    """One violation per sender of the chosen ad-like messages (``message_ids``, of this
    group), the excerpts as evidence, ``action`` None: the strike ladder's suggestion for each.

    Messages of senders matched to nobody are left out (no member to log against). Returns the
    new violations' ids, one per sender, in the order their first chosen message was sent.
    """
    get_group(group_id)
    with db.atomic():
        return [
            log_violation(member_id, group_id, rule_id, evidence=evidence_of(messages),
                          action=action).id
            for member_id, messages in _ad_messages(group_id, message_ids).items()
        ]  # fmt: skip


def _names(member_ids: Sequence[int]) -> list[str]:
    """The members' names in the order given (one query); unknown ids are refused."""
    ids = list(dict.fromkeys(member_ids))
    found = db.execute_sql(f"SELECT id, name FROM member WHERE id IN ({_marks(ids)})")
    names: dict[int, str] = {int(i): str(n) for i, n in found}
    missing = [i for i in ids if i not in names]
    if missing:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Member #{id} no longer exists."), id=missing[0]
        )
    return [names[i] for i in ids]


def welcome_title(group_name: str, names: Sequence[str]) -> Generated:
    """ "Welcome the newcomers of G: A、B、C" (five names at most, then how many in all)."""
    shown = "、".join(names[:NAMES_IN_TITLE])
    if len(names) > NAMES_IN_TITLE:
        return Generated("activity.welcome_more", group=group_name, names=shown, count=len(names))
    return Generated("activity.welcome", group=group_name, names=shown)


def _group_name(group_id: int, *_a: object, **_k: object) -> str:
    row = db.execute_sql("SELECT name FROM chat_group WHERE id = ?", (group_id,)).fetchone()
    return str(row[0]) if row else ""


@undoable("welcome_newcomers", place=_group_name)
def welcome_newcomers_task(
    group_id: int, member_ids: Sequence[int], due: datetime | None = None
) -> ActionDone:
    """One task "Welcome the newcomers of G" naming ``member_ids`` (all of them in its notes),
    due at ``due`` (None: the plan's working hour). An open welcome task of the group is
    updated (names, due) instead of doubled."""
    group = get_group(group_id)
    names = _names(member_ids)
    if not names:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one newcomer."))
    title = welcome_title(group.name, names)
    key, args = stored(title)
    when = due or daily_plan.suggestion_due()
    notes = "\n".join(names)
    with db.atomic():
        existing = (
            Task.select()
            .where(Task.group == group_id, Task.status == "open", Task.origin == WELCOME_ORIGIN)
            .order_by(Task.id)
            .first()
        )
        if existing is not None:
            Task.update(
                title=str(title), title_key=key, title_args=args, notes=notes, due_at=when,
                reminded_for=None,
            ).where(Task.id == existing.id).execute()  # fmt: skip
            return ActionDone(existing.id, False, when)
        task = create_task(
            title, kind="welcome", group_id=group_id, due_at=when, notes=notes,
            origin=WELCOME_ORIGIN,
        )  # fmt: skip
    return ActionDone(task.id, True, task.due_at)


def _by_activity(group_id: int, member_ids: Sequence[int]) -> list[int]:
    """``member_ids`` most active before going quiet first; the others after, as given."""
    found = activity.group_activity([group_id]).get(group_id)
    before = {q.member_id: q.messages_before for q in (found.went_quiet if found else ())}
    ids = list(dict.fromkeys(member_ids))
    return sorted(ids, key=lambda m: (-before.get(m, 0), ids.index(m)))


def open_reach_outs(member_ids: Sequence[int]) -> dict[int, int]:
    """Member id → their open reach-out task's id (from any group), for those who have one."""
    rows = db.execute_sql(
        f"SELECT member_id, id FROM task WHERE member_id IN ({_marks(member_ids)})"
        " AND status = 'open' AND origin = ? ORDER BY id DESC",
        (REACH_OUT_ORIGIN,),
    )
    return {int(member): int(task) for member, task in rows}


@undoable("reach_out", lambda _g, ids, *_a, **_k: len(set(ids)))
def reach_out_tasks(
    group_id: int, member_ids: Sequence[int], due: datetime | None = None
) -> list[ActionDone]:
    """A "Reach out to X (G)" task per member who went quiet, most active first (their
    messages before going quiet), due at ``due`` (None: the plan's working hour). A member
    with an open reach-out task keeps it: no duplicate (``created`` False, its own due)."""
    group = get_group(group_id)
    ordered = _by_activity(group_id, member_ids)
    names = dict(zip(ordered, _names(ordered), strict=True))
    when = due or daily_plan.suggestion_due()
    done = []
    with db.atomic():
        already = open_reach_outs(ordered)
        for member_id in ordered:
            if member_id in already:
                task = Task.get_by_id(already[member_id])
                done.append(ActionDone(task.id, False, task.due_at))
                continue
            task = create_task(
                Generated("activity.reach_out", member=names[member_id], group=group.name),
                kind="checkin", group_id=group_id, member_id=member_id, due_at=when,
                origin=REACH_OUT_ORIGIN,
            )  # fmt: skip
            done.append(ActionDone(task.id, True, task.due_at))
    return done


@undoable("mark_star", first_count)
def mark_star(member_ids: Sequence[int]) -> int:
    """Star the soul figures (the star flag); how many were not starred before."""
    ids = list(dict.fromkeys(member_ids))
    _names(ids)
    with db.atomic():
        return int(
            Member.update(star=True).where(Member.id.in_(ids), Member.star == False).execute()  # noqa: E712
        )


def star_and_rank(member_ids: Sequence[int]) -> dict[int, tuple[bool, int]]:
    """Member id → (starred, their tier's rank): what a soul figure's buttons may still do."""
    rows = db.execute_sql(
        'SELECT m.id, m.star, t."rank" FROM member m JOIN tier t ON t.id = m.tier_id'
        f" WHERE m.id IN ({_marks(member_ids)})"
    )
    return {int(i): (bool(star), int(rank)) for i, star, rank in rows}


def soul_reason(group_name: str) -> str:
    """The reason written with the promotion (stored text, English as the pyramid's are)."""
    return f"Soul figure of {group_name}: invited to the helpers"


@undoable("promote", detail=member_name)
def invite_to_helpers(member_id: int, group_id: int | None = None, reason: str = "") -> Tier:
    """Promote a soul figure to the helper tier, with ``reason`` (default: "Soul figure of G:
    invited to the helpers"). Refused for a member already at or above the helpers."""
    get_member(member_id)
    why = reason.strip() or soul_reason(get_group(group_id).name if group_id else "a group")
    return accept_promotion(member_id, why, to_tier_id=helper_tier().id)


@undoable("schedule_topic", place=_group_name)
def schedule_topic(group_id: int, due_at: datetime, title: str | None = None) -> ActionDone:
    """Activity falling: the existing "schedule a topic" action (``health_actions``), as one
    undoable step."""
    return health_actions.schedule_topic(group_id, due_at, title)
