"""0004: the live-membership index also covers role and last spoke, for group health. Never edit.

Health counts each group's members, staff and silent members in one scan of this index
instead of three passes over the table (PRODUCT.md §7: all groups in under 200 ms).
"""

from typing import Any


def up(migrator: Any, db: Any) -> None:
    migrator.migrate(
        migrator.drop_index("membership", "membership_group_id_left_at_member_id"),
        migrator.add_index(
            "membership", ("group_id", "left_at", "member_id", "role", "last_spoke_at"), False
        ),
    )


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(
        migrator.drop_index(
            "membership", "membership_group_id_left_at_member_id_role_last_spoke_at"
        ),
        migrator.add_index("membership", ("group_id", "left_at", "member_id"), False),
    )
