#!/usr/bin/env python3
"""Typographie française du livre : espace insécable avant « : ; ? ! » et
à l'intérieur des guillemets « … », pour qu'aucune ponctuation ne se retrouve
seule en début de ligne dans le PDF.

Usage : python3 tools/espaces-insecables.py [--check] [fichiers.adoc…]
Sans fichier : tous les .adoc de docs/src/docs/asciidoc. Les blocs de code,
le code en ligne (`…`), les directives et les attributs ne sont pas touchés.
Avec --check : n'écrit rien, liste les lignes fautives et sort en erreur.
"""
import pathlib
import re
import sys

NBSP = "\u00a0"
DELIMITERS = re.compile(r"^(-{4,}|\.{4,}|\+{4,}|/{4,}|={4,}|_{4,}|\*{4,})\s*$")
SKIP = re.compile(r"^(include::|ifdef::|ifndef::|endif::|image::|:[\w-]+:|\[|//|\|===)")
INLINE_CODE = re.compile(r"(`[^`]*`|\+\+.*?\+\+|<<[^>]*>>|\{[\w-]+\}|https?://\S+|[a-z]+:\[[^\]]*\])")


def fix_text(text):
    text = re.sub(r"(?<=\S) ([:;?!»])", NBSP + r"\1", text)
    text = re.sub(r"« ", "«" + NBSP, text)
    return text


def fix_line(line):
    parts = INLINE_CODE.split(line)
    return "".join(p if i % 2 else fix_text(p) for i, p in enumerate(parts))


def process(path, check):
    lines = path.read_text(encoding="utf-8").split("\n")
    out, fence, bad = [], None, []
    for n, line in enumerate(lines, 1):
        m = DELIMITERS.match(line)
        if m:
            fence = None if fence == m.group(1) else (fence or m.group(1))
            out.append(line)
            continue
        if fence or SKIP.match(line):
            out.append(line)
            continue
        fixed = fix_line(line)
        if fixed != line:
            bad.append(f"{path}:{n}: {line.strip()[:70]}")
        out.append(fixed)
    if not check and bad:
        path.write_text("\n".join(out), encoding="utf-8")
    return bad


def main(argv):
    check = "--check" in argv
    files = [pathlib.Path(a) for a in argv if not a.startswith("--")]
    if not files:
        root = pathlib.Path(__file__).resolve().parent.parent
        files = sorted((root / "docs/src/docs/asciidoc").rglob("*.adoc"))
    bad = [b for f in files for b in process(f, check)]
    if check and bad:
        print("\n".join(bad))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
