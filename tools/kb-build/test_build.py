"""Tests of build.py on small data it makes itself: python3 -m unittest discover -s tools/kb-build"""

import gzip
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402


def git_repo(root, files):
    """A git directory whose HEAD holds files ({path: text}); returns the path of its .git."""
    os.makedirs(root)
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@t")
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "data"]):
        subprocess.run(cmd, cwd=root, check=True, env=env)
    return os.path.join(root, ".git")


class BuildTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        d = self.tmp.name
        self.base = os.path.join(d, "base.tsv.gz")
        with gzip.open(self.base, "wt", encoding="utf-8") as f:
            f.write("# base\n")
            f.write("E\tQ183\tLOCATION\tcountry\tGermany\tQ183\t1.000\tDeutschland\n")
            f.write("E\tQ567\tPERSON\tperson\tAngela Merkel\tQ183\t0.800\t\n")
            f.write("E\tNULL\tLOCATION\tadmin1\tSomewhere\tQ1\t0.450\t\n")
            f.write("R\tQ567\tchancellor of germany\thead_of_government\tQ183\t2005-11-22\t2021-12-08\n")
            f.write("D\tGerman\tQ183\t40\n")
        self.shared = os.path.join(d, "shared")
        os.makedirs(self.shared)
        with open(os.path.join(self.shared, "places.jsonl"), "w", encoding="utf-8") as f:
            f.write(json.dumps({"kind": "country", "qid": "Q183", "country": "DE", "name": "Germany",
                                "aliases": []}) + "\n")
        self.epsc = git_repo(os.path.join(d, "germany-cabinet"), {
            "meta.json": json.dumps({"jurisdiction": {"name": "Germany", "id": "Q183"}}),
            "html/holders21.csv": "position,person,personID,start,end\n"
                                  "Chancellor,Olaf Scholz,Q61053,2021-12-08,2025-05-06\n"
                                  "Federal Minister of Finance,Олаф,Q61053,2018,\n"
                                  "Chancellor,Angela Merkel,Q567,2005-11-22,2021-12-08\n"
                                  "Minister,Q99999,Q99999,2020,\n",
            "html/legislators.csv": "position,person,personID,start,end\n"
                                    "member of the Bundestag,Zoë Beispiel,Q123,2017-10,\n",
            "html/family.csv": "id,name,relationship,relative,relativename\n"
                               "Q61053,Olaf Scholz,spouse,Q2,Britta Ernst\n",
        })
        self.ror = git_repo(os.path.join(d, "ror"), {
            "v1.0/00aaaaa11.json": json.dumps({"name": "Old Name", "status": "active", "types": ["Education"],
                                               "external_ids": {"Wikidata": {"all": ["Q500"]}},
                                               "country": {"country_code": "DE"}}),
            "v2.1/00aaaaa11.json": json.dumps({"status": "active", "types": ["education"],
                                               "names": [{"value": "Universität Beispiel",
                                                          "types": ["ror_display"]},
                                                         {"value": "UB", "types": ["acronym"]}],
                                               "external_ids": [{"type": "wikidata", "all": ["Q500"]}],
                                               "locations": [{"geonames_details": {"country_code": "DE"}}]}),
        })
        self.out = os.path.join(d, "out.tsv.gz")

    def tearDown(self):
        self.tmp.cleanup()

    def run_build(self):
        return build.main(["build", "--base", self.base, "--shared-kb", self.shared, "--out", self.out,
                           "--epsc", self.epsc, "--ror", self.ror, "--report", self.out + ".md"])

    def entries(self):
        with gzip.open(self.out, "rt", encoding="utf-8") as f:
            lines = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
        return {p[1]: p for p in lines if p[0] == "E"}, [p for p in lines if p[0] == "R"]

    def test_merges_by_qid_and_keeps_the_base(self):
        self.assertEqual(self.run_build(), 0)
        e, roles = self.entries()
        self.assertEqual(e["Q567"][2:7], ["PERSON", "person", "Angela Merkel", "Q183", "0.800"])
        self.assertEqual(e["Q567"][8], "epsc,shared-kb")
        self.assertIn("NULL", e)
        self.assertEqual(e["Q61053"][2:6], ["PERSON", "person", "Olaf Scholz", "Q183"])
        self.assertNotIn("Олаф", e["Q61053"][7])  # Latin script only
        self.assertEqual(e["Q123"][7], "Zoe Beispiel")  # ASCII-folded alias
        self.assertEqual(e["Q2"][8], "epsc-family")
        self.assertNotIn("Q99999", e)  # a bare QID is no name
        self.assertEqual(e["Q500"][2:5], ["ORGANIZATION", "org:education", "Universität Beispiel"])
        self.assertIn("UB", e["Q500"][7].split("|"))
        self.assertIn(["R", "Q61053", "chancellor", "head_of_government", "Q183", "2021-12-08", "2025-05-06"], roles)
        self.assertIn(["R", "Q61053", "federal minister of finance", "executive_council_member", "Q183",
                       "2018-01-01", ""], roles)
        self.assertIn(["R", "Q123", "member of the bundestag", "legislator", "Q183", "2017-10-01", ""], roles)
        self.assertIn(["R", "Q567", "chancellor of germany", "head_of_government", "Q183", "2005-11-22",
                       "2021-12-08"], roles)  # the base's terms are kept

    def test_rebuild_is_byte_identical_and_counted(self):
        self.run_build()
        with open(self.out, "rb") as f:
            first = f.read()
        self.run_build()
        with open(self.out, "rb") as f:
            self.assertEqual(f.read(), first)
        c = build.count(self.out)
        self.assertEqual(c["identities_with_qid"], 6)
        self.assertEqual(c["by_type"], {"PERSON": 4, "LOCATION": 1, "ORGANIZATION": 1})

    def test_missing_input_is_a_one_line_error(self):
        self.assertEqual(build.main(["build", "--base", "/nonexistent", "--shared-kb", self.shared,
                                     "--out", self.out]), 2)

    def test_dates(self):
        self.assertEqual(build.day("1997"), "1997-01-01")
        self.assertEqual(build.day("1997", end=True), "1997-12-31")
        self.assertEqual(build.day("2024-02", end=True), "2024-02-29")
        self.assertEqual(build.day("2024-02-30"), "")
        self.assertEqual(build.day("unknown"), "")


if __name__ == "__main__":
    unittest.main()
