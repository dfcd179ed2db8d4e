"""Django settings, every value read from the environment through ``ansinh.conf``."""

from __future__ import annotations

import warnings
from pathlib import Path

from ansinh.conf import (
    ENVIRONMENTS,
    Env,
    check_production,
    database_from_url,
    debug_enabled,
    load_secret_key,
    sqlite_database,
)

env = Env()

BASE_DIR = Path(__file__).resolve().parent
ENVIRONMENT = env.get_choice("ANSINH_ENV", ENVIRONMENTS)
PRODUCTION = ENVIRONMENT == "production"
DATA_DIR = env.get_path("ANSINH_DATA_DIR")
DEBUG = debug_enabled(env, ENVIRONMENT)  # only ANSINH_ENV=development, explicitly
ALLOWED_HOSTS = env.get_list("ANSINH_ALLOWED_HOSTS")
if PRODUCTION:
    check_production(DEBUG, ALLOWED_HOSTS)
SECRET_KEY = load_secret_key(env, DATA_DIR, PRODUCTION)
CSRF_TRUSTED_ORIGINS = env.get_list("ANSINH_CSRF_TRUSTED_ORIGINS")
PORT = env.get_int("ANSINH_PORT", minimum=1, maximum=65535)
HOST = env.get_str("ANSINH_HOST")
THREADS = env.get_int("ANSINH_THREADS", minimum=1, maximum=128)
WEB_WORKERS = env.get_workers("ANSINH_WEB_WORKERS")
JOB_WORKERS = env.get_int("ANSINH_JOB_WORKERS", minimum=0, maximum=16)
MAX_UPLOAD_BYTES = env.get_int("ANSINH_MAX_UPLOAD_MB", minimum=1, maximum=2048) * 1024 * 1024
ALLOW_SELF_APPROVAL = env.get_bool("ANSINH_ALLOW_SELF_APPROVAL", default=False)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES
REGISTRY_RETENTION_DAYS = env.get_int("ANSINH_REGISTRY_RETENTION_DAYS", minimum=0, maximum=36500)
REGISTRY_STALE_DAYS = env.get_int("ANSINH_REGISTRY_STALE_DAYS", minimum=1, maximum=36500)
DEDUP_TEMP_DIR = env.raw("ANSINH_DEDUP_TEMP_DIR") or ""
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
COVERAGE_MIN_PERCENT = env.get_int("ANSINH_COVERAGE_MIN_PERCENT", minimum=0, maximum=100)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves Swagger UI's assets from the installed package (/api/docs works offline)
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "ansinh.core",
    "ansinh.geo",
    "ansinh.accounts",
    "ansinh.documents",
    "ansinh.plans",
    "ansinh.reporting",
    "ansinh.reports",
    "ansinh.notifications",
    "django_tasks",
    "django_tasks_db",
    "ansinh.registry",
    "ansinh.poverty",
    "ansinh.benefits",
]
# Background jobs (plan imports with OCR, report builds, recompute, daily jobs): django-tasks with its
# database backend, so they need no broker and survive a restart; `ansinh worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ansinh.core.middleware.BadInputGuard",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ansinh.accounts.middleware.IdleSessionRefresh",
    "ansinh.accounts.middleware.TwoFactorRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ansinh.core.middleware.ApiMethodNotAllowed",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "ansinh.urls"
WSGI_APPLICATION = "ansinh.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ansinh.core.context_processors.version",
                "ansinh.notifications.context_processors.unread",
            ],
        },
    },
]

_database_url = env.raw("DATABASE_URL")
DATABASES = {
    "default": database_from_url(_database_url, prepared=env.get_bool("ANSINH_PG_PREPARED", default=True))
    if _database_url
    else sqlite_database(DATA_DIR / "ansinh.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Password policy: Django's validators with Vietnamese messages (``accounts.passwords``).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "ansinh.accounts.passwords.SimilarToAccount"},
    {"NAME": "ansinh.accounts.passwords.LongEnough", "OPTIONS": {"min_length": 10}},
    {"NAME": "ansinh.accounts.passwords.NotCommon"},
    {"NAME": "ansinh.accounts.passwords.NotOnlyDigits"},
]
AUTHENTICATION_BACKENDS = [
    "ansinh.accounts.throttle.ThrottledLogins",  # django-axes: refuses a locked-out login first
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]  # ansinh/static (site.css) is not inside an app
WHITENOISE_USE_FINDERS = True
# Static files are served from the installed package through the finders; STATIC_ROOT is filled only by
# `collectstatic`, so its absence is normal and WhiteNoise's warning about it is noise in every server log.
warnings.filterwarnings("ignore", message=r"No directory at: .*static", category=UserWarning)
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "uploads"

# E-mail of notifications: the console backend unless an SMTP host is configured.
_email_host = env.raw("ANSINH_EMAIL_HOST")
if _email_host:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email_host
    EMAIL_PORT = env.get_int("ANSINH_EMAIL_PORT", minimum=1, maximum=65535)
    EMAIL_HOST_USER = env.raw("ANSINH_EMAIL_USER") or ""
    EMAIL_HOST_PASSWORD = env.raw("ANSINH_EMAIL_PASSWORD") or ""
    EMAIL_USE_TLS = env.get_bool("ANSINH_EMAIL_TLS", default=True)
    EMAIL_TIMEOUT = 15
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.get_str("ANSINH_EMAIL_FROM")
SITE_URL = env.get_str("ANSINH_SITE_URL").rstrip("/")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "plans:list"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Production runs behind a TLS-terminating proxy that sets X-Forwarded-Proto; without this Django never
    # sees the request as HTTPS and so never sends the HSTS header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Idle sessions end after ANSINH_SESSION_IDLE_MINUTES without a request (accounts.middleware refreshes it).
SESSION_COOKIE_AGE = env.get_int("ANSINH_SESSION_IDLE_MINUTES", minimum=5, maximum=24 * 60) * 60

# Login throttling (django-axes): ANSINH_LOGIN_FAILURE_LIMIT wrong passwords lock the user name for
# ANSINH_LOGIN_LOCKOUT_MINUTES; a right password resets the count.
AXES_FAILURE_LIMIT = env.get_int("ANSINH_LOGIN_FAILURE_LIMIT", minimum=1, maximum=100)
AXES_COOLOFF_TIME = env.get_int("ANSINH_LOGIN_LOCKOUT_MINUTES", minimum=1, maximum=24 * 60) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
# Not by IP address: a whole ward office often shares one address, and a few typos must not lock it out.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ansinh.accounts.throttle.locked_out"
AXES_VERBOSE = False

# Two-factor (TOTP, django-otp) for administrators and approvers: required when ANSINH_TWO_FACTOR=required
# (the default in production); a user who enrolled a device is always asked for a code.
_two_factor = env.get_choice("ANSINH_TWO_FACTOR", ("required", "optional", "auto"))
TWO_FACTOR_REQUIRED = _two_factor == "required" or (_two_factor == "auto" and PRODUCTION)
OTP_TOTP_ISSUER = "ansinh"

# Content-Security-Policy (django-csp): no inline script anywhere; styles from files (style attributes
# carry only layout values such as a bar's width).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
NINJA_PAGINATION_MAX_LIMIT = 1000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get_choice("ANSINH_LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR"))},
    "loggers": {"axes": {"level": "WARNING"}},  # one INFO line per login otherwise
}
