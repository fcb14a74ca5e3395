"""A site repository is untrusted input: whatever its files and folders are (links out of the
project, pipes, devices, folders where files belong, names Windows cannot check out, huge or
intricate texts), the build ends in seconds with located errors, exit 1, the last good output
untouched, and nothing from outside the project read or published."""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from breaking import JHANSI, RAKESH, RAKESH_EN, edit, messages
from conftest import build_into, digest
from sammelan.sources import files, prose

VENUE = "data/venues/parwanoo.yaml"
IMAGES = "content/images"
SECRET = "root:x:0:0:the machine's own secret"


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder beside the project, holding what must never be read or published."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "shadow").write_text(SECRET + "\n", encoding="utf-8")
    (folder / "venue.yaml").write_text((Path(__file__).parent / "fixtures/seeded" / VENUE)
                                       .read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def last_good(tmp_path) -> tuple[Path, dict[str, str]]:
    """An output folder standing for the last good site, and its digest."""
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the last good site", encoding="utf-8")
    return output, digest(output)


def failed_build(project, tmp_path, capsys) -> str:
    """Build the broken project: exit 1, the output untouched, nothing of the secret written
    anywhere; the error lines it printed."""
    output, before = last_good(tmp_path)
    assert build_into(output, root=project) == 1
    assert digest(output) == before
    assert not output.with_name(".output.new").exists()
    for written in tmp_path.glob("*output*"):  # the output, and any fresh or old folder
        for path in written.rglob("*"):
            if path.is_file():
                assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def link(project: Path, relative: str, target: str | Path) -> None:
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        path.unlink()
    os.symlink(target, path)


# links -----------------------------------------------------------------------------------


def test_a_link_to_a_folder_outside_is_refused_before_the_images_are_copied(
        project, tmp_path, outside, capsys):
    link(project, f"{IMAGES}/etc", outside)
    err = failed_build(project, tmp_path, capsys)
    assert f"{IMAGES}/etc: error: is a link to `{outside}`, outside the project: the site " \
           "never reads or publishes files from outside it — fix: delete the link" in err


def test_a_link_to_the_machines_etc_is_refused(project, tmp_path, capsys):
    link(project, f"{IMAGES}/etc", "/etc")
    err = failed_build(project, tmp_path, capsys)
    assert f"{IMAGES}/etc: error: is a link to `/etc`, outside the project" in err


def test_a_bio_linked_to_a_file_outside_is_not_read(project, tmp_path, outside, capsys):
    link(project, RAKESH_EN, outside / "shadow")
    err = failed_build(project, tmp_path, capsys)
    assert f"{RAKESH_EN}: error: is a link to `{outside / 'shadow'}`, outside the project" in err
    assert "English text is missing" not in err  # refused, so not also "missing"


def test_a_data_file_linked_outside_is_not_read(project, tmp_path, outside, capsys):
    link(project, VENUE, outside / "venue.yaml")
    err = failed_build(project, tmp_path, capsys)
    assert f"{VENUE}: error: is a link to `{outside / 'venue.yaml'}`, outside the project" in err
    assert "no venue with the slug `parwanoo`" not in err  # the file is there, if refused


def test_a_source_folder_linked_outside_is_not_walked(project, tmp_path, outside, capsys):
    shutil.move(project / "data/venues", outside / "venues")
    link(project, "data/venues", outside / "venues")
    err = failed_build(project, tmp_path, capsys)
    assert [line for line in err.splitlines() if "error" in line] == [
        f"data/venues: error: is a link to `{outside / 'venues'}`, outside the project: the "
        "site never reads or publishes files from outside it — fix: delete the link; copy "
        "into the project what belongs to the site", "1 error(s), 1 warning(s)"]


@pytest.mark.parametrize("target, what", [
    ("nowhere.jpg", "is a link to `nowhere.jpg`, which does not exist — fix: delete the link"),
    ("loop.jpg", "is a link that leads back to itself (a loop) — fix: delete the link"),
    ("../speakers/rakesh-bala.en.md", "is a link (to `../speakers/rakesh-bala.en.md`); the "
     "site reads only real files and folders, as links do not work on every computer — fix: "
     "replace the link with a copy of what it points to"),
])
def test_dangling_looping_and_inner_links_are_refused(project, target, what):
    link(project, f"{IMAGES}/loop.jpg", target)
    found = messages(project)
    assert len(found) == 1 and found[0].startswith(f"{IMAGES}/loop.jpg: error: {what}")


def test_a_link_to_dev_zero_is_refused_without_reading_it(project):
    link(project, "data/venues/zero.yaml", "/dev/zero")
    started = time.monotonic()
    assert messages(project) == [
        "data/venues/zero.yaml: error: is a link to `/dev/zero`, outside the project: the site "
        "never reads or publishes files from outside it — fix: delete the link; copy into the "
        "project what belongs to the site"]
    assert time.monotonic() - started < 10


# special files, folders, unreadable files ------------------------------------------------


def test_a_named_pipe_is_refused_at_once(project, tmp_path, capsys):
    fifo = project / "data/venues/zz.yaml"
    os.mkfifo(fifo)
    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(failed_build(project, tmp_path,
                                                                        capsys)), daemon=True)
    worker.start()
    worker.join(30)
    if worker.is_alive():  # let the blocked reader go before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("the build waited on a named pipe")
    assert "data/venues/zz.yaml: error: is a named pipe (FIFO), not an ordinary file — fix: " \
           "delete it; the sources are ordinary files and folders only" in result[0]


def test_read_text_refuses_a_device_and_a_pipe_without_opening_them(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    for path, what in ((Path("/dev/zero"), "a device"), (tmp_path / "pipe", "a named pipe")):
        text, problems = files.read_text(path, "x.md")
        assert text is None
        assert problems[0].render().startswith(f"x.md: error: is {what}")


def test_a_huge_file_is_refused_by_its_size_without_reading_it(tmp_path):
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:  # sparse: 4 GiB that take no room
        handle.truncate(4 * 1024**3)
    started = time.monotonic()
    text, problems = files.read_text(huge, "huge.yaml")
    assert time.monotonic() - started < 2
    assert text is None and [p.render() for p in problems] == [
        f"huge.yaml: error: file is {4 * 1024**3} bytes, over the limit of {files.MAX_BYTES} "
        "— fix: split it or remove what does not belong"]


def test_a_folder_named_like_a_source_is_refused(project):
    (project / "data/venues/x.yaml").mkdir()
    (project / RAKESH_EN).unlink()
    (project / RAKESH_EN).mkdir()
    assert messages(project) == [
        f"{RAKESH_EN}: error: is a folder, not a file — fix: remove or rename the folder; each "
        "source is one file",
        "data/venues/x.yaml: error: is a folder, not a file — fix: remove or rename the folder; "
        "each source is one file"]


def test_an_unreadable_file_is_a_located_error(project, monkeypatch):
    # the tests may run as root, who reads everything: the refusal is simulated
    real = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: not str(path).endswith(
        "venues/parwanoo.yaml") and real(path, mode))
    assert messages(project) == [
        f"{VENUE}: error: cannot be read: permission denied — fix: allow reading it "
        f"(e.g. `chmod a+rX {VENUE}`), or delete it"]


@pytest.mark.parametrize("number, what", [
    (errno.EIO, "cannot be read (Input/output error) — fix: check the file, or delete it and "
     "write it again"),
    (errno.ENAMETOOLONG, "the name is too long for the system — fix: shorten it to at most 80 "
     "characters before the extension"),
])
def test_any_system_error_while_reading_is_a_located_problem(tmp_path, monkeypatch, number,
                                                              what):
    source = tmp_path / "venue.yaml"
    source.write_text("name: x\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(os, "open", refuse)
    assert [p.render() for p in files.read_text(source, "venue.yaml")[1]] == [
        f"venue.yaml: error: {what}"]


@pytest.fixture
def deep_tree(project):
    """content/images/d/d/…/x.png, 1,200 folders deep: Python 3.11's os.walk (which Pelican
    uses to copy the images) and shutil.rmtree (which pytest uses to clean up) recurse once
    per level and fail at about 1,000, so it is made and removed one level at a time."""
    top = project / IMAGES
    levels = []
    for _ in range(1200):
        levels.append((levels[-1] if levels else top) / "d")
        levels[-1].mkdir(parents=True)
    (levels[-1] / "x.png").write_bytes(b"png")
    yield
    (levels[-1] / "x.png").unlink()
    for level in reversed(levels):
        level.rmdir()


def test_folders_nested_too_deep_are_refused_before_pelican_walks_them(
        project, tmp_path, capsys, deep_tree):
    err = failed_build(project, tmp_path, capsys)
    assert f"{IMAGES}/d/d/d/d/d/d/d/d: error: folders are nested more than 8 deep here — " \
           "fix: move the files up into fewer folders" in err


# names -----------------------------------------------------------------------------------


def test_two_files_for_one_slug_are_an_error_naming_both(project):
    (project / "data/venues/parwanoo.yml").write_bytes((project / VENUE).read_bytes())
    assert messages(project) == [
        "data/venues/parwanoo.yml: error: `data/venues/parwanoo.yaml` and "
        "`data/venues/parwanoo.yml` are both the venue `parwanoo` — fix: keep one of them "
        "(ending in .yaml) and delete the other"]


@pytest.mark.parametrize("name", ["con.yaml", "nul.yaml", "aux.yaml", "prn.yaml", "com1.yaml",
                                  "lpt9.yaml", "COM3.yaml"])
def test_names_windows_reserves_are_refused_for_data_files(project, name):
    (project / "data/venues" / name).write_bytes((project / VENUE).read_bytes())
    base = name.split(".")[0]
    assert messages(project) == [
        f"data/venues/{name}: error: `{base}` is a name Windows keeps for devices (as are con, "
        "nul, aux, prn, com1–com9 and lpt1–lpt9), so the repository could not be checked out "
        f"there — fix: rename it, e.g. `{base}-1.yaml`, and change every place that names it"]


@pytest.mark.parametrize("relative", ["content/speakers/nul.en.md", f"{IMAGES}/aux.png",
                                      "content/con/notes.md"])
def test_names_windows_reserves_are_refused_for_content_files(project, relative):
    (project / relative).parent.mkdir(parents=True, exist_ok=True)
    (project / relative).write_text("text\n", encoding="utf-8")
    found = messages(project)
    assert len(found) == 1 and "is a name Windows keeps for devices" in found[0]
    assert found[0].startswith(f"{relative if 'con/' not in relative else 'content/con'}: ")


@pytest.mark.parametrize("name, shown, what", [
    ("a:b.png", "a:b.png", "holds `:`"),
    ("new\nline.png", "new\\nline.png", "holds the invisible character U+000A"),
    (os.fsdecode(b"caf\xe9.png"), "caf\\xE9.png", "holds bytes that are not UTF-8 text"),
    ("dot.", "dot.", "ends in a dot or a space"),
])
def test_names_windows_cannot_hold_are_refused_on_one_printable_line(project, name, shown,
                                                                     what):
    (project / IMAGES).mkdir()
    (project / IMAGES / name).write_bytes(b"png")
    (project / IMAGES / "राकेश-बाला.png").write_bytes(b"png")  # any script is a fine name
    assert messages(project) == [
        f"{IMAGES}/{shown}: error: the name `{shown}` {what}, which Windows does not allow in "
        "a file name — fix: rename it with letters, digits and hyphens"]


def test_a_long_slug_is_refused_with_the_limit(project, tmp_path, capsys):
    name = "a" * 250 + ".yaml"
    (project / "data/venues" / name).write_bytes((project / VENUE).read_bytes())
    err = failed_build(project, tmp_path, capsys)
    assert f"data/venues/{name}: error: the name is 255 characters long; names are at most 80 " \
           "characters before the extension" in err


def test_a_slug_at_the_limit_is_read(project):
    slug = "a" * files.MAX_SLUG
    (project / f"data/venues/{slug}.yaml").write_bytes((project / VENUE).read_bytes())
    edit(project, JHANSI, "venue: hotel-lemon-tree-jhansi", f"venue: {slug}")
    assert messages(project, strict=False) == []


# photos ----------------------------------------------------------------------------------


def with_photo(project: Path, value: str) -> None:
    source = project / RAKESH
    source.write_text(source.read_text(encoding="utf-8") + f"photo: {value}\n",
                      encoding="utf-8")


def test_a_photo_in_the_images_folder_is_published(project, tmp_path):
    (project / IMAGES).mkdir()
    (project / IMAGES / "rakesh-bala.jpg").write_bytes(b"\xff\xd8\xff")
    with_photo(project, "rakesh-bala.jpg")
    assert messages(project, strict=True) == []
    assert build_into(tmp_path / "output", root=project) == 0
    assert (tmp_path / "output/images/rakesh-bala.jpg").read_bytes() == b"\xff\xd8\xff"


@pytest.mark.parametrize("value, what", [
    ("../../etc/passwd.jpg", "`../../etc/passwd.jpg` is not a plain file name — fix: put the "
     "picture in content/images/, named with letters, digits and hyphens, and write only its "
     "name, e.g. `photo: sanjay-seth.jpg`"),
    ("/etc/shadow.png", "`/etc/shadow.png` is not a plain file name"),
    ("people/rakesh.jpg", "`people/rakesh.jpg` is not a plain file name"),
    (".hidden.jpg", "`.hidden.jpg` is not a plain file name"),
    ("rakesh-bala.gif", "`rakesh-bala.gif` is not a JPEG, PNG or WebP picture — fix: use a file "
     "ending in .jpg, .jpeg, .png, .webp"),
    ("rakesh-bala", "`rakesh-bala` is not a JPEG, PNG or WebP picture"),
    ("rakesh-bala.png", "there is no picture `rakesh-bala.png` in content/images/ — fix: did you "
     "mean `rakesh-bala.jpg`? If not, add the picture to content/images/, or correct the name"),
    ("folder.jpg", "there is no picture `folder.jpg` in content/images/"),
])
def test_a_photo_must_name_a_picture_in_the_images_folder(project, value, what):
    (project / IMAGES / "folder.jpg").mkdir(parents=True)
    (project / IMAGES / "rakesh-bala.jpg").write_bytes(b"\xff\xd8\xff")
    with_photo(project, value)
    found = messages(project)
    assert len(found) == 1, found
    assert found[0].startswith(f"{RAKESH}:10:8: error [photo]: {what}")


def test_a_photo_that_is_a_link_is_reported_once_at_the_link(project, outside):
    link(project, f"{IMAGES}/rakesh-bala.jpg", outside / "shadow")
    with_photo(project, "rakesh-bala.jpg")
    found = messages(project)
    assert len(found) == 1 and found[0].startswith(f"{IMAGES}/rakesh-bala.jpg: error: is a link")


# registration links ----------------------------------------------------------------------


def test_a_plain_http_registration_link_is_advice_even_under_strict(project):
    edit(project, JHANSI, "venue: hotel", "registration: http://msme.example.org/register\n"
         "venue: hotel")
    warning = (f"{JHANSI}:10:15: warning [registration]: `http://msme.example.org/register` "
               "is not encrypted (http://): browsers warn visitors, and what they type in the "
               "form can be read on the way — fix: use "
               "`https://msme.example.org/register` if the site offers it")
    assert messages(project, strict=True) == [warning]
    assert messages(project, strict=False) == [warning]


def test_an_https_registration_link_is_fine(project):
    edit(project, JHANSI, "venue: hotel", "registration: https://msme.example.org/r\nvenue: hotel")
    assert messages(project) == []


# prose that would take Markdown minutes --------------------------------------------------


def test_a_text_over_the_prose_limit_is_refused(project):
    (project / RAKESH_EN).write_text("word " * (prose.MAX_BYTES // 5 + 1), encoding="utf-8")
    size = (project / RAKESH_EN).stat().st_size
    assert messages(project) == [
        f"{RAKESH_EN}: error: file is {size} bytes, over the limit of {prose.MAX_BYTES} — fix: "
        "split it or remove what does not belong"]


def test_a_paragraph_over_the_limit_is_refused_at_its_first_line(project):
    long = "word " * (prose.MAX_PARAGRAPH // 5) + "end."
    (project / RAKESH_EN).write_text(f"A short one.\n\n{long}\nstill the same paragraph\n",
                                     encoding="utf-8")
    length = len(long) + 1 + len("still the same paragraph")
    assert messages(project) == [
        f"{RAKESH_EN}:3:1: error [text]: this paragraph is {length} characters long, over the "
        f"limit of {prose.MAX_PARAGRAPH} — fix: split it into shorter paragraphs, with an "
        "empty line between them"]


def worst_text() -> str:
    """The slowest text yet found within every limit: as many unclosed tags (each sends
    Python's HTML parser to the end of the file) and unclosed links (each sends Markdown to
    the end of its paragraph) as allowed, then paragraphs as long as allowed of words, which
    the parsers read as the attributes of those tags."""
    from sammelan.checks import complexity

    head = "<a " * complexity.MAX_MARKS + "![ " * complexity.MAX_MARKS
    paragraph = ("a " * prose.MAX_PARAGRAPH)[:prose.MAX_PARAGRAPH - 1] + "."
    text = head + "\n\n" + "\n\n".join([paragraph] * (prose.MAX_BYTES // prose.MAX_PARAGRAPH))
    return text[:prose.MAX_BYTES].rstrip()


def test_the_worst_text_within_the_limits_is_checked_and_rendered_in_seconds(project):
    text = worst_text()
    assert len(text.encode()) > prose.MAX_BYTES - 100
    assert prose.too_intricate(text, "x.md") == []
    (project / RAKESH_EN).write_text(text, encoding="utf-8")
    started = time.monotonic()
    found = messages(project)
    assert time.monotonic() - started < 10  # about 2 s on a slow machine
    # within every limit: checked and rendered, not refused for its size or shape
    assert not any("limit" in line or "more than the" in line for line in found), found[:3]


# the tools beside the build --------------------------------------------------------------


def test_invoke_new_refuses_unusable_slugs_and_never_writes_through_a_link(project, outside):
    from sammelan.tools import scaffold

    with pytest.raises(scaffold.ScaffoldError, match="`nul` is a name Windows keeps"):
        scaffold.write(project, "venue", "nul")
    with pytest.raises(scaffold.ScaffoldError, match="names are at most 80 characters"):
        scaffold.write(project, "venue", "a" * 81)
    link(project, "data/venues/new-hall.yaml", outside / "created.yaml")  # dangling
    with pytest.raises(scaffold.ScaffoldError, match="already exists"):
        scaffold.write(project, "venue", "new-hall")
    assert not (outside / "created.yaml").exists()


def test_translations_name_a_pipe_and_a_link_instead_of_reading_them(project, outside):
    from sammelan.tools import translations

    os.mkfifo(project / "content/speakers/yashika.en.md")
    link(project, "data/venues/elsewhere.yaml", outside / "venue.yaml")
    survey = files.survey(project)
    found: list = []
    worker = threading.Thread(target=lambda: found.extend(
        translations.prose_gaps(project, survey) + translations.text_gaps(project, survey)),
        daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "translations waited on a named pipe"
    assert [p.location.file for p in survey.problems] == [
        "content/speakers/yashika.en.md", "data/venues/elsewhere.yaml"]
    assert all("elsewhere" not in p.location.file for p in found)


@pytest.mark.parametrize("name", ["page.html", "logo.svg", "notes.yml", "x.JS"])
def test_only_pictures_are_published_from_the_images_folder(project, tmp_path, capsys, name):
    output = tmp_path / "output"
    assert build_into(output, root=project) == 0
    before = digest(output)
    images = project / "content/images"
    images.mkdir(exist_ok=True)
    (images / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    (images / "photo.JPG").write_bytes(b"\xff\xd8\xff")  # a picture is fine
    assert build_into(output, root=project) == 1
    assert digest(output) == before
    assert (f"content/images/{name}: error: only pictures are published from content/images/"
            in capsys.readouterr().err)
