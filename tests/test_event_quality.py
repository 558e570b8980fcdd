"""Event coding on the sample against hand-annotated gold (tests/gold/events.csv).

The acceptance target of issue 5 is precision 0.8 and recall 0.7 at root + actors (who did what kind of
thing to whom), still reached with the field's CAMEO dictionary (measured: root + actors P 0.841 R 0.712;
before it, with only the rows tuned on this sample, P 0.935 R 0.713): its floors are the acceptance
figures. The full-code floors are the measured figures rounded down to the 0.05 below (measured: P 0.692
R 0.583), so a change that loses events fails here. Full-code precision fell from 0.797 when the CAMEO
dictionary came in: it codes events this sample's annotator left out (Putin praised the UN, 051;
criticised, 111) and codes some at another depth (a pledge of support 033 where the gold says 0332).
"""

from __future__ import annotations

import pytest

from newsevents.evaluate import GOLD_DIR, predicted_events, read_gold_events, score_events

FLOORS = {"root": (0.80, 0.70), "code": (0.65, 0.55)}  # level: (precision, recall)


@pytest.fixture(scope="module")
def event_mentions(warehouse):
    mentions = warehouse.execute("select * from staging.event_mentions").df()
    file_names = dict(warehouse.execute("select document_id, file_name from staging.raw_documents").fetchall())
    return mentions, file_names


@pytest.mark.parametrize("level", sorted(FLOORS))
def test_event_precision_and_recall(event_mentions, level):
    mentions, file_names = event_mentions
    score = score_events(read_gold_events(GOLD_DIR / "events.csv", level), predicted_events(mentions, file_names, level))
    precision_floor, recall_floor = FLOORS[level]
    assert score.precision >= precision_floor, f"{level} precision {score.precision:.3f}"
    assert score.recall >= recall_floor, f"{level} recall {score.recall:.3f}"
