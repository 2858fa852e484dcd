"""Saved web pages, and the HTML inside e-mails and feeds.

A page is read with trafilatura, which finds the article in the page's chrome (menus, ads,
footers) far better than tag stripping could. A fragment (a feed item's content, an e-mail
with no page around its text) has no chrome to find the article in: its text is the tags'
text, one paragraph per block.
"""

from __future__ import annotations

import dataclasses
import html
import re
from html.parser import HTMLParser

from explorer.errors import InputError
from explorer.ingest.encoding import decode
from explorer.ingest.formats.base import Format, parse_date, sha256, text_document
from explorer.model import Document, TextMap


def read_page(name: str, data: bytes) -> Document:
    return page_document(name, sha256(data), decode(data, name))


def page_document(name: str, sha: str, page: str) -> Document:
    import trafilatura

    text = trafilatura.extract(
        page, include_comments=False, include_tables=False, favor_recall=True
    )
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in this HTML page.")
    meta = trafilatura.extract_metadata(page)
    title = _headline(meta.title if meta else None, meta.sitename if meta else None)
    if title and not text.lstrip().startswith(title):
        # The page's headline opens the article, as in a text file: the extractor keeps it
        # apart, and the names in it are what "he" and "the company" below refer to.
        text = f"{title}\n\n{text}"
    doc = text_document(
        name,
        sha,
        text,
        TextMap.identity(text),
        "html",
        metadata=parse_date(meta.date) if meta and meta.date else None,
    )
    return dataclasses.replace(
        doc,
        title=(meta.title if meta and meta.title else None) or doc.title,
        outlet=meta.sitename if meta and meta.sitename else None,
        author=(meta.author if meta and meta.author else None) or doc.author,
        url=meta.url if meta and meta.url else None,
    )


_SITE_SUFFIX = re.compile(r"\s+[|\-–—:]\s+[^|\-–—:]{1,60}$")


def _headline(title: str | None, site: str | None) -> str | None:
    """The page's title without the site's name after a bar or dash ("… | Coast Post")."""
    if not title or not title.strip():
        return None
    title = " ".join(title.split())
    m = _SITE_SUFFIX.search(title)
    if m and (site is None or site.lower() in m.group(0).lower() or "|" in m.group(0)):
        title = title[: m.start()]
    return title or None


def read_fragment(name: str, data: bytes) -> Document:
    text = fragment_text(decode(data, name))
    if not text.strip():
        raise InputError(f"{name}: has no text once markup is removed.")
    return text_document(name, sha256(data), text, TextMap.identity(text), "html")


_BLOCKS = frozenset(
    ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "section", "article", "header", "footer", "pre", "hr", "dd", "dt", "figcaption"]
)
_SKIPPED = frozenset({"script", "style", "head", "title", "noscript", "template"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BREAKS = re.compile(r"\s*\n\s*\n\s*")


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment: a blank line between blocks, runs of spaces as one."""
    parser = _Text()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError:  # html.parser gives up on some broken declarations
        return html.unescape(re.sub(r"<[^>]*>", " ", markup))
    joined = "".join(parser.parts)
    lines = (_SPACES.sub(" ", line).strip() for line in joined.split("\n"))
    return _BREAKS.sub("\n\n", "\n".join(lines)).strip()


HTML = Format("html", "Web pages", (".html", ".htm", ".xhtml"), read=read_page)
# Not a file type of its own: how containers read HTML that has no page around it.
FRAGMENT = Format("fragment", "HTML fragments", (), read=read_fragment)


def read_mail_html(name: str, data: bytes) -> Document:
    """An e-mail's HTML part: read as a web page (a newsletter is one), or, when it is too
    short a page for the article finder, as a fragment."""
    try:
        return read_page(name, data)
    except InputError:
        return read_fragment(name, data)


MAIL_HTML = Format("mail-html", "HTML in e-mail", (), read=read_mail_html)
