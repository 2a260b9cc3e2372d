"""The scenarios of docs/scenarios.md, casework part, walked through the services (scenario 1: Lebong, a school
principal, heavy, examined and forwarded; scenario 2: Blitar, a camat absent twice, forwarded on the evidence)."""

import datetime
from typing import Any

import pytest

from casework import services
from casework.models import Case, Examination, Letter, Summons
from casework.selectors import case_examined_by_team
from casework.services import TeamMemberInput, case_register
from casework.tests.conftest import at
from core.audit import audit_verify
from core.errors import TransitionNotAllowed
from core.models import AuditEvent
from violations.models import ViolationType
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

LEBONG_OFFICE = "Kantor BKPSDM Kabupaten Lebong"
BLITAR_OFFICE = "Kantor BKPSDM Kabupaten Blitar"


def _case_actions(case: Case) -> list[str]:
    return list(
        AuditEvent.objects.filter(target_type="casework.case", target_id=case.pk)
        .exclude(action="letter_requested")
        .order_by("id")
        .values_list("action", flat=True)
    )


def _letter_kinds(case: Case) -> list[str]:
    return list(Letter.objects.filter(case=case).order_by("id").values_list("kind", flat=True))


def _summons_one(case: Case, actor: Any, **values: Any) -> Summons:
    return services.summons_issue(
        case=case,
        actor=actor,
        number=1,
        scheduled_at=at(2024, 10, 28),
        sent_on=datetime.date(2024, 10, 16),
        delivery_method="in_person",
        place=LEBONG_OFFICE,
        **values,
    )


def _scenario_1_up_to_the_team(officer: Any, examiner_user: Any, principal: Any, travel: Any) -> Case:
    reports = [ReportFactory.create(accused_nip=principal.nip, accused=principal) for _ in range(3)]
    case = case_register(actor=officer, reports=reports, summary="N04: tiga unggahan kampanye di Facebook.")
    services.case_assign(case=case, actor=officer, examiners=[examiner_user])
    services.case_start_review(case=case, actor=examiner_user, probable_level="heavy", tracks=["ethics", "discipline"])
    with pytest.raises(TransitionNotAllowed):
        _summons_one(case, examiner_user)  # heavy: the team comes first
    travel(2024, 10, 14)  # the Bupati's decree forming the team, numbered by Netra's register that day
    services.examination_team_form(
        case=case,
        actor=officer,
        members=[
            TeamMemberInput(
                role="direct_superior",
                name="Drs. Sukarni, M.Pd.",
                position_title="Kepala Dinas Pendidikan",
                is_chair=True,
            ),
            TeamMemberInput(role="inspectorate", name="Rini Marlina, S.E.", position_title="Auditor Inspektorat"),
            TeamMemberInput(role="bkpsdm", name="Hendra Saputra", user=examiner_user),
        ],
    )
    return case


def _scenario_1_examined_and_forwarded(case: Case, examiner_user: Any, travel: Any) -> Summons:
    summons = _summons_one(case, examiner_user)
    travel(2024, 11, 4)
    services.examination_record(
        case=case,
        actor=examiner_user,
        held_at=at(2024, 10, 28),
        examiners=[examiner_user],
        questions_answers=[{"question": f"Pertanyaan {n}?", "answer": f"Jawaban {n}."} for n in range(1, 10)],
        examinee_signed=True,
        place="Ruang pemeriksaan tertutup BKPSDM",
    )
    services.examination_report_submit(
        case=case,
        actor=examiner_user,
        violation_types=[ViolationType.objects.get(code="N04")],
        act_time="7 Oktober 2024",
        act_place="Facebook",
        aggravating="Tiga unggahan; akun publik dengan banyak pengikut.",
        mitigating="Unggahan dihapus pada 9 Oktober 2024; pelanggaran pertama.",
        proven=True,
        recommended_sanction_code="B1",
    )
    services.case_forward_for_decision(case=case, actor=examiner_user)
    return summons


def test_scenario_1_lebong_principal_heavy_with_team_examined_and_forwarded(officer, examiner_user, principal, travel):
    case = _scenario_1_up_to_the_team(officer, examiner_user, principal, travel)
    summons = _scenario_1_examined_and_forwarded(case, examiner_user, travel)

    case.refresh_from_db()
    assert (case.status, case.probable_level, case.version) == ("forwarded_for_decision", "heavy", 8)
    assert Summons.objects.get(pk=summons.pk).attendance == "attended"
    assert _case_actions(case) == [
        "case_registered",
        "case_assigned",
        "case_review_started",
        "examination_team_formed",
        "case_summoned",
        "summons_issued",
        "case_examined",
        "examination_report_submitted",
        "case_forwarded_for_decision",
    ]
    assert _letter_kinds(case) == ["examination_team_decision", "summons_1", "examination_record", "examination_report"]
    assert sorted(case.tracks.values_list("track", "status")) == [("discipline", "proven"), ("ethics", "proven")]
    # One number per act: the decree's number is the register's, and every letter of the team cites it.
    decree = Letter.objects.get(case=case, kind="examination_team_decision")
    assert (decree.number, case.examination_team.decision_number) == ("800/0001/KEP/BKPSDM/2024",) * 2
    cited = {"number": decree.number, "date": "2024-10-14", "issuer": "Bupati Lebong", "external": False}
    for kind in ("summons_1", "examination_record", "examination_report"):
        assert Letter.objects.get(case=case, kind=kind).context["team_decision"] == cited, kind
    assert case_examined_by_team(case=case)
    examination_record_letter = Letter.objects.get(case=case, kind="examination_record")
    assert examination_record_letter.context["accused"]["nip"] == principal.nip
    assert [e["name"] for e in examination_record_letter.context["examiners"]] == [
        "Drs. Sukarni, M.Pd.",
        "Rini Marlina, S.E.",
        "Hendra Saputra",
    ]
    assert audit_verify() is None


def _blitar_summons(
    case: Case, actor: Any, number: int, scheduled_at: datetime.datetime, sent_on: datetime.date
) -> Summons:
    return services.summons_issue(
        case=case,
        actor=actor,
        number=number,
        scheduled_at=scheduled_at,
        sent_on=sent_on,
        delivery_method="post",
        place=BLITAR_OFFICE,
    )


def test_scenario_2_blitar_camat_absent_twice_goes_on_on_the_evidence(officer, travel):
    case = case_register(actor=officer, reports=[ReportFactory(accused_name="Camat Contoh, S.STP.")])
    services.case_start_review(case=case, actor=officer, probable_level="heavy", tracks=["discipline"])
    travel(2023, 12, 20)
    services.examination_team_form(
        case=case,
        actor=officer,
        members=[
            TeamMemberInput(
                role="direct_superior",
                name="Drs. Sukarni, M.Pd.",
                nip="196801011990031005",
                position_title="Kepala Dinas Pendidikan",
                is_chair=True,
            ),
            TeamMemberInput(role="inspectorate", name="Rini Marlina, S.E.", position_title="Auditor Inspektorat"),
            TeamMemberInput(role="bkpsdm", name="Yanti Oktaviani, S.H.", position_title="Analis SDM Aparatur"),
        ],
    )
    first = _blitar_summons(case, officer, 1, at(2024, 1, 15), datetime.date(2024, 1, 4))
    travel(2024, 1, 15, 13)
    services.summons_record_absence(summons=first, actor=officer)
    second = _blitar_summons(case, officer, 2, at(2024, 1, 25), datetime.date(2024, 1, 16))
    travel(2024, 1, 25, 13)
    services.summons_record_absence(summons=second, actor=officer, note="Tidak hadir untuk kedua kalinya.")
    services.case_forward_for_decision(case=case, actor=officer)

    case.refresh_from_db()
    assert case.status == "forwarded_for_decision"
    assert _case_actions(case) == [
        "case_registered",
        "case_review_started",
        "examination_team_formed",
        "case_summoned",
        "summons_issued",
        "summons_absent",
        "summons_issued",
        "case_absent_twice",
        "case_forwarded_for_decision",
    ]
    assert _letter_kinds(case) == ["examination_team_decision", "summons_1", "summons_2", "non_appearance_record"]
    assert not Examination.objects.filter(case=case).exists()
    # Two valid summonses, signed by the team's chair, both missed: the case goes on on the evidence, examined by
    # the team as a heavy sanction requires.
    assert list(case.summonses.values_list("number", "notice_respected", "signatory_name", "attendance")) == [
        (1, True, "Drs. Sukarni, M.Pd.", "absent"),
        (2, True, "Drs. Sukarni, M.Pd.", "absent"),
    ]
    record = Letter.objects.get(case=case, kind="non_appearance_record").context
    assert [s["number"] for s in record["summonses"]] == [1, 2]
    assert record["signatory"]["role"] == "team_chair"
    assert case_examined_by_team(case=case)
