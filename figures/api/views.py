"""GET /api/v1/public/statistics/: the predefined public tables, nationally and for one agency (no free filters)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from figures.api.serializers import PublicStatisticsSerializer
from figures.public.presenting import scope_view
from figures.public.tables import NATIONAL, public_statistics


class PublicStatisticsView(APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="public_statistics",
        summary=_("Public statistics"),
        description=_(
            "Reports and cases by month, cases by violation and by outcome, sanctions by level and the median time "
            "to decision, nationally and per agency. Cells under the threshold are hidden (“primary”), and so are "
            "the cells from which a hidden one could be worked out (“complementary”). No unit-level figures."
        ),
        parameters=[
            OpenApiParameter(
                "agency", OpenApiTypes.STR, OpenApiParameter.QUERY, description=_("An agency's code (see `agencies`).")
            )
        ],
        responses={200: PublicStatisticsSerializer},
        tags=["public"],
    )
    def get(self, request: Request) -> Response:
        published = public_statistics()
        code = request.query_params.get("agency", "")
        agency = scope_view(published, code) if code and code != NATIONAL else None
        if code and code != NATIONAL and agency is None:
            raise NotFound(_("There is no such agency."))
        body = {
            "threshold": published.threshold,
            "as_of": published.as_of or None,
            "agencies": published.agencies,
            "national": scope_view(published, NATIONAL),
            "agency": agency,
        }
        return Response(PublicStatisticsSerializer(body).data)
