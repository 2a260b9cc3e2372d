"""`manage.py deadline RULE DATE [--count N]`: an explanation, then the date as the last line."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

pytestmark = pytest.mark.django_db


def run(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue().splitlines()


def test_d6_prints_the_last_day_to_send_the_summons_in_indonesian_by_default():
    with translation.override("id"):
        lines = run("D6", "2026-03-30")

    assert lines[-1] == "2026-03-12"  # back over Nyepi and the Idul Fitri 2026 stretch (18–24 March)
    assert lines[0] == (
        "D6 Surat Panggilan I: 7 hari kerja sebelum tanggal pemeriksaan 2026-03-30 → hari terakhir Surat Panggilan I "
        "dapat dikirim. Dasar hukum: PP 94/2021 tentang Disiplin PNS; Peraturan BKN 6/2022 (perlu diverifikasi)."
    )


def test_the_explanation_is_in_english_when_asked():
    with translation.override("en"):
        lines = run("d8", "2024-11-20")

    assert lines == [
        "D8 Delivery of the decision: 14 working days after decision date 2024-11-20 → last day the decision may be "
        "delivered. Legal basis: PP 94/2021 tentang Disiplin PNS; Peraturan BKN 6/2022 (to be verified).",
        "2024-12-11",
    ]


def test_d15_takes_the_months_from_count():
    with translation.override("en"):
        lines = run("D15", "2024-12-17", "--count", "12")

    assert lines[-1] == "2025-12-17"
    assert lines[0].startswith("D15 End of the sanction: 12 months after date the sanction took effect 2024-12-17")


def test_an_unknown_rule_is_a_clear_error_in_indonesian():
    with translation.override("id"), pytest.raises(CommandError) as raised:
        run("D99", "2024-10-28")

    assert str(raised.value) == (
        "Tidak ada aturan tenggat “D99”. Aturan yang tersedia: D1, D10, D11, D12, D13, D14, D15, D16, D6, D7, D8, D9."
    )


def test_a_bad_date_is_a_clear_error_in_indonesian():
    with translation.override("id"), pytest.raises(CommandError) as raised:
        run("D6", "28-10-2024")

    assert str(raised.value) == "“28-10-2024” bukan tanggal; tulis dengan format YYYY-MM-DD, misalnya 2026-03-30."


def test_d15_without_count_is_an_error():
    with translation.override("en"), pytest.raises(CommandError, match=r"Rule D15 needs a count"):
        run("D15", "2024-12-17")
