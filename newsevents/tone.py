"""Tone of a sentence or document, GDELT-style: positive minus negative, on a -100..+100 scale.

Scores come from VADER (Hutto & Gilbert 2014, the `vaderSentiment` package, lexicon shipped in the
wheel): its compound score in -1..1, times 100.
"""

from __future__ import annotations

from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=4096)  # the coder scores sentences the document's tone scored a moment before
def sentence_tone(text: str) -> float:
    return round(analyzer().polarity_scores(text)["compound"] * 100, 2)


def document_tone(text: str, sentence_spans: list[tuple[int, int]]) -> float:
    """A document's tone: the mean tone of its sentences (VADER is made for sentences, not pages)."""
    tones = [sentence_tone(text[start:end]) for start, end in sentence_spans if text[start:end].strip()]
    return round(sum(tones) / len(tones), 2) if tones else 0.0
