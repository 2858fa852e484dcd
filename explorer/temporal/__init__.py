"""The date tagger: find date expressions in text and resolve them against a publication date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from explorer.temporal.tagger import tag

__all__ = ["tag"]


def __getattr__(name: str) -> Any:
    # The tagger compiles its patterns and loads dateparser on import: only callers that tag
    # pay for it, not those that read the package's word lists (curation's doubts).
    if name == "tag":
        from explorer.temporal.tagger import tag

        return tag
    raise AttributeError(name)
