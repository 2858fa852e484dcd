"""The date tagger: find date expressions in text and resolve them against a publication date."""

from explorer.temporal.tagger import tag

__all__ = ["tag"]
