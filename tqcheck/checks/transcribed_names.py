"""Foreign names transcribed two ways in Chinese, for TQ501.

Chinese writes a foreign name with characters chosen for their sound, from a set of a few hundred
that the transcription tables of news agencies use (斯 基 尔 夫 娃 …); machine translation picks
them afresh per sentence, so one person gets two transcriptions that differ in one character
(泽连斯基/泽伦斯基, 朔尔茨/肖尔茨).  Two runs of such characters of one document, of the same
length (three or more), that differ in one character, are paired when the characters they share
hold one found almost only in transcriptions (约翰逊/约翰森: 翰; so that ordinary words and country
names made of common characters, 利比亚/冈比亚, stay apart).  The set was written for tqcheck from general
knowledge of the transcription conventions (Apache-2.0).
"""

from __future__ import annotations

import re

from tqcheck.checks.unwritten_vowels import DocumentSpellings
from tqcheck.model import Segment

#: Characters the transcription of foreign names uses.
_TRANSCRIPTION = (
    "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯勃博布查达戴丹道德登迪蒂丁杜多厄恩尔法菲费芬丰"
    "冯夫弗福盖甘冈戈格根贡古瓜圭哈海汉豪赫亨胡华惠霍基吉季加贾杰金卡凯坎康考柯科克肯库夸奎拉"
    "莱赖兰朗劳勒雷蕾里利莉连列林琳柳卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米莫默姆穆纳娜奈南内尼妮涅"
    "宁纽努诺欧帕潘庞佩彭皮珀普齐奇乔钦琴丘萨塞桑瑟森沙莎尚舍什施斯松苏索塔泰坦汤唐特滕提廷通"
    "图托瓦旺威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶叶伊因尤约扎泽詹兹茨朱卓祖佐策肖朔舒翁琼隆龙"
    "捷翰逊赛斐茜黛琪娅璐蒂雯顿"
)
#: Characters found almost only in transcriptions: two runs are one name transcribed two ways
#: only where the characters they share hold one of these.
_NAME_ONLY = frozenset("斯基尔夫娃兹茨蒂维奇诺娜莉莎妮玛迪姆恩泽塞埃奥乌佩珀蕾琳锡詹茜黛琪娅璐朔翰")
_RUN = re.compile(f"[{_TRANSCRIPTION}]{{3,}}")


class TranscribedNames(DocumentSpellings):
    """Collects the runs of transcription characters of a Chinese document and pairs the ones
    that differ in one character (see the module docstring)."""

    def feed(self, segment: Segment) -> None:
        self.record(segment, _RUN)

    def pairs(self) -> list[tuple[str, str]]:
        """The pairs of transcriptions of one name (each pair once, sorted)."""
        buckets: dict[tuple[int, int, str], list[str]] = {}
        for w in self.seen:
            if not any(c in _NAME_ONLY for c in w):
                continue
            for i in range(len(w)):  # one key per position left out: one bucket per variant
                buckets.setdefault((len(w), i, w[:i] + w[i + 1:]), []).append(w)
        found: set[tuple[str, str]] = set()
        for (_, _, shared), group in buckets.items():
            if len(group) < 2 or not any(c in _NAME_ONLY for c in shared):
                continue  # the characters the two share must show a foreign name (约翰逊/约翰森)
            group.sort()
            for k, a in enumerate(group):
                for b in group[k + 1:]:
                    if self.rare_and_near(a, b):
                        found.add((a, b))
        return sorted(found)

    def describe(self, a: str, b: str) -> str:
        return "a foreign name transcribed with another character"
