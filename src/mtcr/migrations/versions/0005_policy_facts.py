"""casework facts for policy evaluation: WMD end use, analyses, checklist answers, item role

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
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("wmd_end_use", sa.String(length=20), nullable=False, server_default="NONE"))
        batch.add_column(
            sa.Column("technical_assessment_done", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("regional_stability_done", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("checklist", sa.JSON(), nullable=True))
    with op.batch_alter_table("case_items") as batch:
        batch.add_column(sa.Column("system_role", sa.String(length=30), nullable=False, server_default="COMPONENT"))
        batch.add_column(sa.Column("is_production_facility", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("case_items") as batch:
        batch.drop_column("is_production_facility")
        batch.drop_column("system_role")
    with op.batch_alter_table("cases") as batch:
        for column in ("checklist", "regional_stability_done", "technical_assessment_done", "wmd_end_use"):
            batch.drop_column(column)
