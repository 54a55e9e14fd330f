"""A meetup a week after the fixed clock, and the people who answer it, for the meetup tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core import meetups, members
from app.store.models import Tier

NOW = datetime(2026, 3, 14, 9, 30)  # the ``now`` fixture's moment
START = NOW + timedelta(days=7)


def person(name: str, **fields: object) -> int:
    """A member of the Active tier (rank 3)."""
    tier = Tier.get(Tier.rank == 3).id
    return members.create_member(name, tier_id=tier, **fields).id


def meetup(capacity: int | None = 2, **fields: object) -> int:
    """A three-hour meetup starting at ``START``."""
    return meetups.create_meetup(
        "周末聚会", START, START + timedelta(hours=3), capacity=capacity, **fields
    ).id
