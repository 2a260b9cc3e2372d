"""Exports: streamed at once when small, a Celery job when large (progress, download, expiry, audit), scoped,
never an identity."""

import csv
import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from core import clock
from core.errors import PermissionDenied
from core.models import AuditEvent, Notification
from figures.exports.requesting import export_request
from figures.exports.running import export_run, exports_expire
from figures.filters import Filters
from figures.models import ExportJob
from figures.tests.test_views import _identity_in

CREATE = reverse("figures:export-create")


def _events(action):
    return list(AuditEvent.objects.filter(action=action).values_list("target_id", "actor_id"))


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def _xlsx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return " ".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml"))


def test_a_small_case_export_streams_at_once_scoped_and_without_identity(world, client_for):
    response = client_for(world.officer).post(
        CREATE, {"kind": "cases", "format": "csv", "query": f"unit={world.units['education'].pk}"}
    )
    rows = _csv(response)
    job = ExportJob.objects.get()

    assert response["Content-Disposition"].startswith('attachment; filename="netra-cases-')
    assert sorted(row[0] for row in rows[1:]) == sorted(world.cases[key].number for key in ("c1", "c2", "c7", "c6"))
    assert _identity_in(str(rows)) == []
    assert (job.status, job.rows_total, job.filters) == ("streamed", 4, {"unit": str(world.units["education"].pk)})
    assert _events("figures_export_requested") == [(job.pk, world.officer.pk)]
    assert _events("figures_export_downloaded") == [(job.pk, world.officer.pk)]


def test_the_case_export_carries_the_figures_of_each_case(world, client_for):
    rows = _csv(client_for(world.officer).post(CREATE, {"kind": "cases", "format": "csv", "query": "step=served"}))

    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row[rows[0][0]] == world.cases["c1"].number
    assert row[rows[0][1]] == "2024-10-09"
    assert rows[1][9] == "N02 N04"
    assert rows[1][14] == "S1"
    assert rows[1][17:19] == ["19", "2"]


def test_decisions_and_the_register_export_as_xlsx(world, client_for):
    decisions = client_for(world.officer).post(CREATE, {"kind": "decisions", "format": "xlsx", "query": ""})
    register = client_for(world.leader).post(CREATE, {"kind": "follow_through", "format": "xlsx", "query": ""})

    assert decisions["Content-Type"].startswith("application/vnd.openxmlformats")
    assert world.cases["c2"].number in _xlsx_text(decisions.content)
    assert "0001/KASUS/REJANG/2024" not in _xlsx_text(decisions.content)
    assert _identity_in(_xlsx_text(decisions.content)) == []
    assert _identity_in(_xlsx_text(register.content)) == []
    assert world.cases["c3"].number in _xlsx_text(register.content)


def test_the_register_export_gives_the_day_taken_up_and_the_day_decided(world, client_for):
    from sanctions.follow_through import follow_through_rows

    rows = _csv(client_for(world.leader).post(CREATE, {"kind": "follow_through", "format": "csv", "query": ""}))
    expected = {
        row.reference_number: [
            row.taken_up_on.isoformat() if row.taken_up_on else "",
            row.decided_on.isoformat() if row.decided_on else "",
        ]
        for row in follow_through_rows(user=world.leader)
    }

    assert rows[0][8:10] == ["Ditindaklanjuti pada", "Tanggal putusan"]
    assert {row[1]: row[8:10] for row in rows[1:]} == expected
    assert any(dates[0] for dates in expected.values()) and any(dates[1] for dates in expected.values())


def test_leadership_exports_the_register_but_not_cases_or_decisions(world, client_for):
    client = client_for(world.leader)

    response = client.post(CREATE, {"kind": "cases", "format": "csv", "query": ""})

    assert response.status_code == 302
    assert ExportJob.objects.count() == 0
    assert AuditEvent.objects.filter(action__startswith="figures_export").count() == 0
    with pytest.raises(PermissionDenied):
        export_request(
            user=world.leader, kind="decisions", export_format="csv", filters=Filters(agency_id=world.agency.pk)
        )
    with pytest.raises(PermissionDenied):
        export_request(
            user=world.officer, kind="cases", export_format="csv", filters=Filters(agency_id=world.other_agency.pk)
        )


@pytest.fixture
def large(settings, django_capture_on_commit_callbacks):
    settings.NETRA_FIGURES_EXPORT_ASYNC_ROWS = 3
    return django_capture_on_commit_callbacks


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_large_export_runs_as_a_job_with_progress_download_and_audit(world, client_for, large, export_format):
    client = client_for(world.officer)
    with large(execute=False) as callbacks:
        response = client.post(CREATE, {"kind": "cases", "format": export_format, "query": ""})
    job = ExportJob.objects.get()

    assert response.status_code == 302 and response["Location"] == reverse("figures:export-detail", args=[job.pk])
    assert (job.status, job.rows_total, len(callbacks)) == ("queued", 7, 1)
    page = client.get(reverse("figures:export-detail", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' in page and 'id="export-progress"' in page

    done = export_run(job_id=job.pk)

    assert (done.status, done.rows_done, done.rows_total, len(done.sha256)) == ("ready", 7, 7, 64)
    assert (
        Notification.objects.filter(user=world.officer, url=reverse("figures:export-detail", args=[job.pk])).count()
        == 1
    )
    download = client.get(reverse("figures:export-download", args=[job.pk]))
    body = b"".join(download.streaming_content)
    assert world.cases["c4"].number in (body.decode("utf-8-sig") if export_format == "csv" else _xlsx_text(body))
    assert _events("figures_export_downloaded") == [(job.pk, world.officer.pk)]


def test_a_job_run_twice_writes_one_file(world, large):
    with large(execute=False):
        job = export_request(
            user=world.officer, kind="cases", export_format="csv", filters=Filters(agency_id=world.agency.pk)
        )

    first = export_run(job_id=job.pk)
    again = export_run(job_id=job.pk)

    assert (first.file.name, first.sha256) == (again.file.name, again.sha256)
    assert Notification.objects.filter(user=world.officer).count() == 1


def test_nobody_else_downloads_an_export(world, client_for, large):
    with large(execute=False):
        job = export_request(
            user=world.officer, kind="cases", export_format="csv", filters=Filters(agency_id=world.agency.pk)
        )
    export_run(job_id=job.pk)

    assert client_for(world.administrator).get(reverse("figures:export-download", args=[job.pk])).status_code == 404
    assert client_for(world.administrator).get(reverse("figures:export-detail", args=[job.pk])).status_code == 404
    assert _events("figures_export_downloaded") == []


def test_an_expired_export_loses_its_file_and_says_so(world, client_for, large, private_storage):
    with large(execute=False):
        job = export_request(
            user=world.officer, kind="cases", export_format="csv", filters=Filters(agency_id=world.agency.pk)
        )
    done = export_run(job_id=job.pk)
    stored = private_storage / done.file.name

    assert stored.exists()
    assert exports_expire(now=done.expires_at - datetime.timedelta(minutes=1)) == 0
    assert exports_expire(now=done.expires_at) == 1
    assert exports_expire(now=clock.now() + datetime.timedelta(days=30)) == 0

    job.refresh_from_db()
    assert (job.status, job.file.name, stored.exists()) == ("expired", "", False)
    assert _events("figures_export_expired") == [(job.pk, None)]
    assert client_for(world.officer).get(reverse("figures:export-download", args=[job.pk])).status_code == 404
