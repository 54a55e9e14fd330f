"""Report the bundle's size and build time at the end of the run, in the terminal summary."""

from __future__ import annotations

from typing import Any

REPORT: list[str] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if REPORT:
        terminalreporter.write_sep("-", "bundle")
        for line in REPORT:
            terminalreporter.write_line(line)
