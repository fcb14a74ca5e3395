from sammelan.sources import yamldoc


def read(tmp_path, text):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return yamldoc.read(path, "data/x.yaml")


def test_positions_of_nested_values(tmp_path):
    doc, problems = read(tmp_path, "a:\n  b:\n    - 1\n    - c: d\n")
    assert not problems
    assert str(doc.where(("a", "b", 1, "c"))) == "data/x.yaml:4:10"
    assert str(doc.where(("a", "missing"))) == "data/x.yaml:2:3"


def test_clock_times_and_dates_stay_as_written(tmp_path):
    doc, _ = read(tmp_path, "start: 15:00\nday: 2026-02-30\n")
    assert doc.data == {"start": "15:00", "day": "2026-02-30"}


def test_syntax_error_has_line_and_column(tmp_path):
    _, problems = read(tmp_path, "title:\n  hi: x\n en: y\n")
    assert len(problems) == 1
    assert str(problems[0].location).startswith("data/x.yaml:3:")
    assert "does not line up" in problems[0].render("en")


def test_tags_are_refused(tmp_path):
    _, problems = read(tmp_path, "a: !!python/object:os.system x\n")
    assert "tag" in problems[0].render("en") and problems[0].location.line == 1


def test_alias_bombs_are_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x]"] + [
        f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 12)]
    _, problems = read(tmp_path, "\n".join(lines) + "\n")
    assert problems and "aliases" in problems[0].render("en")


def test_control_characters_are_refused_with_position(tmp_path):
    _, problems = read(tmp_path, "a: ok\nb: x\x07y\n")
    assert str(problems[0].location) == "data/x.yaml:2:5"
    assert "U+0007" in problems[0].render("en")


def test_duplicate_field_is_an_error(tmp_path):
    _, problems = read(tmp_path, "a: 1\na: 2\n")
    assert "twice" in problems[0].render("en") and problems[0].location.line == 2
