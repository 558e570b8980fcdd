"""Find the phrases of a large list (tens of thousands of actor names) in tokenised text.

spaCy's `PhraseMatcher` needs one `Doc` per phrase, and a `Doc` costs kilobytes however short it is: for the
converted actor dictionaries that is hundreds of megabytes in every process that parses. Here the phrases
are tokenised together, as one text with a line break between them (the tokenizer splits on whitespace
before anything else, so each phrase gets the tokens it would get alone, and the tokens a document would
give it), and kept as tuples of token texts indexed by their first token: one dictionary lookup per token
of a document.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

SEPARATOR = "\n"


def tokenised(nlp: Language, phrases: Sequence[str]) -> list[tuple[str, ...]]:
    """The token texts of each phrase, as the pipeline's tokenizer splits it."""
    if any(SEPARATOR in phrase for phrase in phrases):
        raise ValueError("a phrase to match may not contain a line break")
    doc = nlp.make_doc(SEPARATOR.join(phrases))
    sequences: list[tuple[str, ...]] = []
    current: list[str] = []
    for token in doc:
        if token.text == SEPARATOR or (token.is_space and SEPARATOR in token.text):
            sequences.append(tuple(current))
            current = []
        elif not token.is_space:
            current.append(token.text)
    sequences.append(tuple(current))
    if len(sequences) != len(phrases):
        raise ValueError(f"tokenising {len(phrases)} phrases gave {len(sequences)} token sequences")
    return sequences


class PhraseIndex:
    """Phrases as token sequences, each with a key; matched on token texts exactly or in lower case."""

    def __init__(self, lower_case: bool):
        self.lower_case = lower_case
        # first token -> phrase length -> phrase tokens -> keys
        self.by_first: dict[str, dict[int, dict[tuple[str, ...], set[str]]]] = {}

    def normal(self, text: str) -> str:
        return text.lower() if self.lower_case else text

    def add(self, key: str, tokens: tuple[str, ...]) -> None:
        tokens = tuple(self.normal(t) for t in tokens)
        by_length = self.by_first.setdefault(tokens[0], {})
        by_length.setdefault(len(tokens), {}).setdefault(tokens, set()).add(key)

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Every (key, start token, end token) of a phrase found in the document, overlapping ones too."""
        words = [self.normal(token.text) for token in doc]
        found = []
        for start, word in enumerate(words):
            for length, phrases in self.by_first.get(word, {}).items():
                keys = phrases.get(tuple(words[start : start + length]))
                if keys:
                    found.extend((key, start, start + length) for key in sorted(keys))
        return found
