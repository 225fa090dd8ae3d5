"""The relation frames: ``default`` (built from a relation's words) and one module for each
relation with needs of its own, registered by name: ``@register("supplies")`` on a function
``(ctx, trigger, frame) -> list[Args]`` that finds who relates to whom around one trigger.
A relation names its frame in ``ontology/cues.toml`` (``frame = "supplies"``; default
``default``).  Importing this package registers every module in it."""
from __future__ import annotations

import importlib
import pkgutil
from typing import Callable

from kg.extraction.arguments import Args
from kg.extraction.context import Ctx
from kg.extraction.cues import Frame
from kg.extraction.triggers import Trigger

FrameFunction = Callable[[Ctx, Trigger, Frame], list[Args]]

#: relation name -> its frame function
REGISTRY: dict[str, FrameFunction] = {}


def register(name: str, needs: tuple[str, ...] = ()) -> Callable[[FrameFunction], FrameFunction]:
    """Register the decorated function as the frame ``name`` (what a relation's ``frame`` names).
    ``needs``: keys of which a relation using the frame must set one (else it fails at load)."""
    def add(function: FrameFunction) -> FrameFunction:
        function.needs = needs
        REGISTRY[name] = function
        return function
    return add


def usable(frame: str, spec: dict) -> str | None:
    """Why the relation declared by ``spec`` cannot use the registered ``frame`` (None: it can)."""
    needs = getattr(REGISTRY[frame], "needs", ())
    if not any(spec.get(key) for key in ("verbs", "forms", "noun_heads")):
        return "no verbs, forms or noun_heads: nothing can trigger it"
    missing = [key for key in needs if not spec.get(key)]
    return f"needs {' or '.join(missing)}" if missing and len(missing) == len(needs) else None


def arguments(ctx: Ctx, trig: Trigger) -> list[Args]:
    """The arguments the trigger's relation frame finds around it."""
    frame = ctx.cues.frames[trig.relation]
    return REGISTRY[frame.decl.frame](ctx, trig, frame)


def _register_all() -> None:
    """Import every module of this package: each registers its frames."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


_register_all()
