"""HTML pages: the main text via trafilatura, or every visible block when trafilatura rejects the page."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from typing import NamedTuple

import lxml.html
import trafilatura
from lxml import etree

from onrecord.errors import ReadError
from onrecord.readers.builder import TextBuilder
from onrecord.readers.publishers import country_of_address
from onrecord.readers.source import Source, decode

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "button",
         "figure", "figcaption", "picture", "video", "audio", "iframe")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_PICTURES = ("img", "figure", "picture", "video")
_CAPTION_WORDS = 60
# ARIA roles of what stands beside the text: "See also" boxes, navigation, site banners and footers.
_ASIDE_ROLES = frozenset({"complementary", "navigation", "banner", "contentinfo", "search", "menu", "dialog"})
# Class and id words that content management systems give to what is not the text (as Mozilla's Readability
# reads them): page meta and tags, share and comment boxes, captions, tooltips, hidden and screen-reader text.
_FURNITURE = re.compile(r"meta|shar(?:e|ing)|social|related|\btags?\b|comment|footer|sidebar|promo|sponsor|advert|"
                        r"caption|gallery|breadcrumb|tooltip|subscribe|newsletter|sr-only|screen-reader|d-none|"
                        r"hidden(?!-(?:print|xs|sm|md|lg|xl))")
# An article element with fewer words than this is a teaser or a card, not the page's text (an element marked
# as the article's body is trusted whatever its length).
_ARTICLE_WORDS = 100
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "dd", "dt", "pre",
           "section", "article", "main", "body", "figcaption"}
# trafilatura may keep only what it judges the article; below this share of the page's words, keep the page.
_MIN_SHARE = 0.6
_MARKDOWN = re.compile(r"\*\*|__|^\s{0,3}#{1,6}\s+|^\s*[-*]\s+", re.MULTILINE)


def read_html(data: bytes, name: str) -> Source:
    """An HTML page: main text (bold speaker labels kept), title and publication date."""
    html = _XML_DECLARATION.sub("", decode(data, name), count=1)  # lxml refuses text that names its encoding
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise ReadError(f"not an HTML page ({error})", name, "check the file") from None
    title, date, address = _metadata(tree)
    body = _article(tree)
    blocks = _visible_blocks(_drop_furniture(body if body is not None else tree))
    main = None if body is not None else _main_blocks(_extract(html), blocks)
    builder = TextBuilder()
    for block in main if main is not None else blocks:
        builder.paragraph(block.text, bold_prefix=block.bold, quoted=block.quoted)
    return Source(text=builder.text(), path=name, format="html", title=title, date=date,
                  speaks_for=country_of_address(address),
                  label_hints=tuple(builder.label_hints), quoted=tuple(builder.quoted))


def _drop_furniture(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Remove what a reader of the page does not read as the text: scripts, navigation, hidden elements (tooltips
    inside speaker labels), asides and figures with their captions."""
    for element in list(tree.iter("div", "span", "section", "table")):
        # A box with a picture and a few words, no paragraph: a figure and its caption, however it is marked up.
        if (element is not tree and element.getparent() is not None and next(element.iter(*_PICTURES), None) is not None
                and next(element.iter("p"), None) is None and len(element.text_content().split()) <= _CAPTION_WORDS):
            element.drop_tree()
    for element in list(tree.iter(*_DROP)):
        element.drop_tree()
    words = len(tree.text_content().split())
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element is tree or element.getparent() is None:
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        style = (element.get("style") or "").replace(" ", "").lower()
        if ((element.get("hidden") is not None or element.get("aria-hidden") == "true"
                or (element.get("role") or "").lower() in _ASIDE_ROLES or _FURNITURE.search(names)
                or "display:none" in style or "visibility:hidden" in style)
                # what holds most of the page's words is its text, however it is marked (a reading pane marked
                # "complementary" around the article)
                and len(element.text_content().split()) <= words // 2):
            element.drop_tree()
    return tree


def _article(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The element a page marks as its article's body (schema.org ``articleBody``), else its one ``<article>``
    or ``<main>``, when it holds words; None when the page marks none."""
    for path, words in (('.//*[@itemprop="articleBody"]', 1), (".//article", _ARTICLE_WORDS),
                        (".//main", _ARTICLE_WORDS), ('.//*[@role="main"]', _ARTICLE_WORDS)):
        found = tree.findall(path)
        if len(found) == 1 and len(found[0].text_content().split()) >= words:
            return found[0]
    return None


def _main_blocks(extracted: str | None, blocks: list[Block]) -> list[Block] | None:
    """The page's blocks from trafilatura's first main paragraph to its last.

    trafilatura finds where the article is, but inside it drops repeated short paragraphs ("Senator?"),
    which in a transcript are turns; so it sets the bounds and every block between them is kept.
    """
    paragraphs = [_key(line) for line in (extracted or "").split("\n") if line.strip()]
    total = sum(len(block.text.split()) for block in blocks)
    if not paragraphs or sum(len(p.split()) for p in paragraphs) < _MIN_SHARE * total:
        return None
    keys = [_key(block.text) for block in blocks]
    if paragraphs[0] not in keys or paragraphs[-1] not in keys:
        return None
    first = keys.index(paragraphs[0])
    last = len(keys) - 1 - keys[::-1].index(paragraphs[-1])
    return blocks[first : last + 1] if first <= last else None


def _key(text: str) -> str:
    return " ".join(_MARKDOWN.sub("", text).split())


@contextlib.contextmanager
def _silenced(name: str) -> Iterator[None]:
    """A library's log quiet for the duration: its complaints about a broken page would reach the terminal
    whenever another library has configured logging (wordllama calls ``logging.basicConfig`` on import); the
    reader reports what matters as one error."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _extract(html: str) -> str | None:
    try:
        with _silenced("trafilatura"):
            return trafilatura.extract(
                html, output_format="markdown", include_formatting=True, favor_recall=True, include_comments=False
            )
    except Exception:  # trafilatura fails on some malformed pages; the fallback reads them
        return None


def _metadata(tree: lxml.html.HtmlElement) -> tuple[str | None, str | None, str | None]:
    """The page's title, publication day and canonical address, as far as it gives them."""
    try:
        with _silenced("trafilatura"):
            meta = trafilatura.extract_metadata(tree)
    except Exception:  # metadata is a bonus; a page without it is still read
        meta = None
    title = getattr(meta, "title", None)
    if not title:
        found = tree.find(".//title")
        title = (found.text_content().strip() or None) if found is not None else None
    date = getattr(meta, "date", None)
    address = getattr(meta, "url", None)
    return title, date if isinstance(date, str) and len(date) == 10 else None, address if isinstance(address, str) else None


class Block(NamedTuple):
    """A block of the page: its text, the bold run that opens it, and whether it stands in a blockquote."""

    text: str
    bold: str
    quoted: bool = False


def _visible_blocks(tree: lxml.html.HtmlElement) -> list[Block]:
    """(text, bold prefix) for every block of the page that holds no other block; a heading is bold whole."""
    blocks = []
    for element in tree.iter(*_BLOCKS):
        if any(child.tag in _BLOCKS for child in element.iterdescendants()):
            text = (element.text or "").strip()  # text directly in a container block, before its children
            if text:
                blocks.append(Block(text, ""))
            continue
        text = " ".join(element.text_content().split())
        if text:
            # A heading, or a definition list's term ("<dt>Speaker</dt><dd>words</dd>"), is bold whole.
            bold = text if element.tag in _HEADINGS or element.tag == "dt" else _bold_prefix(element, text)
            blocks.append(Block(text, bold, any(a.tag == "blockquote" for a in element.iterancestors())
                                or element.tag == "blockquote"))
    return blocks


def _bold_prefix(element: lxml.html.HtmlElement, text: str) -> str:
    for bold in element.iter("b", "strong"):
        words = " ".join(bold.text_content().split())
        return words if words and text.startswith(words) else ""
    return ""
