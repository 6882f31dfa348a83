#!/usr/bin/env python3
"""Builds stance-gold.jsonl from stories.py: finds entity mentions (whole words, longest first), evidence
sentences and quote offsets, so the labels are written as phrases and the offsets cannot drift."""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from stories import COMMON, STORIES  # noqa: E402

SENTENCE_END = re.compile(r'(?<=[.!?])["”’]?\s+(?=["“‘A-Z0-9])|\n+')


def sentences(text):
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        end = m.start() + (1 if m.group(0)[:1] in '"”’' else 0)
        out.append((start, end))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def mentions(text, names):
    taken = [False] * len(text)
    found = []
    for surface in sorted(names, key=len, reverse=True):
        for m in re.finditer(r'(?<![\w])' + re.escape(surface) + r'(?![\w])', text):
            if not any(taken[m.start():m.end()]):
                for i in range(m.start(), m.end()):
                    taken[i] = True
                ident, typ = names[surface]
                found.append({"start": m.start(), "end": m.end(), "type": typ, "link": ident, "name": surface})
    return sorted(found, key=lambda e: e["start"])


def main():
    lines = []
    for story in STORIES:
        text = story["text"]
        names = dict(COMMON)
        names.update(story["ents"])
        sents = sentences(text)
        stances = []
        for holder, polarity, snippet in story["stances"]:
            at = text.find(snippet)
            assert at >= 0, (story["id"], snippet)
            s, e = next((s, e) for s, e in sents if s <= at < e)
            stances.append({"holder": holder, "polarity": polarity, "evidence_start": s, "evidence_end": e})
        quotes = []
        for speaker, words in story["quotes"]:
            at = text.find(words)
            assert at >= 0, (story["id"], words)
            quotes.append({"speaker": speaker, "start": at, "end": at + len(words)})
        lines.append(json.dumps({"id": story["id"], "text": text, "entities": mentions(text, names),
                                 "stances": stances, "quotes": quotes}, ensure_ascii=False))
    (HERE / "stance-gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} stories, {sum(len(s['stances']) for s in STORIES)} stances, "
          f"{sum(len(s['quotes']) for s in STORIES)} quotes")


if __name__ == "__main__":
    main()
