"""The officer's case list and case page: tabs, filters, scoping per role, evidence and letter downloads."""

import datetime
import io
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory, UserFactory
from casework import services
from casework.letters import letter_mark_failed, letter_render, letter_request, requesting
from casework.models import Case, CaseEvidence, Letter, Summons
from casework.tests.conftest import at
from casework.tests.factories import CaseFactory, agency_administrator, examiner
from casework.tests.letter_helpers import scenario_context
from core.models import AuditEvent
from core.testing import png_bytes
from violations.evidence import validate_evidence_files
from violations.models import Election, ViolationType
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

LIST = "/cases/"


def _client(user: Any) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user)
    return client


def _page(case: Case) -> str:
    return reverse("casework:case-detail", kwargs={"case_id": case.pk})


def _numbers(response: Any) -> list[str]:
    return [case.number for case in response.context["page"].object_list]


def _messages(response: Any) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def enqueued(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Letters stay "being prepared": their rendering is recorded instead of sent to a worker."""
    calls: list[int] = []
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: calls.append(letter.pk))
    return calls


def _letter(case: Case, actor: Any, kind: str = "summons_1") -> Letter:
    return letter_request(case=case, kind=kind, actor=actor, context=scenario_context(kind))


def _evidence(case: Case, actor: Any) -> CaseEvidence:
    files = validate_evidence_files([(io.BytesIO(png_bytes()), "layar.png")])
    return services.case_evidence_add_files(case=case, actor=actor, files=files)[0]


# --- the list ---------------------------------------------------------------------------------------------------


def test_an_examiner_sees_only_the_cases_assigned_to_them_or_their_team(officer, examiner_user):
    mine = CaseFactory(number="0001/KASUS/LEBONG/2026", registered_by=officer)
    mine.assigned_examiners.add(examiner_user)
    CaseFactory(number="0002/KASUS/LEBONG/2026", registered_by=officer)

    response = _client(examiner_user).get(LIST + "?tab=all")

    assert (response.status_code, response.context["tab"], _numbers(response)) == (
        200,
        "mine",
        ["0001/KASUS/LEBONG/2026"],
    )
    assert "All cases of the agency" not in response.content.decode()


def test_an_intake_officer_sees_the_agency_and_can_switch_to_their_own_cases(officer, examiner_user):
    assigned = CaseFactory(number="0001/KASUS/LEBONG/2026", registered_by=officer)
    assigned.assigned_examiners.add(officer)
    CaseFactory(number="0002/KASUS/LEBONG/2026", registered_by=officer)
    CaseFactory(agency=AgencyFactory(code="rejang-lebong", is_default=False), number="0001/KASUS/REJANG/2026")
    client = _client(officer)

    everything = client.get(LIST)
    own = client.get(LIST + "?tab=mine")

    assert (everything.context["tab"], _numbers(everything)) == (
        "all",
        ["0002/KASUS/LEBONG/2026", "0001/KASUS/LEBONG/2026"],
    )
    assert (own.context["tab"], _numbers(own)) == ("mine", ["0001/KASUS/LEBONG/2026"])
    assert "All cases of the agency" in everything.content.decode()


def test_an_agency_administrator_sees_the_agencys_cases(officer):
    CaseFactory(number="0001/KASUS/LEBONG/2026", registered_by=officer)

    response = _client(agency_administrator()).get(LIST)

    assert (response.status_code, _numbers(response)) == (200, ["0001/KASUS/LEBONG/2026"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nip=197805122003", ["0001/KASUS/LEBONG/2026"]),
        ("name=yuliani", ["0002/KASUS/LEBONG/2026"]),
        ("status=under_review", ["0002/KASUS/LEBONG/2026"]),
        ("violation=n02", ["0002/KASUS/LEBONG/2026"]),
        ("status=withdrawn", []),
    ],
)
def test_the_list_filters_by_nip_name_status_and_violation_code(officer, principal, query, expected):
    CaseFactory(number="0001/KASUS/LEBONG/2026", accused=principal, accused_nip=principal.nip, registered_by=officer)
    report = ReportFactory(violation_type=ViolationType.objects.get(code="N02"))
    CaseFactory(
        number="0002/KASUS/LEBONG/2026",
        accused_name="Yuliani, S.Pd.",
        status=Case.Status.UNDER_REVIEW,
        registered_by=officer,
        reports=[report],
    )

    response = _client(officer).get(f"{LIST}?{query}")

    assert _numbers(response) == expected


def test_the_list_filters_by_unit_and_election(officer, principal):
    CaseFactory(number="0001/KASUS/LEBONG/2026", accused=principal, registered_by=officer)
    pilkada = Election.objects.create(name="Pilkada Lebong 2024", kind=Election.Kind.PILKADA, year=2024)
    other_unit = CivilServantFactory(unit=UnitFactory(code="dinas-pu", name="Dinas PU"))
    CaseFactory(
        number="0002/KASUS/LEBONG/2026",
        accused=other_unit,
        registered_by=officer,
        reports=[ReportFactory(election=pilkada)],
    )
    client = _client(officer)

    by_unit = client.get(f"{LIST}?unit={principal.unit_id}")
    by_election = client.get(f"{LIST}?election={pilkada.pk}")

    assert (_numbers(by_unit), _numbers(by_election)) == (["0001/KASUS/LEBONG/2026"], ["0002/KASUS/LEBONG/2026"])


def test_the_list_filters_overdue_cases(officer):
    late = CaseFactory(number="0001/KASUS/LEBONG/2026", status=Case.Status.SUMMONED, registered_by=officer)
    # Absent from summons I long ago and summons II never sent: rule D7 is overdue.
    Summons.objects.create(
        case=late,
        number=1,
        scheduled_at=at(2026, 1, 14),
        place="Kantor BKPSDM",
        sent_on=datetime.date(2026, 1, 2),
        delivery_method=Summons.Delivery.IN_PERSON,
        attendance=Summons.Attendance.ABSENT,
        issued_by=officer,
    )
    CaseFactory(number="0002/KASUS/LEBONG/2026", status=Case.Status.SUMMONED, registered_by=officer)

    response = _client(officer).get(f"{LIST}?overdue=on")

    assert _numbers(response) == ["0001/KASUS/LEBONG/2026"]


def test_an_invalid_filter_value_is_shown_and_ignored(officer):
    CaseFactory(number="0001/KASUS/LEBONG/2026", registered_by=officer)

    response = _client(officer).get(f"{LIST}?status=nonsense")

    assert _numbers(response) == ["0001/KASUS/LEBONG/2026"]
    assert response.context["form"].errors["status"]


def test_the_list_is_paginated(officer):
    for n in range(26):
        CaseFactory(number=f"{n + 1:04d}/KASUS/LEBONG/2026", registered_by=officer)

    second = _client(officer).get(LIST + "?page=2")

    assert (len(_numbers(second)), second.context["page"].paginator.count) == (1, 26)


@pytest.mark.parametrize("cases", [2, 20])
def test_the_examiners_filtered_list_query_count_does_not_grow_with_rows(
    officer, examiner_user, principal, django_assert_num_queries, cases
):
    for _ in range(cases):
        case = CaseFactory(accused=principal, registered_by=officer, reports=[ReportFactory()])
        case.assigned_examiners.add(examiner_user)

    client = _client(examiner_user)

    # session, user, roles (two checks), count, page of cases, their examiners, units, elections
    with django_assert_num_queries(9):
        response = client.get(f"{LIST}?name=rahmat&unit={principal.unit_id}")

    assert len(_numbers(response)) == cases


# --- the case page ----------------------------------------------------------------------------------------------


def test_the_case_page_shows_the_accused_from_the_register_and_never_a_reporter(officer, case, principal):
    superior = CivilServantFactory(name="Ir. Bambang Sutrisno", nip="196901011990031005", unit=principal.unit)
    principal.direct_superior = superior
    principal.save()
    report = ReportFactory(reporter={"name": "Siti Aminah", "phone": "081234567890", "email": "siti@example.id"})
    case.case_reports.create(report=report, linked_at=case.registered_at)

    response = _client(officer).get(_page(case))

    page = response.content.decode()
    for shown in (
        case.number,
        "197805122003121003",
        "Penata Tk. I (III/d)",
        "SMP Negeri 1 Lebong",
        "Ir. Bambang Sutrisno",
        report.tracking_code,
    ):
        assert shown in page
    for hidden in ("Siti Aminah", "081234567890", "siti@example.id"):
        assert hidden not in page
    assert not AuditEvent.objects.filter(action="reporter_identity_viewed").exists()


def test_the_case_page_shows_tracks_team_summons_and_timeline_newest_last(officer, examiner_user, case):
    services.case_assign(case=case, actor=officer, examiners=[examiner_user])
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["ethics"], note="Telaah.")

    response = _client(examiner_user).get(_page(case))

    page = response.content.decode()
    assert "Ethics (PP 42/2004)" in page and "Hendra Saputra" in page
    timeline = [(entry.action, entry.to_status) for entry in response.context["timeline"]]
    assert [action for action, _ in timeline] == [
        event.action for event in AuditEvent.objects.filter(target_id=case.pk).order_by("occurred_at", "id")
    ]
    assert timeline[-1][1] == "Under review"


def test_an_examiner_not_on_the_case_gets_not_found(case):
    assert _client(examiner("pemeriksa-lain")).get(_page(case)).status_code == 404


def test_an_examiner_on_the_case_sees_it(case, examiner_user):
    case.assigned_examiners.add(examiner_user)

    assert _client(examiner_user).get(_page(case)).status_code == 200


def test_an_agency_administrator_sees_the_case(case):
    assert _client(agency_administrator()).get(_page(case)).status_code == 200


def test_another_agencys_administrator_gets_not_found(case):
    other = AgencyFactory(code="rejang-lebong", is_default=False)

    assert _client(agency_administrator("admin-rl", agency=other)).get(_page(case)).status_code == 404


@pytest.mark.parametrize("role", [Role.SANCTIONING_OFFICIAL, Role.LEADERSHIP, Role.INTERNAL_REPORTER])
def test_other_roles_are_forbidden(case, role):
    client = _client(UserFactory(username="lain", roles=[role]))

    assert (client.get(LIST).status_code, client.get(_page(case)).status_code) == (403, 403)


def test_visitors_are_sent_to_log_in(case):
    response = _client(None).get(_page(case))

    assert response.status_code == 302 and response.url == f"/login/?next={_page(case)}"


# --- evidence ---------------------------------------------------------------------------------------------------


def test_evidence_shows_its_hash_and_a_withdrawn_item_its_reason(officer, case):
    item = _evidence(case, officer)
    services.case_evidence_withdraw(evidence=item, actor=officer, reason="Tangkapan layar dari akun lain.")

    page = _client(officer).get(_page(case)).content.decode()

    assert item.sha256 in page and "Withdrawn" in page and "Tangkapan layar dari akun lain." in page


def test_downloading_evidence_is_audited_and_served_as_a_sandboxed_attachment(officer, case):
    item = _evidence(case, officer)
    url = reverse("casework:case-evidence-download", kwargs={"case_id": case.pk, "evidence_id": item.pk})

    response = _client(officer).get(url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png_bytes()
    assert response["Content-Disposition"] == 'attachment; filename="layar.png"'
    assert (response["X-Content-Type-Options"], response["Content-Security-Policy"]) == ("nosniff", "sandbox")
    event = AuditEvent.objects.order_by("-id").first()
    assert (event.action, event.actor, event.target_id, event.data) == (
        "case_evidence_downloaded",
        officer,
        case.pk,
        {"evidence": item.pk, "sha256": item.sha256},
    )


def test_evidence_of_a_case_the_examiner_is_not_on_is_not_found_and_not_audited(officer, case):
    item = _evidence(case, officer)
    before = AuditEvent.objects.count()
    url = reverse("casework:case-evidence-download", kwargs={"case_id": case.pk, "evidence_id": item.pk})

    assert _client(examiner("pemeriksa-lain")).get(url).status_code == 404
    assert AuditEvent.objects.count() == before


def test_evidence_asked_for_under_another_case_is_not_found_and_not_audited(officer, case):
    item = _evidence(case, officer)
    other = CaseFactory(registered_by=officer)
    before = AuditEvent.objects.count()
    url = reverse("casework:case-evidence-download", kwargs={"case_id": other.pk, "evidence_id": item.pk})

    assert _client(officer).get(url).status_code == 404
    assert AuditEvent.objects.count() == before


# --- letters ----------------------------------------------------------------------------------------------------


def test_a_letter_being_prepared_shows_its_status_and_the_page_polls_it(officer, case, enqueued):
    letter = _letter(case, officer)
    client = _client(officer)

    page = client.get(_page(case)).content.decode()
    status = client.get(reverse("casework:letter-status", kwargs={"letter_id": letter.pk}))

    assert "Being prepared" in page and letter.number in page
    assert reverse("casework:letter-download", kwargs={"letter_id": letter.pk}) not in page
    assert "js/casework.js" in page and 'data-letter-status="requested"' in page
    assert status.json() == {"status": "requested"}


def test_a_letter_still_being_prepared_cannot_be_downloaded(officer, case, enqueued):
    letter = _letter(case, officer)
    before = AuditEvent.objects.count()

    response = _client(officer).get(reverse("casework:letter-download", kwargs={"letter_id": letter.pk}))

    assert (response.status_code, AuditEvent.objects.count()) == (404, before)


def test_an_issued_letter_downloads_as_a_pdf_and_the_download_is_audited(officer, case, enqueued):
    letter = letter_render(letter_id=_letter(case, officer).pk)
    client = _client(officer)
    url = reverse("casework:letter-download", kwargs={"letter_id": letter.pk})

    page = client.get(_page(case)).content.decode()
    response = client.get(url)

    assert url in page and "js/casework.js" not in page
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="summons_1-{letter.verification_code}.pdf"'
    assert (response["X-Content-Type-Options"], response["Content-Security-Policy"]) == ("nosniff", "sandbox")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    event = AuditEvent.objects.order_by("-id").first()
    assert (event.action, event.actor, event.target_id, event.data) == (
        "letter_downloaded",
        officer,
        case.pk,
        {"letter": letter.pk, "number": letter.number, "sha256": letter.sha256},
    )


def test_a_letter_of_a_case_the_examiner_is_not_on_is_not_found(officer, case, enqueued):
    letter = letter_render(letter_id=_letter(case, officer).pk)
    before = AuditEvent.objects.count()
    client = _client(examiner("pemeriksa-lain"))

    for name in ("letter-download", "letter-status"):
        assert client.get(reverse(f"casework:{name}", kwargs={"letter_id": letter.pk})).status_code == 404
    assert AuditEvent.objects.count() == before


def test_a_failed_letter_offers_a_retry_that_prepares_it_again(officer, case, enqueued):
    letter = _letter(case, officer)
    letter_mark_failed(letter_id=letter.pk, error="WeasyPrint crashed")
    client = _client(officer)
    retry = reverse("casework:letter-retry", kwargs={"letter_id": letter.pk})

    page = client.get(_page(case)).content.decode()
    response = client.post(retry)

    assert "Failed" in page and retry in page
    assert (response.status_code, response.url) == (302, _page(case) + "#letters")
    letter.refresh_from_db()
    assert letter.status == Letter.Status.REQUESTED
    assert enqueued == [letter.pk, letter.pk]
    assert AuditEvent.objects.order_by("-id").values_list("action", flat=True).first() == "letter_retried"
    assert _messages(response) == [("success", f"Letter {letter.number} is being prepared again.")]


def test_retrying_a_letter_still_being_prepared_is_a_message_and_writes_nothing(officer, case, enqueued):
    letter = _letter(case, officer)
    before = AuditEvent.objects.count()

    response = _client(officer).post(reverse("casework:letter-retry", kwargs={"letter_id": letter.pk}))

    assert response.status_code == 302
    assert _messages(response) == [("error", "The letter is still being prepared.")]
    letter.refresh_from_db()
    assert (letter.status, AuditEvent.objects.count(), enqueued) == (Letter.Status.REQUESTED, before, [letter.pk])


def test_retry_refuses_get(officer, case, enqueued):
    letter = _letter(case, officer)

    assert _client(officer).get(reverse("casework:letter-retry", kwargs={"letter_id": letter.pk})).status_code == 405


def test_the_case_page_is_indonesian_by_default(officer, case):
    client = Client()
    client.force_login(officer)

    page = client.get(_page(case)).content.decode()

    assert "Bukti" in page and "Linimasa" in page


def test_an_intake_officer_of_another_agency_gets_not_found(case):
    other = AgencyFactory(code="rejang-lebong", is_default=False)

    client = _client(IntakeOfficerFactory(username="verifikator-rl", agency=other))

    assert client.get(_page(case)).status_code == 404


def _summoned(officer: Any, examiner_user: Any, number: str, examination: datetime.datetime) -> Case:
    case: Case = CaseFactory.create(number=number, status=Case.Status.SUMMONED, registered_by=officer)
    case.assigned_examiners.add(examiner_user)
    Summons.objects.create(
        case=case, number=1, scheduled_at=examination, place="Kantor BKPSDM", sent_on=datetime.date(2030, 1, 2),
        delivery_method=Summons.Delivery.IN_PERSON, issued_by=officer,
    )  # fmt: skip
    return case


@pytest.mark.parametrize("cases", [1, 10])
def test_an_examiners_own_cases_show_what_is_due_first(officer, examiner_user, django_assert_num_queries, cases):
    for n in range(cases):
        _summoned(officer, examiner_user, f"{n + 10:04d}/KASUS/LEBONG/2030", at(2030, 3, 20))
    _summoned(officer, examiner_user, "0002/KASUS/LEBONG/2030", at(2030, 2, 20))
    no_summons = CaseFactory(number="0001/KASUS/LEBONG/2030", status=Case.Status.UNDER_REVIEW, registered_by=officer)
    no_summons.assigned_examiners.add(examiner_user)
    client = _client(examiner_user)

    # The same whatever the number of cases: their summonses and the deadline rules are read once.
    with django_assert_num_queries(10):
        response = client.get(f"{LIST}?tab=mine&order=due")

    numbers = _numbers(response)
    assert numbers[0] == "0002/KASUS/LEBONG/2030" and numbers[-1] == "0001/KASUS/LEBONG/2030"
    assert response.context["due_first"] is True
    first = response.context["page"].object_list[0]
    assert first.next_due is not None and first.next_due < datetime.date(2030, 2, 20)
    assert "Next due" in response.content.decode()
    # Without the order the list stays newest first.
    assert _numbers(client.get(f"{LIST}?tab=mine"))[0] == "0001/KASUS/LEBONG/2030"


def test_the_case_page_names_who_must_act_next(officer, examiner_user, case):
    IntakeOfficerFactory(username="kasubbid", first_name="Rina", last_name="Marlina", agency=officer.agency)
    client = Client(HTTP_ACCEPT_LANGUAGE="id")
    client.force_login(officer)

    def note() -> tuple[str, str]:
        response = client.get(_page(case))
        text = response.content.decode().split('id="waiting-on"')[1].split("</p>")[0]
        return response.context["waiting_on"][0], " ".join(text.split())

    step, text = note()
    assert step == "intake" and "verifikator menelaah kasus" in text and "Rina Marlina" in text

    services.case_assign(case=case, actor=officer, examiners=[examiner_user])
    step, text = note()
    assert (step, text.endswith(f"— {examiner_user.get_full_name()}.")) == ("examiners", True)
