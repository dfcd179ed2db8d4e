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
    Setting("ANSINH_PG_PREPARED", "true", "PostgreSQL: gửi tham số truy vấn riêng (server-side binding) để máy chủ CSDL chuẩn bị sẵn các truy vấn lặp lại, giảm CPU của PostgreSQL (true/false; tắt khi đi qua pgbouncer chế độ transaction)."),
    Setting("ANSINH_PORT", "8000", "Cổng HTTP mà `ansinh demo` và `ansinh serve` lắng nghe."),
    Setting("ANSINH_HOST", "127.0.0.1", "Địa chỉ lắng nghe của máy chủ web."),
    Setting("ANSINH_ENV", "embedded", "`embedded` (mặc định: một máy, không gỡ lỗi), `development` (lập trình, bật gỡ lỗi), `production` hoặc `test` (bộ kiểm thử); production từ chối khởi động nếu cấu hình không an toàn."),
    Setting("ANSINH_DEBUG", None, "Chế độ gỡ lỗi của Django: chỉ được bật khi ANSINH_ENV=development (mặc định bật khi đó); môi trường khác từ chối khởi động nếu bật."),
    Setting("ANSINH_SECRET_KEY", None, "Khóa bí mật; bắt buộc khi production, nếu không có sẽ sinh và lưu trong thư mục dữ liệu."),
    Setting("ANSINH_ALLOWED_HOSTS", "127.0.0.1,localhost", "Danh sách tên miền được phép, cách nhau bởi dấu phẩy; không được là `*` khi production."),
    Setting("ANSINH_CSRF_TRUSTED_ORIGINS", "", "Các nguồn tin cậy cho CSRF (https://...), cách nhau bởi dấu phẩy."),
    Setting("ANSINH_THREADS", "8", "Số luồng của mỗi tiến trình máy chủ web (gunicorn; waitress khi không có fork)."),
    Setting("ANSINH_WEB_WORKERS", "auto", "Số tiến trình máy chủ web trên Linux (gunicorn); `auto` = số lõi CPU (ít nhất 2)."),
    Setting("ANSINH_JOB_WORKERS", "1", "Số tiến trình chạy việc nền (`ansinh worker`) mà `ansinh demo`/`ansinh serve` khởi động cùng máy chủ web; 0 = tự chạy riêng."),
    Setting("ANSINH_MAX_UPLOAD_MB", "50", "Dung lượng tối đa một tệp tải lên, tính bằng MB."),
    Setting("ANSINH_LOG_LEVEL", "INFO", "Mức ghi nhật ký: DEBUG, INFO, WARNING, ERROR."),
    Setting("ANSINH_EMAIL_HOST", None, "Máy chủ SMTP gửi thư thông báo; để trống thì thư được in ra màn hình (console)."),
    Setting("ANSINH_EMAIL_PORT", "587", "Cổng SMTP."),
    Setting("ANSINH_EMAIL_USER", None, "Tên đăng nhập SMTP."),
    Setting("ANSINH_EMAIL_PASSWORD", None, "Mật khẩu SMTP."),
    Setting("ANSINH_EMAIL_TLS", "true", "Dùng STARTTLS khi gửi thư (true/false)."),
    Setting("ANSINH_EMAIL_FROM", "ansinh <no-reply@localhost>", "Địa chỉ người gửi của thư thông báo."),
    Setting("ANSINH_SITE_URL", "http://127.0.0.1:8000", "Địa chỉ gốc của trang web, dùng cho liên kết trong thư thông báo."),
    Setting("ANSINH_ALLOW_SELF_APPROVAL", "false", "Cho phép người đã nhập hoặc gửi báo cáo tự phê duyệt báo cáo đó (mặc định: không); mỗi lần tự phê duyệt được ghi rõ trong nhật ký."),
    Setting("ANSINH_SESSION_IDLE_MINUTES", "60", "Phiên đăng nhập hết hạn sau số phút không thao tác này (5–1440)."),
    Setting("ANSINH_LOGIN_FAILURE_LIMIT", "5", "Số lần nhập sai mật khẩu liên tiếp trước khi tên đăng nhập bị tạm khóa."),
    Setting("ANSINH_LOGIN_LOCKOUT_MINUTES", "15", "Số phút tạm khóa tên đăng nhập sau khi nhập sai quá số lần cho phép."),
    Setting("ANSINH_TWO_FACTOR", "auto", "Xác thực hai bước (TOTP) cho quản trị viên và người phê duyệt: `required` (bắt buộc), `optional` (tự nguyện) hoặc `auto` (bắt buộc khi production)."),
    Setting(
        "ANSINH_COVERAGE_MIN_PERCENT",
        "80",
        "Tỷ lệ (%) tối thiểu số đơn vị đã báo cáo để một số liệu tổng hợp được đánh giá; thấp hơn thì ghi «Số liệu chưa đầy đủ» và không bao giờ «Đã đạt».",
    ),
    Setting("ANSINH_REGISTRY_STALE_DAYS", "730", "Số ngày không cập nhật sau đó một nhân khẩu bị tính là «chưa sống» (cũ) trên bảng chất lượng dữ liệu."),
    Setting("ANSINH_DEDUP_TEMP_DIR", None, "Thư mục tạm của DuckDB khi tìm nhân khẩu trùng (`ansinh registry dedup`), nơi dữ liệu tràn khi thiếu bộ nhớ; mặc định `<ANSINH_DATA_DIR>/dedup/tmp`."),
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

    def get_workers(self, name: str, cpus: int | None = None) -> int:
        """A process count, or ``auto`` for one per core (at least 2, at most 16)."""
        if self.raw(name) == "auto":
            return max(2, min((cpus if cpus is not None else os.cpu_count()) or 1, 16))
        return self.get_int(name, minimum=1, maximum=64)

    def get_path(self, name: str) -> Path:
        return Path(self.get_str(name)).expanduser().resolve()


PREPARE_THRESHOLD = 2  # executions of the same SQL on a connection before psycopg prepares it


def database_from_url(url: str, *, prepared: bool = True) -> dict[str, object]:
    """Django DATABASES entry from ``postgres://`` or ``sqlite:///`` URLs.

    ``prepared`` (PostgreSQL): server-side parameter binding, so psycopg prepares the statements a
    connection runs again and again (the submission page's ~20) and PostgreSQL stops parsing and
    planning them on every request — about half of its CPU per request on the submission page.
    """
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigError("DATABASE_URL thiếu tên cơ sở dữ liệu.")
        options: dict[str, object] = {"options": "-c max_parallel_workers_per_gather=0 -c jit=off"}
        if prepared:
            options.update({"server_side_binding": True, "prepare_threshold": PREPARE_THRESHOLD})
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            # no parallel workers and no JIT for the web's short queries: on the small servers ansinh targets
            # their start-up (JIT: 20 ms of compiling) costs more than they save (registry search p95)
            "OPTIONS": options,
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


ENVIRONMENTS = ("embedded", "development", "production", "test")


def debug_enabled(env: Env, environment: str) -> bool:
    """Debug is opt-in: only ``ANSINH_ENV=development`` turns it on; anywhere else asking for it is refused."""
    debug = env.get_bool("ANSINH_DEBUG", default=environment == "development")
    if debug and environment != "development":
        raise ConfigError(
            f"ANSINH_DEBUG chỉ được bật khi ANSINH_ENV=development (đang là {environment}); "
            "chế độ gỡ lỗi để lộ mã nguồn và cấu hình cho người dùng."
        )
    return debug


#: A production secret needs at least this many bits of estimated entropy (length × log2 of its alphabet,
#: capped by the number of distinct characters it uses); ``secrets.token_urlsafe(50)`` gives about 400.
MIN_SECRET_BITS = 128


def secret_strength_bits(secret: str) -> float:
    """A conservative entropy estimate: repeated or few-character secrets score low whatever their length.

    The smaller of the character-frequency (Shannon) estimate and the bits left after zlib compression
    (less its 11-byte fixed overhead), so both ``"a" * 45`` and ``"abcdefghij" * 5`` score low.
    """
    import math
    import zlib
    from collections import Counter

    if not secret:
        return 0.0
    data = secret.encode("utf-8")
    counts = Counter(data)
    shannon = -sum(c / len(data) * math.log2(c / len(data)) for c in counts.values()) * len(data)
    compressed = max(0, len(zlib.compress(data, 9)) - 11) * 8
    return min(shannon, float(compressed))


def is_weak_secret(secret: str) -> bool:
    """Too guessable for production: under ``MIN_SECRET_BITS`` or fewer than 10 distinct characters."""
    return secret_strength_bits(secret) < MIN_SECRET_BITS or len(set(secret)) < 10


def load_secret_key(env: Env, data_dir: Path, production: bool) -> str:
    """The explicit secret, or one generated once and kept in the data directory."""
    explicit = env.raw("ANSINH_SECRET_KEY")
    if explicit:
        if production and len(explicit) < 40:
            raise ConfigError("ANSINH_SECRET_KEY quá ngắn cho production (cần ít nhất 40 ký tự).")
        if production and is_weak_secret(explicit):
            raise ConfigError(
                "ANSINH_SECRET_KEY quá dễ đoán cho production (lặp ký tự hoặc ít ký tự khác nhau); "
                "tạo khóa ngẫu nhiên, ví dụ: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'."
            )
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
