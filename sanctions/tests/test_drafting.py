"""Drafting a decision and the sanction rules it must keep; a stale or repeated draft writes nothing."""

import datetime

import pytest

from casework.models import Case
from core.errors import ConflictError, DomainError, PermissionDenied, TransitionNotAllowed
from core.models import AuditEvent
from sanctions.models import Decision
from sanctions.services import (
    decision_cancel_draft,
    decision_draft,
    decision_update_draft,
)
from sanctions.tests.decision_helpers import (
    NEW_POSITION,
    case_actions,
    decision_on,
    forwarded_case,
)
from sanctions.tests.factories import DecisionFactory, sanction

pytestmark = pytest.mark.django_db

_D = Decision.Status


# --- drafting and the sanction rules ---------------------------------------------------------------------------------


def test_an_examiner_on_the_case_drafts_a_decision_with_references_and_copies_prefilled(world, case):
    decision = decision_draft(
        case=case, actor=world.examiner, track="discipline", outcome="sanction", sanction_code="b1",
        considerations="yang bersangkutan membagikan tiga unggahan kampanye", new_position=NEW_POSITION["demotion"],
    )  # fmt: skip

    assert decision.status == _D.DRAFT
    assert decision.version == 1
    assert decision.version_number == 1
    assert decision.sanction_type == sanction("B1")
    assert [v.code for v in decision.violation_types.all()] == ["N04"]
    assert decision.drafted_by == world.examiner
    assert decision.references == [
        {
            "label": "Surat Bawaslu Kabupaten Lebong",
            "number": "045/PM.00.02/K.BE-07/10/2024",
            "register_number": "003/Reg/TM/PB/Kab/07.04/X/2024",
            "date": "2024-10-10",
        }
    ]
    # The agency's copy table for decisions (accounts migration 0004): Bawaslu gets its reply, not the decree.
    assert decision.copies == [
        "Atasan langsung yang bersangkutan",
        "Pimpinan unit kerja yang bersangkutan",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Lebong",
        "Arsip",
    ]
    event = AuditEvent.objects.get(action="decision_drafted")
    assert (event.target_type, event.target_id, event.to_status) == ("casework.case", case.pk, "draft")
    assert event.data == {
        "decision": decision.pk, "track": "discipline", "outcome": "sanction", "sanction": "B1", "violations": ["N04"],
        "new_position": NEW_POSITION["demotion"], "dismissal_date": None, "recommended_sanction": None,
        "sanction_change_reason": "",
    }  # fmt: skip


def test_an_intake_officer_may_draft_but_not_an_examiner_off_the_case_or_the_official(world, case):
    from casework.tests.factories import examiner

    assert decision_on(case, world).drafted_by == world.examiner
    other_case = forwarded_case(world, bawaslu=False)
    drafted = decision_draft(case=other_case, actor=world.officer, track="discipline", outcome="sanction",
                             sanction_code="B2", new_position="Pengadministrasi Sekolah")  # fmt: skip
    assert drafted.drafted_by == world.officer
    for actor in (examiner("pemeriksa-lain"), world.bupati):
        with pytest.raises(PermissionDenied):
            decision_draft(case=other_case, actor=actor, track="ethics", outcome="sanction", sanction_code="M1")


@pytest.mark.parametrize("status", [Case.Status.REPORTED, Case.Status.EXAMINED, Case.Status.CLOSED])
def test_a_decision_needs_a_case_forwarded_for_decision(world, status):
    case = forwarded_case(world, status=status)

    with pytest.raises(TransitionNotAllowed):
        decision_on(case, world)
    assert not Decision.objects.exists()


def test_several_violations_give_one_sanction_at_the_heaviest_level(world):
    case = forwarded_case(world, codes=("N08", "N04"), bawaslu=False)

    with pytest.raises(DomainError) as error:
        decision_on(case, world, sanction_code="S3")
    assert (error.value.code, error.value.field) == ("sanction_not_allowed", "sanction_code")
    assert str(error.value.message) == (
        "Untuk pelanggaran yang terbukti, hukuman harus pada tingkat yang paling berat (berat). Yang diperbolehkan: "
        "Penurunan jabatan setingkat lebih rendah selama 12 bulan; Pembebasan dari jabatannya menjadi jabatan "
        "pelaksana selama 12 bulan; Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS."
    )

    decision = decision_on(case, world, sanction_code="B2")
    assert [v.code for v in decision.violation_types.order_by("code")] == ["N04", "N08"]


def test_a_repeat_of_the_same_kind_must_be_heavier_than_the_last_sanction(world):
    earlier = forwarded_case(world, codes=("N08",), bawaslu=False, number="0001/KASUS/LEBONG/2024")
    DecisionFactory.create(
        case=earlier, status=_D.EFFECTIVE, sanction_type=sanction("S1"), decision_date=datetime.date(2024, 3, 1),
        violation_types=[earlier.reports.first().violation_type], drafted_by=world.examiner,
    )  # fmt: skip
    case = forwarded_case(world, codes=("N08",), bawaslu=False)

    with pytest.raises(DomainError) as error:
        decision_on(case, world, sanction_code="S1")
    assert error.value.code == "sanction_not_allowed"
    message = str(error.value.message)
    assert "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan" in message and message.endswith(
        "Yang diperbolehkan: Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan; Pemotongan tunjangan kinerja "
        "sebesar 25% selama 12 bulan."
    )

    assert decision_on(case, world, sanction_code="S2").sanction_type == sanction("S2")


def test_a_repeat_counts_across_violation_codes_of_the_same_kind(world):
    # N04 and N08 both breach PP 94/2021 Pasal 5 huruf n: a repeat, though N08 alone would be moderate.
    earlier = forwarded_case(world, codes=("N04",), bawaslu=False, number="0001/KASUS/LEBONG/2024")
    DecisionFactory.create(case=earlier, status=_D.EFFECTIVE, sanction_type=sanction("B1"),
                    violation_types=[earlier.reports.first().violation_type], drafted_by=world.examiner)  # fmt: skip
    case = forwarded_case(world, codes=("N08",), bawaslu=False)
    before = _written()

    with pytest.raises(DomainError) as error:
        decision_on(case, world, sanction_code="S1")
    assert (error.value.code, _written()) == ("sanction_not_allowed", before)
    assert str(error.value.message).endswith(
        "Yang diperbolehkan: Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan; Pemberhentian "
        "dengan hormat tidak atas permintaan sendiri sebagai PNS."
    )

    assert decision_on(case, world, sanction_code="B2").sanction_type == sanction("B2")


def test_a_delivered_decision_not_yet_in_effect_counts_as_imposed(world):
    earlier = forwarded_case(world, codes=("N08",), bawaslu=False, number="0001/KASUS/LEBONG/2024")
    DecisionFactory.create(case=earlier, status=_D.DELIVERED, sanction_type=sanction("S3"),
                    violation_types=[earlier.reports.first().violation_type], drafted_by=world.examiner)  # fmt: skip
    case = forwarded_case(world, codes=("N08",), bawaslu=False)

    with pytest.raises(DomainError) as error:
        decision_on(case, world, sanction_code="S3")
    assert error.value.code == "sanction_not_allowed"


@pytest.mark.parametrize("status", [_D.SIGNED, _D.ANNULLED, _D.CANCELLED])
def test_a_decision_not_delivered_or_annulled_is_no_repeat(world, status):
    earlier = forwarded_case(world, codes=("N08",), bawaslu=False, number="0001/KASUS/LEBONG/2024")
    DecisionFactory.create(case=earlier, status=status, sanction_type=sanction("S3"),
                    violation_types=[earlier.reports.first().violation_type], drafted_by=world.examiner)  # fmt: skip
    case = forwarded_case(world, codes=("N08",), bawaslu=False)

    assert decision_on(case, world, sanction_code="S1").sanction_type == sanction("S1")


def test_no_second_live_decision_on_the_same_track_but_the_other_track_is_free(world, case):
    first = decision_on(case, world)

    with pytest.raises(ConflictError) as error:
        decision_on(case, world, sanction_code="B2")
    assert error.value.code == "decision_exists"

    ethics = decision_on(case, world, track="ethics", sanction_code="M2")
    assert ethics.sanction_type == sanction("M2")

    decision_cancel_draft(decision=first, actor=world.examiner, reason="Salah pilih jenis hukuman")
    again = decision_on(case, world, sanction_code="B2")
    assert (again.version_number, again.status) == (2, _D.DRAFT)


@pytest.mark.parametrize(
    ("track", "code", "violations", "error_code"),
    [
        ("ethics", "B1", ("N04",), "sanction_not_allowed"),
        ("ethics", "M1", ("N08",), "sanction_not_allowed"),
        ("discipline", "M1", ("N04",), "sanction_not_allowed"),
        ("discipline", "", ("N04",), "sanction_required"),
        ("discipline", "X9", ("N04",), "sanction_unknown"),
        ("discipline", "B1", ("N99",), "violation_unknown"),
        ("discipline", "B1", (), "violations_required"),
    ],
)
def test_the_sanction_must_fit_the_track_and_the_catalogue(world, case, track, code, violations, error_code):
    with pytest.raises(DomainError) as error:
        decision_draft(case=case, actor=world.examiner, track=track, outcome="sanction", sanction_code=code,
                       violation_codes=list(violations))  # fmt: skip

    assert error.value.code == error_code
    assert not Decision.objects.exists()


def test_the_ethics_track_imposes_the_moral_sanction(world, case):
    decision = decision_on(case, world, track="ethics", sanction_code="M1")

    assert (decision.track, decision.sanction_type.code) == ("ethics", "M1")


def test_a_dismissal_imposes_no_sanction(world, case):
    with pytest.raises(DomainError) as error:
        decision_on(case, world, outcome="dismissal", sanction_code="B1")
    assert error.value.code == "dismissal_has_no_sanction"

    decision = decision_on(case, world, outcome="dismissal", sanction_code="")
    assert decision.sanction_type is None


def test_a_draft_can_be_changed_and_is_checked_again(world, case):
    decision = decision_on(case, world)

    with pytest.raises(DomainError):
        decision_update_draft(decision=decision, actor=world.examiner, sanction_code="S1")
    decision = decision_update_draft(
        decision=decision, actor=world.examiner, expected_version=1, sanction_code="B2", considerations="alasan baru",
        copies=["Arsip"],
    )  # fmt: skip

    assert (decision.sanction_type.code, decision.considerations, decision.copies, decision.version) == (
        "B2", "alasan baru", ["Arsip"], 2,
    )  # fmt: skip
    assert case_actions(case)[-1] == "decision_draft_updated"


# --- the version of the case the drafter saw -------------------------------------------------------------------------


def _written() -> tuple[int, int, int]:
    from casework.models import Letter

    return Decision.objects.count(), AuditEvent.objects.count(), Letter.objects.count()


def test_a_draft_from_a_stale_case_page_is_a_conflict_and_writes_nothing(world, case):
    before = _written()

    with pytest.raises(ConflictError) as error:
        decision_draft(case=case, actor=world.examiner, track="discipline", outcome="sanction", sanction_code="B1",
                       expected_version=case.version + 1)  # fmt: skip

    assert error.value.code == "case_changed"
    assert _written() == before


def test_the_same_draft_form_sent_twice_is_a_conflict_the_second_time_and_writes_nothing(world, case):
    seen = case.version
    first = decision_draft(case=case, actor=world.examiner, track="discipline", outcome="sanction",
                           sanction_code="B1", expected_version=seen, new_position="Guru")  # fmt: skip
    before = _written()

    with pytest.raises(ConflictError) as error:
        decision_draft(case=case, actor=world.examiner, track="discipline", outcome="sanction", sanction_code="B1",
                       expected_version=seen)  # fmt: skip

    assert error.value.code == "decision_exists"
    assert _written() == before
    assert list(Decision.objects.filter(case=case)) == [first]


def test_a_draft_with_the_current_case_version_is_saved(world, case):
    decision = decision_draft(case=case, actor=world.examiner, track="ethics", outcome="sanction", sanction_code="M1",
                              expected_version=case.version)  # fmt: skip

    assert (decision.status, decision.track, decision.version) == (_D.DRAFT, "ethics", 1)
