"""Bytes to text: refuse binary files, detect the encoding of everything else."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from explorer.errors import InputError

_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def decode(data: bytes, name: str) -> str:
    """The text of ``data`` with newlines as "\\n"; InputError for binary data or an encoding
    we cannot tell."""
    text = _decode(data, name)
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: the file is empty.")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    sample = data[:65536]
    wide = _wide(data, sample)
    if wide is not None:
        return wide
    if b"\x00" in sample or sum(sample.count(bytes([c])) for c in _CONTROL) > len(sample) // 100:
        raise InputError(f"{name}: this looks like a binary file, not an article.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{name}: cannot tell which text encoding this file uses.")
    # Single-byte code pages that read equally well tie (cp1250, cp1252 and cp1257 all decode
    # "naïve" without chaos). In English text, whose accents are names and loanwords, the
    # Western code page is the likeliest; Czech or Lithuanian text keeps its own.
    if best.encoding != "cp1252" and _english(data):
        for m in matches:
            if m.encoding == "cp1252" and m.chaos <= best.chaos:
                return str(m)
    return str(best)


# Text in UTF-16 or UTF-32 without a byte-order mark (Windows tools write it): its NUL bytes
# look binary, so it is tried first, strictly, and kept only if it reads as text.
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")


def _wide(data: bytes, sample: bytes) -> str | None:
    if b"\x00" not in sample:
        return None
    for codec in _WIDE:
        width = 4 if "32" in codec else 2
        head = sample[: len(sample) - len(sample) % width]
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and _reads_as_text(text):
            try:
                return data[: len(data) - len(data) % width].decode(codec)
            except UnicodeDecodeError:
                continue
    return None


def _reads_as_text(text: str) -> bool:
    """Letters, digits, punctuation and white space, with hardly a control character: what
    binary data decoded as UTF-16 is not."""
    odd = sum(1 for c in text if not (c.isprintable() or c in "\n\r\t\f"))
    spaces = sum(1 for c in text if c in " \n\u3000")  # words or lines, in any script
    return (
        "\x00" not in text
        and odd <= len(text) // 200
        and len(text) >= 8
        and spaces * 80 >= len(text)
    )


_ENGLISH_WORDS = frozenset(
    b"the and of to in a is was for on that with said by as at from it has have".split()
)


def _english(data: bytes) -> bool:
    """Mostly English words (the app reads English news): one word in ten or more is one of
    English's commonest."""
    words = data[:65536].lower().split()
    return bool(words) and sum(w in _ENGLISH_WORDS for w in words) >= len(words) // 10
