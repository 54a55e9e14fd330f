"""0008: a task remembers when it entered the day's plan (core/daily_plan.py). Never edit."""

from typing import Any

from peewee import DateTimeField


def up(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.add_column("task", "planned_at", DateTimeField(null=True)))


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.drop_column("task", "planned_at"))
