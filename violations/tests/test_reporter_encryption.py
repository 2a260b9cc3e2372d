"""Reporter identity encrypted at rest: round trip, raw columns, binding to the row, rotation, keyed hashes."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from core.field_encryption import UndecryptableValue, keyed_hash, normalize_digits
from violations.models import Reporter
from violations.selectors import reporters_sharing_contact
from violations.tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

IDENTITY = {
    "name": "Siti Aminah",
    "email": "Siti@Example.com",
    "phone": "+62 812-3456-7890",
    "address": "Jl. Merdeka 1, Lebong",
    "id_number": "1701010101010001",
}
# The test settings' keys are f2 (current) and f1; "f3" is a new key put first for the rotation test.
NEW_KEYS = (
    "f3:bmV3LWZpZWxkLWtleS10aHJlZS0zMi1ieXRlcy1sbmc=,"
    "f2:dGVzdC1maWVsZC1rZXktdHdvLTMyLWJ5dGVzLWxvbmc=,f1:dGVzdC1maWVsZC1rZXktb25lLTMyLWJ5dGVzLWxvbmc="
)


def _raw(reporter_id: int) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, email, phone, address, id_number FROM violations_reporter WHERE id = %s", [reporter_id]
        )
        row = cursor.fetchone()
    return dict(zip(IDENTITY, row, strict=True))


def _reporter(**identity: str) -> Reporter:
    return ReportFactory(reporter=identity or IDENTITY).reporter


def test_identity_reads_back_as_plaintext_after_a_fresh_load():
    reporter = _reporter()

    loaded = Reporter.objects.get(pk=reporter.pk)

    assert {field: getattr(loaded, field) for field in IDENTITY} == IDENTITY


def test_raw_columns_hold_no_plaintext_and_name_the_key():
    reporter = _reporter()

    raw = _raw(reporter.pk)

    for field, plaintext in IDENTITY.items():
        assert raw[field].startswith("enc1:f2:"), field
        assert plaintext not in raw[field] and plaintext.lower() not in raw[field].lower()
    assert raw["name"] != _raw(_reporter().pk)["name"]  # a fresh nonce every time


def test_empty_fields_stay_empty_so_the_named_unless_anonymous_constraint_holds():
    reporter = ReportFactory(reporter={"anonymous": True}).reporter

    assert _raw(reporter.pk) == dict.fromkeys(IDENTITY, "")
    assert Reporter.objects.get(pk=reporter.pk).name == ""


def test_ciphertext_copied_to_another_row_does_not_decrypt():
    victim, other = _reporter(), _reporter(name="Budi")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE violations_reporter SET name = %s WHERE id = %s", [_raw(victim.pk)["name"], other.pk])

    moved = Reporter.objects.get(pk=other.pk)

    with pytest.raises(UndecryptableValue, match=r"does not decrypt for 'violations\.Reporter\.name:"):
        _ = moved.name


def test_ciphertext_copied_to_another_column_of_the_same_row_does_not_decrypt():
    reporter = _reporter()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE violations_reporter SET address = name WHERE id = %s", [reporter.pk])

    with pytest.raises(UndecryptableValue):
        _ = Reporter.objects.get(pk=reporter.pk).address


def test_a_filter_on_an_encrypted_column_is_refused():
    _reporter()

    with pytest.raises(TypeError, match="is encrypted"):
        list(Reporter.objects.filter(phone=IDENTITY["phone"]))


def test_rotation_re_encrypts_with_the_new_key_and_old_rows_read_before_it():
    reporters = [_reporter(), _reporter(name="Budi", email="")]
    with override_settings(NETRA_FIELD_KEYS=NEW_KEYS):
        assert Reporter.objects.get(pk=reporters[0].pk).name == "Siti Aminah"  # f2 row, f3 current
        out = io.StringIO()

        call_command("reporter_keys_rotate", "--batch-size", "1", stdout=out)
        again = io.StringIO()
        call_command("reporter_keys_rotate", stdout=again)

        assert out.getvalue().splitlines() == [
            "1 reporters checked, 1 re-encrypted",
            "2 reporters checked, 2 re-encrypted",
            "Done: 2 reporters under key 'f3', 2 re-encrypted.",
        ]
        assert again.getvalue().splitlines()[-1] == "Done: 2 reporters under key 'f3', 0 re-encrypted."
        assert _raw(reporters[0].pk)["name"].startswith("enc1:f3:")
        assert _raw(reporters[1].pk)["email"] == ""
        assert Reporter.objects.get(pk=reporters[0].pk).email == IDENTITY["email"]


def test_a_row_under_a_dropped_key_stops_the_rotation_with_a_clear_error():
    _reporter()
    only_new = NEW_KEYS.split(",")[0]

    with override_settings(NETRA_FIELD_KEYS=only_new), pytest.raises(CommandError, match="Keep every old key"):
        call_command("reporter_keys_rotate", stdout=io.StringIO())


def test_keyed_hashes_find_the_same_contact_written_differently():
    first = _reporter()
    same_phone = _reporter(name="Budi", phone="0812 3456 7890")
    _reporter(name="Citra", phone="0899999999", email="citra@example.com")

    assert first.phone_hash == keyed_hash(normalize_digits("081234567890"))
    assert [r.pk for r in reporters_sharing_contact(reporter=first)] == [same_phone.pk]
    assert Reporter.objects.filter(email_hash=keyed_hash("siti@example.com")).get().pk == first.pk


def test_hashes_are_keyed():
    with override_settings(NETRA_FIELD_HASH_KEY="YW5vdGhlci1oYXNoLWtleS0zMi1ieXRlcy1sb25nISE="):
        other = keyed_hash("081234567890")

    assert other != keyed_hash("081234567890") != ""
