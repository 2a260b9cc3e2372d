"""Adding evidence (files, a capture, a statement) and withdrawing an item."""

import pytest

from casework.models import CaseEvidence
from casework.tests.conftest import at
from casework.tests.views.actions.helpers import action_url, client_for, messages_of, snapshot
from core.testing import png_bytes

pytestmark = pytest.mark.django_db


# --- evidence -------------------------------------------------------------------------------------------------------


def test_an_examiner_adds_a_file_and_withdraws_it(reviewed, examiner_user, private_storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(examiner_user)
    upload = SimpleUploadedFile("tangkapan.png", png_bytes(64, 64), content_type="image/png")

    response = client.post(
        action_url("evidence-files", reviewed),
        {"expected_version": reviewed.version, "title": "Unggahan", "evidence": upload},
    )

    assert messages_of(response) == [("success", "1 file(s) were added to the evidence.")]
    evidence = CaseEvidence.objects.get(case=reviewed)
    assert (evidence.kind, evidence.original_name, len(evidence.sha256)) == ("file", "tangkapan.png", 64)

    response = client.post(
        action_url("evidence-withdraw", reviewed, evidence_id=evidence.pk),
        {"expected_version": reviewed.version, "reason": "Berkas ganda."},
    )

    assert messages_of(response)[-1] == (
        "success",
        "The evidence item was withdrawn; it stays on record with the reason.",
    )
    evidence.refresh_from_db()
    assert (evidence.withdrawal_reason, evidence.withdrawn_by) == ("Berkas ganda.", examiner_user)


def test_a_file_that_is_not_what_it_claims_is_refused_and_writes_nothing(reviewed, examiner_user, private_storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.testing import stored_files

    before = snapshot(reviewed)
    upload = SimpleUploadedFile("foto.png", b"MZ\x90\x00 not an image", content_type="image/png")

    response = client_for(examiner_user).post(
        action_url("evidence-files", reviewed), {"expected_version": reviewed.version, "evidence": upload}
    )

    assert response.status_code == 200
    assert [level for level, _text in messages_of(response)] == ["error"]
    assert snapshot(reviewed) == before
    assert stored_files(private_storage) == []


def test_an_examiner_adds_a_capture_and_a_statement(reviewed, examiner_user, private_storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(examiner_user)
    client.post(
        action_url("evidence-capture", reviewed),
        {
            "expected_version": reviewed.version,
            "screenshot": SimpleUploadedFile("post.png", png_bytes(64, 64), content_type="image/png"),
            "source_url": "https://www.facebook.com/share/p/abc/",
            "captured_at": "2024-10-08T10:15",
        },
    )
    response = client.post(
        action_url("evidence-statement", reviewed),
        {"expected_version": reviewed.version, "witness_name": "Siti Aminah", "statement": "Saya melihat unggahan."},
    )

    assert messages_of(response)[-1] == ("success", "The witness statement was added to the evidence.")
    assert list(
        CaseEvidence.objects.order_by("id").values_list("kind", "source_url", "captured_at", "witness_name")
    ) == [
        ("social_media_capture", "https://www.facebook.com/share/p/abc/", at(2024, 10, 8, 10, 15), ""),
        ("witness_statement", "", None, "Siti Aminah"),
    ]
