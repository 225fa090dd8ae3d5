"""Extraction on a Dask cluster: articles in batches -> one N-Quads shard per batch -> store.

The same path works on any batch or cluster system: each task is ``kg extract`` of one
batch into one shard, with no store; the shards are then loaded with ``kg load`` (or
into any RDF store).  Dask is an optional extra (``pip install -e '.[dask]'``)::

    from dask.distributed import Client
    from kg.distributed import extract_on_dask
    shards = extract_on_dask(Client("scheduler:8786"), ["articles/"], "shards/", batch=200)

then ``kg load shards/*.nq``.  The shard folder must be one the workers and the loader
share (a network file system, or a local folder for a local cluster).
"""
from __future__ import annotations

from pathlib import Path

from kg.article import find_articles


def batches(paths: list[Path], size: int) -> tuple[list[list[tuple[str, str]]], list[str]]:
    """The article files under ``paths``, as ``(path, identity)`` pairs, in batches of
    ``size``, in file order (identities are found here, once for the whole archive), and one
    line for each input that will not be read."""
    files, problems = find_articles(paths)
    return [files[i:i + size] for i in range(0, len(files), size)], problems


def extract_batch(files: list[tuple[str, str]], shard: str) -> dict:
    """One task: extract ``files`` into the shard file ``shard``; runs on a worker."""
    from kg.build import extract_to
    from kg.outfile import output_file

    with output_file(shard) as stream:
        report = extract_to(stream, files=[(path, identity) for path, identity in files])
    return {"shard": shard, "built": len(report.built), "statements": report.statements,
            "skipped": list(report.skipped)}


def extract_on_dask(client, paths, out_dir, batch: int = 200) -> list[dict]:
    """Extract every article under ``paths`` on the Dask ``client``'s workers, one shard per
    batch of ``batch`` articles, into ``out_dir``; returns each task's report, in order, after
    a report with no shard that names the inputs not read, if there are any."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    groups, problems = batches([Path(p) for p in paths], batch)
    unread = [{"shard": None, "built": 0, "statements": 0, "skipped": problems}] if problems else []
    futures = [client.submit(extract_batch, files, str(out / f"shard-{n:05d}.nq"), pure=False)
               for n, files in enumerate(groups)]
    return unread + client.gather(futures)
