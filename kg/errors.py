"""Exceptions of the library.  The CLI turns each into one readable line."""


class KGError(Exception):
    """Base class: a run-time failure the user can act on (exit 1)."""


class InputError(KGError):
    """An article or query file that cannot be read or used."""


class StoreError(KGError):
    """The store cannot be opened or written (for example: in use)."""


class QueryError(KGError):
    """A SPARQL query that is malformed, unknown or not allowed."""


class NotFoundError(KGError):
    """A named thing (entity, query, article) is not there."""


class QueryTimeout(QueryError):
    """A query stopped because it ran past its time limit."""


#: How much of a value a message echoes back, and how long a cause quoted from a library may be.
SHOWN_CHARS = 60
MAX_MESSAGE = 200


def shown(value: str, limit: int = SHOWN_CHARS) -> str:
    """``value`` to echo in a message: at most ``limit`` characters, cut with '…', and bytes
    that were not UTF-8 (surrogates, from argv) as ``\\udcff`` escapes."""
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def shorten(text: str) -> str:
    """``text`` cut to :data:`MAX_MESSAGE` characters with '…'."""
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1].rstrip() + "…"


def one_line(exc: BaseException) -> str:
    """A library's exception as one short line (its white space and line breaks folded)."""
    return shorten(" ".join(str(exc).split()) or type(exc).__name__)
