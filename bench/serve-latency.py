#!/usr/bin/env python3
"""Save-to-served latency of `loysite serve`, and what an idle preview costs.

    python3 bench/serve-latency.py BINARY ROOT [--runs 10] [--idle 10] [--edit body|summary] [--via poll|live-reload]

ROOT is a site root (a copy: one term is edited), e.g. the corpus of
bench/site-corpus.py:  python3 bench/site-corpus.py /dev/shm/c --terms 10000.
The serve process is started on a free port; then, --runs times, one term's body gets
a new marker word and the term page is fetched every 5 ms until it holds the marker:
the time from the write to that response is the latency (watcher + incremental rebuild
+ serving). `--edit summary` puts the marker in the term's front-matter summary instead
(issue 14's target: a summary edit also re-renders the A–Z page and the search index). Before the edits the serve process sits idle for --idle seconds and its CPU
time over them is printed (the watcher's cost on a large tree); then again with a
symbolic link content/glossary/u -> /usr, which the watcher must not walk.

Standard library only; everything it writes is in ROOT.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import http.client
import urllib.parse
import urllib.request


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("root")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--idle", type=float, default=10)
    parser.add_argument("--edit", choices=["body", "summary"], default="body")
    parser.add_argument("--via", choices=["poll", "live-reload"], default="poll",
                        help="poll the page every 5 ms, or wait for the live-reload event as a tab does")
    args = parser.parse_args()

    glossary = os.path.join(args.root, "content", "glossary")
    terms = sorted(name for name in os.listdir(glossary) if name.endswith(".md"))
    term = os.path.join(glossary, terms[len(terms) // 2])
    with open(term) as handle:
        original = handle.read()
    slug = re.search(r"^slug:\s*(\S+)", original, re.M)
    slug = slug.group(1) if slug else os.path.splitext(os.path.basename(term))[0]

    # serve builds into a folder under TMPDIR: on tmpfs, as every benchmark's output is
    # (the ordinary disk here is slow and erratic, and would be most of what is timed).
    environment = dict(os.environ)
    if "TMPDIR" not in environment and os.path.isdir("/dev/shm"):
        environment["TMPDIR"] = "/dev/shm"
    serve = subprocess.Popen([args.binary, "serve", "--root", args.root, "--port", "0"], env=environment,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    link = os.path.join(glossary, "u")
    try:
        built, match = "", None
        while not match:
            line = serve.stdout.readline()
            if not line:
                sys.exit("serve did not start")
            built = built or line.strip()
            match = re.search(r"(http://\S+/)", line)
        base = match.group(1)
        # The rest of its output (one line per rebuild, with its time) is kept, so that
        # the latency can be split into the rebuild and everything else.
        lines = []
        threading.Thread(target=lambda: lines.extend(iter(serve.stdout.readline, "")), daemon=True).start()
        page = base + f"glossary/{slug}/"
        print(f"{len(terms)} terms; first build: {built}")

        def idle(label):
            time.sleep(1)
            before = cpu_seconds(serve.pid)
            time.sleep(args.idle)
            used = cpu_seconds(serve.pid) - before
            print(f"idle {label}: {used:.3f} s CPU over {args.idle:.0f} s ({100 * used / args.idle:.2f} % of a core)")

        idle("(no link)")
        os.symlink("/usr", link)
        time.sleep(1)  # the link itself is a change: one rebuild
        idle("with content/glossary/u -> /usr")
        os.unlink(link)
        time.sleep(2)

        # With --via live-reload the script waits, as a browser tab does, for the
        # `reload` event on the live-reload stream and then fetches the page once;
        # by default it polls the page every 5 ms (which also costs the server and the
        # rebuild some CPU on a two-core machine).
        events = None
        if args.via == "live-reload":
            url = urllib.parse.urlsplit(base)
            events = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            events.request("GET", "/__loysite/events")
            events = events.getresponse()
            events.readline()  # the hello event's first line

        def next_reload():
            while True:
                line = events.readline().decode("utf-8", "replace")
                if not line:
                    sys.exit("the live-reload stream closed")
                if line.strip() == "event: reload":
                    return

        latencies = []
        for run in range(args.runs):
            marker = f"latencymarker{run}x{os.getpid()}"
            with open(term, "w") as handle:
                handle.write(edited(original, marker, args.edit))
            written = time.monotonic()
            if events is not None:
                next_reload()
            while marker not in fetch(page):
                if time.monotonic() - written > 60:
                    sys.exit(f"run {run}: the edit was not served within 60 s")
                if events is not None:
                    next_reload()  # a rebuild of an earlier step of the save
                else:
                    time.sleep(0.005)
            latencies.append(time.monotonic() - written)
            time.sleep(0.5)
        ms = sorted(1000 * value for value in latencies)
        print(f"save → served, {args.runs} {args.edit} edits: median {statistics.median(ms):.0f} ms, "
              f"min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms")
        # serve prints "… in 24 ms" (or "in 1.20 s" for a long one).
        rebuilds = sorted(float(m.group(1)) * (1 if m.group(2) == "ms" else 1000)
                          for m in (re.search(r" in ([0-9.]+) (ms|s)\b", l) for l in lines[-args.runs:]) if m)
        if rebuilds:
            print(f"  of which the rebuild (as serve reports it): median {statistics.median(rebuilds):.0f} ms")
    finally:
        stopping = time.monotonic()
        serve.terminate()
        serve.wait(timeout=60)
        print(f"stopped {time.monotonic() - stopping:.2f} s after SIGTERM")
        if os.path.lexists(link):
            os.unlink(link)
        with open(term, "w") as handle:
            handle.write(original)


def edited(original, marker, kind):
    """The term's text with `marker` in its body, or in its summary (replaced, or added
    as the front matter's first key)."""
    if kind == "body":
        return original.rstrip("\n") + f"\n\nEdited: {marker}.\n"
    line = f"summary: Edited {marker}."
    if re.search(r"^summary:.*$", original, re.M):
        return re.sub(r"^summary:.*$", line, original, count=1, flags=re.M)
    return original.replace("---\n", "---\n" + line + "\n", 1)


if __name__ == "__main__":
    main()
