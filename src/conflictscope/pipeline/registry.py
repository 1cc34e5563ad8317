"""The stage registry: later stages plug in without touching the core.

A stage registers itself with the :func:`stage` decorator; the default pipeline
is the ordered list :data:`DEFAULT_STAGES`. All built-in stage modules are
imported in one place (:func:`load_builtin_stages`) so registration order never
depends on import side effects scattered through the code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from conflictscope.document import is_declared
from conflictscope.errors import PipelineError
from conflictscope.pipeline.base import INITIAL_LAYERS, Stage, StageFunc

_REGISTRY: dict[str, Stage] = {}

#: The built-in stage modules, in pipeline order.
BUILTIN_STAGE_MODULES = (
    "conflictscope.pipeline.actors",
    "conflictscope.pipeline.classify",
    "conflictscope.pipeline.eventness",
    "conflictscope.pipeline.scope",
    "conflictscope.pipeline.roles",
    "conflictscope.pipeline.places",
    "conflictscope.pipeline.dates",
    "conflictscope.pipeline.tallies",
    "conflictscope.pipeline.continuations",
    "conflictscope.pipeline.fatalities",
    "conflictscope.pipeline.attribution",
    "conflictscope.pipeline.assemble",
    "conflictscope.pipeline.coreference",
    "conflictscope.pipeline.mainevent",
    "conflictscope.pipeline.rowcheck",
    "conflictscope.pipeline.calibration",
)

#: The default pipeline after the spaCy stage (``sentences`` and ``mentions``).
DEFAULT_STAGES = (
    "actors",
    "classify",
    "eventness",
    "scope",
    "roles",
    "places",
    "dates",
    "tallies",
    "continuations",
    "fatalities",
    "attribution",
    "assemble",
    "coreference",
    "mark-scope",
    "rank",
    "rowcheck",
    "calibrate",
)


def stage(
    name: str,
    *,
    requires: tuple[str, ...] = (),
    provides: tuple[str, ...] = (),
    parse_hint: Callable[[str], bool] | None = None,
) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as the pipeline stage ``name``.

    ``requires`` and ``provides`` name declared layers (:func:`conflictscope.document.declare_layer`);
    ``parse_hint`` says which sentences the stage needs parsed (see :class:`Stage`).
    """
    for layer in (*requires, *provides):
        if not is_declared(layer):
            raise PipelineError(f"stage {name!r}: unknown layer {layer!r} (declare it with declare_layer)")

    def register(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = Stage(name, func, tuple(requires), tuple(provides), parse_hint)
        return func

    return register


def load_builtin_stages() -> None:
    """Import the built-in stage modules (each registers its stages)."""
    for module in BUILTIN_STAGE_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def get_stage(name: str) -> Stage:
    """The registered stage ``name``."""
    load_builtin_stages()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise PipelineError(f"no stage named {name!r} (registered: {known})") from None


def registered_stages() -> dict[str, Stage]:
    """All registered stages by name."""
    load_builtin_stages()
    return dict(_REGISTRY)


def resolve(names: tuple[str, ...] | list[str]) -> list[Stage]:
    """The stages ``names`` in order, checked so each one's inputs are provided earlier."""
    available = set(INITIAL_LAYERS)
    stages: list[Stage] = []
    for name in names:
        current = get_stage(name)
        missing = [layer for layer in current.requires if layer not in available]
        if missing:
            raise PipelineError(
                f"stage {name!r} requires {', '.join(missing)}, which no earlier stage provides"
            )
        available.update(current.provides)
        stages.append(current)
    return stages
