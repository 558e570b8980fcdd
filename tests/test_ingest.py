"""Ingest: every format and encoding is read, every bad input is quarantined with a specific reason,
and every input is accounted for exactly once."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)

from newsevents.ingest import document_id_for, ingest_corpus

ENGLISH = {
    "plain": "Ukraine's defence ministry said on Monday that Russian forces had shelled the city of Kharkiv overnight, "
             "damaging a power station and several homes. Officials said repair crews were working to restore electricity.",
    "bom": "The European Union agreed a new package of sanctions against Russia on Friday, targeting banks and "
           "oil exports. Diplomats in Brussels said the measures would take effect next month after formal approval.",
    "utf16": "Poland said it would send more tanks to Ukraine, as Warsaw's prime minister met NATO's secretary general "
             "in Brussels to discuss air defence. The meeting lasted two hours, according to his office.",
    "cp1252": "Germany’s chancellor said the country would “do what is necessary” to support Kyiv – a pledge welcomed "
              "by Ukrainian officials. Berlin has delivered air-defence systems and armoured vehicles this year.",
    "latin1": "The café near the front line in Zaporizhzhia reopened this week, its owner said, after months of closure. "
              "Residents described the return of everyday life as fragile but welcome, despite nightly air raid alerts.",
}
REPAIRED = ("Russia’s foreign ministry accused Washington of “escalation” after the United States approved "
            "long-range missiles for Ukraine. A spokeswoman said Moscow would respond at a time of its choosing.")
# Mojibake as it arises: UTF-8 bytes read as Windows-1252 ("’" becomes "â€™"), then saved as UTF-8 again.
MOJIBAKE = REPAIRED.encode("utf-8").decode("sloppy-windows-1252")
GERMAN = ("Der ukrainische Präsident hat am Montag in Kiew mit dem deutschen Bundeskanzler über weitere Waffenlieferungen "
          "gesprochen. Beide Seiten vereinbarten, die Zusammenarbeit bei der Luftverteidigung auszubauen und fortzusetzen.")
HTML = """<html><head><title>NATO ministers meet in Brussels | Example News</title>
<link rel="canonical" href="https://news.example.com/world/nato-ministers"/>
<meta property="og:site_name" content="Example News"/><meta name="author" content="Jane Doe"/>
<meta property="article:published_time" content="2023-02-14T09:30:00Z"/></head>
<body><nav>Home | World | Sport | Weather</nav><article><h1>NATO ministers meet in Brussels</h1>
<p>NATO defence ministers met in Brussels on Tuesday to discuss ammunition stocks and further military aid to Ukraine,
the alliance's secretary general said after the talks.</p>
<p>Ministers agreed to raise stockpile targets, and several governments announced new contracts with arms makers.</p>
</article><footer>© 2024 Example News. Sign up for our daily newsletter.</footer></body></html>"""


def write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write(folder / "plain.txt", ENGLISH["plain"].encode("utf-8"))
    write(folder / "bom.txt", codecs.BOM_UTF8 + ENGLISH["bom"].encode("utf-8"))
    write(folder / "wire" / "utf16.txt", ENGLISH["utf16"].encode("utf-16"))
    write(folder / "cp1252.txt", ENGLISH["cp1252"].encode("cp1252"))
    write(folder / "latin1.txt", ENGLISH["latin1"].encode("latin-1"))
    write(folder / "mojibake.txt", MOJIBAKE.encode("utf-8"))
    write(folder / "page.html", HTML.encode("utf-8"))
    write(folder / "resent" / "plain-again.txt", ENGLISH["plain"].encode("utf-8"))
    lines = [
        json.dumps({"text": "Russian troops withdrew from the village on Sunday, Ukrainian officials said, after weeks of fighting "
                            "around the nearby railway junction.", "title": "Troops withdraw", "url": "https://wire.example/1",
                    "published": "2023-03-01", "source": "Example Wire"}),
        json.dumps({"title": "No body here", "url": "https://wire.example/2"}),
        "{not json",
        json.dumps({"text": "   ", "title": "Blank"}),
        json.dumps({"text": ENGLISH["bom"], "source": "Example Wire"}),
        "",
        json.dumps(["not", "an", "object"]),
    ]
    write(folder / "feed.jsonl", "\n".join(lines).encode("utf-8"))
    write(folder / "empty.txt", b"")
    write(folder / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    write(folder / "broken.txt", codecs.BOM_UTF8 + b"The minister said \xff\xfe the talks failed.")
    write(folder / "german.txt", GERMAN.encode("utf-8"))
    write(folder / "huge.txt", ("Ukraine news. " * 200).encode("utf-8"))
    write(folder / "report.pdf", b"%PDF-1.4 fake")
    write(folder / "manifest.csv", b"file_name,publisher,published_date\nplain.txt,Example Daily,2023-02-15\n")
    write(folder / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    return folder


@pytest.fixture
def result(mixed_folder):
    return ingest_corpus(mixed_folder, limit=2000)


def test_every_input_is_accounted_for(result):
    # 15 files (manifest and hidden files are not inputs); feed.jsonl contributes 6 non-blank lines instead of 1.
    assert result.inputs_seen == 14 + 6
    assert result.reconciles
    assert (len(result.documents), len(result.duplicates), len(result.quarantined)) == (8, 2, 10)


def test_quarantine_reasons_are_specific(result):
    reasons = {(q.file_name, q.line_number): q.reason for q in result.quarantined}
    assert reasons[("empty.txt", None)] == "empty file (0 bytes)"
    assert reasons[("image.txt", None)] == "binary file: a PNG image"
    assert reasons[("broken.txt", None)].startswith("cannot be decoded as utf-8-sig")
    assert reasons[("huge.txt", None)].startswith("file is 2,800 bytes, over the 2,000 bytes limit")
    assert reasons[("report.pdf", None)] == "unsupported file type '.pdf'"
    assert reasons[("german.txt", None)].startswith("text is in language 'de'")
    assert reasons[("feed.jsonl", 2)] == "JSON article without a 'text' field"
    assert reasons[("feed.jsonl", 3)].startswith("not valid JSON")
    assert reasons[("feed.jsonl", 4)] == "JSON article whose 'text' is empty"
    assert reasons[("feed.jsonl", 7)] == "a JSON list, not an article object"


def test_duplicates_are_recorded_against_the_document(result):
    # Inputs are read in path order; the first with a text is the document, later ones its duplicates.
    assert {(d.file_name, d.line_number, d.duplicate_of_document_id) for d in result.duplicates} == {
        ("resent/plain-again.txt", None, document_id_for(ENGLISH["plain"])),
        ("feed.jsonl", 5, document_id_for(ENGLISH["bom"])),
    }


def test_encodings_are_decoded_and_mojibake_repaired(result):
    texts = {doc.file_name: doc for doc in result.documents}
    for name in ("plain", "bom", "cp1252", "latin1"):
        assert texts[f"{name}.txt"].raw_text == ENGLISH[name]
    assert texts["wire/utf16.txt"].raw_text == ENGLISH["utf16"]
    assert texts["wire/utf16.txt"].encoding == "utf-16"
    assert texts["cp1252.txt"].encoding == "cp1252"
    assert "â€" in MOJIBAKE
    assert texts["mojibake.txt"].raw_text == REPAIRED


def test_html_main_text_and_metadata(result):
    page = next(doc for doc in result.documents if doc.file_name == "page.html")
    assert page.input_format == "html"
    assert "NATO defence ministers met in Brussels on Tuesday" in page.raw_text
    assert "Sign up" not in page.raw_text and "Weather" not in page.raw_text
    assert page.metadata["title"] == "NATO ministers meet in Brussels"
    assert page.metadata["url"] == "https://news.example.com/world/nato-ministers"
    assert page.metadata["publisher"] == "Example News"
    assert page.metadata["author"] == "Jane Doe"
    assert (page.metadata["published_date"], page.date_origin) == ("2023-02-14", "html")


def test_json_lines_carry_their_metadata(result):
    article = next(doc for doc in result.documents if doc.file_name == "feed.jsonl")
    assert article.line_number == 1
    assert article.metadata["title"] == "Troops withdraw"
    assert article.metadata["publisher"] == "Example Wire"
    assert article.metadata["published_date"] == "2023-03-01"


def test_manifest_metadata_applies_to_its_file(result):
    plain = next(doc for doc in result.documents if doc.file_name == "plain.txt")
    assert plain.metadata["publisher"] == "Example Daily"
    assert plain.metadata["language"] == "en"


def test_mixed_folder_loads_through_the_whole_pipeline(mixed_folder, tmp_path, monkeypatch):
    from tests.conftest import rows, run_all_assets

    monkeypatch.setenv("MAX_INPUT_BYTES", "2000")
    warehouse_path = tmp_path / "mixed.duckdb"
    result = run_all_assets(mixed_folder, warehouse_path, monkeypatch)
    assert result.success
    assert all(e.passed for e in result.get_asset_check_evaluations())
    import duckdb

    with duckdb.connect(str(warehouse_path), read_only=True) as warehouse:
        counts = {
            table: warehouse.execute(f"select count(*) from staging.{table}").fetchone()[0]
            for table in ("raw_documents", "duplicate_inputs", "quarantined_inputs")
        }
        assert counts == {"raw_documents": 8, "duplicate_inputs": 2, "quarantined_inputs": 10}
        page = rows(warehouse, "select title, published_date, published_date_origin, input_format, author from main.dim_document where file_name = 'page.html'")[0]
        assert (page["title"], str(page["published_date"])[:10], page["published_date_origin"]) == (
            "NATO ministers meet in Brussels", "2023-02-14", "html"
        )
        feed = rows(warehouse, "select line_number, published_date_origin from main.dim_document where file_name = 'feed.jsonl'")
        assert [(f["line_number"], f["published_date_origin"]) for f in feed] == [(1, "manifest")]
