"""A small square of colour, for tiers in combos and tables."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QIcon, QPixmap


@lru_cache(maxsize=64)
def swatch(colour: str, size: int = 12) -> QIcon:
    """An icon filled with ``colour`` (grey when the colour is not valid)."""
    pixmap = QPixmap(size, size)
    value = QColor(colour)
    pixmap.fill(value if value.isValid() else QColor("#888888"))
    return QIcon(pixmap)
