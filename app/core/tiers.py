"""The tiers of the member pyramid."""

from __future__ import annotations

from app.store.models import Tier, db

# rank, (English, Chinese) name, (English, Chinese) description, colour, check-in days.
# Stored in the language of the first start; the operator renames them freely.
DEFAULT_TIERS = [
    (1, ("Core", "核心"), ("Your inner circle", "最核心的伙伴"), "#c0392b", 7),
    (
        2,
        ("Helpers", "管理/骨干"),
        ("Admins, moderators, core members", "管理员、版主、骨干"),
        "#d68910",
        14,
    ),
    (3, ("Active", "活跃"), ("Members who take part", "经常参与的成员"), "#2e86c1", None),
    (4, ("Members", "普通"), ("Everyone else", "其他成员"), "#7f8c8d", None),
]
HELPER_RANK = 2


def ensure_default_tiers(language: str = "en") -> None:
    """On a database with no tiers, create the default four (names in ``language``)."""
    if Tier.select().exists():
        return
    pick = 1 if language.startswith("zh") else 0
    with db.atomic():
        for rank, names, descriptions, colour, days in DEFAULT_TIERS:
            Tier.create(
                rank=rank,
                name=names[pick],
                description=descriptions[pick],
                colour=colour,
                checkin_days=days,
            )


def list_tiers() -> list[Tier]:
    """Every tier, top first."""
    return list(Tier.select().order_by(Tier.rank))


def lowest_tier() -> Tier:
    """Where a new member starts: the bottom of the pyramid."""
    return Tier.select().order_by(Tier.rank.desc()).get()
