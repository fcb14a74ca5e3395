"""The source files as the file system holds them, each refusal a located problem.

A site repository is untrusted input (a pull request from anyone), so nothing is opened on
trust. `survey` walks data/ and content/ before anything is read or copied and refuses
every link (one leaving the project would read or publish the machine's files), every
special file (a FIFO blocks a reader forever, a device never ends) and every name that
Windows, where organizers also work, cannot check out. `read_text` then reads one file: a
regular file only, never more than its limit, as UTF-8 without invisible control characters.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from sammelan.errors import Location, Problem
from sammelan.i18n.messages import Text, msg

MAX_BYTES = 512 * 1024
# control characters (a tab and line ends aside), and the line and paragraph separators
# pasted from other apps; a carriage return only before a line feed or at the very end
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]|\r(?!\n)(?!\Z)")
SOURCE_FOLDERS = ("data", "content")
MAX_SLUG = 80  # characters before the extension; a slug is a few words
MAX_EXTENSION = 20
# folders inside data/ or content/; Pelican walks content/images/ by recursion, which a tree
# a thousand folders deep would exhaust (RecursionError)
MAX_DEPTH = 8
# Windows' device names: a file called so (with any extension) cannot be checked out there
RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                      *(f"lpt{i}" for i in range(1, 10))})
# characters Windows refuses in a name, besides control characters; a name may not end in
# a dot or a space there either
FORBIDDEN = frozenset('<>:"\\|?*')
# content/images/ is published as it is: pictures only (an .html or .svg file there would be
# a page, or a script, on the site's own domain)
IMAGES = "content/images/"
PICTURES = (".jpg", ".jpeg", ".png", ".webp")
SPECIAL = ((stat.S_ISFIFO, msg("a named pipe (FIFO)")), (stat.S_ISSOCK, msg("a socket")),
           (stat.S_ISCHR, msg("a device")), (stat.S_ISBLK, msg("a device")))
# opened without following a link, and without waiting should a pipe appear after the check
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_BINARY", 0))


@dataclass(frozen=True)
class Survey:
    """What data/ and content/ hold: paths relative to the project."""

    files: tuple[str, ...]  # the regular files, sorted
    refused: frozenset[str]  # each reported by one of the problems
    problems: tuple[Problem, ...]

    def blocks(self, relative: str) -> bool:
        """Whether `relative` or a folder above it was refused (and reported)."""
        if not self.refused:
            return False
        parts = relative.split("/")
        return any("/".join(parts[:end]) in self.refused for end in range(1, len(parts) + 1))


def survey(root: Path) -> Survey:
    """Every link, special file, unreadable entry and unusable name under the source folders.
    Nothing is followed or opened but folders, so the walk ends, and stays inside, whatever
    the tree holds (iterative: a deep tree does not exhaust Python's stack)."""
    found: list[str] = []
    refused: set[str] = set()
    problems: list[Problem] = []
    pending = [name for name in SOURCE_FOLDERS if os.path.lexists(root / name)]
    top = os.fspath(root)
    while pending:
        relative = pending.pop()
        if _plain_file(top, relative):
            found.append(relative)
            continue
        problem, names = _inspect(root, relative)
        if problem is not None:
            refused.add(relative)
            problems.append(problem)
        elif names is None:
            found.append(relative)
        pending.extend(f"{relative}/{name}" for name in names or ())
    return Survey(tuple(sorted(found)), frozenset(refused), tuple(sorted(problems)))


def _plain_file(top: str, relative: str) -> bool:
    """Whether an entry is what nearly every entry is: a readable regular file with a plain
    name, outside content/images/, not too deep. Decided with one system call, where
    _inspect, which says what is wrong with any other, costs a thousand conclaves' sources
    a tenth of a second more."""
    name = relative.rpartition("/")[2]
    if (relative.startswith(IMAGES) or relative.count("/") > MAX_DEPTH
            or not PLAIN_NAME.fullmatch(name) or "/" not in relative):
        return False
    base, _, extension = name.partition(".")
    if base.lower() in RESERVED or len(base) > MAX_SLUG or len(extension) > MAX_EXTENSION:
        return False
    path = f"{top}/{relative}"
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
    except OSError:
        return False
    return os.access(path, os.R_OK)


def _inspect(root: Path, relative: str) -> tuple[Problem | None, list[str] | None]:
    """The problem with one entry, or else the names inside it (None for a file)."""
    path = root / relative
    where = Location(printable(relative))
    bad_name = None if "/" not in relative else name_problem(path.name, where)
    if bad_name is not None:
        return bad_name, None
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            return _link_problem(root, relative), None
        if stat.S_ISDIR(mode):
            deep = _too_deep(relative, where)
            return (deep, None) if deep else (None, os.listdir(path))
        if not stat.S_ISREG(mode):
            return _special_problem(mode, where), None
        if not os.access(path, os.R_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    except OSError as exc:
        return os_problem(exc, where), None
    return _not_a_picture(relative, where), None


def _not_a_picture(relative: str, where: Location) -> Problem | None:
    if not relative.startswith(IMAGES) or relative.lower().endswith(PICTURES):
        return None
    return Problem(where, msg("only pictures are published from content/images/, and this "
                              "file would be published as it is"),
                   msg("remove it, or save it as one of: %(kinds)s", kinds=", ".join(PICTURES)))


def _too_deep(relative: str, where: Location) -> Problem | None:
    if relative.count("/") <= MAX_DEPTH:
        return None
    return Problem(where, msg("folders are nested more than %(limit)s deep here",
                              limit=MAX_DEPTH), msg("move the files up into fewer folders"))


def printable(text: str) -> str:
    """`text` with control characters and undecodable bytes escaped, so that a message about
    a strange name stays on one line and can be printed."""
    if text.isprintable():  # surrogates (undecodable bytes) are not printable either
        return text
    return "".join(char if char.isprintable() and not _undecodable(char) else _escaped(char)
                   for char in text)


def _bad_character(name: str) -> Text | None:
    if PLAIN_NAME.fullmatch(name):  # nearly every name: no character to look at one by one
        return None
    for char in name:
        if _undecodable(char):
            return msg("holds bytes that are not UTF-8 text")
        if not char.isprintable():
            return msg("holds the invisible character U+%(code)s", code=f"{ord(char):04X}")
        if char in FORBIDDEN:
            return msg("holds `%(char)s`", char=char)
    return msg("ends in a dot or a space") if name.endswith((".", " ")) else None


PLAIN_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*[A-Za-z0-9_-]|[A-Za-z0-9_-]")


def _undecodable(char: str) -> bool:
    return "\udc80" <= char <= "\udcff"  # a byte of a name that is not UTF-8


def _escaped(char: str) -> str:
    if _undecodable(char):
        return f"\\x{ord(char) - 0xDC00:02X}"
    return char.encode("unicode_escape").decode("ascii")


def name_problem(name: str, where: Location) -> Problem | None:
    """A name that Windows cannot check out: reserved, too long, or with characters it
    refuses (or that are no text at all)."""
    base, _, extension = name.partition(".")
    bad = _bad_character(name)
    if bad:
        return Problem(where, msg("the name `%(name)s` %(bad)s, which Windows does not allow "
                                  "in a file name", name=printable(name), bad=bad),
                       msg("rename it with letters, digits and hyphens"))
    if base.lower() in RESERVED:
        return Problem(where, msg("`%(base)s` is a name Windows keeps for devices (as are con, "
                                  "nul, aux, prn, com1–com9 and lpt1–lpt9), so the repository "
                                  "could not be checked out there", base=base),
                       msg("rename it, e.g. `%(name)s`, and change every place that names it",
                           name=f"{base}-1{name[len(base):]}"))
    if len(base) > MAX_SLUG or len(extension) > MAX_EXTENSION:
        return Problem(where, msg("the name is %(length)s characters long; names are at most "
                                  "%(limit)s characters before the extension",
                                  length=len(name), limit=MAX_SLUG),
                       msg("shorten it (a few words are enough), and change every place that "
                           "names it"))
    return None


def _link_problem(root: Path, relative: str) -> Problem:
    path, where = root / relative, Location(printable(relative))
    target = printable(os.readlink(path))
    try:
        resolved = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(where, msg("is a link that leads back to itself (a loop)"),
                           msg("delete the link"))
        return Problem(where, msg("is a link to `%(target)s`, which does not exist",
                                  target=target),
                       msg("delete the link, or put the file itself here"))
    if not resolved.is_relative_to(root.resolve()):
        return Problem(where, msg("is a link to `%(target)s`, outside the project: the site "
                                  "never reads or publishes files from outside it",
                                  target=target),
                       msg("delete the link; copy into the project what belongs to the site"))
    # Inside the project a link would be harmless, but it does not work on Windows and a
    # link to a folder can loop: the sources are real files and folders only.
    return Problem(where, msg("is a link (to `%(target)s`); the site reads only real files "
                              "and folders, as links do not work on every computer",
                              target=target),
                   msg("replace the link with a copy of what it points to"))


def _special_problem(mode: int, where: Location) -> Problem:
    what = next((name for test, name in SPECIAL if test(mode)), msg("a special file"))
    return Problem(where, msg("is %(what)s, not an ordinary file", what=what),
                   msg("delete it; the sources are ordinary files and folders only"))


def os_problem(exc: OSError, where: Location) -> Problem:
    """What the system refused, in words an organizer can act on."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Problem(where, msg("cannot be read: permission denied"),
                       msg("allow reading it (e.g. `chmod a+rX %(file)s`), or delete it",
                           file=where.file))
    if exc.errno == errno.ENAMETOOLONG:
        return Problem(where, msg("the name is too long for the system"),
                       msg("shorten it to at most %(limit)s characters before the extension",
                           limit=MAX_SLUG))
    if exc.errno == errno.ELOOP:  # the file became a link after the survey
        return Problem(where, msg("is a link; the site reads only real files"),
                       msg("replace the link with a copy of the file"))
    if exc.errno == errno.EISDIR:
        return _folder_problem(where)
    return Problem(where, msg("cannot be read (%(reason)s)", reason=exc.strerror or str(exc)),
                   msg("check the file, or delete it and write it again"))


def _folder_problem(where: Location) -> Problem:
    return Problem(where, msg("is a folder, not a file"),
                   msg("remove or rename the folder; each source is one file"))


def read_text(path: Path, shown_as: str, limit: int = MAX_BYTES
              ) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and the problem that stops it."""
    raw, problem = _read_bytes(path, Location(shown_as), limit)
    if raw is None:
        return None, [problem] if problem else []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(raw, exc.start, shown_as)]
    bad = control_character(text, shown_as)
    return (None, [bad]) if bad else (text, [])


def _read_bytes(path: Path, where: Location, limit: int) -> tuple[bytes | None, Problem | None]:
    """At most `limit` bytes of a regular file: checked before it is opened (opening a
    device can have effects) and again once open (it may have been swapped meanwhile)."""
    try:
        problem = _not_regular(os.lstat(path).st_mode, where)
        if problem:
            return None, problem
        descriptor = os.open(path, _OPEN_FLAGS)
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(descriptor)
            problem = _not_regular(status.st_mode, where) or _too_big(status.st_size, limit,
                                                                      where)
            if problem:
                return None, problem
            raw = handle.read(limit + 1)  # a file still growing is not read past its limit
    except OSError as exc:
        return None, os_problem(exc, where)
    problem = _too_big(len(raw), limit, where)
    return (None, problem) if problem else (raw, None)


def _not_regular(mode: int, where: Location) -> Problem | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return os_problem(OSError(errno.ELOOP, "link"), where)
    return _folder_problem(where) if stat.S_ISDIR(mode) else _special_problem(mode, where)


def _too_big(size: int, limit: int, where: Location) -> Problem | None:
    if size <= limit:
        return None
    return Problem(where, msg("file is %(size)s bytes, over the limit of %(limit)s", size=size,
                              limit=limit),
                   msg("split it or remove what does not belong"))


def _not_utf8(raw: bytes, offset: int, shown_as: str) -> Problem:
    """Most often a file saved by an editor in Windows-1252 (Notepad's "ANSI"): name the
    character it meant, where it is, and how to save the file right."""
    meant = raw[offset:offset + 1].decode("cp1252", errors="replace")
    where = _where(raw, offset, shown_as)
    if meant.isprintable() and meant != "\ufffd":
        message = msg("the file is not saved as UTF-8: here it holds `%(char)s` in another "
                      "encoding (Windows-1252 or Latin-1)", char=meant)
    else:
        message = msg("the file is not saved as UTF-8 (the byte 0x%(byte)s here)",
                      byte=f"{raw[offset]:02X}")
    return Problem(where, message, msg("save the file as UTF-8 (in the editor's “Save as”, "
                                       "choose the encoding UTF-8) and check the character"))


def _where(raw: bytes, offset: int, shown_as: str) -> Location:
    """The line and column (in characters) of a byte offset: an editor shows those."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Location(shown_as, raw.count(b"\n", 0, offset) + 1, column)


def control_character(text: str, shown_as: str) -> Problem | None:
    match = _CONTROL.search(text)
    if match is None:
        return None
    offset = match.start()
    line_start = text.rfind("\n", 0, offset) + 1
    # counted on \n only: str.splitlines() would also split on \x1c-\x1e and \x85
    return Problem(Location(shown_as, text.count("\n", 0, offset) + 1, offset - line_start + 1),
                   msg("invisible control character U+%(code)s", code=f"{ord(match.group()):04X}"),
                   msg("delete it (it often comes from copying out of a PDF or a chat)"))
