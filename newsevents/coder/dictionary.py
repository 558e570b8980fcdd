"""The verb dictionary and its matching: which CAMEO event code a verb or event noun stands for, given
its particle, preposition, objects and subject.

Two dictionaries are read. The field's CAMEO verb dictionary (PETRARCH2's, converted into
`cameo_verbs.csv`, `cameo_verb_patterns.csv` and `cameo_word_classes.csv` by
`newsevents.convert.petrarch_verbs`) gives about 1,800 verbs in synonym blocks, each block with patterns
over the verb's subject, object and prepositional phrases (`* (FOR {&MILITARY AID})` -> 0232). The
project's own `verb_patterns.csv` holds event nouns and hand-curated rows, which override the CAMEO
dictionary where they match.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.tokens import Token

from newsevents import config
from newsevents.coder.clauses import (
    OBJECT_DEPS,
    REPORTING_VERBS,
    is_argument,
    passive_patients,
    subject_heads,
)
from newsevents.coder.codes import is_done_alone, is_verbal
from newsevents.entities import EntityMention
from newsevents.reference import load_cameo_codes, read_reference_csv

# In the verb dictionary's preposition column: the verb takes a to-infinitive (`ask someone to act`).
INFINITIVE_COMPLEMENT = "to-infinitive"
INFINITIVE_MARKER = "to"


NO_EVENT = "---"
# Endings of inflected verbs and what their stems end in: `staged` -> `stage`, `hopes` -> `hope`.
INFLECTION_ENDINGS = (("d", ""), ("s", ""), ("ing", "e"), ("ed", ""))
# Children of a verb that can hold the words of a pattern's object (`set up a roadblock`, `put forward a
# plan`, `set free`, `look forward`); prepositional phrases are matched on their own.
OBJECT_LIKE_DEPS = OBJECT_DEPS + ("prt", "acomp", "advmod", "npadvmod", "nsubjpass")
# Words of a dictionary pattern a parse-based match cannot use: TABARI's source, target and skip markers.
PATTERN_MARKERS = frozenset("$ + ^ % *".split())


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


@dataclass(frozen=True)
class Phrase:
    """The words of a noun phrase in a dictionary pattern, head last; each word a set of alternatives (a
    word class such as `&military` stands for its words)."""

    words: tuple[frozenset[str], ...]

    @property
    def head(self) -> frozenset[str]:
        return self.words[-1]


@dataclass(frozen=True)
class DictionaryPattern:
    """A pattern of the CAMEO verb dictionary, for one verb of its block (`ask` + `* (FOR {FINANCIAL AID})`)."""

    lemma: str
    particle: str
    before: str
    subject: Phrase | None
    object: Phrase | None
    prepositions: tuple[tuple[str, Phrase | None], ...]
    event_code: str

    @property
    def specificity(self) -> int:
        words = sum(len(p.words) for p in (self.subject, self.object) if p is not None)
        return words + sum(1 + (len(p.words) if p else 0) for _, p in self.prepositions)


Pattern = VerbPattern | DictionaryPattern


@dataclass(frozen=True)
class VerbDictionary:
    """Both dictionaries, looked up by lemma: the curated rows by (lemma, part of speech), the CAMEO
    dictionary's patterns (its bare verbs first) by verb lemma."""

    curated: dict[tuple[str, str], tuple[VerbPattern, ...]]
    cameo: dict[str, tuple[DictionaryPattern, ...]]

    @cached_property
    def parts_of_speech(self) -> frozenset[str]:
        """The parts of speech a trigger can have: a token of any other (a determiner, a number) is none."""
        return frozenset(pos for _, pos in self.curated) | {"VERB"}


def load_verb_dictionary(reference_dir: Path | None = None) -> VerbDictionary:
    folder = reference_dir or config.reference_dir()
    return cached_verb_dictionary(folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_verb_dictionary(reference_dir: Path, version: tuple) -> VerbDictionary:
    return VerbDictionary(curated=cached_verb_patterns(reference_dir, version), cameo=load_cameo_dictionary(reference_dir))


def load_word_classes(reference_dir: Path) -> dict[str, frozenset[str]]:
    """`&military` -> its words (one-word phrases; a phrase stands for its head word, its last)."""
    classes: dict[str, set[str]] = defaultdict(set)
    for row in read_reference_csv(reference_dir / "cameo_word_classes.csv"):
        classes[row["word_class"]].add(row["phrase"].split()[-1])
    return {name: frozenset(words) for name, words in classes.items()}


def parse_phrase(text: str, classes: dict[str, frozenset[str]]) -> Phrase | None:
    """`&military aid` -> Phrase(({soldier, troop, ...}, {aid})); an undefined class makes no phrase."""
    words = [w for w in text.split() if w not in PATTERN_MARKERS]
    if not words or any(w.startswith("&") and w not in classes for w in words):
        return None
    return Phrase(tuple(classes[w] if w.startswith("&") else frozenset(w.split("/")) for w in words))


def parse_prepositions(text: str, classes: dict[str, frozenset[str]]) -> tuple[tuple[str, Phrase | None], ...] | None:
    """`for financial aid ; of banned parties` -> (("for", Phrase), ("of", Phrase))."""
    found = []
    for part in (p.split() for p in text.split(";") if p.strip()):
        phrase = parse_phrase(" ".join(part[1:]), classes) if len(part) > 1 else None
        if len(part) > 1 and phrase is None:
            return None
        found.append((part[0], phrase))
    return tuple(found)


def load_cameo_dictionary(reference_dir: Path) -> dict[str, tuple[DictionaryPattern, ...]]:
    """Each verb's patterns: its bare form (the verb's own code) and every pattern of its block."""
    if not (reference_dir / "cameo_verbs.csv").exists():
        return {}
    classes = load_word_classes(reference_dir)
    known_codes = {row["event_code"] for row in load_cameo_codes(reference_dir)} | {NO_EVENT}
    block_patterns: dict[str, list[tuple]] = defaultdict(list)
    for row in read_reference_csv(reference_dir / "cameo_verb_patterns.csv"):
        if row["event_code"] not in known_codes:
            continue  # a pattern coded only for the reverse direction (`[:173]`) names no act of the subject
        subject = parse_phrase(row["subject"], classes) if row["subject"] else None
        obj = parse_phrase(row["object"], classes) if row["object"] else None
        prepositions = parse_prepositions(row["prepositions"], classes)
        if (row["subject"] and subject is None) or (row["object"] and obj is None) or prepositions is None:
            continue
        if subject is None and obj is None and not prepositions:
            continue
        block_patterns[row["block"]].append((subject, obj, prepositions, row["event_code"]))
    patterns: dict[str, list[DictionaryPattern]] = defaultdict(list)
    for row in read_reference_csv(reference_dir / "cameo_verbs.csv"):
        code = row["event_code"] if row["event_code"] in known_codes else NO_EVENT
        verb = {"lemma": row["lemma"], "particle": row["particle"], "before": row["before"]}
        patterns[row["lemma"]].append(DictionaryPattern(**verb, subject=None, object=None, prepositions=(), event_code=code))
        for subject, obj, prepositions, event_code in block_patterns[row["block"]]:
            patterns[row["lemma"]].append(
                DictionaryPattern(**verb, subject=subject, object=obj, prepositions=prepositions, event_code=event_code)
            )
    return {lemma: tuple(rows) for lemma, rows in patterns.items()}


def load_verb_patterns(reference_dir: Path | None = None) -> dict[tuple[str, str], tuple[VerbPattern, ...]]:
    """Verb-dictionary rows grouped by (lemma, part of speech), in file order."""
    folder = reference_dir or config.reference_dir()
    return cached_verb_patterns(folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_verb_patterns(reference_dir: Path, version: tuple) -> dict[tuple[str, str], tuple[VerbPattern, ...]]:
    patterns: dict[tuple[str, str], list[VerbPattern]] = defaultdict(list)
    known_codes = {row["event_code"] for row in load_cameo_codes(reference_dir)} | {NO_EVENT}
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
    """`asked Putin to take`, `urged the West to stop`, `gave the envoy 48 hours to leave`: a to-infinitive complement."""
    return bool(infinitive_complements(trigger))


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


def token_words(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def phrase_matches(phrase: Phrase, head: Token) -> bool:
    """Whether a token heads the phrase: its head word is the token's, and every other word is in the
    token's own words (`military aid`: `military` modifies `aid`, or is the token itself in a compound)."""
    if not phrase.head & token_words(head):
        return False
    if len(phrase.words) == 1:
        return True
    around = set().union(*(token_words(t) for t in head.subtree if t.i != head.i))
    return all(word & around for word in phrase.words[:-1])


def verb_objects(verb: Token) -> list[Token]:
    """The tokens a verb's object phrase may be headed by, with the conjuncts of each and what a quantity
    counts (`lifted most of the sanctions`, `dropped 25 tonnes of food`)."""
    heads = [c for c in verb.children if c.dep_ in OBJECT_LIKE_DEPS] + passive_patients(verb)
    heads += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return [t for head in heads for t in (head, *head.conjuncts)]


def verb_prepositions(verb: Token, objects: list[Token]) -> list[Token]:
    """Prepositions of the verb, and of its objects (the parser hangs `sanctions on Russia` either way)."""
    return [c for t in (verb, *objects) for c in t.children if c.dep_ in ("prep", "agent", "dative", "prt")]


@dataclass
class VerbContext:
    """What a verb's patterns are matched against, read once per verb: its objects and prepositions with
    their words (for a quick rejection of most patterns), and its subjects when a pattern asks."""

    verb: Token
    objects: list[Token]
    prepositions: list[Token]
    object_words: frozenset[str]
    preposition_words: frozenset[str]
    infinitives: list[Token]
    _subjects: list[Token] | None = None

    @classmethod
    def of(cls, verb: Token) -> VerbContext:
        objects = verb_objects(verb)
        prepositions = verb_prepositions(verb, objects)
        object_words = frozenset(w for o in objects for w in token_words(o))
        infinitives = infinitive_complements(verb)
        preposition_words = frozenset(p.lower_ for p in prepositions) | ({INFINITIVE_MARKER} if infinitives else set())
        return cls(verb, objects, prepositions, object_words, preposition_words, infinitives)

    @property
    def subjects(self) -> list[Token]:
        if self._subjects is None:
            self._subjects = subject_heads(self.verb)
        return self._subjects

    def may_match(self, pattern: DictionaryPattern) -> bool:
        """False when the pattern's object head or one of its prepositions is missing: most patterns."""
        if pattern.object is not None and not pattern.object.head & self.object_words:
            return False
        return all(preposition in self.preposition_words for preposition, _ in pattern.prepositions)


def dictionary_pattern_matches(pattern: DictionaryPattern, context: VerbContext) -> bool:
    verb, objects, prepositions = context.verb, context.objects, context.prepositions
    if not context.may_match(pattern):
        return False
    if pattern.particle and not any(
        c.lower_ == pattern.particle.split()[0] for c in verb.children if c.dep_ in ("prt", "prep", "advmod")
    ):
        return False
    if pattern.before and (verb.i == 0 or verb.nbor(-1).lower_ != pattern.before.split()[-1]):
        return False
    if pattern.subject is not None and not any(phrase_matches(pattern.subject, s) for s in context.subjects):
        return False
    if pattern.object is not None and not any(phrase_matches(pattern.object, o) for o in objects):
        return False
    for preposition, phrase in pattern.prepositions:
        heads = [g for p in prepositions if p.lower_ == preposition for g in p.children if g.dep_ == "pobj"]
        if preposition == INFINITIVE_MARKER:
            heads += context.infinitives
        if not heads and not any(p.lower_ == preposition for p in prepositions):
            return False
        if phrase is not None and not any(phrase_matches(phrase, g) for g in heads):
            return False
    return True


def infinitive_complements(verb: Token) -> list[Token]:
    """The to-infinitives a verb governs, which TABARI's patterns write as a `to` phrase (`ORDER * (TO
    LEAVE)`: `ordered the diplomats to leave`)."""
    return [
        c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.dep_ == "aux" and a.lower_ == INFINITIVE_MARKER for a in c.children)
    ]


def dictionary_lemma(token: Token, pos: str, dictionary: VerbDictionary) -> str:
    """The token's lemma, or where the lemmatiser got an inflected verb wrong (`staged` -> `stag`, `hopes`
    -> `hop`) and only the form's own stem is in the dictionary, that stem."""
    lemma = token.lemma_.lower()
    if pos != "VERB" or (lemma, pos) in dictionary.curated or lemma in dictionary.cameo:
        return lemma
    word = token.lower_
    stems = [word[: -len(suffix)] + ending for suffix, ending in INFLECTION_ENDINGS if word.endswith(suffix)]
    return next((s for s in stems if (s, pos) in dictionary.curated or s in dictionary.cameo), lemma)


def best_pattern(trigger: Token, dictionary: VerbDictionary) -> Pattern | None:
    """The most specific pattern that the trigger matches: of the curated rows, which override the CAMEO
    dictionary where one matches, else of the CAMEO dictionary. A match coded `---` means the phrase is no
    event (`ask a question`). Reporting verbs (`say`, `tell`)
    frame what is reported, which is coded on its own; only curated rows code them."""
    pos = "VERB" if trigger.pos_ in ("VERB", "AUX") else trigger.pos_
    if pos not in dictionary.parts_of_speech:
        return None
    lemma = dictionary_lemma(trigger, pos, dictionary)
    candidates: list[Pattern] = [p for p in dictionary.curated.get((lemma, pos), ()) if pattern_matches(p, trigger)]
    if not candidates and pos == "VERB" and lemma in dictionary.cameo and lemma not in REPORTING_VERBS:
        context = VerbContext.of(trigger)
        candidates += [p for p in dictionary.cameo[lemma] if dictionary_pattern_matches(p, context)]
    if not candidates:
        return None
    best = max(candidates, key=lambda p: p.specificity)  # max keeps the first of equals
    return None if best.event_code == NO_EVENT else best


def needs_target(pattern: DictionaryPattern, event_code: str) -> bool:
    """Whether a CAMEO dictionary match codes an event only with a target. Verbal acts always need one; a
    bare verb's default code (`hit`, `die`, `take`) is too broad to code without one, except for protests
    and shows of force, which are often done with no one named."""
    return is_verbal(event_code) or (is_bare(pattern) and not is_done_alone(event_code))


def lacks_target(pattern: Pattern, event_code: str, actor2: EntityMention | None, trigger: Token) -> bool:
    """Whether a CAMEO dictionary match misses the target it needs (`needs_target`), or, for a bare verb's
    verbal act, has one that is not among the verb's own arguments (`asked Guterres`, not a name deeper in
    the sentence)."""
    if not isinstance(pattern, DictionaryPattern) or not needs_target(pattern, event_code):
        return False
    return actor2 is None or (is_bare(pattern) and is_verbal(event_code) and not is_argument(actor2, trigger))


def is_bare(pattern: DictionaryPattern) -> bool:
    """A verb of the dictionary with none of its block's patterns: its default code."""
    return pattern.subject is None and pattern.object is None and not pattern.prepositions
