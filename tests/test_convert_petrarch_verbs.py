"""The PETRARCH2 verb dictionary converter: exact rows for a small inline sample, and the committed CSV files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from newsevents import config
from newsevents.convert import petrarch_verbs

SAMPLE = """\
# A sample in the format of PETRARCH2's CAMEO.2.0.txt
####### SYNONYM SETS #######

&MILITARY
+TROOP
+ARMED_FORCES_
+SOLDIER
+TROOP

&AUXVERB1_
+WAS

####### VERB PATTERNS #######

---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
ASK     [020]
QUERY {QUERYING QUERIES QUERIED }  # OY 25 Jul 2003
WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED WIRE_+TAPPING}
ASK  [110]
- * (FOR {FINANCIAL AID})                          [0231]        # ASK
- * {&MILITARY AID}                                [0232]        # ASK
- &MILITARY * (TO LIST) (OF {BANNED PARTIES})      [1722]        # ASK , QUERY
- * (TO) $                                         [042:043]     # ASK
- * OUT VIEWS                                      [---]         # QUERY
- * (BEFORE COURT)                                 [:173]
- + * HACKING                                      [176]         # QUERY
- * (WITH &UNDEFINED)                               [020]         # ASK
- DELIVERY (OF AID) *                               [073]         # ASK
- * DOWN (FROM)                                     [080!]        # ASK
~ a (a b ASK) SAY = a b 020

---  VISIT   [042:043]  ---
VISIT
SPY {SPIES SPIED SPYING}[090];shan 12/9/91
"""
SAMPLE_CODEBOOK = frozenset({"02", "020", "0231", "0232", "04", "042", "043", "09", "090", "17", "170", "1722", "173"})


def data_rows(text: str) -> list[tuple[str, ...]]:
    """The rows of a reference CSV after its `#` notes and column names."""
    rows = list(csv.reader(line for line in io.StringIO(text) if not line.startswith("#")))
    return [tuple(row) for row in rows[1:]]


def read_reference(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_sample_gives_exact_verb_rows():
    files = petrarch_verbs.convert(SAMPLE, SAMPLE_CODEBOOK)
    assert data_rows(files[petrarch_verbs.VERBS_FILE]) == [
        ("ask", "ask", "for", "", "020", ""),
        ("ask", "ask", "", "", "020", ""),
        ("ask", "query", "", "", "---", ""),
        ("ask", "tap", "", "wire", "---", ""),
        ("visit", "visit", "", "", "042", "043"),
        ("visit", "spy", "", "", "090", ""),
    ]


def test_sample_gives_exact_pattern_rows():
    files = petrarch_verbs.convert(SAMPLE, SAMPLE_CODEBOOK)
    assert data_rows(files[petrarch_verbs.PATTERNS_FILE]) == [
        ("ask", "", "", "for financial aid", "0231", "", "ask"),
        ("ask", "", "&military aid", "", "0232", "", "ask"),
        ("ask", "&military", "", "to list ; of banned parties", "1722", "", "ask ; query"),
        ("ask", "", "", "to", "042", "043", "ask"),
        ("ask", "", "out views", "", "---", "", "query"),
        ("ask", "", "", "before court", "", "173", ""),
        ("ask", "", "hacking", "", "170", "", "query"),
    ]


def test_sample_gives_exact_word_class_rows():
    files = petrarch_verbs.convert(SAMPLE, SAMPLE_CODEBOOK)
    assert data_rows(files[petrarch_verbs.WORD_CLASSES_FILE]) == [
        ("&military", "troop"),
        ("&military", "armed forces"),
        ("&military", "soldier"),
        ("&auxverb1", "was"),
    ]


def test_sample_reports_unparseable_lines_and_ignores_transformations():
    dictionary = petrarch_verbs.parse_dictionary(SAMPLE)
    reasons = [(line.text.split()[1], line.reason) for line in dictionary.skipped]
    assert reasons == [
        ("*", "word class &undefined is not defined"),
        ("DELIVERY", "prepositional phrase before the verb"),
        ("*", "malformed code [080!]"),
    ]
    assert dictionary.transformations == 1
    assert [block.name for block in dictionary.blocks] == ["ask", "visit"]


def test_files_cite_the_source_before_the_column_names():
    for name, text in petrarch_verbs.convert(SAMPLE, SAMPLE_CODEBOOK).items():
        lines = text.splitlines()
        notes = [line for line in lines if line.startswith("#")]
        assert lines[: len(notes)] == notes, name
        assert any("676801cd9cb2924bbbad09f86d15c9323e7097bf" in note and "MIT licence" in note for note in notes), name


def test_codes_missing_from_the_codebook_become_their_nearest_ancestor():
    assert petrarch_verbs.code_ancestors("1213") == ["121", "120", "12"]
    assert petrarch_verbs.code_ancestors("176") == ["170", "17"]
    codebook = frozenset({"12", "121", "17", "170", "19", "195"})
    assert [petrarch_verbs.codebook_code(code, codebook) for code in ("1213", "176", "1952", "121", "---", "")] == [
        "121",
        "170",
        "195",
        "121",
        "---",
        "",
    ]


def test_command_line_writes_the_files_and_reports_a_missing_source(tmp_path, capsys):
    source = tmp_path / "CAMEO.sample.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    output = tmp_path / "out"
    assert petrarch_verbs.main([str(source), str(output)]) == 0
    first = {path.name: path.read_bytes() for path in output.iterdir()}
    assert sorted(first) == ["cameo_verb_patterns.csv", "cameo_verbs.csv", "cameo_word_classes.csv"]
    captured = capsys.readouterr()
    assert captured.out.startswith("2 blocks, 6 verbs, 7 patterns, 2 word classes")
    assert "line 28: word class &undefined is not defined" in captured.err

    assert petrarch_verbs.main([str(source), str(output)]) == 0
    assert {path.name: path.read_bytes() for path in output.iterdir()} == first
    capsys.readouterr()

    assert petrarch_verbs.main([str(tmp_path / "missing.txt"), str(output)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: source file") and error.count("\n") == 1


# The committed files under seeds/reference/.

REFERENCE_DIR = config.REFERENCE_DIR


def test_committed_files_hold_the_dictionary():
    patterns = read_reference(REFERENCE_DIR / petrarch_verbs.PATTERNS_FILE)
    verbs = read_reference(REFERENCE_DIR / petrarch_verbs.VERBS_FILE)
    classes = read_reference(REFERENCE_DIR / petrarch_verbs.WORD_CLASSES_FILE)
    assert len(patterns) >= 3000
    assert len(verbs) >= 1500
    assert len({row["word_class"] for row in classes}) >= 30
    assert {row["block"] for row in patterns} <= {row["block"] for row in verbs}
    words = {word for row in patterns for word in f"{row['subject']} {row['object']} {row['prepositions']}".split()}
    used = {word for word in words if word.startswith("&")}
    assert used <= {row["word_class"] for row in classes}


def test_committed_codes_are_in_the_codebook():
    codebook = {row["event_code"] for row in read_reference(REFERENCE_DIR / "cameo_event_codes.csv")}
    patterns = read_reference(REFERENCE_DIR / petrarch_verbs.PATTERNS_FILE)
    rows = patterns + read_reference(REFERENCE_DIR / petrarch_verbs.VERBS_FILE)
    unknown = {code for row in rows for code in (row["event_code"], row["reverse_code"])} - codebook - {"", "---"}
    assert not unknown, f"codes not in cameo_event_codes.csv: {sorted(unknown)}"


def test_converting_the_source_reproduces_the_committed_files():
    source = petrarch_verbs.DEFAULT_SOURCE
    if not source.is_file():
        pytest.skip(f"PETRARCH2 source not present at {source} (a clone without ../shared)")
    codebook = petrarch_verbs.read_codebook(petrarch_verbs.DEFAULT_CODEBOOK)
    for name, content in petrarch_verbs.convert(source.read_text(encoding="utf-8"), codebook).items():
        assert (REFERENCE_DIR / name).read_bytes() == content.encode("utf-8"), f"{name} is stale: regenerate it"
