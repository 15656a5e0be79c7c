"""What the commands share: exit codes, the --date check, the batch size."""

from __future__ import annotations

import pytest
import typer

from extractor.cli import _util


def test_the_batch_size_is_the_one_extract_documents_uses():
    from extractor.batch import DEFAULT_BATCH_SIZE

    assert _util.DEFAULT_BATCH_SIZE == DEFAULT_BATCH_SIZE


def test_the_doc_timeout_is_the_one_extract_documents_uses():
    from extractor.batch import DEFAULT_DOC_TIMEOUT

    assert _util.DEFAULT_DOC_TIMEOUT == DEFAULT_DOC_TIMEOUT


@pytest.mark.parametrize("value", [None, "2020", "2020-03", "2020-03-05"])
def test_iso_dates_pass(value):
    assert _util.check_date(value) == value


@pytest.mark.parametrize("value", ["March", "2020-13", "05.03.2020", "2020-02-30", ""])
def test_other_dates_are_usage_errors(value):
    with pytest.raises(typer.BadParameter, match="is not an ISO date"):
        _util.check_date(value)


@pytest.mark.parametrize("command", ["extract", "facts", "review", "show", "label"])
def test_every_command_checks_date_the_same_way(command, tmp_path):
    from typer.testing import CliRunner

    doc = tmp_path / "a.txt"
    doc.write_text("Akimat spent 5 billion tenge in 2020.", encoding="utf-8")
    result = CliRunner().invoke(_util.app, [command, str(doc), "--date", "March"])
    assert result.exit_code == 2  # click's usage error; main() turns it into 1
    assert "'March' is not an ISO date" in result.output


def test_exit_codes_are_distinct():
    codes = [_util.EXIT_OK, _util.EXIT_NOTHING, _util.EXIT_PARTIAL, _util.EXIT_INTERRUPTED]
    assert len(set(codes)) == len(codes)
