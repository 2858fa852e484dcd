"""E-mail: a saved message (.eml) or a mailbox (.mbox), one article per message.

The Subject is the title, Date the publication date, From the author; the HTML part, where
there is one, is read as web pages are, else the plain text part. Attachments that are files
of a format the registry reads (a PDF, a Word file, a page) become articles of their own.
A message is known by its Message-ID, so re-importing a mailbox that grew adds only the new
messages.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import mailbox
from collections.abc import Iterator
from email.message import EmailMessage, MIMEPart
from pathlib import Path

from explorer.errors import InputError
from explorer.ingest.formats.base import (
    ArticleMeta,
    Format,
    Piece,
    ReadOptions,
    Skipped,
    parse_date,
    safe_key,
    short_hash,
)


def split_eml(path: Path, options: ReadOptions) -> Iterator[Piece | Skipped]:
    message = _parse(path.read_bytes(), str(path))
    yield from _pieces(message, "", "message")


def split_mbox(path: Path, options: ReadOptions) -> Iterator[Piece | Skipped]:
    box = _open_mbox(path)
    try:
        keys = list(box.keys())
        if not keys:
            raise InputError(
                f"{path}: no messages found: not an mbox mailbox (each message in one begins "
                "with a line starting 'From ')."
            )
        seen: set[str] = set()
        for n, key in enumerate(keys, start=1):
            try:
                message = _parse(box.get_bytes(key), f"{path}, message {n}")
            except (InputError, mailbox.Error, OSError) as err:
                yield Skipped(f"message:{n}", f"message {n}", str(err))
                continue
            ident = str(message.get("Message-ID") or "").strip()
            item = f"message:{short_hash(ident)}" if ident else f"message:{n}"
            while item in seen:  # the same message saved twice in one mailbox
                item += "+"
            seen.add(item)
            yield from _pieces(message, item, f"message {n}")
    finally:
        box.close()


def count_mbox(path: Path) -> int:
    box = _open_mbox(path)
    try:
        return max(len(box), 1)
    finally:
        box.close()


def _open_mbox(path: Path) -> mailbox.mbox:
    try:
        return mailbox.mbox(path, create=False)
    except (mailbox.Error, OSError) as err:
        raise InputError(f"{path}: not a readable mailbox ({err}).") from err


def _parse(data: bytes, name: str) -> EmailMessage:
    if not data.strip():
        raise InputError(f"{name}: the message is empty.")
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)  # the default policy makes EmailMessages
    if not message.keys():
        raise InputError(f"{name}: not an e-mail message (no headers).")
    return message


def _pieces(message: EmailMessage, key: str, location: str) -> Iterator[Piece | Skipped]:
    meta = ArticleMeta(
        title=_header(message, "Subject"),
        published=parse_date(_header(message, "Date")),
        fallback_author=_author(_header(message, "From")),
    )
    body = message.get_body(preferencelist=("html", "plain"))
    text = _content(body) if body is not None else None
    if text and text.strip():
        html = body is not None and body.get_content_subtype() == "html"
        yield Piece(key, location, "mail-html" if html else "text", text.encode("utf-8"), meta)
    else:
        yield Skipped(key or "message:body", location, "the message has no text")
    prefix = f"{key}/" if key else ""
    from explorer.ingest.formats import single_reader  # the registry imports this module

    for part in message.iter_attachments():
        filename = str(part.get_filename() or "")
        attached = single_reader(Path(filename).suffix.lower()) if filename else None
        if attached is None:
            continue  # a picture, a calendar invitation: no article
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload:
            continue
        yield Piece(
            f"{prefix}attachment:{safe_key(filename)}",
            f"{location}, attachment {filename}",
            attached,
            payload,
            # its own byline first: a forwarded article is not the forwarder's
            ArticleMeta(fallback_published=meta.published),
        )


def _content(part: MIMEPart) -> str | None:
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset: let the decoder guess
        raw = part.get_payload(decode=True)
        return raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else None
    return content if isinstance(content, str) else None


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, IndexError):  # a header the parser cannot make sense of
        return None
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _author(sender: str | None) -> str | None:
    if not sender:
        return None
    name, address = email.utils.parseaddr(sender)
    return name or address or None


EML = Format(
    "eml",
    "E-mail messages",
    (".eml",),
    split=split_eml,
    max_bytes=50 * 1024 * 1024,
    each="message, and one per attached article file",
)
MBOX = Format(
    "mbox",
    "Mailboxes",
    (".mbox",),
    split=split_mbox,
    count=count_mbox,
    max_bytes=None,
    each="message",
)
