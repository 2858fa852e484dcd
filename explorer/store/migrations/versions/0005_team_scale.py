"""Team scale: events carry their day numbers and salience so a view of a million events is
answered by indexes; actor links carry them too, so an actor filter reads one index; edits
record who made them; a change counter tells open windows that someone else wrote.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("start_day", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("end_day", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("weight", sa.Float, nullable=False, server_default="1"))
    with op.batch_alter_table("event_actors") as batch:
        batch.add_column(sa.Column("start_day", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("weight", sa.Float, nullable=False, server_default="1"))
    with op.batch_alter_table("curations") as batch:
        batch.add_column(sa.Column("author", sa.String, nullable=False, server_default=""))
    op.create_table(
        "store_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("changes", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO store_state (id, changes) VALUES (1, 0)")
    _backfill()
    op.create_index("ix_events_start_day", "events", ["start_day", "weight"])
    op.create_index("ix_events_weight", "events", ["weight", "start_day"])
    op.create_index(
        "ix_event_actors_day", "event_actors", ["actor_id", "start_day", "weight", "event_id"]
    )
    op.create_index(
        "ix_event_actors_weight", "event_actors", ["actor_id", "weight", "start_day", "event_id"]
    )


class _WeightsOf0005:
    """The weight formula as it was when this migration was written (events/salience.py then):
    a migration keeps the rules of its day, and the store never imports the domain."""

    _PRECISION = {"day": 1.0, "week": 0.8, "month": 0.7, "season": 0.5, "quarter": 0.5,
                  "half": 0.4, "year": 0.5, "decade": 0.1, "century": 0.0}

    def same_event(self, *args, **kwargs):  # never asked: a migration merges nothing
        return None

    def weight(self, e) -> float:
        import math

        return (
            1.0
            + 1.5 * math.log2(max(e.documents, 1))
            + 0.5 * math.log2(max(e.sentences, 1))
            + 0.4 * min(e.actors, 4)
            + (1.0 if e.first_passage < 5 else 0.0)
            + self._PRECISION.get(str(e.precision), 0.3)
        )


def _backfill() -> None:
    from explorer.store.weights import refresh_weights

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, start_date, end_date FROM events")).all()
    days = [
        {"i": i, "s": _ordinal(s), "e": _ordinal(e)} for i, s, e in rows
    ]
    if days:
        conn.execute(sa.text("UPDATE events SET start_day = :s, end_day = :e WHERE id = :i"), days)
        refresh_weights(conn, {r[0] for r in rows}, _WeightsOf0005())


def _ordinal(value: object) -> int:
    import datetime as dt

    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    assert isinstance(value, dt.date)
    return value.toordinal()


def downgrade() -> None:
    op.drop_index("ix_event_actors_weight", "event_actors")
    op.drop_index("ix_event_actors_day", "event_actors")
    op.drop_index("ix_events_weight", "events")
    op.drop_index("ix_events_start_day", "events")
    op.drop_table("store_state")
    with op.batch_alter_table("curations") as batch:
        batch.drop_column("author")
    with op.batch_alter_table("event_actors") as batch:
        batch.drop_column("weight")
        batch.drop_column("start_day")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("weight")
        batch.drop_column("end_day")
        batch.drop_column("start_day")
