"""Server settings for the site as built, for the hosts organizers publish on: nginx
(nginx.conf), Apache (.htaccess), Netlify and Cloudflare Pages (_headers, _redirects). Each
is made from the declarations of formats.py, so a new output format is served right on
every host at once:

- media types: each format's own, with its charset (a host that guesses sends a calendar
  as application/octet-stream, which phones download instead of opening);
- "page not found" in the visitor's language: the English page for a miss under /en/, the
  Hindi one elsewhere, with the status 404;
- compression: gzip for every text format and the stylesheet;
- caching: pages, calendars and schedules change whenever organizers edit them, so
  browsers and calendar apps may keep a copy but ask each time whether it changed
  (no-cache, answered by a 304 when it did not); the theme's stylesheet and the pictures
  carry no fingerprint in their names, so they are kept an hour, not for ever.

Every build writes all four at the site's root; a host reads its own and ignores the
others. Their paths are those at SITEURL, its path (if it has one) included.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from sammelan.model.entities import DEFAULT_LANGUAGE, Site
from sammelan.render import formats
from sammelan.render.config import RenderConfig
from sammelan.render.formats import OutputFormat
from sammelan.render.jobs import Job, Keys

REVALIDATE = "no-cache"
ASSET_CACHE = "public, max-age=3600"
ASSET_TEXT = ("text/css",)  # the theme's stylesheet, compressed like the formats
WEB_ROOT = "/var/www/sammelan"  # where nginx.conf serves the site from until changed there
MADE_BY = ("Made by every Sammelan build from plugins/sammelan/render/formats.py and\n"
           "render/hosting.py: change those and build again; an edit here is lost.")


@dataclass(frozen=True)
class TypeRule:
    """The media type of the files whose names end in `end`: an extension (".ics"), or a
    whole file name ("feed.atom.xml") where formats of one extension differ."""

    end: str
    media_type: str

    @property
    def whole_name(self) -> bool:
        return not self.end.startswith(".")

    @property
    def extension(self) -> str:
        return self.end.rsplit(".", 1)[-1]

    @property
    def essence(self) -> str:
        return self.media_type.split(";")[0].strip()

    @property
    def charset(self) -> str | None:
        for parameter in self.media_type.split(";")[1:]:
            name, _, value = parameter.strip().partition("=")
            if name.lower() == "charset":
                return value
        return None


def type_rules() -> list[TypeRule]:
    """One rule per extension of the served formats, with the media type most of its
    formats have, and one per file name for a format that differs (feed.atom.xml among
    the .xml files); the longest end first, as formats.media_type picks."""
    by_extension: dict[str, list[OutputFormat]] = {}
    for fmt in formats.SERVED:
        by_extension.setdefault("." + fmt.file_name.rsplit(".", 1)[-1], []).append(fmt)
    rules: set[TypeRule] = set()
    for end, group in by_extension.items():
        common = Counter(f.media_type for f in group).most_common(1)[0][0]
        rules.add(TypeRule(end, common))
        rules.update(TypeRule(f.file_name, f.media_type) for f in group
                     if f.media_type != common)
    return sorted(rules, key=lambda rule: (-len(rule.end), rule.end))


def compressible() -> list[str]:
    """The media types worth compressing: every text format's, and the stylesheet's."""
    found = {rule.essence for rule in type_rules() if _is_text(rule.essence)}
    return sorted(found | set(ASSET_TEXT))


def _is_text(essence: str) -> bool:
    return (essence.startswith("text/") or essence.endswith(("+xml", "/xml", "/json",
                                                             "+json")))


def base_path(config: RenderConfig) -> str:
    """The path the site is served at: '' at a domain's root, else e.g. '/sammelan'."""
    return urlsplit(config.site_url).path.rstrip("/")


def not_found_pages(config: RenderConfig) -> list[tuple[str, str]]:
    """(the prefix of the addresses, the "not found" page they get), the other languages
    before the default one, whose prefix is the whole site."""
    base = base_path(config)
    pages = [(f"{base}/{formats.prefix(lang)}", f"{base}/{formats.NOT_FOUND.path(lang)}")
             for lang in config.languages if lang != DEFAULT_LANGUAGE]
    return pages + [(f"{base}/", f"{base}/{formats.NOT_FOUND.path(DEFAULT_LANGUAGE)}")]


def _asset_pattern(config: RenderConfig) -> str:
    """A regular expression for the addresses of the files copied as they are."""
    folders = "|".join(re.escape(folder.rstrip("/")) for folder in formats.ASSET_FOLDERS)
    return f"^{re.escape(base_path(config))}/({folders})/"


def _hidden_pattern(config: RenderConfig) -> str:
    """A regular expression for the addresses of these settings files themselves."""
    names = "|".join(re.escape(fmt.path()) for fmt in formats.HOSTING)
    return f"^{re.escape(base_path(config))}/({names})$"


def _comment(text: str) -> list[str]:
    return [f"# {line}".rstrip() for line in text.splitlines()]


# nginx ---------------------------------------------------------------------------------


def nginx(config: RenderConfig) -> str:
    """A site for nginx: two maps and a server block, for a file inside its http block
    (as every file in /etc/nginx/sites-enabled/ is)."""
    lines = [*_comment(_nginx_use(config)), "",
             "# the \"page not found\" page in the visitor's language",
             "map $uri $sammelan_not_found {",
             f"    default {not_found_pages(config)[-1][1]};"]
    lines += [f"    ~^{re.escape(prefix)} {page};"
              for prefix, page in not_found_pages(config)[:-1]]
    lines += ["}", "",
              "# pages, calendars and schedules: kept, but asked for again each time; the",
              "# stylesheet and pictures (no fingerprint in their names): kept an hour",
              "map $uri $sammelan_cache_control {",
              f'    default "{REVALIDATE}";',
              f'    ~{_asset_pattern(config)} "{ASSET_CACHE}";',
              "}", "",
              "server {",
              "    listen 80;",
              f"    server_name {config.domain};",
              f"    root {WEB_ROOT};",
              f"    index {formats.PAGE.file_name};",
              "    error_page 404 $sammelan_not_found;",
              # a folder without index.html (sessions/) is "not found", as in the preview
              "    error_page 403 =404 $sammelan_not_found;",
              "    add_header Cache-Control $sammelan_cache_control always;",
              "    gzip on;",
              "    gzip_vary on;",
              "    gzip_proxied any;",
              # text/html is always compressed, and always given its charset
              f"    gzip_types {' '.join(t for t in compressible() if t != 'text/html')};",
              f"    charset_types {' '.join(_charset_types())};",
              "",
              "    # the settings files for other servers are not part of the site",
              f"    location ~ {_hidden_pattern(config)} {{",
              "        return 404;",
              "    }"]
    lines += ["", "    # media types by the end of the file name, the longest first"]
    for rule in type_rules():
        lines += [f"    location ~ {_nginx_end(rule)} {{",
                  f"        types {{ {rule.essence} {rule.extension}; }}"]
        if rule.charset:
            lines.append(f"        charset {rule.charset};")
        lines.append("    }")
    return "\n".join([*lines, "}", ""])


def _nginx_use(config: RenderConfig) -> str:
    base = base_path(config)
    where = (f"the folder that holds {base.lstrip('/')}/ (the site's path); copy the built "
             f"site into that {base.lstrip('/')}/" if base else "that folder")
    return (f"nginx settings for the site at {config.app_base}.\n{MADE_BY}\n\n"
            f"To use: copy the built site (output/) to the server, e.g. into {WEB_ROOT};\n"
            f"set `root` below to {where}; put this file in /etc/nginx/sites-enabled/;\n"
            "add your certificate (`listen 443 ssl;` and its lines, or let certbot add "
            "them);\nthen `nginx -t` and `systemctl reload nginx`.")


def _nginx_end(rule: TypeRule) -> str:
    return ("/" if rule.whole_name else "") + re.escape(rule.end) + "$"


def _charset_types() -> list[str]:
    return sorted({rule.essence for rule in type_rules()
                   if rule.charset and rule.essence != "text/html"})


# Apache ---------------------------------------------------------------------------------


def htaccess(config: RenderConfig) -> str:
    """Apache's per-folder settings; every directive is of the FileInfo kind, the one
    group a host must allow (AllowOverride FileInfo)."""
    lines = [*_comment(_apache_use(config)), "", "# media types by the end of the file name"]
    for rule in type_rules():
        if rule.whole_name:
            lines += [f'<Files "{rule.end}">', f'    ForceType "{rule.media_type}"', "</Files>"]
        else:
            lines.append(f"AddType {rule.essence} {rule.end}")
            if rule.charset:
                lines.append(f"AddCharset {rule.charset} {rule.end}")
    (*others, (_, default_page)) = not_found_pages(config)
    lines += ["", "# the \"page not found\" page in the visitor's language",
              f"ErrorDocument 404 {default_page}"]
    for prefix, page in others:
        lines += [f'<If "%{{REQUEST_URI}} =~ m#^{re.escape(prefix)}#">',
                  f"    ErrorDocument 404 {page}", "</If>"]
    lines += ["", "# the settings files for other servers are not part of the site",
              f"RedirectMatch 404 {_hidden_pattern(config)}",
              "", "<IfModule mod_deflate.c>",
              f"    AddOutputFilterByType DEFLATE {' '.join(compressible())}",
              "</IfModule>", "",
              "# pages, calendars and schedules: kept, but asked for again each time; the",
              "# stylesheet and pictures (no fingerprint in their names): kept an hour",
              "<IfModule mod_headers.c>",
              f'    Header always set Cache-Control "{REVALIDATE}"',
              f'    <If "%{{REQUEST_URI}} =~ m#{_asset_pattern(config)}#">',
              f'        Header always set Cache-Control "{ASSET_CACHE}"',
              "    </If>", "</IfModule>", ""]
    return "\n".join(lines)


def _apache_use(config: RenderConfig) -> str:
    return (f"Apache settings for the site at {config.app_base}.\n{MADE_BY}\n\n"
            "Apache reads this file from the site's folder when the server allows it:\n"
            "`AllowOverride FileInfo` for that folder (Debian's default, None, ignores it).\n"
            "Compression needs mod_deflate, caching mod_headers (`a2enmod headers`).")


# Netlify and Cloudflare Pages ------------------------------------------------------------


def headers(config: RenderConfig) -> str:
    """Netlify's and Cloudflare Pages' _headers. Both join the values of every rule that
    matches an address, so no two rules here set a header for one address: a media type
    per extension, and per format where formats of one extension differ; caching only for
    the files copied as they are (the hosts' own default for the rest, max-age=0 and
    must-revalidate, is the revalidation the other servers are told to do)."""
    base = base_path(config)
    rules = type_rules()
    shared = {rule.extension for rule in rules if rule.whole_name}
    lines = [*_comment(f"Netlify and Cloudflare Pages headers for the site at "
                       f"{config.app_base}.\n{MADE_BY}"), "",
             "# media types: one rule for each address, as both hosts join the values of",
             "# every rule that matches one"]
    for rule in rules:
        if not rule.whole_name and rule.extension not in shared:
            lines += [f"{base}/*{rule.end}", f"  Content-Type: {rule.media_type}"]
    for fmt in formats.SERVED:
        if fmt.file_name.rsplit(".", 1)[-1] in shared:
            for pattern in _wildcards(fmt, config.languages):
                lines += [f"{base}/{pattern}", f"  Content-Type: {fmt.media_type}"]
    lines += ["", "# the stylesheet and pictures (no fingerprint in their names): kept an hour;",
              "# pages, calendars and schedules keep the hosts' default (max-age=0,",
              "# must-revalidate): asked for again each time"]
    for folder in formats.ASSET_FOLDERS:
        lines += [f"{base}/{folder}*", f"  Cache-Control: {ASSET_CACHE}"]
    return "\n".join([*lines, ""])


def _wildcards(fmt: OutputFormat, languages: tuple[str, ...]) -> list[str]:
    """The addresses of a format's files as one pattern per language, its {fields} (from
    the first to the last) a single *, as Cloudflare allows one per rule."""
    inner = re.sub(r"\{[^}]*\}(?:.*\{[^}]*\})?", "*", fmt.pattern)
    if not fmt.per_language:
        return [inner]
    return [formats.prefix(lang) + inner for lang in languages]


def redirects(config: RenderConfig) -> str:
    """Netlify's _redirects: a 404 rule applies only where no file is, and the first that
    matches wins. Cloudflare Pages finds the nearest 404.html by itself and skips these
    lines (its build log calls them invalid)."""
    lines = _comment(f"Netlify \"page not found\" rules for the site at {config.app_base}.\n"
                     f"{MADE_BY}")
    lines.append("")
    lines += [f"{prefix}*  {page}  404" for prefix, page in not_found_pages(config)]
    return "\n".join([*lines, ""])


MAKERS: dict[OutputFormat, Callable[[RenderConfig], str]] = {
    formats.NGINX: nginx, formats.HTACCESS: htaccess, formats.HEADERS: headers,
    formats.REDIRECTS: redirects,
}


def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    for fmt, make in MAKERS.items():
        path = fmt.path()
        yield Job(path, "server settings", keys.of(path),
                  lambda m=make: m(config).encode("utf-8"))
