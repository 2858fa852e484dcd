"""Every subcommand, given bad values, says so in a sentence and exits 2: never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.cli import main

BAD_DATES = ["0001-01-01", "2020-13-45", "1999-02-30", "12/03/2020", "99999-01-01"]
BAD_BOUNDS = ["0000", "2020-13-45", "1999-02-30", "2020-00", "20x0"]
BAD_IDS = ["99999999999999999999", "-99999999999999999999", "seven", "1.5"]


def _cases(tmp_path: Path) -> list[list[str]]:
    db = str(tmp_path / "t.sqlite")
    f = tmp_path / "a.txt"
    f.write_text("Talks\n\nMarch 4, 2019\n\nThe treaty was signed in 1997.\n", encoding="utf-8")
    out = str(tmp_path / "o.png")
    cases: list[list[str]] = []
    for d in BAD_DATES:
        cases += [
            ["ingest", str(f), "--db", db, "--published", d],
            ["dates", str(f), "--published", d],
            ["actors", str(f), "--published", d],
            ["set-date", "1", d, "--db", db],
        ]
    for b in BAD_BOUNDS:
        cases += [
            ["events", "--db", db, "--from", b],
            ["export", "--db", db, "--format", "json", "--output", out, "--to", b],
            ["report", "--db", db, "--format", "md", "--output", out, "--from", b],
            ["edit", "1", "--date", b, "--db", db],
            ["add-event", "A title", "--date", b, "--db", db],
        ]
    for i in BAD_IDS:
        cases += [
            ["undo", i, "--db", db],
            ["redo", i, "--db", db],
            ["hide", i, "--db", db],
            ["show", i, "--db", db],
            ["merge", "1", i, "--db", db],
            ["split", i, "0", "--db", db],
            ["delete-document", i, "--db", db],
            ["set-date", i, "2020-01-01", "--db", db],
        ]
    for n in ["0", "-5", "100000", "wide"]:
        cases += [
            ["export", "--db", db, "--format", "png", "--output", out, "--dpi", n],
            ["export", "--db", db, "--format", "png", "--output", out, "--width", n],
        ]
    cases += [
        ["ingest", str(f), "--db", db, "--workers", "-1"],
        ["edit", "1", "--title", "two\nlines", "--db", db],
        ["add-event", "a\ttab", "--date", "2020", "--db", db],
        ["split", "1", "-1", "--db", db],
    ]
    return cases


def test_bad_values_get_a_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = _cases(tmp_path)
    assert len(cases) > 80
    for argv in cases:
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse refuses the value
            code = exit_.code  # type: ignore[assignment]
        captured = capsys.readouterr()
        assert code == 2, argv
        assert "Traceback" not in captured.err, argv
        assert captured.err.strip(), argv  # a message, not silence
    assert not (tmp_path / "o.png").exists()


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_an_image_into_a_missing_folder_says_which_folder(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Talks\n\nMarch 4, 2019\n\nThe treaty was signed in 1997.\n", encoding="utf-8")
    db = str(tmp_path / "t.sqlite")
    assert main(["ingest", str(f), "--db", db]) == 0
    capsys.readouterr()
    out = tmp_path / "no-such-folder" / f"t.{fmt}"
    assert main(["export", "--db", db, "--format", fmt, "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert "there is no folder" in err and str(out.parent) in err
    assert not out.parent.exists()
