"""A small sanction catalogue for casework's tests: the provider the sanctions app registers, faked.

Casework may not import the sanctions app (the layers point down); its tests register this provider instead
(`fake_sanction_options`, a fixture of casework/tests/conftest.py). The guidance it gives is deliberately simple:
the heaviest level of the violations chosen decides the options (N04, N05: heavy; N08: moderate; others: light).
"""

from collections.abc import Sequence

from casework.models import Case
from casework.sanction_options import SanctionOption

OPTIONS = {
    "light": [
        SanctionOption("R1", "teguran lisan", "light"),
        SanctionOption("R2", "teguran tertulis", "light"),
        SanctionOption("R3", "pernyataan tidak puas secara tertulis", "light"),
    ],
    "moderate": [
        SanctionOption("S1", "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", "moderate"),
        SanctionOption("S2", "pemotongan tunjangan kinerja sebesar 25% selama 9 bulan", "moderate"),
        SanctionOption("S3", "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan", "moderate"),
    ],
    "heavy": [
        SanctionOption("B1", "penurunan jabatan setingkat lebih rendah selama 12 bulan", "heavy"),
        SanctionOption("B2", "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", "heavy"),
        SanctionOption("B3", "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", "heavy"),
    ],
}
LEVEL_OF = {"N04": "heavy", "N05": "heavy", "N08": "moderate"}
ORDER = ["light", "moderate", "heavy"]


def fake_options(case: Case, violation_codes: Sequence[str]) -> list[SanctionOption]:
    if not violation_codes:
        return []
    level = max((LEVEL_OF.get(code, "light") for code in violation_codes), key=ORDER.index)
    return list(OPTIONS[level])
