"""The language files of round 12 (Swedish, Danish, Norwegian, Finnish, Hungarian, Romanian,
Greek, Bulgarian, Slovak, Vietnamese, Indonesian, Slovenian, Serbian, Estonian, Lithuanian,
Latvian): each has the data the checks read, catches a
cut-off sentence, a doubled word and a number in another language's format, and leaves fluent
text with legitimate doubles, abbreviations and ordinals alone."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.langdata import load_language

#: language: (a paragraph cut off after a conjunction, a doubled word, a number in the format of
#: a language with a decimal point, fluent text with legitimate doubles, abbreviations and
#: ordinals).  Written for tqcheck.
CASES = {
    "sv": ("Regeringen presenterade i går en ny plan för skolan. Enligt ministern ska kommunerna "
           "få mer pengar och",
           "Beslutet fattades av av styrelsen i tisdags.",
           "Intäkterna steg till 1,250.50 kronor per aktie.",
           "Det det handlar om är pengar, t.ex. skatter och avgifter. Var var du i går? Mötet "
           "börjar kl. 14.30 och pågår till ca 16. Priset är 120 kr. Sedan tillkommer moms."),
    "da": ("Regeringen fremlagde i går en ny plan for skolen. Ifølge ministeren skal kommunerne "
           "have flere penge og",
           "Beslutningen blev truffet af af bestyrelsen i tirsdags.",
           "Indtægterne steg til 1,250.50 kroner per aktie.",
           "Det det handler om, er penge, f.eks. skatter og afgifter. Manden der der står, er min "
           "bror. Mødet begynder den 5. maj kl. 14.30. Prisen er 120 kr. Derefter kommer moms."),
    "nb": ("Regjeringen la i går fram en ny plan for skolen. Ifølge statsråden skal kommunene få "
           "mer penger og",
           "Vedtaket ble fattet av av styret på tirsdag.",
           "Inntektene steg til 1,250.50 kroner per aksje.",
           "Det det handler om, er penger, f.eks. skatter og avgifter. Møtet begynner 17. mai "
           "kl. 14.30. Prisen er 120 kr. Deretter kommer moms."),
    "fi": ("Hallitus esitteli eilen uuden suunnitelman kouluille. Ministerin mukaan kunnat saavat "
           "lisää rahaa ja",
           "Päätöksen teki teki hallitus tiistaina.",
           "Tulot nousivat 1,250.50 euroon osaketta kohden.",
           "Kokous alkaa 3. kesäkuuta klo 14.30. Mukana on mm. kuntien edustajia, esim. "
           "pormestareita. Joo joo, tiedän sen jo."),
    "hu": ("A kormány tegnap új tervet mutatott be az iskolák számára. A miniszter szerint az "
           "önkormányzatok több pénzt kapnak és",
           "A döntést a a testület hozta meg kedden.",
           "A bevétel 1,250.50 forintra nőtt részvényenként.",
           "Az az ember, aki tegnap itt volt, ma is eljött. A verseny 2024. március 15-én "
           "kezdődik, pl. futással és úszással. Kb. ezer ember vett részt, ill. még többen."),
    "ro": ("Guvernul a prezentat ieri un nou plan pentru școli. Potrivit ministrului, primăriile "
           "vor primi mai mulți bani și",
           "Decizia a fost luată de de consiliu marți.",
           "Veniturile au crescut la 1,250.50 lei pe acțiune.",
           "Da, da, am înțeles. Dl. Popescu a sosit la ora 14.30, împreună cu dna. Ionescu. Am "
           "cumpărat mere, pere etc. Apoi am plecat acasă. Încet încet, lucrurile se schimbă."),
    "el": ("Η κυβέρνηση παρουσίασε χθες ένα νέο σχέδιο για τα σχολεία. Σύμφωνα με τον υπουργό, οι "
           "δήμοι θα λάβουν περισσότερα χρήματα και",
           "Η απόφαση ελήφθη από από το συμβούλιο την Τρίτη.",
           "Τα έσοδα αυξήθηκαν σε 1,250.50 ευρώ ανά μετοχή.",
           "Ο πατέρας του του είπε να περιμένει. Σιγά σιγά όλα θα φτιάξουν. Η συνάντηση θα γίνει "
           "π.χ. την Τρίτη, στις 10 π.μ. Ο προϋπολογισμός είναι 4,2 εκατ. ευρώ. Τα στιγμιότυπα "
           "και τα στιγμιότυπα οθόνης είναι αρχεία."),
    "bg": ("Правителството представи вчера нов план за училищата. Според министъра общините ще "
           "получат повече пари и",
           "Решението беше взето от от съвета във вторник.",
           "Приходите нараснаха до 1,250.50 лева на акция.",
           "И и двамата дойдоха навреме. Срещата е на 5 май 2024 г. в София. Купихме хляб, мляко "
           "и др. После се прибрахме. Проф. Иванов говори, т.е. изнесе лекция."),
    "sk": ("Vláda včera predstavila nový plán pre školy. Podľa ministra dostanú obce viac "
           "peňazí a",
           "Rozhodnutie prijala prijala rada v utorok.",
           "Príjmy vzrástli na 1,250.50 eura na akciu.",
           "Ty si si to kúpil sám. Stretnutie sa koná 5. mája o 14.30 h, napr. v zasadačke. "
           "Prišli Ing. Novák, Mgr. Kováčová atď. Potom sme odišli."),
    "vi": ("Chính phủ hôm qua đã công bố kế hoạch mới cho các trường học. Theo bộ trưởng, các địa "
           "phương sẽ nhận thêm kinh phí và",
           "Quyết định được được hội đồng thông qua vào thứ Ba.",
           "Doanh thu tăng lên 1,250.50 đồng mỗi cổ phiếu.",
           "Dần dần mọi thứ sẽ tốt hơn. Chúng tôi sẽ mãi mãi ghi nhớ điều này. Cuộc họp diễn ra "
           "tại TP. Hồ Chí Minh với sự tham dự của PGS.TS Nguyễn Văn An."),
    "id": ("Pemerintah kemarin memperkenalkan rencana baru untuk sekolah. Menurut menteri, "
           "pemerintah daerah akan menerima lebih banyak dana dan",
           "Keputusan itu diambil oleh oleh dewan pada hari Selasa.",
           "Pendapatan naik menjadi 1,250.50 rupiah per saham.",
           "Rapat dihadiri oleh gubernur, bupati, dll. Kemudian acara ditutup. Ya ya, saya "
           "mengerti. Kantornya di Jl. Sudirman No. 5, Jakarta."),
    "sl": ("Vlada je včeraj predstavila nov načrt za šole. Po besedah ministra bodo občine dobile "
           "več denarja in",
           "Odločitev je sprejel sprejel svet v torek.",
           "Prihodki so se povečali na 1,250.50 evra na delnico.",
           "Sestanek bo 5. maja, npr. v sejni sobi. Prišli so dr. Novak, prof. Kranjc itd. Potem "
           "smo odšli. Ja ja, razumem."),
    "sr": ("Влада је јуче представила нови план за школе. Према речима министра, општине ће "
           "добити више новца и",
           "Одлуку је донео донео савет у уторак.",
           "Приходи су порасли на 1,250.50 динара по акцији.",
           "Састанак ће бити одржан 5. маја, нпр. у сали. Дошли су др Петровић, проф. Јовановић "
           "итд. Онда смо отишли."),
    "et": ("Valitsus tutvustas eile koolide uut kava. Ministri sõnul saavad omavalitsused rohkem "
           "raha ja",
           "Otsuse tegi tegi nõukogu teisipäeval.",
           "Tulud kasvasid 1,250.50 euroni aktsia kohta.",
           "Koosolek toimub 5. mail, nt koosolekuruumis. Osalesid linnapea, volikogu liikmed jt. "
           "Seejärel lahkusime. Jah jah, saan aru."),
    "lt": ("Vyriausybė vakar pristatė naują mokyklų planą. Pasak ministro, savivaldybės gaus "
           "daugiau pinigų ir",
           "Sprendimą priėmė priėmė taryba antradienį.",
           "Pajamos išaugo iki 1,250.50 euro už akciją.",
           "Susitikimas vyks 2024 m. gegužės 5 d. Jame dalyvaus meras, tarybos nariai ir kt. "
           "Vėliau visi išvyko. Taip taip, suprantu."),
    "lv": ("Valdība vakar iepazīstināja ar jaunu skolu plānu. Pēc ministra teiktā, pašvaldības "
           "saņems vairāk naudas un",
           "Lēmumu pieņēma pieņēma padome otrdien.",
           "Ieņēmumi pieauga līdz 1,250.50 eiro par akciju.",
           "Sanāksme notiks 2024. gada 15. martā, piem. zālē. Piedalījās mērs, deputāti u.c. "
           "Pēc tam visi aizgāja. Jā jā, saprotu."),
}

_CHECKS = ("TQ1", "TQ2", "TQ3")


def _codes(text: str, lang: str) -> list[str]:
    return [f.code for f in audit_text(text, AuditOptions(lang=lang, select=_CHECKS)).findings]


@pytest.mark.parametrize("lang", sorted(CASES))
def test_the_language_has_data(lang: str) -> None:
    data = load_language(lang)
    assert data.known
    assert data.get("quotes", "primary") and len(data.get("quotes", "primary")) == 2
    for key in ("abbreviations", "legitimate_doubles", "coordinators", "function_words"):
        assert data.words(key), key
    assert len(data.get("calendar", "weekdays")) == 7
    assert len(data.get("calendar", "months")) == 12
    assert data.get("numbers", "decimal") == ","


@pytest.mark.parametrize("lang", sorted(CASES))
def test_a_cut_off_sentence_is_found(lang: str) -> None:
    assert "TQ205" in _codes(CASES[lang][0], lang)


@pytest.mark.parametrize("lang", sorted(CASES))
def test_a_doubled_word_is_found(lang: str) -> None:
    assert "TQ101" in _codes(CASES[lang][1], lang)


@pytest.mark.parametrize("lang", sorted(CASES))
def test_a_number_in_another_format_is_found(lang: str) -> None:
    assert "TQ308" in _codes(CASES[lang][2], lang)


@pytest.mark.parametrize("lang", sorted(CASES))
def test_fluent_text_stays_clean(lang: str) -> None:
    # Legitimate doubles ("Det det handlar om", "ο πατέρας του του είπε", "Az az ember"),
    # abbreviations ("t.ex.", "TP. Hồ Chí Minh") and ordinals ("5. maj", "2024. március").
    assert _codes(CASES[lang][3], lang) == []


@pytest.mark.parametrize("lang", sorted(CASES))
def test_the_language_is_not_said_to_lack_data(lang: str) -> None:
    report = audit_text(CASES[lang][3], AuditOptions(lang=lang))
    assert not [n for n in report.notes if "no language data" in n]


def test_an_abbreviation_ends_no_sentence_but_a_final_one_may() -> None:
    from tqcheck.segment import split_spans

    sv = load_language("sv")
    text = "Vi köpte t.ex. mjölk. Det kostar 120 kr. Sedan gick vi hem."
    assert [text[s:e] for s, e in split_spans(text, sv)] == [
        "Vi köpte t.ex. mjölk.", "Det kostar 120 kr.", "Sedan gick vi hem."]
    hu = load_language("hu")
    text = "A verseny 2024. március 15-én kezdődik. Utána pihenünk."
    assert len(split_spans(text, hu)) == 2


def test_a_swedish_closing_mark_opens_too() -> None:
    # Swedish and Finnish write ”…” (one mark at both ends): no stray closing mark (TQ301).
    assert _codes("Han sa ”hej” och gick. Hon svarade ”adjö”.", "sv") == []
    assert _codes("Hän sanoi ”hei” ja lähti.", "fi") == []


def test_hungarian_low_high_quotes_pair() -> None:
    assert _codes("A gomb felirata „Lásd még” lett, a másiké „Mégse”.", "hu") == []


@pytest.mark.parametrize("lang", ["nb", "nn", "no", "sv", "da"])
def test_a_word_doubled_with_a_hyphen_is_a_source_reduplication(lang: str) -> None:
    # Norwegian is read as "no" whatever the code says (nb, nn): its row must be keyed so.
    report = audit_text("De besøkte landet-landet i regionen.", AuditOptions(lang=lang))
    assert [(f.code, f.text) for f in report.findings] == [("TQ101", "landet-landet")]



#: A reason split off its sentence (TQ201, info) and fluent text with the same opener leading a
#: clause before its main one, or a main-clause idiom of the same word ("Karena itu", "Vì vậy").
_FRAGMENTS = {
    "sk": ("Vláda včera predstavila nový plán pre školy. Pretože rozpočet mesta nestačil.",
           "Vláda včera predstavila nový plán. Pretože rozpočet nestačil, obce dostanú viac peňazí."),
    "hr": ("Vlada je jučer predstavila novi plan za škole. Budući da gradski proračun nije bio dovoljan.",
           "Vlada je jučer predstavila novi plan. Iako proračun nije dovoljan, općine će dobiti više novca."),
    "sr": ("Влада је јуче представила нови план за школе. Пошто градски буџет није био довољан.",
           "Vlada je juče predstavila novi plan. Iako budžet nije dovoljan, opštine će dobiti više novca."),
    "sl": ("Vlada je včeraj predstavila nov načrt za šole. Ker mestni proračun ni zadoščal.",
           "Vlada je včeraj predstavila nov načrt. Čeprav proračun ne zadošča, bodo občine dobile več "
           "denarja."),
    "et": ("Valitsus tutvustas eile uut koolide kava. Sest linna eelarve ei olnud piisav.",
           "Valitsus tutvustas eile uut kava. Kuigi eelarve ei ole piisav, saavad vallad rohkem raha."),
    "lt": ("Vyriausybė vakar pristatė naują mokyklų planą. Nes miesto biudžeto nepakako.",
           "Vyriausybė vakar pristatė naują planą. Nors biudžeto nepakanka, savivaldybės gaus daugiau "
           "pinigų."),
    "lv": ("Valdība vakar iepazīstināja ar jaunu skolu plānu. Jo pilsētas budžets nebija pietiekams.",
           "Valdība vakar iepazīstināja ar jaunu plānu. Lai gan budžets nav pietiekams, pašvaldības saņems "
           "vairāk naudas."),
    "id": ("Pemerintah kemarin memperkenalkan rencana baru untuk sekolah. Karena anggaran kota tidak "
           "mencukupi.",
           "Pemerintah kemarin memperkenalkan rencana baru. Karena itu kota mendapat lebih banyak dana. "
           "Yang penting semua sekolah dibuka kembali."),
    "vi": ("Chính phủ hôm qua đã giới thiệu kế hoạch mới cho các trường học. Vì ngân sách thành phố không "
           "đủ.",
           "Chính phủ hôm qua đã giới thiệu kế hoạch mới. Vì vậy các trường sẽ nhận thêm tiền. Tuy nhiên "
           "ngân sách vẫn thiếu."),
}


@pytest.mark.parametrize("lang", sorted(_FRAGMENTS))
def test_a_subordinate_clause_split_off_is_a_fragment(lang: str) -> None:
    fragment, fluent = _FRAGMENTS[lang]
    found = audit_text(fragment, AuditOptions(lang=lang, select=("TQ201",))).findings
    assert [(f.code, f.severity.value) for f in found] == [("TQ201", "info")]
    assert fragment.endswith(found[0].text)
    assert list(audit_text(fluent, AuditOptions(lang=lang)).findings) == []
