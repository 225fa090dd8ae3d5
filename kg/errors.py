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
