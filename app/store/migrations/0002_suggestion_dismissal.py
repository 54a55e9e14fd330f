"""0002: suggestion dismissals (promotion and demotion candidates turned down). Never edit."""

from peewee import *


def up(migrator, db):
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


def down(migrator, db):
    migrator.migrate(migrator.drop_table("suggestion_dismissal"))
