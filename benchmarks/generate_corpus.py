"""Generate a synthetic English news corpus for benchmarking the pipeline at scale.

Each document is a headline and 300-700 words of body text about the Russia-Ukraine war. The body
mixes runs of sentences taken from the real articles in `seeds/documents/` with sentences built from
templates ("<actor> <verb phrase> <target> <place/date phrase>.") over heads of state, ministers,
armies and organisations. Every document gets a publisher and a 2022-2023 publication date in
`manifest.csv` (the project's manifest format, read by `newsevents.ingest.read_manifest`).

Output is deterministic: document `i` depends only on `seed + i`, so the same seed and start give
byte-identical files. Files are numbered from `start`, so a later call with a higher start adds
documents to the same folder; manifest rows of earlier calls are kept.

    python -m benchmarks.generate_corpus --docs 5000 --out data/bench-corpus [--seed 0] [--start 0]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

SEED_DOCUMENTS_DIR = Path(__file__).resolve().parent.parent / "seeds" / "documents"
MANIFEST_FILE_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file_name", "publisher", "domain", "distributor", "kind", "published_date", "url", "language", "title")
MIN_WORDS = 300
MAX_WORDS = 700
# The body grows until it reaches a target drawn from this range; the margin below MAX_WORDS leaves room
# for one more generated sentence (never more than 40 words), so a document always ends inside the range.
TARGET_WORDS = (320, 640)
FIRST_PUBLISHED = date(2022, 1, 1)
# Documents are dated as a crawler receives news: later documents are published later, this many a day.
# A larger corpus covers a longer time at the same daily rate, so the size of a warehouse and the
# number of articles a day (how many reports each event gathers) vary apart.
DOCUMENTS_PER_DAY = 5
SAMPLE_PARAGRAPH_SHARE = 0.55

# --- sentences taken from the sample articles -------------------------------------------------------

# A break after . ! ? (and a closing quote) before a capital, but not after "U.S." or "Mr." and the like.
SENTENCE_BREAK = re.compile(
    r"(?<![ .][A-Z]\.)(?<!\bM[rs]\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSt\.)(?<=[.!?])\s+(?=[\"“‘]?[A-Z])"
    r"|(?<=[.!?][\"”’])\s+(?=[\"“‘]?[A-Z])"
)
SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z .'-]+:\s+")  # "KELLY: " in radio transcripts
SENTENCE_END = re.compile(r"[.!?][\"”’]?$")
BOILERPLATE = ("©", "http", "[", "copyright", "donate", "donor", "community-supported", "metro.co.uk", "newsletter", "sign up")


@dataclass(frozen=True)
class SampleSentence:
    source: int  # which sample document it came from, so runs of sentences stay within one article
    text: str


def is_usable_sentence(sentence: str) -> bool:
    """A complete prose sentence of ordinary length, not page furniture or a fundraising appeal."""
    words = len(sentence.split())
    lowered = sentence.lower()
    return (
        6 <= words <= 40
        and (sentence[0].isupper() or sentence[0] in "\"“‘")
        and SENTENCE_END.search(sentence) is not None
        and not any(marker in lowered for marker in BOILERPLATE)
    )


def split_sentences(text: str) -> list[str]:
    sentences = []
    for line in text.splitlines():
        line = SPEAKER_LABEL.sub("", line.strip())
        sentences.extend(part.strip() for part in SENTENCE_BREAK.split(line) if part.strip())
    return sentences


@lru_cache(maxsize=4)
def sample_sentences(seed_dir: Path = SEED_DOCUMENTS_DIR) -> tuple[SampleSentence, ...]:
    """The usable sentences of the sample articles, in reading order, each without repeats."""
    paths = sorted(seed_dir.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no sample articles (*.txt) in {seed_dir}")
    found: list[SampleSentence] = []
    seen: set[str] = set()
    for source, path in enumerate(paths):
        for sentence in split_sentences(path.read_text(encoding="utf-8")):
            if is_usable_sentence(sentence) and sentence not in seen:
                seen.add(sentence)
                found.append(SampleSentence(source, sentence))
    return tuple(found)


# --- vocabulary for generated sentences -------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    camp: str  # "west", "ukraine", "russia" or "neutral": which verbs and targets make sense


@dataclass(frozen=True)
class Publisher:
    name: str
    domain: str
    kind: str = "article"
    distributor: str = ""
    dateline: str = ""  # agency style "KYIV (Reuters) - " opening, with {city} to fill


PEOPLE = (
    Person("Vladimir Putin", "Russian President", "russia"),
    Person("Sergei Lavrov", "Russian Foreign Minister", "russia"),
    Person("Sergei Shoigu", "Russian Defence Minister", "russia"),
    Person("Dmitry Peskov", "Kremlin spokesman", "russia"),
    Person("Maria Zakharova", "Russian foreign ministry spokeswoman", "russia"),
    Person("Volodymyr Zelensky", "Ukrainian President", "ukraine"),
    Person("Dmytro Kuleba", "Ukrainian Foreign Minister", "ukraine"),
    Person("Oleksii Reznikov", "Ukrainian Defence Minister", "ukraine"),
    Person("Denys Shmyhal", "Ukrainian Prime Minister", "ukraine"),
    Person("Olaf Scholz", "German Chancellor", "west"),
    Person("Antony Blinken", "US Secretary of State", "west"),
    Person("Joe Biden", "US President", "west"),
    Person("Lloyd Austin", "US Defence Secretary", "west"),
    Person("Emmanuel Macron", "French President", "west"),
    Person("Rishi Sunak", "British Prime Minister", "west"),
    Person("Andrzej Duda", "Polish President", "west"),
    Person("Jens Stoltenberg", "NATO Secretary General", "west"),
    Person("Ursula von der Leyen", "European Commission President", "west"),
    Person("Annalena Baerbock", "German Foreign Minister", "west"),
    Person("Antonio Guterres", "UN Secretary General", "neutral"),
    Person("Recep Tayyip Erdogan", "Turkish President", "neutral"),
    Person("Rafael Grossi", "IAEA Director General", "neutral"),
    Person("Xi Jinping", "Chinese President", "neutral"),
)
ORGANISATIONS = {
    "west": ("NATO", "the European Union", "the G7", "the White House", "the Pentagon", "the British government"),
    "ukraine": ("the Ukrainian foreign ministry", "Kyiv", "the Ukrainian government"),
    "russia": ("the Kremlin", "Moscow", "the Russian foreign ministry"),
    "neutral": ("the United Nations", "the International Atomic Energy Agency", "the Red Cross"),
}
ADVERSARIES = {
    "west": ("Moscow", "the Kremlin", "Russia", "Vladimir Putin"),
    "ukraine": ("Moscow", "Russia", "the Kremlin", "Russian forces"),
    "russia": ("Kyiv", "Washington", "NATO", "the West"),
}
CHARGES = {
    "west": ("war crimes", "deliberately targeting civilians", "weaponising food supplies", "spreading disinformation"),
    "ukraine": ("war crimes", "shelling residential areas", "deporting children", "blackmailing Europe over gas"),
    "russia": ("prolonging the conflict", "provoking escalation", "waging a proxy war", "sabotaging peace efforts"),
}
DEMANDS = {  # by the camp of the one urged
    "west": ("send more air defence systems", "speed up arms deliveries", "tighten sanctions on Moscow"),
    "ukraine": ("return to negotiations", "release prisoners of war", "protect civilians in the east"),
    "russia": (
        "return to negotiations", "allow humanitarian corridors", "release prisoners of war",
        "guarantee the safety of the Zaporizhzhia nuclear plant", "respect the grain export deal", "withdraw its troops",
    ),
    "neutral": ("press Moscow to end the war", "help evacuate civilians", "mediate a prisoner exchange"),
}
WEAPONS = (
    "Leopard 2 tanks", "Patriot air defence systems", "HIMARS rocket launchers", "155mm artillery shells",
    "armoured vehicles", "Challenger 2 tanks", "IRIS-T air defence systems", "Bradley fighting vehicles",
)
SANCTIONED = (
    "Russian banks", "Russian oil exports", "Belarusian officials", "Iranian drone makers", "Russia's central bank",
    "oligarchs close to the Kremlin", "Russian arms manufacturers",
)
CONDEMNED = {
    "west": ("Russia's annexation of four Ukrainian regions", "the strike on {ua_city}", "the shelling of {ua_city}"),
    "ukraine": ("the strike on {ua_city}", "the shelling of {ua_city}", "Russia's sham referendums"),
    "neutral": ("the attack on {ua_city}", "the shelling near the Zaporizhzhia nuclear plant", "attacks on civilian infrastructure"),
    "russia": ("Western arms deliveries to Kyiv", "the expansion of NATO", "the seizure of Russian assets"),
}
ESCALATIONS = ("any further escalation", "using nuclear weapons", "attacking NATO territory", "a new offensive")
UKRAINIAN_CITIES = ("Kyiv", "Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Mykolaiv", "Lviv", "Kherson", "Sumy", "Chernihiv")
FRONT_LINE = ("Bakhmut", "Soledar", "Avdiivka", "Vuhledar", "Kreminna", "Lyman", "Izium", "Svatove", "Marinka")
OCCUPIED = ("Melitopol", "Donetsk", "Luhansk", "Berdyansk", "Mariupol", "Nova Kakhovka")
DIPLOMATIC_CITIES = {
    "west": ("Brussels", "Warsaw", "Berlin", "Paris", "London", "Washington", "Vilnius", "Munich", "Kyiv", "Madrid"),
    "ukraine": ("Kyiv", "Brussels", "Warsaw", "Lviv", "London", "Washington", "Davos"),
    "russia": ("Moscow", "Minsk", "St Petersburg", "Beijing", "Tehran", "Sochi"),
    "neutral": ("Geneva", "New York", "Istanbul", "Ankara", "Vienna", "Moscow", "Kyiv"),
}
PLACE_FORMS = ("in {city}", "during a visit to {city}", "at a press conference in {city}", "on the sidelines of a summit in {city}")
RUSSIAN_UNITS = ("the Russian military", "Russian forces", "Russian troops", "the Wagner group")
UKRAINIAN_UNITS = ("Ukrainian forces", "the Ukrainian army", "Ukraine's armed forces", "Ukrainian troops")
AIR_DEFENCE = ("Ukrainian air defences", "Ukraine's air force")
SINGULAR_UNITS = frozenset({"the Russian military", "the Wagner group", "the Ukrainian army", "Ukraine's air force"})
# (past tense, headline present tense) verb phrases; {…} slots are filled per sentence. The military
# headline forms are plural ("Russian forces shell ..."); `third_person_singular` adapts them to a singular actor.
RUSSIAN_STRIKES = (
    ("shelled {ua_city}", "shell {ua_city}"),
    ("launched a missile attack on {ua_city}", "launch missile attack on {ua_city}"),
    ("struck energy infrastructure in {ua_city}", "strike energy infrastructure in {ua_city}"),
    ("attacked Ukrainian positions near {front}", "attack Ukrainian positions near {front}"),
    ("advanced towards {front}", "advance towards {front}"),
)
UKRAINIAN_STRIKES = (
    ("shelled Russian positions near {front}", "shell Russian positions near {front}"),
    ("struck an ammunition depot in {occupied}", "strike ammunition depot in {occupied}"),
    ("repelled Russian attacks near {front}", "repel Russian attacks near {front}"),
    ("destroyed a Russian command post near {occupied}", "destroy Russian command post near {occupied}"),
    ("recaptured villages south of {front}", "recapture villages south of {front}"),
)
INTERCEPTIONS = (
    ("intercepted {count} Russian drones over {ua_city}", "intercept {count} Russian drones over {ua_city}"),
    ("shot down {count} cruise missiles over {ua_city}", "shoot down {count} cruise missiles over {ua_city}"),
)
DIPLOMACY = {
    # verb phrase templates by the camp of the actor; "*" is open to every camp
    "*": (
        ("met {counterpart}", "meets {counterpart}"),
        ("held talks with {counterpart}", "holds talks with {counterpart}"),
        ("spoke by phone with {counterpart}", "speaks by phone with {counterpart}"),
        ("urged {counterpart} to {demand}", "urges {counterpart} to {demand}"),
        ("called for talks with {counterpart}", "calls for talks with {counterpart}"),
        ("condemned {condemned}", "condemns {condemned}"),
    ),
    "west": (
        ("pledged {weapons} to Ukraine", "pledges {weapons} to Ukraine"),
        ("imposed sanctions on {sanctioned}", "imposes sanctions on {sanctioned}"),
        ("accused {adversary} of {charge}", "accuses {adversary} of {charge}"),
        ("warned {adversary} against {escalation}", "warns {adversary} against {escalation}"),
        ("visited {ua_city}", "visits {ua_city}"),
    ),
    "ukraine": (
        ("accused {adversary} of {charge}", "accuses {adversary} of {charge}"),
        ("visited troops near {front}", "visits troops near {front}"),
        ("asked allies for {weapons}", "asks allies for {weapons}"),
    ),
    "russia": (
        ("accused {adversary} of {charge}", "accuses {adversary} of {charge}"),
        ("warned {adversary} against {escalation}", "warns {adversary} against {escalation}"),
        ("visited {occupied}", "visits {occupied}"),
    ),
    "neutral": (
        ("visited {ua_city}", "visits {ua_city}"),
        ("offered to mediate between Moscow and Kyiv", "offers to mediate between Moscow and Kyiv"),
    ),
}
PERSONAL_VERBS = ("met", "held talks", "spoke by phone", "visited", "asked", "offered")
STRIKE_SOURCES = (
    "officials said", "the regional governor said", "Ukraine's General Staff said", "the Russian defence ministry said",
    "local authorities said",
)
INTERCEPTION_SOURCES = (
    "officials said", "the regional governor said", "the military said", "the head of the city's military administration said",
)
QUOTES = {
    "west": (
        "We will support Ukraine for as long as it takes",
        "Sanctions are working, and they will be tightened",
        "This is a war against the whole of Europe",
    ),
    "ukraine": (
        "There can be no peace without the withdrawal of Russian troops",
        "The situation on the front line remains extremely difficult",
        "Every day of delay costs lives",
    ),
    "russia": (
        "Our goals will be achieved",
        "We are ready for negotiations, but not for capitulation",
        "The West is fighting to the last Ukrainian",
    ),
    "neutral": (
        "The door to diplomacy is not closed",
        "The safety of the nuclear plant is hanging by a thread",
        "The sooner this war ends, the better for everyone",
    ),
}
BACKGROUND = (
    "The talks came as fighting continued around {front}.",
    "Air raid sirens sounded across {ua_city} {when}.",
    "Residents of {ua_city} spent the night in shelters as explosions were heard across the city.",
    "Power was cut to thousands of homes in {ua_city} after the strikes, the local energy company said.",
    "Western officials say the battle for {front} has become one of the bloodiest of the war.",
    "Ministers are due to meet again in {city} next month to discuss further support for Kyiv.",
    "The claims could not be independently verified.",
)
# Sentences that carry the document's own number; no other template produces them, so no two
# documents can have the same text.
UNIQUE_FACTS = (
    "Officials in {ua_city} said {number:,} people had been evacuated from frontline areas since {since}.",
    "The regional administration in {ua_city} said it had registered {number:,} displaced people by {since}.",
    "Aid agencies said {number:,} food parcels had been delivered to {ua_city} since {since}.",
)
PUBLISHERS = (
    Publisher("BBC News", "bbc.co.uk"),
    Publisher("Reuters", "reuters.com", dateline="{city} (Reuters) - "),
    Publisher("Associated Press", "apnews.com", dateline="{city} (AP) — "),
    Publisher("Axios", "axios.com"),
    Publisher("NPR", "npr.org", distributor="Connecticut Public"),
    Publisher("The Guardian", "theguardian.com"),
    Publisher("The Independent", "independent.co.uk"),
    Publisher("Al Jazeera", "aljazeera.com"),
    Publisher("Deutsche Welle", "dw.com"),
    Publisher("CNN", "cnn.com"),
    Publisher("Sky News", "news.sky.com"),
    Publisher("Politico Europe", "politico.eu"),
    Publisher("The Kyiv Independent", "kyivindependent.com"),
    Publisher("Euronews", "euronews.com"),
    Publisher("France 24", "france24.com"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


# --- building blocks ----------------------------------------------------------------------------------


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def third_person_singular(verb_phrase: str) -> str:
    """"shell Kharkiv" -> "shells Kharkiv", "launch ..." -> "launches ..."."""
    verb, _, rest = verb_phrase.partition(" ")
    verb += "es" if verb.endswith(("s", "sh", "ch", "x")) else "s"
    return f"{verb} {rest}" if rest else verb


def word_count(text: str) -> int:
    return len(text.split())


def published_date(index: int) -> date:
    return FIRST_PUBLISHED + timedelta(days=index // DOCUMENTS_PER_DAY)


def day_month(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def date_phrase(rng: random.Random, published: date) -> str:
    """When an event happened, relative to the publication date and true to it: "on Tuesday",
    "on 3 March", "yesterday", "last week"."""
    days_before = rng.randint(0, 6)
    event = published - timedelta(days=days_before)
    options = [f"on {WEEKDAYS[event.weekday()]}", f"on {day_month(event)}"]
    if days_before == 0:
        options += ["today", "earlier today"]
    elif days_before == 1:
        options += ["yesterday", f"on {WEEKDAYS[event.weekday()]} night"]
    if event.isocalendar()[:2] != published.isocalendar()[:2]:
        options.append("last week")
    elif days_before > 0:
        options.append("earlier this week")
    return rng.choice(options)


def person_mention(rng: random.Random, person: Person) -> str:
    return f"{person.title} {person.name}" if rng.random() < 0.5 else person.name


def other_person(rng: random.Random, actor: Person) -> Person:
    return rng.choice([person for person in PEOPLE if person != actor])


def fill_slots(rng: random.Random, template: str, camp: str, actor: Person | None, published: date) -> str:
    """`template` with each {slot} replaced by a random choice that makes sense for the actor's camp."""
    counterpart = other_person(rng, actor) if actor else rng.choice(PEOPLE)
    slots = {
        "counterpart": person_mention(rng, counterpart),
        "demand": rng.choice(DEMANDS[counterpart.camp]),
        "weapons": rng.choice(WEAPONS),
        "sanctioned": rng.choice(SANCTIONED),
        "adversary": rng.choice(ADVERSARIES.get(camp, ADVERSARIES["west"])),
        "charge": rng.choice(CHARGES.get(camp, CHARGES["west"])),
        "escalation": rng.choice(ESCALATIONS),
        "condemned": rng.choice(CONDEMNED[camp]),
        "ua_city": rng.choice(UKRAINIAN_CITIES),
        "front": rng.choice(FRONT_LINE),
        "occupied": rng.choice(OCCUPIED),
        "city": rng.choice(DIPLOMATIC_CITIES[camp]),
        "count": str(rng.randint(6, 60)),
        "when": date_phrase(rng, published),
    }
    # a slot's value may itself hold a slot ("the strike on {ua_city}")
    return template.format(**slots).format(**slots)


@dataclass(frozen=True)
class Event:
    sentence: str  # past tense, with place and date: for the body
    headline: str  # present tense, no date: for the title


def diplomatic_event(rng: random.Random, published: date) -> Event:
    """A head of state, minister or organisation doing something to someone, somewhere, at some time."""
    if rng.random() < 0.8:
        person = rng.choice(PEOPLE)
        camp, actor, headline_actor = person.camp, person_mention(rng, person), person.name
    else:
        person = None
        camp = rng.choice(tuple(ORGANISATIONS))
        actor = headline_actor = rng.choice(ORGANISATIONS[camp])
    choices = DIPLOMACY["*"] + DIPLOMACY[camp]
    if person is None:
        choices = tuple(forms for forms in choices if not forms[0].startswith(PERSONAL_VERBS))
    past, present = rng.choice(choices)
    state = rng.getstate()
    verb_phrase = fill_slots(rng, past, camp, person, published)
    rng.setstate(state)  # the same slot values for the headline form
    headline_phrase = fill_slots(rng, present, camp, person, published)
    when = date_phrase(rng, published)
    place = "" if "visit" in past else " " + rng.choice(PLACE_FORMS).format(city=rng.choice(DIPLOMATIC_CITIES[camp]))
    if rng.random() < 0.25:
        sentence = f"{sentence_case(when)}, {actor} {verb_phrase}{place}."
    else:
        sentence = f"{sentence_case(actor)} {verb_phrase}{place} {when}."
    return Event(sentence, sentence_case(f"{headline_actor} {headline_phrase}"))


def military_event(rng: random.Random, published: date) -> Event:
    """An army striking, advancing or intercepting, with a date and usually an attribution."""
    roll = rng.random()
    if roll < 0.4:
        actor, (past, present), sources = rng.choice(RUSSIAN_UNITS), rng.choice(RUSSIAN_STRIKES), STRIKE_SOURCES
    elif roll < 0.75:
        actor, (past, present), sources = rng.choice(UKRAINIAN_UNITS), rng.choice(UKRAINIAN_STRIKES), STRIKE_SOURCES
    else:
        actor, (past, present), sources = rng.choice(AIR_DEFENCE), rng.choice(INTERCEPTIONS), INTERCEPTION_SOURCES
    state = rng.getstate()
    verb_phrase = fill_slots(rng, past, "neutral", None, published)
    rng.setstate(state)
    headline_phrase = fill_slots(rng, present, "neutral", None, published)
    when = date_phrase(rng, published)
    attribution = f", {rng.choice(sources)}" if rng.random() < 0.6 else ""
    if actor in SINGULAR_UNITS:
        headline_phrase = third_person_singular(headline_phrase)
    return Event(f"{sentence_case(actor)} {verb_phrase} {when}{attribution}.", sentence_case(f"{actor} {headline_phrase}"))


def any_event(rng: random.Random, published: date) -> Event:
    return diplomatic_event(rng, published) if rng.random() < 0.6 else military_event(rng, published)


def generated_sentence(rng: random.Random, published: date) -> str:
    roll = rng.random()
    if roll < 0.65:
        return any_event(rng, published).sentence
    if roll < 0.85:
        speaker = rng.choice(PEOPLE)
        return f"“{rng.choice(QUOTES[speaker.camp])},” {person_mention(rng, speaker)} said {date_phrase(rng, published)}."
    return sentence_case(fill_slots(rng, rng.choice(BACKGROUND), "west", None, published))


def unique_fact(rng: random.Random, index: int, published: date) -> str:
    # 3 * index + 0..2 is different for every index, whatever the seed
    number = 1_200 + 3 * index + rng.randint(0, 2)
    since = published - timedelta(days=rng.randint(7, 60))
    return rng.choice(UNIQUE_FACTS).format(ua_city=rng.choice(UKRAINIAN_CITIES), number=number, since=day_month(since))


def sample_run(rng: random.Random, pool: tuple[SampleSentence, ...], used: set[int]) -> list[str]:
    """2-4 consecutive sentences of one sample article not yet used in this document (fewer near an
    article's end; empty if the chosen start was used)."""
    start = rng.randrange(len(pool))
    run: list[str] = []
    for position in range(start, min(start + rng.randint(2, 4), len(pool))):
        if position in used or pool[position].source != pool[start].source:
            break
        used.add(position)
        run.append(pool[position].text)
    return run


# --- documents ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedDocument:
    file_name: str
    text: str
    manifest_row: dict[str, str]


def file_name_for(index: int) -> str:
    return f"bench-{index:06d}.txt"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].rstrip("-")


def build_document(index: int, seed: int) -> GeneratedDocument:
    rng = random.Random(seed + index)
    published = published_date(index)
    publisher = PUBLISHERS[index % len(PUBLISHERS)]
    pool = sample_sentences()
    lead = any_event(rng, published)
    dateline = publisher.dateline.format(city=rng.choice(DIPLOMATIC_CITIES["ukraine"]).upper())
    paragraphs = [[dateline + lead.sentence, generated_sentence(rng, published)], [unique_fact(rng, index, published)]]
    words = word_count(lead.headline) + sum(word_count(s) for p in paragraphs for s in p)
    target = rng.randint(*TARGET_WORDS)
    used: set[int] = set()
    while words < target:
        if rng.random() < SAMPLE_PARAGRAPH_SHARE:
            candidates = sample_run(rng, pool, used)
        else:
            candidates = [generated_sentence(rng, published) for _ in range(rng.randint(2, 3))]
        paragraph = []
        for sentence in candidates:
            if words + word_count(sentence) > MAX_WORDS:
                break
            paragraph.append(sentence)
            words += word_count(sentence)
        if paragraph:
            paragraphs.append(paragraph)
    text = lead.headline + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
    row = {
        "file_name": file_name_for(index),
        "publisher": publisher.name,
        "domain": publisher.domain,
        "distributor": publisher.distributor,
        "kind": publisher.kind,
        "published_date": published.isoformat(),
        "url": f"https://www.{publisher.domain}/news/{published:%Y/%m/%d}/{slug(lead.headline)}-{index}",
        "language": "en",
        "title": lead.headline,
    }
    return GeneratedDocument(file_name_for(index), text, row)


# --- output -------------------------------------------------------------------------------------------


def read_manifest_rows(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    """(column names, rows keyed by file name) of an existing manifest, or of none."""
    if not path.exists():
        return list(MANIFEST_COLUMNS), {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        extra = [name for name in reader.fieldnames or [] if name not in MANIFEST_COLUMNS]
        return list(MANIFEST_COLUMNS) + extra, {row["file_name"]: row for row in reader if row.get("file_name")}


def write_manifest(out_dir: Path, new_rows: list[dict[str, str]]) -> None:
    """Add `new_rows` to the folder's manifest (a row for an existing file name replaces it), atomically."""
    path = out_dir / MANIFEST_FILE_NAME
    columns, rows = read_manifest_rows(path)
    rows.update((row["file_name"], row) for row in new_rows)
    # A hidden name, which ingest skips should a crash leave it behind; opened with open() rather than
    # tempfile so that the manifest keeps the usual permissions (tempfile's are owner-only).
    temporary = out_dir / f".{MANIFEST_FILE_NAME}.tmp"
    try:
        with temporary.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, restval="", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows.values())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def generate_corpus(out_dir: Path, docs: int, seed: int = 0, start: int = 0) -> list[Path]:
    """Write documents `start` .. `start + docs - 1` into `out_dir` and add them to its manifest.csv;
    returns the paths of the text files written."""
    if docs < 0 or start < 0:
        raise ValueError("docs and start must not be negative")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths, rows = [], []
    for index in range(start, start + docs):
        document = build_document(index, seed)
        path = out_dir / document.file_name
        path.write_bytes(document.text.encode("utf-8"))
        paths.append(path)
        rows.append(document.manifest_row)
    if rows:
        write_manifest(out_dir, rows)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents to write")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--start", type=int, default=0, help="number of the first document, to add to an existing folder (default 0)")
    args = parser.parse_args(argv)
    paths = generate_corpus(args.out, args.docs, seed=args.seed, start=args.start)
    if paths:
        print(f"wrote {len(paths)} documents ({paths[0].name} .. {paths[-1].name}) and {MANIFEST_FILE_NAME} to {args.out}")
    else:
        print(f"wrote no documents; {MANIFEST_FILE_NAME} in {args.out} is unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
