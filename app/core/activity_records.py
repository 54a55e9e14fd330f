"""The figures ``activity`` returns (PRODUCT.md §4b): plain frozen records, one per thing a
panel or the command line shows. Their definitions are in ``activity``'s docstring."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Week:
    """One week of a group's chat: it starts on ``week_start`` (a local Monday)."""

    week_start: date
    messages: int
    speakers: int
    operator_messages: int


@dataclass(frozen=True)
class Speaker:
    """A member's talk in a group over the last 30 days: messages, and days with one."""

    member_id: int
    name: str
    messages_30d: int
    days: int
    share: float  # of all the group's messages in the 30 days


@dataclass(frozen=True)
class QuietMember:
    """A member who went quiet: their messages in the 90 days before the last 30."""

    member_id: int
    name: str
    messages_before: int
    last_day: date  # the local day of their last message


@dataclass(frozen=True)
class Newcomer:
    member_id: int
    name: str
    joined_at: datetime
    spoke: bool


@dataclass(frozen=True)
class AdMessage:
    """An ad-like message kept as evidence; ``member_id`` None for a sender matched to nobody."""

    message_id: int
    member_id: int | None
    name: str
    sent_at: datetime
    excerpt: str
    violation_logged: bool  # a violation of its sender in the group since it was sent


@dataclass(frozen=True)
class GroupActivity:
    """What a group's chat history says (§4b); empty figures when ``has_history`` is False."""

    group_id: int
    name: str
    has_history: bool
    members: int
    weekly: tuple[Week, ...]  # ``WEEKS`` weeks, oldest first, ending with the current week
    messages_30d: int
    operator_messages_30d: int
    speakers_30d: int
    speaking_share: float | None  # speakers / members; None without members
    operator_share_30d: float | None  # None without messages
    recent_weekly: float  # messages per week over the last 4 complete weeks
    earlier_weekly: float  # … over the 12 complete weeks before
    trend: float | None  # recent_weekly / earlier_weekly; None without enough data
    enough_data: bool
    top_speakers: tuple[Speaker, ...]  # most messages first (at most ``TOP_SPEAKERS``)
    top_share: float  # the share of the member who sent most (0 without messages)
    soul_figures: tuple[Speaker, ...]
    went_quiet: tuple[QuietMember, ...]  # most active first
    newcomers_90d: tuple[Newcomer, ...]  # earliest first (empty without ``detail``)
    newcomers_count: int  # members who joined in the last 90 days
    newcomers_spoke: int  # … and of them, those who spoke
    ad_like_14d: tuple[AdMessage, ...]  # newest first

    @property
    def newcomers_speaking_share(self) -> float | None:
        """Of the newcomers, the share who spoke; None without newcomers."""
        if not self.newcomers_count:
            return None
        return self.newcomers_spoke / self.newcomers_count

    @property
    def silent_newcomers(self) -> tuple[Newcomer, ...]:
        return tuple(n for n in self.newcomers_90d if not n.spoke)

    @property
    def ads_standing(self) -> tuple[AdMessage, ...]:
        """The ad-like messages with no violation logged for their sender since."""
        return tuple(a for a in self.ad_like_14d if not a.violation_logged)


@dataclass(frozen=True)
class MemberActivity:
    """A member's talk in one group."""

    group_id: int
    group_name: str
    presence: str  # one of ``PRESENCES``, over the last 30 days
    days_30d: int
    messages_30d: int
    weekly: tuple[int, ...]  # messages per week, ``WEEKS`` weeks ending with the current one
    last_spoke: datetime | None
    in_group: bool  # the membership is active (not left or removed)
