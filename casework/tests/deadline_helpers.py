"""Cases in the `summoned` state with their summonses, for the deadline and reminder tests (Blitar, scenario 2)."""

import datetime
from typing import Any

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory, UserFactory
from casework.models import Case, Summons
from casework.tests.conftest import at
from casework.tests.factories import case_in


def summoned_case(*, officer: Any, accused: CivilServant, number: str = "0001/KASUS/BLITAR/2024") -> Case:
    return case_in(
        Case.Status.SUMMONED,
        number=number,
        agency=officer.agency,
        accused=accused,
        accused_name=accused.name,
        accused_nip=accused.nip,
        registered_by=officer,
    )


def add_summons(
    case: Case,
    *,
    number: int,
    examination: datetime.datetime,
    sent_on: datetime.date,
    issued_by: Any,
    attendance: str = Summons.Attendance.PENDING,
) -> Summons:
    return Summons.objects.create(
        case=case,
        number=number,
        scheduled_at=examination,
        place="Kantor BKPSDM Kabupaten Blitar",
        sent_on=sent_on,
        delivery_method=Summons.Delivery.IN_PERSON,
        attendance=attendance,
        issued_by=issued_by,
    )


def superior_with_account(*, name: str, username: str, **user_fields: Any) -> tuple[CivilServant, Any]:
    """A civil servant in the register and the user account carrying the same NIP."""
    servant = CivilServantFactory.create(
        name=name, position_kind=CivilServant.PositionKind.ADMINISTRATOR, functional_level=""
    )
    first, _, last = name.partition(" ")
    account = UserFactory.create(username=username, first_name=first, last_name=last, nip=servant.nip, **user_fields)
    return servant, account


__all__ = ["add_summons", "at", "summoned_case", "superior_with_account"]
