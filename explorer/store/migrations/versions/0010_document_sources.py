"""Where an article came from, for files of many and paged files: its URL, its place in its
file ("row 12", "message 3") and a PDF's page starts, so a passage opens on its page.
Documents stored before have none (their files held one article, without pages).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("url", sa.String(), nullable=True))
        batch.add_column(sa.Column("location", sa.String(), nullable=True))
        batch.add_column(sa.Column("pages", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("pages")
        batch.drop_column("location")
        batch.drop_column("url")
