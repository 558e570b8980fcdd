"""The verb dictionary and its matching: which CAMEO event code a verb or event noun stands for, given
its particle, preposition and objects.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from newsevents import config
from newsevents.coder.clauses import OBJECT_DEPS, passive_patients
from newsevents.reference import load_cameo_codes, read_reference_csv

# In the verb dictionary's preposition column: the verb takes a to-infinitive (`ask someone to act`).
INFINITIVE_COMPLEMENT = "to-infinitive"


@dataclass(frozen=True)
class VerbPattern:
    lemma: str
    pos: str
    particle: str
    preposition: str
    objects: frozenset[str]
    event_code: str

    @property
    def specificity(self) -> int:
        return bool(self.particle) + bool(self.preposition) + bool(self.objects)


def load_verb_patterns(reference_dir: Path | None = None) -> dict[tuple[str, str], tuple[VerbPattern, ...]]:
    """Verb-dictionary rows grouped by (lemma, part of speech), in file order."""
    folder = reference_dir or config.reference_dir()
    return cached_verb_patterns(folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_verb_patterns(reference_dir: Path, version: tuple) -> dict[tuple[str, str], tuple[VerbPattern, ...]]:
    patterns: dict[tuple[str, str], list[VerbPattern]] = defaultdict(list)
    known_codes = {row["event_code"] for row in load_cameo_codes(reference_dir)}
    for row in read_reference_csv(reference_dir / "verb_patterns.csv"):
        if not row["event_code"]:
            raise ValueError(f"verb_patterns.csv: row for {row['lemma']!r} has no event_code")
        pattern = VerbPattern(
            lemma=row["lemma"].lower(),
            pos=row["pos"].upper(),
            particle=row["particle"].lower(),
            preposition=row["preposition"].lower(),
            objects=frozenset(o.strip().lower() for o in row["object"].split("|") if o.strip()),
            event_code=row["event_code"],
        )
        if pattern.event_code not in known_codes:
            raise ValueError(f"verb_patterns.csv: {row['lemma']!r} maps to {pattern.event_code!r}, not a code of cameo_event_codes.csv")
        patterns[(pattern.lemma, pattern.pos)].append(pattern)
    return {key: tuple(rows) for key, rows in patterns.items()}


def object_lemmas(trigger: Token) -> set[str]:
    """Lemmas of the trigger's objects, with the nouns of `of` phrases (`the supply of tanks`)."""
    heads = [c for c in trigger.children if c.dep_ in OBJECT_DEPS] + passive_patients(trigger)
    if trigger.pos_ == "NOUN":
        heads = [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    lemmas: set[str] = set()
    for head in heads:
        for token in [head, *head.conjuncts]:
            lemmas.update({token.lemma_.lower(), token.lower_})
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    lemmas.update(p.lemma_.lower() for p in prep.children if p.dep_ == "pobj")
    return lemmas


def has_infinitive_complement(trigger: Token) -> bool:
    """`asked Putin to take`, `urged the West to stop`: a to-infinitive complement."""
    return any(
        c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in trigger.children
    )


def preposition_object_lemmas(trigger: Token, preposition: str) -> set[str]:
    """Lemmas of the objects of the trigger's preposition (`agreed to UN involvement` -> involvement)."""
    lemmas: set[str] = set()
    for prep in trigger.children:
        if prep.dep_ in ("prep", "prt", "agent") and prep.lower_ == preposition:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                lemmas.update(t.lemma_.lower() for t in (pobj, *pobj.conjuncts))
    return lemmas


def pattern_matches(pattern: VerbPattern, trigger: Token) -> bool:
    children = list(trigger.children)
    if pattern.particle and pattern.particle not in {c.lower_ for c in children if c.dep_ in ("prt", "prep")}:
        return False
    if pattern.preposition == INFINITIVE_COMPLEMENT:
        if not has_infinitive_complement(trigger):
            return False
    elif pattern.preposition and pattern.preposition not in {c.lower_ for c in children if c.dep_ in ("prep", "prt", "agent")}:
        return False
    if not pattern.objects:
        return True
    lemmas = object_lemmas(trigger)
    if pattern.preposition and pattern.preposition != INFINITIVE_COMPLEMENT:
        lemmas |= preposition_object_lemmas(trigger, pattern.preposition)
    return bool(pattern.objects & lemmas)


def best_pattern(trigger: Token, patterns: dict[tuple[str, str], tuple[VerbPattern, ...]]) -> VerbPattern | None:
    pos = "VERB" if trigger.pos_ in ("VERB", "AUX") else trigger.pos_
    candidates = [p for p in patterns.get((trigger.lemma_.lower(), pos), ()) if pattern_matches(p, trigger)]
    if not candidates:
        return None
    return max(candidates, key=lambda p: p.specificity)  # max keeps the first of equals
