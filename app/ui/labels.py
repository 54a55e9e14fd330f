"""The words the window shows for the domain's codes (platforms, kinds, statuses, roles…)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.health_findings import STATUS_WORDS

PLATFORMS = {
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "qq": QT_TRANSLATE_NOOP("Labels", "QQ"),
    "wecom": QT_TRANSLATE_NOOP("Labels", "WeCom"),
    "telegram": QT_TRANSLATE_NOOP("Labels", "Telegram"),
    "discord": QT_TRANSLATE_NOOP("Labels", "Discord"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other platform"),
}
KINDS = {
    "interest": QT_TRANSLATE_NOOP("Labels", "Interest / hobby"),
    "fan": QT_TRANSLATE_NOOP("Labels", "Fans of a star"),
    "organisation": QT_TRANSLATE_NOOP("Labels", "Grown from an organisation"),
    "core": QT_TRANSLATE_NOOP("Labels", "Core group"),
    "customers": QT_TRANSLATE_NOOP("Labels", "Customers"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other kind"),
}
# A member's status: 在群 / 已退群 / 已移出 / 已封禁 (never "活跃", the name of a tier).
STATUSES = {
    "active": QT_TRANSLATE_NOOP("Labels", "In group"),
    "left": QT_TRANSLATE_NOOP("Labels", "Left"),
    "removed": QT_TRANSLATE_NOOP("Labels", "Removed"),
    "banned": QT_TRANSLATE_NOOP("Labels", "Banned"),
}
# A person's own status (leaving is a membership's): 未封禁 / 已封禁 (never "Active", a tier).
PERSON_STATUSES = {
    "active": QT_TRANSLATE_NOOP("Labels", "Not banned"),
    "banned": QT_TRANSLATE_NOOP("Labels", "Banned"),
}
ROLES = {
    "owner": QT_TRANSLATE_NOOP("Labels", "Owner"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Admin"),
    "member": QT_TRANSLATE_NOOP("Labels", "Member"),
}
GENDERS = {
    "": QT_TRANSLATE_NOOP("Labels", "Not given"),
    "female": QT_TRANSLATE_NOOP("Labels", "Female"),
    "male": QT_TRANSLATE_NOOP("Labels", "Male"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

SEVERITIES = {
    "notice": QT_TRANSLATE_NOOP("Labels", "Notice"),
    "warning": QT_TRANSLATE_NOOP("Labels", "Warning"),
    "removal": QT_TRANSLATE_NOOP("Labels", "Removal"),
}
ACTIONS = {
    "warned": QT_TRANSLATE_NOOP("Labels", "Warned"),
    "deleted": QT_TRANSLATE_NOOP("Labels", "Message deleted"),
    "muted": QT_TRANSLATE_NOOP("Labels", "Muted"),
    "removed": QT_TRANSLATE_NOOP("Labels", "Removed"),
    "banned": QT_TRANSLATE_NOOP("Labels", "Banned"),
}

MEETUP_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("Labels", "Planned"),
    "confirmed": QT_TRANSLATE_NOOP("Labels", "Confirmed"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}
RSVPS = {
    "invited": QT_TRANSLATE_NOOP("Labels", "Invited"),
    "going": QT_TRANSLATE_NOOP("Labels", "Going"),
    "maybe": QT_TRANSLATE_NOOP("Labels", "Maybe"),
    "declined": QT_TRANSLATE_NOOP("Labels", "Declined"),
    "waitlist": QT_TRANSLATE_NOOP("Labels", "Waitlist"),
}
MEETUP_ROLES = {
    "host": QT_TRANSLATE_NOOP("Labels", "Host"),
    "check-in": QT_TRANSLATE_NOOP("Labels", "Check-in"),
    "photos": QT_TRANSLATE_NOOP("Labels", "Photos"),
    "logistics": QT_TRANSLATE_NOOP("Labels", "Logistics"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other help"),
}

TASK_KINDS = {
    "topic": QT_TRANSLATE_NOOP("Labels", "Topic discussion"),
    "share": QT_TRANSLATE_NOOP("Labels", "Scheduled share"),
    "poll": QT_TRANSLATE_NOOP("Labels", "Poll"),
    "checkin": QT_TRANSLATE_NOOP("Labels", "Helper check-in"),
    "recognition": QT_TRANSLATE_NOOP("Labels", "Recognition"),
    "welcome": QT_TRANSLATE_NOOP("Labels", "Welcome newcomers"),
    "profile": QT_TRANSLATE_NOOP("Labels", "Profile upkeep"),
    "spam_sweep": QT_TRANSLATE_NOOP("Labels", "Spam sweep"),
    "meetup_prep": QT_TRANSLATE_NOOP("Labels", "Meetup prep"),
    "custom": QT_TRANSLATE_NOOP("Labels", "Custom"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other interaction"),
}
PRIORITIES = {
    "1": QT_TRANSLATE_NOOP("Labels", "High"),
    "2": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "3": QT_TRANSLATE_NOOP("Labels", "Low"),
}


def label(table: dict[str, str], code: str, context: str = "Labels") -> str:
    """The translated word for ``code`` in ``table``, whose words are marked in ``context``
    (the code itself if unknown)."""
    text = table.get(code)
    return QCoreApplication.translate(context, text) if text else code


def health_status(code: str) -> str:
    """A group's health status in words: Healthy, Needs attention or Dying."""
    return label(STATUS_WORDS, code, "Health")
