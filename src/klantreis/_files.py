"""Files: a write either lands whole or leaves the old file as it was; a read that
fails is one :class:`~klantreis.LoadError` that names the file and says why."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from klantreis.errors import LoadError, Problem
from klantreis.words import Message

__all__ = ["atomic_write", "read_only", "reading", "umask"]


def umask() -> int:
    """The process's file-creation mask (read without changing it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike[str], data: bytes | Iterable[bytes]) -> None:
    """Write *data* (bytes, or chunks of bytes) to *path* through a temporary file beside it.

    Chunks are written as they come, so a large output is never held whole. The
    temporary file is flushed to disk and renamed over *path*, so a crash, a full
    disk, a ``KeyboardInterrupt`` or an exception from the chunks leaves either the old
    file or the new one, and no temporary file behind. An existing file keeps its
    permission bits.
    """
    target = Path(path)
    folder = target.parent
    # A short temporary name: the target's own may already be near the 255-byte limit.
    import tempfile  # only when writing (it loads random)

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:32]}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in (data,) if isinstance(data, bytes) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = os.stat(target).st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def reading(source: str) -> Iterator[None]:
    """Turn the system's refusal to read *source* into a :class:`~klantreis.LoadError`.

    ``unreadable`` (no such file, a folder, permission denied, any other OS error)
    or ``bad-encoding`` (text that is not UTF-8), with *source* named.
    """

    def fail(message: Message, code: str = "unreadable") -> LoadError:
        return LoadError(Problem.told(code, message, language="en", source=source))

    try:
        yield
    except FileNotFoundError:
        raise fail(Message("read.no-such-file")) from None
    except IsADirectoryError:
        raise fail(Message("read.folder")) from None
    except PermissionError:
        raise fail(Message("read.permission")) from None
    except OSError as exc:  # the system's own words for the reason
        raise fail(Message("read.os-error", reason=exc.strerror or str(exc))) from None
    except UnicodeDecodeError:
        raise fail(Message("read.not-utf-8"), "bad-encoding") from None


def read_only(path: Path) -> bool:
    """Whether *path* is a file its owner marked read-only (or that we may not write).

    Replacing it atomically would succeed (the folder is writable); it is refused the
    way a shell's ``>`` refuses it, also for root, who may write any file.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return path.is_file() and (not mode & 0o222 or not os.access(path, os.W_OK))
