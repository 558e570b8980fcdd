"""spaCy annotation: the English pipeline plus an entity ruler built from the actor dictionary.

The ruler runs before the statistical NER, so dictionary names (in any letter case, which matters for
auto-captioned transcripts) are always entities, and NER finds the rest. Each ruler match carries the
normalised alias as its `ent_id_`, which the entity stage uses to resolve it. Parsed documents are
serialised with `DocBin` so later stages reuse one parse instead of running the model again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newsevents import config
from newsevents.reference import Alias, is_case_sensitive_alias, load_actors, load_aliases, normalise_name

RULER_NAME = "actor_ruler"
LINE_BREAKS_NAME = "line_break_sentences"
TITLE_LABEL = "PERSON"
DEMONYM_LABEL = "NORP"


def ruler_label(alias: Alias, entity_type: str) -> str:
    if alias.alias_type == "demonym":
        return DEMONYM_LABEL
    if alias.alias_type == "title":
        return TITLE_LABEL
    return entity_type


def alias_patterns(nlp: Language, alias: Alias, entity_type: str) -> list[dict]:
    """Exact-case patterns for an alias as written and with its first letter capitalised (`the West`,
    `The West`): case matters for short names (`jersey` is a garment, `the west of Ukraine` a direction;
    text written without capitals is recased before it gets here). Phrases of three words or more and
    multi-word titles match in any case."""
    tokens = [t.text for t in nlp.make_doc(alias.alias)]
    label, key = ruler_label(alias, entity_type), normalise_name(alias.alias)
    if len(tokens) >= 3 or (alias.alias_type == "title" and len(tokens) >= 2):
        # Long phrases and titles are safe in any case (`Secretary of Defense`, `UN Chief`).
        return [{"label": label, "pattern": [{"LOWER": token.lower()} for token in tokens], "id": key}]
    variants = {tuple(tokens)}
    if tokens and not is_case_sensitive_alias(alias.alias):
        variants.add((tokens[0][:1].upper() + tokens[0][1:], *tokens[1:]))
    return [{"label": label, "pattern": [{"ORTH": token} for token in variant], "id": key} for variant in sorted(variants)]


def actor_patterns(nlp: Language, reference_dir: Path) -> list[dict]:
    actors = load_actors(reference_dir)
    patterns = [
        pattern
        for alias in load_aliases(actors, reference_dir)
        for pattern in alias_patterns(nlp, alias, actors[alias.entity_id].entity_type)
    ]
    unique: dict[tuple, dict] = {}
    for pattern in patterns:
        unique.setdefault((pattern["label"], repr(pattern["pattern"])), pattern)
    return list(unique.values())


@Language.component(LINE_BREAKS_NAME)
def line_break_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and list items carry no full stop."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


def load_pipeline(model_name: str, reference_dir: Path | None = None) -> Language:
    """The spaCy pipeline with the actor ruler; cached, so a process loads each model once (and again
    only when the reference data changes)."""
    folder = reference_dir or config.reference_dir()
    return cached_pipeline(model_name, folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_pipeline(model_name: str, reference_dir: Path, version: tuple) -> Language:
    nlp = spacy.load(model_name)
    nlp.add_pipe(LINE_BREAKS_NAME, before="parser")
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config={"validate": True})
    ruler.add_patterns(actor_patterns(nlp, reference_dir))
    return nlp


def with_sentence_starts(nlp: Language, text: str, sentence_starts: Iterable[int]) -> Doc:
    """A tokenised Doc whose sentence boundaries are fixed at `sentence_starts` (character offsets); the
    parser keeps them, so every stage sees the sentences the cleaning stage decided."""
    doc = nlp.make_doc(text)
    starts = set(sentence_starts)
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


def parse_texts(
    nlp: Language, texts: Iterable[str], sentence_starts: Iterable[Iterable[int]] | None = None, batch_size: int = 32
) -> Iterator[Doc]:
    if sentence_starts is None:
        return nlp.pipe(texts, batch_size=batch_size)
    docs = (with_sentence_starts(nlp, text, starts) for text, starts in zip(texts, sentence_starts, strict=True))
    return nlp.pipe(docs, batch_size=batch_size)


def doc_to_bytes(doc: Doc) -> bytes:
    return DocBin(docs=[doc]).to_bytes()


def doc_from_bytes(nlp: Language, payload: bytes) -> Doc:
    return next(iter(DocBin().from_bytes(payload).get_docs(nlp.vocab)))
