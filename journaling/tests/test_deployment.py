"""docker-compose.yml, the Dockerfile and .dockerignore, checked as files (Docker does not run here)."""

import re

import pytest
import yaml
from django.conf import settings

from journaling.testing.processes import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_healthchecks_that_use_a_variable_run_in_a_shell():
    # Exec form ("CMD") passes "$HOSTNAME" to the program as it is; only "CMD-SHELL" expands it.
    for name, service in COMPOSE["services"].items():
        test = service.get("healthcheck", {}).get("test", [])
        if any("$" in part for part in test[1:]):
            assert test[0] == "CMD-SHELL", name


def test_every_variable_compose_sets_for_the_app_is_one_the_app_reads():
    settings_text = "\n".join(p.read_text() for p in [ROOT / "journaling" / "settings.py", *ROOT.glob("*/signals.py")])
    for name, service in COMPOSE["services"].items():
        if service.get("image", "").startswith("journaling"):
            for var in service.get("environment", {}):
                assert re.search(rf"[\"']{var}[\"']", settings_text), (name, var)


def test_the_gpu_worker_reserves_a_gpu_and_takes_inference():
    gpu = COMPOSE["services"]["worker-gpu"]
    assert gpu["deploy"]["resources"]["reservations"]["devices"][0]["capabilities"] == ["gpu"]
    assert "inference" in gpu["command"][gpu["command"].index("-Q") + 1].split(",")
    assert gpu["environment"]["ML_DEVICE"] == "cuda"


def test_the_image_leaves_out_local_environments_data_and_secrets():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".venv", "var", ".env", ".git"} <= ignored
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"mkdir -p /models && chown -R app [^\n]*/models", dockerfile)  # the models volume's owner


def test_the_web_healthcheck_command_passes_against_a_server_that_allows_only_the_production_host(
    live_server, settings
):
    import os
    import subprocess
    import sys

    # The exact command compose runs, pointed at this test's server; the host is a production name, not localhost.
    # (Its exemption from the HTTPS redirect is test_site's: the live server's middleware is built before this.)
    code = COMPOSE["services"]["web"]["healthcheck"]["test"][3].replace("http://localhost:8000", live_server.url)
    settings.ALLOWED_HOSTS = ["journal.example.com"]
    env = {**os.environ, "DJANGO_ALLOWED_HOSTS": "journal.example.com,www.journal.example.com"}
    assert subprocess.run([sys.executable, "-c", code], env=env, timeout=30).returncode == 0


def test_every_long_running_service_has_a_healthcheck():
    for name, service in COMPOSE["services"].items():
        if name != "migrate":  # runs once and exits
            assert service.get("healthcheck", {}).get("test"), name


def test_services_named_in_the_env_file_win_over_the_bundled_ones():
    """environment: overrides env_file, so a managed database or Redis in .env needs the ${VAR:-default} form."""
    app_env = COMPOSE["x-app"]["environment"]
    for var, bundled in (("DATABASE_URL", "@db:5432/journaling"), ("REDIS_URL", "redis://redis:6379")):
        value = app_env[var]
        assert value.startswith("${" + var + ":-") and bundled in value, var


def test_the_cpu_worker_can_leave_analysis_to_the_gpu_worker():
    command = COMPOSE["services"]["worker-cpu"]["command"]
    queues = command[command.index("-Q") + 1]
    match = re.fullmatch(r"\$\{CPU_WORKER_QUEUES:-([\w,]+)\}", queues)
    assert match and set(match.group(1).split(",")) == {"default", "inference"}  # without a GPU it analyses too
    assert "CPU_WORKER_QUEUES=default" in (ROOT / "README.md").read_text()


def test_daphne_is_published_to_the_hosts_proxy_only():
    """DJANGO_SECURE=1 trusts one proxy's X-Forwarded-For: a client reaching daphne directly could pick its own."""
    assert COMPOSE["services"]["web"]["ports"] == ["127.0.0.1:8000:8000"]


def test_workers_finish_their_task_before_a_redeploy_kills_them():
    for name in ("worker-cpu", "worker-gpu"):
        grace = COMPOSE["services"][name]["stop_grace_period"]
        assert re.fullmatch(r"\d+m", grace) and int(grace[:-1]) >= 2, name


@pytest.mark.parametrize(
    "url,expected",
    [
        ("redis://redis:6379", "redis://redis:6379/1"),
        ("redis://redis:6379/0", "redis://redis:6379/1"),  # a URL that names a database
        ("rediss://:pw@host:6380/3?ssl_cert_reqs=none", "rediss://:pw@host:6380/1?ssl_cert_reqs=none"),
        ("unix:///run/redis.sock?db=4", "unix:///run/redis.sock?db=1"),
    ],
)
def test_each_redis_use_gets_its_own_database_whatever_form_redis_url_takes(url, expected):
    from journaling.settings import redis_db

    assert redis_db(url, 1) == expected


def test_the_sweep_runs_on_the_default_queue_so_a_backlog_cannot_hold_it_up():
    from journaling.celery import app

    def queue(name):
        return app.amqp.router.route({}, name)["queue"].name

    assert queue("ml_models.tasks.sweep_unanalysed") == "default"
    assert queue("ml_models.tasks.analyze_entries") == "inference"
    assert queue("ml_models.tasks.embed_query") == "query"
    assert settings.CELERY_BEAT_SCHEDULE["sweep-unanalysed-entries"]["options"]["expires"] < 60
