"""The command line: the window, and ``check`` / ``diff`` / ``export`` / ``walk`` / ``new``….

``workshop-app [FILE]`` opens the window; the sub-commands serve scripts and
CI. Exit codes of ``check`` are part of the product contract: 0 when no
``error`` finding is open, 1 when one is, 2 when the file cannot be loaded.
Nothing here imports Qt or reportlab until a command needs it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from workshop_app import __version__
from workshop_app.terminal import escape_controls

if TYPE_CHECKING:
    from workshop_app.analysis import Finding
    from workshop_app.domain import Session

__all__ = ["main"]

EXIT_OK, EXIT_OPEN_ERRORS, EXIT_UNUSABLE = 0, 1, 2
_COMMANDS = ("check", "diff", "export", "import", "layout", "new", "templates", "walk")
_PAGE_SIZES = {"a4": "A4", "letter": "Letter"}


class _Refused(Exception):
    """A command cannot go on; the message is for the user, the code for the shell."""

    def __init__(self, message: str, code: int = EXIT_UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop-app",
        description="Responsibility Map: map a customer-service team's priorities, "
        "responsibilities and escalation paths, and see what is ambiguous.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate a session and list its findings")
    check.add_argument("file", type=Path, metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")

    diff = commands.add_parser("diff", help="what changed from one workshop's session to the next")
    diff.add_argument(
        "files", type=Path, nargs="+", metavar="FILE",
        help="OLD NEW; or three or more sessions in workshop order for a stability table",
    )  # fmt: skip
    diff.add_argument("--format", choices=("text", "json"), default="text")

    export = commands.add_parser("export", help="write the PDF workshop protocol")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    export.add_argument("--lang", choices=("de", "en"), help="protocol language")
    export.add_argument("--pagesize", choices=("a4", "letter"), default="a4")
    export.add_argument(
        "--since", type=Path, metavar="OLD.yaml",
        help="the last workshop's session: the protocol says what changed since",
    )  # fmt: skip

    imports = commands.add_parser(
        "import", help="a session from GraphML or a RACI matrix (.xlsx, .csv)"
    )
    imports.add_argument("input", type=Path, metavar="IN")
    imports.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    imports.add_argument("--lang", choices=("de", "en"), help="the session's language")
    imports.add_argument("--force", action="store_true", help="overwrite an existing file")

    new = commands.add_parser("new", help="start a session from a workshop template")
    new.add_argument("--template", required=True, metavar="NAME")
    new.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")

    commands.add_parser("templates", help="list the bundled workshop templates")

    walk = commands.add_parser(
        "walk", help="walk the session's cases: who decides, or where it stalls"
    )
    walk.add_argument("file", type=Path, metavar="FILE")
    walk.add_argument("--case", metavar="ID", help="walk only this case")

    layout = commands.add_parser("layout", help="the map's geometry (boxes and routes) as JSON")
    layout.add_argument("file", type=Path, metavar="FILE")
    layout.add_argument("-o", "--output", type=Path, metavar="OUT.json", help="default: stdout")
    walk.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workshop-app",
        description="Open the Responsibility Map window. "
        f"Commands for scripts: {', '.join(_COMMANDS)} (workshop-app COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("file", type=Path, nargs="?", metavar="FILE", help="session to open")
    return parser


def _load(path: Path) -> Session:
    from workshop_app.fileformat import SessionFormatError, load_session

    try:
        return load_session(path)
    except SessionFormatError as error:  # read failures included: the loader names them
        raise _Refused(str(error)) from None


def _check(args: argparse.Namespace) -> int:
    from workshop_app.analysis import find_ambiguities

    session = _load(args.file)
    findings = find_ambiguities(session)
    if args.format == "json":
        json.dump([f.to_json() for f in findings], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_findings(args.file, session, findings)
    open_errors = any(f.severity == "error" and not f.accepted for f in findings)
    return EXIT_OPEN_ERRORS if open_errors else EXIT_OK


def _print_findings(path: Path, session: Session, findings: list[Finding]) -> None:
    from workshop_app._cli_de import GERMAN
    from workshop_app.i18n import counter, translator

    _, n_ = translator(GERMAN, session.language), counter(session.language)
    counts = Counter(f.severity.value for f in findings if not f.accepted)
    _print(
        _(
            "{file}: {nodes}, {edges}; open: {errors}, {warnings}, {infos}; {accepted} accepted"
        ).format(
            file=path.name,
            nodes=n_(session.graph.number_of_nodes(), "node"),
            edges=n_(session.graph.number_of_edges(), "edge"),
            errors=n_(counts["error"], "error"),
            warnings=n_(counts["warning"], "warning"),
            infos=n_(counts["info"], "note"),
            accepted=sum(f.accepted for f in findings),
        )
    )
    for finding in findings:
        status = _(" (accepted)") if finding.accepted else ""
        _print(f"{finding.severity.value:<8} {finding.code}{status}: {finding.message}")


def _print(text: object, file: TextIO | None = None) -> None:
    """Print text for a terminal: user text in it shows its control characters as escapes."""
    print(escape_controls(str(text)), file=file or sys.stdout)


def _refuse_own_input(source: Path, output: Path, what: str = "the session being exported") -> None:
    """An export never replaces the file it is made from (``export S.yaml -o S.yaml``)."""
    from workshop_app.fileformat.atomic import resolve_target

    same = os.path.realpath(resolve_target(source)) == os.path.realpath(resolve_target(output))
    if not same and output.exists():
        with contextlib.suppress(OSError):
            same = output.samefile(source)
    if same:
        raise _Refused(f"{output}: is {what}; choose another output file")


def _diff(args: argparse.Namespace) -> int:
    from workshop_app.compare.command import UnreadableSession, diff_command

    if len(args.files) < 2:
        raise _Refused("diff compares two session files (OLD NEW) or a series of three or more")
    try:
        return diff_command(args.files, args.format, sys.stdout)
    except UnreadableSession as error:
        raise _Refused(str(error)) from None


def _export(args: argparse.Namespace) -> int:
    from workshop_app.fileformat import SaveError
    from workshop_app.interchange import EXPORT_SUFFIXES
    from workshop_app.protocol import PROTOCOL_SUFFIXES, export_protocol

    _refuse_own_input(args.file, args.output)
    suffix = args.output.suffix.lower()
    if suffix in EXPORT_SUFFIXES:
        return _export_for_tools(args)
    if suffix not in PROTOCOL_SUFFIXES:
        choices = ", ".join((*PROTOCOL_SUFFIXES, *EXPORT_SUFFIXES))
        raise _Refused(f"{args.output}: its suffix says what to write; choose one of {choices}")
    session = _load(args.file)
    previous = _previous(args.since)
    try:
        missing = export_protocol(
            session,
            args.output,
            language=args.lang,
            pagesize=_PAGE_SIZES[args.pagesize],
            previous=previous,
        )
    except SaveError as error:
        raise _Refused(str(error)) from None
    if missing:
        _warn_missing(missing, args.lang or session.language)
    _print(args.output)
    return EXIT_OK


def _warn_missing(characters: list[str], language: str) -> None:
    from workshop_app._cli_de import GERMAN
    from workshop_app.i18n import translator
    from workshop_app.protocol import character_names

    _ = translator(GERMAN, language)
    text = _("warning: no bundled font has these characters; they print as gaps: {characters}")
    _print(f"workshop-app: {text.format(characters=character_names(characters))}", sys.stderr)


def _previous(path: Path | None) -> Session | None:
    """The session given with ``--since``; a refusal says it is that file."""
    if path is None:
        return None
    try:
        return _load(path)
    except _Refused as refusal:
        raise _Refused(f"--since: {refusal}") from None


def _layout(args: argparse.Namespace) -> int:
    from workshop_app.fileformat.atomic import write_atomic
    from workshop_app.layout import map_geometry

    session = _load(args.file)
    text = json.dumps(map_geometry(session).to_json(), ensure_ascii=False, indent=1)
    if args.output is None:
        sys.stdout.write(text + "\n")
        return EXIT_OK
    _refuse_own_input(args.file, args.output)
    try:
        write_atomic(args.output, (text + "\n").encode("utf-8"))
    except OSError as error:
        raise _Refused(
            f"{args.output}: cannot write the layout ({error.strerror or error})"
        ) from None
    _print(args.output)
    return EXIT_OK


def _export_for_tools(args: argparse.Namespace) -> int:
    """The map or the tables for other tools, by the output's suffix."""
    from workshop_app.fileformat import SaveError
    from workshop_app.interchange import export_for_tools

    session = _load(args.file)
    try:
        export_for_tools(session, args.output, args.lang)
    except SaveError as error:
        raise _Refused(str(error)) from None
    _print(args.output)
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from workshop_app.fileformat import SaveError, save_session
    from workshop_app.templates import TemplateError, session_from_template

    if args.output.exists() and not args.force:
        raise _Refused(f"{args.output}: exists already (use --force to overwrite it)")
    try:
        session = session_from_template(args.template)
        save_session(session, args.output)
    except (TemplateError, SaveError) as error:
        raise _Refused(str(error)) from None
    _print(args.output)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from workshop_app.fileformat import SaveError, SessionFormatError, save_session
    from workshop_app.interchange import ImportRefused, import_session

    _refuse_own_input(args.input, args.output, "the file being imported")
    if args.output.exists() and not args.force:
        raise _Refused(f"{args.output}: exists already (use --force to overwrite it)")
    try:
        session = import_session(args.input, args.lang or "en")
        save_session(session, args.output)
    except (ImportRefused, SessionFormatError, SaveError) as error:
        raise _Refused(str(error)) from None
    _print(args.output)
    return EXIT_OK


def _templates(_args: argparse.Namespace) -> int:
    from workshop_app.templates import list_templates

    for info in list_templates():
        _print(f"{info.name:<32} {info.language}  {info.title}")
    return EXIT_OK


def _walk(args: argparse.Namespace) -> int:
    from workshop_app.cases import CaseError
    from workshop_app.cases.report import walk_command

    session = _load(args.file)
    try:
        return walk_command(session, args.file.name, args.case, args.format, sys.stdout)
    except CaseError as error:
        raise _Refused(f"{args.file}: {error}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in (*_COMMANDS, "-h", "--help", "--version"):
        gui_args = _gui_parser().parse_args(args_list)
        # A large file is read in a child process while the window's modules
        # load and the window is built (workshop_app.fileformat.ahead).
        from workshop_app.fileformat.ahead import ReadAhead

        ahead = ReadAhead.start(gui_args.file) if gui_args.file is not None else None
        from workshop_app.ui.app import run

        return run(gui_args.file, ahead)
    args = _parser().parse_args(args_list)
    if args.command is None:
        _parser().print_help()
        return EXIT_OK
    handler = {
        "check": _check,
        "diff": _diff,
        "export": _export,
        "import": _import,
        "layout": _layout,
        "new": _new,
        "templates": _templates,
        "walk": _walk,
    }
    try:
        return handler[args.command](args)
    except _Refused as refusal:
        _print(f"workshop-app: {refusal}", file=sys.stderr)
        return refusal.code
