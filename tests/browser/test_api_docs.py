"""The API documentation pages render in a real browser under the strict Content-Security-Policy: Swagger UI lists
the operations, ReDoc shows the API, and no script or style of theirs is refused by the policy. (ReDoc's footer
logo on a third-party CDN is refused, as it should be: the pages load nothing from elsewhere.)"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _csp_refusals(page) -> list[str]:
    """Refused scripts, styles and workers (what would break the page), not third-party images."""
    return [
        text
        for text in page.console_errors
        if "Content Security Policy" in text and any(kind in text for kind in ("script", "style", "worker"))
    ]


def test_swagger_ui_lists_the_operations_under_the_strict_policy(live_server, phone, shots):
    response = phone.goto(f"{live_server.url}/api/docs/")

    assert "'unsafe-inline'" not in response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    phone.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = phone.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/public/reports/" in paths
    assert "/api/v1/bawaslu/forwardings/" in paths
    assert "/api/v1/cases/" in paths
    phone.screenshot(path=str(shots / "api-docs-swagger.png"), full_page=False)
    assert _csp_refusals(phone) == []


def test_redoc_shows_the_api_under_the_strict_policy(live_server, phone, shots):
    phone.goto(f"{live_server.url}/api/redoc/")

    phone.wait_for_selector("h1", timeout=20_000)
    assert "Netra API" in phone.locator("h1").first.inner_text()
    assert phone.get_by_text("/api/v1/public/reports/").count() > 0
    phone.screenshot(path=str(shots / "api-docs-redoc.png"), full_page=False)
    assert _csp_refusals(phone) == []
