"""Case evidence and its chain of custody: files, captures, statements; withdrawn, never deleted; all audited."""

import datetime
import hashlib
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory
from casework import selectors, services
from casework.models import Case, CaseEvidence
from casework.tests.conftest import at
from casework.tests.factories import case_in, examiner
from core.errors import ConflictError, DomainError
from core.models import AuditEvent
from core.testing import pdf_bytes, png_bytes, stored_files
from violations.evidence import validate_evidence_files

pytestmark = pytest.mark.django_db


def _files(*items: tuple[bytes, str]) -> list[Any]:
    return validate_evidence_files([(io.BytesIO(content), name) for content, name in items])


def test_files_are_stored_with_their_hash_size_and_type_and_audited(case, officer, private_storage):
    pdf, png = pdf_bytes(), png_bytes()

    added = services.case_evidence_add_files(
        case=case, actor=officer, files=_files((pdf, "surat.pdf"), (png, "layar.png")), title="Bukti dari Bawaslu"
    )

    assert [(e.kind, e.original_name, e.content_type, e.size, e.sha256) for e in added] == [
        ("file", "surat.pdf", "application/pdf", len(pdf), hashlib.sha256(pdf).hexdigest()),
        ("file", "layar.png", "image/png", len(png), hashlib.sha256(png).hexdigest()),
    ]
    assert len(stored_files(private_storage)) == 2
    with added[0].file.open("rb") as stored:
        assert stored.read() == pdf
    events = list(AuditEvent.objects.order_by("id"))
    assert [(e.action, e.target_id, e.data["sha256"]) for e in events] == [
        ("case_evidence_added", case.pk, added[0].sha256),
        ("case_evidence_added", case.pk, added[1].sha256),
    ]


def test_a_social_media_capture_keeps_url_capture_time_and_screenshot(case, officer):
    capture = services.case_evidence_add_capture(
        case=case,
        actor=officer,
        screenshot=_files((png_bytes(), "tangkapan.png"))[0],
        source_url="https://www.facebook.com/rahmat.hidayat/posts/123",
        captured_at=at(2024, 10, 7, 14, 5),
    )

    assert (capture.kind, capture.source_url, capture.captured_at, capture.content_type) == (
        "social_media_capture",
        "https://www.facebook.com/rahmat.hidayat/posts/123",
        at(2024, 10, 7, 14, 5),
        "image/png",
    )


def test_a_capture_screenshot_must_be_an_image(case, officer, private_storage):
    with pytest.raises(DomainError) as refused:
        services.case_evidence_add_capture(
            case=case,
            actor=officer,
            screenshot=_files((pdf_bytes(), "bukan-gambar.pdf"))[0],
            source_url="https://facebook.com/x",
            captured_at=at(2024, 10, 7),
        )

    assert refused.value.code == "screenshot_not_image"
    assert (CaseEvidence.objects.count(), stored_files(private_storage), AuditEvent.objects.count()) == (0, [], 0)


def test_a_witness_statement_is_text(case, officer):
    statement = services.case_evidence_add_statement(
        case=case, actor=officer, witness_name="Siti Aminah", statement="Saya melihat unggahan tersebut pada 7 Oktober."
    )

    assert (statement.kind, statement.witness_name, statement.sha256, bool(statement.file)) == (
        "witness_statement",
        "Siti Aminah",
        "",
        False,
    )


def test_a_refused_upload_writes_nothing(case, officer, private_storage):
    with pytest.raises(ValidationError):
        _files((b"<svg xmlns='http://www.w3.org/2000/svg'/>", "x.svg"))

    with pytest.raises(DomainError):
        services.case_evidence_add_files(case=case, actor=officer, files=[])

    assert (CaseEvidence.objects.count(), stored_files(private_storage), AuditEvent.objects.count()) == (0, [], 0)


def test_withdrawn_evidence_stays_with_its_file_and_reason(case, officer, private_storage):
    item = services.case_evidence_add_files(case=case, actor=officer, files=_files((png_bytes(), "layar.png")))[0]

    services.case_evidence_withdraw(evidence=item, actor=officer, reason="Tangkapan layar dari akun lain.")
    services.case_evidence_withdraw(evidence=item, actor=officer, reason="Lagi.")

    item.refresh_from_db()
    assert (item.is_withdrawn, item.withdrawn_by, item.withdrawal_reason) == (
        True,
        officer,
        "Tangkapan layar dari akun lain.",
    )
    assert len(stored_files(private_storage)) == 1
    assert list(selectors.case_evidence_list(case=case)) == [item]
    assert [(e.action, e.reason) for e in AuditEvent.objects.order_by("id")] == [
        ("case_evidence_added", ""),
        ("case_evidence_withdrawn", "Tangkapan layar dari akun lain."),
    ]


def test_withdrawal_needs_a_reason(case, officer):
    item = services.case_evidence_add_statement(case=case, actor=officer, witness_name="Siti", statement="Melihat.")

    with pytest.raises(DomainError):
        services.case_evidence_withdraw(evidence=item, actor=officer, reason=" ")

    assert CaseEvidence.objects.get().withdrawn_at is None


def test_evidence_of_a_closed_case_no_longer_changes(officer):
    closed = case_in(Case.Status.WITHDRAWN, agency=officer.agency)

    with pytest.raises(ConflictError):
        services.case_evidence_add_statement(case=closed, actor=officer, witness_name="Siti", statement="Melihat.")

    assert CaseEvidence.objects.count() == 0


def test_every_download_is_audited(case, officer):
    item = services.case_evidence_add_files(case=case, actor=officer, files=_files((png_bytes(), "layar.png")))[0]

    opened = selectors.case_evidence_get_for_user(user=officer, evidence_id=item.pk)
    services.case_evidence_download_record(evidence=opened, actor=officer)
    services.case_evidence_download_record(evidence=opened, actor=officer)

    assert opened == item
    downloads = AuditEvent.objects.filter(action="case_evidence_downloaded")
    assert [(e.actor, e.target_id, e.data) for e in downloads] == [
        (officer, case.pk, {"evidence": item.pk, "sha256": item.sha256}),
    ] * 2


def test_who_may_not_see_the_case_gets_nothing_and_nothing_is_audited(case, officer):
    item = services.case_evidence_add_files(case=case, actor=officer, files=_files((png_bytes(), "layar.png")))[0]
    other_agency = IntakeOfficerFactory(
        username="verifikator-rl",
        agency=AgencyFactory(code="rejang-lebong", name="Kab. Rejang Lebong", is_default=False),
    )
    events = AuditEvent.objects.count()

    for user in (other_agency, examiner("pemeriksa-lain")):
        assert selectors.case_evidence_get_for_user(user=user, evidence_id=item.pk) is None

    assert AuditEvent.objects.count() == events


def test_an_examiner_not_on_the_case_may_not_add_evidence(case, examiner_user):
    from core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.case_evidence_add_statement(case=case, actor=examiner_user, witness_name="Siti", statement="Melihat.")

    assert CaseEvidence.objects.count() == 0


def test_capture_time_is_kept_to_the_second(case, officer):
    captured = datetime.datetime(2024, 10, 7, 7, 5, 33, tzinfo=datetime.UTC)

    item = services.case_evidence_add_capture(
        case=case,
        actor=officer,
        screenshot=_files((png_bytes(), "t.png"))[0],
        source_url="https://facebook.com/p/1",
        captured_at=captured,
    )

    assert CaseEvidence.objects.get(pk=item.pk).captured_at == captured
