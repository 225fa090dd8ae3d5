"""SPARQL text as tokens: what a query really says, past its comments, strings and IRIs.

pyoxigraph 0.5 parses a query only to run it and shows no algebra, so the two questions
the project asks of a query's text before running it are answered by a small lexer:

* :func:`service_iris`: the endpoints of its ``SERVICE`` clauses (a federated query), so
  that one is refused unless allowed; ``SERVICE`` inside a comment, a string, an IRI, a
  variable or a prefixed name is no clause.  Codepoint escapes (``\\u0053ERVICE``) are
  undone first, as Oxigraph's parser undoes them.
* :func:`where_body` : where the outer ``WHERE {`` opens, to put a parameter's ``VALUES``
  row there, not into a ``# WHERE {`` comment.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

_TOKEN = re.compile(
    r'''(?P<space>\s+)
      | (?P<comment>\#[^\n]*)
      | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z) | \'\'\'(?:[^'\\]|\\.|'(?!''))*(?:\'\'\'|\Z)
                  | "(?:[^"\\\n]|\\.)*"? | '(?:[^'\\\n]|\\.)*'? )
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][^\s{}()<>"'\#,;=!|&*+/^\[\]]*)
      | (?P<word>[^\s{}()<>"'\#?$,;=!|&*+/^\[\]]+)
      | (?P<other>.)''',
    re.VERBOSE | re.DOTALL,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SKIPPED = frozenset({"space", "comment"})


def tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, end offset) of every token but white space and comments; kinds:
    string, iri, var, word (keywords, prefixed names, numbers) and other (punctuation)."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup not in _SKIPPED:
            yield match.lastgroup, match.group(), match.end()


def _unescaped(text: str) -> str:
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def service_iris(text: str) -> list[str]:
    """The endpoint of each ``SERVICE`` clause as written (``<iri>``, a prefixed name or a
    variable), in order; empty for a query that is not federated."""
    out, after_service = [], False
    for kind, value, _ in tokens(_unescaped(text)):
        if after_service and not (kind == "word" and value.upper() == "SILENT"):
            out.append(value)
            after_service = False
        elif kind == "word" and value.upper() == "SERVICE":
            after_service = True
    return out + (["?"] if after_service else [])


def where_body(text: str) -> int | None:
    """The offset just after the ``{`` that opens the outer ``WHERE`` clause; None if the
    query has none (``SELECT * { … }``)."""
    depth, after_where = 0, False
    for kind, value, end in tokens(text):
        if after_where and value == "{":
            return end
        after_where = depth == 0 and kind == "word" and value.upper() == "WHERE"
        if kind == "other":
            depth += {"{": 1, "}": -1}.get(value, 0)
    return None
