#!/usr/bin/env python3
"""Typographie française du livre : espace insécable avant « : ; ? ! » et
à l'intérieur des guillemets « … », pour qu'aucune ponctuation ne se retrouve
seule en début de ligne dans le PDF.

Usage : python3 tools/espaces-insecables.py [--check] [fichiers.adoc…]
Sans fichier : tous les .adoc de docs/src/docs/asciidoc. Les blocs de code et
les paragraphes littéraux, le code en ligne (`…`), les renvois (<<…>>), les
attributs ({…}), les adresses, les directives et les listes d'attributs ne
sont pas touchés. Avec --check : n'écrit rien, liste les lignes fautives et
sort en erreur.

Ce que l'outil corrige (BookTest compte les mêmes fautes dans le HTML) :
- espace ordinaire avant « : ; ? ! » » ou après « « » → espace insécable ;
- pas d'espace du tout : « mot» », « `code`» », « *gras*: », « voir <<x>>; »
  → une espace insécable est ajoutée (un « : » collé à ce qui le suit, comme
  dans 10:30, :: ou une adresse, n'est pas une ponctuation et reste tel quel) ;
- une ponctuation en début de ligne (« » » ou « : » rejeté à la ligne par le
  retour à la ligne du source) remonte à la fin de la ligne précédente, et un
  « « » en fin de ligne descend au début de la suivante.
"""
import pathlib
import re
import sys

NBSP = "\u00a0"
NOBREAK = "\u00a0\u202f"
DELIMITERS = re.compile(r"^(-{4,}|\.{4,}|\+{4,}|/{4,}|={4,}|_{4,}|\*{4,})\s*$")
VERBATIM = "-.+/"
SKIP = re.compile(r"^(include::|ifdef::|ifndef::|ifeval::|endif::|image::|:[\w-]+!?:|//|\|===)")
ATTRIBUTE_LIST = re.compile(r"^\[[^\[].*\]\s*$")
ANCHOR = re.compile(r"^(\[\[[^\]]*\]\]|\[#[^\]]*\])")
ADMONITION = re.compile(r"^((?:NOTE|TIP|WARNING|CAUTION|IMPORTANT): )")
HEADING = re.compile(r"^(=+ |\.[^.\s])")
PROTECTED = re.compile(r"(`[^`]*`|`[^`]*$|\+\+.*?\+\+|<<[^>]*>>|\{[\w-]+\}|https?://\S+"
                       r"|[a-z]+:\[[^\]]*\]|&#?\w+;)")
NOBREAK_SPANS = {"{nbsp}", "&#160;", "&nbsp;", "&#8239;", "&#x202f;", "&#x202F;"}
PRIVATE = 0xE000


def protect(text):
    """Remplace chaque élément protégé par un caractère privé ; rend aussi la
    table de restitution et les caractères qui valent une espace insécable."""
    spans, nobreak = [], []

    def keep(m):
        ch = chr(PRIVATE + len(spans))
        spans.append(m.group(0))
        if m.group(0) in NOBREAK_SPANS:
            nobreak.append(ch)
        return ch

    return PROTECTED.sub(keep, text), spans, "".join(nobreak)


def restore(text, spans):
    return re.sub("[\ue000-\uf8ff]", lambda m: spans[ord(m.group(0)) - PRIVATE], text)


def fix_text(text, nobreak=""):
    nb = NOBREAK + nobreak
    # espace ordinaire avant un signe haut ou un guillemet fermant
    text = re.sub(r"(?<=\S)[ \t]+(:(?!:)|[;?!»])", NBSP + r"\1", text)
    text = re.sub(rf"(?<=[^\s{nb}:;?!])([:;?!])(?=[\s»)\]]|$)", NBSP + r"\1", text)
    text = re.sub(rf"(?<=[^\s{nb}])»", NBSP + "»", text)
    # guillemet ouvrant
    text = re.sub(r"«[ \t]+", "«" + NBSP, text)
    text = re.sub(rf"«(?=[^\s{nb}])", "«" + NBSP, text)
    return text


def fix_line(line, in_code=False):
    """Corrige une ligne ; `in_code` : elle commence dans un code en ligne
    ouvert à la ligne précédente (`…` coupé par un retour à la ligne). Rend la
    ligne corrigée et l'état du code en ligne à sa fin."""
    prefix = ""
    if in_code:
        close = line.find("`")
        if close < 0:
            return line, True
        prefix, line = line[:close + 1], line[close + 1:]
    else:
        m = ANCHOR.match(line) or ADMONITION.match(line)
        if m:
            prefix, line = m.group(0), line[m.end():]
    text, spans, nobreak = protect(line)
    still_open = any(sp.startswith("`") and (len(sp) == 1 or not sp.endswith("`")) for sp in spans)
    return prefix + restore(fix_text(text, nobreak), spans), still_open


LEADING = re.compile(r"^([ \t]*)([:;?!»]\S*)(?:[ \t]+|$)")
TRAILING_OPEN = re.compile(r"(\S*«)[ \t\u00a0]*$")


def join_lines(lines, prose):
    """Ponctuation rejetée en début de ligne : elle remonte, avec ce qui lui
    est collé (« », »), à la fin de la ligne précédente ; un « « » en fin de
    ligne descend, avec le mot qui le porte (« d'« »), au début de la
    suivante. `prose[i]` dit si la ligne i est du texte courant."""
    out = list(lines)
    for i in range(1, len(out)):
        if not (prose[i] and prose[i - 1]) or not out[i - 1].strip():
            continue
        m = LEADING.match(out[i])
        if m and not re.match(r":[\w:]", m.group(2)):
            out[i - 1] = out[i - 1].rstrip() + NBSP + m.group(2)
            out[i] = m.group(1) + out[i][m.end():]
        t = TRAILING_OPEN.search(out[i - 1])
        if t and out[i].strip():
            out[i - 1] = out[i - 1][:t.start()].rstrip()
            indent = out[i][:len(out[i]) - len(out[i].lstrip())]
            out[i] = indent + t.group(1) + NBSP + out[i].lstrip()
    return [l for l, p, orig in zip(out, prose, lines) if not (p and orig.strip() and not l.strip())]


def process(path, check):
    lines = path.read_text(encoding="utf-8").split("\n")
    out, prose, fence, literal, in_code = [], [], None, False, False
    for line in lines:
        m = DELIMITERS.match(line)
        if not fence and not line.strip():
            literal = in_code = False
        if m:
            if fence == m.group(1):
                fence = None
            elif not fence and m.group(1)[0] in VERBATIM:
                fence = m.group(1)
            out.append(line)
            prose.append(False)
            continue
        if not fence and line[:1] in (" ", "\t") and (not out or not out[-1].strip()):
            literal = True
        if fence or literal or SKIP.match(line) or (ATTRIBUTE_LIST.match(line) and not ANCHOR.match(line)):
            out.append(line)
            prose.append(False)
            continue
        fixed_line, in_code = fix_line(line, in_code)
        out.append(fixed_line)
        prose.append(bool(line.strip()) and not HEADING.match(line))
    fixed = join_lines(out, prose)
    bad = []
    if fixed != lines:
        before = set(lines)
        bad = [f"{path}:{n}: {l.strip()[:70]}" for n, l in enumerate(fixed, 1) if l not in before]
        if not bad:
            bad = [f"{path}: lignes rejointes"]
    if not check and fixed != lines:
        path.write_text("\n".join(fixed), encoding="utf-8")
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
