"""Keep each event's first source sentence on the event, so merging needs no join.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("merge_text", sa.Text, nullable=True))
    op.execute(
        """
        UPDATE events SET merge_text = (
            SELECT lower(p.text) FROM event_sources s
            JOIN time_expressions e ON e.id = s.expression_id
            JOIN passages p ON p.id = e.passage_id
            WHERE s.event_id = events.id ORDER BY s.expression_id LIMIT 1)
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("merge_text")
