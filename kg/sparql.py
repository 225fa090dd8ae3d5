"""SPARQL text as tokens: what a query really says, past its comments, strings and IRIs.

pyoxigraph 0.5 parses a query only to run it and shows no algebra, so the two questions
the project asks of a query's text before running it are answered by a small lexer:

* :func:`service_iris`: the endpoints of its ``SERVICE`` clauses (a federated query), so
  that one is refused unless allowed; ``SERVICE`` inside a comment, a string, an IRI, a
  variable or a prefixed name is no clause.  Codepoint escapes (``\\u0053ERVICE``) are
  undone first, as Oxigraph's parser undoes them.
* :func:`where_body` : where the outer ``WHERE {`` (or a subquery's) opens, to put a
  parameter's ``VALUES`` row there, not into a ``# WHERE {`` comment;
* :func:`page_mark` : where a query's ``# page`` comment asks for its page to go.
* :func:`has_slice` : whether the query has its own outer ``LIMIT`` or ``OFFSET``, so that
  a page (``--limit``, ``--offset``) is not appended to it.

It also says what is wrong with a query in one line: :func:`is_update` (an update is
refused, not run), :func:`syntax_message` (pyoxigraph's syntax error with the line and
column in the user's text) and :func:`query_failure` (an error while running it).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.errors import QueryError, one_line, shorten

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


def where_body(text: str, within: int | None = None) -> int | None:
    """The offset just after the ``{`` that opens the ``WHERE`` clause of the outer query, or
    with ``within`` of the (sub)query whose braces hold that offset; None if it has none
    (``SELECT * { … }``)."""
    bodies: dict[int, int] = {}        # depth of a WHERE keyword -> where its body opens
    depth, after_where = 0, False
    for kind, value, end in tokens(text):
        if within is not None and end > within:
            break
        if after_where and value == "{":
            if within is None and depth == 0:
                return end
            bodies[depth] = end
        after_where = kind == "word" and value.upper() == "WHERE"
        if kind == "other" and value in ("{", "}"):
            if value == "}":
                bodies.pop(depth, None)     # the block closed: its subqueries are no longer open
            depth += 1 if value == "{" else -1
    return bodies.get(depth) if within is not None else None


_PAGE_MARK = re.compile(r"#[ \t]*page\b[^\n]*(?:\n|\Z)")


def page_mark(text: str) -> int | None:
    """Where a page (``LIMIT``, ``OFFSET``) goes in a query that marks the place with a ``# page``
    comment line (a subquery that sorts before the outer query reads the page's rows): the offset
    just after that line; None when there is no such comment."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "comment" and _PAGE_MARK.match(text, match.start()):
            return _PAGE_MARK.match(text, match.start()).end()
    return None


def has_slice(text: str) -> bool:
    """Does the query end in its own ``LIMIT`` or ``OFFSET`` (outside any subquery)?"""
    depth = 0
    for kind, value, _ in tokens(text):
        if kind == "other":
            depth += {"{": 1, "}": -1}.get(value, 0)
        elif depth == 0 and kind == "word" and value.upper() in {"LIMIT", "OFFSET"}:
            return True
    return False


UPDATE_REFUSED = "update queries are not allowed: kg query is read-only"
SERVICE_REFUSED = "federated queries (SERVICE) are off; --allow-service turns them on"
QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"})
UPDATE_KEYWORDS = frozenset(
    "INSERT DELETE LOAD CLEAR DROP CREATE ADD MOVE COPY WITH".split()
)
# The prologue of a SPARQL request: what may come before its first keyword.
_PROLOGUE_ITEM = re.compile(
    r"""\s+ | \#[^\n]*
      | BASE\s*<[^<>"{}|^`\\\x00-\x20]*>
      | PREFIX\s*[^\s:]*:\s*<[^<>"{}|^`\\\x00-\x20]*>""",
    re.IGNORECASE | re.VERBOSE,
)
_KEYWORD = re.compile(r"[A-Za-z]+")
_POSITION = re.compile(r"^error at (\d+):(\d+): ?")


def _first_keyword(sparql: str) -> tuple[str, int]:
    """The first keyword after the prologue (PREFIX, BASE, comments) and its offset."""
    pos = 0
    while True:
        match = _PROLOGUE_ITEM.match(sparql, pos)
        if not match or match.end() == pos:
            break
        pos = match.end()
    keyword = _KEYWORD.match(sparql, pos)
    return (keyword.group().upper() if keyword else ""), pos


def query_form(sparql: str) -> str:
    """The request's first keyword after its prologue, upper case: ``SELECT``, ``ASK``,
    ``CONSTRUCT``, ``DESCRIBE``, an update's (``INSERT``, …), or ``""``."""
    return _first_keyword(sparql)[0]


def is_update(sparql: str) -> bool:
    """Is this text a SPARQL Update request (judged by its first keyword)?"""
    return _first_keyword(sparql)[0] in UPDATE_KEYWORDS


def syntax_message(sparql: str, exc: SyntaxError) -> str:
    """pyoxigraph's syntax error as one line that says where."""
    keyword, offset = _first_keyword(sparql)
    if keyword not in QUERY_FORMS:
        line_no = sparql.count("\n", 0, offset) + 1
        col = offset - (sparql.rfind("\n", 0, offset) + 1) + 1
        return f"SPARQL syntax error at {line_no}:{col}: a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE"
    text = " ".join(str(exc).split())
    match = _POSITION.match(text)
    if not match:
        return f"SPARQL syntax error: {shorten(text)}"
    line_no, col = int(match.group(1)), int(match.group(2))
    detail = text[match.end():]
    if "Prefix not found" in detail:
        lines = sparql.split("\n")
        before = lines[line_no - 1][: col - 1] if 0 < line_no <= len(lines) else ""
        pname = re.search(r"([A-Za-z][\w.\-]*)?:[\w.\-]*$", before)
        if pname:
            return f"SPARQL syntax error at {line_no}:{col}: unknown prefix '{pname.group(1) or ''}:'"
    return f"SPARQL syntax error at {line_no}:{col}: {shorten(detail)}"


def query_failure(sparql: str, exc: BaseException) -> QueryError:
    """pyoxigraph's error running ``sparql`` as one line; a failed SERVICE request names the endpoint."""
    message = one_line(exc)
    match = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", message)
    if match:
        return QueryError(f"the query does not select ?{match.group(1)}, so it cannot be given as a parameter")
    endpoints = service_iris(sparql)
    if endpoints and isinstance(exc, OSError):
        named = re.search(r"returned by (\S+)", message)
        where = f"<{named.group(1)}>" if named else ", ".join(endpoints)
        reason = "connection refused" if isinstance(exc, ConnectionRefusedError) else message
        return QueryError(f"SERVICE {where} failed: {reason}")
    return QueryError(f"query failed: {message}")
