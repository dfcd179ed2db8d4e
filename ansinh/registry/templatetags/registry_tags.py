"""``{% identity person as ident %}``: the ID number and phone as the signed-in user may see them."""

from __future__ import annotations

from typing import Any

from django import template

from ansinh.registry.access import identity_for

register = template.Library()


@register.simple_tag(takes_context=True)
def identity(context: dict[str, Any], person: Any) -> dict[str, Any]:
    return identity_for(context["request"].user, person)
