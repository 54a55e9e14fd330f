"""No module of app imports another module's private names (those starting with "_")."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def private_imports() -> list[str]:
    found = []
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app"):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.append(f"{path.relative_to(APP.parent)}: {node.module}.{alias.name}")
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    assert private_imports() == []
