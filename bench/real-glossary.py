#!/usr/bin/env python3
"""A build-benchmark corpus made of a real glossary rather than a generated one.

The CNCF Cloud Native Glossary in ../shared/data/glossary-corpus/cncf-glossary (89 term
files as their authors wrote them: capitalised keys, CRLF, padded flow lists, a Hugo
shortcode, site-relative links) is copied COPIES times. Copy 0 is the files unchanged;
copy k > 0 renames each file `<name>-k.md`, appends ` k` to its title and points its
`/<name>/` links at the same copy, so every copy is a glossary of its own and the names
stay distinct. Nothing else in the text is touched: the front matter keeps its shapes.

    bench/real-glossary.py OUT --copies 124      # about 10,000 published terms

OUT/loysite/content/   site.yml, glossary/*.md
OUT/hugo/              the same glossary files under content/glossary/, with the
                       templates of bench/site-corpus.py and an empty shortcode for the
                       one the glossary uses (loysite leaves it out with a warning)
"""
import argparse
import importlib.util
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "shared", "data", "glossary-corpus", "cncf-glossary")


def site_corpus():
    spec = importlib.util.spec_from_file_location("site_corpus", os.path.join(HERE, "site-corpus.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_of(text, copy, names):
    if copy == 0:
        return text
    # The first `title:` line (any case), quoted or not: the copy's number after the name.
    def retitle(match):
        key, value, end = match.group(1), match.group(2), match.group(3)
        if len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]:
            return f"{key}{value[:-1]} {copy}{value[-1]}{end}"
        return f"{key}{value} {copy}{end}"
    text = re.sub(r"(?mi)^([ \t]*title:[ \t]*)(.*?)([ \t]*\r?)$", retitle, text, count=1)
    return re.sub(r"\]\(/([a-z0-9-]+)/\)", lambda m: f"](/{m.group(1)}-{copy}/)" if m.group(1) in names else m.group(0), text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--copies", type=int, default=124)
    parser.add_argument("--source", default=SOURCE)
    args = parser.parse_args()
    files = sorted(f for f in os.listdir(args.source) if f.endswith(".md"))
    names = {f[:-3] for f in files}
    loysite = os.path.join(args.out, "loysite", "content")
    hugo = os.path.join(args.out, "hugo")
    os.makedirs(os.path.join(loysite, "glossary"), exist_ok=True)
    os.makedirs(os.path.join(hugo, "content", "glossary"), exist_ok=True)
    with open(os.path.join(loysite, "site.yml"), "w") as out:
        out.write("title: Cloud Native Glossary\nbase_url: https://bench.example.org/\nlanguage: en\n")
    with open(os.path.join(hugo, "content", "glossary", "_index.md"), "w") as out:
        out.write("---\ntitle: Glossary\n---\n")
    sc = site_corpus()
    sc.write_hugo_theme(hugo)
    shortcodes = os.path.join(hugo, "layouts", "shortcodes")
    os.makedirs(shortcodes, exist_ok=True)
    open(os.path.join(shortcodes, "sign-language-section.html"), "w").close()
    for name in files:
        with open(os.path.join(args.source, name), "rb") as source:
            text = source.read().decode("utf-8")
        for copy in range(args.copies):
            target = name if copy == 0 else f"{name[:-3]}-{copy}.md"
            data = copy_of(text, copy, names).encode("utf-8")
            for folder in (os.path.join(loysite, "glossary"), os.path.join(hugo, "content", "glossary")):
                with open(os.path.join(folder, target), "wb") as out:
                    out.write(data)


if __name__ == "__main__":
    main()
