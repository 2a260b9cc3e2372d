"""A decision's letters are downloaded through the decision, by those who see it; each download is audited."""

import pytest

from casework.letters import letter_render
from casework.models import Case
from core.models import AuditEvent
from sanctions.models import Decision
from sanctions.tests.decision_helpers import World, decision_on, forwarded_case
from sanctions.tests.views.helpers import (
    client_for,
    letter_id_of,
    other_agency_officer,
    signed_decision,
    view_url,
)

pytestmark = pytest.mark.django_db

_S = Decision.Status


# --- letters ---------------------------------------------------------------------------------------------------------


def test_the_signing_official_downloads_the_decision_letter(case: Case, world: World) -> None:
    decision = signed_decision(case, world)
    letter_render(letter_id=letter_id_of(decision))

    response = client_for(world.bupati).get(view_url("letter-download", decision, letter_id=decision.letter_id))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    assert AuditEvent.objects.filter(action="letter_downloaded", actor=world.bupati).count() == 1


def test_a_letter_is_found_only_through_its_own_decision_by_those_who_see_it(case: Case, world: World) -> None:
    decision = signed_decision(case, world)
    letter_id = letter_id_of(decision)
    own_url = view_url("letter-download", decision, letter_id=letter_id)
    # Not issued yet: nothing to download.
    assert client_for(world.officer).get(own_url).status_code == 404
    letter_render(letter_id=letter_id)
    draft = decision_on(forwarded_case(world, bawaslu=False), world)

    assert client_for(world.officer).get(own_url).status_code == 200
    assert client_for(other_agency_officer()).get(own_url).status_code == 404
    assert client_for(world.wakil).get(own_url).status_code == 404
    assert client_for(world.officer).get(view_url("letter-download", draft, letter_id=letter_id)).status_code == 404


def test_the_download_is_recorded_on_the_case_with_the_letter_and_the_decision(case: Case, world: World) -> None:
    decision = signed_decision(case, world)
    letter = letter_render(letter_id=letter_id_of(decision))
    case.refresh_from_db()

    client_for(world.bupati).get(view_url("letter-download", decision, letter_id=letter.pk))

    event = AuditEvent.objects.get(action="letter_downloaded")
    assert (event.target_type, event.target_id, event.from_status, event.to_status) == (
        "casework.case", case.pk, case.status, case.status,
    )  # fmt: skip
    assert event.data == {
        "letter": letter.pk,
        "number": letter.number,
        "sha256": letter.sha256,
        "decision": decision.pk,
    }
