"""The layers: ``core``, ``store`` and ``io`` never import Qt or the window code; ``io`` never
imports ``core``, ``store`` or ``reports``; nothing imports ``app.cli``."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PURE_PACKAGES = ("core", "store", "io")
FORBIDDEN = ("PySide6", "shiboken6", "qasync", "app.ui")


def _package_of(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts[:-1])


def _imports(source: str, package: str) -> list[tuple[int, str]]:
    """Every module name ``source`` (a module of ``package``) imports, with its line.

    Imports inside functions and ``importlib.import_module("…")`` calls count too.
    """
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts)


def _is_under(module: str, names: tuple[str, ...]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in names)


def _sources() -> list[Path]:
    return sorted(p for pkg in PURE_PACKAGES for p in (REPO / "app" / pkg).rglob("*.py"))


def test_the_pure_packages_have_sources() -> None:
    names = {p.relative_to(REPO).as_posix() for p in _sources()}
    assert "app/core/members.py" in names
    assert "app/store/database.py" in names


def test_the_import_scan_sees_every_way_of_importing_qt() -> None:
    source = (
        "import PySide6.QtCore\n"
        "from PySide6 import QtGui\n"
        "def f():\n"
        "    from ..ui import main_window\n"
        "    from . import members\n"
        "    import importlib\n"
        "    importlib.import_module('app.ui.app')\n"
    )
    found = [m for _, m in _imports(source, "app.core") if _is_forbidden(m)]
    assert "PySide6.QtCore" in found
    assert "PySide6" in found
    assert "app.ui" in found
    assert "app.ui.main_window" in found
    assert "app.ui.app" in found
    assert not _is_forbidden("app.core.members")
    assert not _is_forbidden("app.uikit")


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_qt_or_ui_import(path: Path) -> None:
    imports = _imports(path.read_text(encoding="utf-8"), _package_of(path))
    bad = [f"line {line}: {module}" for line, module in imports if _is_forbidden(module)]
    assert not bad, f"{path.relative_to(REPO)} imports {bad}"


def test_importing_the_services_loads_no_qt() -> None:
    modules = [
        "app.core.members",
        "app.core.member_list",
        "app.core.groups",
        "app.core.database",
        "app.core.settings",
        "app.core.tiers",
        "app.store.database",
        "app.store.models",
        "app.core.roster_import",
        "app.core.roster_export",
        "app.core.meetup_calendar",
        "app.core.json_export",
        "app.sample.demo",
    ]
    modules += sorted(
        _module_name(p) for p in (REPO / "app" / "io").rglob("*.py") if p.stem != "__init__"
    )
    modules.append("app.io")
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'qasync') or m.startswith('app.ui'))\n"
        "print(','.join(loaded))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt loaded by the services: {result.stdout.strip()}"


def _app_sources(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (REPO / "app" / folder).rglob("*.py"))


def _under(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


@pytest.mark.parametrize(
    "path", _app_sources("store"), ids=lambda p: p.relative_to(REPO).as_posix()
)
def test_store_imports_nothing_else_of_app(path: Path) -> None:
    imports = _imports(path.read_text(encoding="utf-8"), _package_of(path))
    bad = [
        f"line {line}: {module}"
        for line, module in imports
        if _under(module, "app") and not _under(module, "app.store")
    ]
    assert not bad, f"{path.relative_to(REPO)} imports {bad}"


def _ui_and_cli() -> list[Path]:
    return _app_sources("ui", "cli")


@pytest.mark.parametrize("path", _ui_and_cli(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_the_ui_and_the_cli_reach_the_database_only_through_core(path: Path) -> None:
    imports = _imports(path.read_text(encoding="utf-8"), _package_of(path))
    bad = [f"line {line}: {module}" for line, module in imports if _under(module, "app.store")]
    assert not bad, f"{path.relative_to(REPO)} imports {bad}"


@pytest.mark.parametrize(
    "path", _app_sources("sample"), ids=lambda p: p.relative_to(REPO).as_posix()
)
def test_the_sample_writes_only_through_core(path: Path) -> None:
    imports = _imports(path.read_text(encoding="utf-8"), _package_of(path))
    bad = [f"line {line}: {module}" for line, module in imports if _under(module, "app.store")]
    assert not bad, f"{path.relative_to(REPO)} imports {bad}"


def test_the_import_scan_sees_a_lazy_store_import_and_a_relative_one() -> None:
    source = "def f():\n    from ..store import models\n    from app.store.database import db\n"
    found = [m for _, m in _imports(source, "app.ui") if _under(m, "app.store")]
    assert "app.store" in found and "app.store.models" in found
    assert "app.store.database.db" in found
    assert not _under("app.storefront", "app.store")


IO_MAY_NOT_IMPORT = ("app.core", "app.store", "app.reports")


def _io_sources() -> list[Path]:
    return sorted((REPO / "app" / "io").rglob("*.py"))


def test_io_has_its_roster_readers() -> None:
    names = {p.relative_to(REPO).as_posix() for p in _io_sources()}
    assert "app/io/rosters/file.py" in names
    assert "app/io/atomic_file.py" in names


def test_the_scan_sees_io_reaching_up_by_any_import() -> None:
    source = (
        "from app.core import members\n"
        "def f():\n"
        "    from ...store.models import db\n"
        "    import app.reports.roster_pdf\n"
        "    importlib.import_module('app.core.groups')\n"
    )
    found = {m for _, m in _imports(source, "app.io.rosters") if _is_under(m, IO_MAY_NOT_IMPORT)}
    assert {"app.core", "app.store.models", "app.reports.roster_pdf", "app.core.groups"} <= found
    assert not _is_under("app.io.cells", IO_MAY_NOT_IMPORT)
    assert not _is_under("app.corex", IO_MAY_NOT_IMPORT)


@pytest.mark.parametrize("path", _io_sources(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_io_imports_neither_core_nor_store_nor_reports(path: Path) -> None:
    imports = _imports(path.read_text(encoding="utf-8"), _package_of(path))
    bad = [f"line {n}: {m}" for n, m in imports if _is_under(m, IO_MAY_NOT_IMPORT)]
    assert not bad, f"{path.relative_to(REPO)} imports {bad}"


def test_importing_io_loads_neither_core_nor_store_nor_reports() -> None:
    modules = sorted(_module_name(p) for p in _io_sources() if p.stem != "__init__")
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"names = {IO_MAY_NOT_IMPORT!r}\n"
        "print(','.join(sorted(m for m in sys.modules if any(m == n or m.startswith(n + '.')"
        " for n in names))))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"io loaded: {result.stdout.strip()}"


def _all_app_sources() -> list[Path]:
    return sorted((REPO / "app").rglob("*.py"))


@pytest.mark.parametrize("path", _all_app_sources(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_nothing_imports_the_command_line(path: Path) -> None:
    if path == REPO / "app" / "__main__.py":  # python -m app → cli.main(): the way in
        return
    if path.is_relative_to(REPO / "app" / "cli"):  # the command line's own modules
        return
    imports = _imports(path.read_text(encoding="utf-8"), _package_of(path))
    bad = [f"line {n}: {m}" for n, m in imports if _is_under(m, ("app.cli",))]
    assert not bad, f"{path.relative_to(REPO)} imports {bad}"


def test_the_command_line_has_its_modules() -> None:
    names = {p.relative_to(REPO).as_posix() for p in _ui_and_cli()}
    assert {"app/cli/__init__.py", "app/cli/parser.py", "app/cli/words.py"} <= names


def test_the_scan_sees_any_import_of_the_command_line() -> None:
    source = "from app import cli\ndef f():\n    from app.cli.words import Cli\n"
    found = [m for _, m in _imports(source, "app.ui")]
    assert _is_under("app.cli", ("app.cli",))
    assert any(m == "app.cli" for m in found)  # "app.cli" from "from app import cli"
    assert any(m == "app.cli.words" for m in found)  # its words are the command line's too
    assert not _is_under("app.client", ("app.cli",))


PANEL_FOLDERS = ("today", "groups", "members", "pyramid", "rules", "meetups", "queue", "settings")


def _panel_sources() -> list[Path]:
    return sorted(p for name in PANEL_FOLDERS for p in (REPO / "app" / "ui" / name).rglob("*.py"))


@pytest.mark.parametrize("path", _panel_sources(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_panel_reaches_into_another(path: Path) -> None:
    """Panels share ui/widgets and the wizards in ui/imports; what one writes reaches the
    others as an announcement (ui/changes.py), never through their widgets."""
    own = path.relative_to(REPO / "app" / "ui").parts[0]
    others = tuple(f"app.ui.{name}" for name in PANEL_FOLDERS if name != own)
    imports = _imports(path.read_text(encoding="utf-8"), _package_of(path))
    bad = [f"line {n}: {m}" for n, m in imports if _is_under(m, others)]
    assert not bad, f"{path.relative_to(REPO)} imports {bad}"
