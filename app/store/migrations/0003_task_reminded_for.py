"""0003: a task remembers which occurrence it last reminded of. Never edit."""

from typing import Any

from peewee import DateTimeField


def up(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.add_column("task", "reminded_for", DateTimeField(null=True)))


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.drop_column("task", "reminded_for"))
