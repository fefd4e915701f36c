"""The command line's files: reading its input and writing its results so that nothing is lost or half-written.

A result file is written to a temporary file beside it and renamed over the path asked for only once it is
complete: a run that fails or is interrupted leaves no result that could pass for complete, and a file already
at that path stays as it was. The input is never written to: a result path that names the input file, by
whatever path or link, is refused before anything is read. Errors are `FileProblem`s with Chinese messages.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import BinaryIO, TextIO

STDIO = "-"
REASONS = {
    errno.ENOENT: "路径不存在",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.EISDIR: "这是一个目录",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "所在的文件系统只能读、不能写",
    errno.ENOSPC: "磁盘空间已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EIO: "磁盘读写出错",
    errno.ENAMETOOLONG: "路径太长",
}


class FileProblem(Exception):
    """A file cannot be read or written; the message says which and why, in Chinese."""


def reason(error: OSError) -> str:
    """Why a file operation failed, in Chinese."""
    known = REASONS.get(error.errno) if error.errno is not None else None
    return known or error.strerror or type(error).__name__


def where(path: str) -> str:
    return "标准输入" if path == STDIO else f"文件 {path}"


@contextmanager
def opened_input(path: str) -> Iterator[BinaryIO]:
    """The input as bytes: the file at `path`, or standard input for STDIO."""
    if path == STDIO:
        yield sys.stdin.buffer
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise FileProblem(f"无法读取{where(path)}：{reason(error)}。") from None
    with handle:
        if stat.S_ISDIR(os.fstat(handle.fileno()).st_mode):
            raise FileProblem(f"无法读取{where(path)}：这是一个目录。")
        yield handle


@contextmanager
def result_file(path: str, encoding: str, source: BinaryIO) -> Iterator[TextIO]:
    """A text stream for the results (standard output for STDIO), committed at the end of the with block.

    A regular file is written beside its path and renamed over it on success (a symbolic link is followed: the
    file it points to is replaced); a device or a pipe (/dev/null, a FIFO) is written to directly. FileProblem
    when the path is a directory, is not writable, or is the file `source` reads.
    """
    if path == STDIO:
        if isinstance(sys.stdout, io.TextIOWrapper):  # the console's, not a replacement without an encoding
            sys.stdout.reconfigure(encoding=encoding, newline="")
        yield sys.stdout
        sys.stdout.flush()
        return
    target = os.path.realpath(path)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise FileProblem(f"无法写入{where(path)}：{reason(error)}。") from None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise FileProblem(f"无法写入{where(path)}：这是一个目录。")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        yield from _written_directly(path, target, encoding)
        return
    if existing is not None and _is_read_by(existing, source):
        raise FileProblem(f"结果文件不能与输入文件相同：{path} 就是输入文件（可能是另一个路径或链接），"
                          "写入会毁掉输入；请用 -o 另选一个文件。")
    if existing is not None and not os.access(target, os.W_OK):
        raise FileProblem(f"无法写入{where(path)}：没有权限。")
    mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666  # a new file: as the umask allows
    temporary = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{os.urandom(4).hex()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except OSError as error:
        raise FileProblem(f"无法写入{where(path)}：{reason(error)}。") from None
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            os.chmod(temporary, mode)  # the umask may have narrowed it
        os.replace(temporary, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def _written_directly(path: str, target: str, encoding: str) -> Iterator[TextIO]:
    try:
        handle = open(target, "w", encoding=encoding, newline="")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise FileProblem(f"无法写入{where(path)}：{reason(error)}。") from None
    with handle:
        yield handle


def _is_read_by(existing: os.stat_result, source: BinaryIO) -> bool:
    """Whether the file `existing` describes is the one `source` reads (the same device and inode)."""
    try:
        return os.path.samestat(existing, os.fstat(source.fileno()))
    except (OSError, ValueError, AttributeError):  # no file behind the source (a test's BytesIO)
        return False
