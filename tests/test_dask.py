"""Issue 7: the parse stage runs on a Dask cluster, given the Dask client."""

from __future__ import annotations

import pytest

from xxgk.package.build import build_package
from xxgk.site.data import read_csv

from .conftest import SEEDS

distributed = pytest.importorskip("distributed", reason="the optional [dask] extra is not installed")


def test_a_local_dask_cluster_parses_the_same_package_as_the_process_pool(tmp_path):
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        reports, errors = build_package(SEEDS, tmp_path / "dask", executor=client)
        with pytest.raises(TypeError, match="Client itself"):  # its executor hides the client: said, not guessed
            build_package(SEEDS, tmp_path / "via-executor", executor=client.get_executor())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dask"]  # nothing made for the refused call
    assert errors == [] and len(reports) == 5
    build_package(SEEDS, tmp_path / "local", workers=1)
    for name in ("reports", "applications", "findings"):
        table = f"data/{name}.csv"
        assert read_csv(tmp_path / "dask" / table) == read_csv(tmp_path / "local" / table)
