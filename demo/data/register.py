"""The demo regency's civil servants: invented people, real-looking positions, ranks and NIPs.

Generated from a fixed seed, so every run yields the same register (the NIPs are the stable keys). People are
fictitious; any likeness to a real person is a coincidence of common names.
"""

import random
from dataclasses import dataclass

from demo.data.names import FEMALE_FIRST, FEMALE_LAST, MALE_FIRST, MALE_LAST
from demo.data.organisation import UNITS

# Ranks by position kind (PNS); PPPK have a grade (golongan) instead.
RANKS = {
    "sekda": ["Pembina Utama Madya (IV/d)"],
    "jpt_pratama": ["Pembina Utama Muda (IV/c)", "Pembina Tingkat I (IV/b)"],
    "administrator": ["Pembina (IV/a)", "Pembina Tingkat I (IV/b)", "Penata Tingkat I (III/d)"],
    "supervisor": ["Penata Tingkat I (III/d)", "Penata (III/c)"],
    "executor": [
        "Pengatur (II/c)",
        "Pengatur Tingkat I (II/d)",
        "Penata Muda (III/a)",
        "Penata Muda Tingkat I (III/b)",
    ],
    "ahli_madya": ["Pembina (IV/a)", "Pembina Tingkat I (IV/b)", "Pembina Utama Muda (IV/c)"],
    "ahli_muda": ["Penata (III/c)", "Penata Tingkat I (III/d)"],
    "ahli_pertama": ["Penata Muda (III/a)", "Penata Muda Tingkat I (III/b)"],
    "mahir": ["Penata Muda (III/a)", "Penata Muda Tingkat I (III/b)"],
    "terampil": ["Pengatur (II/c)", "Pengatur Tingkat I (II/d)"],
}
PPPK_GRADES = {"ahli_pertama": "Golongan IX", "terampil": "Golongan VII", "": "Golongan V"}
# Birth years by rank band: older people hold the higher posts.
BIRTH_YEARS = {
    "sekda": (1966, 1970),
    "jpt_pratama": (1966, 1976),
    "administrator": (1970, 1983),
    "supervisor": (1975, 1987),
    "executor": (1980, 1998),
    "ahli_madya": (1967, 1978),
    "ahli_muda": (1975, 1988),
    "ahli_pertama": (1985, 1997),
    "mahir": (1982, 1992),
    "terampil": (1986, 1998),
}


@dataclass(frozen=True)
class Post:
    """A position to fill: `key` names it for the demo reports, `superior` is another post's key."""

    key: str
    title: str
    kind: str  # CivilServant.PositionKind value
    level: str = ""  # functional level
    superior: str = ""
    pppk: bool = False
    sex: str = ""  # "male" | "female" | "" (random)
    name: str = ""  # fixed name for people the demo stories are about
    nip: str = ""
    prefix: str = ""  # academic or professional title before the name (Drs., dr., Ir.)
    suffix: str = ""  # degrees after the name


def _dinas_posts(code: str, name: str, functional: list[tuple[str, str]], fields: list[str]) -> list[Post]:
    posts = [
        Post(f"head:{code}", f"Kepala {name}", "jpt_pratama", superior="sekda", suffix=", S.Sos., M.Si."),
        Post(f"secretary:{code}", f"Sekretaris {name}", "administrator", superior=f"head:{code}", suffix=", S.E."),
    ]
    for index, field in enumerate(fields, start=1):
        posts.append(
            Post(f"division:{code}:{index}", f"Kepala Bidang {field}", "administrator", superior=f"head:{code}")
        )
    posts.append(
        Post(
            f"subdivision:{code}",
            "Kepala Subbagian Umum dan Kepegawaian",
            "supervisor",
            superior=f"secretary:{code}",
            suffix=", S.AP.",
        )
    )
    for index, (title, level) in enumerate(functional, start=1):
        posts.append(
            Post(f"functional:{code}:{index}", title, "functional", level=level, superior=f"division:{code}:1")
        )
    for index, title in enumerate(["Pengadministrasi Perkantoran", "Pengelola Keuangan", "Pengolah Data"], start=1):
        posts.append(Post(f"staff:{code}:{index}", title, "executor", superior=f"subdivision:{code}"))
    return posts


def _kecamatan_posts(code: str, name: str) -> list[Post]:
    place = name.removeprefix("Kecamatan ")
    return [
        Post(f"camat:{code}", f"Camat {place}", "administrator", superior="sekda", suffix=", S.STP., M.Si."),
        Post(f"secretary:{code}", f"Sekretaris Kecamatan {place}", "administrator", superior=f"camat:{code}"),
        Post(f"section:{code}:1", "Kepala Seksi Pemerintahan", "supervisor", superior=f"camat:{code}"),
        Post(f"section:{code}:2", "Kepala Seksi Kesejahteraan Sosial", "supervisor", superior=f"camat:{code}"),
        Post(
            f"subdivision:{code}", "Kepala Subbagian Umum dan Kepegawaian", "supervisor", superior=f"secretary:{code}"
        ),
        Post(f"staff:{code}:1", "Pengadministrasi Umum", "executor", superior=f"subdivision:{code}"),
        Post(f"staff:{code}:2", "Pengolah Data Kependudukan", "executor", superior=f"section:{code}:1"),
        Post(f"staff:{code}:3", "Pengadministrasi Keuangan", "executor", superior=f"subdivision:{code}", pppk=True),
    ]


def _school_posts(code: str, name: str, principal: Post | None = None) -> list[Post]:
    head = principal or Post(
        f"principal:{code}",
        f"Guru Ahli Madya (Kepala {name})",
        "functional",
        level="ahli_madya",
        superior="head:disdikbud",
        suffix=", S.Pd., M.Pd.",
    )
    subjects = ["Bahasa Indonesia", "Matematika", "IPA", "IPS", "Pendidikan Pancasila", "Bahasa Inggris"]
    posts = [head]
    for index, subject in enumerate(subjects, start=1):
        level = ["ahli_muda", "ahli_pertama", "ahli_madya"][index % 3]
        pppk = index in (2, 5)
        posts.append(
            Post(
                f"teacher:{code}:{index}",
                f"Guru {'Ahli Pertama' if pppk else level.replace('_', ' ').title()} {subject}",
                "functional",
                level="ahli_pertama" if pppk else level,
                superior=head.key,
                pppk=pppk,
                suffix=", S.Pd.",
            )
        )
    posts.append(Post(f"staff:{code}:1", "Pengadministrasi Sekolah", "executor", superior=head.key))
    return posts


def _puskesmas_posts(code: str, name: str) -> list[Post]:
    head = f"head:{code}"
    return [
        Post(head, f"Dokter Ahli Madya (Kepala {name})", "functional", "ahli_madya", "head:dinkes", prefix="dr. "),
        Post(f"doctor:{code}", "Dokter Ahli Pertama", "functional", "ahli_pertama", head, prefix="dr. "),
        Post(f"nurse:{code}:1", "Perawat Mahir", "functional", "mahir", head, suffix=", A.Md.Kep."),
        Post(f"nurse:{code}:2", "Perawat Terampil", "functional", "terampil", head, pppk=True, suffix=", A.Md.Kep."),
        Post(f"midwife:{code}:1", "Bidan Terampil", "functional", "terampil", head, sex="female", suffix=", A.Md.Keb."),
        Post(
            f"midwife:{code}:2",
            "Bidan Ahli Pertama",
            "functional",
            "ahli_pertama",
            head,
            sex="female",
            suffix=", S.Tr.Keb.",
        ),
        Post(f"staff:{code}:1", "Pengadministrasi Umum", "executor", superior=head),
    ]


# The people the demo stories are about (docs/scenarios.md, scenario 1) have fixed names and NIPs.
RAHMAT_HIDAYAT = Post(
    "principal:smpn-1",
    "Guru Ahli Madya (Kepala SMP Negeri 1 Lebong)",
    "functional",
    level="ahli_madya",
    superior="head:disdikbud",
    sex="male",
    name="Drs. Rahmat Hidayat",
    nip="196905121994031004",
)

_SPECIAL: dict[str, list[Post]] = {
    "setda": [
        Post("sekda", "Sekretaris Daerah Kabupaten Lebong", "jpt_pratama", sex="male", prefix="Ir. ", suffix=", M.Si."),
        Post("assistant:1", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "jpt_pratama", superior="sekda"),
        Post("assistant:2", "Asisten Perekonomian dan Pembangunan", "jpt_pratama", superior="sekda"),
        Post("bureau:setda:1", "Kepala Bagian Pemerintahan", "administrator", superior="assistant:1"),
        Post("bureau:setda:2", "Kepala Bagian Hukum", "administrator", superior="assistant:1", suffix=", S.H., M.H."),
        Post(
            "bureau:setda:3", "Kepala Bagian Protokol dan Komunikasi Pimpinan", "administrator", superior="assistant:1"
        ),
        Post("subdivision:setda", "Kepala Subbagian Tata Usaha Pimpinan", "supervisor", superior="bureau:setda:3"),
        Post(
            "functional:setda:1", "Analis Hukum Ahli Muda", "functional", "ahli_muda", "bureau:setda:2", suffix=", S.H."
        ),
        Post("staff:setda:1", "Pengadministrasi Perkantoran", "executor", superior="subdivision:setda"),
        Post("staff:setda:2", "Pengemudi Pimpinan", "executor", superior="subdivision:setda", sex="male"),
    ],
    "inspektorat": [
        Post(
            "head:inspektorat",
            "Inspektur Daerah Kabupaten Lebong",
            "jpt_pratama",
            superior="sekda",
            suffix=", S.E., M.Ak.",
        ),
        Post("secretary:inspektorat", "Sekretaris Inspektorat", "administrator", superior="head:inspektorat"),
        Post("division:inspektorat:1", "Inspektur Pembantu Wilayah I", "administrator", superior="head:inspektorat"),
        Post("division:inspektorat:2", "Inspektur Pembantu Khusus", "administrator", superior="head:inspektorat"),
        Post(
            "auditor:1",
            "Auditor Ahli Madya",
            "functional",
            "ahli_madya",
            "division:inspektorat:1",
            suffix=", S.E., M.M.",
        ),
        Post("auditor:2", "Auditor Ahli Muda", "functional", "ahli_muda", "division:inspektorat:1", suffix=", S.E."),
        Post("auditor:3", "Auditor Ahli Muda", "functional", "ahli_muda", "division:inspektorat:2", suffix=", S.Ak."),
        Post(
            "auditor:4",
            "Auditor Ahli Pertama",
            "functional",
            "ahli_pertama",
            "division:inspektorat:2",
            suffix=", S.Ak.",
        ),
        Post(
            "functional:inspektorat:1",
            "Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Muda",
            "functional",
            "ahli_muda",
            "division:inspektorat:2",
        ),
        Post(
            "staff:inspektorat:1",
            "Pengadministrasi Perkantoran",
            "executor",
            superior="secretary:inspektorat",
        ),
    ],
    "bkpsdm": [
        Post(
            "head:bkpsdm",
            "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            "jpt_pratama",
            superior="sekda",
            suffix=", S.Sos., M.AP.",
        ),
        Post("secretary:bkpsdm", "Sekretaris BKPSDM", "administrator", superior="head:bkpsdm"),
        Post(
            "division:bkpsdm:1",
            "Kepala Bidang Mutasi, Promosi dan Penilaian Kinerja",
            "administrator",
            superior="head:bkpsdm",
        ),
        Post(
            "division:bkpsdm:2",
            "Kepala Bidang Pengembangan Kompetensi Aparatur",
            "administrator",
            superior="head:bkpsdm",
        ),
        Post(
            "analyst:bkpsdm:1",
            "Analis Sumber Daya Manusia Aparatur Ahli Muda",
            "functional",
            "ahli_muda",
            "division:bkpsdm:1",
            sex="female",
            suffix=", S.Psi.",
        ),
        Post(
            "analyst:bkpsdm:2",
            "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
            "functional",
            "ahli_pertama",
            "division:bkpsdm:1",
            suffix=", S.H.",
        ),
        Post(
            "analyst:bkpsdm:3",
            "Pranata Sumber Daya Manusia Aparatur Terampil",
            "functional",
            "terampil",
            "division:bkpsdm:1",
        ),
        Post("subdivision:bkpsdm", "Kepala Subbagian Umum dan Kepegawaian", "supervisor", superior="secretary:bkpsdm"),
        Post("staff:bkpsdm:1", "Pengolah Data Kepegawaian", "executor", superior="subdivision:bkpsdm"),
    ],
    "diskominfo": [
        Post(
            "head:diskominfo",
            "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian",
            "jpt_pratama",
            superior="sekda",
            suffix=", S.Kom., M.M.",
        ),
        Post("secretary:diskominfo", "Sekretaris Diskominfo", "administrator", superior="head:diskominfo"),
        Post(
            "division:diskominfo:1",
            "Kepala Bidang Informasi dan Komunikasi Publik",
            "administrator",
            superior="head:diskominfo",
        ),
        Post(
            "monitor:diskominfo:1",
            "Pranata Humas Ahli Muda",
            "functional",
            "ahli_muda",
            "division:diskominfo:1",
            sex="male",
            suffix=", S.I.Kom.",
        ),
        Post(
            "monitor:diskominfo:2",
            "Pranata Komputer Ahli Pertama",
            "functional",
            "ahli_pertama",
            "division:diskominfo:1",
            suffix=", S.Kom.",
        ),
        Post(
            "monitor:diskominfo:3",
            "Pranata Humas Terampil",
            "functional",
            "terampil",
            "division:diskominfo:1",
            pppk=True,
        ),
        Post(
            "subdivision:diskominfo",
            "Kepala Subbagian Umum dan Kepegawaian",
            "supervisor",
            superior="secretary:diskominfo",
        ),
        Post("staff:diskominfo:1", "Pengelola Layanan Informasi", "executor", superior="subdivision:diskominfo"),
    ],
}

_DINAS_FUNCTIONAL: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "bappeda": (
        [("Perencana Ahli Muda", "ahli_muda"), ("Perencana Ahli Pertama", "ahli_pertama")],
        ["Perencanaan Ekonomi", "Perencanaan Infrastruktur"],
    ),
    "bpkad": ([("Analis Keuangan Pusat dan Daerah Ahli Muda", "ahli_muda")], ["Anggaran", "Perbendaharaan", "Aset"]),
    "disdikbud": (
        [("Pengawas Sekolah Ahli Madya", "ahli_madya"), ("Penilik Ahli Muda", "ahli_muda")],
        ["Pembinaan SMP", "Pembinaan SD", "Kebudayaan"],
    ),
    "dinkes": (
        [("Epidemiolog Kesehatan Ahli Muda", "ahli_muda"), ("Administrator Kesehatan Ahli Pertama", "ahli_pertama")],
        ["Pelayanan Kesehatan", "Pencegahan Penyakit"],
    ),
    "dpupr": (
        [("Teknik Jalan dan Jembatan Ahli Muda", "ahli_muda"), ("Penata Ruang Ahli Pertama", "ahli_pertama")],
        ["Bina Marga", "Sumber Daya Air", "Penataan Ruang"],
    ),
    "disdukcapil": (
        [("Administrator Database Kependudukan Ahli Pertama", "ahli_pertama")],
        ["Pelayanan Pendaftaran Penduduk", "Pencatatan Sipil"],
    ),
    "dinsos": (
        [("Pekerja Sosial Ahli Muda", "ahli_muda"), ("Penyuluh Sosial Ahli Pertama", "ahli_pertama")],
        ["Rehabilitasi Sosial", "Perlindungan dan Jaminan Sosial"],
    ),
    "dpmd": (
        [("Penggerak Swadaya Masyarakat Ahli Muda", "ahli_muda")],
        ["Pemerintahan Desa", "Pemberdayaan Masyarakat"],
    ),
    "satpolpp": (
        [("Polisi Pamong Praja Ahli Muda", "ahli_muda"), ("Polisi Pamong Praja Terampil", "terampil")],
        ["Penegakan Peraturan Daerah", "Ketertiban Umum"],
    ),
}

_DINAS_FIXED = {
    # The principal's direct superior in story 1.
    "head:disdikbud": {"name": "Drs. Hendra Saputra, M.Pd.", "nip": "197204151998031002", "sex": "male"},
    # A demo report says she attended her husband's campaign (N07).
    "functional:bappeda:1": {"sex": "female"},
}


def posts() -> list[tuple[Post, str]]:
    """Every position of the demo regency with its unit code, superiors before subordinates."""
    result: list[tuple[Post, str]] = []
    for code, name, _parent, kind in UNITS:
        if code in _SPECIAL:
            unit_posts = _SPECIAL[code]
        elif kind in ("dinas", "badan"):
            functional, fields = _DINAS_FUNCTIONAL[code]
            unit_posts = _dinas_posts(code, name, functional, fields)
        elif kind == "kecamatan":
            unit_posts = _kecamatan_posts(code, name)
        elif kind == "school":
            unit_posts = _school_posts(code, name, RAHMAT_HIDAYAT if code == "smpn-1" else None)
        else:
            unit_posts = _puskesmas_posts(code, name)
        result.extend((post, code) for post in unit_posts)
    return result


@dataclass(frozen=True)
class Person:
    post: Post
    unit_code: str
    nip: str
    name: str
    rank: str


def people() -> list[Person]:
    """The register: one person per post, reproducible from the seed."""
    rng = random.Random(20241127)  # noqa: S311 -- reproducible invented data, not a secret
    used_names: set[str] = {"Rahmat Hidayat", "Hendra Saputra"}
    used_nips: set[str] = set()
    result = []
    for post, unit_code in posts():
        fixed = _DINAS_FIXED.get(post.key, {})
        sex = fixed.get("sex") or post.sex or rng.choice(["male", "female"])
        band = "sekda" if post.key == "sekda" else post.level or post.kind
        nip = post.nip or fixed.get("nip") or _nip(rng, band, sex, post.pppk, used_nips)
        used_nips.add(nip)
        name = post.name or fixed.get("name") or _name(rng, sex, post, used_names)
        rank = PPPK_GRADES.get(post.level, PPPK_GRADES[""]) if post.pppk else rng.choice(RANKS[band])
        result.append(Person(post=post, unit_code=unit_code, nip=nip, name=name, rank=rank))
    return result


def _name(rng: random.Random, sex: str, post: Post, used: set[str]) -> str:
    first, last = (MALE_FIRST, MALE_LAST) if sex == "male" else (FEMALE_FIRST, FEMALE_LAST)
    while True:
        bare = f"{rng.choice(first)} {rng.choice(last)}"
        if bare not in used:
            used.add(bare)
            return f"{post.prefix}{bare}{post.suffix}"


def _nip(rng: random.Random, band: str, sex: str, pppk: bool, used: set[str]) -> str:
    low, high = BIRTH_YEARS[band]
    while True:
        born_year = rng.randint(low, high)
        born = f"{born_year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        if pppk:
            appointed = f"{rng.choice([2021, 2022, 2023, 2024])}{rng.choice([1, 4, 10]):02d}"
        else:
            year = min(born_year + rng.randint(23, 29), 2023)
            appointed = f"{year}{rng.choice([1, 3, 4, 12]):02d}"
        nip = f"{born}{appointed}{'1' if sex == 'male' else '2'}{rng.randint(1, 12):03d}"
        if nip not in used:
            return nip
