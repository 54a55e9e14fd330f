"""0011: chat history (issue #18): chat sources, messages, chat events, daily counts, My
accounts; members' Telegram and Discord ids; memberships seen only in chat history. Never edit.
"""

from typing import Any

from peewee import *


def up(migrator: Any, db: Any) -> None:
    migrator.migrate(
        migrator.add_column("member", "telegram_id", CharField(null=True, unique=True)),
        migrator.add_column("member", "discord_id", CharField(null=True, unique=True)),
        migrator.add_column(
            "membership", "chat_only", BooleanField(default=False, constraints=[SQL("DEFAULT 0")])
        ),
    )

    class Group(Model):
        class Meta:
            database = db
            table_name = "chat_group"

    class Member(Model):
        class Meta:
            database = db
            table_name = "member"

    class ChatSource(Model):
        group = ForeignKeyField(Group, on_delete="CASCADE")
        platform = CharField()
        chat_id = CharField(default="")
        name = CharField(default="")
        format = CharField()
        files = TextField(default="[]")
        first_at = DateTimeField(null=True)
        last_at = DateTimeField(null=True)
        imported_at = DateTimeField()

        class Meta:
            database = db
            table_name = "chat_source"
            indexes = ((("group", "platform", "chat_id", "name"), True),)

    class Message(Model):
        group = ForeignKeyField(Group, on_delete="CASCADE")
        member = ForeignKeyField(Member, null=True, on_delete="CASCADE")
        sender_id = CharField(default="")
        sender_name = CharField(default="")
        sent_at = DateTimeField()
        kind = CharField(default="text")
        flags = IntegerField(default=0)
        key = CharField()
        excerpt = TextField(null=True)

        class Meta:
            database = db
            table_name = "message"
            indexes = ((("group", "key"), True),)

    class ChatEvent(Model):
        group = ForeignKeyField(Group, on_delete="CASCADE")
        member = ForeignKeyField(Member, null=True, on_delete="CASCADE")
        kind = CharField()
        at = DateTimeField()
        key = CharField()

        class Meta:
            database = db
            table_name = "chat_event"
            indexes = (
                (("group", "key"), True),
                (("group", "kind", "at"), False),
                (("member", "at"), False),
            )

    class ChatDay(Model):
        group = ForeignKeyField(Group, on_delete="CASCADE")
        member = ForeignKeyField(Member, null=True, on_delete="CASCADE")
        day = DateField()
        operator = BooleanField(default=False)
        messages = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "chat_day"
            indexes = (
                (("group", "member", "day"), True),
                (("group", "day"), False),
                (("member", "day"), False),
            )

    class MyAccount(Model):
        platform = CharField()
        account_id = CharField()

        class Meta:
            database = db
            table_name = "my_account"
            indexes = ((("platform", "account_id"), True),)

    db.create_tables([ChatSource, Message, ChatEvent, ChatDay, MyAccount])


def down(migrator: Any, db: Any) -> None:
    for table in ("my_account", "chat_day", "chat_event", "message", "chat_source"):
        migrator.migrate(migrator.drop_table(table))
    migrator.migrate(
        migrator.drop_index("member", "member_discord_id"),
        migrator.drop_index("member", "member_telegram_id"),
        migrator.drop_column("membership", "chat_only"),
        migrator.drop_column("member", "discord_id"),
        migrator.drop_column("member", "telegram_id"),
    )
