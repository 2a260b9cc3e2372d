import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from accounts.models import CivilServant, Unit
from accounts.tests.factories import AgencyFactory, CivilServantFactory, UnitFactory

pytestmark = pytest.mark.django_db

HEADER = "nip,name,employee_type,position_title,position_kind,functional_level,rank,unit_code,unit_name,superior_nip"
HEAD = (
    "197204151998031002,Drs. Hendra Saputra,PNS,Kepala Dinas Pendidikan,jpt_pratama,,Pembina Tk. I (IV/b),"
    "disdik,Dinas Pendidikan,"
)
PRINCIPAL = (
    "196905121994031004,Drs. Rahmat Hidayat,PNS,Kepala SMP Negeri 1 Lebong,functional,ahli_madya,Pembina (IV/a),"
    "smpn1,SMP Negeri 1 Lebong,197204151998031002"
)
TEACHER = (
    "199203082019032011,Yuliana Sari S.Pd.,PPPK,Guru Ahli Pertama,functional,ahli_pertama,Golongan IX,"
    "smpn1,SMP Negeri 1 Lebong,196905121994031004"
)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def agency():
    return AgencyFactory()


def write_csv(tmp_path: Path, *lines: str, name: str = "register.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def run_import(path: Path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_civil_servants", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing_import(path: Path, *args: str) -> tuple[str, str, CommandError]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_civil_servants", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), raised.value


def test_import_creates_civil_servants_units_and_superiors(tmp_path, agency):
    path = write_csv(tmp_path, HEADER, HEAD, PRINCIPAL, TEACHER)

    out, err = run_import(path)

    assert out.splitlines() == ["created 3, updated 0, failed 0"]
    assert err == ""
    principal = CivilServant.objects.select_related("unit", "direct_superior").get(nip="196905121994031004")
    assert principal.name == "Drs. Rahmat Hidayat"
    assert principal.employee_type == "pns"
    assert principal.position_title == "Kepala SMP Negeri 1 Lebong"
    assert principal.position_kind == "functional"
    assert principal.functional_level == "ahli_madya"
    assert principal.rank == "Pembina (IV/a)"
    assert (principal.unit.agency, principal.unit.code, principal.unit.name) == (agency, "smpn1", "SMP Negeri 1 Lebong")
    assert principal.direct_superior.nip == "197204151998031002"
    teacher = CivilServant.objects.get(nip="199203082019032011")
    assert teacher.employee_type == "pppk"
    assert teacher.direct_superior == principal
    assert sorted(Unit.objects.values_list("code", flat=True)) == ["disdik", "smpn1"]


def test_superior_may_be_on_a_later_row(tmp_path, agency):
    path = write_csv(tmp_path, HEADER, TEACHER, PRINCIPAL, HEAD)

    out, _err = run_import(path)

    assert out.splitlines() == ["created 3, updated 0, failed 0"]
    teacher = CivilServant.objects.get(nip="199203082019032011")
    assert teacher.direct_superior.nip == "196905121994031004"
    assert teacher.direct_superior.direct_superior.nip == "197204151998031002"


def test_semicolon_file_with_bom_upper_case_headers_and_indonesian_labels(tmp_path, agency):
    path = write_csv(
        tmp_path,
        "NIP;Name;Employee_Type;Position_Title;Position_Kind;Functional_Level;Rank;Unit_Code;Unit_Name;Superior_NIP",
        "197204151998031002;Drs. Hendra Saputra;pns;Kepala Dinas;JPT Pratama;;Pembina Tk. I (IV/b);disdik;Dinas;",
        "198001012005031001;Andi Wijaya;PNS;Camat Amen;Administrator;;Pembina (IV/a);kec-amen;Kecamatan Amen;",
        "198502142010012003;Rina Marlina;PNS;Kepala Seksi;Pengawas;;Penata (III/c);kec-amen;;198001012005031001",
        "199001012015031002;Budi Santoso;PNS;Pengadministrasi;Pelaksana;;Pengatur (II/c);kec-amen;;198502142010012003",
        "198803032012122001;Dewi Lestari, S.Pd.;PNS;Guru;Fungsional;Ahli Muda;Penata Tk. I (III/d);disdik;;",
        encoding="utf-8-sig",
    )

    out, _err = run_import(path)

    assert out.splitlines() == ["created 5, updated 0, failed 0"]
    kinds = dict(CivilServant.objects.values_list("nip", "position_kind"))
    assert kinds == {
        "197204151998031002": "jpt_pratama",
        "198001012005031001": "administrator",
        "198502142010012003": "supervisor",
        "199001012015031002": "executor",
        "198803032012122001": "functional",
    }
    assert CivilServant.objects.get(nip="198803032012122001").functional_level == "ahli_muda"
    assert CivilServant.objects.get(nip="199001012015031002").direct_superior.name == "Rina Marlina"


def test_reimporting_the_same_file_changes_nothing(tmp_path, agency):
    path = write_csv(tmp_path, HEADER, HEAD, PRINCIPAL, TEACHER)
    run_import(path)
    before = list(CivilServant.objects.order_by("nip").values())

    out, err = run_import(path)

    assert out.splitlines() == ["created 0, updated 0, failed 0; 3 unchanged"]
    assert err == ""
    assert list(CivilServant.objects.order_by("nip").values()) == before
    assert Unit.objects.count() == 2


def test_reimport_updates_an_existing_nip_in_place(tmp_path, agency):
    run_import(write_csv(tmp_path, HEADER, HEAD, PRINCIPAL))
    principal_id = CivilServant.objects.get(nip="196905121994031004").pk
    changed = PRINCIPAL.replace("Pembina (IV/a)", "Pembina Tk. I (IV/b)")

    out, _err = run_import(write_csv(tmp_path, HEADER, HEAD, changed, name="second.csv"))

    assert out.splitlines() == ["created 0, updated 1, failed 0; 1 unchanged"]
    principal = CivilServant.objects.get(nip="196905121994031004")
    assert (principal.pk, principal.rank) == (principal_id, "Pembina Tk. I (IV/b)")
    assert CivilServant.objects.count() == 2


def test_a_file_without_superior_column_keeps_known_superiors(tmp_path, agency):
    run_import(write_csv(tmp_path, HEADER, HEAD, PRINCIPAL))
    header = HEADER.removesuffix(",superior_nip")
    row = PRINCIPAL.removesuffix(",197204151998031002")

    out, _err = run_import(write_csv(tmp_path, header, row, name="no-superiors.csv"))

    assert out.splitlines() == ["created 0, updated 0, failed 0; 1 unchanged"]
    assert CivilServant.objects.get(nip="196905121994031004").direct_superior.nip == "197204151998031002"


def test_bad_rows_are_reported_by_line_and_good_rows_imported(tmp_path, agency):
    path = write_csv(
        tmp_path,
        HEADER,
        HEAD,
        "19690512199403100,Short Nip,PNS,Guru,functional,,,smpn1,SMP Negeri 1 Lebong,",
        "196905121994031004,Honorer,Honorer,Guru,functional,,,smpn1,SMP Negeri 1 Lebong,",
        "199203082019032011,,PNS,Guru,functional,,,smpn1,SMP Negeri 1 Lebong,",
        "198001322005031001,Bad Birth,PNS,Guru,functional,,,smpn1,SMP Negeri 1 Lebong,",
        "198001012005031001,Bad Kind,PNS,Guru,honorary,,,smpn1,SMP Negeri 1 Lebong,",
    )

    out, err, error = run_failing_import(path)

    assert err.splitlines() == [
        "line 3: invalid NIP “19690512199403100”: A NIP has exactly 18 digits.",
        "line 4: unknown employee type “Honorer” (expected PNS or PPPK)",
        "line 5: the column “name” is empty",
        "line 6: invalid NIP “198001322005031001”: The first 8 digits of a NIP must be a real birth date (YYYYMMDD).",
        "line 7: unknown position kind “honorary” (expected JPT Pratama, Administrator, Pengawas, Pelaksana or "
        "Fungsional)",
    ]
    assert out.splitlines() == ["created 1, updated 0, failed 5"]
    assert str(error) == "5 row(s) could not be imported; see the lines above."
    assert error.returncode == 1
    assert list(CivilServant.objects.values_list("nip", flat=True)) == ["197204151998031002"]
    assert list(Unit.objects.values_list("code", flat=True)) == ["disdik"]


def test_unknown_superior_fails_the_row_and_imports_nothing_of_it(tmp_path, agency):
    row = TEACHER.replace("196905121994031004", "196001011985031001")

    _out, err, _error = run_failing_import(write_csv(tmp_path, HEADER, row))

    assert err.splitlines() == [
        "line 2: the superior's NIP 196001011985031001 is neither in the register nor in the file"
    ]
    assert CivilServant.objects.count() == 0
    assert Unit.objects.count() == 0  # the row's new unit was rolled back with it


def test_superior_already_in_the_register_is_resolved(tmp_path, agency):
    CivilServantFactory(nip="196905121994031004", unit=UnitFactory(agency=agency))

    out, _err = run_import(write_csv(tmp_path, HEADER, TEACHER))

    assert out.splitlines() == ["created 1, updated 0, failed 0"]
    assert CivilServant.objects.get(nip="199203082019032011").direct_superior.nip == "196905121994031004"


def test_subordinate_of_a_failed_row_fails_too(tmp_path, agency):
    bad_principal = PRINCIPAL.replace(",PNS,", ",Kontrak,")

    out, err, _error = run_failing_import(write_csv(tmp_path, HEADER, HEAD, bad_principal, TEACHER))

    assert err.splitlines() == [
        "line 3: unknown employee type “Kontrak” (expected PNS or PPPK)",
        "line 4: the superior 196905121994031004 (line 3) was not imported",
    ]
    assert out.splitlines() == ["created 1, updated 0, failed 2"]
    assert list(CivilServant.objects.values_list("nip", flat=True)) == ["197204151998031002"]


def test_superiors_forming_a_cycle_fail(tmp_path, agency):
    head = HEAD.removesuffix(",") + ",196905121994031004"

    _out, err, _error = run_failing_import(write_csv(tmp_path, HEADER, head, PRINCIPAL))

    assert err.splitlines() == [
        "line 2: the superiors form a cycle (lines 2, 3)",
        "line 3: the superiors form a cycle (lines 2, 3)",
    ]
    assert CivilServant.objects.count() == 0


def test_own_nip_as_superior_fails(tmp_path, agency):
    _out, err, _error = run_failing_import(write_csv(tmp_path, HEADER, HEAD.removesuffix(",") + ",197204151998031002"))

    assert err.splitlines() == ["line 2: a civil servant cannot be their own superior"]
    assert CivilServant.objects.count() == 0


def test_duplicate_nip_in_the_file_fails_the_second_row(tmp_path, agency):
    again = HEAD.replace("Drs. Hendra Saputra", "Hendra S.")

    out, err, _error = run_failing_import(write_csv(tmp_path, HEADER, HEAD, again))

    assert err.splitlines() == ["line 3: the NIP 197204151998031002 is already on line 2"]
    assert out.splitlines() == ["created 1, updated 0, failed 1"]
    assert CivilServant.objects.get().name == "Drs. Hendra Saputra"


def test_unknown_unit_without_a_name_fails(tmp_path, agency):
    row = HEAD.replace("Dinas Pendidikan,", ",")

    _out, err, _error = run_failing_import(write_csv(tmp_path, HEADER, row))

    assert err.splitlines() == ["line 2: unknown unit “disdik”: give its unit_name to create it"]
    assert (CivilServant.objects.count(), Unit.objects.count()) == (0, 0)


def test_existing_unit_is_found_by_code_without_a_name(tmp_path, agency):
    unit = UnitFactory(agency=agency, code="disdik", name="Dinas Pendidikan dan Kebudayaan")

    run_import(write_csv(tmp_path, HEADER, HEAD.replace("Dinas Pendidikan,", ",")))

    assert CivilServant.objects.get().unit == unit
    assert Unit.objects.get().name == "Dinas Pendidikan dan Kebudayaan"


def test_functional_level_for_a_structural_position_fails(tmp_path, agency):
    row = HEAD.replace("jpt_pratama,,", "jpt_pratama,ahli_madya,")

    _out, err, _error = run_failing_import(write_csv(tmp_path, HEADER, row))

    assert err.splitlines() == ["line 2: a functional level is only given for a functional position"]
    assert CivilServant.objects.count() == 0


def test_line_numbers_count_blank_lines_and_multiline_fields(tmp_path, agency):
    multiline = PRINCIPAL.replace(
        "Kepala SMP Negeri 1 Lebong,functional", '"Kepala SMP Negeri 1 Lebong\n(Guru)",functional'
    )
    bad = "1234,Salah,PNS,Guru,functional,,,smpn1,SMP Negeri 1 Lebong,"

    _out, err, _error = run_failing_import(write_csv(tmp_path, HEADER, HEAD, "", multiline, bad))

    assert err.splitlines() == ["line 6: invalid NIP “1234”: A NIP has exactly 18 digits."]
    assert CivilServant.objects.get(nip="196905121994031004").position_title == "Kepala SMP Negeri 1 Lebong\n(Guru)"


def test_dry_run_checks_everything_and_saves_nothing(tmp_path, agency):
    path = write_csv(tmp_path, HEADER, HEAD, PRINCIPAL, TEACHER)

    out, _err = run_import(path, "--dry-run")

    assert out.splitlines() == ["Dry run: nothing was saved.", "created 3, updated 0, failed 0"]
    assert (CivilServant.objects.count(), Unit.objects.count()) == (0, 0)


def test_agency_option_puts_new_units_in_that_agency(tmp_path, agency):
    other = AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False)

    run_import(write_csv(tmp_path, HEADER, HEAD), "--agency", "rejang-lebong")

    assert CivilServant.objects.get().unit.agency == other


def test_unknown_agency_code_is_refused(tmp_path, agency):
    with pytest.raises(CommandError, match=re.escape("No agency has the code “nowhere”.")):
        run_import(write_csv(tmp_path, HEADER, HEAD), "--agency", "nowhere")
    assert CivilServant.objects.count() == 0


def test_missing_file_is_a_clear_command_error(tmp_path, agency):
    missing = tmp_path / "nope.csv"

    with pytest.raises(CommandError, match=r"File not found: .*nope\.csv"):
        run_import(missing)


def test_binary_file_is_refused(tmp_path, agency):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    with pytest.raises(CommandError, match="is not a CSV file"):
        run_import(path)
    assert CivilServant.objects.count() == 0


def test_text_that_is_not_csv_is_refused(tmp_path, agency):
    path = write_csv(tmp_path, "Daftar pegawai Kabupaten Lebong", "Halaman 1")

    with pytest.raises(CommandError, match="This is not a CSV file with comma- or semicolon-separated columns"):
        run_import(path)


def test_file_in_another_encoding_is_refused(tmp_path, agency):
    path = write_csv(tmp_path, HEADER, HEAD.replace("Hendra", "Héndra"), encoding="latin-1")

    with pytest.raises(CommandError, match="is not UTF-8 text"):
        run_import(path)
    assert CivilServant.objects.count() == 0


def test_missing_required_columns_are_named(tmp_path, agency):
    path = write_csv(tmp_path, "nip,name,rank", "197204151998031002,Hendra,Pembina (IV/a)")

    with pytest.raises(
        CommandError,
        match=re.escape("Required columns are missing: employee_type, position_title, position_kind, unit_code."),
    ):
        run_import(path)


def test_empty_file_is_refused(tmp_path, agency):
    path = tmp_path / "empty.csv"
    path.write_text("")

    with pytest.raises(CommandError, match="The file is empty"):
        run_import(path)


def test_no_default_agency_is_refused(tmp_path):
    with pytest.raises(CommandError, match="There is no default agency"):
        run_import(write_csv(tmp_path, HEADER, HEAD))


def test_superior_that_is_already_below_in_the_register_fails(tmp_path, agency):
    run_import(write_csv(tmp_path, HEADER, HEAD, PRINCIPAL))
    head_under_principal = HEAD.removesuffix(",") + ",196905121994031004"

    _out, err, _error = run_failing_import(write_csv(tmp_path, HEADER, head_under_principal, name="cycle.csv"))

    assert err.splitlines() == ["line 2: the superior 196905121994031004 is already below this civil servant"]
    assert CivilServant.objects.get(nip="197204151998031002").direct_superior is None


def test_moving_a_civil_servant_to_another_superior_and_unit(tmp_path, agency):
    run_import(write_csv(tmp_path, HEADER, HEAD, PRINCIPAL, TEACHER))
    moved = TEACHER.replace("smpn1,SMP Negeri 1 Lebong,196905121994031004", "disdik,,197204151998031002")

    out, _err = run_import(write_csv(tmp_path, HEADER, moved, name="moved.csv"))

    assert out.splitlines() == ["created 0, updated 1, failed 0"]
    teacher = CivilServant.objects.get(nip="199203082019032011")
    assert (teacher.unit.code, teacher.direct_superior.nip) == ("disdik", "197204151998031002")


def test_the_documented_example_imports(tmp_path, agency):
    doc = (Path(__file__).resolve().parents[2] / "docs" / "csv-import.md").read_text()
    example = doc.split("### Example", 1)[1].split("```csv\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.csv"
    path.write_text(example)

    out, err = run_import(path)

    assert (out.splitlines(), err) == (["created 5, updated 0, failed 0"], "")
    assert CivilServant.objects.get(nip="198908102018041010").direct_superior.name == "Desi Puspita, S.STP., M.Si."
