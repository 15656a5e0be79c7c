"""``extract --cluster`` and ``--format parquet``: partitions, a real Dask cluster, resume.

The tests marked ``cluster`` share one ``LocalCluster`` of two worker processes over
loopback (``pytest -m cluster`` runs them alone). Each worker loads the pipeline once.
"""

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from rich.console import Console
from typer.testing import CliRunner

from extractor.batch import Result, extract_documents
from extractor.cli import _util as cli
from extractor.cli import app
from extractor.cluster import (
    DEFAULT_PARTITION_SIZE,
    INSTALL_HINT,
    Settings,
    partition_bytes,
    plan_partitions,
    read_partition,
    run_on_cluster,
)
from extractor.io.corpus import Document, InputError, iter_documents
from extractor.io.parquet import MANIFEST, read_records
from extractor.schema import SPAN_FIELDS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SUBSET = sorted(p.stem for p in CORPUS.glob("*.txt"))[:10]
runner = CliRunner()


def _rows(records):
    """Records as full rows: Parquet cannot tell a missing field from a null one."""
    return [{name: rec.get(name) for name in SPAN_FIELDS} for rec in records]


def _by_document(records):
    return sorted(_rows(records), key=lambda r: (r["doc_id"], r["start"], r["end"], r["label"]))


def _local(nlp, folder):
    """Records and errors of a local run (one process) over ``folder``."""
    records, errors = [], []
    for item in extract_documents(nlp, iter_documents([folder])):
        if isinstance(item, Result):
            records.extend(item.records)
        else:
            errors.append(item.to_dict())
    return records, errors


def _copy(folder: Path, ids) -> Path:
    folder.mkdir()
    for doc_id in ids:
        shutil.copy(CORPUS / f"{doc_id}.txt", folder)
        shutil.copy(CORPUS / f"{doc_id}.meta.json", folder)
    return folder


def _faulty(folder: Path) -> Path:
    """Good documents with one bad file or line of several kinds among them."""
    _copy(folder, SUBSET[:3])
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "c_broken.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(folder / "d_fifo.txt")  # never opened: reading would block
    (folder / "e_bad_date.txt").write_text("In 2020, 5 schools were built.", encoding="utf-8")
    (folder / "e_bad_date.meta.json").write_text('{"date": "March"}', encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "text": "In 2019, 300 families received housing.", "date": "2020"}),
        '{"id": "j2", "text": "5 schools"',  # malformed
        "",  # blank: skipped, as locally
        json.dumps({"id": "j3", "date": "2020"}),  # no text
        json.dumps(
            {"id": SUBSET[0], "text": "A repeated id: 7 roads."}
        ),  # an earlier partition's id
        json.dumps({"id": "j5", "text": "By 2025, 40 km of roads.", "date": "2021"}),
    ]
    (folder / "z_records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


# --- partitions (no cluster) ---------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_partitions_hold_every_document_once_in_input_order(tmp_path, size):
    folder = _faulty(tmp_path / "in")
    partitions, missing = plan_partitions([folder, tmp_path / "nowhere"], "2020", size)
    assert [e.kind for e in missing] == ["missing"]
    assert [p.index for p in partitions] == list(range(len(partitions)))
    read = [item for p in partitions for item in read_partition(p, "2020")]
    expected = list(iter_documents([folder], "2020"))

    def key(item):
        # ids repeated across partitions are the client's to find: a partition reads the
        # repeat as a document; all else is as iter_documents gives it
        if getattr(item, "kind", "") == "duplicate-id":
            return "Document", item.id, item.path, item.line, None
        return type(item).__name__, item.id, item.path, item.line, getattr(item, "kind", None)

    assert [key(i) for i in read] == [key(i) for i in expected]


def test_shipped_bytes_read_as_the_files_do(tmp_path):
    folder = _faulty(tmp_path / "in")
    for partition in plan_partitions([folder], None, 2)[0]:
        shipped = partition_bytes(partition)
        assert list(read_partition(partition, None, shipped)) == list(read_partition(partition))


@pytest.mark.parametrize(
    "change,changed",
    [
        (lambda d: (d / "e_bad_date.meta.json").write_text('{"date": "2020"}'), {1}),  # a meta file
        (
            lambda d: (d / "z_records.jsonl").open("a").write("{}\n"),
            {3},
        ),  # a line added: the last range
        (lambda d: None, set()),  # nothing
    ],
)
def test_a_change_changes_only_its_partitions_hash(tmp_path, change, changed):
    folder = _faulty(tmp_path / "in")
    before = plan_partitions([folder], None, 4)[0]
    change(folder)
    after = plan_partitions([folder], None, 4)[0]
    assert {p.index for p, q in zip(before, after, strict=True) if p.sha256 != q.sha256} == changed


def test_the_cli_default_partition_size_is_the_librarys():
    from extractor.cli.extract import extract

    default = extract.__defaults__[-1]
    assert default == DEFAULT_PARTITION_SIZE


@pytest.mark.parametrize(
    "blocked,args",
    [
        ("pyarrow", ["--format", "parquet"]),
        ("distributed", ["--cluster", "local:1"]),
    ],
)
def test_without_the_extra_it_says_what_to_install(tmp_path, monkeypatch, blocked, args):
    monkeypatch.setitem(sys.modules, blocked, None)  # import fails as if not installed
    result = runner.invoke(
        app, ["extract", str(CORPUS / f"{SUBSET[0]}.txt"), "-o", str(tmp_path / "o"), *args]
    )
    assert result.exit_code == 1
    assert INSTALL_HINT in result.stderr and INSTALL_HINT.endswith(" 'extractor[cluster]'")
    assert blocked in result.stderr


def test_parquet_here_gives_the_records_and_errors_of_a_jsonl_run(tmp_path, nlp):
    folder = _faulty(tmp_path / "in")
    records, errors = _local(nlp, folder)
    result = runner.invoke(
        app,
        [
            "extract",
            str(folder),
            "-f",
            "parquet",
            "-o",
            str(tmp_path / "out"),
            "--partition-size",
            "2",
        ]
        + ["--errors", str(tmp_path / "errors.jsonl"), "--n-process", "2"],
    )
    assert result.exit_code == 2, result.stderr  # some documents failed
    assert _rows(read_records(tmp_path / "out")) == _rows(records)
    assert [json.loads(line) for line in open(tmp_path / "errors.jsonl")] == errors


# --- on a real cluster ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_cluster():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",
    )
    client = Client(cluster)
    yield cluster.scheduler_address, client
    client.close()
    cluster.close()


@pytest.mark.cluster
def test_the_cluster_extracts_the_corpus_as_a_local_run_does(dask_cluster, nlp, tmp_path):
    address, _ = dask_cluster
    records, errors = _local(nlp, CORPUS)
    assert not errors
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["extract", str(CORPUS), "--cluster", address, "-o", str(out), "--partition-size", "20"],
    )
    assert result.exit_code == 0, result.stderr
    assert f"Dask cluster {address}: 2 workers" in result.stderr
    documents = len(list(CORPUS.glob("*.txt")))
    assert len(list(out.glob("part-*.parquet"))) == -(-documents // 20)  # 20 a partition
    assert _rows(read_records(out)) == _rows(records)  # same rows, in input order
    through_duckdb = duckdb.sql(f"select * from read_parquet('{out}/*.parquet')").fetchall()
    assert sorted(through_duckdb, key=lambda r: (r[0], r[2], r[3], r[1])) == [
        tuple(row.values()) for row in _by_document(records)
    ]


@pytest.mark.cluster
def test_bad_documents_go_to_errors_as_locally(dask_cluster, nlp, tmp_path, monkeypatch):
    # A relative path: the workers, started elsewhere, read it from the client's folder,
    # and the messages name it as given.
    address, _ = dask_cluster
    monkeypatch.chdir(tmp_path)
    folder = _faulty(Path("in"))
    records, errors = _local(nlp, folder)
    assert errors[0]["path"].startswith("in/")
    result = runner.invoke(
        app,
        ["extract", str(folder), "--cluster", address, "-o", "out"]
        + ["--partition-size", "2", "--errors", "errors.jsonl"],
    )
    assert result.exit_code == 2, result.stderr
    assert [json.loads(line) for line in open(tmp_path / "errors.jsonl")] == errors
    assert _rows(read_records(tmp_path / "out")) == _rows(records)


@pytest.mark.cluster
def test_workers_without_the_model_say_so(dask_cluster, tmp_path):
    address, _ = dask_cluster
    result = runner.invoke(
        app,
        ["extract", str(CORPUS / f"{SUBSET[0]}.txt"), "--cluster", address]
        + ["-o", str(tmp_path / "out"), "--model", "no_such_model_pkg"],
    )
    assert result.exit_code == 1
    assert "a task failed on the cluster (ModelNotFoundError" in result.stderr
    assert "no_such_model_pkg" in result.stderr


@pytest.mark.cluster
def test_a_worker_killed_mid_run_still_yields_every_document_once(dask_cluster, nlp, tmp_path):
    address, client = dask_cluster
    folder = _copy(tmp_path / "in", SUBSET)
    records, _ = _local(nlp, folder)
    partitions, _ = plan_partitions([folder], None, 1)
    pids = client.run(os.getpid)
    killed = None
    outcomes = []
    for _, got in run_on_cluster(client, partitions, Settings()):
        outcomes.extend(got)
        while killed is None:
            busy = [w for w, keys in client.processing().items() if keys and w in pids]
            if busy:
                killed = pids[busy[0]]
                os.kill(killed, signal.SIGKILL)
            else:
                time.sleep(0.01)
    assert killed is not None and killed not in client.run(os.getpid).values()
    assert [o.id for o in outcomes] == SUBSET  # every document once, in input order
    assert _rows([r for o in outcomes for r in o.records]) == _rows(records)
    client.wait_for_workers(2, timeout=120)  # the nanny restarts it, for the next test


@pytest.mark.cluster
def test_resume_after_a_killed_client_writes_only_the_missing_partitions(
    dask_cluster, nlp, tmp_path, monkeypatch
):
    address, _ = dask_cluster
    folder = _copy(tmp_path / "in", SUBSET)
    records, _ = _local(nlp, folder)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extractor", "extract", str(folder), "--cluster", address]
    command += ["-o", str(out), "--partition-size", "1"]
    client = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    parts = []
    while len(parts) < 3 and client.poll() is None and time.monotonic() < deadline:
        try:
            parts = json.loads((out / MANIFEST).read_text())["parts"]
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    client.send_signal(signal.SIGKILL)
    client.wait()
    assert client.returncode == -signal.SIGKILL, client.stderr.read().decode()
    parts = json.loads((out / MANIFEST).read_text())["parts"]
    assert 3 <= len(parts) < len(SUBSET)
    before = {p["file"]: (out / p["file"]).stat() for p in parts}

    monkeypatch.setattr(cli, "err_console", Console(file=io.StringIO(), width=200))
    result = runner.invoke(
        app,
        ["extract", str(folder), "--cluster", address, "-o", str(out)]
        + ["--partition-size", "1", "--resume", "--ship-inputs"],  # the client sends the bytes
    )
    assert result.exit_code == 0, cli.err_console.file.getvalue()
    summary = cli.err_console.file.getvalue()
    assert f"({len(parts)} already in the output)" in summary
    assert f"{len(SUBSET) - len(parts)} Parquet parts written, {len(parts)} kept" in summary
    for name, stat in before.items():  # the kept parts were not written again
        now = (out / name).stat()
        assert (now.st_ino, now.st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)
    assert len(list(out.glob("part-*.parquet"))) == len(SUBSET)
    assert _rows(read_records(out)) == _rows(records)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_documents_carry_no_text_back(tmp_path):
    # What a task sends back is the records and counts, not the document: cheap to move.
    from extractor.cluster import outcome_of

    document = Document("d", "In 2020, 5 schools.", "2020", path="d.txt")
    outcome = outcome_of(Result(document, []))
    assert not any(getattr(outcome, f) == document.text for f in outcome.__dataclass_fields__)
    error = InputError("x.txt", "bad", kind="binary")
    assert outcome_of(error) is error
