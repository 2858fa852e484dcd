"""The key by which copies of one sentence in several articles find each other, so that a
reprint's "today" is dated as the original reads it (store/retellings.py). Stores made before
it have none until their documents are analysed again (ANALYSIS_VERSION 9).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("time_expressions") as batch:
        batch.add_column(sa.Column("retelling", sa.String(16), nullable=True))
        batch.create_index("ix_time_expressions_retelling", ["retelling"])


def downgrade() -> None:
    with op.batch_alter_table("time_expressions") as batch:
        batch.drop_index("ix_time_expressions_retelling")
        batch.drop_column("retelling")
