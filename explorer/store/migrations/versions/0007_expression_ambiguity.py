"""What else a date expression could have meant, as the tagger saw it at import ("week",
"year" or null), so the edit dialog offers the other readings without reading the text again.
Stores made before it have none until their documents are analysed again (ANALYSIS_VERSION 3).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("time_expressions") as batch:
        batch.add_column(sa.Column("ambiguity", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("time_expressions") as batch:
        batch.drop_column("ambiguity")
