"""Write the language data files of the languages added for issue 14 (tqcheck/data/lang/<code>.toml).

    pip install babel==2.18.0 && python scripts/build_langdata.py

Weekday and month names and the decimal and group separators come from the Unicode CLDR through
Babel (CLDR data: Unicode License v3, https://www.unicode.org/license.txt; Babel: BSD-3-Clause).
Everything else below was written for tqcheck (Apache-2.0): abbreviations, legitimate doubles,
coordinators, function words, quotation marks (the CLDR delimiters, typed here because Babel does
not expose them), has_case and whether names of other scripts are romanized.  Re-running the
script overwrites the files; hand edits belong in the tables below.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "tqcheck" / "data" / "lang"

LANGS: dict[str, dict[str, Any]] = {
    "it": {
        "name": "Italian", "script": "Latin", "has_case": True, "romanized_names": True,
        "accents_distinguish_words": True,
        "abbreviations": ["sig", "sigg", "sig.ra", "dott", "dott.ssa", "prof", "ing", "avv", "on",
                       "ecc", "pag", "pagg", "art", "cap", "n", "tel", "ca", "p.es", "es", "S.p.A",
                       "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov",
                       "dic", "vol", "cfr", "d.C", "a.C"],
        "sentence_final_abbreviations": ["ecc", "etc"],
        "sentence_starters": ["Il", "Lo", "La", "I", "Gli", "Le", "Un", "Una", "Ma", "E", "In"],
        "legitimate_doubles": ["no", "sì", "molto", "piano", "pian", "via", "ciao"],
        "coordination_idioms": ["sempre più", "poco a poco", "passo dopo passo", "faccia a faccia"],
        "coordinators": ["e", "ed", "o", "oppure", "né"],
        "inflection_endings": ["", "a", "e", "i", "o"],
        "function_words": ["il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "del", "della",
                        "dei", "degli", "delle", "a", "al", "alla", "ai", "da", "dal", "in", "nel",
                        "nella", "con", "su", "sul", "per", "tra", "fra", "e", "ed", "o", "ma", "che",
                        "chi", "cui", "non", "si", "ci", "ne", "mi", "ti", "vi", "lui", "lei", "noi",
                        "voi", "loro", "è", "sono", "era", "ha", "hanno", "come", "quando", "dove",
                        "perché", "anche", "più", "molto", "questo", "questa", "quello", "quella"],
        "quotes": {"primary": ["«", "»"], "secondary": ["“", "”"], "straight_allowed": True},
    },
    "pt": {
        "name": "Portuguese", "script": "Latin", "has_case": True, "romanized_names": True,
        "accents_distinguish_words": True,
        "abbreviations": ["Sr", "Sra", "Srta", "Dr", "Dra", "Prof", "Profa", "Eng", "etc", "pág",
                       "págs", "n", "nº", "art", "cap", "tel", "av", "jan", "fev", "mar", "abr",
                       "mai", "jun", "jul", "ago", "set", "out", "nov", "dez", "p.ex", "aprox", "V.Exa",
                       "Ltda", "S.A", "a.C", "d.C"],
        "sentence_final_abbreviations": ["etc"],
        "sentence_starters": ["O", "A", "Os", "As", "Um", "Uma", "Mas", "E", "Em", "No", "Na"],
        "legitimate_doubles": ["não", "sim", "muito", "já"],
        "coordination_idioms": ["cada vez mais", "pouco a pouco", "passo a passo", "cara a cara"],
        "coordinators": ["e", "ou", "nem"],
        "inflection_endings": ["", "s", "es", "a", "as", "o", "os"],
        "function_words": ["o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos",
                        "das", "em", "no", "na", "nos", "nas", "por", "pelo", "pela", "para", "com",
                        "sem", "sobre", "entre", "e", "ou", "mas", "que", "quem", "qual", "quando",
                        "onde", "como", "porque", "não", "se", "me", "te", "lhe", "nos", "eu", "tu",
                        "ele", "ela", "nós", "eles", "elas", "você", "é", "são", "foi", "era", "há",
                        "tem", "mais", "muito", "também", "este", "esta", "esse", "essa", "isso"],
        "quotes": {"primary": ["“", "”"], "secondary": ["‘", "’"],
                "alternate": [["«", "»"]], "straight_allowed": True},
    },
    "nl": {
        "name": "Dutch", "script": "Latin", "has_case": True, "romanized_names": True,
        "abbreviations": ["dhr", "mevr", "mw", "dr", "prof", "ir", "mr", "drs", "ing", "bijv", "bv",
                       "enz", "etc", "o.a", "i.p.v", "m.b.t", "t.a.v", "d.w.z", "z.g.a.n", "nr", "blz",
                       "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov",
                       "dec", "ca", "tel", "St", "vs"],
        "sentence_final_abbreviations": ["enz", "etc"],
        "sentence_starters": ["De", "Het", "Een", "Maar", "En", "In", "Op", "Hij", "Zij", "Ze", "Wij"],
        "legitimate_doubles": ["die", "dat", "nee", "ja", "heel", "zo"],
        "coordination_idioms": ["steeds meer", "stap voor stap", "keer op keer", "hand in hand"],
        "coordinators": ["en", "of", "noch", "maar"],
        "inflection_endings": ["", "e", "en", "s", "n", "er", "ers"],
        "function_words": ["de", "het", "een", "en", "of", "maar", "dat", "die", "dit", "deze", "wat",
                        "wie", "waar", "wanneer", "hoe", "waarom", "niet", "geen", "ik", "jij", "je",
                        "hij", "zij", "ze", "wij", "we", "jullie", "u", "hem", "haar", "ons", "hun",
                        "zijn", "is", "was", "waren", "heeft", "hebben", "had", "wordt", "worden",
                        "werd", "in", "op", "aan", "van", "voor", "met", "bij", "naar", "om", "uit",
                        "over", "door", "tot", "te", "er", "ook", "nog", "al", "zo", "dan", "als"],
        "quotes": {"primary": ["‘", "’"], "secondary": ["“", "”"],
                "alternate": [["„", "”"]], "straight_allowed": True},
    },
    "pl": {
        "name": "Polish", "script": "Latin", "has_case": True, "ordinal_dot": True,
        "romanized_names": True,
        "accents_distinguish_words": True,
        "abbreviations": ["np", "itd", "itp", "tzn", "tj", "dr", "prof", "mgr", "inż", "hab", "św",
                       "ul", "al", "pl", "nr", "str", "godz", "tys", "mln", "mld", "zł", "r", "w",
                       "ok", "ds", "płk", "gen", "min", "ks", "m.in", "p.n.e", "n.e"],
        "sentence_final_abbreviations": ["itd", "itp", "r"],
        "sentence_starters": ["W", "Na", "To", "On", "Ona", "Ale", "I", "Z", "Do", "Po"],
        "legitimate_doubles": ["tak", "nie", "bardzo", "to"],
        "coordination_idioms": ["coraz bardziej", "krok po kroku", "raz po raz", "twarzą w twarz"],
        "coordinators": ["i", "oraz", "lub", "albo", "ani", "a"],
        "inflection_endings": ["", "a", "u", "owi", "em", "ie", "y", "i", "ów", "om", "ami", "ach",
                            "ego", "emu", "ą", "ę", "ej", "ym", "im", "ych", "ich"],
        "function_words": ["i", "w", "we", "na", "z", "ze", "do", "o", "od", "po", "za", "przez", "dla",
                        "przy", "pod", "nad", "między", "a", "ale", "lub", "albo", "czy", "że", "to",
                        "nie", "się", "jak", "jest", "są", "był", "była", "było", "co", "kto", "gdzie",
                        "kiedy", "dlaczego", "ten", "ta", "te", "tego", "tej", "jego", "jej", "ich",
                        "on", "ona", "ono", "oni", "one", "my", "wy", "ja", "ty", "już", "także", "też"],
        "quotes": {"primary": ["„", "”"], "secondary": ["«", "»"], "straight_allowed": True},
    },
    "uk": {
        "name": "Ukrainian", "script": "Cyrillic", "has_case": True, "romanized_names": False,
        "abbreviations": ["т.д", "т.п", "т.ч", "див", "напр", "р", "рр", "ст", "с", "тис", "млн",
                       "млрд", "грн", "вул", "пров", "м", "обл", "р-н", "проф", "д-р", "ім", "акад",
                       "н.е", "до н.е", "пп", "п", "тел", "ін", "зокр"],
        "sentence_final_abbreviations": ["т.д", "т.п", "р", "ін"],
        "sentence_starters": ["У", "В", "На", "Він", "Вона", "Вони", "Це", "Але", "І", "По", "З"],
        "legitimate_doubles": ["так", "ні", "дуже", "що"],
        "coordination_idioms": ["знову і знову", "все більше і більше", "крок за кроком"],
        "coordinators": ["і", "й", "та", "або", "чи", "а", "ні"],
        "coordination_narrowers": ["з", "із", "зі", "без", "старше", "молодше"],
        "inflection_endings": ["", "а", "я", "у", "ю", "о", "е", "і", "и", "ь", "й", "ом", "ем", "єм",
                            "ою", "ею", "єю", "ам", "ям", "ами", "ями", "ах", "ях", "ів", "їв", "ої",
                            "ій", "ий", "ого", "ому", "им", "их", "ими", "а", "ої", "ою", "у"],
        "function_words": ["і", "й", "та", "в", "у", "на", "з", "із", "зі", "до", "від", "по", "за",
                        "про", "для", "під", "над", "між", "через", "а", "але", "або", "чи", "що",
                        "як", "це", "не", "ні", "так", "він", "вона", "воно", "вони", "ми", "ви",
                        "я", "ти", "його", "її", "їх", "цей", "ця", "ці", "той", "та", "те", "вже",
                        "ще", "також", "теж", "є", "був", "була", "було", "були", "де", "коли", "хто"],
        "quotes": {"primary": ["«", "»"], "secondary": ["„", "“"],
                   "alternate": [["“", "”"]], "straight_allowed": True, "nested_only": True},
    },
    "cs": {
        "name": "Czech", "script": "Latin", "has_case": True, "ordinal_dot": True,
        "romanized_names": True,
        "accents_distinguish_words": True,
        "abbreviations": ["např", "atd", "apod", "tzv", "tj", "resp", "mj", "př", "n.l", "př.n.l",
                       "dr", "prof", "doc", "ing", "mgr", "bc", "ul", "nám", "č", "str", "tel",
                       "tis", "mil", "mld", "Kč", "sv", "gen", "pplk", "min", "r"],
        "sentence_final_abbreviations": ["atd", "apod", "r"],
        "sentence_starters": ["V", "Na", "To", "On", "Ona", "Ale", "A", "S", "Do", "Po"],
        "legitimate_doubles": ["ano", "ne", "velmi", "to"],
        "coordination_idioms": ["stále více", "krok za krokem", "znovu a znovu", "tváří v tvář"],
        "coordinators": ["a", "i", "nebo", "ani", "či"],
        "inflection_endings": ["", "a", "u", "ovi", "em", "e", "ě", "y", "i", "ů", "ům", "ami", "ách",
                            "ého", "ému", "ým", "ou", "é", "ých", "ými"],
        "function_words": ["a", "i", "v", "ve", "na", "s", "se", "z", "ze", "do", "o", "od", "po", "za",
                        "pro", "při", "pod", "nad", "mezi", "ale", "nebo", "či", "že", "to", "ne",
                        "jak", "je", "jsou", "byl", "byla", "bylo", "co", "kdo", "kde", "kdy", "proč",
                        "ten", "ta", "ty", "jeho", "její", "jejich", "on", "ona", "ono", "oni", "my",
                        "vy", "já", "ty", "už", "také", "též", "jako", "když", "aby", "který"],
        "quotes": {"primary": ["„", "“"], "secondary": ["‚", "‘"], "straight_allowed": True},
    },
    "tr": {
        "name": "Turkish", "script": "Latin", "has_case": True, "ordinal_dot": True,
        "romanized_names": True,
        "accents_distinguish_words": True,
        "suffix_apostrophe": True,
        "abbreviations": ["vb", "vs", "örn", "bkz", "Dr", "Prof", "Doç", "Av", "Yrd", "Bşk", "No",
                       "s", "sy", "Tel", "Cad", "Sok", "Mah", "Ltd", "Şti", "A.Ş", "T.C", "M.Ö",
                       "M.S", "Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki",
                       "Kas", "Ara"],
        "sentence_final_abbreviations": ["vb", "vs"],
        "sentence_starters": ["Bu", "Bir", "Ama", "Ve", "O", "Bu nedenle"],
        "legitimate_doubles": ["evet", "hayır", "çok", "yavaş", "güzel", "ayrı", "yan", "zaman"],
        "coordination_idioms": ["gitgide", "adım adım", "yüz yüze", "yavaş yavaş"],
        "coordinators": ["ve", "ile", "veya", "ya", "ama"],
        "inflection_endings": ["", "in", "ın", "un", "ün", "nin", "nın", "nun", "nün", "a", "e", "ya",
                            "ye", "i", "ı", "u", "ü", "yi", "yı", "de", "da", "te", "ta", "den", "dan",
                            "ten", "tan", "le", "la", "ler", "lar", "'in", "'ın", "'un", "'ün", "'a",
                            "'e", "'de", "'da", "'den", "'dan", "'nin", "'nın", "'ya", "'ye"],
        "function_words": ["ve", "ile", "bir", "bu", "şu", "o", "da", "de", "ki", "mi", "mı", "mu",
                        "mü", "için", "gibi", "kadar", "daha", "çok", "en", "ama", "fakat", "veya",
                        "ya", "ne", "değil", "var", "yok", "ben", "sen", "biz", "siz", "onlar", "olan",
                        "olarak", "ise", "sonra", "önce", "her", "hem", "hiç", "göre", "onun", "ona", "onu",
                        "bunu", "bunun", "şunu", "bana", "sana", "beni", "seni"],
        "quotes": {"primary": ["“", "”"], "secondary": ["‘", "’"],
                "alternate": [["«", "»"]], "straight_allowed": True},
    },
    "he": {
        "name": "Hebrew", "script": "Hebrew", "has_case": False, "romanized_names": False,
        "abbreviations": ["וכו", "וכד", "עמ", "ד\"ר", "פרופ", "מס", "רח", "ת\"א", "ארה\"ב"],
        "sentence_final_abbreviations": ["וכו", "וכד"],
        "sentence_starters": [], "legitimate_doubles": ["לא", "כן", "מאוד"],
        "coordination_idioms": ["שוב ושוב", "יותר ויותר", "צעד אחר צעד"],
        "coordinators": ["ו", "או"],
        "function_words": ["של", "את", "על", "עם", "אל", "מן", "לא", "כי", "גם", "זה", "זו", "הוא",
                        "היא", "הם", "הן", "אני", "אנחנו", "אתה", "את", "אשר", "כל", "יש", "אין",
                        "או", "אבל", "אם", "כמו", "בין", "עד", "אחרי", "לפני"],
        "quotes": {"primary": ["”", "”"], "secondary": ["’", "’"],
                "alternate": [["“", "”"], ["„", "”"]], "straight_allowed": True},
        "native_punctuation": [], "allowed_controls": ["\u200f", "\u200e"],
    },
    "fa": {
        "name": "Persian", "script": "Arabic", "has_case": False, "romanized_names": False,
        "abbreviations": ["ق.م", "ه.ق", "ه.ش", "م", "ص", "ج", "د"],
        "sentence_final_abbreviations": [], "sentence_starters": [],
        "legitimate_doubles": ["نه", "بله", "خیلی", "کم"],
        "coordination_idioms": ["کم کم", "آرام آرام", "بارها و بارها", "روز به روز"],
        "coordinators": ["و", "یا"],
        "function_words": ["و", "در", "به", "از", "که", "این", "آن", "با", "برای", "را", "تا", "هم",
                        "یا", "اما", "اگر", "چون", "نه", "است", "بود", "شد", "می", "ها", "های",
                        "من", "تو", "او", "ما", "شما", "آنها", "یک", "هر", "بر", "روی"],
        "quotes": {"primary": ["«", "»"], "secondary": ["“", "”"], "straight_allowed": True},
        "native_punctuation": ["،", "؛", "؟"], "native_digits": True,
        "allowed_controls": ["\u200c", "\u200f", "\u200d", "\u061c"],
    },
    "zh": {
        "name": "Chinese", "script": "Han", "has_case": False, "romanized_names": False,
        "abbreviations": [], "sentence_final_abbreviations": [], "sentence_starters": [],
        "legitimate_doubles": ["谢谢", "常常", "渐渐", "慢慢", "看看", "试试", "天天", "人人", "个个"],
        "coordination_idioms": [], "coordinators": ["和", "与", "及", "或"],
        "function_words": ["的", "了", "在", "是", "和", "与", "也", "就", "都", "而", "及", "或",
                        "但", "这", "那", "有", "不", "我", "你", "他", "她", "我们", "他们"],
        "quotes": {"primary": ["“", "”"], "secondary": ["‘", "’"],
                "alternate": [["「", "」"], ["『", "』"]], "straight_allowed": False},
        "native_punctuation": ["，", "。", "、", "；", "：", "？", "！", "（", "）"],
    },
    "ja": {
        "name": "Japanese", "script": "Japanese", "has_case": False, "romanized_names": False,
        "abbreviations": [], "sentence_final_abbreviations": [], "sentence_starters": [],
        "legitimate_doubles": ["色々", "時々", "人々", "どんどん", "ますます", "いろいろ", "はい"],
        "coordination_idioms": [], "coordinators": ["と", "や", "および", "または"],
        "function_words": ["の", "に", "は", "を", "た", "が", "で", "て", "と", "し", "れ", "さ",
                        "ある", "いる", "も", "する", "から", "な", "こと", "として", "い", "や",
                        "れる", "など", "なっ", "ない", "この", "ため", "その", "あっ", "よう"],
        "quotes": {"primary": ["「", "」"], "secondary": ["『", "』"], "straight_allowed": False},
        "native_punctuation": ["、", "。", "・", "？", "！", "（", "）"],
    },
    "ko": {
        "name": "Korean", "script": "Hangul", "has_case": False, "romanized_names": False,
        "abbreviations": [], "sentence_final_abbreviations": [], "sentence_starters": [],
        "legitimate_doubles": ["네", "아니요", "점점", "가끔"],
        "coordination_idioms": ["점점 더", "하나하나"], "coordinators": ["및", "또는", "그리고"],
        "function_words": ["이", "그", "저", "것", "수", "등", "및", "또는", "그리고", "하지만",
                        "그러나", "또", "더", "안", "못", "있다", "없다", "했다", "한다", "있는"],
        "quotes": {"primary": ["“", "”"], "secondary": ["‘", "’"],
                "alternate": [["「", "」"]], "straight_allowed": True},
    },
}


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(value)


def cldr(code: str) -> dict[str, Any]:
    from babel import Locale

    loc = Locale.parse(code)
    days = loc.days["format"]["wide"]
    months = loc.months["format"]["wide"]
    symbols = loc.number_symbols.get("latn", loc.number_symbols)
    return {
        "weekdays": [days[i] for i in range(7)],
        "months": [months[i] for i in range(1, 13)],
        "decimal": symbols["decimal"], "group": symbols["group"],
    }


def render(code: str, spec: dict[str, Any], data: dict[str, Any]) -> str:
    lines = [f"# {spec['name']} ({code}). Written by scripts/build_langdata.py: calendar names and",
             "# number separators from the Unicode CLDR (Unicode License v3) through Babel; the rest",
             "# written for tqcheck (Apache-2.0). Edit the script, not this file."]
    tables = {"quotes": spec["quotes"]}
    for key, value in spec.items():
        if key != "quotes":
            lines.append(f"{key} = {toml_value(value)}")
    lines.append("")
    lines.append("[quotes]")
    for key, value in tables["quotes"].items():
        lines.append(f"{key} = {toml_value(value)}")
    lines.append("")
    lines.append("[punctuation]")
    lines.append('space_before_allowed = ["%"]')
    lines.append('no_space_before = [",", ".", ";", ":", "!", "?", ")", "]", "}"]')
    lines.append("")
    lines.append("[numbers]")
    lines.append(f"decimal = {toml_value(data['decimal'])}")
    lines.append(f"group = {toml_value(data['group'])}")
    lines.append("")
    lines.append("[calendar]")
    lines.append(f"weekdays = {toml_value(data['weekdays'])}")
    lines.append(f"months = {toml_value(data['months'])}")
    return "\n".join(lines) + "\n"


def main() -> int:
    for code, spec in LANGS.items():
        (OUT / f"{code}.toml").write_text(render(code, spec, cldr(code)), encoding="utf-8")
        print(f"wrote {code}.toml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
