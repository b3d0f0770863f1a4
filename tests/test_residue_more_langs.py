"""Residue data (``tqcheck/data/residue.toml``) for the languages added in round 12: embed
boilerplate (TQ403), page labels (TQ410) and page furniture (TQ412) in Swedish, Danish,
Norwegian, Finnish, Hungarian, Romanian, Greek, Bulgarian, Slovak, Vietnamese, Indonesian,
Slovenian, Serbian, Croatian, Estonian, Lithuanian, Latvian and Persian.  Each language has a
positive case and fluent text with the same words that must pass."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def found(code: str, text: str, lang: str) -> set[str]:
    """What ``code`` flags, at any severity (a page notice without the source is info)."""
    report = audit_text(text, AuditOptions(lang=lang, select=(code,)))
    return {f.text.strip() for f in report.findings}


@pytest.mark.parametrize(("lang", "line"), [
    ("sv", "Visa det här inlägget på Instagram"),
    ("da", "Se dette opslag på Instagram"),
    ("no", "Vis dette innlegget på Instagram"),
    ("fi", "Katso tämä julkaisu Instagramissa"),
    ("ro", "Vezi această postare pe Instagram"),
    ("el", "Δείτε αυτή τη δημοσίευση στο Instagram"),
    ("bg", "Вижте тази публикация в Instagram"),
    ("sk", "Zobraziť tento príspevok na Instagrame"),
    ("vi", "Xem bài viết này trên Instagram"),
    ("id", "Lihat postingan ini di Instagram"),
    ("sl", "Oglejte si to objavo na Instagramu"),
    ("sr", "Погледајте ову објаву на Инстаграму"),
    ("hr", "Pogledajte ovu objavu na Instagramu"),
    ("et", "Vaata seda postitust Instagramis"),
    ("lt", "Peržiūrėkite šį įrašą „Instagram“"),
    ("lv", "Skatīt šo ziņu Instagram"),
    ("fa", "مشاهده این پست در اینستاگرام"),
])
def test_embed_boilerplate(lang: str, line: str) -> None:
    text = f"Tekst.\n\n{line}\n\nTekst."
    assert found("TQ403", text, lang) == {line.rstrip("“")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("sl", "Vlada je sprejela nov zakon.\n\nPreberite tudi: Nova pravila za voznike", "Preberite tudi"),
    ("hr", "Vlada je donijela novi zakon.\n\nPročitajte i: Nova pravila za vozače", "Pročitajte i"),
    ("et", "Valitsus võttis vastu uue seaduse.\n\nLoe ka: Uued reeglid juhtidele", "Loe ka"),
    ("lt", "Vyriausybė priėmė naują įstatymą.\n\nTaip pat skaitykite: Naujos taisyklės vairuotojams",
     "Taip pat skaitykite"),
    ("lv", "Valdība pieņēma jaunu likumu.\n\nLasi arī: Jauni noteikumi autovadītājiem", "Lasi arī"),
])
def test_page_labels(lang: str, text: str, expected: str) -> None:
    assert any(f.startswith(expected) for f in found("TQ410", text, lang))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("sv", "Samtalen avslutades.\nDela Skriv ut E-post", "Dela Skriv ut E-post"),
    ("da", "Forhandlingerne sluttede.\nDel Print Kommentarer", "Del Print Kommentarer"),
    ("fi", "Neuvottelut päättyivät.\nJaa Tulosta Kommentoi", "Jaa Tulosta Kommentoi"),
    ("hu", "A tárgyalások véget értek.\nMegosztás Nyomtatás Hozzászólások",
     "Megosztás Nyomtatás Hozzászólások"),
    ("ro", "Discuțiile s-au încheiat.\nDistribuie Printează Comentarii", "Distribuie Printează Comentarii"),
    ("el", "Οι συνομιλίες ολοκληρώθηκαν.\nΚοινοποίηση Εκτύπωση Σχόλια", "Κοινοποίηση Εκτύπωση Σχόλια"),
    ("bg", "Преговорите приключиха.\nСподели Печат Коментари", "Сподели Печат Коментари"),
    ("id", "Pembicaraan berakhir.\nBagikan Cetak Komentar", "Bagikan Cetak Komentar"),
    ("sl", "Pogovori so se končali.\nDeli Natisni Komentarji", "Deli Natisni Komentarji"),
    ("sr", "Разговори су завршени.\nПодели Штампај Коментари", "Подели Штампај Коментари"),
    ("hr", "Razgovori su završeni.\nPodijeli Ispiši Komentari", "Podijeli Ispiši Komentari"),
    ("et", "Läbirääkimised lõppesid.\nJaga Prindi Kommentaarid", "Jaga Prindi Kommentaarid"),
    ("lt", "Derybos baigėsi.\nDalintis Spausdinti Komentarai", "Dalintis Spausdinti Komentarai"),
    ("lv", "Sarunas beidzās.\nDalīties Drukāt Komentāri", "Dalīties Drukāt Komentāri"),
    ("sk", "Rokovania sa skončili.\nZdieľať Vytlačiť Komentáre", "Zdieľať Vytlačiť Komentáre"),
    ("no", "Forhandlingene ble avsluttet.\nDel Skriv ut Kommentarer", "Del Skriv ut Kommentarer"),
    # Prompts, copyright notices, credits and time stamps.
    ("sv", "Samtalen avslutades.\nVi använder cookies för att förbättra webbplatsen.",
     "Vi använder cookies för att förbättra webbplatsen."),
    ("ro", "Discuțiile s-au încheiat.\nToate drepturile rezervate.", "Toate drepturile rezervate."),
    ("lt", "Derybos baigėsi.\nAtnaujinta: 2024-03-15 10:42", "Atnaujinta: 2024-03-15 10:42"),
    ("hr", "Razgovori su završeni.\nUrednik: Ivan Horvat", "Urednik: Ivan Horvat"),
    ("vi", "Cuộc đàm phán kết thúc.\nCập nhật: 15/03/2024 10:42", "Cập nhật: 15/03/2024 10:42"),
])
def test_page_furniture(lang: str, text: str, expected: str) -> None:
    assert found("TQ412", text, lang) == {expected}


# The same words in running text, and a heading of one word, are no furniture.
@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Hon ville dela med sig av sina erfarenheter och skriva ut rapporten på Facebook."),
    ("da", "Del 1\n\nEn stor del af befolkningen bruger Facebook hver dag."),
    ("fi", "Hän halusi jakaa kokemuksensa ja tulostaa raportin."),
    ("hu", "A megosztás és a nyomtatás a menüben található."),
    ("id", "Ia ingin membagikan pengalamannya dan mencetak laporan di kantor."),
    ("lv", "Viņš gribēja dalīties pieredzē un izdrukāt ziņojumu."),
    ("vi", "Sao lưu\n\nBạn có thể chia sẻ tệp này với đồng nghiệp."),
    ("hr", "Urednik je rekao da će se zakon promijeniti sljedeće godine."),
    ("lt", "Atnaujinta sistema veikia greičiau nei anksčiau, rašoma pranešime."),
])
def test_fluent_text_is_no_furniture(lang: str, text: str) -> None:
    assert found("TQ412", text, lang) == set()
    assert found("TQ403", text, lang) == set()
