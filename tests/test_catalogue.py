"""The catalogue of bad inputs and faults (issue 6): one test per case, named after it.

Each test asserts the exact kind of error (class and problem code) and where it is
(line, document path), or the exit status and the one line on stderr. The areas:
loading, validation, exporters, files, plugins, diff and the command line. The
hypothesis tests at the end (``hostile`` in their names) run long under
``nox -s fuzz``.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import klantreis
from klantreis import (
    ExportError,
    Journey,
    LoadError,
    Phase,
    PluginError,
    Step,
    ValidationError,
    hookimpl,
    plugins,
)
from klantreis.cli import main
from klantreis.compare import (
    DiffError,
    DiffFormatError,
    Kind,
    PatchError,
    diff,
    diff_from_json,
    diff_to_json,
    patch,
)
from klantreis.errors import format_path
from klantreis.exporters import Exporter
from klantreis.exporters.graph import run_dot
from klantreis.exporters.tabular import read_tidy_csv
from klantreis.review import read_answers
from klantreis.serialize import Limits
from klantreis.serialize.ids import unique_id
from klantreis.testing.strategies import hostile_texts, journeys

ROOT = Path(__file__).resolve().parent.parent
SPRING = ROOT / "examples" / "depressie-ggz-2026-voorjaar.yaml"

MINIMAL = "title: T\nphases:\n  - name: P\n"
JOURNEY = Journey(
    title="Intake",
    phases=[Phase(name="Aanmelding")],
    steps=[Step(title="Belt de huisarts", phase="aanmelding", lane="client")],
)


def load_error(data: bytes, name: str = "bad.yaml", **kwargs: object) -> klantreis.Problem:
    with pytest.raises(LoadError) as info:
        klantreis.loads(data, source=name, **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, klantreis.KlantreisError)
    return info.value.problem


def errors(data: bytes, name: str = "bad.yaml") -> list[tuple[str, int | None, str]]:
    """(code, line, path) of every error; the document must be readable but invalid."""
    with pytest.raises(ValidationError) as info:
        klantreis.loads(data, source=name)
    return [(p.code, p.line, format_path(p.path)) for p in info.value.report.errors]


def step_yaml(ratings: str) -> bytes:
    return (
        MINIMAL + f"steps:\n  - title: S\n    phase: p\n    lane: client\n    ratings: {ratings}\n"
    ).encode()


def leftovers(folder: Path) -> list[str]:
    """Temporary files an atomic write could have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture(autouse=True)
def fresh_plugins(monkeypatch):
    monkeypatch.setenv(plugins.ENV_PLUGINS, "")
    monkeypatch.delenv(plugins.ENV_STRICT, raising=False)
    monkeypatch.delenv("KLANTREIS_DEBUG", raising=False)
    plugins.reset()
    yield
    plugins.reset()


@pytest.fixture
def journey_file(tmp_path: Path) -> Path:
    path = tmp_path / "reis.yaml"
    klantreis.dump(JOURNEY, path)
    return path


# --- loading: bytes, encodings, YAML and JSON -----------------------------------------


def test_truncated_json():
    problem = load_error(b'{"title": "T", "phases": [', "bad.json")
    assert (problem.code, problem.line, problem.source) == ("invalid-json", 1, "bad.json")


def test_truncated_yaml():
    problem = load_error(b'title: "T\nphases:\n')
    assert (problem.code, problem.line) == ("invalid-yaml", 3)
    assert "quoted scalar" in problem.message


def test_utf16_file(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes(MINIMAL.encode("utf-16"))
    with pytest.raises(LoadError) as info:
        klantreis.load(path)
    problem = info.value.problem
    assert (problem.code, problem.source) == ("bad-encoding", str(path))
    assert "UTF-16" in problem.message


def test_utf16_file_without_bom():
    problem = load_error(MINIMAL.encode("utf-16-le"))
    assert (problem.code, problem.line) == ("bad-encoding", 1)
    assert "UTF-16" in problem.message


def test_utf32_file():
    problem = load_error(MINIMAL.encode("utf-32"))
    assert problem.code == "bad-encoding"
    assert "UTF-32" in problem.message


def test_latin1_file():
    problem = load_error("title: Café\n".encode("latin-1"))
    assert (problem.code, problem.line) == ("bad-encoding", 1)
    assert "byte 0xe9 at offset 10" in problem.message


def test_nul_byte():
    problem = load_error(b"title: T\nphases: \x00\n")
    assert (problem.code, problem.line) == ("bad-encoding", 2)
    assert "NUL" in problem.message


def test_arbitrary_binary_bytes():
    problem = load_error(bytes(range(256)))
    assert problem.code == "bad-encoding"


def test_utf8_bom_is_not_a_problem():
    data = b'\xef\xbb\xbf{"title": "T", "phases": [{"name": "P"}]}'
    assert klantreis.loads(data, source="bom.json").title == "T"


def test_empty_file():
    assert load_error(b"  \n\n").code == "empty"


def test_two_yaml_documents():
    problem = load_error(MINIMAL.encode() + b"---\ntitle: U\n")
    assert (problem.code, problem.line) == ("invalid-yaml", 4)
    assert "more than one YAML document" in problem.message


def test_yaml_alias_bomb():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 10):
        prev, name = chr(96 + n), chr(97 + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    found = errors("\n".join(lines).encode())
    assert ("yaml-alias", 2, "b[0]") in found
    # never expanded: one problem per alias written (9 lines of 9), not 9**10 copies
    assert sum(code == "yaml-alias" for code, _, _ in found) == 9 * 9


def test_yaml_merge_key():
    data = b"base: &b {name: P}\ntitle: T\nphases:\n  - <<: *b\n"
    assert ("yaml-alias", 4, "phases[0]['<<']") in errors(data)


def test_python_object_tag():
    data = b"title: !!python/object/apply:os.system ['echo hi']\nphases: []\n"
    assert errors(data) == [("yaml-tag", 1, "title")]


def test_python_tag_on_the_whole_document():
    assert errors(b"!!python/name:os.system\n") == [("yaml-tag", 1, "(document)")]


def test_custom_tag_on_a_mapping():
    data = MINIMAL.replace("- name: P", "- !custom {name: P}").encode()
    assert errors(data) == [("yaml-tag", 3, "phases[0]")]


def test_yaml_1_1_booleans_stay_text():
    journey = klantreis.loads(b"title: no\nphases:\n  - name: off\n  - name: Yes\n")
    assert (journey.title, [p.name for p in journey.phases]) == ("no", ["off", "Yes"])


def test_yaml_1_1_sexagesimal_and_octal_stay_text():
    journey = klantreis.loads(b"title: 9:30\nphases:\n  - name: 010\n  - name: 0o17\n")
    assert (journey.title, [p.name for p in journey.phases]) == ("9:30", ["010", "0o17"])


def test_duplicate_key_in_yaml():
    with pytest.raises(ValidationError) as info:
        klantreis.loads(b"title: A\ntitle: B\nphases:\n  - name: P\n", source="bad.yaml")
    (problem,) = info.value.report.errors
    assert (problem.code, problem.line, problem.path) == ("duplicate-key", 2, ("title",))
    # A journey without `language:` is Dutch; every language names the first line.
    assert "eerst op regel 1" in problem.message
    assert "first on line 1" in problem.in_language("en").message


def test_duplicate_key_in_json():
    found = errors(b'{"title": "A",\n "title": "B"}', "bad.json")
    assert ("duplicate-key", 2, "title") in found


def test_nan_rating():
    assert ("wrong-type", 8, "steps[0].ratings.emotion") in errors(step_yaml("{emotion: .nan}"))


def test_infinity_in_json():
    data = (
        b'{"title": "T", "phases": [{"name": "P"}],\n "steps": [{"title": "S", "phase": "p",'
        b' "lane": "client",\n "ratings": {"emotion": Infinity}}]}'
    )
    assert errors(data, "bad.json") == [("wrong-type", 3, "steps[0].ratings.emotion")]


def test_integer_of_thousands_of_digits():
    found = errors(step_yaml("{emotion: " + "9" * 5000 + "}"))
    assert found == [("wrong-type", 8, "steps[0].ratings.emotion")]


def test_float_too_large():
    assert errors(step_yaml("{emotion: 1e999}")) == [("wrong-type", 8, "steps[0].ratings.emotion")]


def test_string_of_megabytes():
    journey = klantreis.loads(("title: " + "x" * 4_000_000 + "\nphases:\n  - name: P\n").encode())
    assert len(journey.title) == 4_000_000


def test_thousands_of_steps_with_one_title():
    steps = "  - {title: x, phase: p, lane: client}\n" * 10_000
    journey = klantreis.loads((MINIMAL + "steps:\n" + steps).encode())
    assert [s.id for s in journey.steps[:3]] == ["x", "x-2", "x-3"]
    assert journey.steps[-1].id == "x-10000"


def test_deriving_ids_for_one_title_is_linear_not_quadratic():
    # Each derived id is the next free 'x-N': counted in look-ups, not in seconds (the
    # benchmarks time it), so a loaded machine cannot fail it and a quadratic search can.
    class Counting(set):
        lookups = 0

        def __contains__(self, item):
            Counting.lookups += 1
            return super().__contains__(item)

    taken, tried = Counting({"x-7"}), {}
    ids = []
    for _ in range(10_000):
        ids.append(unique_id("x", taken, tried))
        taken.add(ids[-1])  # the caller adds the id it takes
    assert ids[:3] == ["x", "x-2", "x-3"]
    assert ids[6] == "x-8"
    assert len(set(ids)) == 10_000
    assert Counting.lookups <= 2 * 10_000


def test_file_over_max_bytes(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(MINIMAL + "description: " + "x" * 200 + "\n")
    with pytest.raises(LoadError) as info:
        klantreis.load(path, limits=Limits(max_bytes=100))
    assert info.value.problem.code == "unreadable"
    assert "over the limit of 100" in info.value.problem.message


def test_nesting_thousands_deep_yaml():
    problem = load_error(b"title: T\nx: " + b"[" * 5000 + b"]" * 5000 + b"\n")
    assert (problem.code, problem.line) == ("too-deep", 2)


def test_nesting_thousands_deep_json():
    problem = load_error(b'{"title": "T", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "x.json")
    assert problem.code == "too-deep"


def test_too_many_problems_are_capped():
    data = MINIMAL + "".join(f"extra{n}: 1\n" for n in range(50))
    with pytest.raises(ValidationError) as info:
        klantreis.loads(data.encode(), limits=Limits(max_problems=5))
    assert len(info.value.report.errors) == 5


def test_document_is_a_list():
    assert errors(b"- a\n- b\n") == [("wrong-type", None, "(document)")]


def test_mapping_as_a_key():
    assert ("bad-key", 1, "(document)") in errors(b"? [a, b]\n: c\ntitle: T\n")


def test_format_version_true():
    assert errors(b"format_version: true\n" + MINIMAL.encode()) == [
        ("format-version", 1, "format_version")
    ]


def test_format_version_from_the_future():
    with pytest.raises(ValidationError, match="nieuwere klantreis; werk klantreis bij"):
        klantreis.loads(b"format_version: 99\n" + MINIMAL.encode())
    with pytest.raises(ValidationError, match="newer klantreis; upgrade"):
        klantreis.loads(b"format_version: 99\nlanguage: en\n" + MINIMAL.encode())


def test_lone_surrogate_in_json():
    data = b'{"title": "T\\ud800", "phases": [{"name": "P"}]}'
    # No line: the YAML reader that finds lines refuses the escape itself.
    assert errors(data, "bad.json") == [("bad-text", None, "title")]


def test_missing_file(tmp_path):
    with pytest.raises(LoadError) as info:
        klantreis.load(tmp_path / "nope.yaml")
    assert (info.value.problem.code, info.value.problem.message) == ("unreadable", "no such file")


# --- validation -----------------------------------------------------------------------


def test_number_in_a_text_field():
    with pytest.raises(ValidationError) as info:
        klantreis.loads(b"title: 12\nphases:\n  - name: P\n")
    (problem,) = info.value.report.errors
    assert (problem.code, problem.line, problem.path) == ("wrong-type", 1, ("title",))
    assert problem.hint == "zet het tussen aanhalingstekens om het als tekst te houden"
    assert problem.in_language("en").hint == "put it in quotes to keep it as text"


def test_misspelt_key():
    with pytest.raises(ValidationError) as info:
        klantreis.loads(b"titel: T\nphases:\n  - name: P\n")
    problem = next(p for p in info.value.report.errors if p.code == "unknown-key")
    assert (problem.line, problem.path, problem.hint) == (
        1,
        ("titel",),
        "bedoel je 'title' (titel)? sleutels worden in het Engels geschreven",
    )
    assert problem.in_language("en").hint == (
        "did you mean 'title' (titel)? keys are written in English"
    )


def test_dangling_reference():
    data = MINIMAL + "steps:\n  - title: S\n    phase: nope\n    lane: client\n"
    assert errors(data.encode()) == [("unknown-reference", 6, "steps[0].phase")]


def test_duplicate_ids_in_a_journey():
    data = "title: T\nphases:\n  - name: P\n    id: p\n  - name: Q\n    id: p\n"
    found = errors(data.encode())
    assert [c for c, _, _ in found] == ["duplicate-id"]
    assert found[0][2].startswith("phases[1]")


# --- exporters: content is data --------------------------------------------------------

HOSTILE_TITLE = '=HYPERLINK("http://x")|<script>alert(1)</script>\n# kop [a](javascript:x) \\'


def _hostile_journey(title: str = HOSTILE_TITLE) -> Journey:
    return Journey(
        title=title,
        phases=[Phase(name=title, id="p")],
        steps=[Step(title=title, phase="p", lane="client", id="s")],
    )


@pytest.mark.parametrize("layout", ["tidy", "grid"])
@pytest.mark.parametrize("excel", [False, True])
def test_csv_formula_injection_in_every_layout(layout, excel):
    journey = _hostile_journey("=1+1")
    text = klantreis.export(journey, "csv", layout=layout, excel=excel)
    assert isinstance(text, str)
    delimiter = ";" if excel else ","
    cells = [
        c
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
        for c in row
    ]
    assert "'=1+1" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_markdown_step_cannot_add_cells_headings_links_or_html():
    text = klantreis.export(_hostile_journey(), "markdown")
    assert isinstance(text, str)
    assert "<script" not in text
    assert "[a](javascript" not in text  # the brackets are escaped: no link
    assert "\n# kop" not in text
    lines = text.splitlines()
    width, rows = 0, 0
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        if after.startswith("|---"):
            width = line.count("|")  # a table's header
        elif line.startswith("|") and not line.startswith("|---"):
            rows += 1
            assert line.replace("\\|", "").count("|") == width, line
    assert rows >= 2


@pytest.mark.parametrize(
    "title",
    [
        '"]; evil [label="x',
        "\\N \\G \\E \\T \\H",
        "ends with a backslash \\",
        "<b>html</b>",
        "{record|shape} <port>",
        "control \x01\x02\x0b\x1b\x7f characters",
    ],
)
def test_dot_label_cannot_add_nodes_or_break_the_file(title):
    plain = klantreis.export(_hostile_journey("plain"), "dot")
    source = klantreis.export(_hostile_journey(title), "dot")
    assert isinstance(plain, str)
    assert isinstance(source, str)
    svg = run_dot(source, "svg")
    root = ET.fromstring(svg)  # the SVG is well-formed XML
    nodes = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
    plain_nodes = [
        g
        for g in ET.fromstring(run_dot(plain, "svg")).iter("{http://www.w3.org/2000/svg}g")
        if g.get("class") == "node"
    ]
    assert len(nodes) == len(plain_nodes)


def test_dot_label_over_16384_bytes():
    source = klantreis.export(_hostile_journey("é" * 20_000), "dot")
    assert isinstance(source, str)
    assert max(len(line.encode()) for line in source.splitlines()) < 16_384
    ET.fromstring(run_dot(source, "svg"))


def test_html_wall_escapes_text():
    text = klantreis.export(_hostile_journey(), "wall")
    assert isinstance(text, str)
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


def test_dot_timeout_writes_nothing(journey_file, tmp_path, capsys):
    out = tmp_path / "map.svg"
    out.write_bytes(b"old")
    status = main(
        ["export", str(journey_file), "--to", "svg", "-o", str(out), "-O", "timeout=0.001"]
    )
    assert status == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "klantreis: dot took longer than 0.001 s to draw the map; "
        "allow more with --option timeout=SECONDS"
    ]
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("timeout=nan", "option 'timeout': nan is not a number of seconds above 0"),
        ("timeout=-1", "option 'timeout': -1.0 is not a number of seconds above 0"),
        ("timeout=inf", "option 'timeout': inf is not a number of seconds above 0"),
        ("dpi=100000", "option 'dpi': 100000 is not between 1 and 1200"),
    ],
)
def test_dot_option_out_of_range(journey_file, tmp_path, capsys, option, message):
    out = tmp_path / "map.png"
    assert main(["export", str(journey_file), "--to", "png", "-o", str(out), "-O", option]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [f"klantreis: {message}"]
    assert not out.exists()


def test_dot_missing_is_one_message(journey_file, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert main(["export", str(journey_file), "--to", "png", "-o", str(tmp_path / "m.png")]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("klantreis: cannot make PNG: Graphviz's `dot` program is not installed")
    assert not (tmp_path / "m.png").exists()


# --- files: atomic writes --------------------------------------------------------------


def test_export_interrupted_leaves_old_file(tmp_path, monkeypatch):
    out = tmp_path / "report.md"
    out.write_text("the old report\n")

    def interrupted(fd: int) -> None:  # the data is half on its way to the disk
        raise KeyboardInterrupt

    monkeypatch.setattr("klantreis._files.os.fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        klantreis.export(JOURNEY, "markdown", output=out)
    assert out.read_text() == "the old report\n"
    assert leftovers(tmp_path) == []


def test_export_killed_by_ctrl_c_in_a_subprocess(journey_file, tmp_path):
    out = tmp_path / "report.md"
    out.write_bytes(b"old bytes")
    code = textwrap.dedent(
        """
        import os, signal, sys, time
        import klantreis._files
        from klantreis.cli import main

        def stop(fd):
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, half-way through the write
            time.sleep(5)

        # A shell's background job inherits SIGINT ignored; Ctrl-C must reach Python.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        klantreis._files.os.fsync = stop
        sys.exit(main(sys.argv[1:]))
        """
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "export",
            str(journey_file),
            "--to",
            "markdown",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "KLANTREIS_PLUGINS": ""},
    )
    assert done.returncode == 130
    assert done.stderr.strip() == "klantreis: interrupted"
    assert out.read_bytes() == b"old bytes"
    assert leftovers(tmp_path) == []


def test_disk_full_during_export(journey_file, tmp_path, monkeypatch, capsys):
    out = tmp_path / "report.md"
    out.write_text("old\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("klantreis._files.os.fsync", full)
    assert main(["export", str(journey_file), "--to", "markdown", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"klantreis: {out}: cannot write: No space left on device"]
    assert out.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_mark_discussed_interrupted_leaves_journey_intact(tmp_path, monkeypatch, capsys):
    path = tmp_path / "reis.yaml"
    path.write_bytes(SPRING.read_bytes())

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("klantreis._files.os.fsync", interrupted)
    status = main(["insights", "draw", str(path), "--mark-discussed", "--seed", "1", "--again"])
    assert status == 130
    assert capsys.readouterr().err.strip().splitlines()[-1] == "klantreis: interrupted"
    assert path.read_bytes() == SPRING.read_bytes()
    assert leftovers(tmp_path) == []


def test_new_interrupted_leaves_no_file(tmp_path, monkeypatch, capsys):
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("klantreis._files.os.fsync", interrupted)
    assert main(["new", "-o", str(tmp_path / "nieuw.yaml")]) == 130
    assert list(tmp_path.iterdir()) == []


def test_export_onto_its_input_file(journey_file, capsys):
    before = journey_file.read_bytes()
    status = main(
        ["export", str(journey_file), "--to", "markdown", "-o", str(journey_file), "--force"]
    )
    assert status == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"klantreis: {journey_file}: refusing to overwrite the input file"
    ]
    assert journey_file.read_bytes() == before


def test_export_onto_its_input_through_a_symlink(journey_file, tmp_path, capsys):
    link = tmp_path / "link.md"
    link.symlink_to(journey_file)
    before = journey_file.read_bytes()
    assert main(["export", str(journey_file), "--to", "markdown", "-o", str(link)]) == 2
    assert "refusing to overwrite the input file" in capsys.readouterr().err
    assert journey_file.read_bytes() == before


def test_export_onto_a_folder(journey_file, tmp_path, capsys):
    folder = tmp_path / "out.md"
    folder.mkdir()
    assert main(["export", str(journey_file), "--to", "markdown", "-o", str(folder)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"klantreis: {folder}: cannot write: Is a directory"
    ]
    assert leftovers(tmp_path) == []


def test_export_into_a_missing_folder(journey_file, tmp_path, capsys):
    out = tmp_path / "nope" / "r.md"
    assert main(["export", str(journey_file), "--to", "markdown", "-o", str(out)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"klantreis: {out}: the folder {out.parent} does not exist"
    ]


# --- plugins ---------------------------------------------------------------------------


def _plugin_exporter(name: str, render, *, binary: bool = False) -> object:
    exporter = Exporter(
        name=name,
        description="a test exporter",
        suffix=".txt",
        media_type="text/plain",
        render=render,
        binary=binary,
    )

    class Plugin:
        @hookimpl
        def klantreis_register_exporters(self, register):
            register(exporter)

    return Plugin()


def test_plugin_exporter_raises():
    def render(journey, options):
        raise ZeroDivisionError("division by zero")

    before = attrs.asdict(JOURNEY)
    with (
        plugins.plugin(_plugin_exporter("boom", render), name="boom-plugin"),
        pytest.raises(
            ExportError,
            match=r"the 'boom' exporter \(registered in-process\) failed: "
            r"ZeroDivisionError: division by zero",
        ),
    ):
        klantreis.export(JOURNEY, "boom")
    assert attrs.asdict(JOURNEY) == before


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (42, "returned int, but it declares text"),
        (b"bytes", "returned bytes, but it declares text"),
        (["text", b"bytes"], "gave a chunk of bytes, but it declares text"),  # chunks: one kind
    ],
)
def test_plugin_exporter_returns_the_wrong_type(output, message):
    with (
        plugins.plugin(_plugin_exporter("liar", lambda j, o: output), name="liar"),
        pytest.raises(PluginError, match=rf"'liar' exporter .* {message}"),
    ):
        klantreis.export(JOURNEY, "liar")


@pytest.mark.parametrize(
    "mutation",
    [
        lambda j: setattr(j, "title", "changed"),
        lambda j: j.steps.append(j.steps[0]),
        lambda j: setattr(j.steps[0], "title", "changed"),
        lambda j: j.steps[0].ratings.__setitem__(0, None),
        lambda j: j.phases.__delitem__(0),
        lambda j: delattr(j, "title"),
    ],
    ids=["setattr", "append", "nested-setattr", "setitem", "delitem", "delattr"],
)
def test_plugin_mutates_the_journey(mutation):
    journey = klantreis.load(SPRING)
    before = klantreis.dumps(journey)

    def render(journey, options):
        mutation(journey)
        return "done"

    with (
        plugins.plugin(_plugin_exporter("mutator", render), name="mutator"),
        pytest.raises(ExportError, match=r"the 'mutator' exporter \(registered in-process\)"),
    ):
        klantreis.export(journey, "mutator")
    assert klantreis.dumps(journey) == before


def test_plugin_mutates_the_journey_around_its_immutability():
    journey = klantreis.load(SPRING)
    before = klantreis.dumps(journey)

    def render(journey, options):
        object.__setattr__(journey.steps[3], "title", "forged")
        object.__setattr__(journey, "title", "forged")
        return "done"

    with (
        plugins.plugin(_plugin_exporter("forger", render), name="forger"),
        pytest.raises(
            PluginError,
            match=r"the 'forger' exporter \(registered in-process\) changed the journey",
        ),
    ):
        klantreis.export(journey, "forger")
    assert klantreis.dumps(journey) == before  # the plugin changed its own copy only


def test_plugin_exporter_recurses_forever():
    def render(journey, options):
        return render(journey, options)

    with (
        plugins.plugin(_plugin_exporter("deep", render), name="deep"),
        pytest.raises(
            ExportError, match=r"the 'deep' exporter \(registered in-process\) ran out of stack"
        ),
    ):
        klantreis.export(JOURNEY, "deep")


def test_plugin_hangs_and_is_interrupted(journey_file, tmp_path, capsys):
    def render(journey, options):
        raise KeyboardInterrupt  # Ctrl-C while the plugin hangs

    out = tmp_path / "out.txt"
    with plugins.plugin(_plugin_exporter("hang", render), name="hang"):
        assert main(["export", str(journey_file), "--to", "hang", "-o", str(out)]) == 130
    assert capsys.readouterr().err.strip() == "klantreis: interrupted"
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_plugin_registration_hook_raises():
    class Broken:
        @hookimpl
        def klantreis_register_exporters(self, register):
            raise RuntimeError("cannot start")

    with plugins.plugin(Broken(), name="broken-one"):
        (broken,) = plugins.get_registry().broken
        assert broken.plugin.name == "broken-one"
        assert "raised RuntimeError: cannot start" in broken.reason
        assert klantreis.export(JOURNEY, "markdown")


# --- diff and patch --------------------------------------------------------------------


def test_diff_of_two_different_journeys(tmp_path, capsys):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    klantreis.dump(JOURNEY, a)
    other = Journey(title="Schuldhulp", phases=[Phase(name="Melden")])
    klantreis.dump(other, b)
    assert main(["diff", "--lang", "en", str(a), str(b)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"klantreis: warning: {a} and {b} look like different journeys "
        "('intake' and 'schuldhulp' share no phase or step); is this the right pair?"
    ]
    assert main(["diff", str(a), str(b)]) == 1  # the journeys' language: Dutch
    assert capsys.readouterr().err.strip().splitlines() == [
        f"klantreis: warning: {a} en {b} lijken verschillende klantreizen "
        "('intake' en 'schuldhulp' delen geen fase of stap); is dit het goede paar?"
    ]


def test_diff_with_an_id_twice():
    twice = attrs.evolve(JOURNEY, steps=(*JOURNEY.steps, JOURNEY.steps[0]))
    with pytest.raises(DiffError, match="'belt-de-huisarts' twice in steps"):
        diff(JOURNEY, twice)


def test_diff_id_reused_for_a_different_step():
    reused = attrs.evolve(JOURNEY.steps[0], title="Iets heel anders", description="Nieuw")
    new = attrs.evolve(JOURNEY, steps=(reused,))
    d = diff(JOURNEY, new)
    (change,) = d.changes
    assert (change.kind, change.id) == (Kind.CHANGED, "belt-de-huisarts")
    assert {f.field for f in change.fields} == {"title", "description"}
    assert patch(JOURNEY, d) == new


def test_patch_onto_another_journey():
    d = diff(JOURNEY, attrs.evolve(JOURNEY, title="Nieuw"))
    with pytest.raises(PatchError, match="not 'andere-reis'"):
        patch(attrs.evolve(JOURNEY, id="andere-reis"), d)


def test_patch_whose_old_values_do_not_match():
    new = attrs.evolve(JOURNEY, steps=(attrs.evolve(JOURNEY.steps[0], description="A"),))
    other = attrs.evolve(JOURNEY, steps=(attrs.evolve(JOURNEY.steps[0], description="B"),))
    with pytest.raises(PatchError, match=r"steps\['belt-de-huisarts'\]\.description"):
        patch(
            other,
            diff(
                new, attrs.evolve(JOURNEY, steps=(attrs.evolve(JOURNEY.steps[0], description="C"),))
            ),
        )


def test_diff_file_of_another_format_version():
    data = json.loads(diff_to_json(diff(JOURNEY, attrs.evolve(JOURNEY, title="X"))))
    data["diff_format_version"] = 2
    with pytest.raises(DiffFormatError, match="nieuwere klantreis"):  # Dutch journeys
        diff_from_json(json.dumps(data))


def test_diff_file_with_a_version_that_is_not_a_number():
    data = json.loads(diff_to_json(diff(JOURNEY, attrs.evolve(JOURNEY, title="X"))))
    data["diff_format_version"] = True
    with pytest.raises(DiffFormatError):
        diff_from_json(json.dumps(data))


def test_diff_file_that_is_a_journey():
    with pytest.raises(DiffFormatError):
        diff_from_json(klantreis.dumps(JOURNEY, "json"))


def test_diff_file_nested_thousands_deep():
    with pytest.raises(DiffFormatError, match="nested too deep"):
        diff_from_json("[" * 100_000 + "]" * 100_000)


def test_diff_file_with_an_integer_of_thousands_of_digits():
    with pytest.raises(DiffFormatError, match="not valid JSON: Exceeds the limit"):
        diff_from_json('{"diff_format_version": ' + "9" * 5000 + "}")


def test_diff_file_with_nan():
    with pytest.raises(DiffFormatError, match="not valid JSON: NaN is not a number in JSON"):
        diff_from_json('{"diff_format_version": NaN}')


# --- tables read back: the tidy CSV and review answers ----------------------------------


def test_csv_import_cell_over_the_csv_limit():
    text = "phase,lane,title\np,client,ok\np,client," + "x" * 200_000 + "\n"
    with pytest.raises(LoadError) as info:
        read_tidy_csv(io.StringIO(text))
    problem = info.value.problem
    assert (problem.code, problem.line) == ("invalid-csv", 3)
    assert "field larger than field limit" in problem.message


def test_review_answers_cell_over_the_csv_limit(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("step,answer\nbelt,ok\nbelt," + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        read_answers(path)
    problem = info.value.problem
    assert (problem.code, problem.line, problem.source) == ("invalid-csv", 3, str(path))


# --- the command line ------------------------------------------------------------------


def test_cli_unreadable_file_is_one_located_line(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"title: T\nphases: [\n")
    assert main(["export", str(path), "--to", "markdown"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"klantreis: {path}:3:")
    assert "[invalid-yaml]" in line


def test_cli_invalid_journey_exits_2(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"title: 12\nphases:\n  - name: P\n")
    assert main(["export", str(path), "--to", "markdown"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"klantreis: 1 fout in {path}:")  # the journey's language
    assert "Traceback" not in err


def test_cli_garbage_on_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe\x00garbage")))
    assert main(["export", "-", "--to", "markdown"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == "klantreis: <stdin>: error: the file is UTF-16; save it as UTF-8 [bad-encoding]"


def test_cli_stdin_over_max_bytes(monkeypatch, capsys):
    monkeypatch.setattr("klantreis.serialize.DEFAULT_LIMITS", Limits(max_bytes=100))
    stdin = io.BytesIO(MINIMAL.encode() + b"description: " + b"x" * 10_000 + b"\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(stdin))
    assert main(["export", "-", "--to", "markdown"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == (
        "klantreis: <stdin>: error: the text is over the limit of 100 bytes [unreadable]"
    )
    assert stdin.tell() <= 8192 + 101  # read no more than the limit (and a buffer)


def test_cli_internal_error_is_one_message(journey_file, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("unexpected")

    monkeypatch.setattr("klantreis.validation.load", broken)
    assert main(["export", str(journey_file), "--to", "markdown"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("klantreis: internal error: RuntimeError: unexpected\n")
    assert "Traceback" not in err


def test_cli_debug_env_var_shows_the_traceback(tmp_path, monkeypatch):
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"\x00")
    monkeypatch.setenv("KLANTREIS_DEBUG", "1")
    with pytest.raises(LoadError):
        main(["export", str(path), "--to", "markdown"])


def test_cli_unknown_option_of_a_format(journey_file, capsys):
    assert main(["export", str(journey_file), "--to", "csv", "-O", "layuot=grid"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert "unknown option 'layuot'" in line
    assert "did you mean 'layout'?" in line


# --- fuzzing (long under `nox -s fuzz`) -------------------------------------------------


@given(journey=journeys(text=hostile_texts()))
def test_every_exporter_takes_hostile_text(journey):
    for name in ("markdown", "csv", "dot", "wall"):
        output = klantreis.export(journey, name)
        assert isinstance(output, str)
        output.encode("utf-8")


@given(text=hostile_texts())
def test_hostile_text_round_trips_through_yaml_and_json(text):
    journey = _hostile_journey(text)
    for fmt in ("yaml", "json"):
        assert klantreis.loads(klantreis.dumps(journey, fmt), format=fmt) == journey


YAML_PIECES = st.sampled_from(
    [
        *("title: ", "phases:\n", "steps:\n", "  - ", "name: ", "id: ", "ratings: "),
        *("&a ", "*a ", "!!python/object:os.system ", "!x ", "!!int ", "<<: ", "? "),
        *("[", "]", "{", "}", ", ", ": ", "- ", "\n", "  ", '"', "'", "\\", "#", "|\n"),
        *("no", "off", "9:30", "010", ".nan", "-.inf", "1e999", "9" * 30, "true", "~"),
        *("---\n", "...\n", "%YAML 1.1\n", "\t", "\x00", "\ufeff", "\u2028", "\x85"),
    ]
)


@given(text=st.lists(YAML_PIECES, max_size=40).map("".join), fmt=st.sampled_from(["yaml", "json"]))
def test_hostile_documents_give_only_klantreis_errors(text, fmt):
    for data in (text, text.encode("utf-8")):
        with contextlib.suppress(LoadError, ValidationError):
            klantreis.loads(data, format=fmt, source=f"x.{fmt}")
