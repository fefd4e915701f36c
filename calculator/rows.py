"""Reading a CSV file row by row, whatever state it is in: the reader of the caseworkers' batch mode.

Files come from Excel and from old systems: UTF-8 with or without a byte order mark (also in front of a header
repeated further down), CRLF, LF or CR line ends, a line in another encoding, a cell of a megabyte, a quote that
never closes. One bad row is one bad row (`Row.problem` says why) and the rest are read as they are; memory
stays flat however long the file or a line in it, since a row longer than ROW_LIMIT bytes is never held.

A row is a record of the CSV dialect Excel writes (commas, double quotes); a quoted cell may hold line breaks,
so a row may span lines. Rows are numbered by the file line they start on (the first line is 1), as a text
editor numbers them, and as Excel numbers rows while no cell holds a line break. When a quote does not close
before the end of the file, before the row passes ROW_LIMIT bytes or before a line that cannot be read, the row
is reported at its first line and the lines after that one are read again as rows of their own: the quote was
a stray one, and the rows it would have swallowed are not lost.
"""

from __future__ import annotations

import csv
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, NamedTuple

ROW_LIMIT = 64 * 1024
"""Bytes a row may take in the file, all its lines together; a longer row is reported and skipped."""
CHUNK = 64 * 1024
LINE_END = re.compile(rb"\r\n|\r|\n")
BOM = "\ufeff"
NOT_CSV = {  # how files that are not CSV text begin → what they are
    b"PK\x03\x04": "Excel 工作簿（.xlsx）或其他压缩文件",
    b"\xd0\xcf\x11\xe0": "旧版 Excel 工作簿（.xls）",
    b"\xff\xfe": "UTF-16 编码的文本（Excel 的“Unicode 文本”）",
    b"\xfe\xff": "UTF-16 编码的文本",
    b"%PDF": "PDF 文件",
}


class NotCsv(Exception):
    """The file is not CSV text at all (a workbook, UTF-16, a PDF); the message says what it looks like."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a row could not be read as it stands: `kind` (encoding, nul, too_long, unclosed_quote), a Chinese
    message, the cell it is about (its index in the row) when it is about one, and for a line that is not UTF-8
    the encoding it looks like, if any."""

    kind: str
    message: str
    cell: int | None = None
    encoding: str | None = None


@dataclass(slots=True)
class Row:
    """A row of the file: the line it starts on and the one it ends on, its cells, and its problem if it has
    one (the cells then hold what could be made out of its first line)."""

    number: int
    end: int
    cells: list[str]
    problem: Problem | None = None


class _Line(NamedTuple):
    number: int
    text: str  # decoded; for a line that cannot be read, what could be made out of it
    problem: Problem | None


class _Unreadable(Exception):
    def __init__(self, line: _Line) -> None:
        super().__init__(line.problem)
        self.line = line


class _RunsOn(Exception):
    """A quoted cell has run on past ROW_LIMIT bytes."""


def read_rows(source: BinaryIO | Iterable[bytes]) -> Iterator[Row]:
    """The rows of the CSV bytes `source` (a binary file, or any iterable of byte strings), blank ones included
    (with no cells), as they are read: each row is handed out before the next line is asked for."""
    feed = _Feed(_decoded(_lines(_pieces(source))))
    reader = csv.reader(feed)
    while True:
        feed.start_row()
        try:
            cells = next(reader)
        except StopIteration:
            return
        except _Unreadable as bad:
            if bad.line is feed.taken[0]:
                yield Row(bad.line.number, bad.line.number, _cells(bad.line.text), bad.line.problem)
                continue
            yield feed.unclosed(f"一直延续到第{bad.line.number}行，而那一行无法读取")
            continue
        except _RunsOn:
            yield feed.unclosed(f"这一格超过{ROW_LIMIT // 1024} KB 还没有结束")
            continue
        if feed.ended:
            yield feed.unclosed("到文件末尾都没有结束")
            continue
        yield Row(feed.taken[0].number, feed.taken[-1].number, cells)


def _cells(text: str) -> list[str]:
    """The cells of one line read on its own (an unclosed quote then ends at the end of the line)."""
    return next(csv.reader([text]), [])


class _Feed:
    """The lines the csv reader asks for, kept for the row being read, so that they can be read again."""

    def __init__(self, lines: Iterator[_Line]) -> None:
        self.lines = lines
        self.again: deque[_Line] = deque()
        self.taken: list[_Line] = []
        self.size = 0
        self.ended = False  # the file ended while the row was being read: a quote never closed

    def start_row(self) -> None:
        self.taken = []
        self.size = 0
        self.ended = False

    def __iter__(self) -> _Feed:
        return self

    def __next__(self) -> str:
        line = self.again.popleft() if self.again else next(self.lines, None)
        if line is None:
            self.ended = bool(self.taken)
            raise StopIteration
        self.taken.append(line)
        if line.problem:
            raise _Unreadable(line)
        self.size += len(line.text)
        if self.size > ROW_LIMIT:
            raise _RunsOn
        return line.text

    def unclosed(self, how: str) -> Row:
        """The row begun on the first line taken, whose quote does not close; the lines after it are put back
        to be read again as rows of their own."""
        first, *rest = self.taken
        self.again.extendleft(reversed(rest))
        cells = _cells(first.text)
        message = (f"单元格开头的引号没有配对：{how}；后面的行已另行读取" if rest
                   else "单元格开头的引号没有配对：到文件末尾都没有结束")
        return Row(first.number, first.number, cells, Problem("unclosed_quote", message, len(cells) - 1))


def _pieces(source: BinaryIO | Iterable[bytes]) -> Iterator[bytes]:
    """The bytes of `source` in pieces: what a file has ready (up to CHUNK bytes, without waiting for more, so a
    pipe is read as it comes), or the items of an iterable. NotCsv if it begins as no CSV text does."""
    read = getattr(source, "read1", None) or getattr(source, "read", None)
    pieces = iter(lambda: read(CHUNK), b"") if read else iter(source)
    first = next((piece for piece in pieces if piece), b"")
    for signature, kind in NOT_CSV.items():
        if first.startswith(signature):
            raise NotCsv(f"输入文件看起来是{kind}，不是 CSV 文本文件；在 Excel 中请另存为“CSV UTF-8（逗号分隔）”。")
    yield first
    yield from pieces


def _lines(pieces: Iterator[bytes]) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, the line with its end, whether it was cut short at ROW_LIMIT bytes): a line ends at CRLF,
    LF or CR; of a longer line only the first ROW_LIMIT bytes are kept, the rest is skipped unread."""
    number = 0
    buffer = b""
    skipping = False  # in the rest of a line already handed out cut short
    after_cr = False  # the last piece ended in CR: an LF at the start of the next one belongs to that line end
    for piece in pieces:
        if after_cr and piece.startswith(b"\n"):
            piece = piece[1:]
        buffer += piece
        start = 0
        for end in LINE_END.finditer(buffer):
            line, start = buffer[start:end.end()], end.end()
            if skipping:
                skipping = False
            else:
                number += 1
                yield number, line[:ROW_LIMIT], len(line) > ROW_LIMIT
        buffer = buffer[start:]
        after_cr = start > 0 and not buffer and piece.endswith(b"\r")
        if len(buffer) > ROW_LIMIT:
            if not skipping:
                number += 1
                yield number, buffer[:ROW_LIMIT], True
                skipping = True
            buffer = b""
    if buffer and not skipping:
        yield number + 1, buffer, False


def _decoded(lines: Iterator[tuple[int, bytes, bool]]) -> Iterator[_Line]:
    """Each line as UTF-8 text, without a byte order mark in front; a line that is not UTF-8, holds a NUL or was
    cut short comes with its problem, and with its text made out as far as it can be (in the encoding it looks
    like, so that a unit's name in GBK shows as it should)."""
    for number, data, cut in lines:
        problem: Problem | None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            problem, text = _not_utf8(data)
        else:
            problem = Problem("nul", "含有空字符（NUL），不像是文本") if "\0" in text else None
        if cut:
            problem = Problem("too_long", f"这一行超过 {ROW_LIMIT // 1024} KB，没有读取")
        yield _Line(number, text.removeprefix(BOM), problem)


def _not_utf8(data: bytes) -> tuple[Problem, str]:
    """Why a line is not UTF-8, naming the encoding it looks like when GB18030 (a superset of GBK) reads it, and
    its text as that encoding reads it (or with U+FFFD for what UTF-8 cannot read)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return Problem("encoding", "不是 UTF-8 编码的文本"), data.decode("utf-8", errors="replace")
    return Problem("encoding", "不是 UTF-8 编码的文本（看起来是 GBK 编码）", encoding="GBK"), text
