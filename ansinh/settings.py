"""Django settings, every value read from the environment through ``ansinh.conf``."""

from __future__ import annotations

from pathlib import Path

from ansinh.conf import Env, check_production, database_from_url, load_secret_key, sqlite_database

env = Env()

BASE_DIR = Path(__file__).resolve().parent
ENVIRONMENT = env.get_choice("ANSINH_ENV", ("development", "production", "test"))
PRODUCTION = ENVIRONMENT == "production"
DATA_DIR = env.get_path("ANSINH_DATA_DIR")
DEBUG = env.get_bool("ANSINH_DEBUG", default=not PRODUCTION and ENVIRONMENT != "test")
ALLOWED_HOSTS = env.get_list("ANSINH_ALLOWED_HOSTS")
if PRODUCTION:
    check_production(DEBUG, ALLOWED_HOSTS)
SECRET_KEY = load_secret_key(env, DATA_DIR, PRODUCTION)
CSRF_TRUSTED_ORIGINS = env.get_list("ANSINH_CSRF_TRUSTED_ORIGINS")
PORT = env.get_int("ANSINH_PORT", minimum=1, maximum=65535)
HOST = env.get_str("ANSINH_HOST")
THREADS = env.get_int("ANSINH_THREADS", minimum=1, maximum=128)
MAX_UPLOAD_BYTES = env.get_int("ANSINH_MAX_UPLOAD_MB", minimum=1, maximum=2048) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES
REGISTRY_RETENTION_DAYS = env.get_int("ANSINH_REGISTRY_RETENTION_DAYS", minimum=0, maximum=36500)
REGISTRY_STALE_DAYS = env.get_int("ANSINH_REGISTRY_STALE_DAYS", minimum=1, maximum=36500)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ansinh.core",
    "ansinh.geo",
    "ansinh.accounts",
    "ansinh.documents",
    "ansinh.plans",
    "ansinh.reporting",
    "ansinh.reports",
    "ansinh.registry",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ansinh.core.middleware.ApiMethodNotAllowed",
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
            ],
        },
    },
]

_database_url = env.raw("DATABASE_URL")
DATABASES = {
    "default": database_from_url(_database_url) if _database_url else sqlite_database(DATA_DIR / "ansinh.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
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
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = DATA_DIR / "uploads"

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get_choice("ANSINH_LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR"))},
}
