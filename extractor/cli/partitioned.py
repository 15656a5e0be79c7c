"""``extract --format parquet`` and ``extract --cluster``: the input in partitions, a Parquet
file a partition, on a Dask cluster or in this process (:mod:`extractor.cluster`)."""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import typer

from ..cluster import INSTALL_HINT
from . import _util
from ._util import EXIT_INTERRUPTED, EXIT_NOTHING, EXIT_PARTIAL, RunNotes, fail, safe


def require(module: str, what: str) -> None:
    """Exit 1 saying what to install when ``module`` cannot be imported."""
    try:
        __import__(module)
    except ImportError:
        fail(f"{what} needs {module}, which is not installed: {INSTALL_HINT}")


def run_partitioned(
    *,
    paths: list[Path],
    date: str | None,
    output: Path | None,
    facts: bool,
    errors: Path | None,
    resume: bool,
    model: str | None,
    disabled_rules: list[str],
    batch_size: int,
    n_process: int | None,
    max_length: int | None,
    doc_timeout: float,
    cluster: str | None,
    ship: bool,
    partition_size: int,
    tally: Any,
    progress_type: Any,
) -> None:
    """The ``extract`` command for Parquet output, here or on a cluster; exits as ``extract``.

    ``tally`` counts what is done (``extract``'s ``_Tally``) and ``progress_type(paths,
    tally)`` shows it on a terminal (its ``_Progress``): passed in, so that no module
    imports a command module.
    """
    what = "--cluster" if cluster else "--format parquet"
    require("pyarrow", what)
    if cluster:
        require("distributed", what)
    if output is None:
        fail(f"{what} writes a folder of Parquet files: give -o DIR")
    from ..batch import default_n_process
    from ..cluster import (
        EXTRACTION,
        TIMEOUT,
        IdLedger,
        Settings,
        connect,
        dashboard,
        plan_partitions,
        run_here,
        run_on_cluster,
    )
    from ..io.corpus import InputError
    from ..io.parquet import PartitionedOutput
    from ..io.writers import OutputError

    err_console = _util.err_console
    manifest_settings = {"format": "parquet", "facts": facts, "partition_size": partition_size}
    try:
        out = PartitionedOutput(output, manifest_settings, resume=resume).open()
        _util.make_parent(errors)
        err_handle = errors.open("w", encoding="utf-8") if errors else None
    except OutputError as err:
        fail(str(err))
    except OSError as err:
        fail(f"cannot write {err.filename}: {err.strerror or err}")
    settings = Settings(
        model=model,
        disabled_rules=tuple(disabled_rules),
        date=date,
        batch_size=batch_size,
        max_length=max_length,
        doc_timeout=doc_timeout,
    )
    partitions, missing = plan_partitions(paths, date, partition_size)
    notes, ids = RunNotes(), IdLedger()
    todo = []
    for partition in partitions:
        entry = out.kept(partition.index, partition.sha256)
        if entry is None:
            todo.append(partition)
            continue
        tally.kept += entry.documents
        tally.kept_size += partition.size
        for doc_id, where in out.documents(entry):
            ids.add(doc_id, where)

    def failure(item: InputError) -> None:
        tally.failure(item)
        if err_handle:
            err_handle.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            err_handle.flush()
        else:
            err_console.print(f"[red]skipped[/red] {safe(str(item))}", highlight=False)

    for item in missing:
        failure(item)
    client = local = None
    progress = None
    try:
        if cluster:
            try:
                client, local = connect(cluster, default_n_process())
            except (ValueError, OSError) as err:
                fail(str(err))
            workers = len(client.nthreads())
            link = dashboard(client)
            where = f"; dashboard {link}" if link else ""
            err_console.print(
                f"Dask cluster {client.scheduler.address}: {workers} workers{where}",
                highlight=False,
            )
            source: Any = run_on_cluster(client, todo, settings, ship=ship)
        else:
            nlp = _util.load_pipeline(model, disabled_rules=disabled_rules)
            source = run_here(nlp, todo, settings, n_process=n_process or default_n_process())
        progress = progress_type(paths, tally) if err_console.is_terminal else None
        with progress or nullcontext():
            for partition, outcomes in source:
                records: list = []
                documents: list[tuple[str, str]] = []
                failed, retry = 0, False
                for outcome in outcomes:
                    outcome = ids.check(outcome)
                    if isinstance(outcome, InputError):
                        failure(outcome)
                        failed += 1
                        retry = retry or outcome.kind in (TIMEOUT, EXTRACTION)
                        continue
                    notes.note(outcome.id, outcome.not_english, dated=outcome.dated)
                    records.extend(outcome.records)
                    documents.append((outcome.id, outcome.where))
                    tally.processed += 1
                    tally.spans += len(outcome.records)
                    tally.words += outcome.words
                    tally.size += outcome.size
                out.write(
                    partition.index,
                    partition.sha256,
                    records,
                    documents,
                    failed=failed,
                    retry=retry,
                )
                if progress is not None:
                    progress.update()
        out.finish(len(partitions))
    except KeyboardInterrupt:
        err_console.print(f"interrupted after {tally.summary()}", highlight=False)
        err_console.print("run the same command with --resume to go on", highlight=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except typer.Exit:
        raise
    except Exception as err:
        if not cluster:
            raise
        if type(err).__name__ == "KilledWorker":
            what = f"a partition killed every worker that ran it ({err})"
        else:  # a worker without the model, a bug: Dask has tried the task again already
            what = f"a task failed on the cluster ({type(err).__name__}: {err})"
        err_console.print(
            f"{safe(what)} after {tally.summary()}; the parts written are kept for --resume",
            highlight=False,
        )
        raise typer.Exit(EXIT_NOTHING) from err
    finally:
        if err_handle:
            err_handle.close()
        if client is not None:
            client.close()
        if local is not None:
            local.close()
    notes.report()
    listed = f" (listed in {safe(str(errors))})" if errors and tally.failed else ""
    written = len(partitions) - len(todo)
    kept = f", {written} kept" if written else ""
    err_console.print(
        f"{tally.summary()}{listed}; {len(todo)} Parquet parts written{kept} in "
        f"{safe(str(output))}",
        highlight=False,
    )
    if tally.done == 0:
        raise typer.Exit(EXIT_NOTHING)
    if tally.failed:
        raise typer.Exit(EXIT_PARTIAL)
