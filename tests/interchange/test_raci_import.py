"""A client's RACI matrix becomes a session: exactly the relations it holds."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from workshop_app.analysis import find_ambiguities
from workshop_app.fileformat import load_session
from workshop_app.interchange import ImportRefused, import_session

MATRIX = [
    ["RACI", "Teamleitung", "Servicekraft", "Qualität"],
    ["Kulanz bis 50 €", "A", "r, c", None],
    ["Beschwerden", "i", "A/R", "C"],
    ["Retouren", None, None, None],
]
RELATIONS = {
    ("Teamleitung", "Kulanz bis 50 €", "accountable"),
    ("Servicekraft", "Kulanz bis 50 €", "responsible"),
    ("Servicekraft", "Kulanz bis 50 €", "consulted"),
    ("Teamleitung", "Beschwerden", "informed"),
    ("Servicekraft", "Beschwerden", "accountable"),
    ("Servicekraft", "Beschwerden", "responsible"),
    ("Qualität", "Beschwerden", "consulted"),
}


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], delimiter: str, encoding: str) -> Path:
    lines = (delimiter.join(_csv_cell(c, delimiter) for c in row) for row in rows)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _csv_cell(value: object, delimiter: str) -> str:
    text = "" if value is None else str(value)
    return f'"{text}"' if delimiter in text else text


def relations(session) -> set[tuple[str, str, str]]:
    return {(session.label(s), session.label(t), k) for s, t, k in session.graph.edges(keys=True)}


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(
    params=["xlsx", "csv-comma-utf8", "csv-semicolon-excel"],
)
def matrix_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "xlsx":
        return write_xlsx(tmp_path / "raci.xlsx", MATRIX)
    if request.param == "csv-comma-utf8":
        return write_csv(tmp_path / "raci.csv", MATRIX, ",", "utf-8")
    # German Excel: semicolons, Windows-1252.
    return write_csv(tmp_path / "raci.csv", MATRIX, ";", "cp1252")


def test_a_matrix_imports_to_exactly_its_relations(matrix_file: Path) -> None:
    session = import_session(matrix_file, "de")

    assert relations(session) == RELATIONS
    assert sorted(session.label(n) for n in session.graph) == sorted(
        ["Teamleitung", "Servicekraft", "Qualität", "Kulanz bis 50 €", "Beschwerden", "Retouren"]
    )
    assert session.language == "de"


def test_the_command_writes_a_session_that_loads_with_the_findings_it_implies(
    matrix_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "workshop.yaml"

    result = run_cli("import", matrix_file, "-o", out, "--lang", "en")

    assert result.returncode == 0, result.stderr
    session = load_session(out)
    assert relations(session) == RELATIONS
    # "Retouren" has no owner: the analysis says so, as it would for a drawn map.
    no_owner = [f for f in find_ambiguities(session) if f.code == "no-owner"]
    assert [session.label(s) for f in no_owner for s in f.subjects] == ["Retouren"]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_cell_that_is_not_raci_is_refused_naming_the_cell(suffix: str, tmp_path: Path) -> None:
    rows = [row[:] for row in MATRIX]
    rows[2][2] = "X"  # C3
    source = tmp_path / f"raci.{suffix}"
    if suffix == "xlsx":
        write_xlsx(source, rows)
    else:
        write_csv(source, rows, ",", "utf-8")
    out = tmp_path / "workshop.yaml"

    result = run_cli("import", source, "-o", out)

    assert result.returncode == 2
    assert "C3" in result.stderr and "'X'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_number_in_a_cell_is_refused_naming_the_cell(tmp_path: Path) -> None:
    rows = [row[:] for row in MATRIX]
    rows[1][3] = 3  # D2
    with pytest.raises(ImportRefused, match=r"D2: 3 is not one of A, R, C, I"):
        import_session(write_xlsx(tmp_path / "raci.xlsx", rows))


def test_the_refusal_reads_in_german(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "raci.csv", [["", "Lead"], ["Refunds", "ok"]], ",", "utf-8")
    with pytest.raises(ImportRefused) as refusal:
        import_session(source)
    assert refusal.value.message("de").endswith("B2: 'ok' ist keiner der Buchstaben A, R, C, I")


@pytest.mark.parametrize(
    ("rows", "place", "words"),
    [
        ([["", "Lead", "Lead"], ["Refunds", "A", ""]], "C1", "appears twice"),
        ([["", "Lead"], ["Refunds", "A"], ["refunds", "R"]], "A3", "appears twice"),
        ([["", "Lead", None], ["Refunds", "A", "R"]], "C2", "no role is named"),
        ([["", "Lead"], ["Refunds", "A"], [None, "R"]], "B3", "no responsibility is named"),
    ],
)
def test_a_matrix_that_cannot_be_read_unambiguously_is_refused(
    rows: list[list[object]], place: str, words: str, tmp_path: Path
) -> None:
    with pytest.raises(ImportRefused, match=f"{place}: .*{words}"):
        import_session(write_xlsx(tmp_path / "raci.xlsx", rows))


def test_an_empty_matrix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="holds no roles or responsibilities"):
        import_session(write_csv(tmp_path / "raci.csv", [["RACI"]], ",", "utf-8"))


def test_ids_are_readable_and_unique(tmp_path: Path) -> None:
    rows = [["", "Team-Leitung", "Team Leitung!"], ["Qualitätsprüfung", "A", "R"]]
    session = import_session(write_xlsx(tmp_path / "raci.xlsx", rows))
    assert sorted(session.graph) == ["r_team_leitung", "r_team_leitung_2", "x_qualitaetspruefung"]


def test_a_damaged_or_unpacking_workbook_is_refused(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportRefused, match="not a readable Excel workbook"):
        import_session(damaged)

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (80 * 1024 * 1024))
    with pytest.raises(ImportRefused, match="too large"):
        import_session(bomb)


def test_other_files_are_refused_naming_what_can_be_imported(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("A;R")
    with pytest.raises(ImportRefused, match=r"use \.graphml, \.xlsx, \.csv"):
        import_session(text)


def test_an_existing_session_is_not_overwritten(matrix_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "workshop.yaml"
    out.write_text("precious")

    result = run_cli("import", matrix_file, "-o", out)

    assert result.returncode == 2 and "exists already" in result.stderr
    assert out.read_text() == "precious"
