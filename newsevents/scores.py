"""Precision and recall of found items against gold ones."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Score:
    """Counts of found items that are gold (true positives), that are not (false positives), and of gold
    items not found (false negatives); counted up as items are compared."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0
