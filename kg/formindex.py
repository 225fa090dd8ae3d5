"""Facts about word forms, worked out once per form and read for a whole Doc in array operations.

A news corpus repeats its word forms: the 1,028 articles of the 10kGNAD test split have
430,000 tokens and 55,000 distinct forms.  The rules ask the same questions of every token
(its text, its lower-case text, its lemma, whether it is capitalised, whether it can be a
relation word), and asking them token by token in Python costs more than spaCy's tokenizer.
Here each form gets a row the first time a Doc holds it (:meth:`FormIndex.rows`, one binary
search over sorted spaCy hashes for a whole Doc); a :class:`FormColumn` holds one answer per
row, worked out once from the form's text, and gives the answers for a Doc's tokens as one
array indexing.  Rows and answers are kept per process (the rows of at most ``MAX_FORMS``
forms: beyond that the index starts again, and each column with it).
"""
from __future__ import annotations

from collections.abc import Callable

import numpy

MAX_FORMS = 2_000_000     # forms an index holds before it starts again
_REINDEX_SHARE = 4        # the sorted keys are made again when a quarter of the forms is new


class _Growing:
    """A NumPy array that grows at its end, its capacity doubled as needed."""

    def __init__(self, dtype):
        self._data = numpy.empty(1024, dtype=dtype)
        self.size = 0

    def extend(self, values: list) -> None:
        need = self.size + len(values)
        if need > len(self._data):
            bigger = numpy.empty(max(need, 2 * len(self._data)), dtype=self._data.dtype)
            bigger[: self.size] = self._data[: self.size]
            self._data = bigger
        # (fromiter: a tuple is one value of an object array, not a row of values)
        self._data[self.size: need] = numpy.fromiter(values, dtype=self._data.dtype, count=len(values))
        self.size = need

    @property
    def values(self) -> numpy.ndarray:
        return self._data[: self.size]


class FormIndex:
    """A row for each word form (spaCy's ``ORTH`` hash of its text) met so far, and the form's text."""

    def __init__(self):
        self._reset()

    def _reset(self) -> None:
        self.generation = getattr(self, "generation", -1) + 1
        self._row_of: dict[int, int] = {}           # hash -> row: every form
        self._texts = _Growing(object)
        self._keys = numpy.empty(0, dtype=numpy.uint64)   # sorted hashes of the forms indexed so far
        self._key_rows = numpy.empty(0, dtype=numpy.int64)

    def __len__(self) -> int:
        return self._texts.size

    @property
    def texts(self) -> numpy.ndarray:
        """Each row's text (``str``), as an object array."""
        return self._texts.values

    def texts_of(self, rows: numpy.ndarray) -> numpy.ndarray:
        """The texts of ``rows``."""
        return self._texts.values[rows]

    def rows(self, ids: numpy.ndarray, strings) -> numpy.ndarray:
        """The row of each hash in ``ids`` (a Doc's ``ORTH`` array); a new form gets a row, its
        text from ``strings`` (a spaCy ``StringStore``)."""
        if len(self._row_of) + len(ids) > MAX_FORMS:
            self._reset()
        keys = self._keys
        if len(keys):
            at = numpy.minimum(numpy.searchsorted(keys, ids), len(keys) - 1)
            rows = self._key_rows[at]
            missing = numpy.flatnonzero(keys[at] != ids)
        else:
            rows = numpy.zeros(len(ids), dtype=numpy.int64)
            missing = numpy.arange(len(ids))
        if len(missing):
            row_of, new = self._row_of, []
            for k, key in zip(missing.tolist(), ids[missing].tolist()):
                row = row_of.get(key)
                if row is None:
                    row = row_of[key] = self._texts.size + len(new)
                    new.append(strings[key])
                rows[k] = row
            self._texts.extend(new)
            if len(row_of) - len(keys) > max(1024, len(keys) // _REINDEX_SHARE):
                self._reindex()
        return rows

    def _reindex(self) -> None:
        keys = numpy.fromiter(self._row_of.keys(), dtype=numpy.uint64, count=len(self._row_of))
        rows = numpy.fromiter(self._row_of.values(), dtype=numpy.int64, count=len(self._row_of))
        order = numpy.argsort(keys)
        self._keys, self._key_rows = keys[order], rows[order]


class FormColumn:
    """One answer per form of an index, worked out when a form is first asked about, kept in an
    array of ``dtype``: ``make(texts)`` gives the answers of a list of forms' texts."""

    def __init__(self, index: FormIndex, make: Callable[[list[str]], list], dtype=object):
        self.index, self.make, self.dtype = index, make, dtype
        self._values = _Growing(dtype)
        self._generation = index.generation

    def values(self) -> numpy.ndarray:
        """The answer of every row of the index, made for the rows not answered yet."""
        index = self.index
        if self._generation != index.generation:
            self._values, self._generation = _Growing(self.dtype), index.generation
        if self._values.size < len(index):
            self._values.extend(self.make(index.texts[self._values.size:].tolist()))
        return self._values.values

    def of(self, rows: numpy.ndarray) -> numpy.ndarray:
        """The answers of ``rows`` (a Doc's :func:`kg.doclists.form_rows`)."""
        return self.values()[rows]


FORMS = FormIndex()      # the process's index: spaCy's hashes are the same in every vocabulary
