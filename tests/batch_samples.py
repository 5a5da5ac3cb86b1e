"""Small batch samples made on the fly: pages of two synthetic sites, and WARC / WET / JSONL files holding them."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

SITES = ("alpha.example", "beta.example")
MONTHS = ("March", "April", "May", "June", "July", "August")
TOPICS = ("the harbour", "the library", "the orchard", "the old mill", "the tram line", "the bakery")


def page_html(site: str, n: int) -> str:
    """An article page of a site: the same site furniture on every page, a different article each time."""
    topic = TOPICS[n % len(TOPICS)]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story {n} about {topic} | {site}</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav>
<main><article><h1>Story {n} about {topic}</h1>
<p>Residents gathered on Tuesday to discuss the future of {topic}, which has served the district for decades
and now needs repairs that the council estimates at {n + 2} hundred thousand euros.</p>
<p>Opinions were divided: some want {topic} restored exactly as it was, others argue for a modern design that
would cost less to maintain and could open all year round.</p>
<p>Our {site.split('.')[0]} desk reports on the district every week, from council meetings to school fairs.</p>
<p>A decision is expected in {MONTHS[n % len(MONTHS)]}, after a second public meeting about {topic}.</p>
</article></main>
<footer><p>Contact the newsroom of {site} at the address on our about page.</p></footer></body></html>"""


def page_text(site: str, n: int) -> str:
    """The same page as a text dump (what a WET record holds): one line per block."""
    topic = TOPICS[n % len(TOPICS)]
    return "\n".join([
        "Home News About",
        f"Story {n} about {topic}",
        f"Residents gathered on Tuesday to discuss the future of {topic}, which has served the district for decades "
        f"and now needs repairs that the council estimates at {n + 2} hundred thousand euros.",
        f"Opinions were divided: some want {topic} restored exactly as it was, others argue for a modern design "
        "that would cost less to maintain and could open all year round.",
        f"Our {site.split('.')[0]} desk reports on the district every week, from council meetings to school fairs.",
        f"A decision is expected in {MONTHS[n % len(MONTHS)]}, after a second public meeting about {topic}.",
        f"Contact the newsroom of {site} at the address on our about page.",
    ]) + "\n"


def url(site: str, n: int) -> str:
    return f"https://{site}/news/story-{n}"


def write_pages(directory: Path, count: int = 4) -> list[Path]:
    """HTML files in directory/ and text files in directory/sub/; returns them in sorted-walk order."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sub").mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        p = directory / f"page{n}.html"
        p.write_text(page_html(SITES[0], n), encoding="utf-8")
        paths.append(p)
    for n in range(2):
        p = directory / "sub" / f"dump{n}.txt"
        p.write_text(page_text(SITES[1], n), encoding="utf-8")
        paths.append(p)
    return paths


def write_warc(path: Path, count: int = 3, *, extra_records: bool = True) -> list[str]:
    """A gzipped WARC with HTML responses (plus a redirect and an image that must be skipped); returns URLs."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    urls = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for n in range(count):
            u = url(SITES[0], n)
            body = page_html(SITES[0], n).encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(u, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
            urls.append(u)
            if extra_records and n == 0:
                redirect = StatusAndHeaders("301 Moved Permanently", [("Location", u), ("Content-Type", "text/html")],
                                            protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(u + "/old", "response",
                                                              payload=io.BytesIO(b"<html>moved</html>"),
                                                              http_headers=redirect))
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(u + "/logo.png", "response",
                                                              payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)),
                                                              http_headers=image))
    return urls


def write_wet(path: Path, count: int = 3) -> list[str]:
    """A gzipped WET file: a warcinfo record, then one text/plain conversion record per page; returns URLs."""
    from warcio.warcwriter import WARCWriter

    urls = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for n in range(count):
            u = url(SITES[1], n)
            body = page_text(SITES[1], n).encode("utf-8")
            writer.write_record(writer.create_warc_record(u, "conversion", payload=io.BytesIO(body),
                                                          warc_content_type="text/plain"))
            urls.append(u)
    return urls


def write_jsonl(path: Path, rows: list[dict[str, object]], *, gz: bool = False) -> None:
    data = "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
