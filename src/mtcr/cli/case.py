"""``mtcr case``, ``mtcr users`` and ``mtcr orgs``: casework from the command line.

The command line is for operators with direct access to the database; it acts as the user named by
``--as`` and applies that user's role and clearance exactly as the API does.
"""

from __future__ import annotations

import getpass
from typing import Annotated

import typer
from rich.table import Table

from mtcr.casework import identity, recommend, service
from mtcr.casework.access import WORKFLOW_RIGHTS, Principal, require_action, require_case_write
from mtcr.casework.identity import OrgKind, Role
from mtcr.casework.workflow import CaseAction, CaseStatus
from mtcr.cli.common import JsonOption, console, domain_errors, emit_json
from mtcr.cli.common import safe as escape
from mtcr.db.engine import make_engine, session_scope, upgrade
from mtcr.errors import InputError

case_app = typer.Typer(help="Transfer applications.\n\nExample: mtcr case list --as officer", no_args_is_help=True)
users_app = typer.Typer(
    help="Users.\n\nExample: mtcr users add alice --org MOD-LIC --role 'licensing officer'", no_args_is_help=True
)
orgs_app = typer.Typer(help="Organisations.\n\nExample: mtcr orgs list", no_args_is_help=True)

AsOption = Annotated[str, typer.Option("--as", help="The user acting (their role and clearance apply).")]


def _principal(session: object, username: str) -> Principal:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    user = identity.get_user(session, username)
    if not user.active:
        raise InputError("--as", f"{username} is deactivated")
    return Principal.of(user)


@case_app.command("list")
def list_command(
    as_user: AsOption,
    status: Annotated[CaseStatus | None, typer.Option("--status", help="Only cases in this status.")] = None,
    json: JsonOption = False,
) -> None:
    """The cases the user may read (by clearance, organisation and releasability), newest first.

    Example: mtcr case list --as officer --status 'under review'
    """
    with domain_errors():
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            cases = service.list_cases(session, _principal(session, as_user), status)
        if json:
            emit_json(cases)
            return
        table = Table(title=f"Cases readable by {escape(as_user)}", title_justify="left")
        for column in ("id", "reference", "marking", "status", "destination", "title", "due"):
            table.add_column(column)
        for c in cases:
            due = c.due_at.strftime("%Y-%m-%d") if c.due_at else ""
            table.add_row(str(c.id), c.reference, c.marking, c.status.value, c.destination, escape(c.title), due)
        console.print(table)


@case_app.command("show")
def show_command(
    case_id: Annotated[int, typer.Argument(help="Case id (mtcr case list).")],
    as_user: AsOption,
    json: JsonOption = False,
) -> None:
    """A case with its items and categories, parties, advice, and the policy recommendation with its rules.

    Example: mtcr case show 1 --as officer
    """
    with domain_errors():
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            principal = _principal(session, as_user)
            case = service.read_case(session, case_id, principal)
            result = recommend.recommend(session, case_id, principal)
        if json:
            emit_json({"case": case, "recommendation": result})
            return
        console.print(f"[bold]{case.marking}[/]")
        console.print(
            f"{case.reference}: {escape(case.title)} to {case.destination} ({case.status.value}); "
            f"end use {escape(case.end_use)} at {escape(case.end_use_location)}"
        )
        for item in case.items:
            console.print(
                f"  item: {escape(item.description)} x{item.quantity:g}: {item.category} "
                f"({', '.join(item.annex_entries) or 'no entry'})"
            )
        for party in case.parties:
            console.print(
                f"  {party.role.value}: {escape(party.name)} ({party.country or '?'}), "
                f"screening {party.screening_id or 'none'}"
            )
        for advice in case.advice:
            mark = "" if advice.valid else " [superseded]"
            console.print(f"  advice {advice.agency}: {advice.recommendation.value}{mark}: {escape(advice.reasons)}")
        console.print(f"Recommendation: [bold]{result.recommendation.value}[/] - {escape(result.summary)}")
        for rule in result.fired:
            console.print(f"  {rule.rule_id} ({rule.effect.value}, {rule.status.value}): {escape(rule.reason)}")
        console.print(f"[bold]{case.marking}[/]")


@case_app.command("act")
def act_command(
    case_id: Annotated[int, typer.Argument(help="Case id.")],
    action: Annotated[CaseAction, typer.Argument(help="submit, start review, refer for clearance, clear, ...")],
    as_user: AsOption,
) -> None:
    """Move a case through its workflow; the transition table refuses illegal moves.

    Example: mtcr case act 1 submit --as exporter
    """
    with domain_errors():
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            principal = _principal(session, as_user)
            case = service.read_case(session, case_id, principal)
            require_action(principal, WORKFLOW_RIGHTS[action])
            require_case_write(principal, case.owner_org)
            case = service.act(session, case_id, action, as_user)
        console.print(f"{case.reference} is now {case.status.value}")


@orgs_app.command("add")
def orgs_add_command(
    code: Annotated[str, typer.Argument(help="Short code, e.g. MOD-LIC.")],
    name: Annotated[str, typer.Option("--name", help="Full name.")],
    kind: Annotated[OrgKind, typer.Option("--kind", help="licensing authority, reviewing agency, exporter, ...")],
    country: Annotated[str, typer.Option("--country", help="ISO country code.")],
    as_user: Annotated[str, typer.Option("--as", help="Who registers it (for the audit log).")] = "",
) -> None:
    """Register an organisation.

    Example: mtcr orgs add MOD-LIC --name "Export Licensing Authority" --kind "licensing authority" --country GB
    """
    with domain_errors():
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            org = identity.create_organisation(
                session, as_user or getpass.getuser(), code=code, name=name, kind=kind, country=country
            )
        console.print(f"Organisation {org.code} registered")


@users_app.command("add")
def users_add_command(
    username: Annotated[str, typer.Argument(help="Login name.")],
    org: Annotated[str, typer.Option("--org", help="Organisation code.")],
    role: Annotated[Role, typer.Option("--role", help="The user's role.")],
    clearance: Annotated[str, typer.Option("--clearance", help="Clearance level, e.g. SECRET.")] = "UNCLASSIFIED",
    name: Annotated[str, typer.Option("--name", help="Display name.")] = "",
    as_user: Annotated[str, typer.Option("--as", help="Who creates the user (for the audit log).")] = "",
) -> None:
    """Create a user; the password is asked for twice and kept only as an argon2 hash.

    Example: mtcr users add alice --org MOD-LIC --role "licensing officer" --clearance SECRET
    """
    with domain_errors():
        password = getpass.getpass("Password (12 characters or more): ")
        if password != getpass.getpass("Again: "):
            raise InputError("password", "the two entries differ")
        engine = make_engine()
        upgrade(engine)
        with session_scope(engine) as session:
            user = identity.create_user(
                session,
                as_user or getpass.getuser(),
                username=username,
                display_name=name or username,
                organisation_code=org,
                role=role,
                clearance=clearance,
                password=password,
            )
        console.print(f"User {user.username} created ({user.role.value}, {user.clearance})")
