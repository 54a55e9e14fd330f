"""Erase this person: every row that names them goes, and their text leaves the file.

A right people have over their data. The rows go in one transaction; then a checkpoint
(``TRUNCATE``) moves the WAL into the file and empties it, and ``secure_delete`` has already
zeroed the deleted bytes, so their name, phone and ids no longer appear anywhere in the
database file. No backup is made first (it would keep them); backups made earlier still hold
them, which the window says before asking. What a killed backup or export left behind (a
partial copy holding them too) is removed as well (``leftovers.sweep``).
"""

from __future__ import annotations

from pathlib import Path

from app.core import undo
from app.core.errors import QT_TRANSLATE_NOOP, HuoqunError
from app.core.members import get_member
from app.store import leftovers
from app.store.models import Interaction, Member, Task, db


class EraseIncomplete(HuoqunError):
    """The rows are gone but the file could not be cleaned yet (another reader is busy)."""


def erase_member(member_id: int) -> None:
    """Remove the member and every row about them, then wipe their bytes from the file."""
    get_member(member_id)  # NotFound when already gone
    if db.in_transaction():
        # the checkpoint below must see the erase committed
        raise RuntimeError("erase_member() must not run inside a transaction")
    with db.atomic():
        about_them = Task.select(Task.id).where(Task.member == member_id)
        Interaction.delete().where(Interaction.task.in_(about_them)).execute()
        # every table that names a member, the ones added later included
        for field in Member._meta.backrefs:
            if field.on_delete == "SET NULL":  # a meetup's agenda keeps its item, without them
                field.model.update({field: None}).where(field == member_id).execute()
            else:
                field.model.delete().where(field == member_id).execute()
        Member.delete().where(Member.id == member_id).execute()
        undo.forget()  # the history holds their old rows: it goes with them
    leftovers.sweep(Path(db.database))
    busy = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if busy:
        raise EraseIncomplete(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The member was erased, but the database is busy, so their text stays in the "
                "file until Huoqun closes.",
            )
        )
