"""What the printed reports share: the Qt application they need, their error, and the font.

A PDF is painted with QtGui only (no widgets); the CLI has no application of its own, so it
makes an offscreen one. Chinese text renders with a CJK-capable family Qt finds on the system.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from app.core.errors import HuoqunError

# Compact sans-serif families for Latin text and digits, where installed (else Qt's default).
LATIN_FAMILIES = ("Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "Nimbus Sans")
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
)


class PdfError(HuoqunError):
    """The PDF could not be written."""


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen without a display) for the CLI."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "huoqun"])


def roster_font(point_size: float, bold: bool = False) -> QFont:
    """The default sans-serif family for Latin text, then a CJK family for Chinese.

    Latin first: with only a CJK font, Qt's PDF text layer loses some digits (they print, but
    cannot be found or copied). Without a known CJK family, Qt's own fallback picks one.
    """
    cjk_installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    cjk = [name for name in CJK_FAMILIES if name in cjk_installed]
    if not cjk and cjk_installed:
        cjk = [sorted(cjk_installed)[0]]
    latin = next((name for name in LATIN_FAMILIES if QFontDatabase.hasFamily(name)), None)
    if latin is None:
        plain = QFont()
        plain.setStyleHint(QFont.StyleHint.SansSerif)
        latin = QFontInfo(plain).family()
    font = QFont()
    font.setFamilies([latin, *cjk] if latin not in cjk_installed else [*cjk, latin])
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
