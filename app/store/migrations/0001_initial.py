"""0001: every table of PRODUCT.md §2, frozen as it was first shipped. Never edit."""

from typing import Any

from peewee import *


def up(migrator: Any, db: Any) -> None:
    class Meetup(Model):
        title = CharField()
        start_at = DateTimeField(index=True)
        end_at = DateTimeField()
        venue = CharField(default="")
        address = TextField(default="")
        capacity = IntegerField(null=True)
        status = CharField(default="planned")
        notes = TextField(default="")

        class Meta:
            database = db
            table_name = "meetup"

    db.create_tables([Meetup])

    class Tier(Model):
        rank = IntegerField(unique=True)
        name = CharField()
        description = TextField(default="")
        colour = CharField(default="#888888")
        checkin_days = IntegerField(null=True)

        class Meta:
            database = db
            table_name = "tier"

    db.create_tables([Tier])

    class Member(Model):
        name = CharField()
        sort_key = CharField(index=True)
        wechat_id = CharField(unique=True, null=True)
        qq = CharField(unique=True, null=True)
        phone = CharField(unique=True, null=True)
        email = CharField(default="")
        city = CharField(index=True, default="")
        gender = CharField(default="")
        notes = TextField(default="")
        star = BooleanField(index=True, default=False)
        tier = ForeignKeyField(Tier)
        status = CharField(index=True, default="active")
        status_reason = TextField(default="")
        first_seen = DateTimeField()
        last_contacted = DateTimeField(index=True, null=True)

        class Meta:
            database = db
            table_name = "member"

    db.create_tables([Member])

    class AgendaItem(Model):
        meetup = ForeignKeyField(Meetup, on_delete="CASCADE")
        at = DateTimeField(null=True)
        title = CharField()
        owner = ForeignKeyField(Member, null=True, on_delete="SET NULL")
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "agenda_item"

    db.create_tables([AgendaItem])

    class Attendance(Model):
        meetup = ForeignKeyField(Meetup, on_delete="CASCADE")
        member = ForeignKeyField(Member, on_delete="CASCADE")
        rsvp = CharField(default="invited")
        rsvp_at = DateTimeField()
        attended = BooleanField(null=True)

        class Meta:
            database = db
            table_name = "attendance"
            indexes = ((("meetup", "member"), True), (("member", "meetup"), False))

    db.create_tables([Attendance])

    class BudgetLine(Model):
        meetup = ForeignKeyField(Meetup, on_delete="CASCADE")
        item = CharField()
        amount_cents = IntegerField(default=0)
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "budget_line"

    db.create_tables([BudgetLine])

    class ChecklistItem(Model):
        meetup = ForeignKeyField(Meetup, on_delete="CASCADE")
        text = CharField()
        done = BooleanField(default=False)
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "checklist_item"

    db.create_tables([ChecklistItem])

    class Group(Model):
        name = CharField(unique=True)
        sort_key = CharField(index=True)
        platform = CharField()
        platform_id = CharField(default="")
        kind = CharField()
        parent = ForeignKeyField("self", null=True, on_delete="SET NULL")
        description = TextField(default="")
        announcement = TextField(default="")
        member_cap = IntegerField(null=True)
        cadence_days = IntegerField(null=True)
        archived = BooleanField(default=False)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "chat_group"

    db.create_tables([Group])

    class Rule(Model):
        title = CharField()
        text = TextField(default="")
        severity = CharField(default="warning")
        strike_points = IntegerField(default=1)
        retired_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "rule"

    db.create_tables([Rule])

    class GroupRule(Model):
        group = ForeignKeyField(Group, on_delete="CASCADE")
        rule = ForeignKeyField(Rule, on_delete="CASCADE")
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "group_rule"
            indexes = ((("group", "rule"), True),)

    db.create_tables([GroupRule])

    class Task(Model):
        title = CharField()
        kind = CharField(default="custom")
        group = ForeignKeyField(Group, null=True, on_delete="CASCADE")
        member = ForeignKeyField(Member, null=True, on_delete="CASCADE")
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

        class Meta:
            database = db
            table_name = "task"
            indexes = ((("status", "due_at"), False), (("group", "status"), False))

    db.create_tables([Task])

    class Interaction(Model):
        group = ForeignKeyField(Group, null=True, on_delete="CASCADE")
        member = ForeignKeyField(Member, null=True, on_delete="CASCADE")
        kind = CharField()
        at = DateTimeField()
        note = TextField(default="")
        task = ForeignKeyField(Task, null=True, on_delete="SET NULL")

        class Meta:
            database = db
            table_name = "interaction"
            indexes = ((("group", "at"), False), (("member", "at"), False))

    db.create_tables([Interaction])

    class MeetupGroup(Model):
        meetup = ForeignKeyField(Meetup, on_delete="CASCADE")
        group = ForeignKeyField(Group, on_delete="CASCADE")

        class Meta:
            database = db
            table_name = "meetup_group"
            indexes = ((("meetup", "group"), True), (("group", "meetup"), False))

    db.create_tables([MeetupGroup])

    class MeetupRole(Model):
        meetup = ForeignKeyField(Meetup, on_delete="CASCADE")
        member = ForeignKeyField(Member, on_delete="CASCADE")
        role = CharField()

        class Meta:
            database = db
            table_name = "meetup_role"

    db.create_tables([MeetupRole])

    class MemberSearch(Model):
        member = ForeignKeyField(Member, primary_key=True, on_delete="CASCADE")
        text = TextField()
        pinyin = TextField(default="")

        class Meta:
            database = db
            table_name = "member_search"

    db.create_tables([MemberSearch])

    class Membership(Model):
        member = ForeignKeyField(Member, on_delete="CASCADE")
        group = ForeignKeyField(Group, on_delete="CASCADE")
        nickname = CharField(default="")
        role = CharField(default="member")
        joined_at = DateTimeField(null=True)
        last_spoke_at = DateTimeField(null=True)
        left_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "membership"
            indexes = ((("member", "group"), True), (("group", "left_at", "member"), False))

    db.create_tables([Membership])

    class MemberTag(Model):
        member = ForeignKeyField(Member, on_delete="CASCADE")
        tag = CharField()

        class Meta:
            database = db
            table_name = "member_tag"
            indexes = ((("member", "tag"), True), (("tag", "member"), False))

    db.create_tables([MemberTag])

    class Setting(Model):
        key = CharField(primary_key=True)
        value = TextField()

        class Meta:
            database = db
            table_name = "setting"

    db.create_tables([Setting])

    class TierChange(Model):
        member = ForeignKeyField(Member, on_delete="CASCADE")
        from_tier = ForeignKeyField(Tier, null=True, on_delete="SET NULL")
        to_tier = ForeignKeyField(Tier, null=True, on_delete="SET NULL")
        at = DateTimeField(index=True)
        reason = TextField(default="")

        class Meta:
            database = db
            table_name = "tier_change"

    db.create_tables([TierChange])

    class Violation(Model):
        case_number = IntegerField(unique=True)
        member = ForeignKeyField(Member, on_delete="CASCADE")
        group = ForeignKeyField(Group, null=True, on_delete="SET NULL")
        rule = ForeignKeyField(Rule, null=True, on_delete="SET NULL")
        at = DateTimeField(index=True)
        evidence = TextField(default="")
        action = CharField(default="warned")
        handled_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "violation"
            indexes = ((("group", "handled_at"), False), (("member", "at"), False))

    db.create_tables([Violation])


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.drop_table("violation"))
    migrator.migrate(migrator.drop_table("tier_change"))
    migrator.migrate(migrator.drop_table("setting"))
    migrator.migrate(migrator.drop_table("member_tag"))
    migrator.migrate(migrator.drop_table("membership"))
    migrator.migrate(migrator.drop_table("member_search"))
    migrator.migrate(migrator.drop_table("meetup_role"))
    migrator.migrate(migrator.drop_table("meetup_group"))
    migrator.migrate(migrator.drop_table("interaction"))
    migrator.migrate(migrator.drop_table("task"))
    migrator.migrate(migrator.drop_table("group_rule"))
    migrator.migrate(migrator.drop_table("rule"))
    migrator.migrate(migrator.drop_table("chat_group"))
    migrator.migrate(migrator.drop_table("checklist_item"))
    migrator.migrate(migrator.drop_table("budget_line"))
    migrator.migrate(migrator.drop_table("attendance"))
    migrator.migrate(migrator.drop_table("agenda_item"))
    migrator.migrate(migrator.drop_table("member"))
    migrator.migrate(migrator.drop_table("tier"))
    migrator.migrate(migrator.drop_table("meetup"))
