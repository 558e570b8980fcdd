"""Convert the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt) into the project's reference CSV files.

Run by a developer, never by the product; the output is committed under `seeds/reference/`:

    python -m newsevents.convert.petrarch_verbs [SOURCE] [OUTPUT_DIR] [--codebook CSV]

SOURCE defaults to `../shared/reference/petrarch2/CAMEO.2.0.txt` beside the project root, OUTPUT_DIR to
`seeds/reference/` and the codebook to `seeds/reference/cameo_event_codes.csv`. It writes `cameo_verbs.csv`,
`cameo_verb_patterns.csv` and `cameo_word_classes.csv` (their `#` header lines cite the source and explain
the columns), prints a one-line summary to stdout and the lines it could not convert to stderr. Rows keep
the source's order, so the same input always gives byte-identical files.

The source format (PETRARCH2 documentation, "Verb Dictionary"): `&NAME` word classes, each followed by
`+PHRASE` lines; then verb blocks, each a `--- NAME [code] ---` header, verb lines (`ASK [020]`,
`QUERY {QUERIES QUERIED ...}`, `+ASK_FOR {+ASKED_FOR ...} [020]`) and pattern lines
(`- * (FOR {FINANCIAL AID}) [0231]  # ASK`). `~` lines are verb transformations and are not converted.
`#` starts a comment on any line, and `;` on verb lines too (a TABARI habit left on two lines). Block
names are kept as written, lower-cased (`go_somewhere`). A pattern's comment gives its source verb only
when it is a comma-separated list of upper-case verbs (`# CONFIRM , REAFFIRM`); other comments are notes.

Codes follow the project's CAMEO codebook: a code the source uses that the codebook lacks is replaced by
its nearest ancestor in CAMEO's hierarchy that the codebook has (a four-digit code's three-digit base, a
three-digit code's `x0` "not specified below" code, then the two-digit root); each replacement is
reported on stderr and listed in the files' headers. With the codebook as committed these are
1213 -> 121, 176 -> 170 and 1952 -> 195, which the source uses for blocking extradition or judicial
cooperation, hacking, and drone strikes.

A line is skipped, and reported on stderr, when:

- a pattern has no `*`, or more than one;
- a pattern has a parenthesised (prepositional) phrase before its `*`: the output has no column for one;
- a pattern has words after a parenthesised phrase outside any parentheses;
- a pattern's parentheses or braces are unbalanced, nested or empty, or a parenthesised phrase does not
  start with a preposition;
- a pattern uses a word class (`&NAME`) not defined above it (PETRARCH2 ignores such patterns too);
- a pattern or verb has no code where one is needed, or a malformed one (codes are `[ddd]`, `[---]`,
  `[ddd:ddd]` or `[:ddd]`, with two to four digits);
- a pattern or verb has a token that is not a word, a word class, a bracket or a TABARI marker;
- a multi-word verb does not mark exactly one of its words with `+`;
- a line stands outside any word class or verb block.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from newsevents import config
from newsevents.convert.files import render_csv, write_files

DEFAULT_SOURCE = config.PROJECT_ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_OUTPUT_DIR = config.REFERENCE_DIR
CODEBOOK_FILE = "cameo_event_codes.csv"
DEFAULT_CODEBOOK = config.REFERENCE_DIR / CODEBOOK_FILE
VERBS_FILE = "cameo_verbs.csv"
PATTERNS_FILE = "cameo_verb_patterns.csv"
WORD_CLASSES_FILE = "cameo_word_classes.csv"

NO_EVENT = "---"
PHRASE_SEPARATOR = " ; "
# TABARI/PETRARCH2 markers in patterns: `$` source, `+` target, `^` skip, `%` compound actor.
MARKERS = frozenset({"$", "+", "^", "%"})

HEADER = re.compile(r"---\s*(?P<name>[^\s\[\]-][^\s\[\]]*)\s*(?:\[(?P<code>[^\[\]]*)\])?[\s-]*")
CODE = re.compile(r"(?P<event>\d{2,4}|---)?(?::(?P<reverse>\d{2,4}|---))?")
CODE_AT_END = re.compile(r"\[(?P<code>[^\[\]]*)\]\s*$")
CLASS_HEADER = re.compile(r"&(?P<name>[A-Za-z0-9_]+)")
VERB_LINE = re.compile(r"(?P<phrase>[^\s{}\[\]]+)\s*(?:\{(?P<forms>[^{}]*)\})?\s*(?:\[(?P<code>[^\[\]]*)\])?")
VERB_WORD = re.compile(r"\+?[a-z0-9][a-z0-9'-]*")
PATTERN_TOKEN = re.compile(r"(?P<space>[\s_]+)|(?P<bracket>[*(){}])|(?P<word_class>&[A-Za-z0-9_]+)|(?P<word>[^\s_*(){}&\[\]]+)")
PATTERN_WORD = re.compile(r"[a-z0-9][a-z0-9.'/-]*")
COMMENT_VERB = re.compile(r"[A-Z][A-Z'-]*(?:[ _][A-Z][A-Z'-]*)*")

SOURCE_NOTE = (
    "Source: PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt, Open Event Data Alliance, MIT licence, "
    "github.com/openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/; "
    "converted by newsevents.convert.petrarch_verbs; do not edit by hand, regenerate."
)
CODE_NOTE = (
    "Codes are CAMEO event codes (cameo_event_codes.csv); `---` means no event. reverse_code is the code after a colon "
    "in the source's `[code:code]`: the event coded with source and target swapped (`visit` 042:043, the host 043)."
)
MAPPING_NOTE = (
    "A source code missing from cameo_event_codes.csv is replaced by its nearest ancestor there "
    "(four-digit -> three-digit base -> x0 'not specified' -> root): "
)
VERBS_HEADER = (
    "CAMEO verbs: the synonym blocks of the PETRARCH2 verb dictionary, one row per verb, with the event the verb codes on its own.",
    SOURCE_NOTE,
    (
        "block: the block's name, lower case, from its `--- NAME [code] ---` header; the block's patterns (cameo_verb_patterns.csv) "
        "apply to all its verbs."
    ),
    (
        "lemma: the verb's base form as the source writes it, lower case; for a multi-word verb, the word marked `+` "
        "(`+ASK_FOR` -> ask, `WIRE_+TAP` -> tap). particle: the words after it in a multi-word verb (for); "
        "before: the words before it (wire); both usually empty."
    ),
    "event_code, reverse_code: the verb's own [code] if it has one, else the block's. " + CODE_NOTE,
    "Irregular forms in {...} are not rows (text is matched on lemmas); a repeated block, lemma, particle and before is dropped.",
)
PATTERNS_HEADER = (
    "CAMEO verb patterns: the PETRARCH2 patterns that refine a verb block's code by the nouns and prepositional phrases around the verb.",
    SOURCE_NOTE,
    "One row per `- ...` pattern line, in file order (repeated lines kept). block: the verb block (cameo_verbs.csv) the pattern belongs to.",
    (
        "subject: the noun words before the verb; object: the noun words after it, before any prepositional phrase; prepositions: "
        "the parenthesised phrases in order, separated by ` ; `, each the preposition then its noun words (`for financial aid`, `to`)."
    ),
    (
        "Words are lower case and space-separated; a braced noun phrase `{FINANCIAL AID}` becomes its words with the head last; "
        "`&name` is a word class (cameo_word_classes.csv); `a/b` is the source's own alternative notation, kept as written."
    ),
    "The TABARI markers `$` (source), `+` (target), `^` and `%` are dropped.",
    (
        "event_code: the code the pattern gives (empty when the source gives only a reverse code, as in `[:173]`; `---` is an explicit "
        "no-event exception to the verb's code). " + CODE_NOTE
    ),
    "source_verb: the verb(s) the source's comment names as the pattern's origin, lower case, separated by ` ; `; empty if none.",
)
WORD_CLASSES_HEADER = (
    "CAMEO word classes: the PETRARCH2 synonym sets (`&NAME`) that verb patterns use in place of a word.",
    SOURCE_NOTE,
    (
        "word_class: the class name, lower case, with its `&` and without the source's trailing `_` (no-plural flag); "
        "phrase: one member, lower case, words separated by spaces (the source's `_`), in file order; repeated members dropped."
    ),
)
VERB_COLUMNS = ("block", "lemma", "particle", "before", "event_code", "reverse_code")
PATTERN_COLUMNS = ("block", "subject", "object", "prepositions", "event_code", "reverse_code", "source_verb")
WORD_CLASS_COLUMNS = ("word_class", "phrase")


class LineError(ValueError):
    """A source line that cannot be converted; the message is the reason."""


@dataclass(frozen=True)
class Block:
    name: str
    event_code: str
    reverse_code: str


@dataclass(frozen=True)
class WordClassPhrase:
    word_class: str
    phrase: str


@dataclass(frozen=True)
class Verb:
    block: str
    lemma: str
    particle: str
    before: str
    event_code: str
    reverse_code: str


@dataclass(frozen=True)
class Pattern:
    block: str
    subject: str
    object: str
    prepositions: str
    event_code: str
    reverse_code: str
    source_verb: str


Coded = TypeVar("Coded", Verb, Pattern)


@dataclass(frozen=True)
class SkippedLine:
    line_number: int
    text: str
    reason: str


@dataclass(frozen=True)
class VerbDictionary:
    word_classes: tuple[WordClassPhrase, ...]
    blocks: tuple[Block, ...]
    verbs: tuple[Verb, ...]
    patterns: tuple[Pattern, ...]
    transformations: int
    skipped: tuple[SkippedLine, ...]


def parse_code(text: str) -> tuple[str, str]:
    """`020` -> (020, ''); `042:043` -> (042, 043); `:173` -> ('', 173); `---` -> (---, '')."""
    match = CODE.fullmatch(text.strip())
    if match is None or not (match["event"] or match["reverse"]):
        raise LineError(f"malformed code [{text}]")
    return match["event"] or "", match["reverse"] or ""


def parse_block_header(line: str) -> Block:
    """`---  ASK   [---]  ---` -> Block('ask', '---', ''); a header without a code codes no event."""
    match = HEADER.fullmatch(line)
    if match is None:
        raise LineError("malformed block header")
    event_code, reverse_code = parse_code(match["code"]) if match["code"] is not None else (NO_EVENT, "")
    return Block(match["name"].lower(), event_code, reverse_code)


def class_name(token: str) -> str:
    """`&MILITARY` and `&AUXVERB1_` -> `&military`, `&auxverb1`."""
    return token.rstrip("_").lower()


def parse_class_header(line: str) -> str:
    match = CLASS_HEADER.fullmatch(line)
    if match is None:
        raise LineError("malformed word class name")
    return class_name(line)


def parse_class_phrase(line: str) -> str:
    """`+WEAPONS_OF_MASS_DESTRUCTION_` -> `weapons of mass destruction`."""
    words = line[1:].rstrip("_").replace("_", " ").lower().split()
    if not words:
        raise LineError("empty word class phrase")
    return " ".join(words)


def parse_verb_line(line: str, block: Block) -> Verb:
    """A verb of `block`: `ASK [020]`, `QUERY {QUERIES ...}`, `+ASK_FOR {...} [020]`, `WIRE_+TAP`."""
    match = VERB_LINE.fullmatch(line)
    if match is None:
        raise LineError("not a verb line (VERB {FORMS} [code])")
    words = match["phrase"].rstrip("_").lower().split("_")
    for word in words:
        if not VERB_WORD.fullmatch(word):
            raise LineError(f"unexpected verb word {word!r}")
    marked = [index for index, word in enumerate(words) if word.startswith("+")]
    if len(words) > 1 and len(marked) != 1:
        raise LineError("multi-word verb without exactly one word marked +")
    head = marked[0] if len(words) > 1 else 0
    codes = parse_code(match["code"]) if match["code"] is not None else (block.event_code, block.reverse_code)
    return Verb(block.name, words[head].lstrip("+"), " ".join(words[head + 1 :]), " ".join(words[:head]), *codes)


def tokenize_pattern(body: str) -> list[str]:
    """Lower-case words, `&classes` and the brackets `* ( ) { }` of a pattern body; markers dropped, `_` splits words."""
    tokens: list[str] = []
    position = 0
    while position < len(body):
        match = PATTERN_TOKEN.match(body, position)
        if match is None:
            raise LineError(f"unexpected character {body[position]!r}")
        position = match.end()
        token = match.group()
        if match["word_class"]:
            tokens.append(class_name(token))
        elif match["bracket"]:
            tokens.append(token)
        elif match["word"] and token not in MARKERS:
            if not PATTERN_WORD.fullmatch(token.lower()):
                raise LineError(f"unexpected token {token!r}")
            tokens.append(token.lower())
    return tokens


def split_pattern(tokens: Sequence[str]) -> tuple[list[str], list[str], list[list[str]]]:
    """The subject words, object words and prepositional phrases of a tokenized pattern."""
    subject: list[str] = []
    obj: list[str] = []
    phrases: list[list[str]] = []
    after_verb = False
    phrase: list[str] | None = None
    braced: list[str] | None = None
    for token in tokens:
        if token == "*":
            if after_verb:
                raise LineError("more than one *")
            if phrase is not None or braced is not None:
                raise LineError("* inside brackets")
            after_verb = True
        elif token == "(":
            if phrase is not None or braced is not None:
                raise LineError("nested brackets")
            if not after_verb:
                raise LineError("prepositional phrase before the verb")
            phrase = []
        elif token == ")":
            if phrase is None or braced is not None:
                raise LineError("unbalanced parentheses")
            if not phrase:
                raise LineError("empty prepositional phrase")
            phrases.append(phrase)
            phrase = None
        elif token == "{":
            if braced is not None:
                raise LineError("nested braces")
            if phrase == []:
                raise LineError("prepositional phrase does not start with a preposition")
            braced = []
        elif token == "}":
            if braced is None:
                raise LineError("unbalanced braces")
            if not braced:
                raise LineError("empty braces")
            braced = None
        else:
            if braced is not None:
                braced.append(token)
            if phrase is not None:
                if not phrase and token.startswith("&"):
                    raise LineError("prepositional phrase does not start with a preposition")
                phrase.append(token)
            elif not after_verb:
                subject.append(token)
            elif phrases:
                raise LineError("words after a prepositional phrase")
            else:
                obj.append(token)
    if phrase is not None or braced is not None:
        raise LineError("unbalanced brackets")
    if not after_verb:
        raise LineError("no *")
    return subject, obj, phrases


def comment_verbs(comment: str) -> str:
    """`# CONFIRM , REAFFIRM` -> `confirm ; reaffirm`; a comment that is not a list of verbs -> ''."""
    names = [name.strip() for name in comment.split(",")]
    if not all(COMMENT_VERB.fullmatch(name) for name in names):
        return ""
    distinct = dict.fromkeys(" ".join(name.replace("_", " ").lower().split()) for name in names)
    return PHRASE_SEPARATOR.join(distinct)


def parse_pattern_line(content: str, comment: str, block: Block, word_classes: Iterable[str]) -> Pattern:
    """A pattern of `block` from a `- ...` line split at its `#` into `content` and `comment`."""
    match = CODE_AT_END.search(content)
    if match is None:
        raise LineError("no [code] at the end of the pattern")
    event_code, reverse_code = parse_code(match["code"])
    tokens = tokenize_pattern(content[1 : match.start()])
    undefined = [token for token in tokens if token.startswith("&") and token not in word_classes]
    if undefined:
        raise LineError(f"word class {undefined[0]} is not defined")
    subject, obj, phrases = split_pattern(tokens)
    return Pattern(
        block.name,
        " ".join(subject),
        " ".join(obj),
        PHRASE_SEPARATOR.join(" ".join(phrase) for phrase in phrases),
        event_code,
        reverse_code,
        comment_verbs(comment),
    )


def parse_dictionary(text: str) -> VerbDictionary:
    """Every word class, block, verb and pattern of a PETRARCH2 verb dictionary, in file order."""
    word_classes: dict[WordClassPhrase, None] = {}
    defined: set[str] = set()
    blocks: list[Block] = []
    verbs: dict[tuple[str, str, str, str], Verb] = {}
    patterns: list[Pattern] = []
    skipped: list[SkippedLine] = []
    transformations = 0
    current_class: str | None = None
    block: Block | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        content, _, comment = raw.strip().partition("#")
        content = content.strip()
        if not content:
            continue
        try:
            if content.startswith("---"):
                block, current_class = parse_block_header(content), None
                blocks.append(block)
            elif content.startswith("~"):
                transformations += 1
            elif content.startswith("-"):
                if block is None:
                    raise LineError("pattern outside a verb block")
                patterns.append(parse_pattern_line(content, comment, block, defined))
            elif content.startswith("&"):
                current_class, block = parse_class_header(content), None
                defined.add(current_class)
            elif content.startswith("+") and current_class is not None:
                word_classes.setdefault(WordClassPhrase(current_class, parse_class_phrase(content)))
            elif block is not None:
                verb = parse_verb_line(content.partition(";")[0].strip(), block)
                verbs.setdefault((verb.block, verb.lemma, verb.particle, verb.before), verb)
            else:
                raise LineError("line outside any word class or verb block")
        except LineError as error:
            skipped.append(SkippedLine(number, raw.strip(), str(error)))
    return VerbDictionary(
        tuple(word_classes), tuple(blocks), tuple(verbs.values()), tuple(patterns), transformations, tuple(skipped)
    )


def read_codebook(path: Path) -> frozenset[str]:
    """The `event_code` column of cameo_event_codes.csv (lines starting with `#` are notes)."""
    with path.open(newline="", encoding="utf-8") as handle:
        return frozenset(row["event_code"] for row in csv.DictReader(line for line in handle if not line.startswith("#")))


def code_ancestors(code: str) -> list[str]:
    """CAMEO's hierarchy above `code`, nearest first: `1213` -> [121, 120, 12]; `176` -> [170, 17]."""
    ancestors: list[str] = []
    while len(code) > 2:
        if len(code) == 4:
            code = code[:3]
        elif code.endswith("0"):
            code = code[:2]
        else:
            code = code[:2] + "0"
        ancestors.append(code)
    return ancestors


def codebook_code(code: str, codebook: frozenset[str]) -> str:
    """`code` if the codebook has it (or it is `---` or empty), else its nearest ancestor the codebook has, else `code`."""
    if code in ("", NO_EVENT) or code in codebook:
        return code
    return next((ancestor for ancestor in code_ancestors(code) if ancestor in codebook), code)


def code_replacements(dictionary: VerbDictionary, codebook: frozenset[str]) -> dict[str, str]:
    """Source code -> codebook code for every code of the dictionary that the codebook lacks, in file order."""
    used = [v.event_code for v in dictionary.verbs] + [v.reverse_code for v in dictionary.verbs]
    used += [p.event_code for p in dictionary.patterns] + [p.reverse_code for p in dictionary.patterns]
    return {code: codebook_code(code, codebook) for code in dict.fromkeys(used) if codebook_code(code, codebook) != code}


def remap(entry: Coded, replacements: dict[str, str]) -> Coded:
    """`entry` with its event_code and reverse_code replaced as `replacements` says."""
    return replace(
        entry,
        event_code=replacements.get(entry.event_code, entry.event_code),
        reverse_code=replacements.get(entry.reverse_code, entry.reverse_code),
    )


def map_codes(dictionary: VerbDictionary, replacements: dict[str, str]) -> VerbDictionary:
    """The dictionary with every event_code and reverse_code replaced as `replacements` says."""
    return replace(
        dictionary,
        verbs=tuple(remap(verb, replacements) for verb in dictionary.verbs),
        patterns=tuple(remap(pattern, replacements) for pattern in dictionary.patterns),
    )


def mapping_note(replacements: dict[str, str]) -> str:
    listed = ", ".join(f"{source} -> {target}" for source, target in sorted(replacements.items())) or "none"
    return MAPPING_NOTE + listed + "."


def verbs_csv(dictionary: VerbDictionary, replacements: dict[str, str]) -> str:
    rows = ((v.block, v.lemma, v.particle, v.before, v.event_code, v.reverse_code) for v in dictionary.verbs)
    return render_csv((*VERBS_HEADER, mapping_note(replacements)), VERB_COLUMNS, rows)


def patterns_csv(dictionary: VerbDictionary, replacements: dict[str, str]) -> str:
    rows = (
        (p.block, p.subject, p.object, p.prepositions, p.event_code, p.reverse_code, p.source_verb) for p in dictionary.patterns
    )
    return render_csv((*PATTERNS_HEADER, mapping_note(replacements)), PATTERN_COLUMNS, rows)


def word_classes_csv(dictionary: VerbDictionary) -> str:
    rows = ((entry.word_class, entry.phrase) for entry in dictionary.word_classes)
    return render_csv(WORD_CLASSES_HEADER, WORD_CLASS_COLUMNS, rows)


def output_files(dictionary: VerbDictionary, codebook: frozenset[str]) -> dict[str, str]:
    """File name -> content of every file the converter writes, codes mapped onto `codebook`."""
    replacements = code_replacements(dictionary, codebook)
    mapped = map_codes(dictionary, replacements)
    return {
        VERBS_FILE: verbs_csv(mapped, replacements),
        PATTERNS_FILE: patterns_csv(mapped, replacements),
        WORD_CLASSES_FILE: word_classes_csv(mapped),
    }


def convert(text: str, codebook: frozenset[str]) -> dict[str, str]:
    """File name -> content for the text of a PETRARCH2 verb dictionary."""
    return output_files(parse_dictionary(text), codebook)


def summary(dictionary: VerbDictionary) -> str:
    classes = {entry.word_class for entry in dictionary.word_classes}
    return (
        f"{len(dictionary.blocks)} blocks, {len(dictionary.verbs)} verbs, {len(dictionary.patterns)} patterns, "
        f"{len(classes)} word classes ({len(dictionary.word_classes)} phrases), "
        f"{len(dictionary.skipped)} lines skipped as unparseable, {dictionary.transformations} transformation lines ignored"
    )


def skipped_report(dictionary: VerbDictionary) -> list[str]:
    return [f"line {s.line_number}: {s.reason}: {s.text}" for s in dictionary.skipped]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsevents.convert.petrarch_verbs",
        description="Convert PETRARCH2's CAMEO.2.0.txt verb dictionary into seeds/reference CSV files.",
    )
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE, help="CAMEO.2.0.txt")
    parser.add_argument("output_dir", nargs="?", type=Path, default=DEFAULT_OUTPUT_DIR, help="folder for the CSV files")
    parser.add_argument("--codebook", type=Path, default=DEFAULT_CODEBOOK, help="cameo_event_codes.csv to map codes onto")
    args = parser.parse_args(argv)
    for path, what in ((args.source, "source file (PETRARCH2's CAMEO.2.0.txt)"), (args.codebook, "codebook")):
        if not path.is_file():
            print(f"error: {what} not found: {path}", file=sys.stderr)
            return 1
    dictionary = parse_dictionary(args.source.read_text(encoding="utf-8"))
    codebook = read_codebook(args.codebook)
    write_files(args.output_dir, output_files(dictionary, codebook))
    print(summary(dictionary))
    for source_code, target in code_replacements(dictionary, codebook).items():
        print(f"mapped code {source_code} -> {target}: {source_code} is not in {args.codebook.name}", file=sys.stderr)
    for line in skipped_report(dictionary):
        print(f"skipped {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
