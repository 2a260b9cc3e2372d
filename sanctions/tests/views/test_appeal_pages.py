"""The pages of an objection or appeal: the filing page says who decides and until when; a late appeal is recorded
with a warning; the PPK signs the response to the BPASN; the BPASN's ruling is uploaded (validated by content) and
its download audited; the superior who decides an objection sees the decision; due dates are computed when shown."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from casework.models import Case
from core.models import AuditEvent
from core.services import day_off_add
from core.testing import pdf_bytes
from sanctions.competent_official import route_decision
from sanctions.models import Decision, Objection
from sanctions.services.objections import objection_file
from sanctions.tests.after_helpers import D, decision
from sanctions.tests.decision_helpers import World, forwarded_case
from sanctions.tests.views.helpers import client_for, decision_page, messages_of, snapshot_of, view_url

pytestmark = pytest.mark.django_db


def _dismissal(world: World) -> Decision:
    case = forwarded_case(world, bawaslu=False, status=Case.Status.DECIDED)
    return decision(world, case=case, code="B3", decision_date=D("2026-07-01"), received_on=D("2026-07-06"))


def _file(world: World, made: Decision, filed_on: str = "2026-07-20") -> Objection:
    return objection_file(decision=made, actor=world.officer, filed_on=D(filed_on), filed_by_name="Terlapor",
                          grounds="Pemberhentian terlalu berat.")  # fmt: skip


def _row(response, objection: Objection):
    return next(row for row in response.context["objections"] if row.pk == objection.pk)


def test_a_late_appeal_is_recorded_with_a_warning_and_the_page_says_so(world: World) -> None:
    made = _dismissal(world)
    page = client_for(world.officer).get(view_url("objection-file", made))
    assert "filed with the BPASN until" in page.context["page"].intro
    assert page.context["form"].fields["filed_on"].label == "Filed with the BPASN on"

    response = client_for(world.officer).post(
        view_url("objection-file", made),
        {"expected_version": made.version, "filed_on": "2026-07-27", "filed_by_name": "Terlapor", "grounds": "Berat."},
    )

    appeal = Objection.objects.get(decision=made)
    [(level, message)] = messages_of(response)
    assert (level, appeal.status, appeal.filed_late) == ("success", "pending", True)
    assert "with a warning" in message and "the BPASN decides whether to accept it" in message
    content = client_for(world.officer).get(decision_page(made)).content.decode()
    assert "filed after its window" in content
    assert "The dismissal waits for the BPASN" in content


def test_the_ppk_signs_the_response_to_the_bpasn_from_the_decision_page(world: World) -> None:
    made = _dismissal(world)
    appeal = _file(world, made)
    made.refresh_from_db()
    url = view_url("appeal-respond", made, objection_id=appeal.pk)
    assert url in client_for(world.bupati).get(decision_page(made)).content.decode()
    assert url not in client_for(world.officer).get(decision_page(made)).content.decode()
    assert client_for(world.officer).get(url).status_code == 403
    assert _row(client_for(world.officer).get(decision_page(made)), appeal).due == D("2026-08-19")

    response = client_for(world.bupati).post(
        url, {"expected_version": made.version, "responded_on": "2026-08-10", "response": "Pelanggaran terbukti."}
    )

    appeal.refresh_from_db()
    letter = appeal.response_letter
    assert messages_of(response) == [("success", "The response to the BPASN was signed; its letter is being prepared.")]
    assert letter is not None
    assert (appeal.responded_on, letter.kind) == (D("2026-08-10"), "appeal_response")
    page = client_for(world.officer).get(decision_page(made))
    assert letter.number in page.content.decode()
    assert letter in page.context["letters"]


def test_the_bpasn_ruling_is_uploaded_checked_by_its_content_and_its_download_audited(world: World) -> None:
    made = _dismissal(world)
    appeal = _file(world, made)
    made.refresh_from_db()
    url = view_url("appeal-ruling", made, objection_id=appeal.pk)
    form = {"expected_version": made.version, "outcome": "upheld", "ruling_number": "012/BPASN/2026",
            "decided_on": "2026-08-24", "reason": ""}  # fmt: skip
    before = snapshot_of(made)

    fake = client_for(world.officer).post(
        url, {**form, "document": SimpleUploadedFile("sk.pdf", b"#!/bin/sh\nrm -rf /\n", "application/pdf")}
    )

    assert fake.status_code == 200
    assert list(fake.context["form"].errors) == ["document"]
    assert snapshot_of(made) == before

    response = client_for(world.officer).post(
        url, {**form, "document": SimpleUploadedFile("sk.pdf", pdf_bytes(), "application/pdf")}
    )

    appeal.refresh_from_db()
    made.refresh_from_db()
    assert messages_of(response) == [("success", "The BPASN's ruling was recorded: Decision upheld.")]
    assert (appeal.status, made.status, made.effective_on) == ("decided", "effective", D("2026-08-24"))
    download = view_url("appeal-ruling-download", made, objection_id=appeal.pk)
    assert download in client_for(world.officer).get(decision_page(made)).content.decode()
    got = client_for(world.bupati).get(download)
    assert (got.status_code, got.getvalue()) == (200, pdf_bytes())
    event = AuditEvent.objects.get(target_id=made.case_id, action="appeal_ruling_downloaded")
    assert (event.actor, event.data["sha256"]) == (world.bupati, appeal.ruling_document_sha256)


def test_the_superior_who_decides_an_objection_sees_the_decision_and_decides_it(world: World) -> None:
    executor = CivilServantFactory.create(
        name="Andi Pratama", position_title="Pengadministrasi Umum", position_kind=CivilServant.PositionKind.EXECUTOR,
        functional_level="", unit=world.kasi.unit, direct_superior=world.kasi,
    )  # fmt: skip
    case = forwarded_case(world, executor, bawaslu=False, status=Case.Status.DECIDED)
    made = decision(world, case=case, code="R1", decision_date=D("2026-07-01"), received_on=D("2026-07-06"))
    routing = route_decision(made)
    Decision.objects.filter(pk=made.pk).update(signed_by=routing.official, competent_official=routing.official)
    objection = _file(world, made)
    made.refresh_from_db()
    url = view_url("objection-decide", made, objection_id=objection.pk)

    assert client_for(world.kadis_user).get(decision_page(made)).status_code == 404
    page = client_for(world.kabid_user).get(decision_page(made))
    assert page.status_code == 200 and url in page.content.decode()
    response = client_for(world.kabid_user).post(
        url,
        {"expected_version": made.version, "outcome": "upheld", "reason": "Tetap.", "decided_on": "2026-08-10"},
    )

    objection.refresh_from_db()
    assert messages_of(response) == [("success", "The objection was decided: Decision upheld.")]
    assert (objection.status, objection.decided_by) == ("decided", world.kabid_user)


def test_the_objection_due_date_is_computed_when_the_page_is_drawn(world: World) -> None:
    case = forwarded_case(world, bawaslu=False, status=Case.Status.DECIDED)
    made = decision(world, case=case, code="S1", decision_date=D("2026-07-01"), received_on=D("2026-07-06"))
    objection = _file(world, made)
    assert _row(client_for(world.officer).get(decision_page(made)), objection).due == D("2026-08-19")

    day_off_add(actor=world.reviewer, date=D("2026-08-05"), name="Libur daerah", legal_basis="Keputusan Bupati")

    assert _row(client_for(world.officer).get(decision_page(made)), objection).due == D("2026-08-20")
