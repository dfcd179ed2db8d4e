from django import forms
from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng (có phân biệt chữ hoa, chữ thường).",
        "inactive": "Tài khoản này đã bị khóa.",
    }


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="Tên gợi nhớ của khóa",
        max_length=100,
        help_text="Ví dụ: «Hệ thống báo cáo của Sở Y tế». Khóa chỉ hiện một lần, ngay sau khi tạo.",
        error_messages={
            "required": "Hãy đặt tên gợi nhớ cho khóa.",
            "max_length": "Tên gợi nhớ dài quá 100 ký tự.",
        },
    )
