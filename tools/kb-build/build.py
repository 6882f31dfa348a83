#!/usr/bin/env python3
"""Builds the newsflow knowledge base (newsflow-kb.tsv.gz) from open sources that carry Wikidata ids.

Standard library only. Reads the compiled base (the dictionary KnowledgeBaseBuilder makes from
../shared/kb), ../shared/kb itself (country ISO codes), and git snapshots of public repositories given
as paths (the git directories the search tool's fetch brings, or any clone). Every identity with a
Wikidata id is merged by QID. See README.md for the rebuild commands and SOURCES.md for the sources.

  build.py build --base BASE.tsv.gz --shared-kb ../shared/kb --out OUT.tsv.gz [--report R.md]
                 [--epsc GITDIR ...] [--ep-popolo GITDIR] [--ror GITDIR] [--dr5hn GITDIR] [--wof GITDIR ...]
  build.py count FILE.tsv.gz
  build.py coverage FILE.tsv.gz GOLD.jsonl

Output, one record a line, tab-separated, sorted (rebuilds are byte-identical):
  E id type kind name countryQid prior aliases(|) sources(,)      (the 9th column is new)
  R personId role roleType countryQid start end
  D demonym countryQid sourceRows
"""

import argparse
import calendar
import collections
import csv
import gzip
import io
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

QID = re.compile(r"^Q[1-9]\d*$")
MAX_ALIASES = 60


# ----------------------------------------------------------------------------------------------- names

def latin(s):
    """True when every letter of s is Latin script (the tagger reads English news)."""
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def clean(s):
    if s is None:
        return ""
    s = re.sub(r"[\t\r\n|]+", " ", str(s)).strip()
    return re.sub(r"\s{2,}", " ", s)


def folded(s):
    f = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return f if f != s and f.isascii() else None


def usable(name):
    return bool(name) and len(name) > 1 and not QID.match(name) and latin(name) and any(c.isalpha() for c in name)


# ----------------------------------------------------------------------------------------------- model

class Entry:
    __slots__ = ("id", "type", "kind", "name", "country", "prior", "aliases", "sources", "base")

    def __init__(self, qid, etype, kind, name, country, prior, base=False):
        self.id, self.type, self.kind, self.name = qid, etype, kind, name
        self.country, self.prior, self.base = country, prior, base
        self.aliases = {}  # ordered set
        self.sources = set()


class Kb:
    def __init__(self):
        self.entries = {}
        self.local = []          # base E lines without a QID, kept verbatim
        self.roles = set()
        self.demonyms = []
        self.added = collections.Counter()    # source -> new identities
        self.touched = collections.Counter()  # source -> rows used
        self.conflicts = collections.Counter()  # type disagreements (the first source's type is kept)

    def add(self, qid, etype, kind, name, country, prior, aliases=(), source=""):
        """Adds or merges an identity; an identity already known keeps its type, kind and name."""
        name = clean(name)
        if not QID.match(qid or ""):
            return None
        names = [clean(a) for a in aliases if a]
        e = self.entries.get(qid)
        if not usable(name):
            usable_names = [a for a in names if usable(a)]
            if not usable_names and e is None:
                return None
            name = usable_names[0] if usable_names else e.name
        if e is None:
            e = Entry(qid, etype, kind, name, country, prior)
            self.entries[qid] = e
            self.added[source] += 1
        else:
            if e.type != etype:
                self.conflicts[f"{e.type} kept, {source} says {etype}"] += 1
            e.prior = max(e.prior, prior) if not e.base else e.prior
            if not e.country:
                e.country = country
        self.touched[source] += 1
        e.sources.add(source)
        for a in [name] + names:
            self._alias(e, a)
        return e

    @staticmethod
    def _alias(e, a):
        if not usable(a) or len(e.aliases) >= MAX_ALIASES:
            return
        if a != e.name:
            e.aliases.setdefault(a, None)
        f = folded(a)
        if f and f != e.name:
            e.aliases.setdefault(f, None)

    def role(self, pid, role, role_type, country, start, end):
        role = clean(role).lower()
        if role and QID.match(pid):
            self.roles.add((pid, role, role_type, country or "", start or "", end or ""))


# ----------------------------------------------------------------------------------------------- git

def git_files(gitdir, prefix="", suffix=""):
    """Yields (path, bytes) for the blobs under prefix at HEAD; blobs the snapshot lacks are skipped."""
    out = subprocess.run(["git", "--git-dir", gitdir, "ls-tree", "-r", "HEAD", "--", prefix] if prefix
                         else ["git", "--git-dir", gitdir, "ls-tree", "-r", "HEAD"],
                         capture_output=True, check=True).stdout.decode("utf-8", "replace")
    wanted = []
    for line in out.splitlines():
        meta, path = line.split("\t", 1)
        _, kind, sha = meta.split()
        if kind == "blob" and path.endswith(suffix):
            wanted.append((sha, path))
    if not wanted:
        return
    proc = subprocess.Popen(["git", "--git-dir", gitdir, "cat-file", "--batch"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE)
    feeder = _feed(proc.stdin, [w[0] for w in wanted])
    try:
        for sha, path in wanted:
            next(feeder, None)
            header = proc.stdout.readline().decode()
            parts = header.split()
            if len(parts) < 3 or parts[1] == "missing":
                continue
            size = int(parts[2])
            data = proc.stdout.read(size)
            proc.stdout.read(1)
            yield path, data
    finally:
        proc.stdin.close() if not proc.stdin.closed else None
        proc.stdout.close()
        proc.wait()


def _feed(stdin, shas):
    for sha in shas:
        stdin.write((sha + "\n").encode())
        stdin.flush()
        yield


def git_head(gitdir):
    return subprocess.run(["git", "--git-dir", gitdir, "log", "-1", "--format=%H %cs"], capture_output=True,
                          text=True).stdout.strip()


def git_show(gitdir, path):
    r = subprocess.run(["git", "--git-dir", gitdir, "show", "HEAD:" + path], capture_output=True)
    return r.stdout.decode("utf-8", "replace") if r.returncode == 0 else None


# ----------------------------------------------------------------------------------------------- dates

def day(s, end=False):
    """ISO date from '2019', '2019-07' or '2019-07-24' (a year alone is its first or last day); else ''."""
    s = (s or "").strip()
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", s)
    if not m or int(m.group(1)) < 1000:
        return ""
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if mo is None or mo == "00":
            return f"{y:04d}-12-31" if end else f"{y:04d}-01-01"
        mo = int(mo)
        if d is None or d == "00":
            return f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}" if end else f"{y:04d}-{mo:02d}-01"
        calendar.monthrange(y, mo)
        import datetime
        datetime.date(y, mo, int(d))
        return f"{y:04d}-{mo:02d}-{int(d):02d}"
    except ValueError:
        return ""


HEAD_OF_STATE = re.compile(r"^(president|federal president|monarch|king|queen|emir|sultan|grand duke|prince|governor[- ]general|"
                           r"captain[s]? regent|head of state|supreme leader|chairman of the presidency)"
                           r"( of (the )?[A-Z][\w .'-]*)?$", re.IGNORECASE)
HEAD_OF_GOVERNMENT = re.compile(r"^(prime minister|premier|chancellor|federal chancellor|head of government|"
                                r"first minister|taoiseach|president of the government)"
                                r"( of (the )?[A-Z][\w .'-]*)?$", re.IGNORECASE)


NOT_A_HEAD = re.compile(r"\b(senate|assembly|parliament|court|congress|chamber|council|house|bank|committee|party|"
                        r"board|commission|university|league|tribunal|deputies|representatives|legislat\w*|"
                        r"federation of|region|province|state of|canton|municipal\w*|city|regional|autonomous)\b",
                        re.IGNORECASE)


def role_type(position, legislator):
    if legislator:
        return "legislator"
    if NOT_A_HEAD.search(position):
        return "executive_council_member"
    if HEAD_OF_STATE.match(position):
        return "head_of_state"
    if HEAD_OF_GOVERNMENT.match(position):
        return "head_of_government"
    return "executive_council_member"


# ----------------------------------------------------------------------------------------------- sources

def read_base(kb, path):
    """The compiled dictionary from ../shared/kb (KnowledgeBaseBuilder): kept whole, QIDs merged into."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            p = line.split("\t")
            if p[0] == "E":
                if not QID.match(p[1]):
                    kb.local.append(p[:8] + ["shared-kb"])
                    continue
                e = Entry(p[1], p[2], p[3], p[4], p[5], float(p[6]), base=True)
                for a in (p[7].split("|") if p[7] else []):
                    e.aliases.setdefault(a, None)
                e.sources.add("shared-kb")
                kb.entries[p[1]] = e
                kb.added["shared-kb"] += 1
            elif p[0] == "R":
                kb.roles.add(tuple((p + [""] * 7)[1:7]))
            elif p[0] == "D":
                kb.demonyms.append(p)


def country_codes(shared_kb):
    """ISO2 -> QID and country name -> QID, from ../shared/kb/places.jsonl."""
    iso, names = {}, {}
    with open(os.path.join(shared_kb, "places.jsonl"), encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            if p.get("kind") == "country" and p.get("qid"):
                iso[p["country"]] = p["qid"]
                for n in [p["name"]] + p.get("aliases", []):
                    names.setdefault(n.lower(), p["qid"])
    return iso, names


def read_epsc(kb, gitdir, report):
    """An every-politician-scrapers country repository: html/*.csv (Wikidata query output)."""
    src = "epsc"
    files = {path: data.decode("utf-8", "replace") for path, data in git_files(gitdir, "html/", ".csv")}
    country = ""
    meta = git_show(gitdir, "meta.json")
    if meta:
        try:
            country = ((json.loads(meta).get("jurisdiction") or {}).get("id") or "").strip()
        except ValueError:
            country = ""
    if not QID.match(country) and "html/positions.csv" in files:
        c = collections.Counter(r.get("country", "") for r in csv.DictReader(io.StringIO(files["html/positions.csv"])))
        c.pop("", None)
        country = c.most_common(1)[0][0] if c else ""
    people = set()
    for name in ("html/holders21.csv", "html/current.csv", "html/legislators.csv", "html/officeholders.csv"):
        if name not in files:
            continue
        legislator = name.endswith("legislators.csv")
        for r in csv.DictReader(io.StringIO(files[name])):
            pid = (r.get("personID") or r.get("item") or "").strip()
            if not QID.match(pid):
                continue
            prior = 0.40 if legislator else 0.45
            aliases = [r.get("enwiki", "")]
            e = kb.add(pid, "PERSON", "person", r.get("person") or r.get("itemLabel", ""), country, prior, aliases, src)
            if e is None:
                continue
            people.add(pid)
            position = clean(r.get("position") or r.get("positionLabel", ""))
            if position and not QID.match(position):
                kb.role(pid, position, role_type(position, legislator), country, day(r.get("start")),
                        day(r.get("end"), end=True))
    if "html/bio.csv" in files:
        for r in csv.DictReader(io.StringIO(files["html/bio.csv"])):
            if QID.match(r.get("id", "")):
                kb.add(r["id"], "PERSON", "person", r.get("name", ""), country, 0.40, [r.get("enwiki", "")], src)
                people.add(r["id"])
    if "html/family.csv" in files:
        for r in csv.DictReader(io.StringIO(files["html/family.csv"])):
            if QID.match(r.get("id", "")):
                kb.add(r["id"], "PERSON", "person", r.get("name", ""), country, 0.40, (), src)
                people.add(r["id"])
            if QID.match(r.get("relative", "")):
                kb.add(r["relative"], "PERSON", "person", r.get("relativename", ""), "", 0.30, (), src + "-family")
                people.add(r["relative"])
    report.append((os.path.basename(os.path.dirname(gitdir.rstrip("/"))), git_head(gitdir), len(people)))


def read_ep_popolo(kb, gitdir, country_names):
    """everypolitician/everypolitician-data (fork snapshot): data/<Country>/<House>/ep-popolo-v1.0.json."""
    src = "everypolitician"
    n = 0
    for path, data in git_files(gitdir, "data/", "ep-popolo-v1.0.json"):
        d = json.loads(data)
        parts = path.split("/")
        country = country_names.get(parts[1].replace("_", " ").lower(), "")
        orgs = {o["id"]: o for o in d.get("organizations", [])}
        events = {e["id"]: e for e in d.get("events", [])}
        pid_of = {}
        for p in d.get("persons", []):
            qid = wikidata_id(p)
            if not qid:
                continue
            other = [o.get("name", "") for o in p.get("other_names", [])]
            e = kb.add(qid, "PERSON", "person", p.get("name", ""), country, 0.40, other, src)
            if e is not None:
                pid_of[p["id"]] = qid
                n += 1
        for o in d.get("organizations", []):
            qid = wikidata_id(o)
            if qid:
                kind = "party" if o.get("classification") == "party" else "legislature"
                kb.add(qid, "ORGANIZATION", kind, o.get("name", ""), country, 0.35,
                       [x.get("name", "") for x in o.get("other_names", []) or []], src)
        for a in d.get("areas", []):
            qid = wikidata_id(a)
            if qid:
                kb.add(qid, "LOCATION", "constituency", a.get("name", ""), country, 0.20,
                       [x.get("name", "") for x in a.get("other_names", []) or []], src)
        for m in d.get("memberships", []):
            qid = pid_of.get(m.get("person_id"))
            org = orgs.get(m.get("organization_id"), {})
            if not qid or org.get("classification") not in ("legislature", None):
                continue
            period = events.get(m.get("legislative_period_id"), {})
            start = day(m.get("start_date") or period.get("start_date"))
            end = day(m.get("end_date") or period.get("end_date"), end=True)
            kb.role(qid, "member of the " + clean(org.get("name", parts[2].replace("_", " "))), "legislator",
                    country, start, end)
    return n


def wikidata_id(x):
    for i in x.get("identifiers") or []:
        if i.get("scheme") == "wikidata" and QID.match(i.get("identifier", "")):
            return i["identifier"]
    w = x.get("wikidata")
    return w if isinstance(w, str) and QID.match(w) else None


ROR_KINDS = {"education": "org:education", "company": "org:company", "government": "org:government",
             "nonprofit": "org:nonprofit", "healthcare": "org:healthcare", "facility": "org:facility",
             "archive": "org:archive", "funder": "org:funder", "other": "org:other"}


def read_ror(kb, gitdir, iso):
    """ror-community/ror-records: one JSON per organisation per release; the newest release wins."""
    latest = {}
    for path, data in git_files(gitdir, "", ".json"):
        m = re.match(r"^v(\d+)\.(\d+)(?:\.(\d+))?/(?:.*/)?([0-9a-z]{9})\.json$", path)
        if not m:
            continue
        key = (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
        rid = m.group(4)
        if rid not in latest or key > latest[rid][0]:
            latest[rid] = (key, data)
    n = 0
    for rid in sorted(latest):
        try:
            d = json.loads(latest[rid][1])
        except ValueError:
            continue
        if d.get("status", "active") != "active":
            continue
        qid, names, types, cc = None, [], [], ""
        ext = d.get("external_ids")
        if isinstance(ext, list):  # schema v2
            for x in ext:
                if x.get("type", "").lower() == "wikidata":
                    qid = x.get("preferred") or (x.get("all") or [None])[0]
            display = [x["value"] for x in d.get("names", []) if "ror_display" in x.get("types", [])]
            names = display + [x["value"] for x in d.get("names", []) if "ror_display" not in x.get("types", [])]
            types = d.get("types", [])
            locs = d.get("locations") or []
            if locs:
                cc = (locs[0].get("geonames_details") or {}).get("country_code", "")
        elif isinstance(ext, dict):  # schema v1
            w = ext.get("Wikidata") or {}
            qid = w.get("preferred") or (w.get("all") or [None])[0]
            names = [d.get("name", "")] + d.get("aliases", []) + d.get("acronyms", []) + \
                [x.get("label", "") for x in d.get("labels", [])]
            types = [t.lower() for t in d.get("types", [])]
            cc = (d.get("country") or {}).get("country_code", "")
        if not qid or not QID.match(qid) or not names:
            continue
        kind = ROR_KINDS.get(types[0] if types else "other", "org:other")
        if kb.add(qid, "ORGANIZATION", kind, names[0], iso.get(cc, ""), 0.30, names[1:], "ror") is not None:
            n += 1
    return n


def read_dr5hn(kb, gitdir, iso):
    """dr5hn/countries-states-cities-database: contributions/cities/<CC>.json, cities with wikiDataId."""
    n = 0
    for path, data in git_files(gitdir, "contributions/cities/", ".json"):
        for c in json.loads(data):
            qid = c.get("wikiDataId") or ""
            if not QID.match(qid):
                continue
            pop = c.get("population") or 0
            try:
                pop = float(pop)
            except (TypeError, ValueError):
                pop = 0
            capital = c.get("type") == "capital"
            prior = 0.25 + min(0.35, math.log10(1 + pop) / 20) + (0.25 if capital else 0)
            aliases = [c.get("native", "")] + list((c.get("translations") or {}).values())
            if kb.add(qid, "LOCATION", "city", c.get("name", ""), iso.get(c.get("country_code", ""), ""),
                      round(prior, 3), aliases, "dr5hn") is not None:
                n += 1
    return n


WOF_KINDS = {"locality": "city", "localadmin": "city", "borough": "district", "county": "admin2",
             "macrocounty": "admin2", "region": "admin1", "macroregion": "admin1", "neighbourhood": "neighbourhood",
             "macrohood": "neighbourhood", "island": "place", "dependency": "country", "disputed": "place"}
WOF_LANGS = ("eng", "fra", "deu", "spa", "ita", "nld", "por", "swe", "nor", "dan", "fin", "pol", "ces", "hun",
             "ron", "tur", "cat", "hrv", "slv", "slk", "lit", "lav", "est", "ind", "vie", "msa", "gle", "eus")


def read_wof(kb, gitdir, iso):
    """A whosonfirst-data admin repository: data/**/*.geojson with a wd:id concordance."""
    n = 0
    for path, data in git_files(gitdir, "data/", ".geojson"):
        if b'"wd:id"' not in data:
            continue
        try:
            p = json.loads(data)["properties"]
        except (ValueError, KeyError):
            continue
        qid = (p.get("wof:concordances") or {}).get("wd:id", "")
        kind = WOF_KINDS.get(p.get("wof:placetype", ""))
        if not kind or not QID.match(qid) or p.get("mz:is_current") == 0 or p.get("wof:superseded_by"):
            continue
        pop = p.get("wof:population") or p.get("gn:population") or 0
        try:
            pop = float(pop)
        except (TypeError, ValueError):
            pop = 0
        if kind == "city":
            prior = 0.25 + min(0.35, math.log10(1 + pop) / 20)
        elif kind == "admin1":
            prior = 0.45 + min(0.2, math.log10(1 + pop) / 40)
        elif kind == "admin2":
            prior = 0.35
        elif kind == "neighbourhood":
            prior = 0.15
        else:
            prior = 0.25
        aliases = []
        for lang in WOF_LANGS:
            for suffix in ("_x_preferred", "_x_variant", "_x_colloquial"):
                aliases.extend(p.get("name:" + lang + suffix) or [])
        if kb.add(qid, "LOCATION", kind, p.get("wof:name", ""), iso.get(p.get("wof:country", ""), ""),
                  round(prior, 3), aliases, "whosonfirst") is not None:
            n += 1
    return n


def read_chadwick(kb, gitdir):
    """chadwickbureau/register: data/people-*.csv, baseball (and some other) people with key_wikidata."""
    n = 0
    for path, data in git_files(gitdir, "data/", ".csv"):
        if not re.match(r"^data/people-[0-9a-f]\.csv$", path):
            continue
        for r in csv.DictReader(io.StringIO(data.decode("utf-8", "replace"))):
            qid = r.get("key_wikidata", "")
            first, last = clean(r.get("name_first")), clean(r.get("name_last"))
            if not QID.match(qid) or not last:
                continue
            suffix = (" " + clean(r.get("name_suffix"))) if r.get("name_suffix") else ""
            aliases = [f"{clean(r.get('name_given'))} {last}", f"{clean(r.get('name_nick'))} {last}",
                       f"{first} {last}{suffix}"]
            if kb.add(qid, "PERSON", "person", f"{first} {last}".strip(), "", 0.35,
                      [a for a in aliases if not a.startswith(" ")], "chadwick") is not None:
                n += 1
    return n


# ----------------------------------------------------------------------------------------------- output

def write(kb, out):
    lines = ["# newsflow knowledge base, built by tools/kb-build/build.py; see tools/kb-build/SOURCES.md\n"]
    for qid in sorted(kb.entries, key=lambda q: (len(q), q)):
        e = kb.entries[qid]
        aliases = [a for a in e.aliases if a != e.name]
        lines.append("\t".join(["E", e.id, e.type, e.kind, e.name, e.country, f"{e.prior:.3f}", "|".join(aliases),
                                ",".join(sorted(e.sources))]) + "\n")
    for p in sorted(kb.local):
        lines.append("\t".join(p) + "\n")
    for r in sorted(kb.roles):
        lines.append("\t".join(("R",) + tuple(r)) + "\n")
    for d in sorted(kb.demonyms):
        lines.append("\t".join(d) + "\n")
    with open(out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
            for line in lines:
                f.write(line.encode("utf-8"))


def count(path):
    types, kinds, sources = collections.Counter(), collections.Counter(), collections.Counter()
    qids = roles = demonyms = local = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "E":
                if QID.match(p[1]):
                    qids += 1
                    types[p[2]] += 1
                    kinds[p[2] + " " + p[3]] += 1
                    for s in (p[8].split(",") if len(p) > 8 and p[8] else []):
                        sources[s] += 1
                else:
                    local += 1
            elif p[0] == "R":
                roles += 1
            elif p[0] == "D":
                demonyms += 1
    return {"file": path, "bytes": os.path.getsize(path), "identities_with_qid": qids, "without_qid": local,
            "by_type": dict(types.most_common()), "by_kind": dict(kinds.most_common()),
            "identities_by_source": dict(sources.most_common()), "office_terms": roles, "demonyms": demonyms}


def coverage(path, gold):
    ids = set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            p = line.split("\t", 3)
            if p[0] == "E":
                ids.add(p[1])
    mentions, hits, unique, unique_hits = (collections.Counter() for _ in range(4))
    seen = set()
    docs = 0
    with open(gold, encoding="utf-8") as f:
        for line in f:
            docs += 1
            for e in json.loads(line).get("entities", []):
                link = e.get("link")
                if not link:
                    continue
                q = link.rstrip("/").rsplit("/", 1)[-1]
                t = e.get("type", "?")
                mentions[t] += 1
                hits[t] += q in ids
                if q not in seen:
                    seen.add(q)
                    unique[t] += 1
                    unique_hits[t] += q in ids
    rows = {t: {"gold_links": mentions[t], "in_base": hits[t], "share": round(hits[t] / mentions[t], 4),
                "distinct_ids": unique[t], "distinct_in_base": unique_hits[t]} for t in sorted(mentions)}
    total, found = sum(mentions.values()), sum(hits.values())
    return {"gold": gold, "documents": docs, "kb": path, "by_type": rows,
            "all": {"gold_links": total, "in_base": found, "share": round(found / total, 4) if total else 0,
                    "distinct_ids": sum(unique.values()), "distinct_in_base": sum(unique_hits.values())}}


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--base", required=True, help="compiled dictionary from ../shared/kb (newsflow-kb.tsv.gz)")
    b.add_argument("--shared-kb", required=True, help="../shared/kb (country ISO codes)")
    b.add_argument("--out", required=True)
    b.add_argument("--report", help="write the per-source report (markdown) here")
    b.add_argument("--epsc", nargs="*", default=[], help="git dirs of every-politician-scrapers/* repositories")
    b.add_argument("--ep-popolo", help="git dir of an everypolitician-data snapshot")
    b.add_argument("--ror", help="git dir of ror-community/ror-records")
    b.add_argument("--dr5hn", help="git dir of dr5hn/countries-states-cities-database")
    b.add_argument("--chadwick", help="git dir of chadwickbureau/register")
    b.add_argument("--wof", nargs="*", default=[], help="git dirs of whosonfirst-data admin repositories")
    c = sub.add_parser("count")
    c.add_argument("file")
    v = sub.add_parser("coverage")
    v.add_argument("file")
    v.add_argument("gold")
    a = ap.parse_args(argv)

    if a.cmd == "count":
        print(json.dumps(count(a.file), indent=1))
        return 0
    if a.cmd == "coverage":
        print(json.dumps(coverage(a.file, a.gold), indent=1))
        return 0

    for p in [a.base, a.shared_kb] + a.epsc + a.wof + [x for x in (a.ep_popolo, a.ror, a.dr5hn, a.chadwick) if x]:
        if not os.path.exists(p):
            print(f"build.py: no such file or directory: {p}", file=sys.stderr)
            return 2
    kb = Kb()
    read_base(kb, a.base)
    iso, country_names = country_codes(a.shared_kb)
    report = ["| source | snapshot (commit, date) | rows used | new identities |", "|---|---|---|---|"]
    epsc_rows = []
    for g in a.epsc:
        read_epsc(kb, g, epsc_rows)
    per_source = []
    if a.ep_popolo:
        read_ep_popolo(kb, a.ep_popolo, country_names)
        per_source.append(("everypolitician", a.ep_popolo))
    if a.ror:
        read_ror(kb, a.ror, iso)
        per_source.append(("ror", a.ror))
    if a.dr5hn:
        read_dr5hn(kb, a.dr5hn, iso)
        per_source.append(("dr5hn", a.dr5hn))
    if a.chadwick:
        read_chadwick(kb, a.chadwick)
        per_source.append(("chadwick", a.chadwick))
    wof_heads = []
    for g in a.wof:
        before = kb.added["whosonfirst"]
        read_wof(kb, g, iso)
        wof_heads.append((g, git_head(g), kb.added["whosonfirst"] - before))
    write(kb, a.out)
    if a.report:
        with open(a.report, "w", encoding="utf-8") as f:
            f.write("# kb-build report\n\n")
            f.write(f"base: {a.base}: {kb.added['shared-kb']} identities with a QID\n\n")
            for name, g in per_source:
                f.write(f"- {name}: {g} at {git_head(g)}: rows used {kb.touched[name]}, "
                        f"new identities {kb.added[name]}\n")
            f.write(f"- every-politician-scrapers: {len(epsc_rows)} repositories, rows used {kb.touched['epsc']} "
                    f"(+{kb.touched['epsc-family']} relatives), new identities {kb.added['epsc']} "
                    f"(+{kb.added['epsc-family']} relatives)\n")
            f.write(f"- whosonfirst: {len(wof_heads)} repositories, rows used {kb.touched['whosonfirst']}, "
                    f"new identities {kb.added['whosonfirst']}\n\n")
            f.write("## every-politician-scrapers repositories\n\n| repo | commit date | people |\n|---|---|---|\n")
            for repo, head, people in sorted(epsc_rows):
                f.write(f"| {repo} | {head} | {people} |\n")
            f.write("\n## whosonfirst repositories\n\n| git dir | commit date | new identities |\n|---|---|---|\n")
            for g, head, added in wof_heads:
                f.write(f"| {g} | {head} | {added} |\n")
            f.write("\n## type disagreements (the first type is kept)\n\n")
            for k, v in kb.conflicts.most_common():
                f.write(f"- {k}: {v}\n")
            f.write("\n## counts\n\n```\n" + json.dumps(count(a.out), indent=1) + "\n```\n")
    print(json.dumps(count(a.out), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
