"""Summons I and II: who signs them, the D6 and D7 notice rules and a supervisor's allowance to reschedule (a
summons outside the rules is recorded as such), attendance, absence and absent twice (absences that do not count
are in test_attendance.py)."""

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation

from casework import services
from casework.models import Case, Letter, Summons
from casework.tests.conftest import at
from casework.tests.factories import agency_administrator
from core.errors import ConflictError, DomainError, PermissionDenied
from core.models import AuditEvent

pytestmark = pytest.mark.django_db

PLACE = "Kantor BKPSDM Kabupaten Lebong, Jl. Raya Tubei"


@pytest.fixture
def reviewed(case: Case, officer: Any) -> Case:
    services.case_start_review(case=case, actor=officer, probable_level="moderate", tracks=["discipline"])
    return Case.objects.get(pk=case.pk)


def _issue(case: Case, actor: Any, **overrides: Any) -> Summons:
    values: dict[str, Any] = {
        "number": 1,
        "scheduled_at": at(2024, 10, 28),
        "sent_on": datetime.date(2024, 10, 16),
        "delivery_method": "in_person",
        "place": PLACE,
        "delivery_record": "Diterima langsung oleh terlapor.",
    }
    values.update(overrides)
    return services.summons_issue(case=case, actor=actor, **values)


def _snapshot() -> tuple[int, int, int]:
    return (Summons.objects.count(), AuditEvent.objects.count(), Letter.objects.count())


def test_summons_one_sent_in_time_moves_the_case_and_requests_the_letter(reviewed, officer):
    summons = _issue(reviewed, officer)

    assert (summons.number, summons.sent_on, summons.attendance, summons.notice_override_reason) == (
        1,
        datetime.date(2024, 10, 16),
        "pending",
        "",
    )
    reviewed.refresh_from_db()
    assert (reviewed.status, reviewed.version) == ("summoned", 3)
    assert list(AuditEvent.objects.filter(target_id=reviewed.pk).values_list("action", flat=True).order_by("id"))[
        1:
    ] == [
        "case_summoned",
        "summons_issued",
        "letter_requested",
    ]
    letter = Letter.objects.get()
    assert letter.kind == "summons_1"
    assert letter.context["accused"] == {
        "name": "Drs. Rahmat Hidayat",
        "nip": "197805122003121003",
        "position": "Kepala Sekolah SMP Negeri 1",
        "rank": "Penata Tk. I (III/d)",
        "unit": "SMP Negeri 1 Lebong",
        "employee_type": "pns",
        "employee_term": "Pegawai Negeri Sipil",
    }
    assert letter.context["signatory"] == {
        "name": "Drs. Syamsul Bahri, M.Pd.",
        "nip": "196903111994031005",
        "position": "Kepala Dinas Pendidikan dan Kebudayaan",
        "role": "direct_superior",
        "role_label": "Atasan langsung terlapor",
    }
    assert (summons.signatory_name, summons.signatory_role, summons.issued_by, summons.notice_respected) == (
        "Drs. Syamsul Bahri, M.Pd.",
        "direct_superior",
        officer,
        True,
    )
    assert (letter.context["scheduled_at"], letter.context["sent_on"], letter.context["place"]) == (
        "2024-10-28T09:00:00+07:00",
        "2024-10-16",
        PLACE,
    )


@pytest.mark.parametrize(
    ("examination", "last_day"),
    [
        (at(2024, 10, 28), datetime.date(2024, 10, 17)),  # scenario 1, Lebong
        (at(2024, 1, 15), datetime.date(2024, 1, 4)),  # scenario 2, Blitar: over the year end
        (at(2024, 1, 25), datetime.date(2024, 1, 16)),  # scenario 2, summons II
        (at(2026, 6, 8), datetime.date(2026, 5, 25)),  # scenario 3: over Idul Adha and Pancasila day
    ],
)
def test_summons_on_the_last_day_d6_allows_is_accepted(reviewed, officer, examination, last_day):
    summons = _issue(reviewed, officer, scheduled_at=examination, sent_on=last_day)

    assert (summons.sent_on, summons.notice_override_reason) == (last_day, "")


@pytest.mark.parametrize(
    ("examination", "too_late", "message"),
    [
        (
            at(2024, 10, 28),
            datetime.date(2024, 10, 18),
            "Rule D6: the summons for an examination on 28 October 2024 must be sent by 17 October 2024",
        ),
        (
            at(2024, 1, 15),
            datetime.date(2024, 1, 5),
            "Rule D6: the summons for an examination on 15 January 2024 must be sent by 4 January 2024",
        ),
    ],
)
def test_summons_with_less_notice_than_d6_is_refused_citing_the_rule(reviewed, officer, examination, too_late, message):
    before = _snapshot()

    with translation.override("en"), pytest.raises(DomainError) as refused:
        _issue(reviewed, officer, scheduled_at=examination, sent_on=too_late)

    assert (refused.value.code, refused.value.field, refused.value.http_status) == (
        "summons_notice_too_short",
        "scheduled_at",
        400,
    )
    assert str(refused.value.message).startswith(message)
    assert _snapshot() == before
    assert Case.objects.get(pk=reviewed.pk).status == "under_review"


def test_the_refusal_reads_in_indonesian(reviewed, officer):
    with translation.override("id"), pytest.raises(DomainError) as refused:
        _issue(reviewed, officer, sent_on=datetime.date(2024, 10, 18))

    assert str(refused.value.message) == (
        "Ketentuan D6: surat panggilan untuk pemeriksaan pada 28 Oktober 2024 harus dikirim paling lambat "
        "17 Oktober 2024 (sekurang-kurangnya 7 hari kerja sebelumnya; PP 94/2021 tentang Disiplin PNS; "
        "Peraturan BKN 6/2022). Pilih tanggal pemeriksaan yang lebih lambat, atau mintalah atasan "
        "mengesampingkannya dengan alasan."
    )


def test_a_supervisor_overrides_the_notice_rule_with_a_reason_and_it_is_audited(reviewed, officer):
    supervisor = agency_administrator()

    summons = _issue(
        reviewed,
        supervisor,
        sent_on=datetime.date(2024, 10, 21),
        override_reason="Terlapor akan mutasi ke luar daerah pada 1 November 2024.",
    )

    assert (summons.notice_override_reason, summons.notice_overridden_by, summons.notice_respected) == (
        "Terlapor akan mutasi ke luar daerah pada 1 November 2024.",
        supervisor,
        False,
    )
    event = AuditEvent.objects.get(action="summons_notice_overridden")
    assert (event.actor, event.reason, event.data) == (
        supervisor,
        "Terlapor akan mutasi ke luar daerah pada 1 November 2024.",
        {
            "rule": "D6",
            "latest_send_date": "2024-10-17",
            "reason": "Terlapor akan mutasi ke luar daerah pada 1 November 2024.",
        },
    )


def test_the_override_permission_makes_an_officer_a_supervisor(reviewed, officer):
    officer.user_permissions.add(Permission.objects.get(codename="override_summons_notice"))
    officer = type(officer).objects.get(pk=officer.pk)

    summons = _issue(reviewed, officer, sent_on=datetime.date(2024, 10, 21), override_reason="Mendesak.")

    assert summons.notice_overridden_by == officer


def test_an_override_by_someone_who_is_not_a_supervisor_is_refused_and_writes_nothing(reviewed, officer):
    before = _snapshot()

    with pytest.raises(PermissionDenied) as refused:
        _issue(reviewed, officer, sent_on=datetime.date(2024, 10, 21), override_reason="Mendesak.")

    assert refused.value.code == "summons_override_not_permitted"
    assert _snapshot() == before
    assert Case.objects.get(pk=reviewed.pk).status == "under_review"


def test_summons_needs_a_place_or_a_link(reviewed, officer):
    with pytest.raises(DomainError) as refused:
        _issue(reviewed, officer, place="")

    assert refused.value.code == "summons_place_required"


def test_a_virtual_examination_needs_only_the_link(reviewed, officer):
    summons = _issue(reviewed, officer, place="", virtual_link="https://zoom.us/j/123456789")

    assert (summons.place, summons.virtual_link) == ("", "https://zoom.us/j/123456789")


def test_summons_two_needs_an_absence_from_summons_one(reviewed, officer):
    _issue(reviewed, officer)
    before = _snapshot()

    with pytest.raises(ConflictError) as refused:
        _issue(reviewed, officer, number=2, scheduled_at=at(2024, 11, 11), sent_on=datetime.date(2024, 10, 30))

    assert refused.value.code == "summons_two_needs_absence"
    assert _snapshot() == before


def test_absent_twice_the_case_goes_on_on_the_evidence(reviewed, officer):
    first = _issue(reviewed, officer, scheduled_at=at(2024, 1, 15), sent_on=datetime.date(2024, 1, 4))
    services.summons_record_absence(summons=first, actor=officer, note="Tidak hadir tanpa keterangan.")
    assert Case.objects.get(pk=reviewed.pk).status == "summoned"

    second = _issue(reviewed, officer, number=2, scheduled_at=at(2024, 1, 25), sent_on=datetime.date(2024, 1, 16))
    services.summons_record_absence(summons=second, actor=officer, note="Tidak hadir lagi.")

    reviewed.refresh_from_db()
    assert reviewed.status == "absent_twice"
    assert list(reviewed.summonses.values_list("number", "attendance")) == [(1, "absent"), (2, "absent")]
    assert list(Letter.objects.order_by("id").values_list("kind", flat=True)) == [
        "summons_1",
        "summons_2",
        "non_appearance_record",
    ]
    assert Letter.objects.get(kind="summons_2").context["missed_on"] == "2024-01-15"
    assert Letter.objects.get(kind="non_appearance_record").context["summonses"] == [
        {"number": 1, "scheduled_at": "2024-01-15T09:00:00+07:00", "sent_on": "2024-01-04"},
        {"number": 2, "scheduled_at": "2024-01-25T09:00:00+07:00", "sent_on": "2024-01-16"},
    ]
    services.case_forward_for_decision(case=reviewed, actor=officer)
    assert Case.objects.get(pk=reviewed.pk).status == "forwarded_for_decision"


def test_recording_the_same_absence_twice_writes_one_event(reviewed, officer):
    first = _issue(reviewed, officer)
    services.summons_record_absence(summons=first, actor=officer)
    events = AuditEvent.objects.count()

    services.summons_record_absence(summons=first, actor=officer)

    assert AuditEvent.objects.count() == events


def test_attendance_then_absence_is_a_conflict(reviewed, officer):
    first = _issue(reviewed, officer)
    services.summons_record_attendance(summons=first, actor=officer)
    events = AuditEvent.objects.count()

    with pytest.raises(ConflictError):
        services.summons_record_absence(summons=first, actor=officer)

    assert (Summons.objects.get().attendance, AuditEvent.objects.count()) == ("attended", events)


def test_issuing_the_same_summons_again_returns_the_first(reviewed, officer):
    first = _issue(reviewed, officer)
    before = _snapshot()

    again = _issue(reviewed, officer, sent_on=datetime.date(2024, 10, 10))

    assert (again, _snapshot()) == (first, before)


def test_a_regional_day_off_added_by_an_administrator_moves_the_d6_limit(reviewed, officer):
    from core.services import day_off_add

    day_off_add(
        actor=agency_administrator(),
        date=datetime.date(2024, 10, 21),
        name="Hari Jadi Kabupaten Lebong",
        legal_basis="Keputusan Bupati Lebong (contoh)",
    )

    with pytest.raises(DomainError) as refused:
        _issue(reviewed, officer, sent_on=datetime.date(2024, 10, 17))

    assert refused.value.code == "summons_notice_too_short"
    assert _issue(reviewed, officer, sent_on=datetime.date(2024, 10, 16)).sent_on == datetime.date(2024, 10, 16)


@pytest.fixture
def missed(reviewed: Case, officer: Any) -> Case:
    """Scenario 2: the accused missed the examination of summons I on Monday 15 January 2024."""
    first = _issue(reviewed, officer, scheduled_at=at(2024, 1, 15), sent_on=datetime.date(2024, 1, 4))
    services.summons_record_absence(summons=first, actor=officer, note="Tidak hadir tanpa keterangan.")
    return Case.objects.get(pk=reviewed.pk)


def _issue_second(case: Case, actor: Any, sent_on: datetime.date, **overrides: Any) -> Summons:
    return _issue(case, actor, number=2, scheduled_at=at(2024, 2, 20), sent_on=sent_on, **overrides)


def test_summons_two_on_the_last_day_of_rule_d7_is_accepted(missed, officer):
    second = _issue_second(missed, officer, datetime.date(2024, 1, 24))

    assert (second.number, second.sent_on, second.notice_override_reason) == (2, datetime.date(2024, 1, 24), "")
    assert not AuditEvent.objects.filter(action="summons_deadline_overridden").exists()


def test_summons_two_later_than_rule_d7_is_refused_citing_the_rule_and_writes_nothing(missed, officer):
    before = _snapshot()

    with translation.override("en"), pytest.raises(DomainError) as refused:
        _issue_second(missed, officer, datetime.date(2024, 1, 25))

    assert (refused.value.code, refused.value.field) == ("summons_two_too_late", "sent_on")
    message = str(refused.value.message)
    assert message.startswith("Rule D7: after the examination missed on 15 January 2024, summons II must be sent by ")
    assert "24 January 2024 (within 7 working days; " in message
    assert _snapshot() == before
    assert Case.objects.get(pk=missed.pk).version == missed.version


def test_a_supervisor_overrides_rule_d7_with_a_reason_and_it_is_audited(missed, officer):
    supervisor = agency_administrator()

    second = _issue_second(
        missed, supervisor, datetime.date(2024, 1, 29), override_reason="Alamat terlapor baru diketahui."
    )

    assert (second.notice_override_reason, second.notice_overridden_by, second.notice_respected) == (
        "Alamat terlapor baru diketahui.",
        supervisor,
        False,
    )
    event = AuditEvent.objects.get(action="summons_deadline_overridden")
    assert (event.actor, event.reason, event.data) == (
        supervisor,
        "Alamat terlapor baru diketahui.",
        {
            "rule": "D7",
            "reason": "Alamat terlapor baru diketahui.",
            "latest_send_date": "2024-01-24",
            "missed_on": "2024-01-15",
        },
    )


def test_an_officer_who_is_not_a_supervisor_cannot_override_rule_d7(missed, officer):
    before = _snapshot()

    with pytest.raises(PermissionDenied) as refused:
        _issue_second(missed, officer, datetime.date(2024, 1, 29), override_reason="Terlambat.")

    assert refused.value.code == "summons_override_not_permitted"
    assert _snapshot() == before
