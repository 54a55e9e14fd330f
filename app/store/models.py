"""Peewee models for every table of PRODUCT.md §2.

All datetimes are naive UTC. The schema itself is created by numbered migrations in
``app/store/migrations``; a test checks that these models and the migrated schema agree.

Peewee adds ``id`` to a model without another primary key and ``<field>_id`` beside each
foreign key; they are declared here as bare annotations, for the type checker only: an
annotation without a value is no field, so no table gains a column.
"""

from __future__ import annotations

from typing import Any

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    fn,
)

db = DatabaseProxy()


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Tier(BaseModel):
    """A level of the member pyramid; rank 1 is the top."""

    id: AutoField[int]
    rank = IntegerField(unique=True)
    name = CharField()
    description = TextField(default="")
    colour = CharField(default="#888888")
    checkin_days = IntegerField(null=True)
    # a default tier's name and description as Huoqun's codes ("" once the operator edits it)
    name_key = CharField(default="")
    description_key = CharField(default="")


class Group(BaseModel):
    """A chat group on one platform."""

    id: AutoField[int]
    name = CharField(unique=True)
    sort_key = CharField(index=True)
    platform = CharField()
    platform_id = CharField(default="")
    kind = CharField()
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    parent_id: ForeignKeyField[int | None]
    description = TextField(default="")
    announcement = TextField(default="")
    member_cap = IntegerField(null=True)
    cadence_days = IntegerField(null=True)
    archived = BooleanField(default=False)
    created_at = DateTimeField()

    class Meta:
        table_name = "chat_group"


class Member(BaseModel):
    """A person, identified across groups by QQ number, WeChat id or phone.

    ``status`` is the person's own: "active" or "banned". Leaving or being removed from a group
    belongs to that membership (``Membership.status``): the person stays in the other groups.
    """

    id: AutoField[int]
    name = CharField()
    sort_key = CharField(index=True)
    wechat_id = CharField(null=True, unique=True)
    qq = CharField(null=True, unique=True)
    phone = CharField(null=True, unique=True)
    telegram_id = CharField(null=True, unique=True)
    discord_id = CharField(null=True, unique=True)
    email = CharField(default="")
    city = CharField(default="", index=True)
    gender = CharField(default="")
    notes = TextField(default="")
    star = BooleanField(default=False, index=True)
    tier = ForeignKeyField(Tier, backref="members", index=True)
    tier_id: ForeignKeyField[int]
    status = CharField(default="active", index=True)
    status_reason = TextField(default="")
    first_seen = DateTimeField()
    last_contacted = DateTimeField(null=True, index=True)


# QQ numbers sort as numbers with blanks last, both ways (member_list.SORTS): ascending reads
# the first index forwards, descending the second backwards.
Member.add_index(
    Member.index(
        Member.qq.is_null(), fn.length(Member.qq), Member.qq, name="member_qq_number_ascending"
    )
)
Member.add_index(Member.index(fn.length(Member.qq), Member.qq, name="member_qq_number_descending"))


class MemberSearch(BaseModel):
    """One narrow row per member: every searchable text, lower-cased, for a fast LIKE scan."""

    member = ForeignKeyField(Member, primary_key=True, on_delete="CASCADE")
    member_id: ForeignKeyField[int]
    text = TextField()  # name, nicknames, ids: matched anywhere
    pinyin = TextField(default="")  # pinyin tokens: matched from a syllable's start
    lead = TextField(default="")  # the name's pinyin from its start: ranks a match higher


class MemberTag(BaseModel):
    id: AutoField[int]
    member = ForeignKeyField(Member, backref="tag_rows", on_delete="CASCADE")
    member_id: ForeignKeyField[int]
    tag = CharField()

    class Meta:
        indexes = ((("member", "tag"), True), (("tag", "member"), False))


class Membership(BaseModel):
    """A member in a group, with the group-specific facts and its status there."""

    id: AutoField[int]
    # indexed below, with what health reads of a member's memberships (0016)
    member = ForeignKeyField(Member, backref="memberships", on_delete="CASCADE", index=False)
    member_id: ForeignKeyField[int]
    group = ForeignKeyField(Group, backref="memberships", on_delete="CASCADE")
    group_id: ForeignKeyField[int]
    nickname = CharField(default="")
    role = CharField(default="member")
    joined_at = DateTimeField(null=True)
    last_spoke_at = DateTimeField(null=True)
    left_at = DateTimeField(null=True)
    # "active" while left_at is empty; "left" or "removed" (on left_at) once it is not; the
    # SQL default serves the bulk inserts that name columns (imports, the sample)
    status = CharField(default="active", constraints=[SQL("DEFAULT 'active'")])
    # seen only in chat history, no roster lists them; DEFAULT 0 in SQL too, for the bulk
    # writers that name their columns (roster import, the demo)
    chat_only = BooleanField(default=False, constraints=[SQL("DEFAULT 0")])

    class Meta:
        indexes = (
            (("member", "group"), True),
            # covers health and activity's members, newcomers and who went quiet
            (("group", "left_at", "member", "role", "last_spoke_at", "joined_at"), False),
            (("status", "member"), False),  # who left or was removed, from any group
            # a member's live memberships, covering what health counts of them
            (("member", "left_at", "group", "role", "last_spoke_at"), False),
        )


class TierChange(BaseModel):
    id: AutoField[int]
    member = ForeignKeyField(Member, backref="tier_changes", on_delete="CASCADE")
    member_id: ForeignKeyField[int]
    from_tier = ForeignKeyField(Tier, null=True, on_delete="SET NULL")
    from_tier_id: ForeignKeyField[int | None]
    to_tier = ForeignKeyField(Tier, null=True, on_delete="SET NULL")
    to_tier_id: ForeignKeyField[int | None]
    at = DateTimeField(index=True)
    reason = TextField(default="")


class Rule(BaseModel):
    id: AutoField[int]
    title = CharField()
    text = TextField(default="")
    severity = CharField(default="warning")
    strike_points = IntegerField(default=1)
    retired_at = DateTimeField(null=True)


class GroupRule(BaseModel):
    """A rule adopted by a group, in the group's order."""

    id: AutoField[int]
    group = ForeignKeyField(Group, backref="rule_rows", on_delete="CASCADE")
    group_id: ForeignKeyField[int]
    rule = ForeignKeyField(Rule, backref="group_rows", on_delete="CASCADE")
    rule_id: ForeignKeyField[int]
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("group", "rule"), True),)


class Violation(BaseModel):
    id: AutoField[int]
    case_number = IntegerField(unique=True)
    member = ForeignKeyField(Member, backref="violations", on_delete="CASCADE")
    member_id: ForeignKeyField[int]
    group = ForeignKeyField(Group, null=True, backref="violations", on_delete="SET NULL")
    group_id: ForeignKeyField[int | None]
    rule = ForeignKeyField(Rule, null=True, backref="violations", on_delete="SET NULL")
    rule_id: ForeignKeyField[int | None]
    at = DateTimeField(index=True)
    evidence = TextField(default="")
    action = CharField(default="warned")
    handled_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("group", "handled_at"), False), (("member", "at"), False))


class Meetup(BaseModel):
    id: AutoField[int]
    title = CharField()
    start_at = DateTimeField(index=True)
    end_at = DateTimeField()
    venue = CharField(default="")
    address = TextField(default="")
    capacity = IntegerField(null=True)
    status = CharField(default="planned")
    notes = TextField(default="")


class MeetupGroup(BaseModel):
    id: AutoField[int]
    meetup = ForeignKeyField(Meetup, backref="group_rows", on_delete="CASCADE")
    meetup_id: ForeignKeyField[int]
    group = ForeignKeyField(Group, backref="meetup_rows", on_delete="CASCADE")
    group_id: ForeignKeyField[int]

    class Meta:
        indexes = ((("meetup", "group"), True), (("group", "meetup"), False))


class AgendaItem(BaseModel):
    id: AutoField[int]
    meetup = ForeignKeyField(Meetup, backref="agenda", on_delete="CASCADE")
    meetup_id: ForeignKeyField[int]
    at = DateTimeField(null=True)
    title = CharField()
    owner = ForeignKeyField(Member, null=True, on_delete="SET NULL")
    owner_id: ForeignKeyField[int | None]
    position = IntegerField(default=0)


class ChecklistItem(BaseModel):
    id: AutoField[int]
    meetup = ForeignKeyField(Meetup, backref="checklist", on_delete="CASCADE")
    meetup_id: ForeignKeyField[int]
    text = CharField()
    done = BooleanField(default=False)
    position = IntegerField(default=0)


class BudgetLine(BaseModel):
    id: AutoField[int]
    meetup = ForeignKeyField(Meetup, backref="budget", on_delete="CASCADE")
    meetup_id: ForeignKeyField[int]
    item = CharField()
    amount_cents = IntegerField(default=0)
    position = IntegerField(default=0)


class MeetupRole(BaseModel):
    id: AutoField[int]
    meetup = ForeignKeyField(Meetup, backref="roles", on_delete="CASCADE")
    meetup_id: ForeignKeyField[int]
    member = ForeignKeyField(Member, backref="meetup_roles", on_delete="CASCADE")
    member_id: ForeignKeyField[int]
    role = CharField()


class Attendance(BaseModel):
    """A member's RSVP to a meetup and, after it, whether they came."""

    id: AutoField[int]
    meetup = ForeignKeyField(Meetup, backref="attendance", on_delete="CASCADE")
    meetup_id: ForeignKeyField[int]
    member = ForeignKeyField(Member, backref="attendance", on_delete="CASCADE")
    member_id: ForeignKeyField[int]
    rsvp = CharField(default="invited")
    rsvp_at = DateTimeField()
    attended = BooleanField(null=True)

    class Meta:
        indexes = ((("meetup", "member"), True), (("member", "meetup"), False))


class Task(BaseModel):
    """An item of the interaction queue."""

    id: AutoField[int]
    title = CharField()
    kind = CharField(default="custom")
    group = ForeignKeyField(Group, null=True, backref="tasks", on_delete="CASCADE")
    group_id: ForeignKeyField[int | None]
    member = ForeignKeyField(Member, null=True, backref="tasks", on_delete="CASCADE")
    member_id: ForeignKeyField[int | None]
    due_at = DateTimeField(null=True)
    rrule = TextField(default="")
    priority = IntegerField(default=2)
    status = CharField(default="open")
    snoozed_until = DateTimeField(null=True)
    notes = TextField(default="")
    outcome = TextField(default="")
    origin = CharField(default="manual")
    created_at = DateTimeField()
    done_at = DateTimeField(null=True)
    reminded_for = DateTimeField(null=True)  # the effective due last reminded of
    planned_at = DateTimeField(null=True)  # when it last entered the day's plan
    # a title Huoqun wrote: its code and parameters (JSON); "" for the operator's words
    title_key = CharField(default="")
    title_args = TextField(default="")
    # notes Huoqun wrote (a suggestion's reason): their code and parameters; "" for the operator's
    notes_key = CharField(default="")
    notes_args = TextField(default="")

    class Meta:
        # the group's tasks; its last done (health's last interaction) one step in
        indexes = ((("status", "due_at"), False), (("group", "status", "done_at"), False))

    def save(self, force_insert: bool = False, only: Any = None) -> Any:
        """Save; a title or notes Huoqun wrote (a ``str`` carrying ``text_key`` and
        ``text_args``, see ``app.core.generated_text.Generated``) keep their code and parameters
        beside them."""
        for name in ("title", "notes"):
            value = getattr(self, name)
            key = getattr(value, "text_key", None)
            if key is not None:
                setattr(self, f"{name}_key", key)
                setattr(self, f"{name}_args", getattr(value, "text_args", ""))
                setattr(self, name, str(value))
        return super().save(force_insert=force_insert, only=only)


class Interaction(BaseModel):
    """Something that actually happened in a group or with a member."""

    id: AutoField[int]
    group = ForeignKeyField(Group, null=True, backref="interactions", on_delete="CASCADE")
    group_id: ForeignKeyField[int | None]
    member = ForeignKeyField(Member, null=True, backref="interactions", on_delete="CASCADE")
    member_id: ForeignKeyField[int | None]
    kind = CharField()
    at = DateTimeField()
    note = TextField(default="")
    task = ForeignKeyField(Task, null=True, on_delete="SET NULL")
    task_id: ForeignKeyField[int | None]

    class Meta:
        indexes = ((("group", "at"), False), (("member", "at"), False))


class SuggestionDismissal(BaseModel):
    """A promotion or demotion suggestion turned down: not made again before ``until``."""

    id: AutoField[int]
    member = ForeignKeyField(Member, backref="dismissals", on_delete="CASCADE")
    member_id: ForeignKeyField[int]
    kind = CharField()  # "promotion" or "demotion"
    until = DateTimeField()

    class Meta:
        indexes = ((("member", "kind"), True),)


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()


class UndoLog(BaseModel):
    """How to reverse one row's change made by an undoable step (``app/core/undo.py``).

    Not community data: emptied when a database is opened, left out of exports.
    """

    seq = AutoField()
    step = IntegerField(index=True)
    tbl = CharField()
    op = CharField()  # "I" the step inserted the row, "U" updated it, "D" deleted it
    rid = IntegerField()  # the row's rowid
    sql = TextField(null=True)  # the statement that reverses an update or a delete

    class Meta:
        table_name = "undo_log"


class ChatSource(BaseModel):
    """An imported chat history of a group: which chat, which files, the time they covered.

    ``files`` is JSON: one object per file imported (name, size, sha256, and what its import
    found), so that the same files imported again are known at once.
    """

    id: AutoField[int]
    group = ForeignKeyField(Group, backref="chat_sources", on_delete="CASCADE")
    group_id: ForeignKeyField[int]
    platform = CharField()
    chat_id = CharField(default="")
    name = CharField(default="")
    format = CharField()
    files = TextField(default="[]")
    first_at = DateTimeField(null=True)
    last_at = DateTimeField(null=True)
    imported_at = DateTimeField()

    class Meta:
        indexes = ((("group", "platform", "chat_id", "name"), True),)


class Message(BaseModel):
    """One message seen in a chat export; no text, except the excerpt of an ad-like one.

    ``member`` is null for the operator's own messages (``flags`` has ``operator``) and for a
    sender matched to nobody (``sender_id``/``sender_name`` then say who). ``flags`` is a
    bitmask of ``app.core.chat_records.FLAGS``. ``key`` is the platform's message id, or a hash
    of chat, time, sender and text: unique per group, so nothing is imported twice.

    Only that key is indexed (and, in a partial index, the few ad-like messages by time): every
    other index would slow a million-message import down by half; panels read ``ChatDay`` and
    ``ChatWeek``, and erasing or merging a member scans this table once.
    """

    id: AutoField[int]
    # no index of its own: (group, key) leads with it (0017)
    group = ForeignKeyField(Group, backref="messages", on_delete="CASCADE", index=False)
    group_id: ForeignKeyField[int]
    member = ForeignKeyField(Member, null=True, backref="messages", on_delete="CASCADE")
    member_id: ForeignKeyField[int | None]
    sender_id = CharField(default="")
    sender_name = CharField(default="")
    sent_at = DateTimeField()
    kind = CharField(default="text")
    flags = IntegerField(default=0)
    key = CharField()
    excerpt = TextField(null=True)

    class Meta:
        indexes = ((("group", "key"), True),)


# the live memberships that count for health and activity, each index only what its count
# reads (migration 0016): by last-spoke date (those with one), by joining date, the staff
Membership.add_index(
    Membership.index(
        Membership.last_spoke_at, Membership.group, Membership.member, Membership.left_at,
        name="membership_spoke", where=SQL("left_at IS NULL AND last_spoke_at IS NOT NULL"),
    )
)  # fmt: skip
Membership.add_index(
    Membership.index(
        Membership.joined_at, Membership.group, Membership.last_spoke_at, Membership.member,
        Membership.left_at, name="membership_joined", where=SQL("left_at IS NULL"),
    )
)  # fmt: skip
Membership.add_index(
    Membership.index(
        Membership.group, Membership.left_at, name="membership_staff",
        where=SQL("left_at IS NULL AND role IN ('owner', 'admin')"),
    )
)  # fmt: skip

# the ad-like messages by time, and only them: the activity's evidence (``activity``)
Message.add_index(Message.index(Message.sent_at, name="message_ad_recent", where=SQL("flags & 2")))


class ChatEvent(BaseModel):
    """Someone joined, left, was removed, recalled or pinned a message (from a chat export)."""

    id: AutoField[int]
    group = ForeignKeyField(Group, backref="chat_events", on_delete="CASCADE")
    group_id: ForeignKeyField[int]
    member = ForeignKeyField(Member, null=True, backref="chat_events", on_delete="CASCADE")
    member_id: ForeignKeyField[int | None]
    kind = CharField()
    at = DateTimeField()
    key = CharField()

    class Meta:
        indexes = (
            (("group", "key"), True),
            (("group", "kind", "at"), False),
            (("member", "at"), False),
        )


class ChatDay(BaseModel):
    """Messages per member, group and local day, kept by the chat import (bots not counted):
    what the activity panels read, never the messages themselves.

    ``member`` is null for the operator's messages (``operator``) and for unmatched senders'.
    """

    id: AutoField[int]
    # no indexes of their own: the wider ones below lead with each (0017)
    group = ForeignKeyField(Group, backref="chat_days", on_delete="CASCADE", index=False)
    group_id: ForeignKeyField[int]
    member = ForeignKeyField(
        Member, null=True, backref="chat_days", on_delete="CASCADE", index=False
    )
    member_id: ForeignKeyField[int | None]
    day = DateField()
    operator = BooleanField(default=False)
    messages = IntegerField(default=0)

    class Meta:
        indexes = (
            (("group", "member", "day"), True),
            (("group", "day"), False),
            # covers the last 30 days of every group (activity)
            (("day", "group", "member", "operator", "messages"), False),
            # covers each member's days in a group (who went quiet)
            (("group", "member", "day", "operator", "messages"), False),
            (("member", "day"), False),
        )


class ChatWeek(BaseModel):
    """A group's messages, the operator's, and distinct speakers per local week (``week`` is
    its Monday): kept from ``ChatDay`` by triggers (migration 0015), whoever writes it."""

    id: AutoField[int]
    group = ForeignKeyField(Group, backref="chat_weeks", on_delete="CASCADE", index=False)
    group_id: ForeignKeyField[int]
    week = DateField()
    messages = IntegerField()
    operator_messages = IntegerField()
    speakers = IntegerField()

    class Meta:
        indexes = ((("group", "week"), True),)


class ChatRecent(BaseModel):
    """A sender's messages and days with a message in a group over the window of
    ``ChatRecentWindow`` (the last 30 days): kept from ``ChatDay`` by triggers (migration
    0017), filled again by ``app.core.chat_recent`` when the day moves on.

    ``member_id`` is 0 for the operator's messages (``operator``) and unmatched senders'."""

    id: AutoField[int]
    group = ForeignKeyField(Group, backref="chat_recent", on_delete="CASCADE", index=False)
    group_id: ForeignKeyField[int]
    member_id = IntegerField()
    operator = IntegerField()
    messages = IntegerField()
    days = IntegerField()

    class Meta:
        indexes = (
            (("group", "operator", "member_id"), True),
            # each group's top speakers, in one step each; its sums without the table
            (("group", "operator", "messages", "days", "member_id"), False),
        )


class ChatRecentWindow(BaseModel):
    """The local days ``ChatRecent`` holds (one row), from ``since`` to ``until``."""

    id: AutoField[int]
    since = DateField()
    until = DateField()


class MyAccount(BaseModel):
    """One of the operator's own accounts on a platform: their messages are theirs."""

    id: AutoField[int]
    platform = CharField()
    account_id = CharField()

    class Meta:
        indexes = ((("platform", "account_id"), True),)


class RosterImport(BaseModel):
    """One roster import of a group: when, from which file, and whom it listed (the member
    ids, compact: ``app.core.roster_changes``), so the next import says what changed."""

    id: AutoField[int]
    group = ForeignKeyField(Group, backref="roster_imports", on_delete="CASCADE")
    group_id: ForeignKeyField[int]
    imported_at = DateTimeField()
    file_name = CharField(default="")
    members = IntegerField(default=0)  # how many it listed
    listed = TextField(default="")  # the listed member ids, compact (roster_changes.pack_ids)
    came_back = TextField(default="")  # ids listed again after they had left, comma-separated

    class Meta:
        indexes = ((("group", "imported_at"), False),)


ALL_MODELS: list[type[BaseModel]] = [
    Tier,
    Group,
    Member,
    MemberSearch,
    MemberTag,
    Membership,
    TierChange,
    Rule,
    GroupRule,
    Violation,
    Meetup,
    MeetupGroup,
    AgendaItem,
    ChecklistItem,
    BudgetLine,
    MeetupRole,
    Attendance,
    Task,
    Interaction,
    Setting,
    SuggestionDismissal,
    ChatSource,
    Message,
    ChatEvent,
    ChatDay,
    ChatWeek,
    ChatRecent,
    ChatRecentWindow,
    MyAccount,
    RosterImport,
]
