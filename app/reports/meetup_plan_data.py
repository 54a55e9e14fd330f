"""What a meetup's printable plan says, read from the services as display text in the
plan's language (the labels are the plan's own: it prints in the language asked for, not the
window's)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.core import clock, meetup_plan, meetups
from app.core import rsvp as attendance
from app.io.cells import mask_phone

LABELS = {
    "en": {
        "time": "Time", "venue": "Venue", "address": "Address", "groups": "Groups",
        "capacity": "Places", "status": "Status", "agenda": "Agenda", "roles": "Helpers",
        "checklist": "Checklist", "budget": "Budget", "total": "Total", "notes": "Notes",
        "sign_in": "Sign-in sheet", "no": "No.", "name": "Name", "nickname": "Group nickname",
        "phone": "Phone", "rsvp": "RSVP", "signature": "Signature", "none": "—",
        "going_count": "{going} going, {waitlist} on the waitlist",
        "unlimited": "no limit", "page": "Page {page} / {pages}",
        "planned": "Planned", "confirmed": "Confirmed", "done": "Done",
        "cancelled": "Cancelled", "going": "Going", "waitlist": "Waitlist #{n}",
        "host": "Host", "check-in": "Check-in", "photos": "Photos",
        "logistics": "Logistics", "other": "Other help",
        "weekdays": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    },
    "zh_CN": {
        "time": "时间", "venue": "场地", "address": "地址", "groups": "群", "capacity": "名额",
        "status": "状态", "agenda": "议程", "roles": "分工", "checklist": "筹备清单",
        "budget": "预算", "total": "合计", "notes": "备注", "sign_in": "签到表", "no": "序号",
        "name": "姓名", "nickname": "群昵称", "phone": "手机", "rsvp": "报名",
        "signature": "签名", "none": "—",
        "going_count": "{going} 人参加，{waitlist} 人候补", "unlimited": "不限",
        "page": "第 {page} / {pages} 页",
        "planned": "计划中", "confirmed": "已确认", "done": "已结束", "cancelled": "已取消",
        "going": "参加", "waitlist": "候补第 {n} 位",
        "host": "主持", "check-in": "签到", "photos": "拍照", "logistics": "后勤",
        "other": "其他帮手",
        "weekdays": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    },
}  # fmt: skip


@dataclass
class PlanData:
    """Everything the plan shows, read from the services, as display text."""

    title: str
    when: str
    venue: str
    facts: list[tuple[str, str]]
    agenda: list[tuple[str, str, str]]
    roles: list[tuple[str, str]]
    checklist: list[tuple[bool, str]]
    budget: list[tuple[str, str]]
    total: str
    notes: str
    attendees: list[tuple[str, str, str, str]] = field(default_factory=list)


def labels(language: str) -> dict[str, object]:
    return LABELS["zh_CN" if language.startswith("zh") else "en"]


def _money(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    return f"{sign}¥{abs(cents) // 100:,}.{abs(cents) % 100:02d}"


def _when(start: datetime, end: datetime, words: dict[str, object]) -> str:
    local_start, local_end = clock.to_local(start), clock.to_local(end)
    weekday = words["weekdays"][local_start.weekday()]  # type: ignore[index]
    first = f"{local_start:%Y-%m-%d} {weekday} {local_start:%H:%M}"
    if local_end.date() == local_start.date():
        return f"{first} – {local_end:%H:%M}"
    return f"{first} – {local_end:%Y-%m-%d %H:%M}"


def plan_data(meetup_id: int, full_phones: bool = False, language: str = "zh_CN") -> PlanData:
    """The plan's content for ``meetup_id``, labels in ``language``."""
    words = labels(language)
    meetup = meetups.get_meetup(meetup_id)
    tallies = attendance.counts([meetup_id]).get(meetup_id, (0, 0))
    places = str(words["unlimited"]) if meetup.capacity is None else str(meetup.capacity)
    going = str(words["going_count"]).format(going=tallies[0], waitlist=tallies[1])
    names = meetups.group_names([meetup_id]).get(meetup_id, [])
    when = _when(meetup.start_at, meetup.end_at, words)
    facts = [
        (str(words["time"]), when),
        (str(words["venue"]), meetup.venue),
        (str(words["address"]), meetup.address),
        (str(words["groups"]), ("、" if language.startswith("zh") else ", ").join(names)),
        (str(words["capacity"]), f"{places} · {going}"),
        (str(words["status"]), str(words.get(meetup.status, meetup.status))),
    ]
    agenda = [
        (
            clock.to_local(item.at).strftime("%H:%M") if item.at else "",
            item.title,
            item.owner.name if item.owner_id is not None and item.owner else "",
        )
        for item in meetup_plan.agenda(meetup_id)
    ]
    roles = [(str(words.get(r.role, r.role)), name) for r, name in meetup_plan.roles(meetup_id)]
    attendees = []
    for row in attendance.rsvps(meetup_id):
        if row.rsvp not in ("going", "waitlist"):
            continue
        phone = row.phone if full_phones else mask_phone(row.phone)
        status = (
            str(words["going"])
            if row.rsvp == "going"
            else str(words["waitlist"]).format(n=row.waitlist_position)
        )
        attendees.append((row.name, row.nickname, phone, status))
    return PlanData(
        title=meetup.title,
        when=when,
        venue=meetup.venue,
        facts=[(k, v) for k, v in facts if v],
        agenda=agenda,
        roles=roles,
        checklist=[(c.done, c.text) for c in meetup_plan.checklist(meetup_id)],
        budget=[(b.item, _money(b.amount_cents)) for b in meetup_plan.budget(meetup_id)],
        total=_money(meetup_plan.budget_total_cents(meetup_id)),
        notes=meetup.notes,
        attendees=attendees,
    )
