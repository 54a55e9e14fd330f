"""Export a roster of members to CSV (UTF-8 with BOM or GB18030), XLSX or a printable PDF.

Rows are fetched a page at a time with a fixed number of queries per page, inside one read
transaction so the file is a consistent snapshot. Phones are masked unless full numbers are
asked for; no cell can become a spreadsheet formula. The files are written by ``app.io``
(CSV, XLSX) or by the PDF writer the caller hands in (``app.reports.roster_pdf``),
atomically and readable by the owner only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from app.core.choice_codes import EXPORT_FORMATS, LANGUAGES
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.member_list import MemberFilter, search_ids
from app.core.progress import Progress
from app.core.roster_columns import (
    COLUMNS,
    HEADERS,
    WORDS,
    check_columns,
    default_columns,
    header_names,
    parse_columns,
)
from app.io.atomic_file import replacing
from app.io.cells import mask_phone
from app.io.roster_export import write_csv
from app.io.roster_export_xlsx import write_xlsx
from app.store.models import db

__all__ = [
    "COLUMNS",
    "HEADERS",
    "OWN_TEXT",
    "RosterSource",
    "default_columns",
    "export_roster",
    "header_names",
    "member_ids_for",
    "parse_columns",
    "roster_title",
    "tier_id_for_rank",
]

PAGE = 1000
LIST_SEPARATOR = ";"  # between groups, tags and nicknames in one cell

_MEMBER_SQL = (
    "SELECT m.id, m.name, t.name, m.status, m.star, ifnull(m.qq, ''), ifnull(m.wechat_id, ''),"
    " ifnull(m.phone, ''), m.email, m.city, m.gender, ifnull(m.first_seen, ''),"
    " ifnull(m.last_contacted, ''), m.notes, ifnull(m.telegram_id, ''), ifnull(m.discord_id, '')"
    " FROM member m JOIN tier t ON t.id = m.tier_id WHERE m.id IN ({marks})"
)
# Positions in a _MEMBER_SQL row of each column that is read straight from it.
_PLAIN = {"name": 1, "tier": 2, "qq": 5, "wechat_id": 6, "email": 8, "city": 9, "notes": 13}
_PLAIN.update(telegram_id=14, discord_id=15)
# Columns whose text is ours (words, dates), never a member's: no formula check needed.
OWN_TEXT = frozenset({"status", "star", "gender", "first_seen", "last_contacted"})
# writes (file, title, rows, progress) as a PDF; the number of rows (reports.roster_pdf)
PdfWriter = Callable[[Path, str, "RosterSource", Progress | None], int]


def member_ids_for(
    flt: MemberFilter = MemberFilter(),  # noqa: B008 - frozen dataclass
    group_ids: Sequence[int] = (),
) -> list[int]:
    """Ids of the members matching ``flt`` and in any of ``group_ids``, in name order."""
    if len(group_ids) <= 1:
        group_id = group_ids[0] if group_ids else flt.group_id
        return search_ids(replace(flt, group_id=group_id))
    marks = ",".join("?" * len(group_ids))
    in_groups = {
        row[0]
        for row in db.execute_sql(
            f"SELECT DISTINCT member_id FROM membership WHERE group_id IN ({marks})"
            " AND left_at IS NULL",
            list(group_ids),
        )
    }
    return [i for i in search_ids(replace(flt, group_id=None)) if i in in_groups]


def roster_title(group_ids: Sequence[int], language: str = "en") -> str:
    """The roster's title: its groups' names, or "All members"."""
    if not group_ids:
        return WORDS[language]["all"]
    marks = ",".join("?" * len(group_ids))
    sql = f"SELECT name FROM chat_group WHERE id IN ({marks})"
    names = [str(row[0]) for row in db.execute_sql(sql, list(group_ids))]
    return ("、" if language == "zh_CN" else ", ").join(sorted(names))


def export_roster(
    path: Path,
    member_ids: Sequence[int],
    columns: Sequence[str],
    fmt: str,
    full_phones: bool = False,
    language: str = "en",
    progress: Progress | None = None,
    *,
    group_ids: Sequence[int] = (),
    title: str | None = None,
    write_pdf: PdfWriter | None = None,
) -> int:
    """Write the members ``member_ids``, in that order, to ``path``; the number of rows.

    ``group_ids`` are the groups the roster is of: the nickname column shows the members'
    nicknames there, and the PDF's title names them unless ``title`` is given. ``progress``
    is called with (done, total) after every page (members; the PDF counts its two passes)
    and may raise ``Cancelled``: then nothing is left at ``path`` (a file already there stays).
    A PDF is written by ``write_pdf``, which the caller chooses (the printable documents).
    """
    check_columns(columns)
    if fmt not in EXPORT_FORMATS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown export format “{value}”; use one of: {choices}."),
            value=fmt,
            choices=", ".join(EXPORT_FORMATS),
        )
    if language not in LANGUAGES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown language “{value}”; use one of: {choices}."),
            value=language,
            choices=", ".join(LANGUAGES),
        )
    source = RosterSource(member_ids, columns, full_phones, language, group_ids)
    with db.atomic(), replacing(Path(path)) as temp:
        if fmt == "xlsx":
            return write_xlsx(temp, source, progress)
        if fmt == "pdf":
            if write_pdf is None:
                raise ValueError("a PDF roster needs the caller's PDF writer")
            heading = title if title is not None else roster_title(group_ids, language)
            return write_pdf(temp, heading, source, progress)
        encoding = "gb18030" if fmt == "csv-gb18030" else "utf-8-sig"
        return write_csv(temp, source, encoding, progress, OWN_TEXT)


class RosterSource:
    """The rows of a roster, page by page, as the text each cell shows."""

    def __init__(
        self,
        member_ids: Sequence[int],
        columns: Sequence[str],
        full_phones: bool,
        language: str,
        group_ids: Sequence[int] = (),
    ) -> None:
        self.member_ids = list(member_ids)
        self.columns = list(columns)
        self.language = language
        self.headers = header_names(columns, language)
        self._full_phones = full_phones
        self._group_ids = list(group_ids)
        self._words = WORDS[language]
        self._dates: dict[str, str] = {}
        self._group_rank: dict[int, int] = {}
        self._group_names: list[str] | None = None

    @property
    def total(self) -> int:
        return len(self.member_ids)

    def pages(self) -> Iterator[tuple[int, list[list[str]]]]:
        """(ids done, rows) ``PAGE`` ids at a time, in order; members deleted meanwhile skipped."""
        for start in range(0, len(self.member_ids), PAGE):
            ids = self.member_ids[start : start + PAGE]
            yield start + len(ids), self.page(ids)

    def page(self, ids: Sequence[int]) -> list[list[str]]:
        """The rows of ``ids``: one query for members, one each for groups, tags, nicknames."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        members = {r[0]: r for r in db.execute_sql(_MEMBER_SQL.format(marks=marks), list(ids))}
        wanted = set(self.columns)
        groups, out_of_groups = (
            self._groups(ids, marks) if wanted & {"groups", "status"} else ({}, {})
        )
        lists = {
            "groups": groups,
            "tags": self._tags(ids, marks) if "tags" in wanted else {},
            "nickname": self._nicknames(ids, marks) if "nickname" in wanted else {},
            "status": out_of_groups,
        }
        cells = [self._cell_maker(c, lists) for c in self.columns]
        return [[cell(members[i]) for cell in cells] for i in ids if i in members]

    def _group_order(self) -> tuple[dict[int, int], list[str]]:
        """Each group's place in name order, and the names in that order (read once)."""
        if self._group_names is None:
            sql = "SELECT id, name FROM chat_group ORDER BY sort_key, id"
            rows = db.execute_sql(sql).fetchall()
            self._group_names = [name for _, name in rows]
            self._group_rank = {group_id: rank for rank, (group_id, _) in enumerate(rows)}
        return self._group_rank, self._group_names

    def _joined(self, pairs: Iterable[tuple[int, int]]) -> dict[int, str]:
        """(member id, group id) pairs as each member's group names, in name order."""
        rank, names = self._group_order()
        found: dict[int, list[int]] = {}
        for member_id, group_id in pairs:
            found.setdefault(member_id, []).append(rank[group_id])
        return {k: LIST_SEPARATOR.join([names[r] for r in sorted(v)]) for k, v in found.items()}

    def _groups(self, ids: Sequence[int], marks: str) -> tuple[dict[int, str], dict[int, str]]:
        """(the groups each member is in now, "left" / "removed" of those out of every group
        as their latest membership ended): one query."""
        sql = (
            "SELECT member_id, group_id, left_at, status FROM membership"
            f" WHERE member_id IN ({marks}) ORDER BY left_at, id"
        )
        current, ended = [], {}
        for member_id, group_id, left_at, status in db.execute_sql(sql, list(ids)):
            if left_at is None:
                current.append((member_id, group_id))
            else:
                ended[member_id] = status  # the latest ended last: it wins
        in_groups = {member_id for member_id, _ in current}
        out_of_groups = {m: status for m, status in ended.items() if m not in in_groups}
        return self._joined(current), out_of_groups

    def _tags(self, ids: Sequence[int], marks: str) -> dict[int, str]:
        found: dict[int, list[str]] = {}
        sql = f"SELECT member_id, tag FROM member_tag WHERE member_id IN ({marks}) ORDER BY tag"
        for member_id, tag in db.execute_sql(sql, list(ids)):
            found.setdefault(member_id, []).append(tag)
        return {k: LIST_SEPARATOR.join(v) for k, v in found.items()}

    def _nicknames(self, ids: Sequence[int], marks: str) -> dict[int, str]:
        """Nicknames in the roster's groups (any current group when it has none)."""
        params: list[object] = list(ids)
        sql = (
            "SELECT member_id, group_id, nickname FROM membership"
            f" WHERE member_id IN ({marks}) AND nickname != ''"
        )
        if self._group_ids:
            sql += f" AND group_id IN ({','.join('?' * len(self._group_ids))})"
            params += self._group_ids
        else:
            sql += " AND left_at IS NULL"
        rank, _ = self._group_order()
        found: dict[int, list[tuple[int, str]]] = {}
        for member_id, group_id, nickname in db.execute_sql(sql, params):
            found.setdefault(member_id, []).append((rank[group_id], nickname))
        joined = {}
        for member_id, pairs in found.items():
            names = dict.fromkeys(nickname for _, nickname in sorted(pairs))
            joined[member_id] = LIST_SEPARATOR.join(names)
        return joined

    def _cell_maker(
        self, column: str, lists: dict[str, dict[int, str]]
    ) -> Callable[[tuple[Any, ...]], str]:
        """A function from a member row (``_MEMBER_SQL``) to the text of ``column``."""
        words = self._words
        if column in _PLAIN:
            return itemgetter(_PLAIN[column])
        if column == "status":  # the person's; "left" / "removed" when out of every group
            out_of_groups = lists["status"]
            return lambda r: words.get(
                status := r[3] if r[3] != "active" else out_of_groups.get(r[0], r[3]), status
            )
        if column == "star":
            star = words["star"]
            return lambda r: star if r[4] else ""
        if column == "phone":
            if self._full_phones:
                return itemgetter(7)
            return lambda r: mask_phone(r[7])
        if column == "gender":
            return lambda r: words.get(r[10], r[10])
        if column == "first_seen":
            return lambda r: self._local_date(r[11])
        if column == "last_contacted":
            return lambda r: self._local_date(r[12])
        table = lists[column]
        return lambda r: table.get(r[0], "")

    def _local_date(self, stored: str) -> str:
        """A stored UTC time as the local date ``YYYY-MM-DD``.

        Cached per UTC hour (or per minute in an hour where the local date changes, for
        zones whose offset is not whole hours): there are far fewer hours than members.
        """
        if not stored:
            return ""
        hour = stored[:13]
        date = self._dates.get(hour)
        if date is None:
            first, last = _local_day(hour + ":00"), _local_day(hour + ":59")
            date = self._dates[hour] = first if first == last else ""
        return date or _local_day(stored[:16])


def _local_day(utc_minute: str) -> str:
    moment = datetime.fromisoformat(utc_minute).replace(tzinfo=UTC)
    return moment.astimezone().date().isoformat()


def tier_id_for_rank(rank: int) -> int:
    """The id of the tier with ``rank``; a ``ValidationError`` when there is none."""
    row = db.execute_sql("SELECT id FROM tier WHERE rank = ?", (rank,)).fetchone()
    if row is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "There is no tier with rank {rank}."), rank=rank
        )
    return int(row[0])
