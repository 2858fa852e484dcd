"""What the extractors read of a text's language: its sentences (and, later, their parse)."""
