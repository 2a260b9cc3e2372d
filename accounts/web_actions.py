"""The web-action layer (core.web_actions) for staff: the acting account, typed, for the one service call."""

from typing import cast

from accounts.actors import Actor
from core.web_actions import ServiceActionView


class StaffActionView(ServiceActionView):
    """An action a staff account takes; every app's action base classes derive from it."""

    @property
    def actor(self) -> Actor:
        # as_view lets only accounts that pass the role check get this far.
        return cast(Actor, self.request.user)
