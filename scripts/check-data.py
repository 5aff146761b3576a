#!/usr/bin/env python3
"""Reads a built site's data and metadata as their consumers would.

  scripts/check-data.py OUTPUT

- every CSV file of data/ parses with Python's csv module (RFC 4180: CRLF, a
  header row, as many fields in every row), and the data package validates with
  frictionless (types, required fields, unique slugs, foreign keys);
- data/site.json parses and has as many entries of each kind as its CSV file rows;
- data/sources.bib parses with bibtexparser and data/sources.ris with rispy,
  one record per source;
- every entry page has JSON-LD that parses, names the page, and has the @type
  of its kind (the home page: WebSite), with no "</" inside its script element;
- every entry page has a "Cite this page" section whose BibTeX parses.
Needs `scripts/bootstrap --test` (frictionless, bibtexparser, rispy). Exit status 1 on any problem.
"""
import csv
import html
import io
import json
import pathlib
import re
import sys

import bibtexparser
import rispy
from frictionless import validate

ACTOR_TYPES = {"person": "Person", "state": "Country", "organization": "Organization", "media": "Organization", "group": "Organization"}
KIND_TYPES = {"event": "Event", "poll": "Dataset", "source": "CreativeWork", "page": "WebPage"}
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
BIBTEX = re.compile(r'<section class="cite".*?<pre><code>(.*?)</code></pre>', re.S)

problems = []


def problem(text):
    problems.append(text)


def main(output):
    data = output / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    rows = {}
    for resource in package["resources"]:
        raw = (data / resource["path"]).read_bytes()
        table = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        if not raw.endswith(b"\r\n") or raw.count(b"\r\n") < len(table):
            problem(f"{resource['path']}: records must end with CRLF")
        names = [field["name"] for field in resource["schema"]["fields"]]
        if not table or table[0] != names:
            problem(f"{resource['path']}: header {table[:1]} is not the package's fields {names}")
            continue
        for number, row in enumerate(table[1:], start=2):
            if len(row) != len(names):
                problem(f"{resource['path']}: record {number} has {len(row)} fields, not {len(names)}")
        rows[resource["name"]] = table[1:]
    report = validate(str(data / "datapackage.json"))
    if not report.valid:
        for task in report.tasks:
            for error in task.errors[:5]:
                problem(f"frictionless: {task.name}: {error.message}")
        for error in report.errors[:5]:
            problem(f"frictionless: {error.message}")

    site = json.loads((data / "site.json").read_text(encoding="utf-8"))
    entries = []
    for kind in ("actor", "event", "poll", "source", "page"):
        listed = site[kind + "s"]
        entries += [(kind, entry) for entry in listed]
        table = rows.get(kind + "s", [])
        if [entry["slug"] for entry in listed] != [row[0] for row in table]:
            problem(f"site.json's {kind}s are not those of {kind}s.csv, in the same order")
            continue
        names = next(r for r in package["resources"] if r["name"] == kind + "s")["schema"]["fields"]
        for entry, row in zip(listed, table):
            for field, cell in zip(names, row):
                if cell != as_cell(entry.get(field["name"])):
                    problem(f"{kind}s.csv: {entry['slug']}: {field['name']} is {cell!r} in the CSV, {entry.get(field['name'])!r} in site.json")

    sources = sorted(entry["slug"] for kind, entry in entries if kind == "source")
    library = bibtexparser.parse_string((data / "sources.bib").read_text(encoding="utf-8"))
    if library.failed_blocks or sorted(entry.key for entry in library.entries) != sources:
        problem(f"sources.bib: {len(library.failed_blocks)} blocks failed; keys {sorted(e.key for e in library.entries)[:5]}... are not the sources")
    records = rispy.loads((data / "sources.ris").read_text(encoding="utf-8"))
    if sorted(record.get("id", "") for record in records) != sources:
        problem(f"sources.ris: {len(records)} records, not one per source ({len(sources)})")

    expected = {"index.html": "WebSite"}
    for kind, entry in entries:
        expected[entry["page_url"]] = ACTOR_TYPES[entry["kind"]] if kind == "actor" else KIND_TYPES[kind]
    for path, wanted in sorted(expected.items()):
        text = (output / path).read_text(encoding="utf-8")
        scripts = SCRIPT.findall(text)
        if len(scripts) != 1:
            problem(f"{path}: {len(scripts)} JSON-LD scripts, not 1")
            continue
        if "</" in scripts[0] or "<!--" in scripts[0]:
            problem(f"{path}: the JSON-LD holds '</' or '<!--'")
        try:
            node = json.loads(scripts[0])
        except json.JSONDecodeError as error:
            problem(f"{path}: the JSON-LD does not parse: {error}")
            continue
        if node.get("@context") != "https://schema.org" or node.get("@type") != wanted:
            problem(f"{path}: JSON-LD @type {node.get('@type')!r}, expected {wanted!r}")
        if path != "index.html":
            if not node.get("@id", "").endswith(path):
                problem(f"{path}: JSON-LD @id {node.get('@id')!r} does not name the page")
            cited = BIBTEX.search(text)
            if not cited:
                problem(f"{path}: no 'Cite this page' section with BibTeX")
            else:
                citation = bibtexparser.parse_string(html.unescape(cited.group(1)))
                if len(citation.entries) != 1 or citation.failed_blocks:
                    problem(f"{path}: the BibTeX citation does not parse")
    print(f"check-data: {sum(len(r) for r in rows.values())} CSV rows in {len(rows)} files, {len(entries)} entries, "
          f"{len(library.entries)} BibTeX and {len(records)} RIS records, {len(expected)} pages with JSON-LD")


def as_cell(value):
    """A site.json value as its CSV field: lists joined by '; ', booleans true/false, null empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(as_cell(item) for item in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
    for text in problems[:40]:
        print("check-data: " + text, file=sys.stderr)
    sys.exit(1 if problems else 0)
