"""Drop the ``aliases`` table: nothing ever wrote it. Aliases are curations (``alias`` and
``rename_actor`` edits), read by the next import's actor matcher.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("aliases")


def downgrade() -> None:
    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "actor_id", sa.Integer, sa.ForeignKey("actors.id", ondelete="CASCADE"), index=True
        ),
        sa.Column("alias", sa.String, unique=True),
    )
