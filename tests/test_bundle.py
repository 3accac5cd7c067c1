"""The one-folder application carries every data folder the installed package has."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_bundle", ROOT / "scripts" / "build_bundle.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_adds_every_folder_the_wheel_force_includes(tmp_path: Path) -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    arguments = _build_script().pyinstaller_arguments(tmp_path / "dist", tmp_path / "work")

    added = {
        tuple(a.removeprefix("--add-data=").rsplit(":", 1))
        for a in arguments
        if a.startswith("--add-data=") and a.endswith(tuple(wheel.values()))
    }

    assert added == {(str(ROOT / source), target) for source, target in wheel.items()}


def test_the_bundle_starts_the_same_entry_point_as_workshop_app() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, function = config["project"]["scripts"]["workshop-app"].split(":")
    entry = (ROOT / "packaging" / "bundle_entry.py").read_text(encoding="utf-8")

    assert f"from {module} import {function}" in entry
    assert f"sys.exit({function}())" in entry
