"""``{% load geo_tags %}`` … ``{{ unit|unit_label }}``: the one label of a unit (``geo.search.unit_label``)."""

from __future__ import annotations

from django import template

from ansinh.geo.models import AdministrativeUnit
from ansinh.geo.search import unit_label as _unit_label

register = template.Library()


@register.filter
def unit_label(unit: AdministrativeUnit | None) -> str:
    return _unit_label(unit) if unit is not None else ""
