"""Environment settings, declared as data and read through strict typed helpers.

Every variable ansinh reads is listed in ``SETTINGS``; ``docs/configuration.md``
must document each one (a test enforces it). A malformed value stops start-up
with a message naming the variable instead of silently falling back.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit


class ConfigError(RuntimeError):
    """A setting is missing, malformed or unsafe; the message is for the operator."""


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | None
    doc: str


SETTINGS: tuple[Setting, ...] = (
    Setting("ANSINH_DATA_DIR", "./ansinh-data", "Thư mục dữ liệu: tệp SQLite, tệp tải lên, khóa bí mật sinh tự động."),
    Setting("DATABASE_URL", None, "PostgreSQL cho môi trường vận hành, dạng postgres://user:pass@host:5432/db."),
    Setting("ANSINH_PORT", "8000", "Cổng HTTP mà `ansinh demo` và `ansinh serve` lắng nghe."),
    Setting("ANSINH_HOST", "127.0.0.1", "Địa chỉ lắng nghe của máy chủ web."),
    Setting("ANSINH_ENV", "development", "`development`, `production` hoặc `test` (bộ kiểm thử); production từ chối khởi động nếu cấu hình không an toàn."),
    Setting("ANSINH_DEBUG", None, "Bật chế độ gỡ lỗi của Django (mặc định: bật khi development, tắt khi production)."),
    Setting("ANSINH_SECRET_KEY", None, "Khóa bí mật; bắt buộc khi production, nếu không có sẽ sinh và lưu trong thư mục dữ liệu."),
    Setting("ANSINH_ALLOWED_HOSTS", "127.0.0.1,localhost", "Danh sách tên miền được phép, cách nhau bởi dấu phẩy; không được là `*` khi production."),
    Setting("ANSINH_CSRF_TRUSTED_ORIGINS", "", "Các nguồn tin cậy cho CSRF (https://...), cách nhau bởi dấu phẩy."),
    Setting("ANSINH_THREADS", "8", "Số luồng của máy chủ WSGI (waitress)."),
    Setting("ANSINH_MAX_UPLOAD_MB", "50", "Dung lượng tối đa một tệp tải lên, tính bằng MB."),
    Setting("ANSINH_LOG_LEVEL", "INFO", "Mức ghi nhật ký: DEBUG, INFO, WARNING, ERROR."),
    Setting("ANSINH_REGISTRY_STALE_DAYS", "730", "Số ngày không cập nhật sau đó một nhân khẩu bị tính là «chưa sống» (cũ) trên bảng chất lượng dữ liệu."),
    Setting("ANSINH_REGISTRY_RETENTION_DAYS", "1825", "Số ngày giữ hộ, nhân khẩu đã xóa mềm trước khi `ansinh registry purge` xóa hẳn."),
)
_KNOWN = {s.name: s for s in SETTINGS}


class Env:
    """Typed access to the declared environment variables."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = os.environ if environ is None else environ

    def raw(self, name: str) -> str | None:
        if name not in _KNOWN:
            raise KeyError(f"{name} is not declared in ansinh.conf.SETTINGS")
        value = self._environ.get(name)
        if value is None or value.strip() == "":
            return _KNOWN[name].default
        return value.strip()

    def get_str(self, name: str) -> str:
        value = self.raw(name)
        if value is None:
            raise ConfigError(f"Thiếu biến môi trường {name}.")
        return value

    def get_int(self, name: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
        value = self.get_str(name)
        try:
            number = int(value)
        except ValueError:
            raise ConfigError(f"{name} phải là số nguyên, nhận được {value!r}.") from None
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            raise ConfigError(f"{name}={number} nằm ngoài khoảng cho phép [{minimum}, {maximum}].")
        return number

    def get_bool(self, name: str, default: bool) -> bool:
        value = self.raw(name)
        if value is None:
            return default
        lowered = value.lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"{name} phải là true/false, nhận được {value!r}.")

    def get_list(self, name: str) -> list[str]:
        value = self.raw(name) or ""
        return [item.strip() for item in value.split(",") if item.strip()]

    def get_choice(self, name: str, choices: tuple[str, ...]) -> str:
        value = self.get_str(name)
        if value not in choices:
            raise ConfigError(f"{name} phải là một trong {', '.join(choices)}, nhận được {value!r}.")
        return value

    def get_path(self, name: str) -> Path:
        return Path(self.get_str(name)).expanduser().resolve()


def database_from_url(url: str) -> dict[str, object]:
    """Django DATABASES entry from ``postgres://`` or ``sqlite:///`` URLs."""
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigError("DATABASE_URL thiếu tên cơ sở dữ liệu.")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    if parts.scheme == "sqlite":
        return sqlite_database(Path(unquote(parts.path)))
    raise ConfigError(f"DATABASE_URL có lược đồ không hỗ trợ: {parts.scheme!r} (dùng postgres:// hoặc sqlite:///).")


def sqlite_database(path: Path) -> dict[str, object]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        },
    }


def load_secret_key(env: Env, data_dir: Path, production: bool) -> str:
    """The explicit secret, or one generated once and kept in the data directory."""
    explicit = env.raw("ANSINH_SECRET_KEY")
    if explicit:
        if production and len(explicit) < 40:
            raise ConfigError("ANSINH_SECRET_KEY quá ngắn cho production (cần ít nhất 40 ký tự).")
        return explicit
    if production:
        raise ConfigError("ANSINH_ENV=production cần ANSINH_SECRET_KEY được đặt rõ ràng.")
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="ascii").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key, encoding="ascii")
    key_file.chmod(0o600)
    return key


def check_production(debug: bool, allowed_hosts: list[str]) -> None:
    """Refuse an unsafe production configuration."""
    if debug:
        raise ConfigError("ANSINH_ENV=production không được chạy với ANSINH_DEBUG bật.")
    if not allowed_hosts or any(h in {"*", ".*"} or h.startswith("*") for h in allowed_hosts):
        raise ConfigError("ANSINH_ENV=production cần ANSINH_ALLOWED_HOSTS là danh sách tên miền cụ thể, không được để trống hay `*`.")
