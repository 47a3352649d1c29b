"""parse_bag: the corpus parse on a Dask cluster of worker processes, record for record the same
as parse_many and the CLI's JSON Lines; Dask is loaded only when it is used."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import yantai_pledges
from test_corpus import CorpusFile, make_corpus
from yantai_pledges.corpus import parse_many, read_records, run_corpus
from yantai_pledges.corpus.records import Record
from yantai_pledges.export import to_parquet
from yantai_pledges.models import Article, FileError

_SOURCE = str(Path(yantai_pledges.__file__).resolve().parents[1])  # this checkout's code

# The cluster runs in a subprocess: Dask's client leaves threads behind in the process that ran
# it, and a process with threads starts corpus workers with a fork server, not fork.
_CLUSTER_RUN = """
import json, sys
from pathlib import Path
import distributed
import yantai_pledges
from yantai_pledges.corpus.bag import to_parquet_parts

if __name__ == "__main__":
    paths = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(sys.argv[2])
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster),
    ):
        bag = yantai_pledges.parse_bag(paths, translator=None, npartitions=4)
        records = bag.compute()
        (out / "records.json").write_text(
            json.dumps({"npartitions": bag.npartitions, "records": records}), encoding="utf-8"
        )
        parts = yantai_pledges.parse_bag(paths, translator=None, partition_size=10)
        parts.map(json.dumps, ensure_ascii=False).to_textfiles(str(out / "part-*.jsonl"))
        to_parquet_parts(parts, out / "rows")
"""


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> list[CorpusFile]:
    """A corpus of good files in every encoding and layout, and bad ones of each kind — minus
    the file that only the test process's injected fault hook makes fail."""
    root = tmp_path_factory.mktemp("bag")
    files = make_corpus(root, good=24)
    (root / "bad" / "crash.txt").unlink()
    return [file for file in files if file.path.name != "crash.txt"]


@pytest.fixture(scope="module")
def cluster_output(mixed: list[CorpusFile], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What parse_bag gave on a LocalCluster of two worker processes (see _CLUSTER_RUN)."""
    if importlib.util.find_spec("distributed") is None:
        pytest.skip("needs the dask extra")
    out = tmp_path_factory.mktemp("bag-out")
    listing = out / "paths.json"
    listing.write_text(json.dumps([str(file.path) for file in mixed]), encoding="utf-8")
    script = out / "run_cluster.py"  # a file, not -c: Dask's worker processes re-import it
    script.write_text(_CLUSTER_RUN, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, str(script), str(listing), str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": _SOURCE},
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    return out


def _as_result(record: Record) -> Article | FileError:
    if record["type"] == "article":
        return Article.model_validate(record["article"])
    return FileError(path=record["path"], error=record["error"], message=record["message"])


def test_the_bag_gives_the_records_of_parse_many_and_of_the_cli(
    cluster_output: Path, mixed: list[CorpusFile], tmp_path: Path
) -> None:
    paths = [file.path for file in mixed]
    computed = json.loads((cluster_output / "records.json").read_text(encoding="utf-8"))
    assert computed["npartitions"] == 4
    records = computed["records"]
    assert [_as_result(record) for record in records] == list(
        parse_many(paths, workers=2, translator=None)
    )
    jsonl = tmp_path / "cli.jsonl"
    run_corpus(paths, jsonl=jsonl, workers=2, translator=None)
    assert records == list(read_records(jsonl))
    assert {record["type"] for record in records} == {"article", "error"}


def test_the_bag_is_written_as_partitioned_json_lines(
    cluster_output: Path, mixed: list[CorpusFile]
) -> None:
    paths = [file.path for file in mixed]
    parts = sorted(cluster_output.glob("part-*.jsonl"))
    assert len(parts) == -(-len(paths) // 10)
    records = [record for part in parts for record in read_records(part)]
    assert [record["path"] for record in records] == [str(path) for path in paths]
    expected = [file.expected for file in mixed]
    got = [r["type"] if r["type"] == "article" else r["error"] for r in records]
    assert got == expected


def test_the_long_table_is_written_as_one_parquet_file_per_partition(
    cluster_output: Path, mixed: list[CorpusFile], tmp_path: Path
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts = sorted((cluster_output / "rows").glob("*.parquet"))
    assert [part.name for part in parts] == [f"part-{n:05d}.parquet" for n in range(len(parts))]
    assert len(parts) == -(-len(mixed) // 10)
    whole = to_parquet(
        [
            r
            for r in parse_many([f.path for f in mixed], workers=1, translator=None)
            if isinstance(r, Article)
        ],
        tmp_path / "whole.parquet",
    )
    # The article number restarts in each file; every other column is the one-file table's.
    joined = pa.concat_tables([pq.read_table(part) for part in parts]).drop_columns(["article"])
    expected = pq.read_table(whole).drop_columns(["article"])
    assert joined.num_rows > 0
    assert joined.equals(expected)


def test_import_yantai_pledges_does_not_import_dask() -> None:
    probe = (
        "import sys, yantai_pledges, yantai_pledges.corpus; "
        "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": _SOURCE},
    )
    assert completed.stdout.strip() == "[]"


def test_without_dask_parse_bag_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(yantai_pledges.MissingDependencyError, match=r"yantai-pledges\[dask\]"):
        yantai_pledges.parse_bag(["a.txt"])
