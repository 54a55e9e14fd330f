"""What a member's text becomes in a spreadsheet cell: masked phones, inert formulas.

One place for these rules so the member table, the CSV and the XLSX export agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# A spreadsheet reads a cell starting with one of these as a formula (or as the start of
# one, after a tab or line break); OWASP's CSV-injection advice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")

# Any cell of a row joined with \x1f starting like a formula (false hits only cost a check).
_ROW_HAS_FORMULA_START = re.compile("(?:^|\x1f)[=+\\-@\t\r\n]")

# Control characters XML 1.0 cannot hold (openpyxl refuses them in a cell).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_MAX_CELL = 32_767


def mask_phone(phone: str) -> str:
    """138****1234: enough to recognise a number, not enough to misuse it."""
    if len(phone) < 7:
        return phone
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def neutralise_rows(rows: list[list[str]], columns: Sequence[int]) -> list[list[str]]:
    """``rows``, changed in place: ``neutralise`` applied to the cells at ``columns``.

    One regular-expression scan per row finds the rare row that needs it.
    """
    for row in rows:
        if _ROW_HAS_FORMULA_START.search("\x1f".join(row)):
            for index in columns:
                row[index] = neutralise(row[index])
    return rows


def xlsx_text(text: str) -> str:
    """``text`` as an XLSX cell can hold it: no XML-illegal controls, at most 32,767 chars."""
    if _XML_ILLEGAL.search(text):
        text = _XML_ILLEGAL.sub("", text)
    return text[:XLSX_MAX_CELL]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a spreadsheet: CJK and other wide characters count two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
