"""Appeals (banding administratif) against a dismissal: decided by the BPASN, not the PPK (docs/legal-basis.md §5.4).
Netra records the filing (D13 from the receipt; a late one with a warning), the PPK's response (D14, its own letter),
and the BPASN's ruling with its document; the dismissal waits for it. Every refusal writes nothing."""

import io

import pytest
from django.core.files.storage import default_storage

from casework.letters import letter_verify
from casework.models import Letter
from casework.tests.letter_checks import INTERNAL_CODE, body
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import AuditEvent
from core.testing import pdf_bytes
from sanctions.competent_official import BPASN_TITLE
from sanctions.models import Decision, Objection
from sanctions.permissions import can_decide_objection, can_respond_to_appeal
from sanctions.services.appeals import Ruling, appeal_respond, appeal_ruling_record
from sanctions.services.execution import decisions_take_effect_due
from sanctions.services.objections import objection_decide, objection_file
from sanctions.tests.after_helpers import D, case_with_reports, decision, issued_pdf_text, lebong, render
from sanctions.tests.factories import sanction
from violations.evidence import ValidatedEvidence, validate_evidence_file

pytestmark = pytest.mark.django_db

RULING_NUMBER = "012/BPASN/VIII/2026"


@pytest.fixture
def world():
    return lebong()


@pytest.fixture
def dismissal(world):
    """B3 decided by the Bupati 2026-07-01, received 2026-07-06: the appeal window (D13) ends 2026-07-24, the
    dismissal would take effect on 2026-07-27 (D10) unless appealed."""
    return decision(world, code="B3", decision_date=D("2026-07-01"), received_on=D("2026-07-06"))


def _appeal(world, made, filed_on="2026-07-20"):
    return objection_file(
        decision=made, actor=world.officer, filed_on=D(filed_on), filed_by_name="Drs. Rahmat Hidayat",
        grounds="Pemberhentian tidak sebanding dengan pelanggaran.",
    )  # fmt: skip


def _document(content: bytes = b"", name: str = "keputusan-bpasn.pdf") -> ValidatedEvidence:
    return validate_evidence_file(io.BytesIO(content or pdf_bytes()), name)


def _ruling(outcome: str, **kwargs) -> Ruling:
    return Ruling(
        outcome=outcome, number=RULING_NUMBER, decided_on=D("2026-08-24"), document=_document(),
        reason="Banding tidak beralasan.", **kwargs,
    )  # fmt: skip


def _written():
    return (
        AuditEvent.objects.count(),
        Letter.objects.count(),
        Decision.objects.count(),
        list(Objection.objects.order_by("id").values_list("status", "outcome", "ruling_number", "responded_on")),
    )


def test_a_banding_is_recorded_and_the_dismissal_waits_for_the_bpasn(world, dismissal):
    appeal = _appeal(world, dismissal)

    dismissal.refresh_from_db()
    assert (appeal.kind, appeal.status, appeal.filed_late, appeal.window_ends_on, appeal.due_on, appeal.due_rule) == (
        "appeal", "pending", False, D("2026-07-24"), D("2026-08-19"), "D14",
    )  # fmt: skip
    assert (appeal.decider, appeal.decider_title, appeal.remedy_rule.decider) == (None, BPASN_TITLE, "bpasn")
    assert dismissal.status == "objected"
    event = AuditEvent.objects.filter(target_id=dismissal.case_id, action="decision_appealed").get()
    assert (event.from_status, event.to_status, event.data["late"], event.data["rule"]) == (
        "delivered", "objected", False, "D14",
    )  # fmt: skip
    # Long past its D10 date the dismissal still waits; nobody in Netra decides the appeal.
    assert decisions_take_effect_due(today=D("2026-09-30")) == []
    assert not can_decide_objection(world.bupati, dismissal)
    with pytest.raises(ConflictError) as refused:
        objection_decide(objection=appeal, actor=world.bupati, outcome="upheld", decided_on=D("2026-08-10"),
                         reason="Tetap.")  # fmt: skip
    assert refused.value.code == "appeal_decided_by_bpasn"


def test_the_dismissal_takes_effect_only_once_the_bpasn_upholds_it(world, dismissal):
    appeal = _appeal(world, dismissal)

    ruled = appeal_ruling_record(objection=appeal, actor=world.officer, ruling=_ruling("upheld"))

    dismissal.refresh_from_db()
    assert (ruled.status, ruled.outcome, ruled.decided_on, ruled.ruling_number, ruled.decided_by) == (
        "decided", "upheld", D("2026-08-24"), RULING_NUMBER, None,
    )  # fmt: skip
    assert (dismissal.status, dismissal.effective_on, dismissal.execution_status) == (
        "effective", D("2026-08-24"), "not_started",
    )  # fmt: skip
    # The document is kept as received, with its hash; no letter of the PPK decides the appeal.
    assert ruled.ruling_document_type == "application/pdf"
    with ruled.ruling_document.open("rb") as stored:
        assert stored.read() == pdf_bytes()
    assert ruled.letter is None
    assert not Letter.objects.filter(case=dismissal.case, kind="objection_decision").exists()
    event = AuditEvent.objects.get(target_id=dismissal.case_id, action="appeal_ruling_recorded")
    assert (event.data["ruling_number"], event.data["sha256"]) == (RULING_NUMBER, ruled.ruling_document_sha256)
    # The same ruling sent twice is recorded once.
    before = _written()
    assert appeal_ruling_record(objection=appeal, actor=world.officer, ruling=_ruling("upheld")) == ruled
    assert _written() == before


def test_the_bpasn_annuls_the_dismissal_and_bawaslu_is_told_by_whom(world, dismissal):
    appeal = _appeal(world, dismissal)

    appeal_ruling_record(objection=appeal, actor=world.officer, ruling=_ruling("annulled"))

    dismissal.refresh_from_db()
    assert dismissal.status == "annulled"
    text = issued_pdf_text(Letter.objects.get(case=dismissal.case, kind="bawaslu_reply"))
    for expected in [
        "telah dibatalkan atas banding administratif yang bersangkutan",
        f"Keputusan Badan Pertimbangan Aparatur Sipil Negara Nomor {RULING_NUMBER} tanggal 24 Agustus 2026",
    ]:
        assert expected in " ".join(text.split()), expected


def test_a_changed_ruling_is_a_new_version_signed_by_the_ppk_with_the_ruling_as_its_basis(world, dismissal):
    render(dismissal.letter)
    appeal = _appeal(world, dismissal)
    changed = _ruling("changed", sanction=sanction("B1"), new_position="Guru Ahli Muda SMP Negeri 1 Lebong")
    before = _written()

    with pytest.raises(PermissionDenied) as refused:
        appeal_ruling_record(objection=appeal, actor=world.officer, ruling=changed)
    assert refused.value.code == "appeal_change_not_permitted"
    assert _written() == before

    ruled = appeal_ruling_record(objection=appeal, actor=world.bupati, ruling=changed)

    new = ruled.new_decision
    dismissal.refresh_from_db()
    assert dismissal.status == "superseded"
    assert (new.previous, new.sanction_type.code, new.signed_by, new.status, new.effective_on, new.new_position) == (
        dismissal, "B1", world.bupati, "effective", D("2026-08-24"), "Guru Ahli Muda SMP Negeri 1 Lebong",
    )  # fmt: skip
    assert new.references[-1] == {
        "label": f"Keputusan {BPASN_TITLE}",
        "number": RULING_NUMBER,
        "date": "2026-08-24",
    }
    assert AuditEvent.objects.filter(target_id=dismissal.case_id, action="decision_version_on_appeal").count() == 1


def test_a_late_appeal_is_recorded_with_a_warning_not_refused(world, dismissal):
    appeal = _appeal(world, dismissal, filed_on="2026-07-27")

    dismissal.refresh_from_db()
    assert (appeal.status, appeal.filed_late, appeal.letter, dismissal.status) == ("pending", True, None, "objected")
    event = AuditEvent.objects.get(target_id=dismissal.case_id, action="decision_appealed")
    assert (event.data["late"], event.data["window_ends_on"]) == (True, "2026-07-24")


def test_a_late_appeal_against_a_dismissal_in_effect_leaves_it_in_effect_until_the_bpasn_rules(world, dismissal):
    assert decisions_take_effect_due(today=D("2026-07-27")) == [dismissal.pk]
    appeal = _appeal(world, dismissal, filed_on="2026-07-28")

    dismissal.refresh_from_db()
    assert (appeal.status, appeal.filed_late, dismissal.status) == ("pending", True, "effective")
    assert AuditEvent.objects.get(target_id=dismissal.case_id, action="decision_appealed").data["decision_in_effect"]

    appeal_ruling_record(objection=appeal, actor=world.officer, ruling=_ruling("annulled"))
    dismissal.refresh_from_db()
    assert dismissal.status == "annulled"


def test_the_ppk_responds_to_the_bpasn_with_a_numbered_verifiable_letter(world, dismissal):
    appeal = _appeal(world, dismissal)
    assert can_respond_to_appeal(world.bupati, dismissal) and not can_respond_to_appeal(world.officer, dismissal)

    responded = appeal_respond(
        objection=appeal, actor=world.bupati, responded_on=D("2026-08-10"),
        response="Pelanggaran terbukti dalam pemeriksaan oleh Tim Pemeriksa.\nPemberhentian sesuai PP 94/2021.",
    )  # fmt: skip

    letter = responded.response_letter
    assert (responded.responded_on, responded.responded_by, letter.kind, letter.register) == (
        D("2026-08-10"), world.bupati, "appeal_response", "letter",
    )  # fmt: skip
    text = " ".join(issued_pdf_text(letter).split())
    for expected in [
        f"Nomor: {letter.number}",
        "Tanggapan atas banding administratif Pegawai Negeri Sipil atas nama Drs. Rahmat Hidayat",
        "Yth. Ketua Badan Pertimbangan Aparatur Sipil Negara di Jakarta",
        "diajukan oleh Drs. Rahmat Hidayat pada tanggal 20 Juli 2026",
        f"Nomor {dismissal.number} tanggal 1 Juli 2026",
        "Pelanggaran terbukti dalam pemeriksaan oleh Tim Pemeriksa.",
        "Peraturan Pemerintah Nomor 79 Tahun 2021",
        "Bupati Lebong",
        "Kopli Ansori",
    ]:
        assert expected in text, expected
    assert (INTERNAL_CODE.findall(body(text)), "D14" in body(text)) == ([], False)
    assert letter_verify(letter.verification_code).superseded is False
    event = AuditEvent.objects.get(target_id=dismissal.case_id, action="appeal_responded")
    assert (event.data["due_on"], event.data["late"], event.data["letter"]) == ("2026-08-19", False, letter.number)
    # The dismissal still waits for the BPASN's ruling.
    dismissal.refresh_from_db()
    assert dismissal.status == "objected"


def test_only_the_ppk_responds_and_not_before_the_filing_nothing_written(world, dismissal):
    appeal = _appeal(world, dismissal)
    before = _written()

    with pytest.raises(PermissionDenied):
        appeal_respond(objection=appeal, actor=world.officer, responded_on=D("2026-08-10"), response="Tanggapan.")
    with pytest.raises(DomainError) as early:
        appeal_respond(objection=appeal, actor=world.bupati, responded_on=D("2026-07-17"), response="Tanggapan.")
    with pytest.raises(DomainError) as empty:
        appeal_respond(objection=appeal, actor=world.bupati, responded_on=D("2026-08-10"), response=" ")

    assert (early.value.field, empty.value.field) == ("responded_on", "response")
    assert _written() == before


def test_a_ruling_needs_its_number_and_a_document_read_as_a_pdf_or_a_scan_nothing_written(world, dismissal):
    appeal = _appeal(world, dismissal)
    files_before = sorted(default_storage.listdir("")[0])
    before = _written()
    video = ValidatedEvidence(io.BytesIO(b"\x00" * 64), "rekaman.mp4", "video/mp4", "video", 64, "0" * 64)

    with pytest.raises(DomainError) as not_a_document:
        appeal_ruling_record(objection=appeal, actor=world.officer, ruling=Ruling(
            outcome="upheld", number=RULING_NUMBER, decided_on=D("2026-08-24"), document=video))  # fmt: skip
    with pytest.raises(DomainError) as no_number:
        appeal_ruling_record(objection=appeal, actor=world.officer, ruling=Ruling(
            outcome="upheld", number=" ", decided_on=D("2026-08-24"), document=_document()))  # fmt: skip
    with pytest.raises(DomainError) as before_filing:
        appeal_ruling_record(objection=appeal, actor=world.officer, ruling=Ruling(
            outcome="upheld", number=RULING_NUMBER, decided_on=D("2026-07-10"), document=_document()))  # fmt: skip

    assert [error.value.field for error in (not_a_document, no_number, before_filing)] == [
        "document", "ruling_number", "decided_on",
    ]  # fmt: skip
    assert _written() == before
    assert sorted(default_storage.listdir("")[0]) == files_before
    assert not default_storage.exists(f"appeal-rulings/{dismissal.pk}")


def test_only_the_case_team_or_the_ppk_records_a_ruling(world, dismissal):
    from sanctions.tests.factories import sanctioning_official

    appeal = _appeal(world, dismissal)
    before = _written()
    with pytest.raises(PermissionDenied):
        appeal_ruling_record(objection=appeal, actor=sanctioning_official("sekda"), ruling=_ruling("upheld"))
    assert _written() == before


def test_an_objection_is_not_an_appeal_for_the_bpasn(world):
    made = decision(world, case=case_with_reports(world, bawaslu=False), code="S3", decision_date=D("2026-07-01"),
                    received_on=D("2026-07-06"))  # fmt: skip
    objection = _appeal(world, made)
    assert objection.kind == "objection"
    with pytest.raises(ConflictError) as refused:
        appeal_ruling_record(objection=objection, actor=world.officer, ruling=_ruling("upheld"))
    assert refused.value.code == "not_an_appeal"
