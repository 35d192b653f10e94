"""klantreis export --to tidy: DuckDB's SQL over the tables gives klantreis's own numbers."""

from __future__ import annotations

import datetime as dt
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

import klantreis
from klantreis.cli import main
from klantreis.manage import journey_files, portfolio
from klantreis.manage.tidy import TABLES, TidyError, tidy_tables, write_tidy

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "examples" / "portfolio"
TODAY = dt.date(2026, 11, 25)

PHASE_MEANS = """
    SELECT s.journey, s.iteration, s.phase, v.scale, avg(v.step_mean) AS mean
    FROM (SELECT journey, iteration, step, scale, avg(vote) AS step_mean
          FROM votes GROUP BY ALL) v
    JOIN steps s USING (journey, iteration, step)
    GROUP BY ALL
"""


def _connect(folder: Path, suffix: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for name in TABLES:
        path = (folder / f"{name}.{suffix}").as_posix()
        reader = f"read_csv('{path}', header=true)" if suffix == "csv" else f"'{path}'"
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM {reader}")
    return con


@pytest.fixture(scope="module", params=["csv", "parquet"])
def tables(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("tidy") / "tabellen"
    assert (
        main(
            ["export", str(FOLDER), "--to", "tidy", "-O", f"format={request.param}", "-o", str(out)]
        )
        == 0
    )
    return _connect(out, request.param)


@pytest.fixture(scope="module")
def journeys():
    return [(str(f), klantreis.load(f)) for f in journey_files(FOLDER)]


def test_every_table_is_written_with_its_columns(tables):
    for name, columns in TABLES.items():
        described = [row[0] for row in tables.execute(f"DESCRIBE {name}").fetchall()]
        assert described == [c for c, _ in columns], name


def test_sql_phase_means_are_klantreis_s_phase_means(tables, journeys):
    sql = {(j, i, p, s): m for j, i, p, s, m in tables.execute(PHASE_MEANS).fetchall()}
    port = portfolio(journeys, today=TODAY)  # groups the files into date-ordered histories
    wijkteam = next(e.history for e in port.journeys if e.id == "wijkteam")
    assert [r.label for r in wijkteam.revisions] == ["Nulmeting", "Tweede meting", "Derde meting"]
    expected = {}
    for phase in wijkteam.phases:
        for series in phase.scales:
            for k, value in enumerate(series.values):
                if value is not None:
                    expected[("wijkteam", k + 1, phase.ids[k], series.scale)] = value
    got = {key: value for key, value in sql.items() if key[0] == "wijkteam"}
    assert got.keys() == expected.keys()
    for key, value in expected.items():
        assert got[key] == pytest.approx(value, abs=1e-12), key
    # the hand-computed values of examples/portfolio/README.md
    assert got[("wijkteam", 1, "melding", "emotion")] == pytest.approx(1.75)
    assert got[("wijkteam", 3, "keukentafelgesprek", "emotion")] == pytest.approx(4.25)


def test_sql_action_counts_are_the_portfolio_s(tables, journeys):
    port = portfolio(journeys, today=TODAY)
    latest = """
        SELECT a.* FROM actions a
        JOIN (SELECT journey, max(iteration) AS iteration FROM iterations GROUP BY journey)
        USING (journey, iteration)
    """
    by_status = dict(
        tables.execute(f"SELECT status, count(*) FROM ({latest}) GROUP BY status").fetchall()
    )
    expected: dict[str, int] = {}
    for a in port.board:
        expected[a.status.value] = expected.get(a.status.value, 0) + 1
    assert by_status == expected
    overdue = tables.execute(
        f"SELECT count(*) FROM ({latest}) WHERE due < DATE '2026-11-25'"
        " AND status NOT IN ('done', 'dropped')"
    ).fetchone()[0]
    assert overdue == len(port.overdue) == 2
    lasting = dict(tables.execute(f"SELECT action, lasting FROM ({latest})").fetchall())
    assert lasting == {a.id: a.lasting.value for a in port.board}


def test_tracks_follow_a_step_whose_id_changed():
    sys.path.insert(0, str(Path(__file__).parent))
    from test_history import _chain

    rows = tidy_tables([(f"v{k}.yaml", j) for k, j in enumerate(_chain())])
    tracks = {(r[1], r[2]): r[3] for r in rows["steps"]}
    assert tracks[(1, "wacht")] == tracks[(3, "wacht-intake")] == "wacht-intake"
    con = duckdb.connect()
    steps = rows["steps"]
    con.execute("CREATE TABLE steps (journey TEXT, iteration INT, step TEXT, track TEXT)")
    con.executemany("INSERT INTO steps VALUES (?, ?, ?, ?)", [r[:4] for r in steps])
    assert con.execute("SELECT count(DISTINCT track) FROM steps").fetchone()[0] == 3


def test_a_zip_holds_the_same_tables(tmp_path):
    folder, archive = tmp_path / "t", tmp_path / "t.zip"
    assert main(["export", str(FOLDER), "--to", "tidy", "-o", str(folder)]) == 0
    assert main(["export", str(FOLDER), "--to", "tidy", "-o", str(archive)]) == 0
    with zipfile.ZipFile(archive) as z:
        assert sorted(z.namelist()) == sorted(p.name for p in folder.iterdir())
        assert z.read("votes.csv") == (folder / "votes.csv").read_bytes()


def test_one_file_gives_one_journey(tmp_path):
    out = tmp_path / "een"
    assert (
        main(["export", str(FOLDER / "schuldhulp-2026.yaml"), "--to", "tidy", "-o", str(out)]) == 0
    )
    con = _connect(out, "csv")
    assert con.execute("SELECT journey, iterations FROM journeys").fetchall() == [("schuldhulp", 1)]


def test_nothing_is_overwritten_unasked(tmp_path, capsys):
    out = tmp_path / "t"
    out.mkdir()
    (out / "mijn.txt").write_text("van mij", encoding="utf-8")
    assert main(["export", str(FOLDER), "--to", "tidy", "-o", str(out)]) == 2
    assert "not empty; use --force" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["mijn.txt"]
    assert main(["export", str(FOLDER), "--to", "tidy", "-o", str(out), "--force"]) == 0
    assert (out / "mijn.txt").read_text(encoding="utf-8") == "van mij"
    assert (out / "steps.csv").exists()
    archive = tmp_path / "t.zip"
    archive.write_bytes(b"oud")
    assert main(["export", str(FOLDER), "--to", "tidy", "-o", str(archive)]) == 2
    assert archive.read_bytes() == b"oud"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "-"], "give -o FOLDER or -o FILE.zip"),
        (["-o", "x", "-O", "format=xlsx"], "use csv or parquet"),
        (["-o", "x", "-O", "sep=;"], "one option, format=csv|parquet"),
        (["-o", "nope/x"], "does not exist"),
    ],
)
def test_clear_errors(argv, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(FOLDER), "--to", "tidy", *argv]) == 2
    assert message in capsys.readouterr().err


def test_parquet_without_pyarrow_says_what_to_install(monkeypatch, tmp_path, journeys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(TidyError, match=r"pip install 'klantreis\[parquet\]'"):
        write_tidy(tidy_tables(journeys), tmp_path / "t", format="parquet")
    assert not (tmp_path / "t").exists()
