"""A recommendation received by letter (BKN or a Bawaslu office), recorded on a case by an intake officer."""

import datetime
import hashlib
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import AgencyFactory, BawasluOfficeFactory, IntakeOfficerFactory
from casework import services
from casework.models import CaseEvidence, CaseReport
from casework.tests.factories import case_in, examiner
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import AuditEvent
from core.testing import pdf_bytes, png_bytes, stored_files
from violations.evidence import validate_evidence_files
from violations.models import Recommendation, Report
from violations.services import RecommendationInput

pytestmark = pytest.mark.django_db

LETTER_DATE = datetime.date(2024, 11, 4)


def _document(content: bytes | None = None, name: str = "rekomendasi.pdf") -> list[Any]:
    return validate_evidence_files([(io.BytesIO(content or pdf_bytes()), name)])


def _letter(**overrides: Any) -> RecommendationInput:
    values: dict[str, Any] = {
        "body": Recommendation.Body.BKN,
        "letter_number": "B-1234/R/KS.04/XI/2024",
        "letter_date": LETTER_DATE,
        "recommended_sanction": "R1",
    }
    values.update(overrides)
    return RecommendationInput(**values)


def _record(case: Any, officer: Any, **overrides: Any) -> Recommendation:
    return services.case_recommendation_record(
        case=case,
        actor=officer,
        letter=_letter(**overrides),
        text="Menjatuhkan hukuman disiplin sesuai PP 94/2021.",
        document=_document(),
    )


def _nothing_written() -> tuple[int, int, int, int]:
    return (
        Recommendation.objects.count(),
        Report.objects.count(),
        CaseEvidence.objects.count(),
        AuditEvent.objects.count(),
    )


# --- the service ------------------------------------------------------------------------------------------------


def test_a_bkn_recommendation_is_a_report_of_its_channel_linked_to_the_case(case, officer, private_storage):
    recommendation = _record(case, officer)

    report = Report.objects.get(pk=recommendation.report_id)
    assert (recommendation.body, recommendation.letter_number, recommendation.letter_date) == (
        "bkn",
        "B-1234/R/KS.04/XI/2024",
        LETTER_DATE,
    )
    assert (recommendation.recommended_sanction, recommendation.agency, recommendation.sent_by) == (
        "R1",
        case.agency,
        None,
    )
    assert (report.channel, report.source, report.status, report.submitted_by) == (
        "bkn",
        "staff",
        "in_process",
        officer,
    )
    assert (report.accused_name, report.description) == (
        case.accused_name,
        "Menjatuhkan hukuman disiplin sesuai PP 94/2021.",
    )
    assert report.reporter.organisation == "BKN"
    assert CaseReport.objects.get(report=report).case == case


def test_the_letter_joins_the_case_evidence_and_the_timeline_records_it(case, officer, private_storage):
    recommendation = _record(case, officer)

    item = CaseEvidence.objects.get(case=case)
    assert (item.original_name, item.sha256, item.report_evidence.report) == (
        "rekomendasi.pdf",
        hashlib.sha256(pdf_bytes()).hexdigest(),
        recommendation.report,
    )
    assert len(stored_files(private_storage)) == 1
    events = AuditEvent.objects.filter(target_id=case.pk, target_type="casework.case").order_by("id")
    assert [(e.action, e.actor) for e in events] == [
        ("case_recommendation_recorded", officer),
        ("case_evidence_received", officer),
    ]
    assert events[0].data["letter_number"] == "B-1234/R/KS.04/XI/2024"


def test_a_bawaslu_recommendation_names_its_office(case, officer):
    office = BawasluOfficeFactory(name="Bawaslu Kabupaten Lebong", agency=case.agency)

    recommendation = _record(case, officer, body=Recommendation.Body.BAWASLU, bawaslu_office=office)

    assert (recommendation.report.channel, recommendation.body_name) == ("bawaslu", "Bawaslu Kabupaten Lebong")


def test_recording_the_same_letter_again_writes_nothing(case, officer, private_storage):
    first = _record(case, officer)
    before = _nothing_written()

    again = _record(case, officer)

    assert again.pk == first.pk
    assert _nothing_written() == before
    assert len(stored_files(private_storage)) == 1


def test_the_same_number_with_other_content_is_a_conflict(case, officer, private_storage):
    _record(case, officer)
    before = _nothing_written()

    with pytest.raises(ConflictError) as refused:
        _record(case, officer, recommended_sanction="")

    assert refused.value.code == "recommendation_conflict"
    assert _nothing_written() == before
    assert len(stored_files(private_storage)) == 1


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"letter_number": "  "}, "letter_number_required"),
        ({"letter_date": datetime.date(2999, 1, 1)}, "letter_date_future"),
        ({"recommended_sanction": "XX9"}, "sanction_unknown"),
        ({"body": Recommendation.Body.BAWASLU}, "bawaslu_office_required"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(case, officer, private_storage, overrides, code):
    with pytest.raises(DomainError) as refused:
        _record(case, officer, **overrides)

    assert refused.value.code == code
    assert _nothing_written() == (0, 0, 0, 0)
    assert stored_files(private_storage) == []


def test_another_agencys_bawaslu_office_is_refused(case, officer):
    other = BawasluOfficeFactory(name="Bawaslu Kota Bengkulu", agency=AgencyFactory(code="bengkulu", is_default=False))

    with pytest.raises(DomainError) as refused:
        _record(case, officer, body=Recommendation.Body.BAWASLU, bawaslu_office=other)

    assert refused.value.code == "bawaslu_office_required"
    assert Recommendation.objects.count() == 0


def test_only_the_agencys_intake_officers_record_one(case):
    other_agency = IntakeOfficerFactory(
        username="verifikator-lain", agency=AgencyFactory(code="lain", is_default=False)
    )

    for actor in (examiner("pemeriksa-r"), other_agency):
        with pytest.raises(PermissionDenied):
            _record(case, actor)

    assert _nothing_written() == (0, 0, 0, 0)


def test_a_closed_case_takes_no_recommendation(officer):
    closed = case_in("dismissed", registered_by=officer, agency=officer.agency)

    with pytest.raises(ConflictError):
        _record(closed, officer)

    assert Recommendation.objects.count() == 0


# --- the web form -----------------------------------------------------------------------------------------------


def _url(case: Any) -> str:
    return reverse("casework_actions:recommendation-record", kwargs={"case_id": case.pk})


def _client(user: Any) -> Client:
    client = Client()  # Indonesian, the default language
    client.force_login(user)
    return client


def _form(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "body": "bkn",
        "letter_number": "B-77/R/KS.04/XI/2024",
        "letter_date": "2024-11-04",
        "recommended_sanction": "R1",
        "text": "Menjatuhkan hukuman disiplin sesuai PP 94/2021.",
        "document": io.BytesIO(pdf_bytes()),
    }
    values["document"].name = "rekomendasi.pdf"
    values.update(overrides)
    return values


def test_the_form_is_in_indonesian_and_names_the_catalogue(case, officer):
    page = _client(officer).get(_url(case)).content.decode()

    assert "Catat rekomendasi yang diterima" in page
    assert "Nomor surat" in page and "Sanksi yang direkomendasikan" in page
    assert 'value="R1"' in page


def test_the_case_page_offers_it_to_the_intake_officer_only(case, officer):
    link = _url(case)

    assert link in _client(officer).get(reverse("casework:case-detail", kwargs={"case_id": case.pk})).content.decode()
    other = examiner("pemeriksa-f")
    case.assigned_examiners.add(other)
    assert link not in _client(other).get(reverse("casework:case-detail", kwargs={"case_id": case.pk})).content.decode()


def test_posting_the_form_records_it_and_goes_back_to_the_case(case, officer):
    response = _client(officer).post(_url(case), _form())

    assert response.status_code == 302
    assert response["Location"] == reverse("casework:case-detail", kwargs={"case_id": case.pk})
    recommendation = Recommendation.objects.get()
    assert (recommendation.letter_number, recommendation.recommended_sanction) == ("B-77/R/KS.04/XI/2024", "R1")


def test_an_examiner_is_refused_the_form_and_nothing_is_written(case):
    other = examiner("pemeriksa-g")
    case.assigned_examiners.add(other)

    assert _client(other).get(_url(case)).status_code == 403
    assert _client(other).post(_url(case), _form()).status_code == 403
    assert _nothing_written() == (0, 0, 0, 0)


def test_a_bawaslu_letter_without_its_office_is_shown_again_with_the_message(case, officer, private_storage):
    response = _client(officer).post(_url(case), _form(body="bawaslu"))

    assert response.status_code == 200
    assert "Pilih kantor Bawaslu yang mengirim surat." in response.content.decode()
    assert _nothing_written() == (0, 0, 0, 0)
    assert stored_files(private_storage) == []


def test_a_document_that_is_not_a_pdf_or_image_is_refused(case, officer, private_storage):
    bad = io.BytesIO(b"MZ\x90\x00 not a document")
    bad.name = "rekomendasi.pdf"

    response = _client(officer).post(_url(case), _form(document=bad))

    assert response.status_code == 200
    assert _nothing_written() == (0, 0, 0, 0)
    assert stored_files(private_storage) == []


def test_an_image_letter_is_accepted(case, officer):
    recommendation = services.case_recommendation_record(
        case=case, actor=officer, letter=_letter(), text="Rekomendasi.", document=_document(png_bytes(), "surat.png")
    )

    assert recommendation.report.evidence.get().kind == "image"


def test_the_case_page_names_the_body_and_letter_among_the_reports(case, officer):
    _record(case, officer)

    page = _client(officer).get(reverse("casework:case-detail", kwargs={"case_id": case.pk})).content.decode()

    assert "BKN · B-1234/R/KS.04/XI/2024" in page
    assert "Rekomendasi diterima (BKN atau Bawaslu)" in page
