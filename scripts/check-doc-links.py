#!/usr/bin/env python3
"""Checks the links of README.md and docs/*.md as a reader on GitHub follows them:
every relative link names a file of the repository and, with a #fragment, a heading
of it (GitHub's heading ids); no link leaves the repository by a relative path.
Prints each broken link as PATH:LINE: error: ... and exits 1 if there is one."""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
files = [root / "README.md"] + sorted((root / "docs").glob("*.md"))
link = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(([^)\s]+)\)|<(https?://[^>]+)>")


def prose(text):
    """The lines outside fenced code blocks, with inline code removed, numbered."""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            yield number, re.sub(r"`[^`]*`", "", line)


def headings_with_code(path):
    """Heading ids as GitHub makes them: inline code keeps its text."""
    text = path.read_text(encoding="utf-8")
    fenced = False
    found = set()
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (heading := re.match(r"#{1,6} (.*)", line)):
            words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1)).replace("`", "")
            found.add(re.sub(r"[^\w\- ]", "", words.strip().lower()).replace(" ", "-"))
    return found


problems = []
for path in files:
    relative = path.relative_to(root)
    for number, line in prose(path.read_text(encoding="utf-8")):
        for match in link.finditer(line):
            target = match.group(1) or match.group(2)
            if re.match(r"[a-z]+:", target):
                continue
            name, _, fragment = target.partition("#")
            destination = (path.parent / name).resolve() if name else path
            if root not in destination.parents and destination != root:
                problems.append(f"{relative}:{number}: error: '{target}' leads outside the repository")
            elif not destination.exists():
                problems.append(f"{relative}:{number}: error: '{target}': no such file")
            elif fragment and destination.suffix == ".md" and fragment not in headings_with_code(destination):
                problems.append(f"{relative}:{number}: error: '{target}': no heading with the id '{fragment}'")

for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
