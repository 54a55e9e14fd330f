"""The domain needs no Qt: its tests run without a QApplication (issue #16)."""

from __future__ import annotations

import pytest


def test_a_core_test_gets_no_qapplication(request: pytest.FixtureRequest) -> None:
    assert "qt_for_qt_tests" in request.fixturenames  # the gate ran…
    assert "english_interface" not in request.fixturenames  # …and started no QApplication
    assert "qapp" not in request.fixturenames
