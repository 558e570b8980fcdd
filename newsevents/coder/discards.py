"""Sentences the coder leaves alone: sport reports, whose `beat`, `attack` and `clash` are games
(`seeds/reference/discard_phrases.csv`)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from newsevents import config
from newsevents.reference import read_reference_csv


def discard_pattern(reference_dir: Path | None = None) -> re.Pattern[str]:
    folder = reference_dir or config.reference_dir()
    return cached_discard_pattern(folder, config.reference_version(folder))


@lru_cache(maxsize=2)
def cached_discard_pattern(reference_dir: Path, version: tuple) -> re.Pattern[str]:
    """One expression for every discard phrase: whole words, any spacing, a final plural `s` allowed."""
    phrases = [row["phrase"].split() for row in read_reference_csv(reference_dir / "discard_phrases.csv")]
    alternatives = sorted((r"\s+".join(map(re.escape, words)) for words in phrases if words), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(alternatives)})s?\b", re.IGNORECASE)


def is_discarded(sentence_text: str, discards: re.Pattern[str]) -> bool:
    return discards.search(sentence_text) is not None
