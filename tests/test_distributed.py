"""Extraction on a local Dask cluster with two worker processes gives, once its shards are
loaded, the same store as a plain build (the `dask` extra; skipped without it)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli, nquads

from kg.distributed import batches, extract_on_dask

distributed = pytest.importorskip("dask.distributed")

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_batches_keep_file_order():
    groups, problems = batches([SEEDS], 2)
    assert [len(g) for g in groups] == [2, 2, 1] and problems == []
    assert [Path(f).name for g in groups for f, _ in g] == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_dask_shards_load_into_the_same_store(tmp_path):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        reports = extract_on_dask(client, [SEEDS], tmp_path / "shards", batch=2)
    assert [r["built"] for r in reports] == [2, 2, 1]
    assert sum(r["statements"] for r in reports) == 43
    shards = sorted((tmp_path / "shards").glob("*.nq"))
    assert len(shards) == 3
    dask_store, plain_store = tmp_path / "dask", tmp_path / "plain"
    assert cli("--store", dask_store, "load", *shards).exit_code == 0
    assert cli("--store", plain_store, "build", "-q", SEEDS).exit_code == 0
    assert nquads(dask_store) == nquads(plain_store)
