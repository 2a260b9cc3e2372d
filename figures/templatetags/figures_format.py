"""How a figure is written on the page: whole numbers grouped, shares and medians with one decimal, in the
active language's notation; a missing figure as a dash."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    if isinstance(value, float):
        return number_format(value, decimal_pos=1, force_grouping=True)
    return str(value)
