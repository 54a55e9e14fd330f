"""The Members panel's table at the reference load, in process (offscreen).

First page: the panel built and shown (its ``showEvent`` runs the search), until the first
page of rows has been fetched for painting and the events are processed. Scroll to the end:
``scrollToBottom()`` and events until the last row's page is loaded (the model pages rows in
on demand, ``PAGE`` rows at a time). Baseline: plain ``sqlite3`` fetching the same ordered ids
and the same page of rows (member, tier, groups and tags).
"""

from __future__ import annotations

import contextlib
import sqlite3
import time

from tests.benchmarks.common import Bench, Row, community, log, median, process_until, qt_app

FIRST_PAGE_TARGET_MS = 500.0
SCROLL_TARGET_MS = 100.0

IDS_SQL = "SELECT m.id FROM member m ORDER BY m.sort_key, m.id"
PAGE_SQL = [
    "SELECT ms.member_id, g.name FROM membership ms JOIN chat_group g ON g.id = ms.group_id"
    " WHERE ms.member_id IN ({marks}) AND ms.left_at IS NULL ORDER BY g.sort_key",
    "SELECT member_id, tag FROM member_tag WHERE member_id IN ({marks}) ORDER BY tag",
    "SELECT m.id, m.name, m.star, t.name, t.colour, m.status, m.qq, m.wechat_id, m.phone,"
    " m.city, m.last_contacted FROM member m JOIN tier t ON t.id = m.tier_id"
    " WHERE m.id IN ({marks})",
]


def _page(conn: sqlite3.Connection, ids: list[int]) -> int:
    marks = ",".join("?" * len(ids))
    return sum(len(conn.execute(sql.format(marks=marks), ids).fetchall()) for sql in PAGE_SQL)


def measure_member_table(bench: Bench) -> list[Row]:
    from app.ui.members.panel import MembersPanel
    from app.ui.widgets.member_table import PAGE

    repeat = bench.times(5)
    log(f"member table: Members panel opened and scrolled to the end, {repeat} + 1 times")
    app = qt_app()
    first, scroll, shown = [], [], 0
    with community(bench.db):
        for index in range(repeat + 1):
            started = time.perf_counter()
            panel = MembersPanel()
            panel.resize(1200, 760)
            panel.show()
            model = panel.model
            if not process_until(lambda m=model: 0 in m._pages):  # noqa: SLF001
                raise RuntimeError("the first page was never fetched")
            app.processEvents()
            opened = time.perf_counter()
            shown = model.rowCount()
            last_page = (shown - 1) // PAGE
            panel.table.scrollToBottom()
            if not process_until(lambda m=model, p=last_page: p in m._pages):  # noqa: SLF001
                raise RuntimeError("the last page was never fetched")
            app.processEvents()
            ended = time.perf_counter()
            if index:
                first.append((opened - started) * 1e3)
                scroll.append((ended - opened) * 1e3)
            ids = model.ids()
            panel.close()
            panel.deleteLater()
            app.processEvents()
    base_first, base_scroll = [], []
    with contextlib.closing(sqlite3.connect(bench.db)) as conn:
        for _ in range(repeat + 1):
            started = time.perf_counter()
            base_ids = [r[0] for r in conn.execute(IDS_SQL)]
            _page(conn, base_ids[:PAGE])
            middle = time.perf_counter()
            _page(conn, base_ids[last_page * PAGE :])
            ended = time.perf_counter()
            base_first.append((middle - started) * 1e3)
            base_scroll.append((ended - middle) * 1e3)
    if base_ids != ids:
        raise AssertionError("the baseline ordered the members differently")
    loaded = len(model._pages)  # noqa: SLF001
    return [
        Row(
            "member table: first page shown",
            median(first),
            median(base_first[1:]),
            f"< {FIRST_PAGE_TARGET_MS:.0f} ms",
            median(first) < FIRST_PAGE_TARGET_MS,
            f"{shown:,} rows; panel built + search + first page painted; baseline: the ordered "
            f"ids and the first {PAGE} rows",
        ),
        Row(
            "member table: scroll to the end",
            median(scroll),
            median(base_scroll[1:]),
            f"< {SCROLL_TARGET_MS:.0f} ms (no stall)",
            median(scroll) < SCROLL_TARGET_MS,
            f"scrollToBottom until the last page is fetched; {loaded} pages of {PAGE} held "
            "after, not all rows",
        ),
    ]
