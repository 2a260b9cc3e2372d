"""The two demo cases taken through the procedure: what the examination found and which sanction it led to.

Scenario 1 of docs/scenarios.md is played with its own dates up to the served sanction; a teacher's case stops
where the Bupati has a decision to sign, its dates counted back from the day seed_demo runs.
"""

import datetime
from dataclasses import dataclass

EXAMINATION_PLACE = "Ruang Pemeriksaan BKPSDM Kabupaten Lebong, Jl. Raya Tubei, Lebong"
SUMMONS_DELIVERY_RECORD = "Diterima langsung oleh yang bersangkutan."
IMPACT = "Mengganggu kepercayaan publik terhadap netralitas ASN selama tahapan kampanye."
# The norm breached is a prohibition (larangan), as the decision cites it (issue 9).
CONSIDERATIONS = (
    "berdasarkan Laporan Hasil Pemeriksaan, yang bersangkutan terbukti melanggar larangan memberikan dukungan "
    "kepada calon sebagai Aparatur Sipil Negara"
)


@dataclass(frozen=True)
class DemoExamination:
    """A case's examination and the sanction its examiner recommends (`level`: the probable sanction level)."""

    report: str  # key of a demo report of the case (demo.data.reports)
    violation: str
    level: str
    sanction: str
    questions: tuple[tuple[str, str], ...]
    act_time: str
    act_place: str
    aggravating: str
    mitigating: str
    # The position after a demotion or release (B1, B2): the decision names it.
    new_position: str = ""


SCENARIO_1 = DemoExamination(
    report="s1-diskominfo",
    violation="N04",
    level="heavy",
    sanction="B1",
    questions=(
        ("Apakah Saudara dalam keadaan sehat dan bersedia diperiksa?", "Ya, saya sehat dan bersedia."),
        ("Apakah akun Facebook atas nama Rahmat Hidayat milik Saudara?", "Ya, akun itu milik saya."),
        (
            "Apakah Saudara membagikan tiga unggahan kampanye pasangan calon nomor urut 2 pada 7 Oktober 2024?",
            "Ya, saya membagikannya.",
        ),
        ("Apakah Saudara juga menyukai unggahan tersebut?", "Ya."),
        ("Apakah Saudara mengetahui larangan bagi ASN dalam SKB 2022?", "Saya mengetahuinya secara umum."),
        ("Mengapa Saudara tetap membagikannya?", "Saya tidak berpikir panjang; saya khilaf."),
        ("Berapa pengikut akun Saudara?", "Sekitar 4.800 pengikut."),
        ("Kapan unggahan itu Saudara hapus?", "Pada 9 Oktober 2024, setelah ditegur."),
        ("Apakah ada yang ingin Saudara tambahkan?", "Saya menyesal dan tidak akan mengulanginya."),
    ),
    act_time="7 Oktober 2024",
    act_place="Akun Facebook pribadi terlapor (publik)",
    aggravating="Tiga unggahan; akun publik dengan sekitar 4.800 pengikut.",
    mitigating="Unggahan dihapus pada 9 Oktober 2024; pelanggaran pertama.",
    new_position="Guru Ahli Muda pada SMP Negeri 1 Lebong",
)


@dataclass(frozen=True)
class Scenario1Dates:
    """Scenario 1's own dates, from the summons to the end of the served sanction."""

    summons_sent: datetime.date = datetime.date(2024, 10, 16)
    examined: datetime.date = datetime.date(2024, 10, 28)
    reported: datetime.date = datetime.date(2024, 11, 4)  # the LHP, between the examination and the decision
    signed: datetime.date = datetime.date(2024, 11, 20)
    delivered: datetime.date = datetime.date(2024, 11, 25)
    effective: datetime.date = datetime.date(2024, 12, 17)
    served: datetime.date = datetime.date(2025, 12, 17)


SCENARIO_1_DATES = Scenario1Dates()
SCENARIO_1_DELIVERY_NOTE = "Diserahkan langsung kepada yang bersangkutan di kantor BKPSDM."
# The B1 demotion carried out on the day the decision takes effect.
SCENARIO_1_EXECUTION_ACTION = "position_changed"
SCENARIO_1_EXECUTION_DOCUMENT = "800.1.3.3/412/BKPSDM/2024"
SCENARIO_1_EXECUTION_NOTE = (
    "Diturunkan dari Kepala SMP Negeri 1 Lebong menjadi guru pada sekolah yang sama selama 12 bulan."
)

AWAITING_SIGNATURE = DemoExamination(
    report="c-teacher-shares",
    violation="N04",
    level="heavy",
    sanction="B2",
    questions=(
        ("Apakah akun Facebook guru.lebong.demo milik Saudara?", "Ya."),
        ("Apakah Saudara membagikan lima unggahan kampanye paslon nomor urut 2?", "Ya, dan saya berkomentar."),
        ("Apakah Saudara pernah dijatuhi hukuman disiplin?", "Belum pernah."),
    ),
    act_time="2 Oktober 2024",
    act_place="Akun Facebook pribadi terlapor",
    aggravating="Lima unggahan disertai ajakan memilih.",
    mitigating="Mengakui perbuatannya.",
    new_position="Pengadministrasi Sekolah pada SMP Negeri 4 Lebong",
)
# Counted back from the day seed_demo runs: examined 15 working days ago, the summons sent 8 working days before,
# the LHP written 3 working days after the examination.
AWAITING_SIGNATURE_EXAMINED_WORKING_DAYS_AGO = 15
AWAITING_SIGNATURE_SUMMONS_NOTICE_WORKING_DAYS = 8
AWAITING_SIGNATURE_REPORTED_WORKING_DAYS_AFTER = 3
# From when the Bupati signs the decrees forming examination teams (the agency's team-decree signatory).
TEAM_DECREE_SIGNATORY_FROM = datetime.date(2024, 1, 1)
