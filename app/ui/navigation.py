"""The panels the navigation bar lists, in Ctrl+1…8 order, and their titles.

Each is named by module and class, so the window imports a panel only when first shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import QT_TRANSLATE_NOOP

# (module, class, the navigation title in the panel's translation context), in Ctrl+n order
PANELS = (
    ("app.ui.today.panel", "TodayPanel", QT_TRANSLATE_NOOP("TodayPanel", "Today")),
    ("app.ui.groups.panel", "GroupsPanel", QT_TRANSLATE_NOOP("GroupsPanel", "Groups")),
    ("app.ui.members.panel", "MembersPanel", QT_TRANSLATE_NOOP("MembersPanel", "Members")),
    ("app.ui.pyramid.panel", "PyramidPanel", QT_TRANSLATE_NOOP("PyramidPanel", "Pyramid")),
    ("app.ui.rules.panel", "RulesPanel", QT_TRANSLATE_NOOP("RulesPanel", "Rules")),
    ("app.ui.meetups.panel", "MeetupsPanel", QT_TRANSLATE_NOOP("MeetupsPanel", "Meetups")),
    ("app.ui.queue.panel", "QueuePanel", QT_TRANSLATE_NOOP("QueuePanel", "Queue")),
    ("app.ui.settings.panel", "SettingsPanel", QT_TRANSLATE_NOOP("SettingsPanel", "Settings")),
)
TODAY, GROUPS, MEMBERS, PYRAMID, RULES, MEETUPS, QUEUE, SETTINGS = range(len(PANELS))


def panel_title(index: int) -> str:
    """The navigation title of panel ``index``, in the current language."""
    _module, context, title = PANELS[index]
    return QCoreApplication.translate(context, title)
