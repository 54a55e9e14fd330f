"""0010: the log of the window's undoable steps (``app/core/undo.py``). Never edit.

Each row says how to reverse one row's change: the statement that undoes it, or, for a row
the step inserted, only the row (a whole run of them is deleted at once). Emptied whenever a
database is opened, so it never outlives the session that wrote it.
"""

from typing import Any


def up(migrator: Any, db: Any) -> None:
    db.execute_sql(
        "CREATE TABLE undo_log (seq INTEGER NOT NULL PRIMARY KEY, step INTEGER NOT NULL,"
        " tbl VARCHAR(255) NOT NULL, op VARCHAR(255) NOT NULL, rid INTEGER NOT NULL, sql TEXT)"
    )
    db.execute_sql("CREATE INDEX undo_log_step ON undo_log (step)")


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.drop_table("undo_log"))
