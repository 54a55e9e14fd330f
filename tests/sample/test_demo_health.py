"""The sample community shows every health status, and groups dying of neglect too."""

from __future__ import annotations

from datetime import datetime

from app.core import health
from app.sample import demo


def test_the_sample_shows_every_status_and_dying_of_silence(now: datetime) -> None:
    demo.build(1500, 24)
    everything = health.all_health()
    assert {g.status for g in everything} == {"alive", "attention", "dying"}
    faded = [g for g in everything if any(f.code == "silent" for f in g.findings)]
    assert faded, "a group left silent"
    codes = {f.code for f in faded[0].findings}
    assert {"silent", "no_rules", "thin_profile"} <= codes
    assert faded[0].status == "dying"
