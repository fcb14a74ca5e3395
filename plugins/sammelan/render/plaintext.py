"""Plain text out of the sanitized prose HTML, for descriptions in JSON-LD and feeds,
which must not carry markup: without the marks of links to other sites (prose.leaving),
which say so to a reader of the page, not of a description."""

from __future__ import annotations

from html.parser import HTMLParser

BLOCKS = {"p", "li", "blockquote", "h3", "h4", "h5", "h6", "br"}


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.marking = 0  # the depth of <span>s inside a link's external mark

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCKS:
            self.flush()
        if tag == "span" and (self.marking or ("class", "external") in attrs):
            self.marking += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()
        if tag == "span" and self.marking:
            self.marking -= 1

    def handle_data(self, data: str) -> None:
        if not self.marking:
            self.current.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []


def paragraphs(html: str) -> list[str]:
    """The text of each block (paragraph, list item, heading), white space folded."""
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.paragraphs


def first_paragraph(html: str) -> str:
    found = paragraphs(html)
    return found[0] if found else ""
