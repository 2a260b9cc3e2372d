"""Objection (keberatan) and appeal (banding): the D11 window, D12, and the outcomes (docs/scenarios.md, scenario 3);
a form sent twice, or from a stale page, writes nothing."""

import pytest

from casework.letters import letter_verify
from casework.models import Letter
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import AuditEvent
from sanctions.models import Decision, Objection
from sanctions.services.objections import objection_decide, objection_file, objection_window_ends
from sanctions.tests.after_helpers import D, case_with_reports, decision, issued_pdf_text, lebong, render
from sanctions.tests.factories import sanction, sanctioning_official
from violations.models import Report

pytestmark = pytest.mark.django_db

GROUNDS = "Pendaftaran penjaringan dilakukan sebelum mengetahui larangan; mohon keringanan."


@pytest.fixture
def world():
    return lebong()


@pytest.fixture
def scenario_3(world):
    """S3 (25% allowance cut for 12 months) decided 2026-07-01, received 2026-07-06; an internal finding."""
    return decision(
        world,
        case=case_with_reports(world, bawaslu=False),
        code="S3",
        decision_date=D("2026-07-01"),
        received_on=D("2026-07-06"),
    )


def _file(world, made, filed_on):
    return objection_file(
        decision=made, actor=world.officer, filed_on=D(filed_on), filed_by_name="Drs. Rahmat Hidayat", grounds=GROUNDS
    )


def test_scenario_3_an_objection_inside_the_window_suspends_the_decision_until_d12(world, scenario_3):
    assert objection_window_ends(scenario_3) == D("2026-07-24")

    objection = _file(world, scenario_3, "2026-07-20")

    scenario_3.refresh_from_db()
    assert (objection.kind, objection.status, objection.window_ends_on, objection.due_on) == (
        "objection",
        "pending",
        D("2026-07-24"),
        D("2026-08-19"),
    )
    assert scenario_3.status == "objected"
    event = AuditEvent.objects.get(
        target_type="casework.case", target_id=scenario_3.case_id, data__decision=scenario_3.pk
    )
    assert (event.action, event.from_status, event.to_status, event.data["rule"]) == (
        "decision_objected",
        "delivered",
        "objected",
        "D12",
    )
    with pytest.raises(ConflictError):
        _file(world, scenario_3, "2026-07-21")


def test_an_objection_on_the_last_day_of_the_window_is_in_time(world, scenario_3):
    assert _file(world, scenario_3, "2026-07-24").status == "pending"


def test_a_late_objection_is_inadmissible_with_a_statement_and_the_decision_is_unaffected(world, scenario_3):
    objection = _file(world, scenario_3, "2026-07-27")

    scenario_3.refresh_from_db()
    assert (objection.status, objection.due_on, scenario_3.status) == ("inadmissible", None, "delivered")
    assert objection.letter.kind == "objection_inadmissible"
    text = issued_pdf_text(objection.letter)
    for expected in [
        "SURAT PERNYATAAN",
        objection.letter.number,
        "keberatan yang diajukan oleh Drs. Rahmat Hidayat dan diterima pada tanggal 27 Juli 2026",
        f"Nomor {scenario_3.number} tanggal 1 Juli 2026",
        "tidak dapat diterima",
        "diterima oleh yang bersangkutan pada tanggal 6 Juli 2026",
        "paling lambat diajukan pada tanggal 24 Juli 2026",
        "Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan",
        "Bupati Lebong",
        "Kopli Ansori",
        "RAHASIA",
    ]:
        assert expected in text, expected
    # The decision still takes effect on its D10 date: received 2026-07-06 → 2026-07-27.
    from sanctions.services.execution import decisions_take_effect_due

    assert decisions_take_effect_due(today=D("2026-07-27")) == [scenario_3.pk]


def test_an_appeal_lies_against_a_dismissal_b3(world):
    made = decision(world, code="B3", decision_date=D("2026-07-01"), received_on=D("2026-07-06"))
    appeal = _file(world, made, "2026-07-20")
    assert (appeal.kind, appeal.window_ends_on, appeal.status) == ("appeal", D("2026-07-24"), "pending")


def test_a_dismissal_decision_or_an_undelivered_one_cannot_be_objected_to(world):
    dismissal = decision(world, code=None, decision_date=D("2026-07-01"), received_on=D("2026-07-06"))
    with pytest.raises(DomainError) as refused:
        _file(world, dismissal, "2026-07-20")
    assert refused.value.code == "objection_nothing_imposed"
    signed = decision(world, case=case_with_reports(world, bawaslu=False), code="S3", decision_date=D("2026-07-01"))
    with pytest.raises(ConflictError) as undelivered:
        _file(world, signed, "2026-07-20")
    assert undelivered.value.code == "decision_not_delivered"


def test_only_the_staffing_authority_decides(world, scenario_3):
    objection = _file(world, scenario_3, "2026-07-20")
    for someone in (world.officer, world.examiner, sanctioning_official("sekda")):
        with pytest.raises(PermissionDenied):
            objection_decide(
                objection=objection, actor=someone, outcome="upheld", decided_on=D("2026-08-10"), reason="Tetap."
            )


def _s3_changed_to_s1(world, scenario_3):
    """Scenario 3 (docs/scenarios.md): the PPK changes S3 to S1 on 2026-08-10; the objection decided and both
    decision letters."""
    old_letter = render(scenario_3.letter)
    objection = _file(world, scenario_3, "2026-07-20")
    decided = objection_decide(
        objection=objection,
        actor=world.bupati,
        outcome="changed",
        decided_on=D("2026-08-10"),
        reason="Yang bersangkutan mengundurkan diri dari penjaringan dan baru pertama kali melanggar.",
        sanction=sanction("S1"),
    )
    new_letter = render(decided.new_decision.letter)
    old_letter.refresh_from_db()
    return decided, old_letter, new_letter


def test_scenario_3_the_ppk_changes_s3_to_s1_a_new_version_both_letters_verifiable(world, scenario_3):
    decided, old_letter, new_letter = _s3_changed_to_s1(world, scenario_3)

    scenario_3.refresh_from_db()
    new = Decision.objects.get(previous=scenario_3)
    assert (decided.status, decided.outcome, decided.decided_on, decided.decided_by, decided.new_decision) == (
        "decided",
        "changed",
        D("2026-08-10"),
        world.bupati,
        new,
    )
    assert scenario_3.status == "superseded"
    assert (
        new.version_number,
        new.status,
        new.sanction_type.code,
        new.signed_by,
        new.decision_date,
        new.received_on,
        new.effective_on,
        new.execution_status,
        new.sanction_ends_on,
    ) == (2, "effective", "S1", world.bupati, D("2026-08-10"), D("2026-07-06"), D("2026-08-10"), "serving",
          D("2027-02-10"))  # fmt: skip
    assert list(new.violation_types.values_list("code", flat=True)) == ["N04"]
    # Both versions' letters stay verifiable; the first is marked superseded by the second.
    assert new_letter == new.letter
    assert old_letter.superseded_by == new_letter
    assert letter_verify(old_letter.verification_code).superseded is True
    assert letter_verify(new_letter.verification_code).superseded is False
    assert [number.split("/")[1] for number in (old_letter.number, new_letter.number, decided.letter.number)] == [
        "0001",
        "0002",
        "0003",
    ]
    new_text = issued_pdf_text(new_letter)
    assert f"Keputusan ini menggantikan Keputusan Nomor {old_letter.number} tanggal 1 Juli 2026" in new_text
    assert "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan" in new_text
    # In effect from the objection's decision; no second objection against the same sanction is offered.
    read = " ".join(new_text.split())
    assert "Keputusan ini mulai berlaku pada tanggal 10 Agustus 2026, sesuai dengan keputusan atas upaya" in read
    assert ("dapat mengajukan keberatan" in read, "hari kerja ke-15" in read) == (False, False)
    first = " ".join(issued_pdf_text(old_letter).split())
    assert ("dapat mengajukan keberatan" in first, "hari kerja ke-15" in first) == (True, True)


def test_scenario_3_the_decision_on_the_objection_says_how_the_sanction_changed(world, scenario_3):
    decided, old_letter, new_letter = _s3_changed_to_s1(world, scenario_3)

    text = issued_pdf_text(decided.letter)
    for expected in [
        "KEPUTUSAN BUPATI LEBONG",
        f"NOMOR {decided.letter.number}",
        "TENTANG PENYELESAIAN KEBERATAN ATAS HUKUMAN DISIPLIN PEGAWAI NEGERI SIPIL ATAS NAMA DRS. RAHMAT HIDAYAT",
        "Menimbang",
        "Mengingat",
        "Peraturan Pemerintah Nomor 79 Tahun 2021 tentang Upaya Administratif",
        "Memperhatikan",
        "diterima pada tanggal 20 Juli 2026",
        "MEMUTUSKAN",
        f"mengubah hukuman disiplin dalam Keputusan Nomor {old_letter.number} tanggal 1 Juli 2026",
        f"sebagaimana ditetapkan dalam Keputusan Nomor {new_letter.number} tanggal 10 Agustus 2026",
        "berlaku sejak tanggal 10 Agustus 2026",
        "bahwa yang bersangkutan mengundurkan diri dari penjaringan dan baru pertama kali melanggar;",
        "Ditetapkan di Tubei pada tanggal 10 Agustus 2026",
        "Kopli Ansori",
    ]:
        assert expected in text, expected


def test_a_change_waits_for_the_first_letter_to_be_issued(world, scenario_3):
    objection = _file(world, scenario_3, "2026-07-20")
    with pytest.raises(ConflictError) as refused:
        objection_decide(
            objection=objection,
            actor=world.bupati,
            outcome="changed",
            decided_on=D("2026-08-10"),
            reason="Diubah.",
            sanction=sanction("S1"),
        )
    assert refused.value.code == "decision_letter_not_issued"


def test_upheld_the_decision_takes_effect_on_the_day_decided(world, scenario_3):
    objection = _file(world, scenario_3, "2026-07-20")
    decided = objection_decide(
        objection=objection, actor=world.bupati, outcome="upheld", decided_on=D("2026-08-19"), reason="Tidak beralasan."
    )
    scenario_3.refresh_from_db()
    assert (scenario_3.status, scenario_3.effective_on, scenario_3.sanction_ends_on) == (
        "effective",
        D("2026-08-19"),
        D("2027-08-19"),
    )
    assert "menguatkan Keputusan Nomor" in issued_pdf_text(decided.letter)
    # Deciding the same again changes nothing; another outcome is refused.
    assert (
        objection_decide(
            objection=decided, actor=world.bupati, outcome="upheld", decided_on=D("2026-08-19"), reason="Lagi."
        ).letter
        == decided.letter
    )
    with pytest.raises(ConflictError):
        objection_decide(
            objection=decided, actor=world.bupati, outcome="annulled", decided_on=D("2026-08-19"), reason="Batal."
        )


def test_annulled_the_outcome_is_not_proven_and_the_case_closes(world):
    made = decision(world, code="S3", decision_date=D("2026-07-01"), received_on=D("2026-07-06"))
    objection = _file(world, made, "2026-07-20")

    decided = objection_decide(
        objection=objection,
        actor=world.bupati,
        outcome="annulled",
        decided_on=D("2026-08-12"),
        reason="Tidak terbukti.",
    )

    made.refresh_from_db()
    made.case.refresh_from_db()
    assert (made.status, made.case.status) == ("annulled", "closed")
    outcomes = {
        (report.outcome.proven, report.outcome.sanction_type, report.outcome.decided_at, report.outcome.decision_number)
        for report in Report.objects.filter(case_report__case=made.case)
    }
    assert outcomes == {(False, "", D("2026-08-12"), decided.letter.number)}
    assert "membatalkan Keputusan Nomor" in issued_pdf_text(decided.letter)
    # Bawaslu Lebong is told that the decision was annulled.
    reply = Letter.objects.get(case=made.case, kind="bawaslu_reply")
    text = issued_pdf_text(reply)
    for expected in [
        f"Nomor {made.number} tanggal 1 Juli 2026 telah dibatalkan",
        f"dengan Keputusan Nomor {decided.letter.number} tanggal 12 Agustus 2026",
        "Keputusan dibatalkan; tidak dijatuhi hukuman",
    ]:
        assert expected in text, expected
    assert "Berlaku sejak" not in text


def test_a_decision_cannot_predate_the_objection_and_needs_reasons(world, scenario_3):
    objection = _file(world, scenario_3, "2026-07-20")
    with pytest.raises(DomainError) as early:
        objection_decide(
            objection=objection, actor=world.bupati, outcome="upheld", decided_on=D("2026-07-17"), reason="Tetap."
        )
    assert early.value.field == "decided_on"
    with pytest.raises(DomainError) as no_reason:
        objection_decide(
            objection=objection, actor=world.bupati, outcome="upheld", decided_on=D("2026-08-10"), reason=" "
        )
    assert no_reason.value.field == "reason"
    with pytest.raises(DomainError) as same:
        objection_decide(
            objection=objection,
            actor=world.bupati,
            outcome="changed",
            decided_on=D("2026-08-10"),
            reason="Sama.",
            sanction=sanction("S3"),
        )
    assert same.value.field == "sanction"
    assert Objection.objects.get(pk=objection.pk).status == "pending"


def test_a_changed_sanction_stays_on_the_track_of_the_decision(world, scenario_3):
    objection = _file(world, scenario_3, "2026-07-20")
    with pytest.raises(DomainError) as refused:
        objection_decide(
            objection=objection,
            actor=world.bupati,
            outcome="changed",
            decided_on=D("2026-08-10"),
            reason="Sanksi moral saja.",
            sanction=sanction("M1"),
        )
    assert (refused.value.code, refused.value.field) == ("sanction_invalid", "sanction")


def test_an_objection_after_the_decision_took_effect_is_inadmissible(world, scenario_3):
    from sanctions.services.execution import decisions_take_effect_due

    assert decisions_take_effect_due(today=D("2026-07-27")) == [scenario_3.pk]
    objection = _file(world, scenario_3, "2026-07-28")
    scenario_3.refresh_from_db()
    assert (objection.status, scenario_3.status, scenario_3.effective_on) == (
        "inadmissible",
        "effective",
        D("2026-07-27"),
    )


# --- the version of the decision the decider saw ------------------------------------------------------------------


def _written():
    return (
        AuditEvent.objects.count(),
        Letter.objects.count(),
        Decision.objects.count(),
        list(Objection.objects.order_by("id").values_list("status", "outcome")),
    )


def test_deciding_from_a_stale_page_is_a_conflict_and_writes_nothing(world, scenario_3):
    objection = _file(world, scenario_3, "2026-07-20")
    scenario_3.refresh_from_db()
    before = _written()

    with pytest.raises(ConflictError) as refused:
        objection_decide(objection=objection, actor=world.bupati, outcome="upheld", decided_on=D("2026-08-10"),
                         reason="Tetap.", expected_version=scenario_3.version - 1)  # fmt: skip

    assert refused.value.code == "decision_changed"
    assert _written() == before
    scenario_3.refresh_from_db()
    assert scenario_3.status == "objected"


def test_the_same_decide_form_sent_twice_is_a_conflict_the_second_time_and_writes_nothing(world, scenario_3):
    render(scenario_3.letter)
    objection = _file(world, scenario_3, "2026-07-20")
    scenario_3.refresh_from_db()
    seen = scenario_3.version
    decide = {
        "actor": world.bupati, "outcome": "changed", "decided_on": D("2026-08-10"), "reason": "Pelanggaran pertama.",
        "sanction": sanction("S1"), "expected_version": seen,
    }  # fmt: skip
    decided = objection_decide(objection=objection, **decide)
    before = _written()

    with pytest.raises(ConflictError) as refused:
        objection_decide(objection=objection, **decide)

    assert refused.value.code == "decision_changed"
    assert _written() == before
    assert list(Decision.objects.filter(previous=scenario_3)) == [decided.new_decision]


def test_a_late_objection_form_sent_twice_is_recorded_once(world, scenario_3):
    seen = scenario_3.version
    first = objection_file(decision=scenario_3, actor=world.officer, filed_on=D("2026-07-27"),
                           filed_by_name="Drs. Rahmat Hidayat", grounds=GROUNDS, expected_version=seen)  # fmt: skip
    before = _written()

    with pytest.raises(ConflictError) as refused:
        objection_file(decision=scenario_3, actor=world.officer, filed_on=D("2026-07-27"),
                       filed_by_name="Drs. Rahmat Hidayat", grounds=GROUNDS, expected_version=seen)  # fmt: skip

    assert (first.status, refused.value.code) == ("inadmissible", "decision_changed")
    assert _written() == before


def test_a_changed_outcome_supersedes_the_old_version_like_a_correction(world, scenario_3):
    render(scenario_3.letter)
    objection = _file(world, scenario_3, "2026-07-20")

    decided = objection_decide(objection=objection, actor=world.bupati, outcome="changed", decided_on=D("2026-08-10"),
                               reason="Diubah.", sanction=sanction("S1"))  # fmt: skip

    new = decided.new_decision
    events = AuditEvent.objects.filter(target_type="casework.case", target_id=scenario_3.case_id).order_by("id")
    superseded = events.get(action="decision_superseded")
    issued = events.get(action="decision_version_issued")
    assert (superseded.data, superseded.from_status, superseded.to_status) == (
        {"decision": scenario_3.pk, "track": "discipline", "by_decision": new.pk, "number": scenario_3.number,
         "objection": objection.pk},
        "objected", "superseded",
    )  # fmt: skip
    assert (issued.data, issued.from_status, issued.to_status) == (
        {"decision": new.pk, "track": "discipline", "replaces": scenario_3.pk, "replaces_number": scenario_3.number,
         "number": new.number, "version_number": 2, "sanction": "S1", "objection": objection.pk},
        "effective", "effective",
    )  # fmt: skip
    assert superseded.pk < issued.pk
