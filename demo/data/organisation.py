"""The demo regency's agency and its 23 units (OPD): codes are the stable keys, parents come before children."""

AGENCY = {
    "code": "lebong",
    "name": "Pemerintah Kabupaten Lebong",
    "region_name": "Kabupaten Lebong",
    "seat": "Tubei",
    "address": "Kompleks Perkantoran Pemerintah Kabupaten Lebong, Tubei, Lebong, Bengkulu",
}

# (code, name, parent code, kind)
UNITS: list[tuple[str, str, str | None, str]] = [
    ("setda", "Sekretariat Daerah", None, "setda"),
    ("inspektorat", "Inspektorat Daerah", None, "inspektorat"),
    ("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", None, "bkpsdm"),
    ("bappeda", "Badan Perencanaan Pembangunan Daerah", None, "badan"),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", None, "badan"),
    ("disdikbud", "Dinas Pendidikan dan Kebudayaan", None, "dinas"),
    ("dinkes", "Dinas Kesehatan", None, "dinas"),
    ("diskominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian", None, "diskominfo"),
    ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", None, "dinas"),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", None, "dinas"),
    ("dinsos", "Dinas Sosial", None, "dinas"),
    ("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", None, "dinas"),
    ("satpolpp", "Satuan Polisi Pamong Praja", None, "dinas"),
    ("kec-lebong-utara", "Kecamatan Lebong Utara", None, "kecamatan"),
    ("kec-lebong-selatan", "Kecamatan Lebong Selatan", None, "kecamatan"),
    ("kec-amen", "Kecamatan Amen", None, "kecamatan"),
    ("kec-lebong-sakti", "Kecamatan Lebong Sakti", None, "kecamatan"),
    ("kec-pelabai", "Kecamatan Pelabai", None, "kecamatan"),
    ("smpn-1", "SMP Negeri 1 Lebong", "disdikbud", "school"),
    ("smpn-4", "SMP Negeri 4 Lebong", "disdikbud", "school"),
    ("sdn-12", "SD Negeri 12 Lebong", "disdikbud", "school"),
    ("pkm-muara-aman", "Puskesmas Muara Aman", "dinkes", "puskesmas"),
    ("pkm-tubei", "Puskesmas Tubei", "dinkes", "puskesmas"),
]
