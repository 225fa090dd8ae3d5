"""Queries that run long or return much: --timeout, Ctrl-C, streamed output, a closed stdout.

Signals, timeouts and memory are checked on real ``kg`` processes; what needs no
process (a timeout's message, the streamed table's blocks) through CliRunner.
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
from conftest import KG, cli, processes_running

from kg.output import table, write_table

#: Counts a three-way cross product of the fixture graph's 702 quads: minutes of work
#: that yields nothing before it ends.
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def big(n: int) -> str:
    """A query of ``n`` rows of four columns (a two-way cross product), streamed as it goes."""
    return f"SELECT ?a ?b ?c ?f WHERE {{ ?a ?b ?c . ?d ?e ?f }} LIMIT {n}"


def start(store, *args, query=HEAVY, **popen):
    """A real ``kg query - ARGS`` process on ``store`` with ``query`` on its standard input."""
    process = subprocess.Popen([KG, "--store", str(store), "query", "-", *args], stdin=subprocess.PIPE,
                               stdout=popen.pop("stdout", subprocess.PIPE), stderr=subprocess.PIPE, **popen)
    process.stdin.write(query.encode())
    process.stdin.close()
    process.stdin = None
    return process


def wait_until_querying(store, process, seconds=10.0):
    """Wait until the query runs: the process has a child working for it (or has ended)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if len(processes_running(str(store))) >= 2:
            return
        time.sleep(0.02)


# ------------------------------------------------------------------ Ctrl-C
@pytest.mark.parametrize("group", [False, True], ids=["kg-only", "process-group"])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_ctrl_c_stops_an_aggregate_within_a_second_with_exit_130(disk_store, fmt, group):
    process = start(disk_store, "--format", fmt, start_new_session=True)
    wait_until_querying(disk_store, process)
    time.sleep(0.3)
    sent = time.monotonic()
    if group:    # as a terminal sends it: to kg and to every process of its group
        os_killpg(process.pid)
    else:
        process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert time.monotonic() - sent < 2.0
    assert (process.returncode, out, err) == (130, b"", b"Error: interrupted\n")
    assert processes_running(str(disk_store)) == []


def os_killpg(pid: int) -> None:
    import os

    os.killpg(pid, signal.SIGINT)


def test_ctrl_c_stops_a_streaming_query(disk_store):
    process = start(disk_store, "--format", "csv", query=big(400_000), stdout=subprocess.DEVNULL)
    wait_until_querying(disk_store, process)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=5)
    assert (process.returncode, err) == (130, b"Error: interrupted\n")


# ------------------------------------------------------------------ --timeout
def test_a_query_over_its_timeout_is_stopped_with_one_line_and_exit_1(disk_store):
    began = time.monotonic()
    process = start(disk_store, "--timeout", "1")
    out, err = process.communicate(timeout=30)
    assert (process.returncode, out, err) == (1, b"", b"Error: query stopped after 1 s (--timeout)\n")
    assert time.monotonic() - began < 5
    assert processes_running(str(disk_store)) == []


def test_the_timeout_applies_in_process_too(disk_store):
    result = cli("--store", disk_store, "query", "-", "--timeout", "0.5", input=HEAVY)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", "Error: query stopped after 0.5 s (--timeout)\n")


def test_the_timeout_defaults_to_60_seconds_and_0_means_none():
    from kg.cli import query

    option = next(p for p in query.params if p.name == "timeout")
    assert option.default == 60
    result = cli("query", "-", "--timeout", "-1", input="ASK {}")
    assert result.exit_code == 2 and "--timeout" in result.stderr


def test_no_timeout_lets_a_query_finish(disk_store):
    result = cli("--store", disk_store, "query", "-", "--timeout", "0", input="ASK { ?s ?p ?o }")
    assert (result.exit_code, result.stdout) == (0, "true\n")


# ------------------------------------------------------------------ streaming
PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
assert done.returncode == 0, done.stderr
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_kib(store, tmp_path, fmt: str, rows: int) -> int:
    """Peak RSS (KiB) of ``kg query`` and its query process, measured from a small launcher."""
    path = tmp_path / f"big{rows}.rq"
    path.write_text(big(rows), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PEAK, KG, "--store", str(store), "query", str(path),
                           "--format", fmt], capture_output=True, text=True, check=True)
    return int(done.stdout)


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_ten_times_the_rows_take_no_more_memory(disk_store, tmp_path, fmt):
    small, large = peak_kib(disk_store, tmp_path, fmt, 10_000), peak_kib(disk_store, tmp_path, fmt, 100_000)
    # held whole, 90,000 more rows took 250 (table), 60 (csv) and 170 MiB (json) more
    assert large - small < 16 * 1024, (small, large)


def test_a_streamed_result_is_complete(disk_store):
    result = cli("--store", disk_store, "query", "-", "--format", "json", input=big(5000))
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["results"]["bindings"]) == 5000
    csv = cli("--store", disk_store, "query", "-", "--format", "csv", input=big(5000)).stdout
    assert csv.count("\n") == 5001


def test_a_table_is_written_in_blocks_each_aligned_no_narrower_than_the_last():
    rows = [["a", "1"], ["bb", "2"], ["c", "3"], ["dddd", "4"], ["e", "5"]]
    assert "".join(write_table(["x", "y"], iter(rows), block=2)) == (
        "x   y\n"
        "--  -\n"
        "a   1\n"
        "bb  2\n"
        "c     3\n"
        "dddd  4\n"
        "e     5\n"
    )
    assert "".join(write_table(["x", "y"], iter(rows), block=1000)) == table(["x", "y"], rows)
    assert "".join(write_table(["x"], iter([]), block=2)) == "x\n-\n(no results)\n"


# ------------------------------------------------------------------ a closed output
def test_a_reader_that_stops_early_ends_kg_quietly(disk_store):
    process = start(disk_store, "--format", "csv", query=big(400_000))
    process.stdout.readline()
    process.stdout.close()
    process.wait(timeout=10)
    assert (process.returncode, process.stderr.read()) == (0, b"")
    assert processes_running(str(disk_store)) == []


def test_a_closed_stdout_is_one_line_and_exit_1(disk_store):
    done = subprocess.run(["sh", "-c", f'"{KG}" --store "{disk_store}" query treaties >&-'],
                          capture_output=True, timeout=30)
    assert done.returncode == 1
    assert done.stderr.startswith(b"Error: cannot write the output: ") and done.stderr.count(b"\n") == 1
