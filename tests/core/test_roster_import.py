"""Importing rosters into a real database: counts, fields, idempotence, refusals, all or nothing."""

from __future__ import annotations

import csv
import sqlite3
import stat
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.core import groups, member_bulk, members, memberships
from app.core import roster_import as ri
from app.core.errors import Cancelled
from app.core.roster_rows import parse_date
from app.core.tiers import lowest_tier
from app.io.atomic_file import ExportError
from app.store import backup as backup_store
from app.store.errors import BackupError
from app.store.models import Group, Member, MemberSearch, Membership, MemberTag, db
from tests.conftest import SHARED_DATA
from tests.io.rosters.samples import HEADER, qq_export
from tests.small_disk import device

ROSTERS = SHARED_DATA / "rosters"
GOOD = {
    "qq-group-export-gbk.csv": ("qq", 300),
    "qq-group-export-later-gbk.csv": ("qq", 295),
    "wechat-group-tool.xlsx": ("wechat", 200),
    "plain-roster-utf8bom.csv": ("plain", 120),
    "formula-injection.csv": ("qq", 3),
}


pytestmark = pytest.mark.usefixtures("shanghai")  # exports carry China's local times


def dump() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a fixed order."""
    tables = [
        r[0]
        for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    ]
    return {t: db.execute_sql(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall() for t in tables}


def load(path: Path, group: str = "读书会", **options: Any) -> ri.ImportPreview:
    roster = ri.read_roster(path)
    preset = options.pop("preset", None) or ri.detect_preset(roster.headers)
    mapping = ri.auto_mapping(roster.headers, preset)
    return ri.preview(roster, mapping, group, preset=preset, **options)


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def member(**where: str) -> Member:
    ((key, value),) = where.items()
    return Member.get(getattr(Member, key) == value)


def membership(member_id: int) -> Membership:
    return Membership.get(Membership.member == member_id)


def test_the_presets_are_detected_for_every_shared_file() -> None:
    for name, (preset, _) in GOOD.items():
        assert ri.detect_preset(ri.read_roster(ROSTERS / name).headers) == preset, name


@pytest.mark.parametrize("name", sorted(GOOD))
def test_every_good_file_imports_and_a_second_import_changes_nothing(
    name: str, now: datetime
) -> None:
    preset, count = GOOD[name]
    before = dump()
    first = load(ROSTERS / name)
    assert dump() == before  # a preview writes nothing
    assert (first.new, first.updated, first.unchanged, first.invalid) == (count, 0, 0, 0)
    assert not first.group_exists
    result = ri.apply(first)
    assert (result.new, result.group_created) == (count, True)
    assert Member.select().count() == count
    assert Membership.select().where(Membership.group == result.group_id).count() == count
    after = dump()
    second = load(ROSTERS / name)
    assert (second.new, second.updated, second.unchanged, second.invalid) == (0, 0, count, 0)
    again = ri.apply(second)
    assert (again.new, again.updated, again.backup) == (0, 0, None)
    assert dump() == after


def test_the_qq_export_fills_members_and_memberships(now: datetime) -> None:
    result = ri.apply(load(ROSTERS / "qq-group-export-gbk.csv", "摄影群"))
    group = Group.get_by_id(result.group_id)
    assert (group.name, group.platform) == ("摄影群", "qq")
    ran = member(qq="465690097")
    assert (ran.name, ran.gender, ran.status, ran.first_seen) == ("冉春梅", "", "active", now)
    assert ran.tier_id == lowest_tier().id
    ms = membership(ran.id)
    assert (ms.nickname, ms.role, ms.left_at) == ("冉春梅", "admin", None)
    assert ms.joined_at == datetime(2022, 11, 21, 15, 39)  # 23:39 in Beijing is 15:39 UTC
    assert ms.last_spoke_at == datetime(2022, 12, 12, 7, 3)
    gui = member(qq="127624242")
    assert (gui.name, gui.gender) == ("guiying77", "female")
    assert (membership(gui.id).nickname, membership(gui.id).role) == ("海门-梁鑫", "member")
    admins = Membership.select().where(Membership.role == "admin").count()
    assert admins == 71
    silent = member(qq="504938666")
    assert membership(silent.id).last_spoke_at is None
    assert membership(silent.id).nickname == ""


def test_search_rows_are_those_the_member_service_writes(now: datetime) -> None:
    ri.apply(load(ROSTERS / "qq-group-export-gbk.csv"))
    written = sorted(MemberSearch.select().tuples())
    members.refresh_search([m.id for m in Member.select(Member.id)])
    assert sorted(MemberSearch.select().tuples()) == written
    ran = member(qq="465690097")
    assert ran.sort_key == "ran chun mei"


def test_the_later_export_marks_the_gone_as_left_and_adds_the_new(now: datetime) -> None:
    ri.apply(load(ROSTERS / "qq-group-export-gbk.csv"))
    later = load(ROSTERS / "qq-group-export-later-gbk.csv", mark_left=True)
    assert (later.new, later.invalid) == (15, 0)
    assert len(later.marked_left) == 20
    assert later.updated + later.unchanged == 280
    assert later.updated == 5  # five members renamed themselves
    result = ri.apply(later)
    assert (result.new, result.updated, result.marked_left) == (15, 5, 20)
    assert member(qq="678296096").name == "时间图片(改名)"
    current = Membership.select().where(Membership.left_at.is_null()).count()
    assert current == 295
    assert Membership.select().where(Membership.left_at == now).count() == 20
    # gone from this group's roster: left this group (a membership's status), still members
    assert Membership.select().where(Membership.status == "left").count() == 20
    assert Member.select().where(Member.status == "active").count() == 315
    back = load(ROSTERS / "qq-group-export-gbk.csv")
    assert back.new == 0 and back.updated == 25  # 20 back in the group, 5 renamed back
    ri.apply(back)  # listed again: back in the group
    assert Membership.select().where(Membership.status == "left").count() == 0
    assert Membership.select().where(Membership.left_at.is_null()).count() == 315


def test_a_member_missing_from_one_group_s_roster_stays_in_their_others(now: datetime) -> None:
    ri.apply(load(ROSTERS / "qq-group-export-gbk.csv"))
    later = load(ROSTERS / "qq-group-export-later-gbk.csv", mark_left=True)
    gone = later.marked_left[0].id
    other = groups.create_group("另一个群")
    memberships.add_membership(gone, other.id)
    result = ri.apply(later)
    rows = {m.group_id: m.status for m in Membership.select().where(Membership.member == gone)}
    assert rows == {result.group_id: "left", other.id: "active"}
    assert Member.get_by_id(gone).status == "active"


def test_the_wechat_tool_workbook(now: datetime) -> None:
    result = ri.apply(load(ROSTERS / "wechat-group-tool.xlsx", "读书会3群"))
    assert Group.get_by_id(result.group_id).platform == "wechat"
    short = member(wechat_id="ndu4")
    assert short.city == "宁夏回族自治区 长沙"
    ying = member(wechat_id="lcao52")
    assert (ying.name, ying.gender) == ("🌸颖🌸", "female")
    ms = membership(ying.id)
    assert (ms.nickname, ms.role) == ("王颖", "admin")
    assert ms.joined_at == datetime(2023, 12, 30, 21, 53)


def test_the_plain_roster_with_tags(now: datetime) -> None:
    result = ri.apply(load(ROSTERS / "plain-roster-utf8bom.csv", "客户"))
    assert Group.get_by_id(result.group_id).platform == "other"
    chen = member(phone="19754214304")
    assert (chen.name, chen.email, chen.city) == ("陈桂珍", "lilin@hotmail.com", "湖北省 南宁")
    assert members.tags_of(chen.id) == ["new"]
    two = Member.get(Member.name == "陈静")
    assert members.tags_of(two.id) == ["photographer", "volunteer"]
    assert MemberTag.select().count() == 37 * 2 + 31 + 23


def test_hostile_names_are_stored_as_text(now: datetime) -> None:
    ri.apply(load(ROSTERS / "formula-injection.csv"))
    stored = {m.qq: (m.name, membership(m.id).nickname) for m in Member.select()}
    assert stored == {
        "11111111": ('=HYPERLINK("http://example.invalid","点我")', "+1+1"),
        "22222222": ("@SUM(A1:A2)", "-2+3"),
        "33333333": ("Tabbed", "CR"),  # surrounding whitespace is trimmed, as everywhere
    }


@pytest.mark.parametrize("path", sorted((ROSTERS / "bad").iterdir()), ids=lambda p: p.name)
def test_every_bad_file_gives_a_reason_and_writes_nothing(path: Path, now: datetime) -> None:
    ri.apply(load(ROSTERS / "qq-group-export-gbk.csv", "老群"))
    before = dump()
    try:
        plan = load(path, "老群", mark_left=True)
    except ri.RosterError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert plan.invalid > 0 and not plan.can_apply
        assert all(r.reason for r in plan.invalid_rows)
        with pytest.raises(ri.RosterError, match="nothing was written"):
            ri.apply(plan)
    assert dump() == before


def test_duplicate_ids_in_one_file_name_each_other() -> None:
    plan = load(ROSTERS / "bad" / "duplicate-ids.csv")
    assert [(r.line, r.column, r.reason) for r in plan.invalid_rows] == [
        (2, "QQ号", "The QQ number 55555555 is also on line 3."),
        (3, "QQ号", "The QQ number 55555555 is also on line 2."),
    ]
    assert (plan.new, plan.invalid) == (1, 2)


def test_ragged_rows_are_reported_and_the_blank_one_skipped(now: datetime) -> None:
    plan = load(ROSTERS / "bad" / "ragged.csv")
    problems = [(r.line, r.column, r.template) for r in plan.invalid_rows]
    assert [line for line, _, _ in problems] == [3, 4, 6]
    assert problems[1][1] == "QQ号" and "abc" in plan.invalid_rows[1].reason
    assert "6 cells but the header only 4" in plan.invalid_rows[2].reason
    assert "Nothing to match on" in plan.invalid_rows[0].reason
    # a date that cannot be read is no reason to refuse a row: the cell is left empty
    assert [(w.line, w.column, w.reason) for w in plan.warnings] == [
        (4, "入群时间", "“not-a-date” is not a date; left empty."),
        (6, "入群时间", "“2021/13/45” is not a date; left empty."),
    ]
    assert (plan.new, plan.invalid) == (1, 3)
    skipping = load(ROSTERS / "bad" / "ragged.csv", skip_invalid=True)
    result = ri.apply(skipping)
    assert (result.new, result.invalid) == (1, 3)
    assert [m.name for m in Member.select()] == ["张三"]
    assert membership(member(qq="123456").id).joined_at == datetime(2021, 3, 4, 16, 0)


def test_a_mangled_phone_is_flagged_not_stored(tmp_path: Path, now: datetime) -> None:
    path = write_csv(tmp_path / "p.csv", "Name,Phone\n张三,1.38001E+10\n李四,13800138000\n")
    plan = load(path)
    assert [(r.line, r.column) for r in plan.invalid_rows] == [(2, "Phone")]
    assert "scientific notation" in plan.invalid_rows[0].reason
    assert plan.invalid_rows[0].params["value"] == "1.38001E+10"
    with pytest.raises(ri.RosterError):
        ri.apply(plan)
    ri.apply(load(path, skip_invalid=True))
    assert [(m.name, m.phone) for m in Member.select()] == [("李四", "13800138000")]


def test_a_banned_member_coming_back_is_flagged(now: datetime) -> None:
    ri.apply(load(ROSTERS / "qq-group-export-gbk.csv"))
    ran = member(qq="465690097")
    member_bulk.bulk_set_status([ran.id], "banned", "spam")
    plan = load(ROSTERS / "qq-group-export-gbk.csv")
    assert [(b.id, b.name) for b in plan.banned_returning] == [(ran.id, "冉春梅")]
    result = ri.apply(plan)
    assert [b.name for b in result.banned_returning] == ["冉春梅"]
    assert member(qq="465690097").status == "banned"


def test_a_cancel_mid_import_writes_nothing(now: datetime) -> None:
    ri.apply(load(ROSTERS / "qq-group-export-gbk.csv", "老群"))
    before = dump()
    calls: list[int] = []

    def cancel_after_the_first_chunk(done: int, total: int) -> None:
        calls.append(done)
        assert Member.select().count() > 300  # written, not yet committed
        raise Cancelled()

    plan = load(ROSTERS / "wechat-group-tool.xlsx", "新群")
    with pytest.raises(Cancelled):
        ri.apply(plan, cancel_after_the_first_chunk)
    assert calls and calls[0] > 0
    assert dump() == before
    assert groups.find_group("新群") is None


def members_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM member").fetchone()[0])


def test_the_import_s_backup_holds_the_state_before_it(now: datetime) -> None:
    ri.apply(load(ROSTERS / "qq-group-export-gbk.csv", "老群"))
    result = ri.apply(load(ROSTERS / "wechat-group-tool.xlsx", "新群"))
    assert result.backup is not None and "-import" in result.backup.name
    # written while the import wrote, of the state before it
    assert members_in(result.backup) == 300 and Member.select().count() == 500


def test_a_backup_that_fails_while_the_import_writes_takes_the_import_back(
    now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    ri.apply(load(ROSTERS / "qq-group-export-gbk.csv", "老群"))
    before = dump()
    backups = set((Path(db.obj.database).parent / "backups").iterdir())
    monkeypatch.setattr(backup_store, "quick_check", lambda _conn: ["*** page 7: damaged"])
    with pytest.raises(BackupError):
        ri.apply(load(ROSTERS / "wechat-group-tool.xlsx", "新群"))
    assert dump() == before and groups.find_group("新群") is None
    assert set((Path(db.obj.database).parent / "backups").iterdir()) == backups


def test_progress_reaches_the_total(now: datetime) -> None:
    seen: list[tuple[int, int]] = []
    ri.apply(load(ROSTERS / "plain-roster-utf8bom.csv"), lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_dry_run_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    path = qq_export(tmp_path / "12k.csv", 12_000)
    roster = ri.read_roster(path)
    mapping = ri.auto_mapping(roster.headers, "qq")
    seen: list[tuple[int, int]] = []
    preview = ri.preview(roster, mapping, "群", progress=lambda d, t: seen.append((d, t)))
    assert preview.new == 12_000
    assert {t for _, t in seen} == {24_000}  # each row cleaned, then matched
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1] == (24_000, 24_000) and len(seen) >= 6

    def cancel(done: int, _total: int) -> None:
        if done >= 5000:
            raise Cancelled()

    with pytest.raises(Cancelled):
        ri.preview(roster, mapping, "群", progress=cancel)


def test_a_change_between_a_preview_and_an_apply_in_other_threads_is_seen(
    now: datetime, database: Path
) -> None:
    """The wizard makes the dry run and the import in two worker threads, each with its own
    connection: a write in between must still be matched again."""
    from concurrent.futures import ThreadPoolExecutor

    def in_a_thread(fn: Any) -> Any:
        def run() -> Any:
            try:
                return fn()
            finally:
                db.close()  # that thread's connection, as a job does

        with ThreadPoolExecutor(1) as pool:
            return pool.submit(run).result()

    plan = in_a_thread(lambda: load(ROSTERS / "qq-group-export-gbk.csv"))
    members.create_member("先来的", qq="465690097")
    result = in_a_thread(lambda: ri.apply(plan))
    assert (result.new, result.updated) == (299, 1)
    assert Member.select().where(Member.qq == "465690097").count() == 1


def test_a_row_matching_two_members_is_a_conflict(tmp_path: Path, now: datetime) -> None:
    a = members.create_member("甲", qq="111111")
    b = members.create_member("乙", phone="13800000001")
    path = write_csv(tmp_path / "c.csv", "Name,QQ,Phone\n丙,111111,13800000001\n")
    plan = load(path)
    (problem,) = plan.invalid_rows
    assert f"甲 (#{a.id}) by QQ number and 乙 (#{b.id}) by phone" in problem.reason


def test_two_rows_matching_one_member_are_both_invalid(tmp_path: Path, now: datetime) -> None:
    a = members.create_member("甲", qq="111111", phone="13800000001")
    path = write_csv(tmp_path / "c.csv", "Name,QQ,Phone\n甲,111111,\n甲二,,13800000001\n")
    plan = load(path)
    assert [r.reason for r in plan.invalid_rows] == [
        f"This row and line 3 both match 甲 (#{a.id}).",
        f"This row and line 2 both match 甲 (#{a.id}).",
    ]


def test_updates_fill_values_and_never_blank_them(tmp_path: Path, now: datetime) -> None:
    kept = members.create_member("王五", qq="222222", email="w@example.com", city="上海")
    path = write_csv(
        tmp_path / "u.csv", "Name,QQ,Phone,Email,City\n王五,222222,+86 139-0013-9000,,\n"
    )
    plan = load(path)
    assert (plan.updated, plan.unchanged) == (1, 0)
    ri.apply(plan)
    stored = Member.get_by_id(kept.id)
    assert (stored.phone, stored.email, stored.city) == ("13900139000", "w@example.com", "上海")
    assert "13900139000" in MemberSearch.get_by_id(kept.id).text
    assert load(path).unchanged == 1


def test_roles_genders_and_dates_in_several_spellings(tmp_path: Path, now: datetime) -> None:
    text = (
        "成员,QQ号,群名片,性别,入群时间\n"
        "甲,100001,[群主]甲,男,2024年3月15日 21:30\n"
        "乙,100002,【管理】乙,女,2024-03-15T21:30:00+08:00\n"
        "丙,100003,丙,未知,2024/3/5\n"
        "丁,100004,,火星,2024/02/30\n"
    )
    plan = load(write_csv(tmp_path / "r.csv", text))
    assert plan.invalid_rows == []
    assert [(w.line, w.column) for w in plan.warnings] == [(5, "性别"), (5, "入群时间")]
    assert plan.warnings[0].reason == (
        "Unknown gender “火星” (use 男, 女, male or female); left empty."
    )
    ri.apply(plan)
    got = {
        m.name: (m.gender, membership(m.id).role, membership(m.id).joined_at)
        for m in Member.select()
    }
    assert got == {
        "甲": ("male", "owner", datetime(2024, 3, 15, 13, 30)),
        "乙": ("female", "admin", datetime(2024, 3, 15, 13, 30)),
        "丙": ("", "member", datetime(2024, 3, 4, 16, 0)),
        "丁": ("", "member", now),  # joined: not known, so when first seen
    }


def test_a_row_without_name_or_identity(tmp_path: Path) -> None:
    text = "Name,QQ,Nickname\n,100001,小明\n,100002,\n无号,,\n"
    plan = load(write_csv(tmp_path / "n.csv", text))
    assert plan.new == 1  # a nickname stands in for the name
    assert [(r.line, r.template[:20]) for r in plan.invalid_rows] == [
        (3, "A new member needs a"),
        (4, "Nothing to match on:"),
    ]


def test_a_mapping_without_identity_is_refused() -> None:
    roster = ri.read_roster(ROSTERS / "plain-roster-utf8bom.csv")
    mapping = ri.auto_mapping(roster.headers, "plain")
    mapping["phone"] = None
    with pytest.raises(
        ri.RosterError, match="QQ number, the WeChat id, the phone, or the Telegram"
    ):
        ri.preview(roster, mapping, "G")


def test_an_unknown_platform_is_refused() -> None:
    roster = ri.read_roster(ROSTERS / "plain-roster-utf8bom.csv")
    mapping = ri.auto_mapping(roster.headers, "plain")
    with pytest.raises(ri.RosterError, match="Unknown platform “icq”"):
        ri.preview(roster, mapping, "G", platform="icq")
    assert ri.preview(roster, mapping, "G", platform="wecom").platform == "wecom"


def test_an_adjusted_mapping_is_remembered_for_the_same_headers() -> None:
    headers = ri.read_roster(ROSTERS / "plain-roster-utf8bom.csv").headers
    mapping = ri.auto_mapping(headers, "plain")
    assert (mapping["city"], mapping["notes"]) == (3, None)
    mapping["city"], mapping["notes"] = None, 3
    ri.remember_mapping("plain", headers, mapping)
    assert ri.auto_mapping(headers, "plain") == mapping
    assert ri.auto_mapping([*headers, "QQ"], "plain")["city"] == 3
    ri.forget_mapping("plain")
    assert ri.auto_mapping(headers, "plain")["city"] == 3


def test_the_report_csv_opens_in_excel(tmp_path: Path) -> None:
    plan = load(ROSTERS / "bad" / "ragged.csv")
    out = tmp_path / "report.csv"
    ri.write_report_csv(plan, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["line", "column", "reason"]
    assert rows[2][:2] == ["4", "QQ号"]
    assert len(rows) == 1 + len(plan.invalid_rows) + len(plan.warnings)
    assert rows[-1] == ["6", "入群时间", "“2021/13/45” is not a date; left empty."]


PHONES_CSV = (
    "成员,QQ号,手机号\n"
    "张三,123456,13800138000x\n"  # not a phone number: the reason quotes it
    "李四,234567,13912345678\n"
    "王五,345678,139-1234-5678\n"  # the same phone again: both lines quote it
)


def test_the_report_masks_phones_and_is_written_like_an_export(tmp_path: Path) -> None:
    plan = load(write_csv(tmp_path / "phones.csv", PHONES_CSV))
    out = tmp_path / "reports" / "report.csv"
    out.parent.mkdir()
    out.write_text("an older report")
    out.chmod(0o644)
    ri.write_report_csv(plan, out)
    text = out.read_text(encoding="utf-8-sig")
    assert "13800138000x" not in text and "13912345678" not in text
    assert "Phone “138*****000x” is not a phone number" in text
    assert "The phone 139****5678 is also on line 4." in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # replaced, owner-only
    assert [p.name for p in out.parent.iterdir()] == ["report.csv"]
    ri.write_report_csv(plan, out, full_phones=True)  # the operator asked for whole numbers
    text = out.read_text(encoding="utf-8-sig")
    assert "13800138000x" in text and "The phone 13912345678 is also on line 4." in text


def test_the_report_never_replaces_a_device(tmp_path: Path) -> None:
    plan = load(write_csv(tmp_path / "phones.csv", PHONES_CSV))
    full = device(tmp_path, "full")
    with pytest.raises(ExportError):
        ri.write_report_csv(plan, full)
    assert stat.S_ISCHR(full.stat().st_mode)


def test_dates_as_exports_write_them() -> None:
    assert parse_date("2023/07/16 22:14") == datetime(2023, 7, 16, 14, 14)
    assert parse_date("2023-07-16 22:14:05") == datetime(2023, 7, 16, 14, 14, 5)
    assert parse_date("2023年7月16日") == datetime(2023, 7, 15, 16, 0)
    assert parse_date("2023-07-16T22:14:00Z") == datetime(2023, 7, 16, 22, 14)
    for bad in ("2021/13/45", "not-a-date", "45123.5", "2023/02/29"):
        with pytest.raises(ValueError):
            parse_date(bad)


def _selects(run: Any) -> int:
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        run()
    finally:
        connection.set_trace_callback(None)
    return sum(1 for s in statements if s.lstrip().upper().startswith("SELECT"))


def test_no_query_per_row(tmp_path: Path, now: datetime) -> None:
    small = qq_export(tmp_path / "small.csv", 300)
    big = qq_export(tmp_path / "big.csv", 3000, first_qq=200_000_000)
    ri.apply(load(small, "小"))
    counts = [_selects(lambda p=p: ri.apply(load(p, "大"))) for p in (small, big)]
    assert counts[1] <= counts[0] + 12, counts  # 10 times the rows, a few more chunks
    assert counts[1] < 40, counts
    again = _selects(lambda: ri.apply(load(big, "大")))
    assert again < 40, again


def test_a_change_after_the_preview_is_seen_by_apply(now: datetime) -> None:
    plan = load(ROSTERS / "qq-group-export-gbk.csv")
    assert plan.new == 300
    members.create_member("先来的", qq="465690097")
    result = ri.apply(plan)
    assert (result.new, result.updated) == (299, 1)
    assert Member.select().where(Member.qq == "465690097").count() == 1
    assert member(qq="465690097").name == "冉春梅"


def test_members_on_invalid_rows_are_not_marked_left(tmp_path: Path, now: datetime) -> None:
    path = write_csv(tmp_path / "a.csv", "成员,QQ号,入群时间\n甲,100001,2024/1/1\n乙,100002,\n")
    ri.apply(load(path))
    later = write_csv(tmp_path / "b.csv", "成员,QQ号,入群时间\n甲,100001,2024/1/1,多出的格\n")
    plan = load(later, mark_left=True, skip_invalid=True)
    assert [ref.name for ref in plan.marked_left] == ["乙"]
    assert plan.invalid == 1


@pytest.mark.parametrize(
    "name", ["qq-group-export-gbk.csv", "plain-roster-utf8bom.csv", "formula-injection.csv"]
)
def test_import_export_import_round_trip_changes_nothing(
    name: str, tmp_path: Path, now: datetime
) -> None:
    from app.core import roster_export

    ri.apply(load(SHARED_DATA / "rosters" / name, group="往返群"))
    group = Group.get(Group.name == "往返群")
    before = dump()
    exported = tmp_path / "roster.csv"
    ids = roster_export.member_ids_for(group_ids=[group.id])
    columns = ["name", "nickname", "qq", "wechat_id", "phone", "email", "city", "tags", "notes"]
    rows = roster_export.export_roster(
        exported, ids, columns, "csv", full_phones=True, group_ids=[group.id]
    )
    assert rows == len(ids) > 0
    again = load(exported, group="往返群", preset="plain")
    assert (again.new, again.updated, again.invalid) == (0, 0, 0)
    assert again.unchanged == len(ids)
    ri.apply(again)
    assert dump() == before


def test_a_banned_member_brought_back_gets_a_removal_task_again(now: datetime) -> None:
    from app.core import bans
    from app.store.models import Task

    ri.apply(load(ROSTERS / "qq-group-export-gbk.csv"))
    club = Group.get(Group.name == "读书会")
    ran = member(qq="465690097")
    bans.ban_member(ran.id, "发广告")
    bans.mark_removed(ran.id, club.id)  # removed in the chat app: the task is done
    assert Task.select().where(Task.member == ran.id, Task.status == "open").count() == 0
    result = ri.apply(load(ROSTERS / "qq-group-export-gbk.csv"))  # the export still lists them
    assert [b.name for b in result.banned_returning] == ["冉春梅"]
    open_tasks = Task.select().where(Task.member == ran.id, Task.status == "open")
    assert [(t.group_id, t.kind) for t in open_tasks] == [(club.id, "spam_sweep")]


NO_VALUE_EXPORT = (
    "序号,成员,群名片,QQ号,性别,入群时间,最后发言,城市,备注,手机号\n"
    "1,甲,,100001,男,2024/1/1 10:00,-,未知,无,-\n"
    "2,乙,,100002,未知,2024/1/2 10:00,—,-,-,无\n"
    "3,丙,,100003,女,2024/1/3 10:00,无,,—,—\n"
    "4,丁,,100004,女,2024/1/4 10:00,从未发言,/,暂无,\n"
    "5,戊,,100005,女,2024/1/5 10:00,未知,北京,老会员,13800138000\n"
    "6,无,-,100006,女,2024/1/6 10:00,,上海,,\n"
)


def test_no_value_markers_read_as_empty_cells(tmp_path: Path, now: datetime) -> None:
    plan = load(write_csv(tmp_path / "markers.csv", NO_VALUE_EXPORT), preset="qq")
    assert (plan.new, plan.invalid, plan.invalid_rows, plan.warnings) == (6, 0, [], [])
    ri.apply(plan)
    stored = {
        m.name: (
            m.city,
            m.notes,
            m.phone,
            membership(m.id).last_spoke_at,
            membership(m.id).nickname,
        )
        for m in Member.select()
    }
    assert stored == {
        "甲": ("", "", None, None, ""),
        "乙": ("", "", None, None, ""),
        "丙": ("", "", None, None, ""),
        "丁": ("", "", None, None, ""),
        "戊": ("北京", "老会员", "13800138000", None, ""),
        "无": ("上海", "", None, None, "-"),  # a name or a nickname is the person's own word
    }


def test_a_qq_export_writing_dash_for_never_spoke_imports_whole(
    tmp_path: Path, now: datetime
) -> None:
    path = qq_export(tmp_path / "qq.csv", 250)
    text = path.read_text(encoding="gb18030").splitlines()
    dashed = [line.rsplit(",", 1)[0] + ",-" for line in text[1:69]]
    path.write_text("\n".join([text[0], *dashed, *text[69:]]) + "\n", encoding="gb18030")
    plan = load(path, "QQ群")
    assert (plan.new, plan.invalid, plan.warnings) == (250, 0, [])
    ri.apply(plan)
    dashed_qq = [str(100_000_000 + n * 7) for n in range(68)]
    spoke = [membership(member(qq=qq).id).last_spoke_at for qq in dashed_qq]
    assert spoke == [None] * 68


def test_a_date_that_cannot_be_read_is_left_empty_and_the_row_imports(
    tmp_path: Path, now: datetime
) -> None:
    first = write_csv(tmp_path / "a.csv", "成员,QQ号,入群时间\n甲,100001,2024/1/1 10:00\n")
    ri.apply(load(first))
    text = (
        "成员,QQ号,入群时间,最后发言\n"
        "甲,100001,昨天,2024/05/01 12:00\n"
        "乙,100002,2024/2/30,三天前\n"
        "丙,abc,2024/1/1,\n"
    )
    plan = load(write_csv(tmp_path / "b.csv", text))
    assert [(w.line, w.column, w.reason) for w in plan.warnings] == [
        (2, "入群时间", "“昨天” is not a date; left empty."),
        (3, "入群时间", "“2024/2/30” is not a date; left empty."),
        (3, "最后发言", "“三天前” is not a date; left empty."),
    ]
    # only the identity that cannot be read keeps a row out
    assert [(r.line, r.column) for r in plan.invalid_rows] == [(4, "QQ号")]
    assert (plan.new, plan.updated, plan.invalid) == (1, 1, 1)
    ri.apply(load(write_csv(tmp_path / "b.csv", text), skip_invalid=True))
    kept = membership(member(qq="100001").id)
    assert kept.joined_at == datetime(2024, 1, 1, 2, 0)  # the stored date is never blanked
    assert kept.last_spoke_at == datetime(2024, 5, 1, 4, 0)
    added = membership(member(qq="100002").id)
    assert (added.joined_at, added.last_spoke_at) == (now, None)


def test_other_cells_that_cannot_be_read_are_left_empty_too(tmp_path: Path, now: datetime) -> None:
    text = (
        "Name,QQ,Email,Role,Tags\n"
        f"甲,100001,not-an-email,boss,志愿者;{'长' * 41}\n"
        f"{'名' * 101},100002,,,\n"
    )
    plan = load(write_csv(tmp_path / "c.csv", text))
    assert [(w.line, w.column) for w in plan.warnings] == [
        (2, "Role"),
        (2, "Email"),
        (2, "Tags"),
        (3, "Name"),
    ]
    assert all(w.reason.endswith(("left empty.", "left out.")) for w in plan.warnings)
    assert "“not-an-email” is not an email address" in plan.warnings[1].reason
    # without a name a new member cannot be added: that row is invalid, not the others
    assert [(r.line, r.template[:20]) for r in plan.invalid_rows] == [(3, "A new member needs a")]
    ri.apply(load(write_csv(tmp_path / "c.csv", text), skip_invalid=True))
    jia = member(qq="100001")
    assert (jia.email, members.tags_of(jia.id), membership(jia.id).role) == (
        "",
        ["志愿者"],
        "member",
    )


def test_columns_the_preset_does_not_name_are_mapped_by_their_header(tmp_path: Path) -> None:
    headers = [*HEADER, "手机号", "微信", "邮箱", "备注", "城市", "爱好"]  # a QQ export, and more
    names = {f: headers[c] for f, c in ri.auto_mapping(headers, "qq").items() if c}
    assert names == {
        "name": "成员", "nickname": "群名片", "qq": "QQ号", "gender": "性别",
        "joined_at": "入群时间", "last_spoke_at": "最后发言", "phone": "手机号",
        "wechat_id": "微信", "email": "邮箱", "notes": "备注", "city": "城市",
    }  # fmt: skip
    for header, field in (("联系方式", "phone"), ("电话", "phone"), ("手机", "phone"),
                          ("微信号", "wechat_id"), ("地区", "city")):  # fmt: skip
        headers = ["成员", "QQ号", header]
        for preset in ri.PRESETS:
            assert ri.auto_mapping(headers, preset)[field] == 2, (header, preset)


def test_every_column_left_out_is_named_in_the_preview(tmp_path: Path) -> None:
    text = "序号,成员,,QQ号,,手机号,爱好\n1,甲,,100001,,13800138000,读书\n2,乙,x,100002,,,\n"
    roster = ri.read_roster(write_csv(tmp_path / "p.csv", text))
    mapping = ri.auto_mapping(roster.headers, "qq")
    # the fifth column has neither a name nor anything in it: there is nothing to lose
    assert ri.preview(roster, mapping, "G", preset="qq").unmapped == ["序号", "#3", "爱好"]
    mapping["phone"] = None  # the person chose not to import the phones
    left_out = ri.preview(roster, mapping, "G", preset="qq").unmapped
    assert left_out == ["序号", "#3", "手机号", "爱好"]
