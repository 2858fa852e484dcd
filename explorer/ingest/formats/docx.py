"""Word documents (.docx): the body's paragraphs, the headline from the Title style or the
first heading, the date and author from the byline, else the file's core properties.

python-docx reads the file; before it does, the zip inside is checked, so that a file that is
only named .docx, or a zip that inflates to gigabytes, is refused with a sentence rather than
read into memory.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile

from explorer.errors import InputError
from explorer.ingest.formats.base import Format, sha256, text_document
from explorer.model import Document, TextMap

# A news article in Word is well under a megabyte inflated; a report with pictures tens.
MAX_INFLATED = 200 * 1024 * 1024
_MAX_RATIO = 200  # deflate rarely passes 10:1 on real documents; a bomb is thousands to one


def read_docx(name: str, data: bytes) -> Document:
    _check_zip(name, data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise InputError(f"{name}: not a Word document (a .docx holds word/document.xml).") from err
    except Exception as err:  # lxml's XMLSyntaxError and kin: a damaged part
        raise InputError(f"{name}: this Word document is damaged ({type(err).__name__}).") from err
    title: str | None = None
    paragraphs: list[str] = []
    for paragraph in word.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if title is None and not paragraphs and (style == "Title" or style.startswith("Heading")) or title is None and style == "Title":
            title = text
        paragraphs.append(text)
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise InputError(f"{name}: this Word document has no text.")
    core = word.core_properties
    created = core.created.date() if core.created is not None else None
    doc = text_document(name, sha256(data), text, TextMap.identity(text), "docx", metadata=created)
    return dataclasses.replace(
        doc,
        title=title or (core.title or "").strip() or doc.title,
        author=doc.author or (core.author or "").strip() or None,
    )


def _check_zip(name: str, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as err:
        raise InputError(
            f"{name}: not a Word .docx file (damaged, or an older .doc: save it as .docx)."
        ) from err
    inflated = sum(m.file_size for m in members)
    if inflated > MAX_INFLATED or any(
        m.file_size > 1_000_000 and m.file_size > _MAX_RATIO * max(m.compress_size, 1)
        for m in members
    ):
        raise InputError(
            f"{name}: refused: it would inflate to {inflated / 1e6:,.0f} MB, far beyond any "
            f"article (the limit is {MAX_INFLATED // 1_000_000} MB); it may be a zip bomb."
        )
    if "word/document.xml" not in {m.filename for m in members}:
        raise InputError(f"{name}: not a Word document (a .docx holds word/document.xml).")


DOCX = Format("docx", "Word documents", (".docx",), read=read_docx, max_bytes=100 * 1024 * 1024)
