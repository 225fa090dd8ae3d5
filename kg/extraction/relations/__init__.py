"""The relation frames, one module a relation, each registered by the relation's name:
``@register("supplies")`` on a function ``(ctx, trigger, frame) -> list[Args]`` that finds
who relates to whom around one trigger.  Importing this package registers them all."""
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


def register(*relations: str) -> Callable[[FrameFunction], FrameFunction]:
    """Register the decorated function as the frame of ``relations``."""
    def add(function: FrameFunction) -> FrameFunction:
        for relation in relations:
            REGISTRY[relation] = function
        return function
    return add


def arguments(ctx: Ctx, trig: Trigger) -> list[Args]:
    """The arguments the trigger's relation frame finds around it."""
    return REGISTRY[trig.relation](ctx, trig, ctx.cues.frames[trig.relation])


def _register_all() -> None:
    """Import every module of this package: each registers its frames."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


_register_all()
