"""Fuzz inputs for the session loader and the template loader, and the checks.

:func:`fuzz_input` makes one hostile input from a seed: a near-valid session
or template (the right keys, wrong values in random places) written as YAML
with random styles and tricks (tags, anchors, aliases, merge keys, a second
document, directives, deep nesting, odd scalars), then sometimes mutated
byte by byte. :func:`check_session` and :func:`check_template` feed it to a
loader: the only acceptable outcomes are a loaded result that saves and loads
back the same, or the loader's own clear error. Anything else raises.

``python reliability_fuzz.py FIRST COUNT`` checks the inputs of seeds FIRST
to FIRST+COUNT-1 in this process, prints ``ok <executions> <loaded>`` and
exits 0; on an unexpected exception it prints the seed and traceback and
exits 3. The long trial runs it in child processes, so that a segfault or a
hang shows as the child's end, not the trial's.
"""

from __future__ import annotations

import random
import sys
import traceback
from typing import Any

from workshop_app.domain import ALLOWED_ENDS, EdgeKind, NodeKind
from workshop_app.fileformat import SessionFormatError, dumps_session, loads_session
from workshop_app.templates import TemplateError, parse_template

NODE_KINDS = ("priority", "role", "responsibility", "guardrail", "prio", "")
EDGE_KINDS = ("accountable", "responsible", "consulted", "informed", "escalates_to", "serves",
              "outranks", "conflicts_with", "bounded_by", "deputy_of", "owns")  # fmt: skip
NAMES = ("format", "version", "meta", "nodes", "edges", "actions", "reviews", "id", "kind",
         "label", "notes", "position", "rank", "load", "decision_limit", "reconfirm", "critical",
         "good_enough", "source", "target", "trigger", "title", "language", "participants",
         "name", "role", "text", "owner", "due", "status", "code", "subjects", "note", "phases",
         "phase", "minutes", "questions", "starter", "description", "<<", "?", "-", "")  # fmt: skip
SCALARS = ("~", "null", "NULL", "true", "True", "yes", "NO", "off", "0", "-0", "010", "0x1F",
           "0o17", "1_000", "1e400", "-1e400", ".inf", ".nan", "1.0", "2026-11-26",
           "2026-11-26T10:00:00Z", "12:30:00", "=", "!!python/object:os.system", "!!binary AAAA",
           "&a x", "*a", "<b>x</b>", "@", "`", "%", "'", '"', "\\", "\t", "\u2028", "\ufeff",
           "\x85", "\U0001f600", "Ünïcødé", "κ", "ж", "漢字", "\ud800", "\x00", "\x1b[31m",
           "9" * 5000, "x" * 70000)  # fmt: skip
TRICKS = ("--- \n", "...\n", "%YAML 1.1\n---\n", "%TAG ! tag:x:\n---\n", "\ufeff",
          "&anchor ", "*anchor", "<<: *anchor\n", "!!python/name:os.system ", "!!map ",
          "!custom ", "? [a, b]\n: c\n", "{[1]: 2}", "[" * 200, "{a: " * 70, "- " * 80,
          "\t", "\r\n", "\r", "# comment\n", "|\n  block\n", ">-\n  folded\n", "'\n", '"\\x',
          '"\\U0010FFFF"', '"\\ud800"', "\x00", "\x7f", "\udcff")  # fmt: skip


def _scalar(rng: random.Random) -> Any:
    choice = rng.random()
    if choice < 0.3:
        return rng.choice(SCALARS)
    if choice < 0.5:
        return rng.choice((0, 1, -1, 200, 201, 2**31, 2**64, 1.5, float("nan"), True, None))
    if choice < 0.6:
        return rng.choice(NODE_KINDS + EDGE_KINDS)
    return "".join(
        rng.choice("abcxyz_-. 0129:#&*!|>'\"{}[],?ÄßΩЖ\n") for _ in range(rng.randrange(12))
    )


def _value(rng: random.Random, depth: int) -> Any:
    if depth <= 0 or rng.random() < 0.55:
        return _scalar(rng)
    if rng.random() < 0.5:
        return [_value(rng, depth - 1) for _ in range(rng.randrange(4))]
    return {rng.choice(NAMES): _value(rng, depth - 1) for _ in range(rng.randrange(4))}


def _perturb(rng: random.Random, data: Any, rate: float) -> Any:
    """``data`` with some values, keys and entries replaced by wrong ones."""
    if isinstance(data, dict):
        out = {}
        for key, item in data.items():
            if rng.random() < rate / 3:
                continue
            name = rng.choice(NAMES) if rng.random() < rate / 3 else key
            out[name] = _value(rng, 3) if rng.random() < rate else _perturb(rng, item, rate)
        return out
    if isinstance(data, list):
        items = [_perturb(rng, item, rate) for item in data if rng.random() > rate / 4]
        if rng.random() < rate and items:
            items.append(rng.choice(items))  # duplicate ids, duplicate edges
        return items
    return _value(rng, 2) if rng.random() < rate else data


def session_skeleton(rng: random.Random) -> dict[str, Any]:
    """A valid session (its edges join the kinds the format allows), to spoil."""
    kinds = {f"n{i}": NodeKind(rng.choice(NODE_KINDS[:4])) for i in range(rng.randrange(1, 8))}
    nodes = [{"id": n, "kind": k.value, "label": f"Knoten {n}"} for n, k in kinds.items()]
    edges = {}
    for _ in range(rng.randrange(8)):
        kind = rng.choice(list(EdgeKind))
        sources, targets = ALLOWED_ENDS[kind]
        ends = [[n for n, k in kinds.items() if k in allowed] for allowed in (sources, targets)]
        if all(ends):
            source, target = rng.choice(ends[0]), rng.choice(ends[1])
            if source != target:
                edges[source, target, kind] = {
                    "source": source,
                    "target": target,
                    "kind": kind.value,
                }
    first = next(iter(kinds))
    return {
        "format": "workshop-session",
        "version": 1,
        "meta": {"title": "T", "language": rng.choice(("de", "en")),
                 "participants": [{"name": "A", "role": "B"}]},
        "nodes": nodes,
        "edges": list(edges.values()),
        "actions": [{"id": "a1", "text": "Tun", "owner": first, "due": "2027-01-15"}],
        "reviews": [{"code": "no-owner", "subjects": [first], "status": "accepted"}],
    }  # fmt: skip


def template_skeleton(rng: random.Random) -> dict[str, Any]:
    data = session_skeleton(rng)
    phase = {"id": "p1", "title": "Phase", "minutes": rng.choice((1, 30, 480, 481, 0)),
             "questions": ["Warum?"]}  # fmt: skip
    return {
        "name": "fuzz",
        "title": "Fuzz",
        "language": rng.choice(("de", "en")),
        "description": "Text",
        "phases": [phase, dict(phase, id="p2")],
        "starter": {"nodes": data["nodes"], "edges": data["edges"]},
    }


def render(rng: random.Random, data: Any, indent: str = "", flow: bool = False) -> str:
    """``data`` as YAML in random styles; may be invalid YAML on purpose."""
    if rng.random() < 0.004:
        return rng.choice(TRICKS) + render(rng, data, indent, flow)
    if isinstance(data, dict) and data:
        if flow or rng.random() < 0.3:
            pairs = (
                f"{_text(rng, str(k))}: {render(rng, v, indent, True)}" for k, v in data.items()
            )
            return "{" + ", ".join(pairs) + "}"
        lines = [f"{indent}{_text(rng, str(k))}:" + _block(rng, v, indent) for k, v in data.items()]
        return "\n" + "\n".join(lines) if indent else "\n".join(lines) + "\n"
    if isinstance(data, list) and data:
        if flow or rng.random() < 0.4:
            return "[" + ", ".join(render(rng, v, indent, True) for v in data) + "]"
        return "\n" + "\n".join(f"{indent}- {render(rng, v, indent + '  ', True)}" for v in data)
    if isinstance(data, dict | list):
        return "{}" if isinstance(data, dict) else "[]"
    return _text(rng, data)


def _block(rng: random.Random, value: Any, indent: str) -> str:
    text = render(rng, value, indent + "  ")
    return text if text.startswith("\n") else " " + text


def _text(rng: random.Random, value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, int | float):
        return repr(value)
    if rng.random() < 0.5:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return value


def mutate(rng: random.Random, data: bytes) -> bytes:
    """A few random byte insertions, deletions, replacements and splices."""
    buffer = bytearray(data)
    for _ in range(rng.randrange(1, 6)):
        at = rng.randrange(len(buffer) + 1)
        choice = rng.random()
        if choice < 0.3 and buffer:
            buffer[min(at, len(buffer) - 1)] = rng.randrange(256)
        elif choice < 0.6:
            buffer[at:at] = rng.choice(TRICKS).encode("utf-8", "surrogatepass")
        elif choice < 0.8:
            del buffer[at : at + rng.randrange(1, 9)]
        else:
            start = rng.randrange(len(buffer) + 1)
            buffer[at:at] = buffer[start : start + rng.randrange(1, 40)]
    return bytes(buffer)


def fuzz_input(seed: int, kind: str = "session") -> bytes:
    """One input for the ``session`` or ``template`` loader, the same for the same seed."""
    rng = random.Random(f"{kind}:{seed}")
    skeleton = session_skeleton(rng) if kind == "session" else template_skeleton(rng)
    data = _perturb(rng, skeleton, rng.choice((0.0, 0.0, 0.02, 0.05, 0.2)))
    text = render(rng, data).encode("utf-8", "surrogatepass")
    return mutate(rng, text) if rng.random() < 0.25 else text


def check_session(data: bytes) -> bool:
    """Load ``data`` as a session file: True if it loaded (and round-trips), False if refused."""
    try:
        session = loads_session(data, source="fuzz.yaml")
    except SessionFormatError as error:
        message = error.message("de")
        assert "\n" not in message and message.startswith("fuzz.yaml"), message
        return False
    text = dumps_session(session)
    assert dumps_session(loads_session(text)) == text
    return True


def check_template(data: bytes) -> bool:
    """Read ``data`` as a template: True if it was accepted, False if refused."""
    try:
        parse_template(data, "fuzz.yaml")
    except TemplateError as error:
        assert "\n" not in str(error) and str(error).startswith("fuzz.yaml"), str(error)
        return False
    return True


def main(first: int, count: int) -> int:
    loaded = 0
    for seed in range(first, first + count):
        for kind, check in (("session", check_session), ("template", check_template)):
            data = fuzz_input(seed, kind)
            try:
                loaded += check(data)
            except BaseException:
                print("failed", kind, seed, repr(data[:300]), flush=True)
                traceback.print_exc(file=sys.stdout)
                return 3
    print("ok", 2 * count, loaded, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), int(sys.argv[2])))
