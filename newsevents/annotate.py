"""spaCy annotation: the English pipeline plus an entity ruler built from the actor dictionary.

The ruler runs before the statistical NER, so dictionary names (in any letter case, which matters for
auto-captioned transcripts) are always entities, and NER finds the rest. Each ruler match carries the
normalised alias as its `ent_id_`, which the entity stage uses to resolve it. Parsed documents are
kept as `DocBin` bytes (`staging.parsed_documents`), so a parse can be read again without the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from newsevents import config
from newsevents.phrases import PhraseIndex, tokenised
from newsevents.reference import (
    Alias,
    actor_reference,
    is_case_sensitive_alias,
    normalise_name,
)

RULER_NAME = "actor_ruler"
LINE_BREAKS_NAME = "line_break_sentences"
IRREGULAR_VERBS_NAME = "irregular_verb_lemmas"
TITLE_LABEL = "PERSON"
DEMONYM_LABEL = "NORP"


def ruler_label(alias: Alias, entity_type: str) -> str:
    if alias.alias_type == "demonym":
        return DEMONYM_LABEL
    if alias.alias_type == "title":
        return TITLE_LABEL
    return entity_type


@dataclass(frozen=True)
class AliasPattern:
    """One way an alias is matched: its tokens, exactly as written or in any letter case."""

    label: str
    tokens: tuple[str, ...]
    entity_key: str  # the normalised alias, kept as the entity's `ent_id_`
    any_case: bool


def alias_patterns(alias: Alias, tokens: tuple[str, ...], entity_type: str) -> list[AliasPattern]:
    """Exact-case patterns for an alias as written and with its first letter capitalised (`the West`,
    `The West`): case matters for short names (`jersey` is a garment, `the west of Ukraine` a direction;
    text written without capitals is recased before it gets here). Curated phrases of three words or more
    and multi-word titles match in any case."""
    label, key = ruler_label(alias, entity_type), normalise_name(alias.alias)
    if not tokens:
        return []
    if alias.curated and (len(tokens) >= 3 or (alias.alias_type == "title" and len(tokens) >= 2)):
        # Long phrases and titles are safe in any case (`Secretary of Defense`, `UN Chief`); the converted
        # dictionaries' names only as written, as some are common phrases (`International Solidarity`).
        return [AliasPattern(label, tokens, key, any_case=True)]
    variants = {tokens}
    if not is_case_sensitive_alias(alias.alias):
        variants.add((tokens[0][:1].upper() + tokens[0][1:], *tokens[1:]))
    return [AliasPattern(label, variant, key, any_case=False) for variant in sorted(variants)]


def actor_patterns(nlp: Language, reference_dir: Path) -> list[AliasPattern]:
    actors, aliases = actor_reference(reference_dir)
    patterns = {
        pattern
        for alias, tokens in zip(aliases, tokenised(nlp, [alias.alias for alias in aliases]), strict=True)
        for pattern in alias_patterns(alias, tokens, actors[alias.entity_id].entity_type)
    }
    return sorted(patterns, key=lambda p: (p.label, p.tokens, p.entity_key, p.any_case))


class ActorRuler:
    """Marks every alias of the actor dictionary as an entity before the statistical NER, the way
    spaCy's entity ruler does (longest match first, then the earliest), with two phrase indexes, one
    exact and one case-blind: a dictionary lookup per token, where token patterns would cost a pass per
    pattern and a `PhraseMatcher` a `Doc` per alias."""

    def __init__(self, patterns: Iterable[AliasPattern]):
        self.exact, self.any_case = PhraseIndex(lower_case=False), PhraseIndex(lower_case=True)
        for pattern in patterns:
            (self.any_case if pattern.any_case else self.exact).add(f"{pattern.label}\x1f{pattern.entity_key}", pattern.tokens)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_key, start, end in [*self.exact.matches(doc), *self.any_case.matches(doc)]:
            label, entity_key = match_key.split("\x1f")
            spans.append(Span(doc, start, end, label=label, span_id=entity_key))
        doc.ents = filter_spans([*doc.ents, *spans])
        return doc


@Language.factory(RULER_NAME, default_config={"reference_dir": None})
def make_actor_ruler(nlp: Language, name: str, reference_dir: str | None) -> ActorRuler:
    return ActorRuler(actor_patterns(nlp, Path(reference_dir) if reference_dir else config.reference_dir()))


@Language.component(LINE_BREAKS_NAME)
def line_break_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and list items carry no full stop."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory(IRREGULAR_VERBS_NAME)
def make_irregular_verb_lemmas(nlp: Language, name: str):
    """The lemma of an irregular past form the tagger took for a present (`Azerbaijan retook territory`
    tagged VBP keeps the lemma `retook`): the lemmatizer's own exception table gives `retake`. Only forms
    that are not verbs themselves (`found`, `lay`, `saw` are) are changed."""
    lookups = nlp.get_pipe("lemmatizer").lookups
    exceptions = lookups.get_table("lemma_exc")["verb"] if lookups.has_table("lemma_exc") else {}
    base_forms = set(lookups.get_table("lemma_index")["verb"]) if lookups.has_table("lemma_index") else set()

    def irregular_verb_lemmas(doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ == "VERB" and token.lemma_.lower() == token.lower_ and token.lower_ not in base_forms:
                lemmas = exceptions.get(token.lower_)
                if lemmas and token.lower_ not in lemmas:
                    token.lemma_ = lemmas[0]
        return doc

    return irregular_verb_lemmas


def load_pipeline(model_name: str, reference_dir: Path | None = None) -> Language:
    """The spaCy pipeline with the actor ruler; cached, so a process loads each model once (and again
    only when the reference data changes)."""
    folder = reference_dir or config.reference_dir()
    return cached_pipeline(model_name, folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_pipeline(model_name: str, reference_dir: Path, version: tuple) -> Language:
    nlp = spacy.load(model_name)
    nlp.add_pipe(LINE_BREAKS_NAME, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(IRREGULAR_VERBS_NAME, after="lemmatizer")
    nlp.add_pipe(RULER_NAME, before="ner", config={"reference_dir": str(reference_dir)})
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

