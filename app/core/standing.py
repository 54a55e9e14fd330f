"""Who is still in the community, as SQL terms the lists and counts share (alias ``m``).

A person's own status is "active" or "banned"; leaving is a membership's. Someone who left
(or was removed from) every group they were in is active but out of the community: the
pyramid, the care list and the candidates leave them out, as they did when "left" was a
person's status. Someone in no group at all (added by hand) is still counted.
"""

# Served by the (status, member) index alone: the few who ever left, less those still in a group.
OUT_OF_EVERY_GROUP = (
    "m.id IN (SELECT x.member_id FROM membership x WHERE x.status IN ('left', 'removed')"
    " AND NOT EXISTS (SELECT 1 FROM membership y WHERE y.status = 'active'"
    " AND y.member_id = x.member_id))"
)
IN_COMMUNITY = f"(m.status = 'active' AND NOT {OUT_OF_EVERY_GROUP})"
