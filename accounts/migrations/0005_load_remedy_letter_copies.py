"""The default distribution (tembusan) of the letters on an objection or appeal (docs/legal-basis.md §5.4, §7.3):
the statement that an objection is inadmissible and the decision on an objection go where the decision went; the
PPK's response to an appeal goes to the BPASN's secretariat at BKN (§5.4), the appellant and the archive.
Administrators edit the rows afterwards."""

from django.db import migrations

DECISION_BASIS = (
    "Seperti keputusan yang diajukan keberatan [S11]: atasan langsung, pimpinan unit kerja, unit kepegawaian, arsip "
    "(docs/legal-basis.md §7.3)."
)
CLOSED_FOUR = (
    "Atasan langsung yang bersangkutan",
    "Pimpinan unit kerja yang bersangkutan",
    "Kepala {office} {region}",
    "Arsip",
)
APPEAL_BASIS = (
    "Banding diajukan kepada BPASN dengan tembusan kepada PPK; sekretariat BPASN pada BKN (docs/legal-basis.md §5.4); "
    "daftar tembusan tanggapan PPK belum bersumber (§9 V29)."
)
APPEAL_COPIES = (
    "Kepala Badan Kepegawaian Negara selaku Sekretariat Badan Pertimbangan Aparatur Sipil Negara",
    "Yang bersangkutan",
    "Arsip",
)

DEFAULTS: dict[str, tuple[tuple[str, ...], str]] = {
    "objection_inadmissible": (CLOSED_FOUR, DECISION_BASIS),
    "objection_decision": (CLOSED_FOUR, DECISION_BASIS),
    "appeal_response": (APPEAL_COPIES, APPEAL_BASIS),
}


def load(apps, schema_editor):
    LetterCopyRecipient = apps.get_model("accounts", "LetterCopyRecipient")
    for kind, (recipients, basis) in DEFAULTS.items():
        for order, recipient in enumerate(recipients, start=1):
            LetterCopyRecipient.objects.get_or_create(
                letter_kind=kind, track="", order=order, defaults={"recipient": recipient, "basis": basis}
            )


def unload(apps, schema_editor):
    apps.get_model("accounts", "LetterCopyRecipient").objects.filter(letter_kind__in=DEFAULTS, track="").delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_load_copy_recipients")]
    operations = [migrations.RunPython(load, unload)]
