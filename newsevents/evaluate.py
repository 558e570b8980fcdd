"""Evaluation against hand-annotated gold data in tests/gold/.

`python -m newsevents.evaluate entities` runs the text stages on the sample corpus and prints, per entity
type, the precision and recall of canonical entities: the distinct (document, type, entity) triples the
pipeline finds against those a person annotated. Gold names are resolved through the same dictionary
(so `Kiev` and `Kyiv` are one entity); names the dictionary does not know are compared by their
normalised spelling. A nationality (NORP) counts as its country; `Ukrainian forces` (Ukraine's military)
counts as Ukraine.

`python -m newsevents.evaluate dev` codes the development set (`tests/gold/dev/`, see `newsevents.devset`)
and prints precision and recall per part, CAMEO root and story.

`python -m newsevents.evaluate events` does the same for events that happened (mode asserted): distinct
(document, actor 1, CAMEO root, actor 2) at the first level and (document, actor 1, full code, actor 2)
at the second, against tests/gold/events.csv; the two sides of a symmetric interaction (a meeting) count
in either order, and a country's military or government counts as the country.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

from newsevents import config
from newsevents.annotate import load_pipeline
from newsevents.devset import PartScore, evaluate_dev
from newsevents.entities import ROLE_GROUP_PREFIX, default_resolver
from newsevents.merging import is_symmetric
from newsevents.reference import normalise_name
from newsevents.scores import Score
from newsevents.tables import assign_events, ingest_tables
from newsevents.textwork import text_tables

GOLD_DIR = config.PROJECT_ROOT / "tests" / "gold"
EVALUATED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")

Triple = tuple[str, str, str]  # (file name, entity type, entity key)


def entity_key(name: str, entity_type: str) -> str:
    """The dictionary id of a name, else its normalised spelling."""
    found = default_resolver().resolve_text(name, None, entity_type if entity_type != "NORP" else None)
    return found[0].entity_id if found else f"name:{normalise_name(name)}"


def read_gold_entities(path: Path) -> set[Triple]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {
            (row["file_name"], row["entity_type"], entity_key(row["canonical_name"], row["entity_type"]))
            for row in rows
            if row["entity_type"] in EVALUATED_TYPES
        }


def base_entity(entity_id: str) -> str:
    """`country:UKR/MIL` -> `country:UKR`: a role actor is still its country for this evaluation."""
    return entity_id.split("/")[0]


def predicted_entities(mentions: pd.DataFrame, file_names: dict[str, str]) -> set[Triple]:
    triples = set()
    for row in mentions.itertuples(index=False):
        if row.entity_id.startswith(ROLE_GROUP_PREFIX):
            continue  # `villagers`, `soldiers` of no known country: people named by their role, not a name
        # A role actor (`Ukrainian forces`, a capital standing for its government) is a mention of its country.
        is_role_actor = "/" in row.entity_id
        entity_type = "NORP" if row.ner_label == "NORP" else "GPE" if is_role_actor else row.entity_type
        key = base_entity(row.entity_id) if row.is_resolved else f"name:{normalise_name(row.canonical_name)}"
        triples.add((file_names[row.document_id], entity_type, key))
    return triples


def run_entity_stages(corpus_dir: Path, with_events: bool = False) -> tuple[pd.DataFrame, dict[str, str]]:
    """Entity mentions (or, `with_events`, event mentions) of a corpus, and the file name of each document."""
    event_mentions, entity_mentions, file_names = run_stages(corpus_dir, with_events)
    return (event_mentions if with_events else entity_mentions), file_names


def run_stages(corpus_dir: Path, with_events: bool = True) -> tuple[pd.DataFrame | None, pd.DataFrame, dict[str, str]]:
    """Event mentions (None unless `with_events`), entity mentions, and the file name of each document of a
    corpus, from the same one-pass text work a load runs."""
    nlp = load_pipeline(config.spacy_model_name())
    raw, _, quarantined = ingest_tables(corpus_dir)
    if len(quarantined):
        raise ValueError(f"{corpus_dir}: inputs quarantined: {quarantined.to_dict('records')}")
    tables = text_tables(raw, nlp, config.spacy_model_name())
    events = tables.event_mentions if with_events else None
    return events, tables.entity_mentions, dict(zip(raw["document_id"], raw["file_name"]))


def score_by_type(gold: set[Triple], predicted: set[Triple]) -> dict[str, Score]:
    scores = {}
    for entity_type in EVALUATED_TYPES:
        gold_of_type = {t for t in gold if t[1] == entity_type}
        predicted_of_type = {t for t in predicted if t[1] == entity_type}
        scores[entity_type] = Score(
            len(gold_of_type & predicted_of_type), len(predicted_of_type - gold_of_type), len(gold_of_type - predicted_of_type)
        )
    return scores


def evaluate_entities(corpus_dir: Path, gold_path: Path) -> tuple[dict[str, Score], set[Triple], set[Triple]]:
    mentions, file_names = run_entity_stages(corpus_dir)
    gold = read_gold_entities(gold_path)
    predicted = {t for t in predicted_entities(mentions, file_names) if t[0] in {g[0] for g in gold}}
    return score_by_type(gold, predicted), gold, predicted


def print_entity_report(scores: dict[str, Score], gold: set[Triple], predicted: set[Triple], details: bool) -> None:
    print(f"{'type':8} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for entity_type, score in scores.items():
        print(
            f"{entity_type:8} {score.precision:9.3f} {score.recall:7.3f} {score.f1:6.3f} "
            f"{score.true_positives:4d} {score.false_positives:4d} {score.false_negatives:4d}"
        )
    if details:
        by_kind = defaultdict(list)
        for triple in sorted(gold - predicted):
            by_kind["missed"].append(triple)
        for triple in sorted(predicted - gold):
            by_kind["false alarm"].append(triple)
        for kind, triples in by_kind.items():
            print(f"\n{kind} ({len(triples)}):")
            for file_name, entity_type, key in triples:
                print(f"  {file_name[:3]} {entity_type:6} {key}")


EventKey = tuple[str, str, str, str, bool]  # (file name, actor 1, code, actor 2, whether the code is symmetric)


def event_key(file_name: str, actor1: str, code: str, actor2: str, level: str) -> EventKey:
    return (file_name, actor1, code[:2] if level == "root" else code, actor2, is_symmetric(code))


def read_gold_events(path: Path, level: str) -> set[EventKey]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {
            event_key(
                row["file_name"],
                entity_key(row["actor1"], None) if row["actor1"] else "",
                row["event_code"],
                entity_key(row["actor2"], None) if row["actor2"] else "",
                level,
            )
            for row in rows
        }


def predicted_events(event_mentions: pd.DataFrame, file_names: dict[str, str], level: str) -> set[EventKey]:
    """The events each document reports, as the warehouse merges them (a report that named no target
    counts with the target of the event it merged into), each with the report's own code."""
    assignments, events = assign_events(event_mentions)
    events = events.set_index("event_id")
    reports = event_mentions.merge(assignments[["mention_id", "event_id"]], on="mention_id")
    asserted = reports[reports["mode"] == "asserted"]
    keys = set()
    for row in asserted.itertuples(index=False):
        event = events.loc[row.event_id]
        actor2 = event["actor2_entity_id"] if isinstance(event["actor2_entity_id"], str) else ""
        actor1 = event["actor1_entity_id"]
        keys.add(event_key(file_names[row.document_id], base_entity(actor1), row.event_code, base_entity(actor2) if actor2 else "", level))
    return keys


def keys_agree(gold: EventKey, predicted: EventKey) -> bool:
    """Same document, code and actors; for a symmetric code on either side, the actors in either order
    (`Putin hosted Guterres` (043) is the happening `Guterres met Putin` (040) reports at root level)."""
    if gold[0] != predicted[0] or gold[2] != predicted[2]:
        return False
    same_order = (gold[1], gold[3]) == (predicted[1], predicted[3])
    return same_order or ((gold[4] or predicted[4]) and (gold[1], gold[3]) == (predicted[3], predicted[1]))


def matched_keys(gold: set[EventKey], predicted: set[EventKey]) -> set[tuple[EventKey, EventKey]]:
    """Gold and predicted events paired, exact matches first. A predicted event pairs with one gold event,
    except a symmetric one, which is both directions of its happening (`a ceasefire between Armenia and
    Azerbaijan` merges the two sides' reports into one event; a gold file may list each side's)."""
    pairs = {(key, key) for key in gold & predicted}
    uses = {key: 1 for key in gold & predicted}
    for key in sorted(gold - predicted):
        match = next((p for p in sorted(predicted) if uses.get(p, 0) < (2 if p[4] else 1) and keys_agree(key, p)), None)
        if match is not None:
            uses[match] = uses.get(match, 0) + 1
            pairs.add((key, match))
    return pairs


def score_events(gold: set[EventKey], predicted: set[EventKey]) -> Score:
    pairs = matched_keys(gold, predicted)
    found = len({p for _, p in pairs})
    return Score(len(pairs), len(predicted) - found, len(gold) - len(pairs))


def print_event_report(event_mentions: pd.DataFrame, file_names: dict[str, str], gold_path: Path, details: bool) -> None:
    print(f"{'level':16} {'precision':>9} {'recall':>7} {'f1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for level, label in (("root", "root + actors"), ("code", "full code")):
        gold = read_gold_events(gold_path, level)
        predicted = predicted_events(event_mentions, file_names, level)
        score = score_events(gold, predicted)
        print(
            f"{label:16} {score.precision:9.3f} {score.recall:7.3f} {score.f1:6.3f} "
            f"{score.true_positives:4d} {score.false_positives:4d} {score.false_negatives:4d}"
        )
        if details:
            pairs = matched_keys(gold, predicted)
            missed, false_alarms = gold - {g for g, _ in pairs}, predicted - {p for _, p in pairs}
            for kind, keys in (("missed", missed), ("false alarm", false_alarms)):
                print(f"\n{kind} ({len(keys)}):")
                for file_name, actor1, code, actor2, _ in sorted(keys):
                    print(f"  {file_name[:3]} {actor1} {code} {actor2 or '-'}")
            print()


def print_dev_report(scores: dict[str, PartScore]) -> None:
    """Each part's figures: overall, per CAMEO root and per story (root + actors), negatives, typing."""
    for part, score in scores.items():
        print(f"== {part} part ==")
        print(f"{'level':30} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
        for level, label in (("root", "root + actors"), ("code", "full code")):
            print_tally(label, score.overall[level])
        print(f"negative items that stay empty: {score.negatives_empty}/{score.negatives} ({score.negatives_empty_share:.3f})")
        print(f"sentences typed with a right root: {score.typed_right}/{score.typed_sentences} ({score.typed_right_share:.3f})")
        for title, tallies in (("CAMEO root", score.by_root), ("story", score.by_story)):
            print(f"\n{title} (root + actors):")
            for key in sorted(tallies):
                print_tally(key, tallies[key])
        print()


def print_tally(label: str, tally: Score) -> None:
    print(
        f"{label:30} {tally.precision:9.3f} {tally.recall:7.3f} "
        f"{tally.true_positives:4d} {tally.false_positives:4d} {tally.false_negatives:4d}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what", choices=["entities", "events", "dev"], help="what to evaluate (dev: events of the development set, tests/gold/dev/)"
    )
    parser.add_argument("--corpus", type=Path, default=config.DEFAULT_CORPUS_DIR)
    parser.add_argument("--gold", type=Path, default=None, help="gold file (default: tests/gold/<what>.csv)")
    parser.add_argument("--details", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    if args.what == "dev":
        print_dev_report(evaluate_dev())
        return 0
    gold_path = args.gold or GOLD_DIR / f"{args.what}.csv"
    if args.what == "entities":
        scores, gold, predicted = evaluate_entities(args.corpus, gold_path)
        print_entity_report(scores, gold, predicted, args.details)
    else:
        event_mentions, file_names = run_entity_stages(args.corpus, with_events=True)
        print_event_report(event_mentions, file_names, gold_path, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
