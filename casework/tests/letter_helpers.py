"""Content snapshots for letter tests, from scenario 1 of docs/scenarios.md (Lebong, Pilkada 2024, N04)."""

import copy
import io
from typing import Any

from pypdf import PdfReader

ACCUSED = {
    "name": "Drs. Rahmat Hidayat",
    "nip": "197805122003121003",
    "position": "Kepala SMP Negeri 1 Lebong",
    "rank": "Pembina (IV/a)",
    "unit": "SMP Negeri 1 Lebong",
}
N04 = {
    "code": "N04",
    "name": "Membuat posting, comment, share, like, bergabung/follow grup atau akun pemenangan (bakal) calon",
    "regulation": "SKB 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN",
    "article": "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n",
}
CHAIR = {
    "name": "Drs. Syamsul Bahri, M.Pd.",
    "nip": "196903111994031005",
    "position": "Kepala Dinas Pendidikan dan Kebudayaan",
    "role": "team_chair",
}
TEAM_DECREE = {"number": "800/0001/KEP/BKPSDM/2024", "date": "2024-10-14", "issuer": "Bupati Lebong", "external": False}
MEMBERS = [
    {"role": "direct_superior", "name": "Drs. Syamsul Bahri, M.Pd.", "nip": "196903111994031005",
     "position": "Kepala Dinas Pendidikan dan Kebudayaan", "chair": True},
    {"role": "inspectorate", "name": "Rina Marlina, S.E., M.Ak.", "nip": "198104242006042011",
     "position": "Auditor Ahli Muda, Inspektorat"},
    {"role": "bkpsdm", "name": "Hendra Saputra, S.H.", "nip": "198203152006041002",
     "position": "Analis Kepegawaian Ahli Muda, BKPSDM"},
]  # fmt: skip

# N04 as casework.letter_snapshots.norms cites it (the catalogue names no angka for it).
N04_NORMS = [
    {
        "wording": "larangan",
        "citation": "Pasal 5 huruf n Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
        "names": [N04["name"]],
    }
]
_COMMON: dict[str, Any] = {
    "case_number": "0001/KASUS/LEBONG/2024",
    "accused": ACCUSED,
    "legal_basis": [N04],
    "norms": N04_NORMS,
    "probable_level": "heavy",
}

CONTEXTS: dict[str, dict[str, Any]] = {
    "summons_1": {
        "summons_number": 1,
        "scheduled_at": "2024-10-28T09:00:00+07:00",
        "place": "Ruang Rapat BKPSDM Kabupaten Lebong",
        "virtual_link": "",
        "sent_on": "2024-10-16",
        "letter_date": "2024-10-16",
        "team_decision": TEAM_DECREE,
        "notice_respected": True,
        "signatory": CHAIR,
    },
    "summons_2": {
        "summons_number": 2,
        "scheduled_at": "2024-11-06T09:00:00+07:00",
        "missed_on": "2024-10-28",
        "place": "Ruang Rapat BKPSDM Kabupaten Lebong",
        "virtual_link": "",
        "sent_on": "2024-10-29",
        "letter_date": "2024-10-29",
        "team_decision": TEAM_DECREE,
        "notice_respected": True,
        "signatory": CHAIR,
    },
    "examination_team_decision": {
        "decision_date": "2024-10-14",
        "letter_date": "2024-10-14",
        "members": MEMBERS,
        "signatory": {"name": "Kopli Ansori", "nip": "", "position": "Bupati Lebong", "role": "ppk"},
    },
    "examination_record": {
        "held_at": "2024-10-28T09:00:00+07:00",
        "finished_at": "2024-10-28T11:30:00+07:00",
        "place": "Ruang Rapat BKPSDM Kabupaten Lebong",
        "team_decision": TEAM_DECREE,
        "examiners": MEMBERS,
        "questions_answers": [
            {"question": f"Pertanyaan nomor {n}?", "answer": f"Jawaban nomor {n}."} for n in range(1, 10)
        ],
        "examinee_signed": True,
        "letter_date": "2024-10-28",
        "signatory": CHAIR,
    },
    "non_appearance_record": {
        "summonses": [
            {"number": 1, "scheduled_at": "2024-10-28T09:00:00+07:00", "sent_on": "2024-10-16"},
            {"number": 2, "scheduled_at": "2024-11-06T09:00:00+07:00", "sent_on": "2024-10-29"},
        ],
        "note": "Tidak ada pemberitahuan dari yang bersangkutan.",
        "letter_date": "2024-11-06",
        "team_decision": TEAM_DECREE,
        "signatory": CHAIR,
    },
    "examination_report": {
        "held_at": "2024-10-28T09:00:00+07:00",
        "team_decision": TEAM_DECREE,
        "addressee": "Bupati Lebong",
        "act_time": "7 Oktober 2024, masa kampanye Pilkada 2024",
        "act_place": "Akun Facebook pribadi yang bersangkutan",
        "aggravating": "Tiga unggahan dibagikan; akun publik dengan banyak pengikut.",
        "mitigating": "Unggahan dihapus pada 9 Oktober 2024; pelanggaran pertama.",
        "impact": "Mengganggu netralitas ASN di lingkungan sekolah.",
        "proven": True,
        "recommended_sanction": {"code": "B1", "label": "penurunan jabatan setingkat lebih rendah selama 12 bulan",
                                 "level_label": "berat"},
        "sanctioning_official": "Bupati Lebong selaku Pejabat Pembina Kepegawaian",
        "letter_date": "2024-11-04",
        "signatory": CHAIR,
    },
}  # fmt: skip


def scenario_context(kind: str) -> dict[str, Any]:
    return copy.deepcopy({**_COMMON, **CONTEXTS[kind]})


def pdf_text(content: bytes) -> str:
    """The PDF's text with whitespace collapsed (justified lines and line breaks become single spaces)."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())
