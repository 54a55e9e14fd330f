"""0002: suggestion dismissals (promotion and demotion candidates turned down). Never edit."""

from typing import Any

from peewee import *


def up(migrator: Any, db: Any) -> None:
    class Member(Model):
        class Meta:
            database = db
            table_name = "member"

    class SuggestionDismissal(Model):
        member = ForeignKeyField(Member, on_delete="CASCADE")
        kind = CharField()
        until = DateTimeField()

        class Meta:
            database = db
            table_name = "suggestion_dismissal"
            indexes = ((("member", "kind"), True),)

    db.create_tables([SuggestionDismissal])


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.drop_table("suggestion_dismissal"))
