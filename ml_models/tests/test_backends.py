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


def test_a_model_retrained_in_place_gets_a_new_version(tmp_path):
    """reanalyze --all re-runs entries analysed by other model versions: the version must see the new weights."""
    from ml_models.registry import ModelSpec

    heads = tmp_path / "default_heads.json"
    heads.write_text('{"coef": [1.0]}')
    spec = ModelSpec(task="sentiment", backend="embedding-head", source=str(heads))
    before = spec.version
    heads.write_text('{"coef": [2.0]}')
    assert spec.version != before and spec.version.startswith("embedding-head:default_heads.json:")
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights one")
    folder_spec = ModelSpec(task="embedding", backend="sentence-transformers", source=str(folder))
    first = folder_spec.version
    (folder / "model.safetensors").write_bytes(b"weights two")
    assert folder_spec.version != first
    second = folder_spec.version
    (folder / ".cache" / "huggingface").mkdir(parents=True)  # download metadata, rewritten on every download
    (folder / ".cache" / "huggingface" / "model.safetensors.metadata").write_text("etag\n1733000000.1")
    assert folder_spec.version == second
