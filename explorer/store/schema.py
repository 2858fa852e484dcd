"""The store's schema (SQLite or PostgreSQL) (SQLAlchemy 2 typed models). Changes go through Alembic migrations."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String, unique=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    format: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(String)
    outlet: Mapped[str | None] = mapped_column(String)
    author: Mapped[str | None] = mapped_column(String)
    published: Mapped[dt.date | None] = mapped_column(Date)
    published_source: Mapped[str | None] = mapped_column(String(16))
    original: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    offsets: Mapped[bytes] = mapped_column(LargeBinary)  # int32 array: text index -> original
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # The analysis that made its events (see explorer.analysis.ANALYSIS_VERSION): an unchanged
    # file made by an older one is analysed again when it is imported again.
    analysis_version: Mapped[int] = mapped_column(Integer, server_default="1")
    url: Mapped[str | None] = mapped_column(String)
    # Where in a file of many articles this one is ("row 12", "message 3").
    location: Mapped[str | None] = mapped_column(String)
    # A paged file's page starts in ``text``, as comma-separated offsets ("0,1845,3920").
    pages: Mapped[str | None] = mapped_column(Text)


class PassageRow(Base):
    __tablename__ = "passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    idx: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    orig_start: Mapped[int] = mapped_column(Integer)  # the same span in the file as written
    orig_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("document_id", "idx"),)


class ExpressionRow(Base):
    __tablename__ = "time_expressions"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    passage_id: Mapped[int] = mapped_column(ForeignKey("passages.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    orig_start: Mapped[int] = mapped_column(Integer)
    orig_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String(16))
    inferred: Mapped[bool] = mapped_column(Boolean)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    precision: Mapped[str | None] = mapped_column(String(16))
    reference: Mapped[str | None] = mapped_column(String(16))
    ambiguity: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # Copies of its sentence in other articles share this key (rules.retelling): they are one
    # telling, dated as the earliest article reads it (store/retellings.py).
    retelling: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(16))
    # The first source's sentence, lower-cased: what a new mention is compared with to merge.
    merge_text: Mapped[str | None] = mapped_column(Text)
    # Day ordinals and salience, kept on the row so that a view of a million events is
    # answered by indexes: the heaviest in a range, counts per day, long events crossing it.
    start_day: Mapped[int] = mapped_column(Integer, server_default="0")
    end_day: Mapped[int] = mapped_column(Integer, server_default="0")
    weight: Mapped[float] = mapped_column(Float, server_default="1")

    __table_args__ = (
        Index("ix_events_time", "start_date", "end_date"),
        Index("ix_events_start_day", "start_day", "weight"),
        Index("ix_events_weight", "weight", "start_day"),
    )


class EventSourceRow(Base):
    __tablename__ = "event_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    expression_id: Mapped[int] = mapped_column(
        ForeignKey("time_expressions.id", ondelete="CASCADE"), unique=True
    )


class ActorRow(Base):
    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String, unique=True)
    kind: Mapped[str] = mapped_column(String(16))


class EventActorRow(Base):
    __tablename__ = "event_actors"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # The event's, copied so an actor filter reads one index and never the events table.
    start_day: Mapped[int] = mapped_column(Integer, server_default="0")
    weight: Mapped[float] = mapped_column(Float, server_default="1")

    __table_args__ = (
        Index("ix_event_actors_day", "actor_id", "start_day", "weight", "event_id"),
        Index("ix_event_actors_weight", "actor_id", "weight", "start_day", "event_id"),
    )


class MentionRow(Base):
    __tablename__ = "actor_mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class CurationRow(Base):
    """One user edit. Its payload names events by their sources' keys (document path,
    sentence, expression), so it applies again after a re-import recreates the events."""

    __tablename__ = "curations"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    label: Mapped[str] = mapped_column(String)  # what the Edit menu says ("Hide “…”")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String, server_default="")  # who made it


class StoreStateRow(Base):
    """One row: a counter every write moves, so open windows notice others' changes."""

    __tablename__ = "store_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    changes: Mapped[int] = mapped_column(BigInteger)
