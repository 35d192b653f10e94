"""Journeys as long ("tidy") tables that analytics tools read as they are.

:func:`tidy_tables` turns journeys (one file, a folder, the iterations of a history)
into :data:`TABLES`: one row per journey, iteration, phase, scale, step, vote, note,
pain point, action and target. Every table but ``journeys`` starts with ``journey``
and ``iteration`` (1 for the oldest); items followed across iterations carry a
``track`` (their id in the latest iteration they appear in, found by the diff's
matching), so a retitled step is one line in a chart. :func:`write_tidy` writes the
tables as CSV files or Parquet files (``klantreis[parquet]``, pyarrow) into a folder or
a zip file. DuckDB, pandas, Spark and BI tools read either.

A phase mean in SQL, as klantreis computes it (each step counts once)::

    SELECT s.journey, s.iteration, s.phase, v.scale, avg(step_mean)
    FROM (SELECT journey, iteration, step, scale, avg(vote) AS step_mean
          FROM votes GROUP BY ALL) v JOIN steps s USING (journey, iteration, step)
    GROUP BY ALL
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from klantreis._files import atomic_write, umask
from klantreis.errors import KlantreisError
from klantreis.manage.overview import group_iterations, journey_entry
from klantreis.model import Journey

__all__ = ["TABLES", "TidyError", "tidy_tables", "write_tidy"]

Column = tuple[str, Literal["str", "int", "float", "bool", "date"]]

TABLES: dict[str, tuple[Column, ...]] = {
    "journeys": (
        ("journey", "str"),
        ("title", "str"),
        ("language", "str"),
        ("iterations", "int"),
        ("last_date", "date"),
    ),
    "iterations": (
        ("journey", "str"),
        ("iteration", "int"),
        ("label", "str"),
        ("date", "date"),
        ("source", "str"),
        ("title", "str"),
    ),
    "phases": (
        ("journey", "str"),
        ("iteration", "int"),
        ("phase", "str"),
        ("position", "int"),
        ("name", "str"),
        ("lead_time", "str"),
    ),
    "scales": (
        ("journey", "str"),
        ("iteration", "int"),
        ("scale", "str"),
        ("name", "str"),
        ("minimum", "int"),
        ("maximum", "int"),
        ("direction", "str"),
    ),
    "steps": (
        ("journey", "str"),
        ("iteration", "int"),
        ("step", "str"),
        ("track", "str"),
        ("position", "int"),
        ("title", "str"),
        ("phase", "str"),
        ("lane", "str"),
        ("actor", "str"),
        ("moment_of_truth", "bool"),
    ),
    "votes": (
        ("journey", "str"),
        ("iteration", "int"),
        ("step", "str"),
        ("scale", "str"),
        ("vote_number", "int"),
        ("vote", "int"),
        ("perspective", "str"),
    ),
    "notes": (
        ("journey", "str"),
        ("iteration", "int"),
        ("step", "str"),
        ("kind", "str"),
        ("text", "str"),
        ("author", "str"),
        ("suggestion", "str"),
    ),
    "pain_points": (
        ("journey", "str"),
        ("iteration", "int"),
        ("step", "str"),
        ("side", "str"),
        ("text", "str"),
        ("tags", "str"),
    ),
    "actions": (
        ("journey", "str"),
        ("iteration", "int"),
        ("action", "str"),
        ("track", "str"),
        ("title", "str"),
        ("status", "str"),
        ("owner", "str"),
        ("due", "date"),
        ("scope", "str"),
        ("theme", "str"),
        ("within_mandate", "bool"),
        ("tomorrow", "bool"),
        ("lasting", "str"),
    ),
    "targets": (
        ("journey", "str"),
        ("iteration", "int"),
        ("action", "str"),
        ("step", "str"),
    ),
}
"""Every table: its columns and their types, in order."""


class TidyError(KlantreisError):
    """The tables cannot be written where or how they were asked for."""


Rows = dict[str, list[tuple[Any, ...]]]


def tidy_tables(journeys: Iterable[tuple[str, Journey]]) -> Rows:
    """The rows of every table in :data:`TABLES` for *journeys* (``(source, journey)``
    pairs; those with one id are iterations of one journey, see
    :func:`~klantreis.manage.overview.group_iterations`)."""
    rows: Rows = {name: [] for name in TABLES}
    for members in group_iterations(journeys):
        entry = journey_entry(members)
        iterations = [j for _, j in members]
        hist = entry.history
        rows["journeys"].append(
            (entry.id, entry.title, entry.language.value, len(iterations), entry.last_date)
        )
        step_track = {
            (k, step_id): _last(row)
            for row in hist.step_ids
            for k, step_id in enumerate(row)
            if step_id is not None
        }
        action_track = {
            (k, action_id): (_last(a.ids), a.lasting.value)
            for a in hist.actions
            for k, action_id in enumerate(a.ids)
            if action_id is not None
        }
        for k, (journey, revision) in enumerate(zip(iterations, hist.revisions, strict=True)):
            n = k + 1
            key = (entry.id, n)
            rows["iterations"].append(
                (*key, revision.label, revision.date, revision.source, journey.title)
            )
            for i, phase in enumerate(journey.phases):
                lead = phase.lead_time.text(journey.language) if phase.lead_time else None
                rows["phases"].append((*key, phase.id, i + 1, phase.name, lead))
            for scale in journey.scales:
                rows["scales"].append(
                    (
                        *key,
                        scale.id,
                        scale.name,
                        scale.minimum,
                        scale.maximum,
                        scale.direction.value,
                    )
                )
            for i, step in enumerate(journey.steps):
                rows["steps"].append(
                    (
                        *key,
                        step.id,
                        step_track.get((k, step.id), step.id),
                        i + 1,
                        step.title,
                        step.phase,
                        step.lane,
                        step.actor,
                        step.moment_of_truth,
                    )
                )
                for rating in step.ratings:
                    whose = rating.perspectives or (None,) * len(rating.votes)
                    for v, (vote, who) in enumerate(zip(rating.votes, whose, strict=True)):
                        rows["votes"].append((*key, step.id, rating.scale, v + 1, vote, who))
                for note in step.notes:
                    rows["notes"].append(
                        (*key, step.id, note.kind.value, note.text, note.author, note.suggestion)
                    )
                for side in ("client", "professional", "organisation"):
                    for text in getattr(step.pain_points, side):
                        tags = ";".join(step.pain_points.tags) or None
                        rows["pain_points"].append((*key, step.id, side, text, tags))
            for action in journey.actions:
                track, lasting = action_track.get((k, action.id), (action.id, None))
                rows["actions"].append(
                    (
                        *key,
                        action.id,
                        track,
                        action.title,
                        action.status.value,
                        action.owner,
                        action.due,
                        action.scope.value,
                        action.theme.value,
                        action.within_mandate,
                        action.tomorrow,
                        lasting,
                    )
                )
                for target in action.targets:
                    rows["targets"].append((*key, action.id, target))
    return rows


def _last(ids: Sequence[str | None]) -> str:
    return next(i for i in reversed(ids) if i is not None)


# --- writing --------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv_bytes(name: str, rows: Iterable[tuple[Any, ...]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(column for column, _ in TABLES[name])
    for row in rows:
        writer.writerow(_cell(v) for v in row)
    return buffer.getvalue().encode("utf-8")


_ARROW_TYPES = {
    "str": "string",
    "int": "int64",
    "float": "float64",
    "bool": "bool_",
    "date": "date32",
}


def _parquet_bytes(name: str, rows: Sequence[tuple[Any, ...]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise TidyError(
            "Parquet needs pyarrow: pip install 'klantreis[parquet]' (or use CSV, the default)"
        ) from None
    columns = TABLES[name]
    schema = pa.schema([(c, getattr(pa, _ARROW_TYPES[t])()) for c, t in columns])
    data = {c: [row[i] for row in rows] for i, (c, _) in enumerate(columns)}
    table = pa.table(data, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def write_tidy(
    rows: Rows,
    output: str | os.PathLike[str],
    *,
    format: Literal["csv", "parquet"] = "csv",
    force: bool = False,
) -> list[str]:
    """Write every table to *output*: a folder (made when missing), or a ``.zip`` file.

    Tables are ``NAME.csv`` or ``NAME.parquet``. A new folder or zip appears whole or
    not at all; an existing one is refused unless *force*, and then each table file is
    replaced atomically (other files in the folder are left alone). Returns the names
    written.
    """
    if format not in ("csv", "parquet"):
        raise TidyError(f"unknown table format {format!r}; use csv or parquet")
    encode = _csv_bytes if format == "csv" else _parquet_bytes
    files = {f"{name}.{format}": encode(name, rows.get(name, [])) for name in TABLES}
    target = Path(output)
    if not target.parent.is_dir():
        raise TidyError(f"{output}: the folder {target.parent} does not exist")
    if target.suffix.lower() == ".zip":
        if target.exists() and not force:
            raise TidyError(f"{output}: the file exists; use --force to replace it")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
        atomic_write(target, buffer.getvalue())
        return list(files)
    if target.exists():
        if not target.is_dir():
            raise TidyError(f"{output}: exists and is not a folder (give a folder or a .zip)")
        if not force and any(target.iterdir()):
            raise TidyError(f"{output}: the folder is not empty; use --force to replace the tables")
        for name, data in files.items():
            atomic_write(target / name, data)
        return list(files)
    temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        os.chmod(temporary, 0o777 & ~umask())
        for name, data in files.items():
            (temporary / name).write_bytes(data)
        os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return list(files)
