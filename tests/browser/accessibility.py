"""axe-core in the browser tests: its default rules (WCAG 2.0/2.1 A and AA, and best practices) on a page."""

from typing import Any

import pytest


def axe_serious_violations(page: Any) -> list[str]:
    """The axe-core violations of impact serious or critical on the page as it stands."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    results = axe.Axe().run(page)
    return [
        f"{item['id']}: {item['help']} ({', '.join(node['target'][0] for node in item['nodes'][:3])})"
        for item in results.response["violations"]
        if item["impact"] in ("serious", "critical")
    ]
