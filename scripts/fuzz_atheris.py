"""Coverage-guided fuzzing of the session and template loaders with atheris (optional).

atheris is not a dependency of the app or its tests; where it installs
(``pip install atheris``, Linux/macOS with a matching wheel), run e.g.::

    python scripts/fuzz_atheris.py session -runs=200000 -timeout=10
    python scripts/fuzz_atheris.py template -max_total_time=300

The first argument picks the loader; the rest go to libFuzzer. The corpus
starts from the bundled sample, the templates and generated near-valid inputs
(``tests/reliability/reliability_fuzz.py``), and every input must either load
(and save back to the same text) or be refused with the loader's own error.
Anything else — another exception, a hang past ``-timeout``, a crash of the
interpreter — makes libFuzzer stop with the input saved as ``crash-*`` or
``timeout-*``. The exit code is 0 when the runs ended without a finding.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reliability"))

with atheris.instrument_imports(include=["workshop_app", "yaml"]):
    from reliability_fuzz import check_session, check_template, fuzz_input


def _corpus(kind: str) -> str:
    """A folder of seed inputs: the bundled files and 200 generated ones."""
    folder = Path(tempfile.mkdtemp(prefix=f"fuzz-{kind}-"))
    bundled = ROOT / ("workshop_templates" if kind == "template" else "resources/samples")
    for number, path in enumerate(sorted(bundled.glob("*.yaml"))):
        (folder / f"bundled{number}").write_bytes(path.read_bytes())
    for seed in range(200):
        (folder / f"generated{seed}").write_bytes(fuzz_input(seed, kind))
    return str(folder)


def main() -> None:
    kind = sys.argv[1] if len(sys.argv) > 1 else ""
    if kind not in ("session", "template"):
        sys.exit("usage: fuzz_atheris.py session|template [libFuzzer options]")
    check = check_session if kind == "session" else check_template
    arguments = [sys.argv[0], *sys.argv[2:], _corpus(kind)]
    atheris.Setup(arguments, lambda data: check(data))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
