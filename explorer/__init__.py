"""Timeline Explorer: dated, sourced timelines from news articles."""

__version__ = "0.1.0"
APP_NAME = "Timeline Explorer"
