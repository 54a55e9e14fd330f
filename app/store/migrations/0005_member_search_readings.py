"""0005: search keys with every reading of a name's first character(s). Never edit.

Members are found by every reading of their surname (曾小悦 by ``zxy`` and ``cxy``) and sort
under its surname reading (zeng, not ceng); a ``lead`` column holds the name's own pinyin so
that a match there ranks first; QQ numbers get the indexes of a numeric sort. Every member's
sort key and search row are computed again.
"""

from typing import Any

from peewee import TextField

CHUNK = 5_000


def _recompute(db: Any) -> None:
    # the key functions of the version that runs this: it writes what that version reads
    from app.store.database import derived_keys

    sort_key, search_keys = derived_keys()

    nicknames: dict[int, list[str]] = {}
    for member_id, nick in db.execute_sql(
        "SELECT member_id, nickname FROM membership WHERE nickname != '' ORDER BY id"
    ):
        nicknames.setdefault(member_id, []).append(nick)
    members = db.execute_sql(
        "SELECT id, name, qq, wechat_id, phone, email FROM member ORDER BY id"
    ).fetchall()
    for start in range(0, len(members), CHUNK):
        sorts, searches = [], []
        for mid, name, qq, wechat, phone, email in members[start : start + CHUNK]:
            keys = search_keys(name, nicknames.get(mid, ()), qq, wechat, phone, email)
            sorts.append((sort_key(name), mid))
            searches.append((mid, keys.text, keys.pinyin, keys.lead))
        cursor = db.cursor()
        cursor.executemany('UPDATE "member" SET "sort_key" = ? WHERE "id" = ?', sorts)
        cursor.executemany(
            'INSERT OR REPLACE INTO "member_search" ("member_id", "text", "pinyin", "lead")'
            " VALUES (?, ?, ?, ?)",
            searches,
        )


def up(migrator: Any, db: Any) -> None:
    migrator.migrate(migrator.add_column("member_search", "lead", TextField(default="")))
    db.execute_sql(
        'CREATE INDEX "member_qq_number_ascending" ON "member" ("qq" IS NULL, length("qq"), "qq")'
    )
    db.execute_sql('CREATE INDEX "member_qq_number_descending" ON "member" (length("qq"), "qq")')
    _recompute(db)


def down(migrator: Any, db: Any) -> None:
    db.execute_sql('DROP INDEX "member_qq_number_descending"')
    db.execute_sql('DROP INDEX "member_qq_number_ascending"')
    migrator.migrate(migrator.drop_column("member_search", "lead"))
