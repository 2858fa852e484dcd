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
    if b"\x00" in sample or sum(sample.count(bytes([c])) for c in _CONTROL) > len(sample) // 100:
        raise InputError(f"{name}: this looks like a binary file, not an article.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot tell which text encoding this file uses.")
    return str(best)
