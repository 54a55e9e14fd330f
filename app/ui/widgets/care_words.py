"""How a helper's last contact reads, in Today and in Helper care: a date, or "never (helper
since 10-02)" counted from when they became a helper (PRODUCT.md §3, Today)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core import clock
from app.ui.widgets.read_only_table import local_day


def last_contact_text(row: Any) -> str:
    """A care row's last contact: its local date, or never and since when they are a helper."""
    if row.last_contacted is not None:
        return local_day(row.last_contacted)
    if row.helper_since is None:
        return QCoreApplication.translate("CareWords", "never")
    since = clock.to_local(row.helper_since).strftime("%m-%d")
    return QCoreApplication.translate("CareWords", "never (helper since {day})").format(day=since)
