"""Regenerate the unlabelled pair selection behind the label files of this folder."""

# Usage (needs the article set, which the tests do not):
#   python tests/data/check_eval/sample_pairs.py --articles /work/shared/articles --out DIR
#       writes DIR/dev.yaml, DIR/dev2.yaml, DIR/dev3.yaml, DIR/census.yaml, DIR/rich.yaml
#       without labels
#   python tests/data/check_eval/sample_pairs.py --articles /work/shared/articles --verify
#       checks that the labelled files here hold exactly that selection, in that order
#   python tests/data/check_eval/sample_pairs.py --articles /work/shared/articles --manifest
#       rewrites texts.sha256: one line per selected pair with the SHA-256 of its exact texts,
#       which tests/core/test_check_eval_data.py compares with the YAML (no article set needed)

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the project root, for reviewer.core.format

from reviewer.core.format import parse  # noqa: E402

SEED = 20261203
DEV_SIZE = 200
CENSUS_SIZE = 400
# dev2: a second TUNE sample, drawn later for the checks' recall work (20261206 seeded the
# held-out findings sample).
DEV2_SEED = 20261207
DEV2_SIZE = 300
# dev3: a third TUNE sample, for a later recall round (pairs of dev.yaml and dev2.yaml left out).
DEV3_SEED = 20261208
DEV3_SIZE = 300

# ---- the split (binding for the project) -------------------------------------------------
TUNE_DIGITS = set("0123456789ab")


def split_of(relative_path: str) -> str:
    """'tune' or 'held-out' by the first hex digit of the SHA-1 of the article's path."""
    digit = hashlib.sha1(relative_path.encode()).hexdigest()[0]
    return "tune" if digit in TUNE_DIGITS else "held-out"


# ---- the one skip rule: both sides pure code or number ------------------------------------
_NON_PROSE = re.compile(
    r"`[^`]*`"  # inline code
    r"|https?://\S+"  # URLs
    r"|<[^<>]*>"  # HTML tags, autolinks, placeholders
    r"|&#?\w+;"  # entities
)
_LETTER = re.compile(r"[^\W\d_]")


def is_code_or_number(text: str) -> bool:
    """True when no letter is left once inline code, URLs, tags and entities are removed."""
    return _LETTER.search(_NON_PROSE.sub(" ", text)) is None


# ---- rich strata: regexes on the SOURCE only ----------------------------------------------
# Product names in PascalCase are names, not code; they would swamp the code stratum.
_PRODUCT_WORDS = (
    "SharePoint|OneDrive|OneNote|PowerShell|PowerPoint|PowerApps|PowerBI|YouTube|LinkedIn|"
    "FastTrack|InPrivate|BitLocker|AutoPilot|MyAnalytics|WorkPlace|SkyDrive|GoDaddy|iPhone|"
    "iPad|iPadOS|iOS|macOS|eDiscovery|OneDrive|DirSync|AppSource|InfoPath|FindTime|OwnCloud|"
    "StaffHub|LiveMeeting|MailTips|ActiveSync|OAuth|TeamViewer|WhatsApp|iCloud|eBook"
)
STRATA: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    (
        # hashes, GUIDs, identifiers, cmdlets, parameters, variables, paths, e-mail, versions
        "code",
        60,
        re.compile(
            r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
            r"|\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b"
            rf"|\b(?!(?:{_PRODUCT_WORDS})\b)[a-z]+[A-Z][A-Za-z0-9]*\b"
            rf"|\b(?!(?:{_PRODUCT_WORDS})\b)[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b"
            r"|\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b"
            r"|(?<![\w-])-[A-Z][a-z]+[A-Za-z]*"
            r"|\$[A-Za-z_]\w*"
            r"|\b[A-Za-z]:\\|\\\\\w|(?<![\w<])/?\w+/[\w.-]+/[\w.-]+"
            r"|\b[\w.+-]+@[\w-]+\.[\w.-]+"
            r"|\b\d+\.\d+\.\d+"
            r"|\b[\w-]+\.(?:ps1|psm1|exe|dll|xml|json|csv|pst|msi|txt|ost|cer|pfx|zip|log)\b"
        ),
    ),
    ("acronym", 20, re.compile(r"\b[A-Z]{2,}s?\b")),
    (
        "number",  # numbers, times, currency; the 365 of product names does not count
        35,
        re.compile(
            r"[$€£]\s?\d|\b\d{1,2}:\d{2}\b|\b(?:AM|PM)\b"
            r"|(?<![\w.-])(?!365\b)(?!2013\b|2016\b|2019\b|2010\b)\d[\d.,]*"
        ),
    ),
    (
        "markup",  # bold, italics, links, inline code, HTML tags, entities, backslash escapes
        35,
        re.compile(r"\*\*|(?<![\\*\w])[*_]\w|\]\(|`|<[A-Za-z/][^<>]*>|&#?\w+;|\\[*_<>\[\]|`]"),
    ),
)


@dataclass(frozen=True)
class Candidate:
    file: str
    id: str
    source: str
    target: str


def collect(articles: Path) -> tuple[dict[str, list[Candidate]], dict[str, int]]:
    """Every pair of every article, per split, in path order then document order."""
    pools: dict[str, list[Candidate]] = {"tune": [], "held-out": []}
    skipped = {"tune": 0, "held-out": 0}
    paths = sorted(articles.rglob("*.md"), key=lambda p: p.relative_to(articles).as_posix())
    for path in paths:
        rel = path.relative_to(articles).as_posix()
        split = split_of(rel)
        for pair in parse(path.read_bytes(), str(path)).pairs:
            if is_code_or_number(pair.source) and is_code_or_number(pair.target):
                skipped[split] += 1
                continue
            pools[split].append(Candidate(rel, pair.id, pair.source, pair.target))
    return pools, skipped


# Link targets and URLs are markup: the code and number strata do not look into them.
_URLS = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)|<?https?://[^\s>)]+>?")


def stratum_of(source: str) -> str | None:
    """The first rich stratum whose regex matches the source, or None."""
    for name, _count, pattern in STRATA:
        text = source if name == "markup" else _URLS.sub(" ", source)
        if pattern.search(text):
            return name
    return None


def select(articles: Path) -> tuple[dict[str, list[Candidate]], dict[str, dict[str, Any]]]:
    """The three selections and the figures for their meta blocks."""
    pools, skipped = collect(articles)
    dev = random.Random(SEED).sample(pools["tune"], DEV_SIZE)
    in_dev = {(c.file, c.id) for c in dev}
    dev2 = random.Random(DEV2_SEED).sample(
        [c for c in pools["tune"] if (c.file, c.id) not in in_dev], DEV2_SIZE
    )
    in_dev2 = in_dev | {(c.file, c.id) for c in dev2}
    dev3 = random.Random(DEV3_SEED).sample(
        [c for c in pools["tune"] if (c.file, c.id) not in in_dev2], DEV3_SIZE
    )
    census = random.Random(SEED + 1).sample(pools["held-out"], CENSUS_SIZE)
    taken = {(c.file, c.id) for c in census}
    rest = [c for c in pools["held-out"] if (c.file, c.id) not in taken]
    by_stratum: dict[str, list[Candidate]] = {name: [] for name, _n, _p in STRATA}
    for cand in rest:
        name = stratum_of(cand.source)
        if name is not None:
            by_stratum[name].append(cand)
    rng = random.Random(SEED + 2)
    rich: list[Candidate] = []
    for name, count, _pattern in STRATA:
        rich.extend(rng.sample(by_stratum[name], count))
    meta = {
        "dev": {
            "split": "tune",
            "seed": SEED,
            "sampled": DEV_SIZE,
            "population": len(pools["tune"]),
            "skipped_code_or_number": skipped["tune"],
            "rule": "uniform over the TUNE split's pairs: random.Random(seed).sample(pairs, 200)",
        },
        "dev2": {
            "split": "tune",
            "seed": DEV2_SEED,
            "sampled": DEV2_SIZE,
            "population": len(pools["tune"]) - DEV_SIZE,
            "skipped_code_or_number": skipped["tune"],
            "rule": (
                "uniform over the TUNE split's pairs not in dev.yaml: "
                "random.Random(seed).sample(pairs, 300)"
            ),
        },
        "dev3": {
            "split": "tune",
            "seed": DEV3_SEED,
            "sampled": DEV3_SIZE,
            "population": len(pools["tune"]) - DEV_SIZE - DEV2_SIZE,
            "skipped_code_or_number": skipped["tune"],
            "rule": (
                "uniform over the TUNE split's pairs not in dev.yaml or dev2.yaml: "
                "random.Random(seed).sample(pairs, 300)"
            ),
        },
        "census": {
            "split": "held-out",
            "seed": SEED + 1,
            "sampled": CENSUS_SIZE,
            "population": len(pools["held-out"]),
            "skipped_code_or_number": skipped["held-out"],
            "rule": (
                "uniform over the HELD-OUT split's pairs: random.Random(seed).sample(pairs, 400)"
            ),
        },
        "rich": {
            "split": "held-out",
            "seed": SEED + 2,
            "sampled": len(rich),
            "strata": {
                name: {"drawn": count, "pool": len(by_stratum[name])} for name, count, _p in STRATA
            },
            "rule": (
                "HELD-OUT pairs not in the census, each put in the first stratum whose regex "
                "matches its SOURCE (code, acronym, number, markup; see sample_pairs.py); "
                "random.Random(seed).sample per stratum in that order"
            ),
        },
    }
    return {"dev": dev, "census": census, "rich": rich, "dev2": dev2, "dev3": dev3}, meta


# ---- YAML writing: exact strings, readable Dutch -------------------------------------------
class _Dumper(yaml.SafeDumper):
    pass


class Quoted(str):
    """A string written double-quoted: every byte survives, edge spaces and newlines too."""


_Dumper.add_representer(
    Quoted, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", str(s), style='"')
)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)


def pair_record(cand: Candidate, errors: list[dict[str, Any]] | None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "file": cand.file,
        "id": cand.id,
        "source": Quoted(cand.source),
        "target": Quoted(cand.target),
    }
    if errors is not None:
        record["errors"] = [
            {
                k: Quoted(v) if k in ("target_span", "source_span", "note") else v
                for k, v in err.items()
            }
            for err in errors
        ]
    return record


def text_digest(source: str, target: str) -> str:
    """SHA-256 of a pair's exact source and target (UTF-8, NUL between them)."""
    return hashlib.sha256(f"{source}\0{target}".encode()).hexdigest()


def manifest(selections: dict[str, list[Candidate]]) -> str:
    lines = ["# set\tfile\tid\tsha256(source NUL target); written by sample_pairs.py --manifest"]
    for name, chosen in selections.items():
        lines += [f"{name}\t{c.file}\t{c.id}\t{text_digest(c.source, c.target)}" for c in chosen]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--out", type=Path, help="write the unlabelled selection here")
    parser.add_argument("--verify", action="store_true", help="compare with the labelled files")
    parser.add_argument("--manifest", action="store_true", help="rewrite texts.sha256")
    args = parser.parse_args()
    selections, meta = select(args.articles)
    status = 0
    if args.manifest:
        (HERE / "texts.sha256").write_text(manifest(selections), encoding="utf-8")
    if args.verify:
        same = (HERE / "texts.sha256").read_text(encoding="utf-8") == manifest(selections)
        status |= not same
        print(f"texts.sha256: {'identical' if same else 'DIFFERENT'}")
    for name, chosen in selections.items():
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            doc = {"meta": meta[name], "pairs": [pair_record(c, None) for c in chosen]}
            (args.out / f"{name}.yaml").write_text(dump(doc), encoding="utf-8")
        if args.verify:
            labelled = yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))
            got = [(p["file"], p["id"], p["source"], p["target"]) for p in labelled["pairs"]]
            want = [(c.file, c.id, c.source, c.target) for c in chosen]
            same = got == want
            status |= not same
            print(f"{name}: {len(want)} pairs, {'identical' if same else 'DIFFERENT'}")
        print(f"{name}: {meta[name]}")
    return status


if __name__ == "__main__":
    sys.exit(main())
