"""0014: notes Huoqun wrote on a task (a suggestion's reason) are kept as a code. Never edit.

Tasks gain ``notes_key`` and ``notes_args`` (JSON), as titles did in 0006. Earlier versions wrote
a suggested task's reason into its notes as an English sentence; those written from one of the
templates below (as those versions wrote them: frozen here) become the key "sentence.Health"
with the template and its parameters, shown in the interface language. Notes that match none
stay as typed.
"""

import json
import re
from typing import Any

KEY = "sentence.Health"
# the reasons earlier versions wrote into a suggested task's notes (context "Health")
REASONS = (
    "No interaction for {days} days — this group's rhythm is every {cadence} days.",
    "No interaction in the {days} days since the group was added — its rhythm is {cadence} days.",
    "Quiet for {days} days — this group's rhythm is every {cadence} days.",
    "Violations open for more than {days} days: {count}.",
    "Banned members still in the group: {banned}.",
    "Violations open over {days} days: {count}; banned members still in: {banned}.",
    "The group has adopted no rules.",
    "The group's description is empty.",
    "The group's announcement is empty.",
    "The group's description and announcement are empty.",
    "{members} members and no helper — the group needs a second level.",
    "{per_helper} members per helper — the target is at most {target}.",
    "{percent}% of the members have not spoken for {days} days.",
    "Last contacted {days} days ago — the rhythm for {tier} is every {cadence} days.",
    "Never contacted (helper since {since}) — the rhythm for {tier} is every {cadence} days.",
)
FIELD = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    parts = FIELD.split(template)  # text, name, text, name, …, text
    out = "".join(
        re.escape(part) if n % 2 == 0 else f"(?P<{part}>.+?)" for n, part in enumerate(parts)
    )
    return re.compile(f"^{out}$", re.DOTALL)


PATTERNS = [(template, _pattern(template)) for template in REASONS]


def _recognise(notes: str) -> str | None:
    """The stored parameters of a reason written from one of ``REASONS``; None if it is not."""
    for template, pattern in PATTERNS:
        found = pattern.match(notes.strip())
        if found is not None and all(found.groupdict().values()):
            params = {**found.groupdict(), "text": template}
            return json.dumps(params, ensure_ascii=False, sort_keys=True)
    return None


def up(migrator: Any, db: Any) -> None:
    # with a default in the schema: the rows other code inserts without naming them get ""
    for column, kind in (("notes_key", "VARCHAR(255)"), ("notes_args", "TEXT")):
        db.execute_sql(f'ALTER TABLE "task" ADD COLUMN "{column}" {kind} NOT NULL DEFAULT \'\'')
    rows = db.execute_sql(
        "SELECT id, notes FROM task WHERE origin LIKE 'suggested:%' AND notes != ''"
    ).fetchall()
    updates = [(KEY, args, task_id) for task_id, notes in rows if (args := _recognise(notes))]
    db.cursor().executemany(
        'UPDATE "task" SET "notes_key" = ?, "notes_args" = ? WHERE "id" = ?', updates
    )


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(
        migrator.drop_column("task", "notes_args"),
        migrator.drop_column("task", "notes_key"),
    )
