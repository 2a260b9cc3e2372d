"""The deadline rules of the procedure (docs/domain.md D1–D16; docs/legal-basis.md §5.5), as loaded by a data
migration. Administrators edit them afterwards in the admin; the engine (core.calendar) reads the table.

Counting convention for every rule: the anchor day is not counted, day 1 is the next working day
(docs/legal-basis.md §5.6, [S10]); `before` counts backwards. All dates of docs/scenarios.md come out of this one
convention.

Code refers to a rule by its name below (`DeadlineCode.SUMMONS_NOTICE`), never by a literal "D6".
"""

import datetime
from typing import Any


class DeadlineCode:
    """The code of each rule of the catalogue below: the key of its DeadlineRule row."""

    BAWASLU_REPORT_WINDOW = "D1"
    SUMMONS_NOTICE = "D6"  # summons I (and II) at least 7 working days before the examination
    SUMMONS_II = "D7"  # summons II at most 7 working days after the missed examination
    DELIVERY = "D8"  # decision delivered within 14 working days of the decision date
    SENDING = "D9"  # sent within 3 working days when the accused is absent at delivery
    EFFECTIVE = "D10"  # in effect on the 15th working day after receipt unless objected
    OBJECTION_WINDOW = "D11"  # objection filed within 14 working days of receipt
    OBJECTION_DUE = "D12"  # objection decided within 21 working days of its receipt
    APPEAL_WINDOW = "D13"  # appeal (banding) filed within 14 working days of receipt
    APPEAL_RESPONSE = "D14"  # the PPK's response to an appeal
    SANCTION_END = "D15"  # the sanction ends 6/9/12 months after it takes effect
    FOLLOW_UP = "D16"  # a Bawaslu or BKN recommendation followed up


PP94 = "PP 94/2021 tentang Disiplin Pegawai Negeri Sipil"
PP94_BKN6 = "PP 94/2021 tentang Disiplin PNS; Peraturan BKN 6/2022"
BKN6 = "Peraturan BKN 6/2022 (pelaksanaan PP 94/2021)"
PP79 = "PP 79/2021 tentang Upaya Administratif dan Badan Pertimbangan ASN"
UU7 = "UU 7/2017 tentang Pemilihan Umum; Perbawaslu 7/2022"

PP94_IN_FORCE = datetime.date(2021, 8, 31)
PP79_IN_FORCE = datetime.date(2021, 8, 10)
UU7_IN_FORCE = datetime.date(2017, 8, 16)

DEADLINE_RULES: list[dict[str, Any]] = [
    {
        "code": DeadlineCode.BAWASLU_REPORT_WINDOW,
        "name": "Batas waktu penyampaian laporan ke Bawaslu",
        "name_en": "Bawaslu report window",
        "count": 7,
        "unit": "calendar_days",
        "direction": "after",
        "anchor": "tanggal diketahuinya pelanggaran",
        "anchor_en": "date the violation became known",
        "outcome": "hari terakhir laporan dapat disampaikan ke Bawaslu",
        "outcome_en": "last day a report may be filed with Bawaslu",
        "regulation": UU7,
        "article": "UU 7/2017 Pasal 454 ayat (6); Perbawaslu 7/2022 Pasal 8 ayat (3)",
        "needs_verification": True,
        "note": (
            "Context only: Bawaslu's own rule, not a step of Netra's procedure. UU 7/2017 says working days, "
            "Perbawaslu 7/2022 says “Hari”; counted here as 7 calendar days."
        ),
        "valid_from": UU7_IN_FORCE,
    },
    {
        "code": DeadlineCode.SUMMONS_NOTICE,
        "name": "Surat Panggilan I",
        "name_en": "Summons I",
        "count": 7,
        "unit": "working_days",
        "direction": "before",
        "anchor": "tanggal pemeriksaan",
        "anchor_en": "examination date",
        "outcome": "hari terakhir Surat Panggilan I dapat dikirim",
        "outcome_en": "last day the summons may be sent",
        "regulation": PP94_BKN6,
        "article": "",
        "needs_verification": True,
        "note": (
            "“Paling lambat 7 hari kerja sebelum tanggal pemeriksaan”, read as at least 7 working days' notice: "
            "the examination date is the 7th working day after the summons date or later. One summary reads it "
            "as a maximum interval. Counted forward from a summons date the same rule gives the earliest "
            "examination date."
        ),
        "valid_from": PP94_IN_FORCE,
    },
    {
        "code": DeadlineCode.SUMMONS_II,
        "name": "Surat Panggilan II",
        "name_en": "Summons II",
        "count": 7,
        "unit": "working_days",
        "direction": "after",
        "anchor": "tanggal pemeriksaan yang tidak dihadiri",
        "anchor_en": "missed examination date",
        "outcome": "hari terakhir Surat Panggilan II dapat dikirim",
        "outcome_en": "last day summons II may be sent",
        "regulation": PP94_BKN6,
        "article": "",
        "needs_verification": False,
        "note": "“Paling lambat 7 hari kerja setelah tanggal seharusnya yang bersangkutan diperiksa”.",
        "valid_from": PP94_IN_FORCE,
    },
    {
        "code": DeadlineCode.DELIVERY,
        "name": "Penyampaian keputusan hukuman disiplin",
        "name_en": "Delivery of the decision",
        "count": 14,
        "unit": "working_days",
        "direction": "after",
        "anchor": "tanggal keputusan ditetapkan",
        "anchor_en": "decision date",
        "outcome": "hari terakhir keputusan dapat disampaikan",
        "outcome_en": "last day the decision may be delivered",
        "regulation": PP94_BKN6,
        "article": "",
        "needs_verification": True,
        "note": "“Paling lambat 14 hari sejak keputusan ditetapkan”: working days per two sources, “hari” in one.",
        "valid_from": PP94_IN_FORCE,
    },
    {
        "code": DeadlineCode.SENDING,
        "name": "Pengiriman keputusan bila PNS tidak hadir saat penyampaian",
        "name_en": "Decision sent when absent at delivery",
        "count": 3,
        "unit": "working_days",
        "direction": "after",
        "anchor": "tanggal penyampaian yang dijadwalkan",
        "anchor_en": "scheduled delivery date",
        "outcome": "hari terakhir keputusan dapat dikirim ke alamat PNS",
        "outcome_en": "last day the decision may be sent to the civil servant's address",
        "regulation": BKN6,
        "article": "Pasal 49 ayat (8)",
        "needs_verification": True,
        "note": "Attributed to Peraturan BKN 6/2022 by a secondary source only.",
        "valid_from": PP94_IN_FORCE,
    },
    {
        "code": DeadlineCode.EFFECTIVE,
        "name": "Berlakunya hukuman disiplin",
        "name_en": "Sanction takes effect",
        "count": 15,
        "unit": "working_days",
        "direction": "after",
        "anchor": "tanggal keputusan diterima",
        "anchor_en": "date the decision was received",
        "outcome": "tanggal hukuman disiplin mulai berlaku (bila tidak diajukan upaya administratif)",
        "outcome_en": "date the sanction takes effect (unless an objection or appeal is filed)",
        "regulation": PP94_BKN6,
        "article": "Peraturan BKN 6/2022 Pasal 50 ayat (1)",
        "needs_verification": True,
        "note": (
            "“Hari ke-15 sejak diterima”; one source specifies the 15th working day, not counting the day of "
            "receipt. The result is the day the sanction takes effect, the day after the D11 window closes."
        ),
        "valid_from": PP94_IN_FORCE,
    },
    {
        "code": DeadlineCode.OBJECTION_WINDOW,
        "name": "Pengajuan keberatan atau banding administratif",
        "name_en": "Filing an objection or appeal",
        "count": 14,
        "unit": "working_days",
        "direction": "after",
        "anchor": "tanggal keputusan diterima",
        "anchor_en": "date the decision was received",
        "outcome": "hari terakhir keberatan atau banding dapat diajukan",
        "outcome_en": "last day an objection or appeal may be filed",
        "regulation": PP79,
        "article": "",
        "needs_verification": True,
        "note": (
            "14 working days. Counted from receipt of the decision (as docs/scenarios.md does, and consistent with "
            "D10: the sanction takes effect the working day after the window closes); one BKPSDM source counts "
            "from issuance (“sejak SK dikeluarkan”)."
        ),
        "valid_from": PP79_IN_FORCE,
    },
    {
        "code": DeadlineCode.OBJECTION_DUE,
        "name": "Keputusan atas keberatan",
        "name_en": "Decision on the objection",
        "count": 21,
        "unit": "working_days",
        "direction": "after",
        "anchor": "tanggal keberatan diterima",
        "anchor_en": "date the objection was received",
        "outcome": "hari terakhir PPK memutus keberatan",
        "outcome_en": "last day the PPK may decide the objection",
        "regulation": PP79,
        "article": "",
        "needs_verification": True,
        "note": "Whether silence after 21 working days means the objection is granted is not confirmed.",
        "valid_from": PP79_IN_FORCE,
    },
    {
        "code": DeadlineCode.APPEAL_WINDOW,
        "name": "Pengajuan banding administratif",
        "name_en": "Filing an appeal (banding)",
        "count": 14,
        "unit": "working_days",
        "direction": "after",
        "anchor": "tanggal keputusan diterima",
        "anchor_en": "date the decision was received",
        "outcome": "hari terakhir banding administratif dapat diajukan",
        "outcome_en": "last day an appeal may be filed",
        "regulation": PP79,
        "article": "",
        "needs_verification": True,
        "note": (
            "docs/legal-basis.md §5.5: 14 working days from the PPK's decision (secondary source [S38]). Counted "
            "from receipt of the decision, as D11, so that the sanction takes effect (D10) only after the window "
            "closes; appeals lie against dismissals (B3, PTDH)."
        ),
        "valid_from": PP79_IN_FORCE,
    },
    {
        "code": DeadlineCode.APPEAL_RESPONSE,
        "name": "Tanggapan PPK atas banding administratif",
        "name_en": "PPK's response to an appeal",
        "count": 21,
        "unit": "working_days",
        "direction": "after",
        "anchor": "tanggal banding diajukan",
        "anchor_en": "date the appeal was filed",
        "outcome": "hari terakhir PPK menyampaikan tanggapan atas banding",
        "outcome_en": "last day the PPK may respond to the appeal",
        "regulation": PP79,
        "article": "",
        "needs_verification": True,
        "note": (
            "docs/legal-basis.md §5.5: “21 days” from the filing (secondary source [S38]); the unit is not stated "
            "and is read as working days, like D12."
        ),
        "valid_from": PP79_IN_FORCE,
    },
    {
        "code": DeadlineCode.SANCTION_END,
        "name": "Berakhirnya hukuman disiplin",
        "name_en": "End of the sanction",
        "count": None,
        "unit": "months",
        "direction": "after",
        "anchor": "tanggal hukuman disiplin berlaku",
        "anchor_en": "date the sanction took effect",
        "outcome": "tanggal berakhirnya masa hukuman",
        "outcome_en": "date the sanction ends",
        "regulation": PP94,
        "article": "Pasal 8",
        "needs_verification": False,
        "note": (
            "6, 9 or 12 months: the count is the duration of the imposed sanction (SanctionType.duration_months). "
            "A day missing in the last month (31 August + 6 months) falls on that month's last day."
        ),
        "valid_from": PP94_IN_FORCE,
    },
    {
        "code": DeadlineCode.FOLLOW_UP,
        "name": "Tindak lanjut rekomendasi Bawaslu/BKN",
        "name_en": "Follow-up of a Bawaslu or BKN recommendation",
        "count": 10,
        "unit": "calendar_days",
        "direction": "after",
        "anchor": "tanggal rekomendasi diterima",
        "anchor_en": "date the recommendation was received",
        "outcome": "hari terakhir PPK menindaklanjuti rekomendasi (pemeriksaan kasus dimulai)",
        "outcome_en": "last day the PPK should take the recommendation up (the case's review started)",
        "regulation": "Instruksi Kemendagri kepada PPK (November 2020) atas rekomendasi KASN",
        "article": "",
        "needs_verification": True,
        "note": (
            "docs/legal-basis.md §4.2 (failure to act): in November 2020 Kemendagri gave PPKs 10 days to follow up "
            "KASN recommendations — a one-off instruction reported by secondary sources [S27][S77], the unit (calendar "
            "or working days) not stated. Used as the follow-through register's due date for every Bawaslu or BKN "
            "recommendation until the agency sets its own rule."
        ),
        "valid_from": datetime.date(2020, 11, 1),
    },
]
