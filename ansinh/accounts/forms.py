from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng (có phân biệt chữ hoa, chữ thường).",
        "inactive": "Tài khoản này đã bị khóa.",
    }
