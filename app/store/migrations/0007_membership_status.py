"""0007: leaving and removal belong to a membership; a person is active or banned. Never edit.

Each membership gets a status: "active", or "left" / "removed" with its ``left_at``. A
member's own status keeps "active" and "banned" only. What was true before decides each
membership:

- a membership already ended is "removed" where Huoqun holds a record of the removal from that
  group (a violation there with the action "removed" or "banned", or a done removal task),
  otherwise "left";
- a member marked "removed": the group they were removed from is the one recorded so, else the
  one they left last (their other groups stay theirs); with no ended membership at all, the
  operator said "removed" without saying where: removed from every group they were in;
- a member marked "left": they left every group they were still in;
- the date of a membership ended here is this migration's (never before the member joined): the
  old status held no date, and it was true by now;
- a banned member stays banned, their memberships as they were (the removal tasks remain).

The status reason a member had stays (it says why, which is still true). Undoing this
migration drops the column: "left" and "removed" do not come back to the members.
"""

from typing import Any

from peewee import SQL, CharField

ENDED_HERE = "CASE WHEN joined_at > :now THEN joined_at ELSE :now END"
REMOVAL_RECORDED = """
    EXISTS (SELECT 1 FROM violation v WHERE v.member_id = membership.member_id
            AND v.group_id = membership.group_id AND v.action IN ('removed', 'banned'))
    OR EXISTS (SELECT 1 FROM task t WHERE t.member_id = membership.member_id
               AND t.group_id = membership.group_id AND t.kind = 'spam_sweep'
               AND t.status = 'done' AND t.outcome = 'removed')
"""


def up(migrator: Any, db: Any) -> None:
    migrator.migrate(
        migrator.add_column(
            "membership",
            "status",
            CharField(default="active", constraints=[SQL("DEFAULT 'active'")]),
        ),
        migrator.add_index("membership", ("status", "member_id"), False),
    )
    now = {"now": db.execute_sql("SELECT datetime('now')").fetchone()[0]}
    db.execute_sql(
        f"UPDATE membership SET status = CASE WHEN {REMOVAL_RECORDED} THEN 'removed' ELSE 'left'"
        " END WHERE left_at IS NOT NULL"
    )
    # removed, with no removal recorded: the group they left last
    db.execute_sql(
        "UPDATE membership SET status = 'removed' WHERE id IN ("
        " SELECT (SELECT x.id FROM membership x WHERE x.member_id = m.id"
        "         AND x.left_at IS NOT NULL ORDER BY x.left_at DESC, x.id DESC LIMIT 1)"
        " FROM member m WHERE m.status = 'removed' AND NOT EXISTS (SELECT 1 FROM membership x"
        "  WHERE x.member_id = m.id AND x.status = 'removed'))"
    )
    # removed from nowhere in particular: from every group; left: every group still theirs
    db.execute_sql(
        f"UPDATE membership SET status = 'removed', left_at = {ENDED_HERE}"
        " WHERE left_at IS NULL AND member_id IN (SELECT m.id FROM member m"
        "  WHERE m.status = 'removed' AND NOT EXISTS (SELECT 1 FROM membership x"
        "  WHERE x.member_id = m.id AND x.left_at IS NOT NULL))",
        now,
    )
    db.execute_sql(
        f"UPDATE membership SET status = 'left', left_at = {ENDED_HERE}"
        " WHERE left_at IS NULL AND member_id IN (SELECT id FROM member WHERE status = 'left')",
        now,
    )
    db.execute_sql("UPDATE member SET status = 'active' WHERE status IN ('left', 'removed')")


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(
        migrator.drop_index("membership", "membership_status_member_id"),
        migrator.drop_column("membership", "status"),
    )
