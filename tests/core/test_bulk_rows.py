"""Bulk rows by table and field names: what the sample community writes through."""

from __future__ import annotations

import pytest

from app.core.bulk_rows import bulk_transaction, insert_into, run
from app.core.members import create_member


def test_insert_into_writes_the_rows_under_the_named_fields() -> None:
    member = create_member("李雷").id
    with bulk_transaction():
        insert_into("member_tag", ("member", "tag"), [(member, "读书"), (member, "跑步")])
    rows = run("SELECT member_id, tag FROM member_tag ORDER BY tag")
    assert rows == [(member, "读书"), (member, "跑步")]


@pytest.mark.parametrize(
    ("table", "columns"), [("no_such_table", ("id",)), ("member", ("id", "nmae"))]
)
def test_insert_into_refuses_an_unknown_table_or_field(table: str, columns: tuple[str]) -> None:
    with pytest.raises(KeyError):
        insert_into(table, columns, [(1,)])
    assert run("SELECT COUNT(*) FROM member") == [(0,)]
