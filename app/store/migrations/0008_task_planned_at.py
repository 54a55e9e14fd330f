"""0008: a task remembers when it entered the day's plan (core/daily_plan.py). Never edit.

Before it, every health finding and overdue helper became an open task due "now" (1,273 on the
reference load). Those nobody touched (not snoozed, not rescheduled: still due when made) go:
they are suggested again, ranked, and only a day's plan of them becomes tasks. The database is
backed up before a migration runs; ``down`` cannot bring them back.
"""

from typing import Any

from peewee import DateTimeField


def up(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.add_column("task", "planned_at", DateTimeField(null=True)))
    db.execute_sql(
        "DELETE FROM task WHERE origin LIKE 'suggested:%' AND status = 'open'"
        " AND snoozed_until IS NULL AND due_at = created_at"
    )


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.drop_column("task", "planned_at"))
