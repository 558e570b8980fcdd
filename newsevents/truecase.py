"""Restore capitals to text written without any (auto-captioned transcripts), so NER can read it.

Three sources, most trusted first:
1. the curated actor dictionary: a phrase that matches an alias, ignoring case, takes the alias's casing
   (`u.n` -> `U.N`, `vladimir putin` -> `Vladimir Putin`, `nato` -> `NATO` or `Nato` as the alias has it);
2. the spaCy tagger, which tags proper nouns well even in lower case (`steve rosenberg`, `heapey`);
3. English rules: the pronoun `I`, and the first word of each sentence the parser finds.

Only letter case changes, so offsets into the text stay valid.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from newsevents import config
from newsevents.phrases import PhraseIndex, tokenised
from newsevents.reference import actor_reference, is_case_sensitive_alias

PRONOUN_I = ("i", "i'm", "i'd", "i've", "i'll", "i’m", "i’d", "i’ve", "i’ll")
MATCHER_KEY = "ALIAS"


def alias_casings(nlp: Language) -> tuple[PhraseIndex, dict[str, str]]:
    """A case-insensitive index of every alias, and the casing of each alias by its lower-case form.

    Bare acronyms of two or three letters (`US`, `UN`) are left out: in lower case they are words.
    """
    folder = config.reference_dir()
    return cached_alias_casings(nlp, folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_alias_casings(nlp: Language, reference_dir, version: tuple) -> tuple[PhraseIndex, dict[str, str]]:
    _, aliases = actor_reference(reference_dir)
    casing: dict[str, str] = {}
    for alias in aliases:
        # Only curated names: the converted dictionaries hold common phrases (`International Solidarity`).
        if not alias.curated or is_case_sensitive_alias(alias.alias) or alias.alias.islower():
            continue
        casing.setdefault(alias.alias.lower(), alias.alias)
    index = PhraseIndex(lower_case=True)
    for tokens in tokenised(nlp, list(casing)):
        if tokens:
            index.add(MATCHER_KEY, tokens)
    return index, casing


def known_acronyms() -> frozenset[str]:
    """Lower-case forms of the dictionary's bare acronyms (`uk`, `us`, `eu`): written in capitals once a
    tagger says they are proper nouns here, not the words `us` and `un`."""
    folder = config.reference_dir()
    return cached_acronyms(folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_acronyms(reference_dir, version: tuple) -> frozenset[str]:
    _, aliases = actor_reference(reference_dir)
    return frozenset(a.alias.lower() for a in aliases if is_case_sensitive_alias(a.alias))


def capitalise(chars: list[str], index: int) -> None:
    upper = chars[index].upper()
    if len(upper) == 1:
        chars[index] = upper


def recase(text: str, nlp: Language) -> tuple[str, list[int]]:
    """The text with proper nouns, `I` and sentence starts capitalised, and the sentence start offsets."""
    doc = nlp(text)
    chars = list(text)
    matcher, casing = alias_casings(nlp)
    for _, start, end in matcher.matches(doc):
        span = doc[start:end]
        cased = casing.get(span.text.lower())
        if cased and len(cased) == len(span.text):
            for offset, letter in enumerate(cased):
                if letter.isupper():
                    capitalise(chars, span.start_char + offset)
    acronyms = known_acronyms()
    for token in doc:
        if token.lower_ in acronyms and token.pos_ == "PROPN":
            for offset in range(len(token)):  # `uk` -> `UK`, not `Uk`
                capitalise(chars, token.idx + offset)
        elif token.pos_ == "PROPN" and token.is_alpha and len(token) > 1 and not token.is_stop:
            capitalise(chars, token.idx)
        elif token.lower_ in PRONOUN_I:
            capitalise(chars, token.idx)
    starts = [sentence.start_char for sentence in doc.sents]
    for start in starts:
        first_letter = next((i for i in range(start, len(chars)) if chars[i].isalpha()), None)
        if first_letter is not None:
            capitalise(chars, first_letter)
    return "".join(chars), starts


def recaser_for(nlp: Language):
    """`recase` bound to a pipeline, in the shape `clean_document` takes."""
    return lambda text: recase(text, nlp)
