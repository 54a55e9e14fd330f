"""``huoqun health``: every group's score, status and findings, as lines or JSON."""

from __future__ import annotations

import argparse

from app.cli.opened_database import opened
from app.cli.words import Cli, padded
from app.core.errors import QT_TRANSLATE_NOOP


def run_health(args: argparse.Namespace) -> int:
    """Print every group's health: a line per group and its findings, or JSON."""
    import json

    from app.cli.words import sentence, translate
    from app.core import health, health_findings
    from app.core.errors import ValidationError

    if not args.db.is_file():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{path} does not exist; there is no community to check."),
            path=str(args.db),
        )
    with opened(args.db):
        groups = health.all_health()
    if args.json:
        data = [
            {
                "group_id": g.group_id,
                "name": g.name,
                "score": g.score,
                "status": g.status,
                "findings": [
                    {
                        "code": f.code,
                        "severity": f.severity,
                        "message": f.message,
                        "params": f.params,
                    }
                    for f in g.findings
                ],
            }
            for g in groups
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    statuses = {
        code: translate("Health", text) for code, text in health_findings.STATUS_WORDS.items()
    }
    severities = {code: Cli.tr(text) for code, text in SEVERITY_WORDS.items()}
    for g in groups:
        status = statuses.get(g.status, g.status)
        print(f"{g.score:3d} {padded(status, statuses.values())} {g.name}")
        for f in g.findings:
            severity = padded(severities.get(f.severity, f.severity), severities.values())
            print(f"      {severity} {sentence('Health', f.template, f.params)}")
    return 0


SEVERITY_WORDS = {
    "critical": QT_TRANSLATE_NOOP("Cli", "critical"),
    "warning": QT_TRANSLATE_NOOP("Cli", "warning"),
    "info": QT_TRANSLATE_NOOP("Cli", "info"),
    "good": QT_TRANSLATE_NOOP("Cli", "good"),
}
