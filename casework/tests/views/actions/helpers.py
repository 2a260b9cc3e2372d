"""What the tests of the officer's action views share: a client, the URLs, the messages and a snapshot of
what a refused action must not have written."""

from typing import Any

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from casework import services
from casework.models import (
    Case,
    CaseEvidence,
    CaseTrack,
    Examination,
    ExaminationReport,
    ExaminationTeam,
    Letter,
    Summons,
)
from core.models import AuditEvent

PLACE = "Kantor BKPSDM Kabupaten Lebong"


def client_for(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def action_url(name: str, case: Case, **kwargs: Any) -> str:
    return reverse(f"casework_actions:{name}", kwargs={"case_id": case.pk, **kwargs})


def case_page(case: Case) -> str:
    return reverse("casework:case-detail", kwargs={"case_id": case.pk})


def messages_of(response: Any) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def snapshot(case: Case) -> tuple[Any, ...]:
    case.refresh_from_db()
    return (
        case.status,
        case.version,
        AuditEvent.objects.count(),
        Summons.objects.count(),
        Letter.objects.count(),
        Examination.objects.count(),
        ExaminationReport.objects.count(),
        ExaminationTeam.objects.count(),
        CaseEvidence.objects.count(),
        CaseTrack.objects.count(),
    )


def reported_case(case: Case, actor: Any, *, proven: bool) -> Case:
    from violations.models import ViolationType

    # A moderate sanction (casework/tests/sanction_catalogue.py): these cases are examined without a team.
    services.examination_report_submit(
        case=case,
        actor=actor,
        violation_types=[ViolationType.objects.get(code="N08")],
        act_time="7 Oktober 2024",
        act_place="Facebook",
        proven=proven,
        recommended_sanction_code="S1" if proven else "",
    )
    return Case.objects.get(pk=case.pk)
