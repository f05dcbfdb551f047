"""One Korean term per concept: every translation follows resources/translations/glossary.tsv."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET

import pytest

from engine.data.datasets import CATALOGUE
from engine.models.accuracy import PAPER_FIGURES
from engine.models.zoo import get_info, list_models
from gui.i18n import TRANSLATIONS_DIR

GLOSSARY = TRANSLATIONS_DIR / "glossary.tsv"


def _glossary() -> list[dict[str, str]]:
    lines = [line for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _uses(term: str, english: str) -> bool:
    """The English text uses the term: at the start of a word, any case ("train" in "trained", not in "pretrained")."""
    return re.search(r"(?<![A-Za-z])" + re.escape(term), english, re.IGNORECASE) is not None


def _pairs() -> list[tuple[str, str]]:
    """(English, Korean) of every message in the catalogue and every Korean text the engine carries."""
    pairs = [(m.findtext("source"), m.findtext("translation") or "")
             for m in ET.parse(TRANSLATIONS_DIR / "casebook_ko.ts").getroot().iter("message")]
    for name in list_models():
        info = get_info(name)
        pairs += list(zip(info.ideas_en, info.ideas_ko, strict=True))
    for facts in CATALOGUE:
        pairs += [(facts.description_en, facts.description_ko), (facts.resolution_en, facts.resolution_ko),
                  (facts.note_en, facts.note_ko), (facts.withdrawn_en, facts.withdrawn_ko)]
    pairs += [(figure.protocol_en, figure.protocol_ko) for figure in PAPER_FIGURES.values()]
    return pairs


def _violations(pairs, glossary) -> list[str]:
    found = []
    for english, korean in pairs:
        used = [row for row in glossary if _uses(row["english"], english)]
        # The Korean terms of the glossary terms the source uses may contain a variant ("사전 학습" holds 학습).
        rest = korean
        for row in sorted(used, key=lambda r: -len(r["korean"])):
            if row["korean"] not in [v for other in used if other is not row for v in other["not"].split(",")]:
                rest = rest.replace(row["korean"], "")
        for row in used:
            for variant in filter(None, row["not"].split(",")):
                if variant in rest and variant not in {other["korean"] for other in used}:
                    found.append(f"{row['english']} -> {row['korean']}, not {variant}: {korean!r}")
    return found


def test_the_glossary_names_the_decks_terms():
    glossary = {row["english"]: row for row in _glossary()}
    assert glossary["skip connection"]["korean"] == glossary["shortcut"]["korean"] == "스킵 연결"
    assert glossary["train"]["korean"] == "훈련" and glossary["pretrained"]["korean"] == "사전 학습"
    assert glossary["shear"]["korean"] == "전단 변환" and "밀림" in glossary["shear"]["not"]
    assert all(row["korean"] and row["source"] for row in glossary.values())


def test_every_translation_uses_the_glossary_term():
    violations = _violations(_pairs(), _glossary())
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize(("english", "korean"), [
    ("Train this case", "이 케이스로 학습"),                    # 학습 for training
    ("Freeze every pretrained layer", "미리 학습된 층을 고정"),  # 미리 학습 for pretrained
    ("Shortcut", "숏컷"),
    ("Shearing", "밀림 변환"),
])
def test_a_variant_is_caught(english, korean):
    assert _violations([(english, korean)], _glossary())


def test_terms_that_contain_a_variant_are_not_caught():
    glossary = _glossary()
    pretrained = ("No pretrained weights: train from scratch", "사전 학습 가중치가 없으니 처음부터 훈련하라")
    assert not _violations([pretrained], glossary)
    assert not _violations([("The learning rate is too high, so training stopped", "학습률이 커서 훈련을 멈췄다")],
                           glossary)


def _registers(korean: str) -> set[str]:
    """The speech levels of a text's sentence endings: polite (…니다, …세요) and plain (…다, …라)."""
    endings = re.findall(r"([가-힣]+)[.!?](?:\s|$)", korean) + re.findall(r"([가-힣]+)\s*$", korean)
    return {"polite" if re.search(r"(니다|세요|십시오|요)$", word) else "plain"
            for word in endings if re.search(r"(니다|세요|십시오|요|다|라|자|까)$", word)}


def test_every_message_keeps_one_register():
    mixed = [korean for _, korean in _pairs() if len(_registers(korean)) > 1]
    assert not mixed, mixed
    assert _registers("이미지보다 크다. 더 작은 필터를 고르세요.") == {"plain", "polite"}  # what it catches
