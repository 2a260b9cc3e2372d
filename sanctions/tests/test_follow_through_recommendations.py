"""Recommendations recorded on a case (BKN or a Bawaslu office, by letter) are rows of the follow-through register."""

import datetime
import io

import pytest

from accounts.tests.factories import BawasluOfficeFactory
from casework.services import case_recommendation_record
from casework.tests.factories import CaseFactory
from core import clock
from core.testing import pdf_bytes
from sanctions.follow_through import follow_through_rows, follow_through_share
from sanctions.tests.after_helpers import lebong
from violations.evidence import validate_evidence_files
from violations.models import Recommendation
from violations.services import RecommendationInput

pytestmark = pytest.mark.django_db


def _record(case, officer, **letter):
    return case_recommendation_record(
        case=case,
        actor=officer,
        letter=RecommendationInput(letter_date=datetime.date(2024, 11, 4), **letter),
        text="Menjatuhkan hukuman disiplin sesuai PP 94/2021.",
        document=validate_evidence_files([(io.BytesIO(pdf_bytes()), "rekomendasi.pdf")]),
    )


def test_recorded_recommendations_are_counted_with_their_body_and_letter():
    world = lebong()
    case = CaseFactory(agency=world.agency, accused=world.principal, registered_by=world.officer, status="under_review")
    office = BawasluOfficeFactory(name="Bawaslu Kabupaten Lebong", agency=world.agency)
    bkn = _record(
        case, world.officer, body=Recommendation.Body.BKN, letter_number="B-1/R/2024", recommended_sanction="R1"
    )
    bawaslu = _record(
        case, world.officer, body=Recommendation.Body.BAWASLU, bawaslu_office=office, letter_number="045/K.BW/2024"
    )

    rows = follow_through_rows(user=world.officer, today=clock.today())

    assert sorted((row.report.pk, row.channel, row.source, row.letter_number, row.case) for row in rows) == sorted(
        [
            (bkn.report_id, "bkn", "BKN", "B-1/R/2024", case),
            (bawaslu.report_id, "bawaslu", "Bawaslu Kabupaten Lebong", "045/K.BW/2024", case),
        ]
    )
    assert follow_through_share(rows) == (0, 2)
    assert all(row.received_on == clock.today() for row in rows)
