"""What every ``kg`` command shares: the error handling that turns a library error into one
line, the ``--format`` and extraction options, the store and ``-o`` checks; and what only a
person at a terminal gets: a table's width, a pager for long output, a build's progress bar."""
from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import click

from kg.errors import KGError, shown
from kg.storefolder import store_around
from kg.store import KGStore


def format_option(formats: tuple[str, ...], default: str, help: str):
    """The one ``--format`` option every printing command shares."""
    return click.option(
        "--format", "fmt", type=click.Choice(formats), default=default, show_default=True, help=help
    )


def handle_errors(func):
    """Turn library errors into one line and exit 1, Ctrl-C into one line and exit 130;
    never a traceback for bad input."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:  # `kg query … | head`: stop quietly
            _stdout_to_devnull()
            sys.exit(0)
        except OSError as exc:   # standard output closed or full
            if exc.filename is not None:
                raise
            _stdout_to_devnull()
            click.echo(f"Error: cannot write the output: {exc.strerror or exc}", err=True)
            sys.exit(1)

    return wrapper


def _stdout_to_devnull() -> None:
    """Nothing more reaches the closed output, also Python's own flush at exit."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _stdout():
    """Standard output as a binary stream; Python has none when kg started with it closed."""
    if sys.stdout is None:
        raise KGError("cannot write the output: standard output is closed")
    return sys.stdout.buffer


def _on_terminal(stream) -> bool:
    with contextlib.suppress(AttributeError, ValueError, OSError):
        return stream is not None and stream.isatty()
    return False


def table_width() -> int | None:
    """The width a table must fit: the terminal's (COLUMNS first, as shutil reads it); None
    (everything kept) when standard output is no terminal and COLUMNS is not set."""
    if os.environ.get("COLUMNS", "").strip().isdigit() or _on_terminal(sys.stdout):
        return max(shutil.get_terminal_size().columns, 20)
    return None


@contextlib.contextmanager
def result_output(pager: bool):
    """The binary stream a result is written to: standard output, or, for a person at a
    terminal, a pager ($PAGER, else ``less -FRX``) once the output is longer than the screen.
    Never a pager in a pipe or a test."""
    out = _stdout()
    if not (pager and _on_terminal(sys.stdout)):
        yield out
        return
    paging = _Pager(out, shutil.get_terminal_size().lines - 1)
    try:
        yield paging
    finally:
        paging.close()


class _Pager:
    """Holds the output until it is longer than the screen, then starts the pager and
    passes everything to it; shorter output goes to standard output as it is."""

    def __init__(self, out, lines: int):
        self.out, self.lines, self.held, self.pager = out, lines, [], None

    def write(self, data: bytes) -> int:
        if self.pager is not None:
            return self.pager.stdin.write(data)
        self.held.append(data)
        if sum(chunk.count(b"\n") for chunk in self.held) > self.lines:
            self._start()
        return len(data)

    def flush(self) -> None:
        (self.pager.stdin if self.pager is not None else self.out).flush()

    def _start(self) -> None:
        command = os.environ.get("PAGER") or "less"
        env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
        try:
            self.pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
        except OSError:
            self.lines = float("inf")           # no pager: write it all out
            return
        self.pager.stdin.write(b"".join(self.held))
        self.held = []

    def close(self) -> None:
        if self.pager is None:
            self.out.write(b"".join(self.held))
            self.out.flush()
            return
        with contextlib.suppress(BrokenPipeError):
            self.pager.stdin.close()
        self.pager.wait()


def utf8_text(ctx, param, value):
    """An argument as text: one that is not valid UTF-8 (bytes in argv) is a usage error."""
    for text in value if isinstance(value, tuple) else [value]:
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise click.BadParameter(f"{shown(text)} is not valid UTF-8") from None
    return value


def open_store(obj: dict, read_only: bool) -> KGStore:
    return KGStore.open(Path(obj["store"]), read_only=read_only)


class UsageLine(click.ClickException):
    """A wrong invocation told in one line ``Error: …``, exit 2 (click's UsageError adds the
    usage lines)."""

    exit_code = 2


class OutputInStore(UsageLine):
    """``-o`` names a file inside the store: a usage error (exit 2), one line."""


def check_output(obj: dict, output: str) -> None:
    """Refuse an ``-o`` path inside the store (or any other store): writing it would replace
    the store's own files."""
    store = None if output == "-" else store_around(output, obj["store"])
    if store is not None:
        raise OutputInStore(f"-o {output} is inside the store {store}; write it elsewhere")


def extraction_options(func):
    """--model, --ner and --jobs, shared by build and extract."""
    func = click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                        help="Extract in this many worker processes.")(func)
    func = click.option("--ner", "ner", default=None, metavar="MODEL", type=click.Path(path_type=Path),
                        help="Also find names with a trained name model (make ner: build/ner/model.crfsuite).")(func)
    func = click.option("--model", default=None, metavar="NAME",
                        help="Use an installed trained spaCy German model (e.g. de_core_news_md).")(func)
    return func


def _spec(model: str | None, ner: Path | None):
    """The extractor spec, and the extractor it makes when an option is given: made here, so
    that a bad option fails before any worker starts (forked workers then share it)."""
    from kg.build import ExtractorSpec

    if ner is not None and not ner.is_file():
        raise KGError(f"{ner}: no such name model (make ner trains it)")
    spec = ExtractorSpec(model=model, ner=str(ner) if ner else None)
    return spec, (spec.make() if (model or ner) else None)


def _progress(quiet: bool):
    """A progress bar on stderr (click's: done/total, percent, articles a second, time left),
    only for a person watching a terminal; ``(show, finish)``."""
    if quiet or not _on_terminal(sys.stderr):
        return None, lambda: None
    state: dict = {"start": time.monotonic()}

    def show(done: int, total: int, identifier: str) -> None:
        if "bar" not in state:
            state["bar"] = click.progressbar(length=total, file=sys.stderr, show_eta=True, show_pos=True,
                                             show_percent=True, width=24, item_show_func=lambda item: item)
        bar = state["bar"]
        rate = done / (time.monotonic() - state["start"])
        bar.update(done - bar.pos, current_item=f"{rate:.1f} articles/s  {shown(identifier, 40)}")

    def finish() -> None:
        if "bar" in state:               # the bar's line cleared, the cursor shown again
            click.echo("\r\x1b[K\x1b[?25h", err=True, nl=False)

    return show, finish


def _report_skipped(report) -> None:
    for reason in report.skipped:
        click.echo(reason if reason.endswith(", skipped") else f"{reason}, skipped", err=True)


#: Article files and folders: whether they can be read is the build's to say, file by file.
ARTICLE_PATHS = click.Path(path_type=Path, readable=False)
