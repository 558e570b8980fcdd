"""Recasing an auto-captioned transcript: NER on the recased text finds the key people, places and
organisations that NER finds on a cased reading of the same words (tests/fixtures, cased by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsevents import config
from newsevents.truecase import recase

CASED_READING = Path(__file__).parent / "fixtures" / "bbc_transcript_cased.txt"
# The key entities of the BBC report (people, places, organisations, nationalities), as NER finds them on
# the hand-cased reading; the ASR's own spellings (Kiev, Heapey, Nikolai Patricia) are kept.
KEY_ENTITIES = [
    "vladimir putin", "putin", "antonio guterres", "steve rosenberg", "lloyd austin", "paul adams", "sergey lavrov",
    "james heapey", "nikolai patricia",
    "ukraine", "moscow", "russia", "germany", "britain", "bulgaria", "poland", "canada", "kiev", "u.s", "uk",
    "the russian federation", "mariupol",
    "kremlin", "united nations", "un", "u.n", "red cross",
    "russian", "ukrainian", "british",
]
FLOOR = 0.9


@pytest.fixture(scope="module")
def plain_ner():
    """The statistical NER alone, without the dictionary ruler: what recasing has to make work."""
    return spacy.load(config.spacy_model_name())


def entity_texts(nlp, text: str) -> set[str]:
    return {ent.text.lower() for ent in nlp(text).ents}


def test_recasing_restores_the_key_entities(nlp, plain_ner):
    cased = CASED_READING.read_text(encoding="utf-8").strip()
    recased, sentence_starts = recase(cased.lower(), nlp)
    assert recased.lower() == cased.lower()  # only letter case changed

    found_in_cased = entity_texts(plain_ner, cased)
    assert set(KEY_ENTITIES) <= found_in_cased  # the list is what a cased reading finds
    found_in_recased = entity_texts(plain_ner, recased)
    found_in_lower = entity_texts(plain_ner, cased.lower())
    recall = sum(entity in found_in_recased for entity in KEY_ENTITIES) / len(KEY_ENTITIES)
    lower_recall = sum(entity in found_in_lower for entity in KEY_ENTITIES) / len(KEY_ENTITIES)
    assert recall >= FLOOR, f"recall {recall:.2f}; missed {[e for e in KEY_ENTITIES if e not in found_in_recased]}"
    assert recall > lower_recall
    assert len(sentence_starts) >= 5


def test_recasing_uses_dictionary_casing_and_english_rules(nlp):
    recased, _ = recase("yesterday i met the u.n chief antonio guterres in moscow and nato officials in brussels", nlp)
    assert recased.startswith("Yesterday I met the U.N chief Antonio Guterres in Moscow")
    assert "Brussels" in recased and ("NATO" in recased or "Nato" in recased)
