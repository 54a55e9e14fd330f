"""Who is who in a chat export: the group it belongs to, and the member behind each sender.

Rules (PRODUCT.md §5, issue #18):

- A chat goes to the group whose platform group id is the chat's id; else to the group of the
  chat's name; else the caller picks one (or a new group, named after the chat).
- A sender is the member with their platform id (QQ number, wxid, Telegram or Discord user
  id: ``ID_FIELDS``). Else, only when exactly one member of *that group* has the sender's
  group nickname or display name (and no other id on that platform), that member; the id is
  then filled in. Several such members: the sender is ambiguous, and the caller's
  ``resolutions`` decide (a member id, ``NEW`` or ``SKIP``; skipped senders' messages stay
  unmatched). Nobody: a new member of the group, marked as seen only in chat history
  (``Membership.chat_only``).
- The operator's own messages (My accounts, or marked by the export) belong to no member.
  Bots never become members; a bot already known as a member is matched like anyone.
- People named in join events who are unknown become members like unknown senders; other
  events only name members already known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from peewee import Model

from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.memberships import ROLES
from app.core.pinyin import sort_key
from app.core.search import normalise_qq, normalise_wechat
from app.core.tiers import lowest_tier
from app.store.models import Group, Member, Membership, MyAccount, db

# the member field that holds a sender's platform id (ChatLab and "other" chats have none)
ID_FIELDS = {
    "qq": "qq",
    "wechat": "wechat_id",
    "telegram": "telegram_id",
    "discord": "discord_id",
}
NEW = "new"  # a resolution: the ambiguous sender becomes a new member
SKIP = None  # a resolution: the sender's messages stay unmatched
Resolution = int | str | None

# what a sender turned out to be
MATCHED, CREATED, AMBIGUOUS, UNMATCHED, OPERATOR = "matched", "new", "ambiguous", "none", "me"


def _normalised(platform: str, value: str) -> str | None:
    """The sender id as members store it, or None when it cannot be one."""
    value = value.strip()
    if not value:
        return None
    try:
        if platform == "qq":
            return normalise_qq(value)
        if platform == "wechat":
            return normalise_wechat(value)
    except ValidationError:
        return None
    if platform in ("telegram", "discord"):
        return value if value.isascii() and value.isdigit() and len(value) <= 20 else None
    return value


@dataclass(frozen=True)
class Candidate:
    """A member an ambiguous sender could be."""

    member_id: int
    name: str
    nickname: str


@dataclass
class Sender:
    """One sender (or person named in an event) of the chat, as matched."""

    key: str
    sender_id: str
    name: str
    nickname: str
    how: str  # MATCHED, CREATED, AMBIGUOUS, UNMATCHED or OPERATOR
    member_id: int | None
    role: str = "member"  # the member's role in the group (owner/admin: not ad-like)
    candidates: list[Candidate] = field(default_factory=list)
    messages: int = 0


def group_for_chat(platform: str, chat_id: str, name: str) -> tuple[Group | None, str]:
    """The group a chat goes to and how it was found: ``"id"``, ``"name"`` or ``"none"``."""
    if chat_id:
        found = (
            Group.select()
            .where(Group.platform_id == chat_id, Group.platform == platform)
            .order_by(Group.archived, Group.id)
            .first()
        )
        if found is not None:
            return found, "id"
    if name:
        found = Group.get_or_none(Group.name == name.strip())
        if found is not None:
            return found, "name"
    return None, "none"


def my_accounts(platform: str) -> set[str]:
    """The operator's own ids on ``platform`` (My accounts)."""
    query = MyAccount.select(MyAccount.account_id).where(MyAccount.platform == platform)
    return {row.account_id for row in query}


def add_my_accounts(platform: str, ids: Iterable[str]) -> None:
    """Remember ids as the operator's own on ``platform``."""
    rows = [(platform, i.strip()) for i in ids if i and i.strip()]
    if rows:
        MyAccount.insert_many(
            rows, fields=[MyAccount.platform, MyAccount.account_id]
        ).on_conflict_ignore().execute()


def all_my_accounts() -> list[tuple[str, str]]:
    """Every one of the operator's own ids as ``(platform, id)``, by platform then id."""
    query = MyAccount.select(MyAccount.platform, MyAccount.account_id).order_by(
        MyAccount.platform, MyAccount.account_id
    )
    return [(row.platform, row.account_id) for row in query]


def add_my_account(platform: str, raw: str) -> str:
    """Remember one id typed by the operator as their own on ``platform``; the id as kept.

    Raises ``ValidationError`` when it cannot be an id on that platform (a QQ number, a wxid,
    a Telegram or Discord user id) or is already there.
    """
    text = raw.strip()
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Type the id of your account first."))
    value = _normalised(platform, text) if platform in ID_FIELDS else text[:100]
    if value is None:
        if platform in ("qq", "wechat"):
            (normalise_qq if platform == "qq" else normalise_wechat)(text)  # says why
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "User id “{value}” is not valid (1 to 20 digits)."),
            value=text,
        )
    if value in my_accounts(platform):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "“{value}” is already one of your accounts."), value=value
        )
    add_my_accounts(platform, [value])
    return value


def remove_my_account(platform: str, account_id: str) -> bool:
    """Forget one of the operator's ids; messages already imported keep what they were."""
    removed: int = (
        MyAccount.delete()
        .where(MyAccount.platform == platform, MyAccount.account_id == account_id)
        .execute()
    )
    return removed > 0


class Matcher:
    """Matches senders to members of one group, once per sender; creates members when
    ``write`` (inside the caller's transaction), else only says what it would do."""

    def __init__(
        self,
        group_id: int | None,
        platform: str,
        write: bool,
        resolutions: dict[str, Resolution] | None = None,
        new_members: bool = False,
        now: datetime | None = None,
    ) -> None:
        self.group_id = group_id
        self.platform = platform
        self.id_field = ID_FIELDS.get(platform)
        self.write = write
        self.resolutions = resolutions or {}
        self.new_members = new_members
        self.now = now
        self.senders: dict[str, Sender] = {}
        self.touched: set[int] = set()  # members created or changed: their search rows
        self.created: set[int] = set()  # members created for this chat
        self._by_name: dict[str, set[int]] = {}
        self._names: dict[int, tuple[str, str]] = {}
        self._roles: dict[int, str] = {}
        self._tier_id: int | None = None
        self._fresh = 0  # members that would be created (dry run): negative stand-in ids
        self._members = _Inserter(Member, ("name", "sort_key", "tier", "first_seen",
                                            *filter(None, [self.id_field])))  # fmt: skip
        self._memberships = _Inserter(Membership, ("member", "group", "nickname", "chat_only"))
        if group_id is not None:
            query = (
                Membership.select(Membership.member, Membership.nickname, Membership.role, Member)
                .join(Member)
                .where(Membership.group == group_id)
            )
            for row in query:
                self._know(row.member_id, row.member.name, row.nickname, row.role)

    def _know(self, member_id: int, name: str, nickname: str, role: str = "member") -> None:
        for text in {name.strip(), nickname.strip()} - {""}:
            self._by_name.setdefault(text, set()).add(member_id)
        self._names[member_id] = (name, nickname)
        self._roles[member_id] = role

    def sender(
        self, sender_id: str, name: str, nickname: str = "", *, operator: bool = False,
        bot: bool = False, create: bool = True,
    ) -> Sender:  # fmt: skip
        """The sender (cached by id, else by name); ``create``: unknown ones become members."""
        key = sender_id or "\x00" + (nickname or name)
        known = self.senders.get(key)
        if known is not None:
            return known
        if operator:
            found = Sender(key, sender_id, name, nickname, OPERATOR, None)
        else:
            found = self._match(key, sender_id, name, nickname, bot, create)
        self.senders[key] = found
        return found

    def _match(
        self, key: str, sender_id: str, name: str, nickname: str, bot: bool, create: bool
    ) -> Sender:
        platform_id = _normalised(self.platform, sender_id) if self.id_field else None
        if platform_id is not None:
            assert self.id_field is not None
            row = db.execute_sql(
                f'SELECT id FROM member WHERE "{self.id_field}" = ?', (platform_id,)
            ).fetchone()
            if row is not None:
                return self._matched(key, sender_id, name, nickname, row[0])
        candidates = set()
        for text in {nickname.strip(), name.strip()} - {""}:
            candidates |= self._by_name.get(text, set())
        if platform_id is not None and candidates and self.id_field is not None:
            # a member with another id on this platform is someone else
            taken = {
                m.id
                for m in Member.select(Member.id).where(
                    Member.id.in_([c for c in candidates if c > 0]),
                    getattr(Member, self.id_field).is_null(False),
                )
            }
            candidates -= taken
        if len(candidates) == 1:
            member_id = next(iter(candidates))
            if platform_id is not None and self.write and member_id > 0:
                assert self.id_field is not None
                Member.update({self.id_field: platform_id}).where(Member.id == member_id).execute()
                self.touched.add(member_id)
            return self._matched(key, sender_id, name, nickname, member_id)
        if len(candidates) > 1:
            choices = [
                Candidate(m, *self._names.get(m, ("", ""))) for m in sorted(candidates) if m > 0
            ]
            chosen = self.resolutions.get(key, NEW if self.new_members else SKIP)
            if isinstance(chosen, int) and chosen in candidates:
                found = self._matched(key, sender_id, name, nickname, chosen)
            elif chosen == NEW:
                found = self._create(key, sender_id, platform_id, name, nickname)
            else:
                found = Sender(key, sender_id, name, nickname, UNMATCHED, None)
            found.how, found.candidates = AMBIGUOUS, choices
            return found
        if bot or not create:
            return Sender(key, sender_id, name, nickname, UNMATCHED, None)
        return self._create(key, sender_id, platform_id, name, nickname)

    def _matched(
        self, key: str, sender_id: str, name: str, nickname: str, member_id: int
    ) -> Sender:
        if member_id not in self._roles and self.write and self.group_id is not None:
            Membership.insert(
                member=member_id, group=self.group_id, nickname=nickname[:100], chat_only=True
            ).on_conflict_ignore().execute()
            self.touched.add(member_id)
            self._know(member_id, name, nickname)
        role = self._roles.get(member_id, "member")
        how = CREATED if member_id in self.created else MATCHED  # made earlier in this chat
        return Sender(key, sender_id, name, nickname, how, member_id, role)

    def _create(
        self, key: str, sender_id: str, platform_id: str | None, name: str, nickname: str
    ) -> Sender:
        shown = (name or nickname or sender_id).strip()[:100] or "?"
        if not self.write or self.group_id is None:
            self._fresh -= 1
            member_id = self._fresh
        else:
            if self._tier_id is None:
                self._tier_id = lowest_tier().id
            fields: dict[str, Any] = {
                "name": shown,
                "sort_key": sort_key(shown),
                "tier": self._tier_id,
                "first_seen": self.now,
            }
            if self.id_field is not None:
                fields[self.id_field] = platform_id
            member_id = self._members.insert(fields)
            self._memberships.insert(
                {"member": member_id, "group": self.group_id, "nickname": nickname[:100],
                 "chat_only": True}
            )  # fmt: skip
            self.touched.add(member_id)
        self._know(member_id, shown, nickname)
        self.created.add(member_id)
        return Sender(key, sender_id, name, nickname, CREATED, member_id)


class _Inserter:
    """One row at a time into a model's table by one prepared statement: the given fields,
    every other column its model default (as ``Model.insert`` would, at a tenth of the cost:
    thousands of new senders are made in one import)."""

    def __init__(self, model: type[Model], given: tuple[str, ...]) -> None:
        meta = model._meta
        fields = [f for f in meta.sorted_fields if f is not meta.primary_key]
        self._given = [next(i for i, f in enumerate(fields) if f.name == g) for g in given]
        self._names = given
        self._fields = fields
        self._base = [
            None
            if i in self._given
            else f.db_value(f.default() if callable(f.default) else f.default)
            for i, f in enumerate(fields)
        ]
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        marks = ", ".join("?" * len(fields))
        self._sql = f'INSERT INTO "{meta.table_name}" ({columns}) VALUES ({marks})'

    def insert(self, values: dict[str, Any]) -> int:
        row = list(self._base)
        for index, name in zip(self._given, self._names, strict=True):
            row[index] = self._fields[index].db_value(values[name])
        cursor = db.execute_sql(self._sql, row)
        return cast(int, cursor.lastrowid)


def staff(role: str) -> bool:
    """Whether a group role (or a role an export names) keeps its messages from being ad-like."""
    return role in ROLES[:2]


def count_by(senders: Iterable[Sender], keep: Callable[[Sender], bool]) -> dict[str, int]:
    """How many of ``senders`` (those ``keep`` takes) were matched, new, ambiguous."""
    out = {MATCHED: 0, CREATED: 0, AMBIGUOUS: 0}
    for s in senders:
        if keep(s) and s.how in out:
            out[s.how] += 1
    return out
