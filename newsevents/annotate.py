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

from newsevents.config import REFERENCE_DIR
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


def alias_pattern(nlp: Language, alias: Alias, entity_type: str) -> dict:
    attribute = "ORTH" if is_case_sensitive_alias(alias.alias) else "LOWER"
    tokens = [t.text if attribute == "ORTH" else t.lower_ for t in nlp.make_doc(alias.alias)]
    return {
        "label": ruler_label(alias, entity_type),
        "pattern": [{attribute: token} for token in tokens],
        "id": normalise_name(alias.alias),
    }


def actor_patterns(nlp: Language, reference_dir: Path = REFERENCE_DIR) -> list[dict]:
    actors = load_actors(reference_dir)
    patterns = [alias_pattern(nlp, alias, actors[alias.entity_id].entity_type) for alias in load_aliases(actors, reference_dir)]
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


@lru_cache(maxsize=2)
def load_pipeline(model_name: str, reference_dir: Path = REFERENCE_DIR) -> Language:
    """The spaCy pipeline with the actor ruler; cached, so a process loads each model once."""
    nlp = spacy.load(model_name)
    nlp.add_pipe(LINE_BREAKS_NAME, before="parser")
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config={"validate": True})
    ruler.add_patterns(actor_patterns(nlp, reference_dir))
    return nlp


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    return nlp.pipe(texts, batch_size=batch_size)


def doc_to_bytes(doc: Doc) -> bytes:
    return DocBin(docs=[doc]).to_bytes()


def doc_from_bytes(nlp: Language, payload: bytes) -> Doc:
    return next(iter(DocBin().from_bytes(payload).get_docs(nlp.vocab)))
