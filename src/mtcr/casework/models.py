"""Tables of licensing casework: cases, their items and parties, advice, decisions, denial notifications
and consultations. Rows never leave the service layer; callers get frozen records (records.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import false as sa_false

from mtcr.db.base import Base, utc_now


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(500))
    exporter: Mapped[str] = mapped_column(String(500))
    destination: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    end_use: Mapped[str] = mapped_column(Text)
    end_use_location: Mapped[str] = mapped_column(String(500))
    assurances: Mapped[list[str]] = mapped_column(JSON)
    marking: Mapped[str] = mapped_column(String(200))  # banner form, e.g. "SECRET//REL TO GBR"
    owner_org: Mapped[str] = mapped_column(String(40))  # the organisation that holds the case
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)
    due_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # what the policy evaluation needs beyond items and parties (migration 0005)
    wmd_end_use: Mapped[str] = mapped_column(String(20), default="NONE", server_default="NONE")
    technical_assessment_done: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    regional_stability_done: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    checklist: Mapped[dict[str, str] | None] = mapped_column(JSON, default=dict, nullable=True)
    items: Mapped[list[CaseItemRow]] = relationship(order_by="CaseItemRow.id")
    parties: Mapped[list[CasePartyRow]] = relationship(order_by="CasePartyRow.id")
    advice: Mapped[list[AdviceRow]] = relationship(order_by="AdviceRow.id")


class CaseItemRow(Base):
    __tablename__ = "case_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    description: Mapped[str] = mapped_column(Text)
    quantity: Mapped[float] = mapped_column(Float)
    value: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    annex_entries: Mapped[list[str]] = mapped_column(JSON)  # controlling entries found by the classifier
    category: Mapped[str] = mapped_column(String(20))  # Category I / II / not controlled
    classification: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # the classifier's record
    assessment: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)  # range-payload summary
    system_role: Mapped[str] = mapped_column(String(30), default="COMPONENT", server_default="COMPONENT")
    is_production_facility: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


class CasePartyRow(Base):
    __tablename__ = "case_parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(500))
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    address: Mapped[str | None] = mapped_column(Text, nullable=True)
    screening_id: Mapped[int | None] = mapped_column(ForeignKey("screenings.id", ondelete="RESTRICT"), nullable=True)


class AdviceRow(Base):
    __tablename__ = "advice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    agency: Mapped[str] = mapped_column(String(40))  # organisation code of the reviewing agency
    author: Mapped[str] = mapped_column(String(200))
    recommendation: Mapped[str] = mapped_column(String(40))
    reasons: Mapped[str] = mapped_column(Text)
    provisos: Mapped[list[str]] = mapped_column(JSON)
    valid: Mapped[bool] = mapped_column(Boolean, default=True)  # False once superseded; never deleted
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("advice.id", ondelete="RESTRICT"), nullable=True)
    countersigned_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class DecisionRow(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    outcome: Mapped[str] = mapped_column(String(40))
    decided_by: Mapped[str] = mapped_column(String(200))
    reasons: Mapped[str] = mapped_column(Text)
    provisos: Mapped[list[str]] = mapped_column(JSON)
    licence_number: Mapped[str | None] = mapped_column(String(40), unique=True, nullable=True)
    decided_at: Mapped[datetime] = mapped_column(default=utc_now)


class DenialNotificationRow(Base):
    __tablename__ = "denial_notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))  # sent / received
    government: Mapped[str] = mapped_column(String(100))  # the notifying government
    reference: Mapped[str] = mapped_column(String(100))
    item_description: Mapped[str] = mapped_column(Text)
    annex_entry: Mapped[str] = mapped_column(String(40))
    parties: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    destination: Mapped[str] = mapped_column(String(2))
    reason: Mapped[str] = mapped_column(Text)
    notified_on: Mapped[datetime] = mapped_column(default=utc_now)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), nullable=True)
    marking: Mapped[str] = mapped_column(String(200))


class ConsultationRow(Base):
    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    notification_id: Mapped[int] = mapped_column(ForeignKey("denial_notifications.id", ondelete="RESTRICT"))
    partner: Mapped[str] = mapped_column(String(100))
    request: Mapped[str] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(default=utc_now)
    reply: Mapped[str | None] = mapped_column(Text, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(40), nullable=True)
    replied_at: Mapped[datetime | None] = mapped_column(nullable=True)


class NoteRow(Base):
    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    marking: Mapped[str] = mapped_column(String(200))  # a note may be marked above or apart from its case
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class AttachmentRow(Base):
    __tablename__ = "case_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    marking: Mapped[str] = mapped_column(String(200))
    uploaded_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ReferralRow(Base):
    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    agency: Mapped[str] = mapped_column(String(40))  # organisation code of a reviewing agency
    referred_by: Mapped[str] = mapped_column(String(200))
    referred_at: Mapped[datetime] = mapped_column(default=utc_now)
