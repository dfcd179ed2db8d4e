"""A compact renderer for the submission form's ~340 cells.

Django renders each widget through its template engine (an ``attrs`` include per widget, an
``option`` include per choice): on the submission page that was most of the page's server time.
``cell`` writes the same HTML as ``reporting/_field.html`` around ``{{ bf }}`` (label, widget, error
span with the ``aria`` wiring) with plain string building, for the few widget kinds the form uses
(text, hidden, date, select, textarea); any other widget falls back to Django's own rendering. A
test compares both renderings field by field, bound and unbound, with and without errors.
"""

from __future__ import annotations

from html import escape
from typing import Any

from django import forms
from django.utils.safestring import SafeString, mark_safe

_PLAIN_INPUTS = (forms.TextInput, forms.HiddenInput, forms.DateInput)


def _attrs(attrs: dict[str, Any]) -> str:
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{escape(str(value))}"')
    return "".join(out)


def _value(form: forms.Form, name: str, field: forms.Field) -> Any:
    """What ``BoundField.value()`` gives: the posted text when bound, else the initial value."""
    data = form.initial.get(name, field.initial)
    if callable(data):
        data = data()
    if form.is_bound:
        data = field.bound_data(field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name)), data)
    return field.prepare_value(data)


def _auto_id(form: forms.Form, html_name: str) -> str:
    """``BoundField.auto_id`` for the forms used here (``auto_id`` a format with ``%s``)."""
    pattern = form.auto_id
    return pattern % html_name if isinstance(pattern, str) and "%s" in pattern else ""


def widget_html(form: forms.Form, name: str) -> str:
    """The widget of field ``name`` as Django would render ``{{ form.name }}``."""
    field = form.fields[name]
    widget = field.widget
    kind = type(widget)
    if kind not in (*_PLAIN_INPUTS, forms.Select, forms.Textarea) or field.disabled or field.required or field.localize:
        return str(form[name])
    html_name = form.add_prefix(name)
    attrs = dict(widget.attrs)
    if not widget.is_hidden and name in form.errors:
        attrs["aria-invalid"] = "true"
    auto_id = _auto_id(form, html_name)
    if auto_id and "id" not in attrs:
        attrs["id"] = auto_id
    value = widget.format_value(_value(form, name, field))
    if kind in _PLAIN_INPUTS:
        shown = "" if value is None else f' value="{escape(str(value))}"'
        return f'<input type="{widget.input_type}" name="{escape(html_name)}"{shown}{_attrs(attrs)}>'
    if kind is forms.Textarea:
        return f'<textarea name="{escape(html_name)}"{_attrs(attrs)}>\n{escape(str(value)) if value else ""}</textarea>'
    chosen = set(value)
    options, selected = [], False
    for option_value, label in field.choices:  # type: ignore[attr-defined]
        text = "" if option_value is None else str(option_value)
        mark = ""
        if not selected and text in chosen:
            mark, selected = " selected", True
        options.append(f'\n  <option value="{escape(text)}"{mark}>{escape(str(label))}</option>')
    return f'<select name="{escape(html_name)}"{_attrs(attrs)}>{"".join(options)}\n</select>'


def cell(form: forms.Form, name: str, about: str = "", hide_label: bool = False) -> SafeString:
    """What ``{% include "reporting/_field.html" with bf=form.name about=… hide_label=… %}`` writes."""
    field = form.fields[name]
    auto_id = _auto_id(form, form.add_prefix(name))
    hidden = ' class="visually-hidden"' if hide_label else ""
    extra = f'<span class="visually-hidden"> — {escape(about)}</span>' if about else ""
    label = escape(str(field.label or ""))
    errors = form.errors.get(name) if form.is_bound else None
    error = f'<span class="field-error" id="{auto_id}-loi">{" ".join(escape(str(e)) for e in errors)}</span>' if errors else ""
    return mark_safe(f'<label for="{auto_id}"{hidden}>{label}{extra}</label>\n{widget_html(form, name)}\n{error}\n')
