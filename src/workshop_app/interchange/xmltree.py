"""A small, strict XML tree with line numbers, for files from other tools.

Built on expat directly so that every element knows its line (messages name
the place) and so that what makes XML dangerous is refused before it can
act: a document type declaration (entities, external references) is
refused outright, and the nesting depth and the number of elements are
bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.parsers import expat

from workshop_app.interchange.errors import ImportRefused

__all__ = ["Element", "parse_xml"]

MAX_DEPTH = 64
MAX_ELEMENTS = 2_000_000


@dataclass
class Element:
    """An element: its tag without namespace, its namespace, attributes, text, children, line."""

    tag: str
    namespace: str
    attributes: dict[str, str]
    line: int
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def all(self, tag: str) -> list[Element]:
        """The children called ``tag`` (any namespace)."""
        return [child for child in self.children if child.tag == tag]

    def iter(self, tag: str) -> list[Element]:
        """Every element called ``tag`` below this one, in document order."""
        found: list[Element] = []
        stack = list(reversed(self.children))
        while stack:
            element = stack.pop()
            if element.tag == tag:
                found.append(element)
            stack.extend(reversed(element.children))
        return found


def parse_xml(data: bytes, source: str) -> Element:
    """The root element of ``data``.

    Raises
    ------
    ImportRefused
        For text that is not well-formed XML (naming the line), a document
        type declaration, or a tree too deep or too large.
    """
    builder = _Builder(source)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.text
    parser.StartDoctypeDeclHandler = builder.doctype
    parser.EntityDeclHandler = builder.doctype
    builder.parser = parser
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise ImportRefused(
            "is not well-formed XML ({detail})",
            source=source,
            place=_line(error.lineno),
            detail=expat.ErrorString(error.code),
        ) from None
    if builder.root is None:
        raise ImportRefused("holds no XML element", source=source)
    return builder.root


def _line(number: int) -> str:
    return f"line {number}"


class _Builder:
    def __init__(self, source: str) -> None:
        self.source = source
        self.parser: expat.XMLParserType | None = None
        self.root: Element | None = None
        self.stack: list[Element] = []
        self.texts: list[list[str]] = []  # the text pieces of each open element
        self.count = 0

    def _here(self) -> str:
        assert self.parser is not None
        return _line(self.parser.CurrentLineNumber)

    def start(self, name: str, attributes: dict[str, str]) -> None:
        self.count += 1
        if len(self.stack) >= MAX_DEPTH or self.count > MAX_ELEMENTS:
            raise ImportRefused("is nested too deeply or too large", source=self.source,
                                place=self._here())  # fmt: skip
        namespace, _, tag = name.rpartition(" ")
        local = {key.rpartition(" ")[2]: value for key, value in attributes.items()}
        assert self.parser is not None
        element = Element(tag, namespace, local, self.parser.CurrentLineNumber)
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)
        self.texts.append([])

    def end(self, _name: str) -> None:
        self.stack.pop().text = "".join(self.texts.pop())

    def text(self, data: str) -> None:
        if self.texts:
            self.texts[-1].append(data)

    def doctype(self, *_args: object) -> None:
        raise ImportRefused(
            "declares a document type; such files are not read (they can expand or fetch "
            "other content)",
            source=self.source,
            place=self._here(),
        )
