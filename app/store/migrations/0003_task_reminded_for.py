"""0003: a task remembers which occurrence it last reminded of. Never edit."""

from peewee import DateTimeField


def up(migrator, db):
    migrator.migrate(migrator.add_column("task", "reminded_for", DateTimeField(null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column("task", "reminded_for"))
