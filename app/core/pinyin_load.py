"""pypinyin's dictionaries loaded without freezing the window.

pypinyin reads its two dictionaries when it is first imported, each with one ``json.loads``
of the whole file (3.3 MB): one C call that holds the GIL for 0.2 s or more, so whichever
thread imports it (an import job creating members, say) stops the window that long. Here the
same files are read a few entries at a time (ijson: the GIL is let go between entries) into
the modules pypinyin would have made, before pypinyin is imported; pypinyin then finds them
loaded. When the files are not where this version of pypinyin keeps them, pypinyin loads
them itself.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import types
from pathlib import Path
from typing import Any

import ijson

__all__ = ["load_gently"]

_lock = threading.Lock()
_MODULES = {"pinyin_dict": True, "phrases_dict": False}  # name: its keys are code points


def load_gently() -> None:
    """Make pypinyin's dictionary modules from their files, unless pypinyin has them."""
    if "pypinyin.phrases_dict" in sys.modules:
        return
    with _lock:
        if "pypinyin.phrases_dict" in sys.modules:
            return
        spec = importlib.util.find_spec("pypinyin")  # finds the package without importing it
        folders = (spec.submodule_search_locations or []) if spec else []
        if not folders:
            return
        folder = Path(next(iter(folders)))
        files = {name: folder / f"{name}.json" for name in _MODULES}
        if not all(f.is_file() for f in files.values()):
            return
        made = {name: _module(name, files[name], ints) for name, ints in _MODULES.items()}
        for name, module in made.items():
            sys.modules.setdefault(f"pypinyin.{name}", module)


def _module(name: str, path: Path, int_keys: bool) -> types.ModuleType:
    table: dict[Any, Any] = {}
    with path.open("rb") as fh:
        for key, value in ijson.kvitems(fh, ""):
            table[int(key) if int_keys else key] = value
    module = types.ModuleType(f"pypinyin.{name}")
    module.__file__ = str(path.with_suffix(".py"))
    module._json_path = str(path)  # type: ignore[attr-defined]
    setattr(module, name, table)
    return module
