"""The server settings every build ships (render/hosting.py) say what formats.py declares:
each file of the site gets its declared media type from Apache's .htaccess and from the
_headers of Netlify and Cloudflare Pages, a miss gets the "not found" page of its language,
and the stylesheet and pictures alone are kept. (nginx.conf is tried on a real nginx in
test_nginx.py.)"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from sammelan.render import formats, hosting
from sammelan.render.config import RenderConfig

SETTINGS = [fmt.path() for fmt in formats.HOSTING]
BELOW = RenderConfig(site_url="https://example.org/sammelan", relative=False)


def served_files(output: Path) -> list[str]:
    """Every file of a built site a visitor may fetch, made or copied, by its path."""
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*")
                  if p.is_file() and p.name not in SETTINGS)


@pytest.mark.parametrize("fixture", ["site_dir", "published_dir"])
def test_every_build_ships_the_settings_at_the_sites_root(fixture, request):
    output = request.getfixturevalue(fixture)
    for name in SETTINGS:
        assert (output / name).stat().st_size > 100, name


def test_the_settings_name_the_published_address(published_dir):
    nginx = (published_dir / "nginx.conf").read_text(encoding="utf-8")
    assert "server_name sammelan.example.org;" in nginx
    for name in SETTINGS:
        assert "https://sammelan.example.org" in (published_dir / name).read_text("utf-8")


# Netlify and Cloudflare Pages -------------------------------------------------------------


def header_rules(text: str) -> list[tuple[re.Pattern, str, str]]:
    """(the addresses a rule matches, header name, value) for each header line of a
    _headers file; * matches anything, slashes too, as on both hosts."""
    rules, pattern = [], None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("/"):
            pattern = re.compile("^" + ".*".join(map(re.escape, line.split("*"))) + "$")
        else:
            name, _, value = line.strip().partition(": ")
            rules.append((pattern, name, value))
    return rules


def headers_for(rules, address: str, header: str) -> list[str]:
    return [value for pattern, name, value in rules if name == header and pattern.match(address)]


def test_headers_give_each_file_its_declared_media_type_by_one_rule(published_dir):
    rules = header_rules((published_dir / "_headers").read_text(encoding="utf-8"))
    files = served_files(published_dir)
    ours = [f for f in files if not f.startswith(formats.ASSET_FOLDERS)]
    assert len(ours) > 100
    for path in ours:
        # both hosts join the values of every matching rule: one rule, or a broken type
        assert headers_for(rules, f"/{path}", "Content-Type") == [formats.media_type(path)], \
            path
    for path in files:
        kept = headers_for(rules, f"/{path}", "Cache-Control")
        assert kept == ([hosting.ASSET_CACHE] if path.startswith(formats.ASSET_FOLDERS)
                        else []), path


def test_headers_and_htaccess_name_every_media_type_of_every_format(published_dir):
    for name in (".htaccess", "_headers"):
        text = (published_dir / name).read_text(encoding="utf-8")
        for fmt in formats.SERVED:
            essence, _, charset = fmt.media_type.partition("; charset=")
            assert essence in text, (name, fmt.name)
            assert not charset or charset in text, (name, fmt.name)


def test_netlify_sends_a_miss_under_en_to_the_english_not_found_page(published_dir):
    lines = [line.split() for line in
             (published_dir / "_redirects").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    # the first rule that matches wins: the English one before the one for everything
    assert lines == [["/en/*", "/en/404.html", "404"], ["/*", "/404.html", "404"]]
    for _, page, _ in lines:
        assert (published_dir / page.lstrip("/")).is_file()


# Apache -------------------------------------------------------------------------------------


def apache_media_type(htaccess: str, path: str) -> str | None:
    """What Apache's mod_mime makes of these directives for a file: a <Files> block's
    ForceType for its name, else the AddType and AddCharset of its last extension."""
    name = PurePosixPath(path).name
    for files, forced in re.findall(r'<Files "([^"]+)">\s*ForceType "([^"]+)"', htaccess):
        if files == name:
            return forced
    extension = "." + name.rsplit(".", 1)[-1]
    types = dict((e, t) for t, e in re.findall(r"^AddType (\S+) (\S+)$", htaccess, re.M))
    charsets = dict((e, c) for c, e in re.findall(r"^AddCharset (\S+) (\S+)$", htaccess, re.M))
    if extension not in types:
        return None
    return types[extension] + (f"; charset={charsets[extension]}" if extension in charsets
                               else "")


def test_htaccess_gives_each_file_its_declared_media_type(published_dir):
    htaccess = (published_dir / ".htaccess").read_text(encoding="utf-8")
    ours = [f for f in served_files(published_dir) if not f.startswith(formats.ASSET_FOLDERS)]
    wrong = [f for f in ours if apache_media_type(htaccess, f) != formats.media_type(f)]
    assert wrong == []


def test_htaccess_sends_each_language_its_not_found_page_compresses_and_caches(published_dir):
    htaccess = (published_dir / ".htaccess").read_text(encoding="utf-8")
    assert "\nErrorDocument 404 /404.html\n" in htaccess
    assert ('<If "%{REQUEST_URI} =~ m#^/en/#">\n    ErrorDocument 404 /en/404.html\n</If>'
            in htaccess)
    deflated = re.search(r"AddOutputFilterByType DEFLATE (.*)", htaccess)[1].split()
    assert {"text/html", "text/calendar", "application/xml", "application/json",
            "image/svg+xml", "application/atom+xml", "text/css"} <= set(deflated)
    assert f'Header always set Cache-Control "{hosting.REVALIDATE}"' in htaccess
    assert re.search(r'm#\^/\(theme\|images\)/#">\s*Header always set Cache-Control '
                     r'"public, max-age=3600"', htaccess)


# a site below a path of its domain -----------------------------------------------------------


def test_a_site_below_a_path_has_that_path_in_every_rule():
    redirects = hosting.redirects(BELOW)
    assert "/sammelan/en/*  /sammelan/en/404.html  404" in redirects
    assert "/sammelan/*  /sammelan/404.html  404" in redirects
    htaccess = hosting.htaccess(BELOW)
    assert "ErrorDocument 404 /sammelan/404.html" in htaccess
    assert "m#^/sammelan/en/#" in htaccess
    assert "m#^/sammelan/(theme|images)/#" in htaccess
    nginx = hosting.nginx(BELOW)
    assert "~^/sammelan/en/ /sammelan/en/404.html;" in nginx
    assert "default /sammelan/404.html;" in nginx
    assert "the folder that holds sammelan/" in nginx
    rules = header_rules(hosting.headers(BELOW))
    assert headers_for(rules, "/sammelan/en/feed.atom.xml", "Content-Type") == [
        formats.FEED.media_type]
    assert headers_for(rules, "/sammelan/theme/css/site.css", "Cache-Control") == [
        hosting.ASSET_CACHE]


def test_formats_of_one_extension_that_differ_get_a_rule_by_file_name():
    rules = {rule.end: rule.media_type for rule in hosting.type_rules()}
    assert rules["feed.atom.xml"] == formats.FEED.media_type
    assert rules[".xml"] == formats.SCHEDULE_XML.media_type == formats.SITEMAP.media_type
    assert rules[".ics"] == formats.CALENDAR
    assert list(rules)[0] == "feed.atom.xml"  # the longest end first, as servers try them
