#!/usr/bin/env python3
"""Writes a deterministic, SYNTHETIC glossary site for the build benchmark (bench/site.sh):
the same content twice, once as a loysite root and once as an equivalent Hugo site.

    python3 bench/site-corpus.py OUT --terms 10000 [--style plain|quoted|block|hugo|toml] [--body 1k|4k]
                                     [--reports 20] [--orders 20000] [--responses 5000]

OUT/loysite/content/   site.yml, glossary/*.md, reports/*.md, pages/about.md, data/*.csv|yml
OUT/hugo/              config.toml, content/ (same Markdown bodies), layouts/ (comparable
                       templates: base, a term page with aliases, related links,
                       previous/next and JSON-LD, an A–Z list page with summaries,
                       reports, a JSON search index of every page)

Every term has a title (three words), a slug, often aliases (an acronym, a hyphenated
variant), a category, related terms (slugs or titles), and a body of varied CommonMark:
paragraphs with emphasis and code spans, headings, lists, wikilinks by title, alias and
slug (`[[a-slug|label]]`), plain site links, plain mentions of other terms (auto-links),
external links, and some pipe tables, blockquotes and fenced code. Reports have chart and
metric blocks over an orders dataset and a responses dataset. Hugo has no wikilinks, so
its copy has them as ordinary Markdown links to the same pages.

Front-matter styles (--style) write the same fields in the ways real sites do, so a
site built from any style is byte-identical to one built from another (same --body):
  plain   one `key: value` line each, nothing quoted (the corpus of issue 7)
  quoted  titles, summaries and list items quoted, single and double, some unknown keys
          with escapes (`\"`, `''`)
  block   block lists (`aliases:` then `  - NPS`) and block-scalar summaries (`>-`, `>`, `|-`)
  hugo    as Hugo's archetypes write it: quoted title, `lastmod:` and (reports) `date:`
          timestamps, `draft: false`, `weight:`, `tags:`, unknown keys (`id`, `full_link`),
          the names under `aka:`, comments, a nested `params:` map
  toml    `+++` TOML with the fields of the hugo style
A term's `date` would show in the sitemap, so terms carry `lastmod` (kept as a param);
the unknown keys only reach `page.params`, which the built-in theme does not print.
Hugo gets the same style. --body 4k adds about 3 KB of Markdown to each term.

Deterministic: a fixed seed, only random.random() (stable across Python versions), no
clock. Standard library only.
"""
import argparse
import os
import random
import shutil

SEED = 20260307

ADJECTIVES = """adaptive annual anonymous balanced behavioural blended bonus brand cashback
certified channel closed coalition cohort composite contextual continuous cross dynamic
early earned effective elastic emotional engaged enhanced experiential explicit flexible
gamified gross guest hybrid implicit incremental instant integrated lapsed lifetime linear
local loyal managed marginal member mobile monthly negative net omnichannel open organic
paid partner passive personal point predictive premium primary progressive qualified
quarterly rapid recurring referral regional repeat retained seasonal secondary segmented
shared social soft spend standard static strategic subscription tiered total transactional
unified verified viral weighted""".split()
NOUNS = """account acquisition advocacy affinity allocation attrition audience balance
basket benefit breakage budget campaign capacity catalogue churn cohort commitment
conversion coupon credit customer discount engagement enrolment equity experience
feedback frequency funnel gift habit incentive journey lift liability margin member
message mission offer onboarding order partner payout perk point portfolio preference
promotion purchase rebate recognition redemption referral relationship renewal retention
revenue reward sentiment share spend status streak survey threshold tier trial upgrade
usage value visit voucher wallet""".split()
SUFFIXES = """analysis audit benchmark budget calendar cap curve decay distribution driver
effect elasticity estimate forecast framework gap index ladder matrix metric mix model
multiplier programme rate ratio rule score signal trend velocity window yield""".split()
CATEGORIES = ["Metrics", "Programmes", "Rewards", "Analytics", "Engagement", "Retention",
              "Acquisition", "Feedback", "Finance", "Segmentation", "Experience", "Operations"]
# Running text: common words that are not in any term name, so only the mentions the
# generator places on purpose are auto-linked.
FILLER = """the a of to and in that is for it as with on be by this are or from at which
but not have has more can will when their they one also most each many than other some
into such what so while often because where over only same both well these who how much
time teams business people program track report measure compare change within across
before after between every first second third number share level small large simple
clear useful common typical monthly yearly weekly helps shows keeps makes gives turns
brings means works needs looks grows falls rises moves stays""".split()
EXTERNAL = ["https://en.wikipedia.org/wiki/Customer_loyalty", "https://www.w3.org/TR/html52/",
            "https://commonmark.org/help/", "https://example.com/research/loyalty.pdf"]


class Corpus:
    def __init__(self, terms, reports, orders, responses, style="plain", body="1k"):
        self.rng = random.Random(SEED)
        # The style never draws from rng: every style gets the same terms and bodies.
        self.style, self.body = style, body
        self.n_terms, self.n_reports, self.n_orders, self.n_responses = terms, reports, orders, responses
        self.terms = []
        self.make_terms()

    # Randomness: only random.random(), whose sequence Python keeps stable across versions.
    def below(self, n):
        return int(self.rng.random() * n)

    def pick(self, items):
        return items[self.below(len(items))]

    def chance(self, p):
        return self.rng.random() < p

    def make_terms(self):
        combos = len(ADJECTIVES) * len(NOUNS) * len(SUFFIXES)
        assert self.n_terms <= combos, f"at most {combos} terms"
        # A stride coprime with the number of combinations visits each once, spread out.
        stride = 7919
        while combos % stride == 0:
            stride += 2
        used_acronyms = set()
        for i in range(self.n_terms):
            k = (i * stride + 12345) % combos
            adj = ADJECTIVES[k % len(ADJECTIVES)]
            noun = NOUNS[(k // len(ADJECTIVES)) % len(NOUNS)]
            suffix = SUFFIXES[k // (len(ADJECTIVES) * len(NOUNS))]
            title = f"{adj.capitalize()} {noun} {suffix}"
            slug = f"{adj}-{noun}-{suffix}"
            aliases = []
            acronym = (adj[0] + noun[0] + suffix[0]).upper() + (adj[1].upper() if self.chance(0.5) else "")
            if acronym not in used_acronyms and self.chance(0.4):
                used_acronyms.add(acronym)
                aliases.append(acronym)
            if self.chance(0.3):
                aliases.append(f"{adj.capitalize()} {noun}-{suffix}")
            self.terms.append({"title": title, "slug": slug, "aliases": aliases,
                               "category": self.pick(CATEGORIES) if self.chance(0.9) else None})

    # ---- text ----

    def words(self, n):
        return " ".join(self.pick(FILLER) for _ in range(n))

    def sentence(self, n=None):
        text = self.words(n or 8 + self.below(10))
        return text[0].upper() + text[1:] + "."

    def other(self, own):
        while True:
            j = self.below(len(self.terms))
            if j != own:
                return j

    def wikilink(self, own, in_table=False):
        """A wikilink in loysite syntax, and the same link as Markdown for Hugo. In a pipe
        table `|` separates cells, so there a wikilink never has a label."""
        term = self.terms[self.other(own)]
        url = f"/glossary/{term['slug']}/"
        form = self.below(4)
        if in_table and form == 2:
            form = 0
        if form == 0:
            return f"[[{term['title']}]]", f"[{term['title']}]({url})"
        if form == 1 and term["aliases"]:
            alias = self.pick(term["aliases"])
            return f"[[{alias}]]", f"[{alias}]({url})"
        if form == 2:
            label = self.words(2)
            return f"[[{term['slug']}|{label}]]", f"[{label}]({url})"
        lower = term["title"].lower()
        return f"[[{lower}]]", f"[{lower}]({url})"

    def mention(self, own):
        """A plain mention of another term (auto-linked by loysite, plain text in Hugo)."""
        term = self.terms[self.other(own)]
        if term["aliases"] and self.chance(0.3):
            return self.pick(term["aliases"])
        return term["title"].lower() + ("s" if self.chance(0.15) else "")

    def paragraph(self, own, links=2, mentions=2):
        """Sentences with links and mentions mixed in: (loysite text, Hugo text)."""
        ours, theirs = [], []
        for _ in range(3 + self.below(3)):
            s = self.sentence()
            roll = self.below(10)
            if links > 0 and roll < 3:
                a, b = self.wikilink(own)
                links -= 1
                ours.append(f"{s[:-1]} with {a}.")
                theirs.append(f"{s[:-1]} with {b}.")
                continue
            if mentions > 0 and roll < 6:
                m = self.mention(own)
                mentions -= 1
                s = f"{s[:-1]} like the {m} does."
            elif roll == 6:
                s = f"{s[:-1]} and *{self.words(2)}* or **{self.words(1)}**."
            elif roll == 7:
                s = f"{s[:-1]} (see `{self.words(1)}_{self.words(1)}`)."
            elif roll == 8:
                s = f"{s[:-1]}, as [{self.words(2)}]({self.pick(EXTERNAL)}) explains."
            ours.append(s)
            theirs.append(s)
        return " ".join(ours), " ".join(theirs)

    def term_body(self, i):
        out = []  # pairs (loysite, hugo)
        t = self.terms[i]
        first = f"{t['title']} is {self.words(6)} {self.mention(i)} {self.words(5)}."
        p = self.paragraph(i)
        out.append((first + " " + p[0], first + " " + p[1]))
        out.append(("## Why it matters",) * 2)
        out.append(self.paragraph(i, links=1, mentions=3))
        if self.chance(0.5):
            items = []
            marker = "-" if self.chance(0.6) else "1."
            for _ in range(3 + self.below(3)):
                if self.chance(0.4):
                    a, b = self.wikilink(i)
                    text = self.sentence(6)[:-1]
                    items.append((f"{marker} {text} {a}", f"{marker} {text} {b}"))
                else:
                    s = f"{marker} {self.sentence(7)}"
                    items.append((s, s))
            out.append(("\n".join(x[0] for x in items), "\n".join(x[1] for x in items)))
        if self.chance(0.15):
            a, b = self.wikilink(i, in_table=True)
            rows = [f"| {self.words(1)} | {self.below(100)} % | {self.words(2)} |" for _ in range(2 + self.below(3))]
            head = "| Segment | Share | Note |\n|---|--:|:--|"
            out.append((head + "\n" + f"| {a} | {self.below(100)} % | first |\n" + "\n".join(rows),
                        head + "\n" + f"| {b} | {self.below(100)} % | first |\n" + "\n".join(rows)))
        if self.chance(0.3):
            out.append(("### Example",) * 2)
            s = f"A {self.words(3)} of {self.below(5000)} members and {self.below(90)} % {self.mention(i)}: {self.sentence()}"
            out.append((s, s))
        if self.chance(0.1):
            s = "> " + self.sentence(12)
            out.append((s, s))
        if self.chance(0.1):
            s = "```\n" + f"{self.words(1)} = {self.words(1)} / {self.words(1)}\n" + "```"
            out.append((s, s))
        if self.chance(0.3):
            other = self.terms[self.other(i)]
            s = f"See also [{other['title']}](/glossary/{other['slug']}/) and {self.words(4)}."
            out.append((s, s))
        if self.body == "4k":
            added = 0
            while added < 3000:
                section = [(f"## {self.words(3).capitalize()}",) * 2, self.paragraph(i), self.paragraph(i, links=1, mentions=1)]
                if self.chance(0.5):
                    items = [f"- {self.sentence(7)}" for _ in range(3 + self.below(3))]
                    section.append(("\n".join(items),) * 2)
                out.extend(section)
                added += sum(len(x[0]) for x in section)
        return "\n\n".join(x[0] for x in out) + "\n", "\n\n".join(x[1] for x in out) + "\n"

    # ---- files ----

    def write(self, out):
        lroot = os.path.join(out, "loysite")
        hroot = os.path.join(out, "hugo")
        for folder in (lroot, hroot):
            if os.path.exists(folder):
                shutil.rmtree(folder)
        lc = os.path.join(lroot, "content")
        hc = os.path.join(hroot, "content")
        for d in ("glossary", "reports", "pages", "data"):
            os.makedirs(os.path.join(lc, d))
        for d in ("glossary", "reports"):
            os.makedirs(os.path.join(hc, d))
        write(os.path.join(lc, "site.yml"),
              "title: Benchmark Glossary\ndescription: A synthetic loyalty glossary for the build benchmark.\n"
              "base_url: https://bench.example.org/\nlanguage: en\ncurrency: USD\nperiod: month\n")
        write(os.path.join(lc, "pages", "about.md"), "---\ntitle: About\n---\nA synthetic site for benchmarks.\n")
        write(os.path.join(hc, "glossary", "_index.md"), "---\ntitle: Glossary\n---\n")
        write(os.path.join(hc, "reports", "_index.md"), "---\ntitle: Reports\n---\n")
        write(os.path.join(hc, "about.md"), "---\ntitle: About\n---\nA synthetic site for benchmarks.\n")
        for i, t in enumerate(self.terms):
            related = []
            for _ in range(self.below(5)):
                j = self.other(i)
                if j not in related:
                    related.append(j)
            summary = self.sentence(14) if self.chance(0.6) else None
            body, hugo_body = self.term_body(i)
            related_names = [self.terms[j]["slug"] if k % 2 == 0 else self.terms[j]["title"] for k, j in enumerate(related)]
            fields = {"title": t["title"], "aliases": t["aliases"], "summary": summary, "category": t["category"],
                      "related": related_names}
            write(os.path.join(lc, "glossary", t["slug"] + ".md"), front_matter(self.style, fields, i, t["slug"]) + body)
            # Hugo: `aliases` would make redirect pages there, so the names go to a param.
            hfields = {"title": t["title"], "synonyms": t["aliases"], "summary": summary, "category": t["category"],
                       "related_terms": [self.terms[j]["slug"] for j in related]}
            write(os.path.join(hc, "glossary", t["slug"] + ".md"), front_matter(self.style, hfields, i, t["slug"], hugo=True) + hugo_body)
        for r in range(self.n_reports):
            body, hugo_body = self.report_body(r)
            date = f"2026-{1 + r % 12:02d}-{1 + (r * 7) % 28:02d}"
            fields = {"title": f"Loyalty report {r + 1}", "date": date, "summary": self.sentence(10)}
            front = front_matter(self.style, fields, r, f"report-{r + 1}", report=True)
            write(os.path.join(lc, "reports", f"report-{r + 1}.md"), front + body)
            write(os.path.join(hc, "reports", f"report-{r + 1}.md"), front + hugo_body)
        self.write_datasets(os.path.join(lc, "data"))
        write_hugo_theme(hroot)

    def report_body(self, r):
        ours, theirs = [], []
        charts = [
            "```chart\ntype: line\ndata: orders\nmetric: periods\nx: period\ny: [retention_rate]\ntitle: Retention by month\n```",
            "```chart\ntype: bar\ndata: orders\nmetric: periods\nx: period\ny: revenue\ntitle: Revenue by month\n```",
            "```chart\ntype: heatmap\ndata: orders\nmetric: cohorts\ntitle: Cohort retention\n```",
            "```chart\ntype: line\ndata: responses\nmetric: nps\nx: period\ny: nps\ntitle: NPS by month\n```",
            "```chart\ntype: stacked-bar\ndata: responses\nmetric: nps-segments\nx: segment\ny: [promoters, passives, detractors]\ntitle: Answers by channel\n```",
        ]
        metric = ("```metric\n- {data: orders, value: customers, label: Customers}\n"
                  "- {data: orders, value: retention_rate, period: last, label: Retention}\n"
                  "- {data: responses, value: nps, period: last, label: NPS, target: 30}\n```")
        for k in range(3):
            p = self.paragraph(-1, links=2, mentions=2)
            ours.append(p[0])
            theirs.append(p[1])
            chart = charts[(r + k) % len(charts)]
            ours.append(chart)
            theirs.append(chart)
        ours.insert(1, metric)
        theirs.insert(1, metric)
        return "\n\n".join(ours) + "\n", "\n\n".join(theirs) + "\n"

    def write_datasets(self, folder):
        write(os.path.join(folder, "orders.yml"),
              "kind: orders\ncolumns:\n  order: order_id\n  customer: customer_id\n  date: date\n"
              "  quantity: quantity\n  price: price\nperiod: month\n")
        write(os.path.join(folder, "responses.yml"),
              "kind: responses\ncolumns:\n  score: score\n  date: date\n  segment: channel\nperiod: month\n")
        customers = max(50, self.n_orders // 6)
        lines = ["order_id,date,customer_id,quantity,price"]
        order = 0
        row = 0
        while row < self.n_orders:
            order += 1
            month = self.below(24)
            date = f"{2025 + month // 12}-{1 + month % 12:02d}-{1 + self.below(28):02d}"
            customer = f"C{self.below(customers):06d}"
            for _ in range(1 + self.below(3)):
                if row >= self.n_orders:
                    break
                quantity = 1 + self.below(4) if self.chance(0.97) else -1
                lines.append(f"O{order:07d},{date},{customer},{quantity},{5 + self.below(9500) / 100:.2f}")
                row += 1
        write(os.path.join(folder, "orders.csv"), "\n".join(lines) + "\n")
        lines = ["response_id,date,customer_id,channel,score"]
        for n in range(self.n_responses):
            month = self.below(24)
            date = f"{2025 + month // 12}-{1 + month % 12:02d}-{1 + self.below(28):02d}"
            lines.append(f"N{n:07d},{date},C{self.below(customers):06d},{self.pick(['web', 'store', 'app'])},{self.below(11)}")
        write(os.path.join(folder, "responses.csv"), "\n".join(lines) + "\n")


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ---- front matter in each style ----

def front_matter(style, fields, i, slug, hugo=False, report=False):
    """The front matter block of one page: `fields` (title, names, summary, category,
    related; or for a report title, date, summary) in `style`. `i` varies the quoting
    and the block-scalar forms from page to page without drawing from the rng."""
    fields = {k: v for k, v in fields.items() if v}
    if style == "plain":
        lines = [f"{k}: [{', '.join(v)}]" if isinstance(v, list) else f"{k}: {v}" for k, v in fields.items()]
        return "---\n" + "\n".join(lines) + "\n---\n"
    if style == "quoted":
        def q(text, n):
            return f"'{text}'" if n % 2 else f'"{text}"'
        lines = []
        for n, (k, v) in enumerate(fields.items()):
            if isinstance(v, list):
                lines.append(f"{k}: [" + ", ".join(q(x, i + n + m) for m, x in enumerate(v)) + "]")
            elif k in ("title", "summary"):
                lines.append(f"{k}: {q(v, i + n)}")
            else:
                lines.append(f"{k}: {v}")
        if i % 3 == 0:
            lines.append('source: "the team\'s \\"loyalty\\" glossary"')
            lines.append("note: 'it''s kept as written'")
        return "---\n" + "\n".join(lines) + "\n---\n"
    if style == "block":
        lines = []
        for k, v in fields.items():
            if isinstance(v, list):
                lines.append(f"{k}:")
                lines.extend(f"  - {x}" for x in v)
            elif k == "summary":
                form = (">-", ">", "|-")[i % 3]
                lines.append(f"{k}: {form}")
                lines.extend("  " + part for part in (fold(v) if form != "|-" else [v]))
            else:
                lines.append(f"{k}: {v}")
        return "---\n" + "\n".join(lines) + "\n---\n"
    extra = hugo_extras(fields, i, slug, hugo, report)
    if style == "hugo":
        return "---\n" + "\n".join(yaml_hugo(extra, i)) + "\n---\n"
    if style == "toml":
        return "+++\n" + "\n".join(toml_lines(extra)) + "\n+++\n"
    raise SystemExit(f"unknown style {style}")


def fold(text, width=48):
    """A text broken at spaces into lines a folded block scalar joins back with spaces."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + [line]


def hugo_extras(fields, i, slug, hugo, report):
    """The fields as a Hugo site's archetype would hold them, in its order."""
    out = {"title": fields["title"]}
    if report:
        # The day is what loysite reads; the time is dropped (and Hugo keeps it).
        out["date"] = ("timestamp", fields["date"] + "T10:00:00Z")
    else:
        out["lastmod"] = ("timestamp", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00Z")
    out["draft"] = ("bool", False)
    out["weight"] = ("int", 10 + i % 90)
    if not report:
        out["id"] = slug
        out["full_link"] = f"https://bench.example.org/glossary/{slug}/"
        names = fields.get("synonyms" if hugo else "aliases")
        if names:
            out["synonyms" if hugo else "aka"] = names
    if "summary" in fields:
        out["summary"] = fields["summary"]
    if "category" in fields:
        out["category"] = fields["category"]
        out["tags"] = [fields["category"].lower(), "loyalty"]
    for key in ("related", "related_terms"):
        if key in fields:
            out[key] = fields[key]
    out["params"] = {"tier": ("int", 1 + i % 3), "featured": ("bool", i % 5 == 0), "sources": ["handbook", "survey"]}
    return out


def yaml_hugo(fields, i):
    lines = ["# written by the archetype"]
    for k, v in fields.items():
        if k == "params":
            lines.append("params:  # theme settings")
            for pk, pv in v.items():
                if isinstance(pv, list):
                    lines.append(f"  {pk}:")
                    lines.extend(f"    - {x}" for x in pv)
                else:
                    lines.append(f"  {pk}: {scalar_yaml(pv)}")
        elif isinstance(v, list):
            lines.append(f"{k}: [" + ", ".join(f'"{x}"' if k != "tags" else x for x in v) + "]")
        elif k in ("title", "summary"):
            lines.append(f'{k}: "{v}"')
        else:
            lines.append(f"{k}: {scalar_yaml(v)}" + ("  # set by hand" if k == "weight" else ""))
    return lines


def scalar_yaml(v):
    if isinstance(v, tuple):
        kind, value = v
        return ("true" if value else "false") if kind == "bool" else str(value)
    return v


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_value(v):
    if isinstance(v, tuple):
        kind, value = v
        return ("true" if value else "false") if kind == "bool" else str(value)
    if isinstance(v, list):
        return "[" + ", ".join(toml_string(x) for x in v) + "]"
    return toml_string(v)


def toml_lines(fields):
    lines = ["# written by the archetype"]
    for k, v in fields.items():
        if k != "params":
            lines.append(f"{k} = {toml_value(v)}")
    lines.append("")
    lines.append("[params]  # theme settings")
    lines.extend(f"{pk} = {toml_value(pv)}" for pk, pv in fields["params"].items())
    return lines


HUGO_CONFIG = """baseURL = "https://bench.example.org/"
languageCode = "en"
title = "Benchmark Glossary"
disableKinds = ["taxonomy", "term"]
[markup.goldmark.renderer]
unsafe = false
[outputs]
home = ["HTML", "RSS", "JSON"]
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Summary | plainify | truncate 160 }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body class="kind-{{ .Kind }}">
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><a href="{{ "/glossary/" | relURL }}">Glossary</a> <a href="{{ "/reports/" | relURL }}">Reports</a> <a href="{{ "/about/" | relURL }}">About</a></nav></header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer>Built with Hugo</footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Date }}<p>{{ .Format "2 January 2006" }}</p>{{ end }}
<div class="prose">{{ .Content }}</div></article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <p>{{ .Summary | plainify | truncate 220 }}</p></li>
{{ end }}</ul>{{ end }}
""",
    "glossary/single.html": """{{ define "main" }}<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "DefinedTerm" "@id" .Permalink "name" .Title "termCode" .File.BaseFileName "url" .Permalink "description" (.Summary | plainify) "inDefinedTermSet" ("/glossary/" | absURL) | jsonify | safeJS }}</script>
<article class="term">
<nav class="breadcrumbs"><a href="{{ "/" | relURL }}">Home</a> › <a href="{{ "/glossary/" | relURL }}">Glossary</a></nav>
{{ with .Params.category }}<p class="eyebrow">{{ . }}</p>{{ end }}
<h1>{{ .Title }}</h1>
{{ with .Params.synonyms }}<p class="aliases">Also known as <strong>{{ delimit . ", " }}</strong></p>{{ end }}
<div class="prose">{{ .Content }}</div>
{{ with .Params.related_terms }}<section class="related"><h2>Related terms</h2><ul>
{{ range . }}{{ with site.GetPage (printf "/glossary/%s" .) }}<li><a href="{{ .RelPermalink }}" title="{{ .Summary | plainify | truncate 220 }}">{{ .Title }}</a></li>
{{ end }}{{ end }}</ul></section>{{ end }}
</article>
<nav class="prev-next">{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}</nav>
{{ end }}
""",
    "glossary/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ len .Pages }} terms, from A to Z.</p>
{{ $current := "" }}
{{ range .Pages.ByTitle }}{{ $letter := upper (substr .Title 0 1) }}{{ if ne $letter $current }}{{ if ne $current "" }}</ul></section>
{{ end }}<section id="letter-{{ lower $letter }}"><h2>{{ $letter }}</h2><ul class="glossary-list">
{{ $current = $letter }}{{ end }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.synonyms }} ({{ delimit . ", " }}){{ end }}
<p>{{ .Summary | plainify | truncate 220 }}</p></li>
{{ end }}{{ if ne $current "" }}</ul></section>{{ end }}
{{ end }}
""",
    # The search index loysite writes as search-index.json: title, aliases, summary, URL.
    "index.json": """{"pages": [{{ range $i, $p := .Site.RegularPages }}{{ if $i }},{{ end }}{{ dict "title" $p.Title "aliases" ($p.Params.synonyms | default slice) "summary" ($p.Summary | plainify) "url" $p.RelPermalink "category" $p.Params.category | jsonify }}{{ end }}]}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<h2>Latest reports</h2><ul>{{ range first 5 (where .Site.RegularPages "Section" "reports").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
<p><a href="{{ "/glossary/" | relURL }}">{{ len (where .Site.RegularPages "Section" "glossary") }} terms</a></p>
{{ end }}
""",
}


def write_hugo_theme(hroot):
    write(os.path.join(hroot, "config.toml"), HUGO_CONFIG)
    for path, text in HUGO_LAYOUTS.items():
        full = os.path.join(hroot, "layouts", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        write(full, text)
    os.makedirs(os.path.join(hroot, "static", "assets"), exist_ok=True)
    write(os.path.join(hroot, "static", "assets", "style.css"), "body { font-family: sans-serif; }\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--terms", type=int, default=1000)
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--orders", type=int, default=20000)
    parser.add_argument("--responses", type=int, default=5000)
    parser.add_argument("--style", choices=["plain", "quoted", "block", "hugo", "toml"], default="plain")
    parser.add_argument("--body", choices=["1k", "4k"], default="1k")
    args = parser.parse_args()
    Corpus(args.terms, args.reports, args.orders, args.responses, args.style, args.body).write(args.out)


if __name__ == "__main__":
    main()
