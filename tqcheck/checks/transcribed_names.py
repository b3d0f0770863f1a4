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
#: Runs that share this many transcription characters or more (five or more long) are one name
#: without a character found almost only in transcriptions.
_LONG_SHARED = 4
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
            if len(w) <= _LONG_SHARED and not any(c in _NAME_ONLY for c in w):
                continue
            for i in range(len(w)):  # one key per position left out: one bucket per variant
                buckets.setdefault((len(w), i, w[:i] + w[i + 1:]), []).append(w)
        found: set[tuple[str, str]] = set()
        for (_, _, shared), group in buckets.items():
            if len(group) < 2 or (len(shared) < _LONG_SHARED
                                  and not any(c in _NAME_ONLY for c in shared)):
                continue  # the characters the two share must show a foreign name (约翰逊/约翰森),
                # or be four or more (内塔尼亚胡/内坦尼亚胡: few words of the language are)
            group.sort()
            for k, a in enumerate(group):
                for b in group[k + 1:]:
                    if self.rare_and_near(a, b):
                        found.add((a, b))
        return sorted(found)

    def describe(self, a: str, b: str) -> str:
        return "a foreign name transcribed with another character"


#: Korean particles and the copula written onto a noun (longest first): 젤렌스키는 is 젤렌스키.
_KO_PARTICLES = re.compile(
    "(?:으로서|으로써|에게서|이라고|에서는|에게는|으로는|이었다|였다|이다|이며|이고|라고|으로|에게|에서|"
    "에는|와는|과는|까지|부터|처럼|보다|조차|마저|은|는|이|가|을|를|의|에|와|과|도|로|만|께)$")
#: Hangul words of three syllables or more (with a particle: one more).
_KO_WORD = re.compile("(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{3,}(?![\uac00-\ud7a3])")
#: Initial consonants read as one (the tense ㄲ ㄸ ㅃ ㅉ, which some conventions write for the
#: unaspirated stops of Russian or French, as the aspirated ㅋ ㅌ ㅍ ㅊ the standard writes:
#: 젤렌스끼/젤렌스키; ㅆ as ㅅ; the silent ㅇ is dropped), vowels read as one (ㅓ/ㅡ for an
#: English schwa before a final consonant: 바이든/바이던, never in an open syllable, where they
#: tell -er from a final consonant: 프로세서/프로세스; ㅐ/ㅔ), and the y-vowels as ㅣ and a
#: vowel (냐 as 니아: 네타냐후/네타니아후).
_KO_INITIAL = {1: 15, 4: 16, 8: 17, 10: 9, 13: 14}
_KO_VOWEL = {18: "ㅓ", 4: "ㅓ", 1: "ㅔ", 5: "ㅔ", 2: "ㅣㅏ", 6: "ㅣㅓ", 12: "ㅣㅗ", 17: "ㅣㅜ",
             3: "ㅣㅔ", 7: "ㅣㅔ"}
_KO_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
#: Syllables that the Korean transcription of foreign words writes and Korean's own words
#: (Sino-Korean above all) barely do: an open ㅡ after a stop or sibilant (스 즈 츠 크 트 프 드
#: 브: consonant clusters), ㅡ with a final ㄴ after a stop (든 튼 픈), ㅋ ㅌ ㅍ before ㅔ or ㅐ,
#: and ㄴ before ㅑ (냐).  A pair needs one of them in one of its spellings.
_KO_FOREIGN = frozenset(
    [chr(0xAC00 + lead * 588 + 18 * 28) for lead in (3, 7, 9, 12, 14, 15, 16, 17)]
    + [chr(0xAC00 + lead * 588 + 18 * 28 + 4) for lead in (3, 7, 12, 14, 16, 17)]
    + [chr(0xAC00 + lead * 588 + v * 28) for lead in (15, 16, 17) for v in (1, 5)]
    + [chr(0xAC00 + 2 * 588 + 2 * 28)])


def korean_key(word: str) -> str:
    """One key for the Korean transcriptions of one foreign name (see :data:`_KO_INITIAL`)."""
    out: list[str] = []
    for ch in word:
        index = ord(ch) - 0xAC00
        lead, vowel, tail = index // 588, index % 588 // 28, index % 28
        lead = _KO_INITIAL.get(lead, lead)
        if lead != 11:
            out.append(chr(0x1100 + lead))
        if vowel in (4, 18) and not tail:
            out.append(_KO_VOWELS[vowel])  # open ㅓ/ㅡ: English -er/-ss, 프로세서/프로세스
        else:
            out.append(_KO_VOWEL.get(vowel, _KO_VOWELS[vowel]))
        if tail:
            out.append(chr(0x11A7 + tail))
    return "".join(out)


class KoreanTranscriptions(DocumentSpellings):
    """Collects the Hangul words of a Korean document (a particle taken off) and pairs the
    transcriptions of one foreign name that machine translation writes two ways: a tense
    consonant for an aspirated one (젤렌스키/젤렌스끼), ㅓ or ㅡ for a schwa (바이든/바이던), ㅔ or ㅐ,
    a y-vowel or ㅣ and a vowel (네타냐후/네타니아후).  Both spellings are three syllables or
    more, one of them holds a syllable of foreign transcriptions (:data:`_KO_FOREIGN`), and
    they stand near each other."""

    def feed(self, segment: Segment) -> None:
        base = self.offset
        self.offset += len(segment.text) + 1
        for m in _KO_WORD.finditer(segment.text):
            w = _KO_PARTICLES.sub("", m.group()) if len(m.group()) > 3 else m.group()
            if len(w) >= 3:
                self.add(w, segment, m.start(), base)

    def pairs(self) -> list[tuple[str, str]]:
        """The pairs of transcriptions of one name (each pair once, sorted)."""
        buckets: dict[str, list[str]] = {}
        for w in self.seen:
            buckets.setdefault(korean_key(w), []).append(w)
        found: list[tuple[str, str]] = []
        for group in buckets.values():
            if len(group) < 2:
                continue
            group.sort()
            for k, a in enumerate(group):
                for b in group[k + 1:]:
                    if any(c in _KO_FOREIGN for c in a + b) and self.rare_and_near(a, b):
                        found.append((a, b))
        return found

    def describe(self, a: str, b: str) -> str:
        return "a foreign name transcribed two ways"
