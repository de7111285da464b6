"""Apply one-line mutations to the extractors and see whether the unit tests notice.

    python tools/mutants.py                 # every mutation in MUTANTS
    python tools/mutants.py --audit         # only the audit's list (must all be killed)
    python tools/mutants.py offset-minutes  # only these (by name)
    python tools/mutants.py --list          # names, files and the tests each one runs

Run by hand before a release, not in CI (each mutant runs its tests in a fresh
interpreter, after one unmutated run of each test set: about 2 minutes for the whole
list on an idle machine, 5 on a busy one).

Each mutant is one file under ``src/newsparse/`` (the extractors: ``extract/``), one
piece of text to find (a literal string, or a regex with ``regex=True``) that must occur
exactly once, and its replacement.  The mutant is applied to a temporary copy of
``src/`` (the working tree is never touched) and the listed unit tests run against it
with a timeout.  Outcomes:

- ``killed``: a test failed (the failing tests are listed) or the run timed out;
- ``SURVIVED``: every test passed, so the tests do not see the bug;
- ``n/a``: the pattern was not found (or found more than once): the code it was
  written against has changed; update the pattern to today's code.  Also when every
  test it runs was skipped (corpus tests without ../shared).

The exit status is 1 when a mutant of the audit's list survived, 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"


@dataclass(frozen=True)
class Mutant:
    """One one-line bug to plant."""

    name: str
    file: str
    """Path under src/newsparse/."""
    find: str
    replace: str
    tests: tuple[str, ...]
    """Unit test files (or node ids) that should kill it, relative to the repository root."""
    regex: bool = False
    audit: bool = False
    """In the audit's list: must be killed by a unit test."""
    why: str = ""


DATES = "tests/unit/test_dates.py"
CONTENT = "tests/unit/test_content.py"
CONTENT_SIGNALS = "tests/unit/test_content_signals.py"
PRICES = "tests/unit/test_prices.py"
TICKERS = "tests/unit/test_tickers.py"
MENTIONS = "tests/unit/test_mentions.py"
COMMENTS = "tests/unit/test_comments.py"
TAKEAWAYS = "tests/unit/test_takeaways.py"
JSONLD = "tests/unit/test_jsonld.py"

MUTANTS: tuple[Mutant, ...] = (
    # ------------------------------------------------------------------ the audit's list
    Mutant(
        "offset-minutes",
        "extract/dates.py",
        "delta = timedelta(hours=hours, minutes=minutes)",
        "delta = timedelta(hours=hours)",
        (DATES,),
        audit=True,
        why="+05:30 read as +05:00",
    ),
    Mutant(
        "offset-sign",
        "extract/dates.py",
        'return timezone(-delta if m.group(1) == "-" else delta)',
        "return timezone(delta)",
        (DATES,),
        audit=True,
        why="-05:00 read as +05:00",
    ),
    Mutant(
        "aware-utc",
        "extract/dates.py",
        "value = datetime.fromtimestamp(stamp, timezone.utc)",
        "value = datetime.fromtimestamp(stamp)",
        (DATES,),
        audit=True,
        why="an epoch timestamp comes out naive local time instead of aware UTC",
    ),
    Mutant(
        "content-hint-sign",
        "extract/content.py",
        "value += good * (0.35 if hint > 1 else 0.1)",
        "value -= good * (0.35 if hint > 1 else 0.1)",
        (CONTENT_SIGNALS, CONTENT),
        audit=True,
        why="a content class (entry-content, articleBody) counts against its node",
    ),
    Mutant(
        "sibling-density",
        "extract/content.py",
        "    if density < 0.25 and s.value > 0:",
        "    if s.value > 0:",
        (CONTENT_SIGNALS, CONTENT),
        audit=True,
        why="a link-heavy sibling of the article is kept as its continuation",
    ),
    Mutant(
        "european-grouping",
        "extract/prices.py",
        'grouping = (mark == ",") != european',
        'grouping = mark == ","',
        (PRICES, TICKERS, MENTIONS),
        audit=True,
        why='"1.567 €" read as 1.567 instead of 1567',
    ),
    # ------------------------------------------------------------------ more of the same kind
    Mutant(
        "boilerplate-hint-sign",
        "extract/content.py",
        "    if flags & _BOILER:\n        return -1",
        "    if flags & _BOILER:\n        return 1",
        (CONTENT, CONTENT_SIGNALS),
        why="a sidebar/comments class counts for its node",
    ),
    Mutant(
        "named-zone-sign",
        "extract/dates.py",
        "return timezone(timedelta(minutes=_TZ_NAMES[low]))",
        "return timezone(timedelta(minutes=abs(_TZ_NAMES[low])))",
        (DATES,),
        why="EST read as +05:00",
    ),
    Mutant(
        "offset-dropped",
        "extract/dates.py",
        "tzinfo=tz if isinstance(tz, timezone) else None,",
        "tzinfo=None,",
        (DATES,),
        why="every written offset ignored: naive datetimes",
    ),
    Mutant(
        "date-only-midnight",
        "extract/dates.py",
        'if parts.get("hour") is None:\n        return day_value',
        'if parts.get("hour") is None:\n        return datetime(year, month, day)',
        (DATES,),
        why="a date-only value becomes a naive midnight datetime",
    ),
    Mutant(
        "comment-offset-minutes",
        "extract/comments.py",
        "minutes=int(digits[2:4] or 0)",
        "minutes=0",
        (DATES, COMMENTS),
        why="a comment's +05:30 read as +05:00",
    ),
    Mutant(
        "comment-epoch-naive",
        "extract/comments.py",
        "return datetime.fromtimestamp(seconds, tz=timezone.utc)",
        "return datetime.fromtimestamp(seconds)",
        (COMMENTS,),
        why="a comment's epoch timestamp comes out naive",
    ),
    Mutant(
        "decimal-mark-last",
        "extract/prices.py",
        'decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."',
        'decimal_mark = "." if s.rfind(",") > s.rfind(".") else ","',
        (PRICES,),
        why='"61.321,00" read with "." as the decimal mark',
    ),
    Mutant(
        "takeaways-key-points",
        "extract/takeaways.py",
        "in-?brief|tl-?dr|key-?points?|what-?to-?know|",
        "in-?brief|tl-?dr|what-?to-?know|",
        (TAKEAWAYS,),
        why='a box classed "key-points" is no longer a takeaways box',
    ),
    Mutant(
        "takeaways-max-items-aeb",
        "extract/takeaways.py",
        "_MAX_ITEMS = 15",
        "_MAX_ITEMS = 1",
        (TAKEAWAYS + "::test_aeb_dev_has_exactly_the_one_known_takeaways_box",),
        why="a two-item box is refused: the aeb-dev test alone sees it (it accepted 0 hits)",
    ),
    Mutant(
        "jsonld-depth-uncut",
        "document.py",
        "return None if isinstance(value, (dict, list)) else value",
        "return value",
        (JSONLD,),
        why="JSON-LD nested deeper than 32 levels is kept instead of cut",
    ),
)


@dataclass
class Outcome:
    mutant: Mutant
    status: str
    detail: str = ""


def apply(text: str, mutant: Mutant) -> str | None:
    """``text`` with the mutation applied, or None when the pattern is not found exactly once."""
    if mutant.regex:
        matches = list(re.finditer(mutant.find, text))
        if len(matches) != 1:
            return None
        m = matches[0]
        return text[: m.start()] + m.expand(mutant.replace) + text[m.end() :]
    if text.count(mutant.find) != 1:
        return None
    return text.replace(mutant.find, mutant.replace)


def run_tests(src: Path, tests: tuple[str, ...], timeout: float) -> tuple[str, str]:
    """Run ``tests`` with the package imported from ``src``.

    Returns ("pass" | "skipped" | "fail" | "timeout", detail).
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-rf", "-p", "no:cacheprovider", "-p"]
    command += ["no:randomly", *tests]
    try:
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return "timeout", f"no result after {timeout:.0f} s"
    if done.returncode == 0:
        summary = done.stdout.strip().splitlines()[-1:] or [""]
        return ("pass", "") if " passed" in summary[0] else ("skipped", summary[0])
    failed = [
        line[len("FAILED ") :].split(" - ")[0]
        for line in done.stdout.splitlines()
        if line.startswith("FAILED ")
    ]
    if not failed:
        tail = (done.stdout + done.stderr).strip().splitlines()[-3:]
        return "fail", " | ".join(tail)
    return "fail", ", ".join(failed)


def check(mutant: Mutant, timeout: float) -> Outcome:
    target = SRC / "newsparse" / mutant.file
    if not target.is_file():
        return Outcome(mutant, "n/a", f"no file src/newsparse/{mutant.file}")
    mutated = apply(target.read_text(encoding="utf-8"), mutant)
    if mutated is None:
        return Outcome(mutant, "n/a", "pattern not found exactly once: update it")
    with tempfile.TemporaryDirectory(prefix="mutant-") as tmp:
        copy = Path(tmp) / "src"
        shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        (copy / "newsparse" / mutant.file).write_text(mutated, encoding="utf-8")
        result, detail = run_tests(copy, mutant.tests, timeout)
    if result == "pass":
        return Outcome(mutant, "SURVIVED", "tests run: " + " ".join(mutant.tests))
    if result == "skipped":
        return Outcome(mutant, "n/a", f"its tests were skipped ({detail}): ../shared absent?")
    return Outcome(mutant, "killed", detail)


def baseline(mutants: list[Mutant], timeout: float) -> list[str]:
    """The test sets that fail without any mutation (their mutants would prove nothing)."""
    broken = []
    for tests in dict.fromkeys(m.tests for m in mutants):
        result, detail = run_tests(SRC, tests, timeout)
        if result != "pass":
            broken.append(f"{' '.join(tests)}: {result} {detail}")
    return broken


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("names", nargs="*", help="only the mutants with these names")
    ap.add_argument("--audit", action="store_true", help="only the audit's list")
    ap.add_argument("--list", action="store_true", help="list the mutants and exit")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per test run")
    ap.add_argument("--no-baseline", action="store_true", help="skip the unmutated run")
    args = ap.parse_args(argv)

    chosen = [m for m in MUTANTS if (not args.names or m.name in args.names)]
    if args.audit:
        chosen = [m for m in chosen if m.audit]
    unknown = set(args.names) - {m.name for m in MUTANTS}
    if unknown:
        ap.error(f"unknown mutants: {', '.join(sorted(unknown))}")
    if args.list:
        for m in chosen:
            flag = "audit" if m.audit else "     "
            print(f"{m.name:24} {flag} {m.file:22} {' '.join(m.tests)}  # {m.why}")
        return 0
    if not args.no_baseline:
        broken = baseline(chosen, args.timeout)
        if broken:
            print("the unmutated tree fails these tests; fix them first:", *broken, sep="\n  ")
            return 2

    outcomes = []
    print(f"{'mutant':24} {'result':9} detail")
    for mutant in chosen:
        outcome = check(mutant, args.timeout)
        outcomes.append(outcome)
        print(f"{mutant.name:24} {outcome.status:9} {outcome.detail}", flush=True)
    counts = {s: sum(o.status == s for o in outcomes) for s in ("killed", "SURVIVED", "n/a")}
    print(", ".join(f"{n} {s}" for s, n in counts.items()))
    return 1 if any(o.status == "SURVIVED" and o.mutant.audit for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
