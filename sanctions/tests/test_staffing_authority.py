import pytest
from django.utils import translation

from accounts.tests.factories import AgencyFactory, UserFactory
from core.audit_registry import action_label
from core.errors import ConflictError
from core.models import AuditEvent
from sanctions.models import StaffingAuthority
from sanctions.services.staffing_authority import staffing_authority_appoint
from sanctions.tests.factories import StaffingAuthorityFactory, sanctioning_official

pytestmark = pytest.mark.django_db


def test_staffing_authority_appoint_stores_the_official_in_order_and_audits_it():
    agency = AgencyFactory()
    bupati = sanctioning_official("bupati", agency=agency)
    admin = UserFactory(username="admin", agency=agency)

    authority = staffing_authority_appoint(agency=agency, user=bupati, title="Bupati Lebong", actor=admin)

    stored = StaffingAuthority.objects.get(pk=authority.pk)
    assert (stored.agency, stored.user, stored.title, stored.order, stored.is_active) == (
        agency,
        bupati,
        "Bupati Lebong",
        1,
        True,
    )
    event = AuditEvent.objects.get()
    assert (event.action, event.target_type, event.target_id, event.actor, event.data) == (
        "staffing_authority_appointed",
        "sanctions.staffingauthority",
        authority.pk,
        admin,
        {"agency": "lebong", "order": 1, "username": "bupati", "title": "Bupati Lebong"},
    )


def test_a_stand_in_takes_the_next_order():
    first = StaffingAuthorityFactory()
    deputy = sanctioning_official("wabup", agency=first.agency)

    staffing_authority_appoint(agency=first.agency, user=deputy, title="Wakil Bupati Lebong", order=2)

    assert list(StaffingAuthority.objects.order_by("order").values_list("user__username", "order")) == [
        ("bupati", 1),
        ("wabup", 2),
    ]


def test_staffing_authority_appoint_refuses_an_order_filled_and_writes_nothing():
    first = StaffingAuthorityFactory()
    other = sanctioning_official("lain", agency=first.agency)

    with pytest.raises(ConflictError) as raised:
        staffing_authority_appoint(agency=first.agency, user=other, title="Bupati Lebong", order=1)

    assert raised.value.code == "staffing_authority_order_taken"
    assert list(StaffingAuthority.objects.values_list("user__username", flat=True)) == ["bupati"]
    assert AuditEvent.objects.count() == 0


def test_the_appointment_action_reads_in_both_languages():
    with translation.override("en"):
        assert action_label("staffing_authority_appointed") == "Staffing authority appointed"
    with translation.override("id"):
        assert action_label("staffing_authority_appointed") == "Pejabat Pembina Kepegawaian ditetapkan"
