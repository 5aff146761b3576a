#!/usr/bin/env python3
"""Checks a built site's feed.xml against what RFC 4287 (Atom) requires and its
sitemap.xml against the sitemaps.org schema's rules. Usage: check-feed.py OUTPUT_DIR
Exits 1 and says what is wrong when either file is not as it should be."""
import os
import re
import sys
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ABSOLUTE = re.compile(r"^https?://[^\s]+$")
problems = []


def need(condition, message):
    if not condition:
        problems.append(message)


def check_atom_text(element, where):
    kind = element.get("type", "text")
    need(kind in ("text", "html", "xhtml"), f"{where}: type '{kind}' is not text, html or xhtml")


def check_feed(path):
    root = ET.parse(path).getroot()
    need(root.tag == ATOM + "feed", "feed.xml: the root element is not atom:feed")
    for name in ("id", "title", "updated"):
        need(len(root.findall(ATOM + name)) == 1, f"feed.xml: the feed needs exactly one atom:{name}")
    updated = root.findtext(ATOM + "updated") or ""
    need(RFC3339.match(updated), f"feed.xml: feed updated '{updated}' is not an RFC 3339 date-time")
    need(ABSOLUTE.match(root.findtext(ATOM + "id") or ""), "feed.xml: the feed id is not an absolute IRI")
    self_links = [l for l in root.findall(ATOM + "link") if l.get("rel") == "self"]
    need(len(self_links) == 1, "feed.xml: the feed should have one rel=self link")
    feed_has_author = root.find(ATOM + "author") is not None
    ids = set()
    entries = root.findall(ATOM + "entry")
    need(entries, "feed.xml: no entries")
    for number, entry in enumerate(entries, 1):
        where = f"feed.xml: entry {number}"
        for name in ("id", "title", "updated"):
            need(len(entry.findall(ATOM + name)) == 1, f"{where} needs exactly one atom:{name}")
        entry_id = entry.findtext(ATOM + "id") or ""
        need(ABSOLUTE.match(entry_id), f"{where}: id '{entry_id}' is not an absolute IRI")
        need(entry_id not in ids, f"{where}: id '{entry_id}' is used twice")
        ids.add(entry_id)
        stamp = entry.findtext(ATOM + "updated") or ""
        need(RFC3339.match(stamp), f"{where}: updated '{stamp}' is not an RFC 3339 date-time")
        need(stamp <= updated, f"{where}: updated after the feed's updated")
        need(feed_has_author or entry.find(ATOM + "author") is not None, f"{where} has no author, nor has the feed")
        alternates = [l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
        content = entry.find(ATOM + "content")
        need(alternates or content is not None, f"{where} needs a link rel=alternate or content")
        for link in alternates:
            need(ABSOLUTE.match(link.get("href", "")), f"{where}: link '{link.get('href')}' is not absolute")
        for name in ("title", "summary", "content"):
            element = entry.find(ATOM + name)
            if element is not None:
                check_atom_text(element, f"{where} {name}")
    return len(entries)


def check_sitemap(path, output):
    root = ET.parse(path).getroot()
    need(root.tag == SITEMAP + "urlset", "sitemap.xml: the root element is not a sitemaps.org urlset")
    locs = [u.findtext(SITEMAP + "loc") or "" for u in root.findall(SITEMAP + "url")]
    need(locs, "sitemap.xml: no urls")
    need(len(locs) == len(set(locs)), "sitemap.xml: a url is listed twice")
    need(len(locs) <= 50000, "sitemap.xml: more than 50,000 urls")
    base = locs[0] if locs else ""
    for loc in locs:
        need(ABSOLUTE.match(loc) and len(loc) < 2048, f"sitemap.xml: '{loc}' is not an absolute URL")
        need(loc.startswith(base), f"sitemap.xml: '{loc}' is not below the home page {base}")
        page = loc[len(base):] or "index.html"
        need(os.path.isfile(os.path.join(output, page)), f"sitemap.xml: '{loc}' has no page in the output")
    return len(locs)


def main():
    output = sys.argv[1]
    feed = os.path.join(output, "feed.xml")
    sitemap = os.path.join(output, "sitemap.xml")
    if not os.path.exists(feed) and not os.path.exists(sitemap):
        print("check-feed: no feed.xml nor sitemap.xml (the site sets no base_url)")
        return 0
    try:
        entries = check_feed(feed)
        urls = check_sitemap(sitemap, output)
    except (ET.ParseError, OSError) as error:
        problems.append(str(error))
    for problem in problems:
        print("check-feed: " + problem, file=sys.stderr)
    if problems:
        return 1
    print(f"  feed.xml: valid Atom, {entries} entries; sitemap.xml: {urls} urls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
