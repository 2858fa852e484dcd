"""Plain text and Markdown: the file is the article, light markup removed."""

from __future__ import annotations

from explorer.errors import InputError
from explorer.ingest import markup
from explorer.ingest.encoding import decode
from explorer.ingest.formats.base import Format, Read, sha256, text_document
from explorer.model import Document


def _reader(fmt: str) -> Read:
    def read(name: str, data: bytes) -> Document:
        original = decode(data, name)
        text_map = markup.clean(original)
        if not text_map.text.strip():
            raise InputError(f"{name}: has no text once markup is removed.")
        return text_document(name, sha256(data), original, text_map, fmt)

    return read


TEXT = Format("text", "Plain text", (".txt", ".text"), read=_reader("text"))
MARKDOWN = Format("markdown", "Markdown", (".md", ".markdown"), read=_reader("markdown"))
