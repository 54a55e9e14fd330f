"""Settings (JSON key/value rows) and the default tiers of the pyramid."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import settings, tiers
from app.core.database import open_community
from app.store.database import close_database
from app.store.models import Setting, Tier, db

# --- settings ----------------------------------------------------------------------------


def test_defaults_when_nothing_is_stored() -> None:
    assert Setting.select().count() == 0
    assert settings.get("group_cadence_days") == 7
    assert settings.get("helper_span_target") == 50
    assert settings.get("language") == ""
    assert settings.get("no such key") is None


@pytest.mark.parametrize(
    "value",
    [3, 0, "zh_CN", "简体中文", True, None, 2.5, [1, 2, 3], {"ladder": ["warn", "mute", "remove"]}],
)
def test_put_get_roundtrip(value: object) -> None:
    settings.put("some_key", value)
    assert settings.get("some_key") == value


def test_put_overwrites_one_row_and_survives_reopen(database: Path) -> None:
    settings.put("group_cadence_days", 10)
    settings.put("group_cadence_days", 14)
    assert Setting.select().where(Setting.key == "group_cadence_days").count() == 1
    assert settings.get("group_cadence_days") == 14
    close_database()
    open_community(database)
    assert settings.get("group_cadence_days") == 14


def test_values_are_stored_as_readable_json() -> None:
    settings.put("language", "简体中文")
    raw = db.execute_sql("SELECT value FROM setting WHERE key = 'language'").fetchone()[0]
    assert raw == '"简体中文"'


# --- tiers -------------------------------------------------------------------------------


def _tiers() -> list[tuple[int, str, str, int | None]]:
    return [(t.rank, t.name, t.colour, t.checkin_days) for t in tiers.list_tiers()]


def test_a_new_database_has_the_four_default_tiers_in_english() -> None:
    assert [(rank, name) for rank, name, _, _ in _tiers()] == [
        (1, "Core"),
        (2, "Helpers"),
        (3, "Active"),
        (4, "Members"),
    ]
    helpers = Tier.get(Tier.rank == tiers.HELPER_RANK)
    assert helpers.checkin_days == 14
    assert Tier.get(Tier.rank == 4).checkin_days is None


def test_ensure_default_tiers_runs_once() -> None:
    before = _tiers()
    tiers.ensure_default_tiers()
    tiers.ensure_default_tiers()
    assert _tiers() == before
    assert Tier.select().count() == 4


# the Chinese of the window's translation (resources/i18n), for a Qt-free test
CHINESE = {
    "Core": "核心",
    "Helpers": "管理/骨干",
    "Active": "活跃",
    "Members": "普通",
    "Admins, moderators, core members": "管理员、版主、骨干",
}


def chinese(context: str, text: str) -> str:
    assert context == "Generated"
    return CHINESE.get(text, text)


def test_the_default_tiers_are_stored_as_codes_and_shown_in_the_interface_language() -> None:
    assert [t.name_key for t in tiers.list_tiers()] == [
        "tier.core",
        "tier.helpers",
        "tier.active",
        "tier.members",
    ]
    tiers.show_default_tiers_in(chinese)
    assert [t.name for t in tiers.list_tiers()] == ["核心", "管理/骨干", "活跃", "普通"]
    assert tiers.list_tiers()[1].description == "管理员、版主、骨干"
    tiers.show_default_tiers_in(lambda context, text: text)  # back to English
    assert [t.name for t in tiers.list_tiers()][:2] == ["Core", "Helpers"]
    assert tiers.list_tiers()[1].description == "Admins, moderators, core members"


def test_a_tier_the_operator_renames_keeps_their_words_in_every_language() -> None:
    helpers = tiers.list_tiers()[1]
    tiers.update_tier(helpers.id, name="Moderators", description=helpers.description)
    tiers.update_tier(tiers.list_tiers()[0].id, description="Founders")
    tiers.show_default_tiers_in(chinese)
    shown = tiers.list_tiers()
    assert [t.name for t in shown] == ["核心", "Moderators", "活跃", "普通"]
    assert (shown[0].description, shown[1].description) == ("Founders", "管理员、版主、骨干")
    assert (shown[0].description_key, shown[1].name_key) == ("", "")


def test_an_operators_renamed_tiers_are_kept_on_reopen(database: Path) -> None:
    Tier.update(name="Inner circle").where(Tier.rank == 1).execute()
    close_database()
    open_community(database)
    assert tiers.list_tiers()[0].name == "Inner circle"
    assert Tier.select().count() == 4


def test_lowest_tier_is_the_bottom_of_the_pyramid() -> None:
    assert tiers.lowest_tier().rank == 4
    assert tiers.lowest_tier().name == "Members"
    Tier.create(rank=5, name="Lurkers")
    assert tiers.lowest_tier().name == "Lurkers"
