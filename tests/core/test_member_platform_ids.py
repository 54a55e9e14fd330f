"""Members' Telegram and Discord user ids (issue #18): checked and unique like the QQ number,
found by the member search, imported from and exported to rosters, in the JSON export."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from app.core import json_export, members, roster_import
from app.core.errors import ValidationError
from app.core.member_list import RELEVANCE, MemberFilter, rows_for, search_ids
from app.core.roster_export import export_roster
from app.store.models import Member

TG, DC = "6232865096", "822222222722609098"


pytestmark = pytest.mark.usefixtures("shanghai")  # exports carry China's local times


def test_ids_are_digits_and_belong_to_one_member(database: Path) -> None:
    zhang = members.create_member("张三", telegram_id=f" {TG} ", discord_id=DC)
    assert (zhang.telegram_id, zhang.discord_id) == (TG, DC)
    with pytest.raises(ValidationError, match="not valid"):
        members.create_member("李四", telegram_id="@lisi")
    with pytest.raises(ValidationError) as clash:
        members.create_member("李四", discord_id=DC)
    assert str(clash.value) == (
        f"The Discord user id {DC} already belongs to 张三 (#{zhang.id}). Open that member, "
        "or merge the two."
    )
    members.update_member(zhang.id, telegram_id="")
    assert Member.get_by_id(zhang.id).telegram_id is None


def test_the_search_finds_a_member_by_either_id(database: Path) -> None:
    zhang = members.create_member("张三", telegram_id=TG)
    li = members.create_member("李四", discord_id=DC)
    members.create_member(f"Fan of {TG}")  # the name holds the digits: ranks after the id
    ids = search_ids(MemberFilter(text=TG), RELEVANCE)
    assert ids[0] == zhang.id and len(ids) == 2
    row = rows_for([zhang.id], TG)[zhang.id]
    assert (row.matched, row.telegram_id) == ("telegram_id", TG)
    assert search_ids(MemberFilter(text=DC[:8])) == [li.id]
    assert rows_for([li.id], DC[:8])[li.id].matched == "discord_id"
    assert search_ids(MemberFilter(), "discord_id")[0] == li.id  # blanks last


def test_a_roster_with_the_ids_imports_matches_again_and_exports_back(
    database: Path, tmp_path: Path, now: datetime
) -> None:
    roster = tmp_path / "tg.csv"
    roster.write_text(f"Name,Telegram id,Discord id\n张三,{TG},\n李四,,{DC}\n", encoding="utf-8")
    read = roster_import.read_roster(roster)
    mapping = roster_import.auto_mapping(read.headers, "plain")
    assert (mapping["telegram_id"], mapping["discord_id"]) == (1, 2)
    result = roster_import.apply(roster_import.preview(read, mapping, "骑行俱乐部"))
    assert result.new == 2
    assert Member.get(Member.telegram_id == TG).name == "张三"
    assert search_ids(MemberFilter(text=DC)) == [Member.get(Member.discord_id == DC).id]
    roster.write_text(f"Name,Telegram id\n张三丰,{TG}\n", encoding="utf-8")  # renamed
    again = roster_import.preview(
        roster_import.read_roster(roster),
        roster_import.auto_mapping(["Name", "Telegram id"], "plain"),
        "骑行俱乐部",
    )
    assert (again.new, again.updated) == (0, 1)
    roster_import.apply(again)
    assert Member.get(Member.telegram_id == TG).name == "张三丰"

    out = tmp_path / "out.csv"
    ids = [m.id for m in Member.select().order_by(Member.id)]
    export_roster(out, ids, ["name", "telegram_id", "discord_id"], "csv")
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["Name,Telegram id,Discord id", f"张三丰,{TG},", f"李四,,{DC}"]


def test_the_json_export_holds_the_ids(database: Path, tmp_path: Path) -> None:
    members.create_member("张三", telegram_id=TG, discord_id=DC)
    out = tmp_path / "all.json"
    json_export.dump_all(out)
    (row,) = json.loads(out.read_text(encoding="utf-8"))["tables"]["member"]
    assert (row["telegram_id"], row["discord_id"]) == (TG, DC)
