"""Throughput and memory of extractor, on the corpus repeated to at least 200,000 words.

In one run it measures words per second of

  (a) the bare English model's ``nlp.pipe`` with its default components,
  (b) extractor in one process (read the archive, extract, write JSONL),
  (c) extractor with two processes,
  (d) quantulum3's ``parser.parse`` on the same texts (a subset: it is slow),
  (e), (f) extractor on a Dask ``LocalCluster`` of 1 and 2 worker processes
      (``extract --cluster local:N``: plan the partitions, extract, write Parquet),

and the peak RSS of ``extractor extract`` on the archive and on ten times the archive,
each in a fresh process. It writes a markdown table with the ratios to (a).

A scaling table follows: seconds per 1,000 words of one document at 1x, 4x, 16x and 64x
its length, for paragraphed text, the same text with no sentence ends, and the rows of
issue 11 (adversarial input) at 1x and 10x, with the peak RSS after each size.

    python benchmarks/bench.py [--words 200000] [--rss-scale 10] [--out FILE.md]
    python benchmarks/bench.py --quick   # about three minutes: fewer words, scales 1x-16x
    python benchmarks/bench.py --only cluster   # (a), (b), (e), (f) alone

``make bench`` runs it. Timings are wall-clock and the best of ``--repeat`` runs: on a
shared machine the other load only ever slows a run down.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@dataclass(frozen=True)
class Archive:
    """The corpus repeated: one JSONL file, and the texts in memory."""

    path: Path
    texts: list[str]
    words: int


def words_of(text: str) -> int:
    """Words as a reader counts them: runs of non-space."""
    return len(text.split())


def build_archive(folder: Path, min_words: int, copies: int | None = None) -> Archive:
    """The corpus repeated until it holds ``min_words`` words (or ``copies`` times)."""
    base = []
    for txt in sorted(CORPUS.glob("*.txt")):
        meta = json.loads(txt.with_name(txt.stem + ".meta.json").read_text(encoding="utf-8"))
        base.append((txt.stem, txt.read_text(encoding="utf-8"), meta.get("date")))
    per_copy = sum(words_of(text) for _, text, _ in base)
    copies = copies or -(-min_words // per_copy)
    path = folder / f"archive-{copies}x.jsonl"
    texts = []
    with path.open("w", encoding="utf-8") as handle:
        for k in range(copies):
            for doc_id, text, date in base:
                handle.write(json.dumps({"id": f"{doc_id}-{k}", "text": text, "date": date}) + "\n")
                texts.append(text)
    return Archive(path, texts, per_copy * copies)


ONE_DOCUMENT_WORDS = 100_000


def one_document_archive(folder: Path, min_words: int = ONE_DOCUMENT_WORDS) -> Archive:
    """One document of ``min_words`` words at least: a report's paragraphs repeated."""
    base = (CORPUS / f"{SCALING_BASE}.txt").read_text(encoding="utf-8")
    text = "\n\n".join([base] * -(-min_words // words_of(base)))
    path = folder / "one-document.jsonl"
    path.write_text(json.dumps({"id": "one", "text": text, "date": "2024-05-01"}) + "\n")
    return Archive(path, [text], words_of(text))


def best_rate(words: int, run: Callable[[], object], repeat: int) -> float:
    """Words per second of the fastest of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return words / best


def bench_base_model(archive: Archive, repeat: int, batch_size: int | None = None) -> float:
    """(a) The English model with its default components, texts already in memory.

    ``batch_size`` None is ``nlp.pipe``'s default (the model's, 256 documents).
    """
    from extractor.pipeline import load_base_model

    nlp = load_base_model()
    list(nlp.pipe(archive.texts[:8]))  # warm up
    run = lambda: [None for _ in nlp.pipe(archive.texts, batch_size=batch_size)]  # noqa: E731
    return best_rate(archive.words, run, repeat)


def bench_extractor(archive: Archive, n_process: int, repeat: int, nlp=None) -> float:
    """(b), (c) Read the archive, extract, write JSONL with its ledger: the whole batch path."""
    import extractor
    from extractor.batch import extract_documents
    from extractor.io.corpus import iter_documents
    from extractor.io.writers import JsonlWriter, ResumableOutput

    nlp = nlp or extractor.load()
    nlp(nlp.make_doc("In 2020, 5 schools were built."))  # loads the unit lexicon

    def run() -> None:
        with (
            tempfile.TemporaryDirectory() as tmp,
            ResumableOutput(Path(tmp) / "out.jsonl", JsonlWriter()) as out,
        ):
            for item in extract_documents(nlp, iter_documents([archive.path]), n_process=n_process):
                if hasattr(item, "records"):
                    out.write(item.document.id, item.document.sha256, item.records)

    return best_rate(archive.words, run, repeat)


def bench_cluster(archive: Archive, repeat: int, nlp) -> tuple[float, float, float]:
    """(e), (f) ``extract --cluster local:1`` and ``local:2`` without their start-up (the
    workers have loaded the pipeline before the clock starts, as on a cluster that runs
    for many jobs), and (b) again, the three in turns, so that a change in the machine's
    load mid-way hits them alike: the words/s of the best run of each."""
    from extractor.cluster import (
        PLUGIN_NAME,
        Settings,
        connect,
        make_plugin,
        plan_partitions,
        run_on_cluster,
    )
    from extractor.io.parquet import PartitionedOutput

    settings = Settings()

    def on(client) -> Callable[[], None]:
        def run() -> None:
            with tempfile.TemporaryDirectory() as tmp:
                out = PartitionedOutput(Path(tmp) / "out", {"format": "parquet"}).open()
                partitions, _ = plan_partitions([archive.path], None, cluster_partition(archive))
                for partition, outcomes in run_on_cluster(client, partitions, settings):
                    records = [r for o in outcomes for r in getattr(o, "records", [])]
                    documents = [(o.id, o.where) for o in outcomes if hasattr(o, "records")]
                    out.write(partition.index, partition.sha256, records, documents)

        return run

    clusters = [connect(f"local:{n}", n) for n in (1, 2)]
    try:
        for client, _ in clusters:
            client.register_plugin(make_plugin(settings), name=PLUGIN_NAME)  # loads the pipeline
        one = lambda: bench_extractor(archive, 1, 1, nlp)  # noqa: E731
        runs = [one, on(clusters[0][0]), on(clusters[1][0])]
        best = [0.0, 0.0, 0.0]
        for _ in range(repeat):
            for k, run in enumerate(runs):
                rate = run() if k == 0 else best_rate(archive.words, run, 1)
                best[k] = max(best[k], rate)
        return best[0], best[1], best[2]
    finally:
        for client, cluster in clusters:
            client.close()
            cluster.close()


def cluster_partition(archive: Archive, workers: int = 2, per_worker: int = 5) -> int:
    """Documents a partition in (e), (f): extractor's batch (16), halved until two workers
    get at least ``per_worker`` partitions each, so neither waits long for the other."""
    from extractor.batch import DEFAULT_BATCH_SIZE

    size = DEFAULT_BATCH_SIZE
    while size > 1 and -(-len(archive.texts) // size) < workers * per_worker:
        size //= 2
    return size


def bench_quantulum(archive: Archive, min_words: int, repeat: int) -> tuple[float, int]:
    """(d) quantulum3's parser on the first documents holding ``min_words`` words."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        subset, words = [], 0
        for text in archive.texts:
            if words >= min_words:
                break
            subset.append(text)
            words += words_of(text)
        parser.parse(subset[0])  # loads its unit catalogue
        rate = best_rate(words, lambda: [parser.parse(text) for text in subset], repeat)
    return rate, words


def peak_rss(archives: list[Archive], folder: Path) -> list[int]:
    """Peak RSS in bytes of ``extractor extract`` (one process) on each archive.

    Each runs in a fresh process, all at once (memory does not depend on speed); the
    peak comes from the kernel's accounting of that very process (``os.wait4``), which
    includes what this process held when it started the child: call it early.
    """
    procs = []
    for archive in archives:
        out = folder / f"{archive.path.stem}.out.jsonl"
        command = [
            sys.executable,
            "-m",
            "extractor",
            "extract",
            str(archive.path),
            "-o",
            str(out),
            "--n-process",
            "1",
        ]
        procs.append(
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
    peaks = []
    for proc in procs:
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"extractor extract failed on {proc.args}")
        peaks.append(usage.ru_maxrss * 1024)  # Linux reports KiB
    return peaks


SCALES = (1, 4, 16, 64)
QUICK_SCALES = (1, 4, 16)
# One report of the corpus, the unit the scaling table repeats.
SCALING_BASE = "010_turkistan_akim_report"
_PHRASE = "the region spent 5 billion tenge on 12 schools in 2019-2021 and built 300 km of roads "
# The rows of issue 11 at their size there (1x).
ADVERSARIAL = {
    "50,000 % then 5%": lambda k: "%" * (50_000 * k) + " 5%",
    "100,000 hyphens then 5 tons": lambda k: "-" * (100_000 * k) + " 5 tons",
    "from 1 to 2 to 3 ... 135,000 chars": lambda k: (
        "from 1 " + " ".join(f"to {i}" for i in range(2, 40_000 * k))
    )[: 135_000 * k],
    "amount + year range, no punctuation, 3,000 words": lambda k: _PHRASE * (190 * k),
}


def _peak_rss_now() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _one_document(nlp, text: str, timeout: float) -> tuple[float, str]:
    """Seconds to extract one document through the batch path, and its outcome."""
    from extractor.batch import extract_documents
    from extractor.io.corpus import Document

    started = time.perf_counter()
    (item,) = extract_documents(
        nlp, [Document("bench", text, date="2024-05-01")], doc_timeout=timeout
    )
    outcome = "ok" if hasattr(item, "records") else item.kind
    return time.perf_counter() - started, outcome


def bench_scaling(
    nlp, scales: tuple[int, ...], timeout: float, adversarial_scales: tuple[int, ...] = (1, 10)
) -> list[tuple]:
    """Rows ``(input, scale, words, chars, seconds, s per 1k words, peak RSS, outcome)``,
    sizes in increasing order (peak RSS is the process's peak so far)."""
    base = (CORPUS / f"{SCALING_BASE}.txt").read_text(encoding="utf-8")
    flat = " ".join(base.replace(".", " ").replace("!", " ").replace("?", " ").split())
    inputs = [
        ("paragraphed", lambda k: "\n\n".join([base] * k), scales),
        ("no sentence ends", lambda k: " ".join([flat] * k), scales),
        *((name, make, adversarial_scales) for name, make in ADVERSARIAL.items()),
    ]
    rows = []
    for name, make, ks in inputs:
        for k in ks:
            text = make(k)
            seconds, outcome = _one_document(nlp, text, timeout)
            words = max(1, words_of(text))
            rows.append(
                (
                    name,
                    k,
                    words,
                    len(text),
                    seconds,
                    1000 * seconds / words,
                    _peak_rss_now(),
                    outcome,
                )
            )
            print(f"scaling: {name} {k}x {seconds:.1f} s {outcome}", file=sys.stderr)
    return rows


def scaling_report(rows: list[tuple]) -> str:
    """The scaling table, and its goals."""
    lines = [
        "",
        "| one document | scale | words | chars | s | s / 1k words | s / 100k chars "
        "| peak RSS so far | outcome |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, k, words, chars, seconds, per_k, rss, outcome in rows:
        lines.append(
            f"| {name} | {k}x | {words:,} | {chars:,} | {seconds:.1f} | {per_k:.3f} "
            f"| {100_000 * seconds / chars:.1f} | {rss / 2**20:,.0f} MiB | {outcome} |"
        )
    lines += ["", "| goal | reached | met |", "|---|---:|:---:|"]
    for name in ("paragraphed", "no sentence ends"):
        mine = [r for r in rows if r[0] == name]
        first, last = mine[0], mine[-1]
        ratio = last[5] / first[5]
        lines.append(
            f"| {name}: s/1k words at {last[1]}x within 1.5x of 1x | {ratio:.2f} "
            f"| {goal(ratio <= 1.5)} |"
        )
    adversarial = [r for r in rows if r[0] in ADVERSARIAL and r[1] == 10]
    if adversarial:
        worst = max(100_000 * r[4] / r[3] for r in adversarial)
        done = all(r[7] == "ok" for r in adversarial)
        lines.append(
            f"| adversarial at 10x: ≤ 10 s per 100k chars, all finished | {worst:.1f} s "
            f"| {goal(worst <= 10 and done)} |"
        )
    return "\n".join(lines) + "\n"


def _spin(seconds: float) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        pass
    return time.process_time() - cpu


def free_cpus(seconds: float = 2.0) -> float:
    """CPUs this machine gives us now: CPU seconds that one busy process per CPU gets in
    ``seconds``, divided by ``seconds``. On a shared machine the load average says how
    many wait; this says what a parallel run can use (the ratios of (c) and (f) to (b)
    cannot exceed it)."""
    import multiprocessing

    cpus = len(os.sched_getaffinity(0))
    with multiprocessing.get_context("fork").Pool(cpus) as pool:
        return sum(pool.map(_spin, [seconds] * cpus)) / seconds


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}"


def goal(met: bool) -> str:
    """A goal's cell: met or not."""
    return "yes" if met else "**no**"


def report(results: dict) -> str:
    """The markdown table of RESULTS.md; what a run did not measure (``--quick``) is left out."""
    r = results
    a, b, c = r["base"], r["one"], r.get("two")
    d, a16 = r.get("quantulum"), r.get("base16")
    lines = [
        f"Corpus repeated to {r['words']:,} words ({r['docs']:,} documents); {r['machine']}.",
        "",
        "| | words/s | ratio to (a) |",
        "|---|---:|---:|",
        f"| (a) `en_core_web_sm` `nlp.pipe`, default components | {a:,.0f} | 1.00 |",
    ]
    if a16:
        lines.append(
            f"| (a′) the same with extractor's batches of {r['batch_size']} documents "
            f"| {a16:,.0f} | {_ratio(a16, a)} |"
        )
    lines += [
        f"| (b) extractor, 1 process (read, extract, write JSONL) | {b:,.0f} | {_ratio(b, a)} |",
    ]
    if c:
        lines.append(f"| (c) extractor, `--n-process 2` | {c:,.0f} | {_ratio(c, a)} |")
    if d:
        lines.append(
            f"| (d) quantulum3 `parser.parse` ({r.get('quantulum_words', 0):,}-word subset) "
            f"| {d:,.0f} | {_ratio(d, a)} |"
        )
    e, f = r.get("cluster1"), r.get("cluster2")
    if e and f:
        lines += [
            f"| (e) extractor, `--cluster local:1` (Parquet) | {e:,.0f} | {_ratio(e, a)} |",
            f"| (f) extractor, `--cluster local:2` (Parquet) | {f:,.0f} | {_ratio(f, a)} |",
        ]
    lines += [
        "",
        "| goal | reached | met |",
        "|---|---:|:---:|",
        f"| (b)/(a) ≥ 1.1 | {_ratio(b, a)} | {goal(b / a >= 1.1)} |",
    ]
    if c:
        lines.append(f"| (c)/(b) ≥ 1.7 | {_ratio(c, b)} | {goal(c / b >= 1.7)} |")
    if e and f:
        b2 = r.get("one_between") or b
        lines += [
            f"| (e)/(b′): one cluster worker against one process | {_ratio(e, b2)} | – |",
            f"| (f)/(b′) ≥ 1.6: two cluster workers against one process | {_ratio(f, b2)} "
            f"| {goal(f / b2 >= 1.6)} |",
            f"| (f)/(e): two cluster workers against one | {_ratio(f, e)} | – |",
            "",
            f"(b′) is (b) measured again in turns with (e) and (f): {b2:,.0f} words/s.",
        ]
    if d:
        lines.append(f"| (b)/(d) ≥ 3 | {_ratio(b, d)} | {goal(b / d >= 3)} |")
    if r.get("rss_one"):
        lines.append(
            f"| peak RSS of one {r['one_words']:,}-word document < 1 GiB "
            f"| {r['rss_one'] / 2**20:,.0f} MiB | {goal(r['rss_one'] < 2**30)} |"
        )
    if r.get("rss"):
        rss1, rss10 = r["rss"]
        lines += [
            f"| peak RSS {r['rss_scale']}× within 10% of 1× | {rss10 / rss1 - 1:+.1%} "
            f"| {goal(rss10 <= 1.1 * rss1)} |",
            "",
            "| input (`extractor extract`, 1 process) | words | peak RSS |",
            "|---|---:|---:|",
            f"| 1× | {r['words']:,} | {rss1 / 2**20:,.0f} MiB |",
            f"| {r['rss_scale']}× | {r['words'] * r['rss_scale']:,} | {rss10 / 2**20:,.0f} MiB |",
        ]
    if "scaling" in r:
        lines.append(scaling_report(r["scaling"]))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Run every measurement and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--words", type=int, default=200_000, help="Words of the archive (at least)."
    )
    parser.add_argument(
        "--rss-scale", type=int, default=10, help="The larger input for peak RSS, in archives."
    )
    parser.add_argument(
        "--quantulum-words", type=int, default=20_000, help="Words quantulum3 is timed on."
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="Runs of each throughput measurement (the best counts).",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="Also write the markdown table to this file (RESULTS.md keeps the history of "
        "runs by hand: paste a run's table there with a line on what it measured).",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="About four minutes: 20,000 words, one run each, no quantulum3, one RSS "
        "process (a 100,000-word document), scaling at 1x-16x, the adversarial rows at 1x "
        "with a 30 s budget.",
    )
    parser.add_argument(
        "--doc-timeout",
        type=float,
        default=300.0,
        help="Budget of one document in the scaling table (s); over it the row says timeout.",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=("two", "base16", "quantulum", "cluster"),
        help="Measure (a), (b) and these only, and skip the scaling table (e.g. --only "
        "cluster for the cluster rows).",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.words, args.repeat = min(args.words, 20_000), 1
    logging.getLogger("extractor").setLevel(logging.ERROR)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive = build_archive(folder, args.words)
        copies = len(archive.texts) // len(list(CORPUS.glob("*.txt")))
        big = build_archive(folder, 0, copies=copies * args.rss_scale)
        load = os.getloadavg()[0]
        free = free_cpus()
        results = {"words": archive.words, "docs": len(archive.texts), "rss_scale": args.rss_scale}
        # Memory first, while this process is small: Linux counts the RSS a child had
        # when it was forked into its peak, even across exec.
        started = time.perf_counter()
        one = one_document_archive(folder)
        if not args.quick and not args.only:
            results["rss"] = peak_rss([archive, big], folder)
            print(f"rss: {results['rss']} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        if not args.only:
            (results["rss_one"],) = peak_rss([one], folder)
            results["one_words"] = one.words
            print(f"rss of one {one.words:,}-word document: {results['rss_one']:,}",
                  file=sys.stderr)  # fmt: skip
        import extractor
        from extractor.batch import DEFAULT_BATCH_SIZE

        results["batch_size"] = DEFAULT_BATCH_SIZE
        nlp = extractor.load()
        steps: list[tuple[str, Callable[[], object]]] = [
            ("base", lambda: bench_base_model(archive, args.repeat)),
            ("base16", lambda: bench_base_model(archive, args.repeat, DEFAULT_BATCH_SIZE)),
            ("one", lambda: bench_extractor(archive, 1, args.repeat, nlp)),
            ("two", lambda: bench_extractor(archive, 2, args.repeat, nlp)),
            ("quantulum", lambda: bench_quantulum(archive, args.quantulum_words, args.repeat)),
            ("cluster", lambda: bench_cluster(archive, args.repeat, nlp)),
        ]
        if args.quick:
            quick = ("base", "one", "two", "cluster")
            steps = [step for step in steps if step[0] in quick]
        if args.only:
            steps = [step for step in steps if step[0] in ("base", "one", *args.only)]
        for name, step in steps:
            started = time.perf_counter()
            value = step()
            if name == "quantulum":
                value, results["quantulum_words"] = value
            if name == "cluster":
                results["one_between"], results["cluster1"], value = value
                name = "cluster2"
            results[name] = value
            print(
                f"{name}: {value:,.0f} words/s ({time.perf_counter() - started:.0f} s)",
                file=sys.stderr,
            )
        # Last: the largest documents raise this process's peak RSS for good.
        if args.only:
            pass
        elif args.quick:
            results["scaling"] = bench_scaling(nlp, QUICK_SCALES, min(args.doc_timeout, 30), (1,))
        else:
            results["scaling"] = bench_scaling(nlp, SCALES, args.doc_timeout)
    cpus = len(os.sched_getaffinity(0))
    results["machine"] = (
        f"{cpus} CPUs ({platform.machine()}), Python {platform.python_version()}, "
        f"load average {load:.1f} at the start and {os.getloadavg()[0]:.1f} at the end; "
        f"{free:.1f} CPUs free at the start and {free_cpus():.1f} at the end"
    )
    table = report(results)
    if args.out is not None:
        args.out.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
