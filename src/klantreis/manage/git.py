"""Every committed revision of a journey file, through the real ``git``.

``git log --follow`` lists the commits that touched the file (following renames),
``git show COMMIT:PATH`` gives its text at each. Nothing is checked out, nothing in
the repository changes. Outside a repository, for a file git does not track, or
without ``git`` on the ``PATH``, :class:`GitError` says which.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from attrs import frozen

from klantreis.manage.iterations import HistoryError

__all__ = ["GitError", "GitRevision", "revisions"]


class GitError(HistoryError):
    """git could not give the revisions of a file."""


@frozen(kw_only=True)
class GitRevision:
    """A journey file as it was committed."""

    commit: str
    date: dt.datetime
    """The commit date."""
    path: str
    """The file's path in the repository at that commit (it may have been renamed)."""
    subject: str
    data: bytes

    @property
    def name(self) -> str:
        """How the revision is shown: ``path@abbreviated-commit``."""
        return f"{self.path}@{self.commit[:7]}"


def _git(folder: Path, *args: str, what: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            check=False,
            env={**os.environ, "GIT_PAGER": "cat", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise GitError(f"{what}: git is not installed (no 'git' on the PATH)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"{what}: git failed: {message[-1] if message else done.returncode}")
    return done.stdout


def revisions(path: str | os.PathLike[str]) -> list[GitRevision]:
    """Every committed revision of the file at *path*, oldest first.

    Raises :class:`GitError` when *path* is not in a git repository, when git has no
    commit of it, or when git is missing or fails.
    """
    file = Path(path)
    what = str(path)
    folder = file.parent if str(file.parent) else Path(".")
    if not folder.is_dir():
        raise GitError(f"{what}: the folder {folder} does not exist")
    try:
        top = _git(folder, "rev-parse", "--show-toplevel", what=what)
    except GitError as exc:
        if "not a git repository" in str(exc):
            raise GitError(f"{what}: not in a git repository") from None
        raise
    root = Path(top.decode("utf-8").strip())
    relative = Path(os.path.relpath(file.resolve(), root.resolve())).as_posix()
    if relative.startswith("../"):
        raise GitError(f"{what}: outside the repository at {root}")
    log = _git(
        root,
        "log",
        "--follow",
        "-z",
        "--format=%x01%H%x00%cI%x00%s",
        "--name-only",
        "--",
        relative,
        what=what,
    )
    found: list[tuple[str, dt.datetime, str, str]] = []
    for record in log.decode("utf-8", "replace").split("\x01")[1:]:
        parts = [p.strip("\n") for p in record.split("\x00")]
        commit, date, subject = parts[0], parts[1], parts[2]
        names = [p for p in parts[3:] if p]
        at = names[-1] if names else relative
        found.append((commit, dt.datetime.fromisoformat(date), at, subject))
    if not found:
        raise GitError(
            f"{what}: git has no commit of this file (is it tracked? try: git add {what})"
        )
    return [
        GitRevision(
            commit=commit,
            date=date,
            path=at,
            subject=subject,
            data=_git(root, "show", f"{commit}:{at}", what=f"{what} at {commit[:7]}"),
        )
        for commit, date, at, subject in reversed(found)
    ]
