"""Golden tests for the five sample files: the first and last kept lines, every line of page furniture
gone, and every other line of the report kept."""

from __future__ import annotations

import re

import pytest

from newsevents.clean import QUOTE_TABLE, clean_document
from newsevents.ingest import read_corpus
from tests.conftest import SAMPLE_DIR

GOLDEN = {
    "000_2c221bff82a2ffa3.txt": {
        "first": 'Germany sends tanks to Ukraine as US says Russia "will be defeated"',
        "last_ends": "paul many thanks once again paul adams our diplomatic correspondent",
        "removed": ["  • by", "[Music]", "– BBC News"],
    },
    "001_abdff39c0beee926.txt": {
        "first": "Ukraine news - live: Putin 'has lost' as 'global pariah Russia is paying enormous price' for war",
        "last_ends": "recently led to the group having its wings clipped by Moscow.",
        "removed": ["date 2023-02-15"],
    },
    "002_f569dc27f7bb1771.txt": {
        "first": "Putin defends Ukraine invasion in meeting with UN chief",
        "last_ends": 'He also accused Ukrainian forces inside the steel plant of using civilians as "human shields."',
        "removed": [
            "Apr 26, 2022 - World",
            "Putin (L) greets Guterres in Moscow in 2016. Photo: Sergei Chirikov/AFP via Getty",
            "Go deeper",
        ],
    },
    "003_46898ae6534dde6d.txt": {
        "first": "UN chief met with Putin to bridge differences with Russia over its actions in Ukraine",
        "last_ends": "Thank you.",
        "removed": [
            "© 2024 Connecticut Public",
            "FCC Public Inspection Files:",
            "WPKT · WRLI-FM · WEDW-FM · Public Files Contact",
            "Play Live Radio",
            "Next Up:",
            "0:00 0:00",
            "Available On Air Stations",
            "Transcript provided by NPR, Copyright NPR.",
            "Stand up for civility",
            "This news story is funded in large part by Connecticut Public’s Members",
            "We hope their support inspires you to donate",
            "Your donation today will allow us to continue this work on your behalf.",
            "KELLY:",
            "MAYNES:",
            "ANTONIO GUTERRES:",
        ],
    },
    "004_61440020126a1a1e.txt": {
        "first": "UK defence chiefs fly to Moscow to try and prevent war in Ukraine",
        "last_ends": "force guarantees on Nato expansion from the West.",
        "removed": [
            "This is a breaking news story, more to follow soon… Check back shortly for further updates.",
            "Got a story? Get in touch with our news team by emailing us at webnews@metro.co.uk.",
            "For more stories like this, check our news page.",
            "Follow Metro.co.uk on Twitter and Facebook for the latest news updates.",
        ],
    },
}
SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z .'-]+:\s+")
TRANSCRIPT_CREDIT = re.compile(r"\s*Transcript provided by NPR, Copyright NPR\.")


def normalised(text: str) -> str:
    return " ".join(text.translate(QUOTE_TABLE).split())


@pytest.fixture(scope="module")
def cleaned_sample():
    cleaned = {}
    for doc in read_corpus(SAMPLE_DIR):
        metadata = {k: v for k, v in doc.metadata.items() if k in ("title", "publisher", "published_date", "kind")}
        cleaned[doc.file_name] = (doc, clean_document(doc.raw_text, metadata, doc.date_origin))
    return cleaned


@pytest.mark.parametrize("file_name", sorted(GOLDEN))
def test_first_and_last_kept_lines(cleaned_sample, file_name):
    _, cleaned = cleaned_sample[file_name]
    lines = [line for line in cleaned.text.split("\n") if line]
    assert lines[0] == normalised(GOLDEN[file_name]["first"])
    assert lines[-1].endswith(normalised(GOLDEN[file_name]["last_ends"]))


@pytest.mark.parametrize("file_name", sorted(GOLDEN))
def test_boilerplate_is_gone(cleaned_sample, file_name):
    doc, cleaned = cleaned_sample[file_name]
    for furniture in GOLDEN[file_name]["removed"]:
        assert furniture in doc.raw_text, f"golden line not in the raw text: {furniture!r}"
        assert normalised(furniture) not in cleaned.text
    removed_text = " ".join(span.text for span in cleaned.removed)
    assert all(normalised(f).strip() in normalised(removed_text) for f in GOLDEN[file_name]["removed"])


@pytest.mark.parametrize("file_name", sorted(GOLDEN))
def test_every_other_line_of_the_report_is_kept(cleaned_sample, file_name):
    doc, cleaned = cleaned_sample[file_name]
    furniture = [normalised(f) for f in GOLDEN[file_name]["removed"]]
    for raw_line in doc.raw_text.splitlines():
        line = normalised(TRANSCRIPT_CREDIT.sub("", SPEAKER_LABEL.sub("", raw_line.replace("[Music]", ""))))
        line = line.removeprefix("date 2023-02-15 ")
        if not line or any(f in normalised(raw_line) or normalised(raw_line) in f for f in furniture):
            continue
        assert line in " ".join(cleaned.text.split()), f"lost a line of the report: {raw_line[:80]!r}"
