"""Adding at scale: worker processes, a real Dask cluster, SIGKILL mid-batch, a reader beside the writer."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import write_documents
from onrecord.corpus import Corpus

# Every test here starts processes, a cluster or a thread: a failure must fail, never hang CI (pytest-timeout;
# the waits inside the tests have their own deadlines too, for runs without the plugin).
pytestmark = pytest.mark.timeout(300)

_WHOLE = ("SELECT count(*) FROM documents AS d WHERE json_array_length(d.record, '$.sentences')"
          " != (SELECT count(*) FROM sentences AS s WHERE s.doc = d.rowid)")


def _many(folder: Path, count: int, sentences: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        lines = " ".join(f"Speaker {number} makes point {i} about harbour number {number * 1000 + i}."
                         for i in range(sentences))
        path = folder / f"doc_{number:03}.txt"
        path.write_text(f"Document {number}\n{lines}\n", encoding="utf-8")
        paths.append(path)
    return paths


_SPEAKERS = "SELECT d.source, sp.label FROM documents AS d JOIN speakers AS sp ON sp.doc = d.rowid ORDER BY d.source"


def _catalog(folder: Path) -> Path:
    (folder / "catalog.csv").write_text("file,speaker\nspeech.txt,Erna Solberg\n", encoding="utf-8")
    return folder / "catalog.csv"


def test_batch_workers_store_the_same_documents(tmp_path: Path) -> None:
    paths = write_documents(tmp_path / "docs")
    with Corpus(tmp_path / "c.db") as corpus:
        result = corpus.add(paths, workers=2, catalog=_catalog(tmp_path / "docs"))
    assert (result.added, result.skipped, result.failed) == (2, 0, [])
    connection = sqlite3.connect(tmp_path / "c.db")
    assert connection.execute("SELECT count(*) FROM sentences").fetchone() == (12,)
    # The catalog's entries travel with the tasks to the worker processes.
    assert connection.execute(_SPEAKERS).fetchall()[-1] == (str(paths[1]), "Erna Solberg")


@pytest.mark.timeout(120)
def test_batch_dask_local_cluster_with_two_workers(tmp_path: Path) -> None:
    from distributed import LocalCluster

    paths = write_documents(tmp_path / "docs")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Corpus(tmp_path / "c.db") as corpus:
        result = corpus.add([*paths, tmp_path / "missing.txt"], scheduler=cluster.scheduler_address,
                            catalog=_catalog(tmp_path / "docs"))
    assert (result.added, result.skipped, [path for path, _ in result.failed]) == (
        2, 0, [str(tmp_path / "missing.txt")])
    assert sqlite3.connect(tmp_path / "c.db").execute(_SPEAKERS).fetchall()[-1] == (str(paths[1]), "Erna Solberg")


def test_batch_sigkill_leaves_whole_documents_and_resumes(tmp_path: Path) -> None:
    _many(tmp_path / "docs", 40, 60)
    database = tmp_path / "c.db"
    command = [sys.executable, "-c", "from onrecord.cli import main; main()", "add", str(tmp_path / "docs"),
               "--corpus", str(database)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    while stored < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        if database.exists():
            try:
                stored = sqlite3.connect(database).execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute(_WHOLE).fetchone() == (0,)
    assert 3 <= connection.execute("SELECT count(*) FROM documents").fetchone()[0] < 40
    connection.close()
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0
    connection = sqlite3.connect(database)
    assert connection.execute("SELECT count(*) FROM documents").fetchone() == (40,)
    assert connection.execute(_WHOLE).fetchone() == (0,)


def test_batch_reader_never_sees_half_a_document(tmp_path: Path) -> None:
    paths = _many(tmp_path / "docs", 12, 30)
    database = tmp_path / "c.db"
    Corpus(database).writer().close()  # the file exists before the reader opens it
    failures: list[BaseException] = []

    def write() -> None:
        try:
            with Corpus(database) as corpus:
                corpus.add(paths)
        except BaseException as error:  # the test reports it below
            failures.append(error)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    checks = 0
    deadline = time.monotonic() + 240
    with Corpus(database) as reader:
        while (writer.is_alive() or checks == 0) and time.monotonic() < deadline:
            reader.ask("Which harbour does the speaker make a point about?", k=3)
            assert reader.reader().execute(_WHOLE).fetchone() == (0,)
            checks += 1
    writer.join(timeout=30)
    assert not writer.is_alive()
    assert failures == []
    assert checks > 1
    assert sqlite3.connect(database).execute("SELECT count(*) FROM documents").fetchone() == (12,)


def test_batch_expand_leaves_out_folder_notes_unless_named(tmp_path: Path) -> None:
    from onrecord.corpus.batch import expand

    folder = tmp_path / "speeches"
    (folder / "2015").mkdir(parents=True)
    for name in ("README.txt", "LICENSE", "license.md", "CHANGELOG.txt", "2015/IRN_70_2015.txt",
                 "2015/readme_not.txt", "2015/notes.xlsx", "2015/Readme.Speakers.txt"):
        (folder / name).write_text("text\n", encoding="utf-8")
    expansion = expand([folder, folder / "README.txt"])
    assert expansion.files == [str(folder / "2015" / "IRN_70_2015.txt"), str(folder / "2015" / "readme_not.txt"),
                               str(folder / "README.txt")]
    assert expansion.notes == [str(folder / "2015" / "Readme.Speakers.txt"), str(folder / "CHANGELOG.txt"),
                               str(folder / "README.txt"), str(folder / "license.md")]


def test_batch_cli_add_reports_folder_notes_and_replaced_files(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from onrecord.cli import app

    paths = write_documents(tmp_path / "docs")
    (tmp_path / "docs" / "README.txt").write_text("About these files.\n", encoding="utf-8")
    database = tmp_path / "c.db"
    first = CliRunner().invoke(app, ["add", str(tmp_path / "docs"), "--corpus", str(database)])
    assert (first.exit_code, first.stdout) == (0, (
        f"2 added, 0 skipped (stored already), 0 failed: {database}\n"
        f"1 folder notes left out (README, LICENSE...; name them to add them): README.txt\n"))
    paths[0].write_text(paths[0].read_text(encoding="utf-8").replace("Bergen", "Oslo"), encoding="utf-8")
    second = CliRunner().invoke(app, ["add", str(tmp_path / "docs"), "--corpus", str(database)])
    assert (second.exit_code, second.stdout) == (0, (
        f"1 added, 1 skipped (stored already), 0 failed: {database}\n"
        f"1 replaced (their text or catalog entry changed since they were stored): {paths[0]}\n"
        f"1 folder notes left out (README, LICENSE...; name them to add them): README.txt\n"))


def test_batch_workers_take_the_largest_files_first(tmp_path: Path) -> None:
    from onrecord.corpus.batch import tasks

    names = [tmp_path / f"{name}.txt" for name in "abcdef"]
    for size, path in zip((3, 50, 7, 900, 1, 60), names, strict=True):
        path.write_text("x" * size, encoding="utf-8")
    files = [str(path) for path in [*names, tmp_path / "missing.txt"]]
    assert tasks(files) == [files[:4], files[4:]]
    assert tasks(files, largest_first=True) == [[files[3], files[5], files[1], files[2]], [files[0], files[4], files[6]]]


def test_batch_cli_add_with_a_catalog_that_cannot_be_used_says_why(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from onrecord.cli import app

    paths = write_documents(tmp_path / "docs")
    catalog = tmp_path / "catalog.csv"
    catalog.write_text("name,speaker\nspeech.txt,Erna Solberg\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["add", *map(str, paths), "--corpus", str(tmp_path / "c.db"),
                                      "--catalog", str(catalog)])
    assert (result.exit_code, result.stderr) == (1, (
        f"Error: the catalog has no 'file' column, {catalog}, give a header: file,title,date,speaker,speaks_for\n"))


def test_batch_a_pipe_in_a_folder_is_a_named_failure_and_the_rest_is_added(tmp_path: Path) -> None:
    import os

    from onrecord.corpus import Corpus

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Question: Why?\nJane Roe: Because.\n", encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    with Corpus(tmp_path / "c.db") as corpus:
        result = corpus.add([folder])
    pipe = str(folder / "b.txt")
    assert result.added == 1
    assert result.failed == [(pipe, f"not a regular file (a pipe, a socket or a device), {pipe}, save the "
                                    "transcript to a file")]
