"""0006: what Huoqun wrote is kept as a code and parameters. Never edit.

Tasks gain ``title_key`` and ``title_args`` (JSON), tiers ``name_key`` and ``description_key``.
The titles earlier versions wrote, in English or in Chinese (the window's translation, or the
sample community's wording), are recognised by the task's origin and the templates below (as
those versions wrote them: frozen here) and become key + parameters; the title is then the
English rendering. A default tier's name or description, in either language, gets its key. A
title or name that matches nothing stays as typed.
"""

import json
import re
from typing import Any


# key -> the templates earlier versions wrote for it: English first
HEALTH = {
    "silent": ("Start a topic discussion in {group}", "在 {group} 发起一次话题讨论"),
    "quiet": ("Start a topic discussion in {group}", "在 {group} 发起一次话题讨论"),
    "mostly_silent": ("Wake up the silent members of {group}", "唤醒 {group} 里沉默的成员"),
    "broken_windows": ("Clear the open violations in {group}", "处理 {group} 的未结违规"),
    "no_rules": ("Write rules for {group}", "为 {group} 制定群规"),
    "thin_profile": ("Fill in the profile of {group}", "完善 {group} 的群资料"),
    "no_second_level": ("Appoint a helper in {group}", "为 {group} 任命一名骨干"),
    "helpers_stretched": ("Appoint another helper in {group}", "为 {group} 再任命一名骨干"),
    "helpers_neglected": ("Check in with the helpers of {group}", "和 {group} 的骨干沟通"),
    "no_meetup": ("Plan a meetup with {group}", "为 {group} 策划一次线下活动"),
    "topic": ("Start a topic discussion in {group}", "在 {group} 发起一次话题讨论"),
    "rules": ("Write rules for {group}", "为 {group} 制定群规"),
    "profile": ("Fill in the profile of {group}", "完善 {group} 的群资料"),
    "appoint_helper": ("Appoint a helper in {group}", "为 {group} 任命一名骨干"),
    "checkin": ("Check in with the helpers of {group}", "和 {group} 的骨干沟通"),
    "meetup": ("Plan a meetup with {group}", "为 {group} 策划一次线下活动"),
    "clear_violations": ("Clear the open violations in {group}", "处理 {group} 的未结违规"),
    "helper": ("Check in with {member}", "和 {member} 沟通"),
}
BAN = ("Remove {member} from {group}", "将 {member} 移出 {group}", "把{member}移出{group}")
PREP = ("Prepare the meetup “{title}”", "筹备线下活动“{title}”")
# (name key, names, description key, descriptions), as earlier versions created them
TIERS = (
    ("tier.core", ("Core", "核心"), "tier.core.about", ("Your inner circle", "最核心的伙伴")),
    (
        "tier.helpers",
        ("Helpers", "管理/骨干"),
        "tier.helpers.about",
        ("Admins, moderators, core members", "管理员、版主、骨干"),
    ),
    (
        "tier.active",
        ("Active", "活跃"),
        "tier.active.about",
        ("Members who take part", "经常参与的成员"),
    ),
    ("tier.members", ("Members", "普通"), "tier.members.about", ("Everyone else", "其他成员")),
)
FIELD = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    parts = FIELD.split(template)  # text, name, text, name, …, text
    out = "".join(
        re.escape(part) if n % 2 == 0 else f"(?P<{part}>.+?)" for n, part in enumerate(parts)
    )
    return re.compile(f"^{out}$", re.DOTALL)


def _recognise(
    title: str, templates: tuple[str, ...], known: dict[str, str]
) -> dict[str, str] | None:
    """The parameters of ``title`` written from one of ``templates``; None if it is not.

    The names the task points to (``known``) are tried first, then any text in their place.
    """
    for template in templates:
        try:
            if known and template.format(**known) == title:
                return {k: known[k] for k in FIELD.findall(template)}
        except KeyError:
            pass
    for template in templates:
        found = _pattern(template).match(title)
        if found and all(found.groupdict().values()):
            return found.groupdict()
    return None


def _task_key(origin: str) -> tuple[str, tuple[str, ...]] | None:
    """The key and templates a task's origin says its title was written from."""
    parts = origin.split(":")
    if parts[0] == "suggested" and len(parts) > 1:
        code = "helper" if parts[1] == "checkin" and len(parts) == 2 else parts[1]
    elif parts[0] == "health" and len(parts) == 2:
        code = parts[1]
    elif origin == "ban":
        return "ban.remove", BAN
    elif origin == "meetup":
        return "meetup.prep", PREP
    else:
        return None
    return (f"health.{code}", HEALTH[code]) if code in HEALTH else None


def _convert_tasks(db: Any) -> None:
    rows = db.execute_sql(
        "SELECT t.id, t.title, t.origin, g.name, m.name FROM task t"
        " LEFT JOIN chat_group g ON g.id = t.group_id LEFT JOIN member m ON m.id = t.member_id"
        " WHERE t.origin LIKE 'suggested:%' OR t.origin LIKE 'health:%'"
        " OR t.origin IN ('ban', 'meetup')"
    ).fetchall()
    updates = []
    for task_id, title, origin, group, member in rows:
        found = _task_key(origin)
        if found is None:
            continue
        key, templates = found
        known = {k: v for k, v in (("group", group), ("member", member)) if v is not None}
        params = _recognise(title, templates, known)
        if params is None:
            continue
        english = templates[0].format(**params)[:200]
        args = json.dumps(params, ensure_ascii=False, sort_keys=True)
        updates.append((english, key, args, task_id))
    db.cursor().executemany(
        'UPDATE "task" SET "title" = ?, "title_key" = ?, "title_args" = ? WHERE "id" = ?', updates
    )


def _convert_tiers(db: Any) -> None:
    for name_key, names, about_key, abouts in TIERS:
        db.execute_sql(
            f'UPDATE "tier" SET "name_key" = ? WHERE "name" IN ({", ".join("?" * len(names))})',
            (name_key, *names),
        )
        db.execute_sql(
            f'UPDATE "tier" SET "description_key" = ?'
            f' WHERE "description" IN ({", ".join("?" * len(abouts))})',
            (about_key, *abouts),
        )


def up(migrator: Any, db: Any) -> None:
    # with a default in the schema: the rows other code inserts without naming them get ""
    for table, column, kind in (
        ("task", "title_key", "VARCHAR(255)"),
        ("task", "title_args", "TEXT"),
        ("tier", "name_key", "VARCHAR(255)"),
        ("tier", "description_key", "VARCHAR(255)"),
    ):
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind} NOT NULL DEFAULT \'\'')
    _convert_tasks(db)
    _convert_tiers(db)


def down(migrator: Any, db: Any) -> None:
    migrator.migrate(
        migrator.drop_column("tier", "description_key"),
        migrator.drop_column("tier", "name_key"),
        migrator.drop_column("task", "title_args"),
        migrator.drop_column("task", "title_key"),
    )
