"""The one form of the notifications pages: e-mail on or off."""

from __future__ import annotations

from django import forms

CHOICES = (("on", "Nhận thư điện tử cho mỗi thông báo"), ("off", "Không nhận thư, chỉ xem thông báo trong ansinh"))


class EmailPreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label="Thư điện tử",
        choices=CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Hãy chọn có nhận thư điện tử hay không.",
            "invalid_choice": "Lựa chọn «%(value)s» không hợp lệ; hãy chọn nhận hoặc không nhận thư.",
        },
    )
