from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.record import check_spans, from_dict, from_json

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "src" / "onrecord" / "examples" / "interview.txt"
runner = CliRunner()


def test_cli_analyze_json_prints_a_verifiable_record() -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    record = from_json(result.stdout)
    assert check_spans(record) > 0
    assert [(x.question, x.answers) for x in record.exchanges] == [("t2", ("t3",)), ("t4", ("t5",)), ("t6", ("t8",))]


def test_cli_analyze_text_view_shows_header_speakers_exchanges_and_notes() -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLE)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "Interview with Foreign Minister Elena Varga on the Danube water agreement" in result.stdout
    assert any(re.fullmatch(r"s2\s+│\s+Elena Varga\s+│\s+interviewee\s+│\s+3", line) for line in lines)
    assert "t2 question · 2 sentences  Question: Minister, the talks" in result.stdout
    assert "t3 answer · 8 sentences  Elena Varga: Because the river" in result.stdout
    assert "t6 question · 1 sentence  Question: Will the agreement" in result.stdout
    assert "notes (no one's answer)" in result.stdout
    assert "(This interview has been edited for length and clarity.)" in result.stdout


def test_cli_analyze_batch_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["analyze", str(empty), str(EXAMPLE), str(missing), tmp_path.as_posix(),
                                 "--format", "json", "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: the file is empty, {empty}, check that it is the transcript you meant",
        f"Error: no such file, {missing}, check the path",
        f"Error: is a directory, not a file, {tmp_path.as_posix()}, name the files in it",
    ]
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [from_dict(r).document.source for r in records] == [str(EXAMPLE)]


def test_cli_analyze_rejects_a_bad_date_as_usage() -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLE), "--date", "March 2025"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --date is not a date, 'March 2025', give it as YYYY-MM-DD\n"


def test_cli_evaluate_unknown_task_is_a_usage_error() -> None:
    result = runner.invoke(app, ["evaluate", "nonsense", "x"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown evaluation task, 'nonsense', choose one of turns")


def test_cli_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert (command.help or command.callback.__doc__ or "").strip(), name  # type: ignore[union-attr]
        assert f"onrecord {name}" in readme, f"{name} is not in the README"


def test_cli_main_turns_errors_into_one_line_without_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    done = subprocess.run([sys.executable, "-c", "from onrecord.cli import main; main()", "analyze", str(binary)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr == (f"Error: binary data, not text, {binary}, give a text, HTML, PDF, DOCX, subtitle or "
                           "JSON file\n")


@pytest.mark.parametrize("flag", ["--json", "--format"])
def test_cli_analyze_help_lists_output_options(flag: str) -> None:
    assert flag in runner.invoke(app, ["analyze", "--help"]).stdout


def test_cli_analyze_every_kind_of_bad_input_gives_one_error_line(tmp_path: Path) -> None:
    bad = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 40,
        "truncated.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog",
        "corrupt.docx": b"PK\x03\x04 not a zip",
        "nothing.html": b"<html><body><script>x()</script></body></html>",
        "big.txt": b"word " * 1000,
    }
    for name, content in bad.items():
        (tmp_path / name).write_bytes(content)
    paths = [str(tmp_path / name) for name in bad] + [str(tmp_path / "missing.txt"), str(tmp_path), str(EXAMPLE)]
    result = runner.invoke(app, ["analyze", *paths, "--json", "--max-bytes", "4000"])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == len(paths) - 1
    for line, path in zip(errors, paths, strict=False):
        assert line.startswith("Error: ") and path in line and "Traceback" not in line
    assert [r["document"]["source"] for r in json.loads(result.stdout)] == [str(EXAMPLE)]


def test_cli_version_names_the_installed_package() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"onrecord {version('onrecord')}\n")


_HEAVY = ("spacy", "thinc", "trafilatura", "pypdf", "docx", "onrecord.analyses", "onrecord.pipeline")


def _loaded_by(arguments: list[str]) -> list[str]:
    """The heavy packages a command imports, run in a fresh interpreter."""
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom onrecord.cli import app\n"
            f"result = CliRunner().invoke(app, {arguments!r})\nassert result.exit_code == 0, result.output\n"
            f"print(sorted({{m.split('.')[0] if not m.startswith('onrecord') else m for m in sys.modules}} & {set(_HEAVY)!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return list(json.loads(done.stdout.strip().replace("'", '"')))


def test_cli_help_and_corpus_queries_load_no_reader_nor_spacy(tmp_path: Path) -> None:
    from onrecord.corpus import Corpus

    corpus = tmp_path / "c.db"
    with Corpus(corpus) as store:
        assert store.add([EXAMPLE]).failed == []
    assert _loaded_by(["--help"]) == []
    for command in (["search", "river"], ["kwic", "river"], ["export", "jsonl", "--out", str(tmp_path / "r.jsonl")]):
        assert _loaded_by([*command, "--corpus", str(corpus)]) == [], command
