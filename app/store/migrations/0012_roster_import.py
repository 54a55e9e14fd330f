"""0012: each roster import of a group remembered (issue #19): when, the file, the members it
listed and those who came back; and the search rows of members with a Telegram or Discord id
computed again, so the member search finds them by it. Never edit.
"""

from typing import Any

from peewee import *

CHUNK = 5_000


def _search_rows(db: Any) -> None:
    # the key functions of the version that runs this: it writes what that version reads
    from app.store.database import derived_keys

    _sort_key, search_keys = derived_keys()
    members = db.execute_sql(
        "SELECT id, name, qq, wechat_id, phone, email, telegram_id, discord_id FROM member"
        " WHERE telegram_id IS NOT NULL OR discord_id IS NOT NULL ORDER BY id"
    ).fetchall()
    for start in range(0, len(members), CHUNK):
        part = members[start : start + CHUNK]
        nicknames: dict[int, list[str]] = {}
        marks = ", ".join("?" * len(part))
        for member_id, nick in db.execute_sql(
            f"SELECT member_id, nickname FROM membership WHERE nickname != ''"
            f" AND member_id IN ({marks}) ORDER BY id",
            [m[0] for m in part],
        ):
            nicknames.setdefault(member_id, []).append(nick)
        rows = []
        for mid, name, *identities in part:
            keys = search_keys(name, nicknames.get(mid, ()), *identities)
            rows.append((mid, keys.text, keys.pinyin, keys.lead))
        db.cursor().executemany(
            'INSERT OR REPLACE INTO "member_search" ("member_id", "text", "pinyin", "lead")'
            " VALUES (?, ?, ?, ?)",
            rows,
        )


def up(migrator: Any, db: Any) -> None:
    class Group(Model):
        class Meta:
            database = db
            table_name = "chat_group"

    class RosterImport(Model):
        group = ForeignKeyField(Group, on_delete="CASCADE")
        imported_at = DateTimeField()
        file_name = CharField(default="")
        members = IntegerField(default=0)
        listed = TextField(default="")
        came_back = TextField(default="")

        class Meta:
            database = db
            table_name = "roster_import"
            indexes = ((("group", "imported_at"), False),)

    db.create_tables([RosterImport])
    _search_rows(db)


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.drop_table("roster_import"))
