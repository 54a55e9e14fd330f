"""A meetup's plan: agenda, checklist, budget and roles."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core import meetup_plan, settings
from app.core.errors import NotFound, ValidationError
from tests.core.meetup_samples import START, meetup, person


def test_agenda_checklist_budget_and_roles(now: datetime) -> None:
    settings.put("checklist_template", [])
    made = meetup()
    host = person("主持人")
    late = meetup_plan.add_agenda_item(made, "合影", START + timedelta(hours=2))
    early = meetup_plan.add_agenda_item(made, "签到", START, owner_id=host)
    loose = meetup_plan.add_agenda_item(made, "自由交流")
    assert [i.title for i in meetup_plan.agenda(made)] == ["签到", "合影", "自由交流"]
    assert meetup_plan.agenda(made)[0].owner.name == "主持人"
    meetup_plan.update_agenda_item(loose.id, at=START + timedelta(hours=1), title="自我介绍")
    assert [i.id for i in meetup_plan.agenda(made)] == [early.id, loose.id, late.id]
    meetup_plan.remove_agenda_item(late.id)
    with pytest.raises(ValidationError, match="agenda title"):
        meetup_plan.add_agenda_item(made, "")
    with pytest.raises(NotFound):
        meetup_plan.add_agenda_item(made, "x", owner_id=999)
    assert len(meetup_plan.agenda(made)) == 2

    item = meetup_plan.add_checklist_item(made, "买水")
    meetup_plan.set_checklist_done(item.id, True)
    assert [(c.text, c.done) for c in meetup_plan.checklist(made)] == [("买水", True)]
    meetup_plan.remove_checklist_item(item.id)
    assert meetup_plan.checklist(made) == []

    meetup_plan.add_budget_line(made, "场地", 50_000)
    line = meetup_plan.add_budget_line(made, "饮料", 12_050)
    meetup_plan.add_budget_line(made, "赞助", -10_000)
    assert meetup_plan.budget_total_cents(made) == 52_050
    meetup_plan.remove_budget_line(line.id)
    assert meetup_plan.budget_total_cents(made) == 40_000
    with pytest.raises(ValidationError, match="cents"):
        meetup_plan.add_budget_line(made, "x", 1.5)  # type: ignore[arg-type]

    photographer = person("摄影师")
    meetup_plan.add_role(made, photographer, "photos")
    meetup_plan.add_role(made, host, "host")
    meetup_plan.add_role(made, host, "暖场")
    assert [(r.role, name) for r, name in meetup_plan.roles(made)] == [
        ("host", "主持人"),
        ("photos", "摄影师"),
        ("暖场", "主持人"),
    ]
    with pytest.raises(ValidationError, match="role"):
        meetup_plan.add_role(made, host, "x" * 41)
    meetup_plan.remove_role(meetup_plan.roles(made)[0][0].id)
    assert len(meetup_plan.roles(made)) == 2
