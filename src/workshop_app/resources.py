"""One accessor for the files the app needs at run time (fonts, templates).

In an installed package they live inside ``workshop_app/`` (the wheel maps the
repository's top-level ``resources/`` and ``workshop_templates/`` there, see
``pyproject.toml``). In an editable install from a checkout, the package
folder is ``src/workshop_app`` and the same folders are found beside ``src``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ResourceNotFoundError", "resource_path", "templates_dir"]

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_DIR = _PACKAGE_DIR.parent.parent


class ResourceNotFoundError(FileNotFoundError):
    """A bundled file is missing: the installation is incomplete."""


def _data_dir(name: str) -> Path:
    for base in (_PACKAGE_DIR, _CHECKOUT_DIR):
        if (base / name).is_dir():
            return base / name
    raise ResourceNotFoundError(
        f"The folder {name!r} is missing from the installation of workshop_app "
        f"(looked in {_PACKAGE_DIR} and {_CHECKOUT_DIR}); reinstall the package."
    )


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``.

    Raises :class:`ResourceNotFoundError` naming the files that do exist
    next to the one asked for.
    """
    path = _data_dir("resources").joinpath(*parts)
    if not path.exists():
        known = sorted(p.name for p in path.parent.iterdir()) if path.parent.is_dir() else []
        raise ResourceNotFoundError(
            f"No bundled resource {'/'.join(parts)!r}; known here: {', '.join(known) or 'none'}"
        )
    return path


def templates_dir() -> Path:
    """The folder of the bundled workshop templates."""
    return _data_dir("workshop_templates")
