"""`{{ event.action|action_label }}`: an audit action's translated label (casework.timeline)."""

from django import template

from casework.timeline import action_label as _action_label

register = template.Library()


@register.filter
def action_label(action: str) -> str:
    return _action_label(action)
