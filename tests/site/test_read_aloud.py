"""语音阅读 with the browser's speech synthesis, stubbed so that the tests hear what it would say: the controls on a
clause page read its plain-language part and its original text, and each result card of the self-check reads the
card in order (title, status, amount, the conditions with the words for ✓ ✗ ?, next step), sentence by sentence,
in a Chinese voice of the device; pause, resume and stop; one reading at a time, stopped when the page changes;
the controls are hidden where no such voice exists (in this headless Chromium too)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from display_modes import with_results
from sitebuild.model import Notice

MANDARIN = {"name": "普通话（中国大陆）", "lang": "zh-CN", "localService": True, "default": False}
CANTONESE = {"name": "粤語（香港）", "lang": "zh-HK", "localService": True, "default": True}
ENGLISH = {"name": "English", "lang": "en-US", "localService": True, "default": True}
ONLINE_MANDARIN = {"name": "Online 普通话", "lang": "zh-CN", "localService": False, "default": False}
LONGEST = 120

# A speechSynthesis that speaks to a list: every call is recorded in window.speech.calls, every utterance kept in
# window.speech.utterances; `window.speech.setVoices(list)` changes the voices and fires voiceschanged.
STUB = """(voices => {
    const speech = {calls: [], utterances: []};
    class Synthesis extends EventTarget {
        getVoices() { return voices; }
        speak(utterance) {
            speech.calls.push({call: 'speak', text: utterance.text, lang: utterance.lang, voice: utterance.voice.name});
            speech.utterances.push(utterance);
        }
        cancel() { speech.calls.push({call: 'cancel'}); }
        pause() { speech.calls.push({call: 'pause'}); }
        resume() { speech.calls.push({call: 'resume'}); }
        get onvoiceschanged() { return null; }
        set onvoiceschanged(handler) {}
    }
    const synthesis = new Synthesis();
    speech.setVoices = list => { voices = list; synthesis.dispatchEvent(new Event('voiceschanged')); };
    Object.defineProperty(window, 'speechSynthesis', {value: synthesis, configurable: true});
    window.SpeechSynthesisUtterance = class extends EventTarget {
        constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null; }
    };
    window.speech = speech;
})(VOICES)"""


@pytest.fixture
def speaking_page(open_page):
    """Open a page in a browser that has these voices (a stubbed speechSynthesis)."""
    return lambda url_path, voices: open_page(url_path, init_script=STUB.replace("VOICES", json.dumps(voices)))


def spoken(page: Page) -> list[str]:
    return [call["text"] for call in page.evaluate("window.speech.calls") if call["call"] == "speak"]


def calls(page: Page) -> list[str]:
    return [call["call"] for call in page.evaluate("window.speech.calls")]


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_in_order(pieces: list[str], text: str) -> None:
    """Each piece is in `text`, after the one before it."""
    position, text = 0, _squeezed(text)
    for piece in pieces:
        found = text.find(_squeezed(piece), position)
        assert found >= 0, f"{piece!r} not heard (after position {position})"
        position = found + len(_squeezed(piece))


def test_a_clause_page_reads_its_plain_language_part_and_its_original(notice: Notice, speaking_page) -> None:
    page = speaking_page("clauses/c01/", [ENGLISH, CANTONESE, MANDARIN])
    part = next(part for part in notice.parts if part.id == "c01")
    plain, original = page.locator(".read-aloud").nth(0), page.locator(".read-aloud").nth(1)
    expect(plain.get_by_role("button", name="朗读通俗解读")).to_be_visible()
    expect(plain.get_by_role("button", name="停止")).to_be_hidden()

    plain.get_by_role("button", name="朗读通俗解读").click()
    heard = spoken(page)
    view = part.explanation.plain
    assert_in_order(["一句话", view.one_line.text] + [
        piece for _, heading, lines in view.blocks for piece in [heading, *(line.text for line in lines)]
    ], "".join(heard))
    assert "第1句" not in "".join(heard), "the links to sources are not read"
    assert {call["voice"] for call in page.evaluate("window.speech.calls") if call["call"] == "speak"} == {
        MANDARIN["name"]}, "Mandarin of the mainland is preferred"

    page.evaluate("window.speech.calls = []")
    original.get_by_role("button", name="朗读原文").click()
    assert calls(page)[0] == "cancel", "the plain-language reading stops first"
    expect(plain.get_by_role("button", name="朗读通俗解读")).to_be_visible()
    heard = spoken(page)
    assert _squeezed("".join(heard)) == _squeezed(part.label + part.heading + "".join(s.text for s in part.sentences))
    assert max(map(len, heard)) <= LONGEST and len(heard) > len(part.sentences), "long sentences are cut at commas"


def test_pause_resume_stop_and_the_end_of_a_reading(speaking_page) -> None:
    page = speaking_page("clauses/c01/", [MANDARIN])
    controls = page.locator(".read-aloud").first
    play, stop = controls.locator(".read-aloud-play"), controls.get_by_role("button", name="停止")
    play.click()
    expect(play).to_have_text("暂停")
    play.click()
    expect(play).to_have_text("继续")
    play.click()
    expect(play).to_have_text("暂停")
    stop.click()
    assert calls(page)[-4:] == ["speak", "pause", "resume", "cancel"]
    expect(play).to_have_text("朗读通俗解读")
    expect(stop).to_be_hidden()
    expect(play).to_be_focused()  # the keyboard stays in place when 停止 goes away

    play.click()
    page.evaluate("window.speech.utterances.at(-1).dispatchEvent(new Event('end'))")  # the last sentence is read
    expect(play).to_have_text("朗读通俗解读")


def test_a_reading_stops_when_the_page_changes(speaking_page) -> None:
    page = speaking_page("clauses/c01/", [MANDARIN])
    page.locator(".read-aloud-play").first.click()
    page.evaluate("window.speech.calls = []")
    page.locator(".md-footer__link--next").click()  # Material's instant navigation
    page.wait_for_url("**/clauses/c02/")
    page.locator("#c02-1").wait_for()
    assert calls(page) == ["cancel"]


@pytest.mark.parametrize(
    "voices", [[], [ENGLISH], [ONLINE_MANDARIN]], ids=["no voice", "no Chinese voice", "only a network voice"]
)
def test_the_controls_are_hidden_without_a_chinese_voice_on_the_device(voices: list[dict], speaking_page) -> None:
    page = speaking_page("clauses/c01/", voices)
    expect(page.locator(".read-aloud").first).to_be_hidden()
    page.evaluate("voices => window.speech.setVoices(voices)", [*voices, MANDARIN])  # the browser loads its voices
    expect(page.locator(".read-aloud").first).to_be_visible()
    page.evaluate("voices => window.speech.setVoices(voices)", voices)
    expect(page.locator(".read-aloud").first).to_be_hidden()


def test_this_browser_has_no_chinese_voice_so_it_shows_no_control(open_page) -> None:
    page = open_page("clauses/c01/")
    assert page.evaluate("() => speechSynthesis.getVoices().filter(v => v.lang.startsWith('zh')).length") == 0
    expect(page.locator(".read-aloud").first).to_be_hidden()


def test_a_result_card_is_read_in_order_with_words_for_its_marks(speaking_page) -> None:
    page = with_results(speaking_page("self-check/", [MANDARIN]))
    card = page.locator("#sc-results .sc-card").filter(has=page.locator(".sc-amount")).first
    title = card.locator(".sc-card-title").inner_text()
    status = card.locator("[data-slot=status-label]").inner_text()
    amount = card.locator(".sc-amount p").first.inner_text()
    conditions = card.locator(".sc-condition").evaluate_all(
        """items => items.map(item => item.querySelector('.sc-visually-hidden').textContent
                                      + item.querySelector('[data-slot=text]').textContent)""")
    next_step = card.locator(".sc-next").inner_text()
    card.get_by_role("button", name="朗读这项结果").click()

    heard = spoken(page)
    assert heard[:2] == [title, status]
    assert_in_order([amount, *conditions, next_step], "".join(heard))
    assert conditions and all(re.match(r"(符合|不符合|尚不确定)：", condition) for condition in conditions)
    assert not re.search(r"[✓✗?◎○■]|见原文|政策依据", "".join(heard)), "marks and sources are not read"
    assert max(map(len, heard)) <= LONGEST

    page.evaluate("window.speech.calls = []")  # the visitor changes an answer: the card is drawn anew
    page.check("#sc-field-employment_status input[value=employed_enterprise]")
    page.wait_for_selector("#sc-results:not([aria-busy])")
    page.evaluate("window.speech.utterances.at(-1).dispatchEvent(new Event('start'))")
    assert calls(page) == ["cancel"], "a card that is no longer shown is no longer read"
