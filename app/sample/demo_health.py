"""Two groups of the sample left to fade, so it shows groups dying of neglect, not only of spam.

Runs on the written sample inside its transaction: the first two top-level groups of a kind
that does not keep itself going lose their star members and their last two months of
interaction (one-off tasks closed then are gone; a banned member's removal moves back); the
first of them also has no rules and an empty profile.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core.bulk_rows import run

QUIET_DAYS = 60
FADE_SQL = (
    "SELECT id FROM chat_group WHERE archived = 0 AND parent_id IS NULL"
    " AND kind IN ('customers', 'other') ORDER BY id LIMIT 2"
)


def _at(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def let_some_groups_fade(now: datetime) -> list[int]:
    """Make two groups fade (see the module docstring); returns their ids."""
    ids = [row[0] for row in run(FADE_SQL)]
    cutoff = _at(now - timedelta(days=QUIET_DAYS))
    left = _at(now - timedelta(days=QUIET_DAYS - 15))
    for group_id in ids:
        run(
            "UPDATE membership SET left_at = ? WHERE group_id = ? AND left_at IS NULL"
            " AND member_id IN (SELECT id FROM member WHERE star = 1)",
            (left, group_id),
        )
        run(  # a banned member's removal stays done, as its task (below)
            "UPDATE interaction SET at = ? WHERE group_id = ? AND at > ? AND kind = 'spam_sweep'",
            (cutoff, group_id, cutoff),
        )
        run("DELETE FROM interaction WHERE group_id = ? AND at > ?", (group_id, cutoff))
        run(  # one-off tasks closed lately never were
            "DELETE FROM task WHERE group_id = ? AND rrule = '' AND kind != 'spam_sweep'"
            " AND status != 'open' AND done_at > ?",
            (group_id, cutoff),
        )
        run(
            "UPDATE task SET done_at = ? WHERE group_id = ? AND status = 'done' AND done_at > ?",
            (cutoff, group_id, cutoff),
        )
    if ids:
        run("DELETE FROM group_rule WHERE group_id = ?", (ids[0],))
        run("UPDATE chat_group SET description = '', announcement = '' WHERE id = ?", (ids[0],))
    return ids
