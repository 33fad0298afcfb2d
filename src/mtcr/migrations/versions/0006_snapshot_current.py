"""list snapshots: when content became current (re-importing earlier content makes it current again)

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

import mtcr.db.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("list_snapshots") as batch:
        batch.add_column(sa.Column("current_since", mtcr.db.base.UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("list_snapshots") as batch:
        batch.drop_column("current_since")
