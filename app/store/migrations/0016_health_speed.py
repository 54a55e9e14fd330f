"""0016: what group health and activity read fast for 200 groups (PRODUCT.md §7). Never edit.

Partial indexes of the live memberships, each holding only what one count reads, so the
counts range over the few rows in a window instead of scanning every membership:

- ``membership_spoke``: those with a last-spoke date, by that date (who spoke lately, who
  went quiet);
- ``membership_joined``: by joining date (the newcomers);
- ``membership_staff``: the owners and admins.

The memberships by member (what a member's foreign key had) now cover what health counts
of the few members who are not plain ones (inactive, top tiers, stars).

The daily chat counts by day, with the group, the sender and the count (the last 30 days
of every group, read without a step into the table), and the tasks by group, status and
when done (each group's last task done is one step into the index).
"""

from typing import Any

INDEXES = {
    "membership_spoke": (
        "membership (last_spoke_at, group_id, member_id, left_at)"
        " WHERE left_at IS NULL AND last_spoke_at IS NOT NULL"
    ),
    "membership_joined": (
        "membership (joined_at, group_id, last_spoke_at, member_id, left_at) WHERE left_at IS NULL"
    ),
    "membership_staff": (
        "membership (group_id, left_at) WHERE left_at IS NULL AND role IN ('owner', 'admin')"
    ),
    "task_group_id_status_done_at": "task (group_id, status, done_at)",
    "chatday_day_group_id_member_id_operator_messages": (
        "chat_day (day, group_id, member_id, operator, messages)"
    ),
    "membership_member_id_left_at_group_id_role_last_spoke_at": (
        "membership (member_id, left_at, group_id, role, last_spoke_at)"
    ),
}
REPLACED = {
    "task_group_id_status": "task (group_id, status)",
    "membership_member_id": "membership (member_id)",
}


def up(migrator: Any, db: Any) -> None:
    for name in REPLACED:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    for name, body in INDEXES.items():
        db.execute_sql(f'CREATE INDEX "{name}" ON {body}')


def down(migrator: Any, db: Any) -> None:
    for name in INDEXES:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    for name, body in REPLACED.items():
        db.execute_sql(f'CREATE INDEX "{name}" ON {body}')
