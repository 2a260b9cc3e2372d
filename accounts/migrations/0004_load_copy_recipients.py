"""The default distribution (tembusan) of each letter kind, as docs/legal-basis.md §7.3 lists it. A confidential
decision and the sanksi moral statement go only to those the sample decision copies [S11]; BKN, the Inspektorat, the
finance unit and Bawaslu are not sourced (§9 V29) and Bawaslu receives its own reply, not the decree. Administrators
edit the rows afterwards."""

from django.db import migrations

DECISION_BASIS = (
    "Contoh keputusan hukuman disiplin [S11]: atasan langsung, pimpinan unit kerja, unit kepegawaian, arsip "
    "(docs/legal-basis.md §7.3); tambahan BKN, Inspektorat, BPKAD dan Bawaslu belum bersumber (§9 V29)."
)
CLOSED_FOUR = (
    "Atasan langsung yang bersangkutan",
    "Pimpinan unit kerja yang bersangkutan",
    "Kepala {office} {region}",
    "Arsip",
)
CASEWORK_BASIS = "Surat panggilan: tembusan PyBMH, atasan langsung, arsip (docs/legal-basis.md §7.3)."
CASEWORK_THREE = ("Pejabat yang Berwenang Menghukum", "Atasan langsung yang bersangkutan", "Arsip")
REPLY_BASIS = "Balasan kepada Bawaslu: unit kepegawaian dan arsip (tidak bersumber; docs/legal-basis.md §9 V29)."

DEFAULTS: dict[str, tuple[tuple[str, ...], str]] = {
    "decision": (CLOSED_FOUR, DECISION_BASIS),
    "moral_statement": (CLOSED_FOUR, DECISION_BASIS),
    "summons_1": (CASEWORK_THREE, CASEWORK_BASIS),
    "summons_2": (CASEWORK_THREE, CASEWORK_BASIS),
    "examination_team_decision": (CASEWORK_THREE, CASEWORK_BASIS),
    "examination_report": (CASEWORK_THREE, CASEWORK_BASIS),
    "bawaslu_reply": (("Kepala {office} {region}", "Arsip"), REPLY_BASIS),
}


def load(apps, schema_editor):
    LetterCopyRecipient = apps.get_model("accounts", "LetterCopyRecipient")
    for kind, (recipients, basis) in DEFAULTS.items():
        for order, recipient in enumerate(recipients, start=1):
            LetterCopyRecipient.objects.update_or_create(
                letter_kind=kind, track="", order=order, defaults={"recipient": recipient, "basis": basis}
            )


def unload(apps, schema_editor):
    apps.get_model("accounts", "LetterCopyRecipient").objects.filter(letter_kind__in=DEFAULTS, track="").delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_letterheads_and_copy_recipients")]
    operations = [migrations.RunPython(load, unload)]
