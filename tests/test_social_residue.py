"""Social posts and literary dialogue: residue codes (TQ401, TQ404, TQ306, TQ409) and TQ204, with
and without the source in view."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import target_and_source
from tqcheck.audit import AuditOptions, audit, audit_text
from tqcheck.model import Finding


def _found(code: str, text: str, lang: str = "en") -> list[tuple[str, str]]:
    # The residue checks together: TQ406 and TQ404 read the embed residue TQ401-TQ403 find.
    select = ("TQ401", "TQ402", "TQ403", code)
    report = audit_text(text, AuditOptions(select=select, lang=lang, format_in="text"))
    return [(f.text, f.severity.value) for f in report.findings if f.code == code]


def _serious(code: str, text: str, lang: str = "en") -> list[str]:
    return [t for t, sev in _found(code, text, lang) if sev != "info"]


def _with_source(tmp_path: Path, code: str, target: str, source: str, lang: str = "en",
                 source_lang: str = "de") -> list[Finding]:
    tgt, features = target_and_source(tmp_path, target, source)
    options = AuditOptions(select=(code,), lang=lang, source_lang=source_lang, features=features)
    return [f for f in audit([tgt], options, jobs=1).findings if f.code == code]


# --- TQ204: a speaker tag after a closing quote is dialogue ----------------------------------

@pytest.mark.must_pass("TQ204")
@pytest.mark.parametrize(("lang", "text"), [
    ("de", '„Wir gehen jetzt nach Hause." fragte sie leise.'),
    ("de", '"Arizonas Wahlmänner dürfen nicht betrügerisch vergeben werden." twitterte der Senator.'),
    ("cs", 'Arizonští voliči nesmí být oceněni podvodně." napsal senátor v červenci na twitteru.'),
    ("fr", '« Nous partons maintenant. » demanda-t-il à voix basse.'),
    ("es", '"Nos vamos ahora mismo." dijo ella en voz baja.'),
    ("it", '"Adesso andiamo a casa." disse lei sottovoce.'),
    ("pt", '"Agora vamos para casa." disse ela baixinho.'),
    ("nl", '"We gaan nu naar huis." zei ze zachtjes.'),
    ("pl", '"Teraz idziemy do domu." powiedziała cicho.'),
    ("ru", '"Сейчас мы пойдём домой." сказала она тихо.'),
    ("uk", '"Зараз ми підемо додому." сказала вона тихо.'),
    ("en", '"We are going home now." she shrugged.'),
])
def test_a_speaker_tag_after_a_closing_quote_is_dialogue(lang: str, text: str) -> None:
    assert _serious("TQ204", text, lang) == []


@pytest.mark.must_flag("TQ204")
@pytest.mark.parametrize(("lang", "text", "tail"), [
    ("en", 'Expressing his hope that "the meeting will pave the way." permanent cease-fire.',
     "permanent cease-fire."),
    ("en", 'The mayor said, "It is delicious." i', "i"),  # debris: one letter, no tag
    ("de", 'Er hoffe, dass "das Treffen den Weg ebnen wird." dauerhafte Waffenruhe.',
     "dauerhafte Waffenruhe."),
])
def test_words_stranded_after_a_closing_quote_are_still_flagged(lang: str, text: str,
                                                                 tail: str) -> None:
    assert _serious("TQ204", text, lang) == [tail]


def test_a_tail_the_source_tags_after_its_quote_is_info(tmp_path: Path) -> None:
    # The source puts its speaker tag after the quotation; the translation keeps the order.
    target = '"Fine." the old man growled.\n'
    source = '„Gut", knurrte der alte Mann.\n'
    found = _with_source(tmp_path, "TQ204", target, source)
    assert [f.severity.value for f in found] == ["info"]
    assert "speaker tag" in found[0].message
    # An agency credit the source has too.
    found = _with_source(tmp_path, "TQ204", 'He is on tour with "Guten Tag." dpa\n',
                         'Er ist mit "Guten Tag" auf Tour. dpa\n')
    assert [f.severity.value for f in found] == ["info"]


def test_a_caseless_source_is_no_evidence_of_a_tag(tmp_path: Path) -> None:
    # 「…」と話した: the particle after the quote is grammar; the "i" after the English quote is
    # debris.
    found = _with_source(tmp_path, "TQ204", 'The mayor said, "It is delicious." i\n',
                         "市長は「おいしい」と話した。\n", source_lang="ja")
    assert [f.severity.value for f in found] == ["warning"]



def test_strings_of_a_translation_file_quote_values_not_speech(tmp_path: Path) -> None:
    # A man page's option: a quoted value, then the sentence goes on in lowercase.
    msgstr = 'Ist die Option auf „ja.“ gesetzt und der Dienst läuft, wird neu geladen.'
    po = tmp_path / "de.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  '"Language: de\\n"\n\n'
                  'msgid "If the option is set to \\"yes.\\" and the service runs, it reloads."\n'
                  f'msgstr "{msgstr}"\n', encoding="utf-8")
    options = AuditOptions(select=("TQ204",), lang="de")
    assert [f.code for f in audit([po], options, jobs=1).findings] == []
    # The same words as prose are a stranded tail.
    assert _serious("TQ204", msgstr, "de") == ["gesetzt und der Dienst läuft, wird neu geladen."]

# --- TQ401: links the source has, links people share -----------------------------------------

def test_a_link_the_source_has_is_info(tmp_path: Path) -> None:
    target = "New video is out! https://youtu.be/AbC123xyz\n"
    source = "Neues Video ist da! youtu.be/AbC123xyz\n"
    found = _with_source(tmp_path, "TQ401", target, source)
    assert [f.severity.value for f in found] == ["info"]
    assert "the source has this link too" in found[0].message
    assert found[0].fix is None  # deleting it would drop what the source says


def test_an_embed_link_the_source_lacks_is_still_an_error(tmp_path: Path) -> None:
    found = _with_source(tmp_path, "TQ401", "Talks resumed. pic.twitter.com/mj6oKBfkoW\n",
                         "Die Gespräche gingen weiter.\n")
    assert [f.severity.value for f in found] == ["error"]


def test_a_shared_short_link_without_embed_residue_is_info() -> None:
    assert _found("TQ401", "Watch the whole set here: youtu.be/AbC123xyz") == [
        ("youtu.be/AbC123xyz", "info")]


@pytest.mark.must_flag("TQ401")
def test_a_short_link_beside_embed_residue_is_an_error() -> None:
    text = ("The minister replied on Twitter. https://t.co/Xy12AbCd pic.twitter.com/mj6oKBfkoW\n"
            "— Russia in Arabic (@Russia_AR) March 7, 2022")
    assert [sev for _, sev in _found("TQ401", text)] == ["error", "error"]


# --- TQ404: placeholders, posts, the source's own hashtags ------------------------------------

@pytest.mark.must_pass("TQ404")
@pytest.mark.parametrize("text", [
    "Please contact #PRS_ORG# about your order #NUMBER#.",
    "Hello #NAME#, your order #ALPHANUMERIC -ID# has shipped.",
    "Bonjour #NOM#, voici le suivi #Prs_org#.",
    "Order from #PRS_ORG and pay later.",
    "Choose your fabric from #Product4#, #Product5#, and #Product6#",
])
def test_a_placeholder_between_hash_signs_is_no_hashtag(text: str) -> None:
    assert _found("TQ404", text) == []


def test_a_hashtag_in_a_post_of_its_own_is_info() -> None:
    assert _found("TQ404", "Sooo proud of our team today 😍 #World_Cup") == [
        ("#World_Cup", "info")]


@pytest.mark.must_flag("TQ404")
def test_a_hashtag_in_an_article_is_still_a_warning() -> None:
    assert _serious("TQ404", "Russian Foreign Minister #Sergey_Lavrov met his counterpart.") == [
        "#Sergey_Lavrov"]


def test_a_hashtag_the_source_has_translated_is_info(tmp_path: Path) -> None:
    found = _with_source(tmp_path, "TQ404", "Minister #Sergey_Lavrov arrived.\n",
                         "Прибыл министр #Сергей_Лавров.\n", source_lang="ru")
    assert [f.severity.value for f in found] == ["info"]
    assert "hashtags too" in found[0].message


# --- TQ306: a zero-width space at the edge of a line ------------------------------------------

@pytest.mark.parametrize("text", [
    "\u200bPlease take care of yourselves, the film is hard to bear.",
    "Can be fed to all dogs regardless of age.\u200b",
    "• \u2060Sie tun gut daran, die Sache selbst in die Hand zu nehmen.",
])
def test_a_zero_width_space_at_the_edge_of_a_line_is_info(text: str) -> None:
    assert [sev for _, sev in _found("TQ306", text)] == ["info"]


@pytest.mark.must_flag("TQ306")
def test_a_bidi_mark_at_the_start_of_a_line_is_still_an_error() -> None:
    assert _serious("TQ306", "\u200fKuleba said the talks failed.") == ["\u200f"]


# --- TQ409: markup without the source in view ------------------------------------------------

def test_markdown_without_the_source_is_info() -> None:
    text = "The **Enterprise-D** of *The Next Generation* had **three** shuttlebays."
    assert [sev for _, sev in _found("TQ409", text)] == ["info", "info"]


@pytest.mark.must_flag("TQ409")
def test_a_stray_closing_tag_without_the_source_is_still_a_warning() -> None:
    assert _serious("TQ409", "Unohtuiko salasana?</strong> Jos ongelma jatkuu, ota yhteyttä.",
                    "fi") == ["</strong>"]


def test_markdown_the_source_lacks_is_a_warning(tmp_path: Path) -> None:
    found = _with_source(tmp_path, "TQ409", "The **Enterprise-D** had three shuttlebays.\n",
                         "Die Enterprise-D hatte drei Shuttlebuchten.\n")
    assert [f.severity.value for f in found] == ["warning"]


# --- TQ406: embed residue counts where it stands, not a whole file away ------------------------

def test_an_emoji_far_from_embed_residue_is_info_without_the_source() -> None:
    lines = ["(Apple Daily photo.) pic.twitter.com/UxID9ZGjzm"]
    lines += [f"Paragraph {n} of another story, plain prose." for n in range(10)]
    lines += ["By 19:06 it's been 2 hours since the order was placed 😅"]
    assert _found("TQ406", "\n\n".join(lines)) == [("😅", "info")]


@pytest.mark.must_flag("TQ406")
def test_an_emoji_beside_embed_residue_is_a_warning_without_the_source() -> None:
    text = ("⚡️ Based on an agreement the talks will take place on March 10.\n\n"
            "pic.twitter.com/mj6oKBfkoW\n\n— Russia in Arabic (@Russia_AR) March 7, 2022")
    assert _serious("TQ406", text) == ["⚡️"]


@pytest.mark.must_pass("TQ409")
def test_words_in_angle_brackets_are_no_element() -> None:
    assert _found("TQ409", '<A note of eating> "Hakobune" serves seasonal fish.') == []


@pytest.mark.must_flag("TQ409")
def test_an_element_with_attributes_is_still_markup() -> None:
    assert _serious("TQ409", 'Read the report <a href="https://example.org"> online.') == [
        '<a href="https://example.org">']


@pytest.mark.must_pass("TQ403")
def test_embed_widget_words_in_an_interface_catalogue_are_its_strings(tmp_path: Path) -> None:
    # Shipped catalogues hold "Copy link" and "This content is not available in your country"
    # as buttons and messages of the program (l10n-wild: a JSON locale, an Android resource).
    catalogue = tmp_path / "en.json"
    catalogue.write_text('{"share": {"copy": "Copy link", "blocked": "This content is not '
                         'available in your country"}}', encoding="utf-8")
    report = audit([catalogue], AuditOptions(lang="en", select=("TQ403",)), jobs=1)
    assert not report.findings
    prose = tmp_path / "article.txt"
    prose.write_text("The video was removed.\n\nThis content is not available in your country\n",
                     encoding="utf-8")
    report = audit([prose], AuditOptions(lang="en", select=("TQ403",)), jobs=1)
    assert [f.code for f in report.findings] == ["TQ403"]


@pytest.mark.parametrize(("lang", "closes"), [
    # Their primary marks are „…“ (a language file's [quotes], or quote_norms.toml without one).
    ("de", True), ("sk", True), ("lt", True), ("is", True), ("mk", True),
    # “ opens their quotations („…” or “…”).
    ("pl", False), ("ro", False), ("hu", False), ("da", False), ("en", False),
])
def test_the_high_mark_closes_a_quotation_where_the_data_says_so(lang: str, closes: bool) -> None:
    text = "Er sagte „das ist gut.“ dauerhafte Waffenruhe."
    assert _serious("TQ204", text, lang) == (["dauerhafte Waffenruhe."] if closes else [])
