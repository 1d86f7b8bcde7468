"""Device and thread choices of the model backends."""

import pytest


@pytest.mark.parametrize(
    "cpu_max,quota_cpus", [("max 100000\n", None), ("150000 100000\n", 2), ("50000 100000\n", 1), ("garbage", None)]
)
def test_available_cpus_honours_a_container_cpu_quota(tmp_path, cpu_max, quota_cpus):
    import os

    from ml_models.backends import available_cpus

    path = tmp_path / "cpu.max"
    path.write_text(cpu_max)
    affinity = len(os.sched_getaffinity(0))
    assert available_cpus(path) == (min(affinity, quota_cpus) if quota_cpus else affinity)
    assert available_cpus(tmp_path / "absent") == affinity  # no cgroup v2 file: affinity alone


@pytest.mark.parametrize("explicit,processes,expected", [("3", "2", 3), ("", "2", "share"), ("", "", "all")])
def test_torch_threads_take_the_explicit_setting_or_a_share_of_the_cores(monkeypatch, explicit, processes, expected):
    from ml_models.backends import available_cpus, torch_threads

    monkeypatch.setenv("ML_TORCH_THREADS", explicit)
    monkeypatch.setenv("ML_POOL_PROCESSES", processes)
    cpus = available_cpus()
    want = {"share": max(1, cpus // 2), "all": cpus}.get(expected, expected)
    assert torch_threads() == want
