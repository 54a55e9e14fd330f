"""A fresh database per test, the offscreen Qt platform, a fixed clock when asked, and a zone.

The tests run in Asia/Shanghai (UTC+8) unless ``HUOQUN_TEST_TZ`` names another zone (``UTC``,
``America/New_York``…): local days then differ from UTC days for eight hours a day, so code
that takes a day from a UTC time fails here. Set before anything reads the local zone, Qt
included. Windows has no ``time.tzset``: there the tests run in the machine's own zone.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TEST_ZONE = os.environ.get("HUOQUN_TEST_TZ", "Asia/Shanghai")
if hasattr(time, "tzset"):
    os.environ["TZ"] = TEST_ZONE
    time.tzset()

from app.core import clock, undo  # noqa: E402 - after the platform is chosen
from app.core.database import open_community  # noqa: E402
from app.store.database import close_database  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def database(tmp_path: Path) -> Iterator[Path]:
    """Every test gets its own real SQLite file, opened and migrated like the app does."""
    path = tmp_path / "huoqun.db"
    open_community(path)
    yield path
    close_database()
    clock.fix(None)
    undo.enable(False)  # a window left open by a test must not record in the next one


QT_FOLDERS = ("ui", "reports", "packaging")  # tests/<folder>: every test there shows Qt


@pytest.fixture(autouse=True)
def qt_for_qt_tests(request: pytest.FixtureRequest) -> None:
    """Only tests that need Qt get a QApplication: those under ``QT_FOLDERS`` and those that
    ask for ``qtbot`` or ``qapp``. The domain, store, io and CLI tests run without one."""
    parts = Path(request.path).resolve().relative_to(Path(__file__).resolve().parent).parts
    if parts[0] in QT_FOLDERS or {"qtbot", "qapp"} & set(request.fixturenames):
        request.getfixturevalue("english_interface")


@pytest.fixture(scope="session")
def english_interface(qapp: object) -> None:
    """Tests read the English interface, plural forms included, as a user would see it."""
    from app.ui.app import install_translations
    from app.ui.gc_collector import collect_on_ui_thread
    from app.ui.widget_habits import install as install_widget_habits

    install_translations(qapp, "en")  # type: ignore[arg-type]
    collect_on_ui_thread(qapp)  # type: ignore[arg-type]  # as the app does: see gc_collector
    install_widget_habits(qapp)  # type: ignore[arg-type]  # as the app does: Enter, wheel, Tab, titles


@pytest.fixture
def now() -> datetime:
    """Freeze the clock at a fixed moment (naive UTC) for the test."""
    moment = datetime(2026, 3, 14, 9, 30)
    clock.fix(moment)
    return moment


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    """``zone("Asia/Shanghai")`` puts this test in that zone, whatever the suite runs in.

    For tests whose figures hold in one zone only; skipped where ``time.tzset`` is missing.
    """
    if not hasattr(time, "tzset"):
        pytest.skip("this platform cannot change the process's zone")
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def shanghai(zone: Callable[[str], None]) -> None:
    """The test in the operator's zone, China's, whatever the suite runs in: for modules whose
    figures are Shanghai's (``pytestmark = pytest.mark.usefixtures("shanghai")``)."""
    zone("Asia/Shanghai")
