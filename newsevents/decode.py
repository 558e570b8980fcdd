"""Bytes to text: detect binary files, find the encoding, repair mojibake.

Order of evidence: a byte-order mark (UTF-8, UTF-16), a known binary signature or NUL bytes, strict
UTF-8, then charset-normalizer's detection. Single-byte Western guesses are read as cp1252 (Windows'
superset of Latin-1 with curly quotes and dashes), falling back to Latin-1 for the five bytes cp1252
leaves undefined. Mojibake such as `â€™` is repaired with ftfy, restricted to encoding fixes so that
quotes, line breaks and normalisation are left to the cleaning stage.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer
import ftfy

BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "a SQLite database",
}
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
WESTERN_SINGLE_BYTE = frozenset(
    {"cp1252", "latin_1", "iso8859_15", "cp1250", "cp1257", "iso8859_2", "iso8859_9", "cp1254", "mac_roman", "mac_latin2", "ascii"}
)
MAX_CONTROL_SHARE = 0.01
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


class UnreadableInput(ValueError):
    """Bytes that are not a text document; the message is the quarantine reason."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    mojibake_repaired: bool


def binary_kind(content: bytes) -> str | None:
    for signature, kind in BINARY_SIGNATURES.items():
        if content.startswith(signature):
            return kind
    return None


def looks_like_utf16(content: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII text leaves NUL in every other byte."""
    sample = content[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def decode_with(content: bytes, encoding: str) -> str:
    try:
        return content.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableInput(f"cannot be decoded as {encoding}: {error.reason} at byte {error.start}") from error


def detect_encoding(content: bytes) -> str:
    for bom, encoding in BOMS:
        if content.startswith(bom):
            return encoding
    kind = binary_kind(content)
    if kind:
        raise UnreadableInput(f"binary file: {kind}")
    utf16 = looks_like_utf16(content)
    if utf16:
        return utf16
    if b"\x00" in content:
        raise UnreadableInput("binary file: contains NUL bytes")
    try:
        content.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    guess = charset_normalizer.from_bytes(content).best()
    if guess is None:
        raise UnreadableInput("undecodable: no text encoding fits its bytes")
    if guess.encoding in WESTERN_SINGLE_BYTE:
        try:
            content.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return "latin-1"
    return guess.encoding


def control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in ALLOWED_CONTROLS)
    return controls / len(text)


def repair_mojibake(text: str) -> str:
    return ftfy.fix_text(text, MOJIBAKE_ONLY)


def decode_document(content: bytes) -> DecodedText:
    """The text of a document's bytes, or UnreadableInput with the reason it is not text."""
    encoding = detect_encoding(content)
    text = decode_with(content, encoding)
    if control_share(text) > MAX_CONTROL_SHARE:
        raise UnreadableInput(f"binary file: {control_share(text):.0%} control characters after decoding as {encoding}")
    repaired = repair_mojibake(text)
    return DecodedText(repaired, encoding, repaired != text)
