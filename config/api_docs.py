"""The browsable API documentation, self-hosted (drf-spectacular-sidecar) under the strict Content-Security-Policy.

Scripts come only from this site (`script-src 'self'`): Swagger UI's start-up script is served as a file of its own
(drf-spectacular's split view) and ReDoc reads the schema URL from an attribute. Both libraries set styles and
ReDoc starts a web worker from a blob at run time, so these two pages alone allow inline styles and blob workers;
scripts stay as strict as everywhere else.
"""

from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

DOCS_CSP = {"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]}


@method_decorator(csp_update(DOCS_CSP), name="get")
class SwaggerDocsView(SpectacularSwaggerSplitView):
    template_name = "api_docs/swagger_ui.html"


@method_decorator(csp_update(DOCS_CSP), name="get")
class RedocDocsView(SpectacularRedocView):
    template_name = "api_docs/redoc.html"
