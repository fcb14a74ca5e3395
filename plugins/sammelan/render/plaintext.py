"""Plain text out of the sanitized prose HTML, for descriptions in JSON-LD and feeds,
which must not carry markup."""

from __future__ import annotations

from html.parser import HTMLParser

BLOCKS = {"p", "li", "blockquote", "h3", "h4", "h5", "h6", "br"}


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
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
