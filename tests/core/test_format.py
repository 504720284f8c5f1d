"""Unit tests of the parser and writer, one or more per edge case of FORMAT.md sections 1-7."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reviewer.core.errors import FormatError, ReviewerError, TargetRejected
from reviewer.core.fileio import load_document
from reviewer.core.format import (
    Document,
    FrontMatterField,
    Pair,
    RawChunk,
    check_target,
    parse,
    parse_text,
)
from reviewer.core.format.diagnostics import _contains_quot
from reviewer.core.format.scan import pairs_fast
from tests.strategies import (
    SourceRow,
    assert_document_consistent,
    assert_fast_path_matches_stepwise,
    assert_warnings_match_reference,
    corpus_bytes,
    expected_splice,
    source_rows,
)


def doc_of(name: str) -> Document:
    doc = parse(corpus_bytes(name), name)
    assert_document_consistent(doc)
    return doc


def pair(pair_id: str, target: str = "T", source: str = "S") -> str:
    return (
        f'<span data-ttu-id="{pair_id}">{target}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{pair_id}">{source}</span></span>'
    )


def roundtrips(data: bytes) -> Document:
    doc = parse(data, "made-up.md")
    assert doc.serialize() == data
    assert_document_consistent(doc)
    assert_fast_path_matches_stepwise(doc.text)
    assert_warnings_match_reference(doc)
    return doc


# -- corpus pair counts -----------------------------------------------------------------------


@pytest.mark.parametrize("row", source_rows(), ids=lambda r: r.name)
def test_pair_count_matches_sources_md(row: SourceRow) -> None:
    assert len(doc_of(row.name).pairs) == row.pairs


def test_corpus_totals() -> None:
    docs = [doc_of(row.name) for row in source_rows()]
    assert sum(len(d.pairs) for d in docs) == 2773
    assert sum(len(d.warnings) for d in docs) == 9


# -- section 1: file level --------------------------------------------------------------------


def test_empty_input_is_an_empty_document() -> None:
    doc = roundtrips(b"")
    assert doc.pairs == []
    assert doc.chunks == []
    assert doc.front_matter is None
    assert doc.warnings == []
    assert doc.text == ""


def test_no_final_newline_is_kept() -> None:
    data = corpus_bytes("README.md")
    assert data.endswith(b"</span></span>")
    doc = doc_of("README.md")
    assert [p.id for p in doc.pairs] == ["e5b98-101", "e5b98-p101"]
    last = doc.pairs[-1]
    assert last.end == len(doc.text)
    assert doc.chunks[-1] is last
    assert doc.serialize() == data


def test_trailing_two_spaces_at_eof_without_newline_are_kept() -> None:
    data = corpus_bytes("change-nameservers.md")
    assert data.endswith(b"</span></span>\n  ")
    doc = doc_of("change-nameservers.md")
    tail = doc.chunks[-1]
    assert isinstance(tail, RawChunk)
    assert tail.text == "\n  "
    doc.set_target(doc.pairs[-1], "Meer details: [link](https://example.com).")
    assert doc.serialize().endswith(b"</span></span>\n  ")


@pytest.mark.parametrize("ending", [b"", b"\n", b"\n\n", b"  ", b"  \n", b"\n\n\n"], ids=repr)
def test_every_file_ending_round_trips(ending: bytes) -> None:
    data = ("---\ntitle: x\n---\n" + pair("abcde-102")).encode() + ending
    doc = roundtrips(data)
    assert len(doc.pairs) == 1


def test_two_space_hard_breaks_are_kept_through_an_edit() -> None:
    name = "Excel-crashing.md"
    data = corpus_bytes(name)
    assert data.count(b"  \n") == 3
    doc = doc_of(name)
    doc.set_target(doc.pairs[0], "Excel loopt vast")
    out = doc.serialize()
    assert out.count(b"  \n") == 3
    assert out == expected_splice(data, {doc.pairs[0].id: "Excel loopt vast"})


def test_trailing_spaces_inside_and_around_pairs() -> None:
    text = "- " + pair("abcde-102", "Doel  ", " bron ") + "   \n" + pair("abcde-103") + "  \n"
    doc = roundtrips(text.encode())
    assert doc.pairs[0].target == "Doel  "
    assert doc.pairs[0].source == " bron "
    assert isinstance(doc.chunks[2], RawChunk)
    assert doc.chunks[2].text == "   \n"


def test_u202f_in_sources_and_as_table_separator() -> None:
    name = "microsoft-365-security-mde-redirection.md"
    doc = doc_of(name)
    assert corpus_bytes(name).decode().count("\u202f") == 30
    p = doc.pair("87ae2-121")
    assert p.source == "**Destination\u202fwhen redirection is\u202fOFF**"
    assert p.target == "**Bestemming wanneer omleiding UIT is**"
    separators = [c.text for c in doc.chunks if isinstance(c, RawChunk) and "\u202f" in c.text]
    assert len(separators) == 16
    assert "\u202f |\n| " in separators
    assert doc.serialize() == corpus_bytes(name)


def test_u202f_inside_targets() -> None:
    doc = doc_of("ask-your-admin-to-enable-microsoft-teams.md")
    p = doc.pair("63b20-105")
    assert p.source == (
        "To do this, go to the Microsoft 365 admin center >\u202f**Services and add-ins\u202f>"
        "\u202fMicrosoft Teams**."
    )
    assert "invoegvoegingen \u202f**> Microsoft Teams.**" in p.target


def test_u00a0_inside_target_and_source() -> None:
    doc = doc_of("add-users-to-intune.md")
    p = doc.pair("9a659-103")
    assert "het\xa0[Microsoft 365-Beheercentrum]" in p.target
    assert p.source.startswith(
        "You can manually add users to your Intune subscription by using the\xa0[Microsoft 365 "
        "admin center](https://admin.microsoft.com/)\xa0or the\xa0[Intune portal]("
    )
    assert sum(q.target.count("\xa0") + q.source.count("\xa0") for q in doc.pairs) == 8


def test_u200e_inside_a_source() -> None:
    doc = doc_of("IE-mode-configuration.md")
    p = doc.pair("21b79-103")
    assert p.source.startswith("If you've already deployed \u200eMicrosoft Edge\u200e and want")
    assert "\u200e" not in p.target


def test_tab_inside_a_target() -> None:
    p = doc_of("phone-system-license.md").pair("c4c71-106")
    assert (
        p.target
        == "Ga naar **Facturering > Services aanschaffen > \tInvoegtoepassingsabonnementen**."
    )
    assert p.source == "Go to **Billing > Purchase services > Add-on subscriptions**."


def test_invisible_characters_made_up() -> None:
    target = "a\u202fb\xa0c\u200ed\u200de\tf"
    doc = roundtrips(("|" + pair("abcde-102", target, target) + "\u202f|\n").encode())
    assert doc.pairs[0].target == target
    assert doc.pairs[0].source == target
    assert doc.chunks[-1] == RawChunk("\u202f|\n", len(doc.text) - 3)


@pytest.mark.parametrize(
    "data",
    [b"a\r\nb\r\n", b"a\rb", ("x\r\n" + pair("abcde-102", "T\r\nU", "S\r\nV") + "\r\n").encode()],
    ids=["crlf", "cr", "crlf-in-pair"],
)
def test_carriage_returns_are_never_normalised(data: bytes) -> None:
    doc = roundtrips(data)
    if doc.pairs:
        assert doc.pairs[0].target == "T\r\nU"


def test_utf8_bom_is_kept() -> None:
    data = b"\xef\xbb\xbf" + pair("abcde-102").encode()
    doc = roundtrips(data)
    assert doc.text.startswith("\ufeff")
    assert doc.pairs[0].column == 2


# -- section 2: front matter ------------------------------------------------------------------


def test_title_and_description_are_front_matter_fields() -> None:
    doc = doc_of("what-is-a-domain.md")
    fm = doc.front_matter
    assert fm is not None and fm.error is None and fm.data is not None
    assert fm.fields == [
        FrontMatterField("title", "Wat is een domein?", 2),
        FrontMatterField(
            "description",
            "Lees wat een domein is en hoe u een domein kunt kopen of het standaarddomein van uw "
            "bedrijf kunt gebruiken om aan de slag te gaan met OneDrive en Microsoft-apps.",
            21,
        ),
    ]
    assert fm.data["ms.contentlocale"] == "nl-NL"
    assert fm.data["ms.locfileid"] == "53393113"
    items = dict(fm.display_items())
    assert items["title"] == "Wat is een domein?"
    assert items["ms.contentlocale"] == "nl-NL"
    assert list(items)[:2] == ["title", "description"]
    # Translated in place: no pair holds the title.
    assert all(p.target != "Wat is een domein?" or not p.in_front_matter for p in doc.pairs)
    assert doc.text[: fm.end].endswith("\n---\n")
    assert doc.text[4 : 4 + len(fm.raw)] == fm.raw


def test_double_quoted_title_keeps_its_inner_space() -> None:
    fm = doc_of("access-denied-to-sharepoint-site.md").front_matter
    assert fm is not None
    assert b'title: " Toegang geweigerd' in corpus_bytes("access-denied-to-sharepoint-site.md")
    assert fm.fields == [FrontMatterField("title", " Toegang geweigerd tot SharePoint-site", 2)]


def test_single_quoted_title() -> None:
    name = "m365-campaigns-protect-campaign-infographic.md"
    fm = doc_of(name).front_matter
    assert fm is not None
    assert b"title: 'Infographic: " in corpus_bytes(name)
    assert fm.fields[0] == FrontMatterField(
        "title", "Infographic: uw campagne helpen beveiligen", 2
    )


def test_empty_quoted_value_in_front_matter() -> None:
    fm = doc_of("Alchemy-Insight-Template.md").front_matter
    assert fm is not None and fm.data is not None
    assert fm.data["ms.custom"] == ""
    assert fm.fields == [FrontMatterField("title", "hetzelfde als de bestandsnaam is het beste", 2)]
    assert fm.data["ms.locfileid"] == "47664129"


def test_front_matter_only_file_with_no_pairs() -> None:
    name = "microsoft-defender.md"
    data = corpus_bytes(name)
    doc = doc_of(name)
    assert doc.pairs == []
    assert doc.warnings == []
    assert doc.chunks == [RawChunk(data.decode(), 0)]
    fm = doc.front_matter
    assert fm is not None and fm.end == len(data) == 498
    assert [(f.key, f.value, f.line) for f in fm.fields] == [
        ("title", "Belangrijke richtlijnen voor Microsoft Defender", 2),
        (
            "description",
            "Een opmerking met betrekking tot belangrijke richtlijnen voor Microsoft Defender.",
            3,
        ),
    ]
    assert doc.serialize() == data


def test_file_without_front_matter() -> None:
    doc = doc_of("microsoft-365-multi-geo-locations.md")
    assert doc.front_matter is None
    assert len(doc.pairs) == 51
    assert not any(p.in_front_matter for p in doc.pairs)


def test_broken_yaml_with_pairs_inside_the_front_matter() -> None:
    name = "troubleshoot-presence-issues-outlook.md"
    data = corpus_bytes(name)
    doc = doc_of(name)
    fm = doc.front_matter
    assert fm is not None
    assert fm.data is None
    assert fm.fields == []
    assert fm.display_items() == []
    assert fm.error is not None and fm.error.startswith("front matter is not valid YAML at line 2")
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [("front-matter", 2, 1)]
    assert doc.warnings[0].message.endswith("kept verbatim.")
    # Kept verbatim: the raw YAML is exactly the bytes between the two --- lines.
    closing = data.index(b"\n---\n")
    assert fm.raw.encode() == data[4 : closing + 1]
    assert fm.end == closing + 5 == 913
    in_fm = [(p.id, p.line, p.column) for p in doc.pairs if p.in_front_matter]
    assert in_fm == [("6d249-101", 2, 1), ("6d249-102", 3, 3), ("6d249-103", 4, 3)]
    first = doc.pair("6d249-101")
    assert first.source.startswith('title: "Troubleshoot presence issues in Outlook" ms.author')
    assert first.target.startswith('titel: "Troubleshoot presence issues in Outlook" ms.author')
    assert doc.pair("6d249-102").target == doc.pair("6d249-102").source == "9257"
    assert doc.pair("6d249-104").in_front_matter is False
    assert doc.serialize() == data


def test_garbled_front_matter_key_is_kept_verbatim() -> None:
    name = "find-status-of-your-microsoft-365-ticket.md"
    doc = doc_of(name)
    fm = doc.front_matter
    assert fm is not None
    assert '\nmunlocking-an-account s.custom:\n- "9002251"\n- "4362"\n' in fm.raw
    # It is valid YAML, so it loads as an odd key.
    assert fm.data is not None
    assert fm.data["munlocking-an-account s.custom"] == ["9002251", "4362"]
    assert [p.id for p in doc.pairs] == ["535d4-102", "535d4-103", "535d4-104"]
    assert doc.serialize() == corpus_bytes(name)


def test_garbled_front_matter_key_is_reported() -> None:
    doc = doc_of("find-status-of-your-microsoft-365-ticket.md")
    assert [w.code for w in doc.warnings] == ["front-matter"]


@pytest.mark.parametrize(
    ("data", "fm_end"),
    [
        (b"---\ntitle: x\n---", 16),
        (b"---\n---\nbody\n", 8),
        (b"---\ntitle: x\n---\n---\n", 17),
    ],
    ids=["closing-at-eof", "empty", "rule-after"],
)
def test_front_matter_boundaries(data: bytes, fm_end: int) -> None:
    doc = roundtrips(data)
    assert doc.front_matter is not None
    assert doc.front_matter.end == fm_end


@pytest.mark.parametrize(
    "data",
    [b"---\ntitle: x\n", b"--- \ntitle: x\n---\n", b"\n---\ntitle: x\n---\n", b"title: x\n---\n"],
    ids=["unclosed", "space-after-dashes", "blank-first-line", "no-opening"],
)
def test_no_front_matter_without_the_exact_opening_and_closing(data: bytes) -> None:
    doc = roundtrips(data)
    assert doc.front_matter is None


def test_front_matter_that_is_not_a_mapping() -> None:
    doc = roundtrips(b"---\n- a\n- b\n---\nbody\n")
    fm = doc.front_matter
    assert fm is not None and fm.data is None
    assert fm.error == "front matter is not a YAML mapping"
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [("front-matter", 2, 1)]


def test_made_up_pair_inside_valid_front_matter() -> None:
    text = "---\ntitle: " + pair("abcde-101", "Titel", "Title") + "\n---\n" + pair("abcde-102")
    doc = roundtrips(text.encode())
    assert [p.in_front_matter for p in doc.pairs] == [True, False]
    assert doc.front_matter is not None and doc.front_matter.fields[0].key == "title"


# -- sections 3 and 4: pair grammar and boundaries ---------------------------------------------


def test_pair_location_fields() -> None:
    doc = doc_of("find-status-of-your-microsoft-365-ticket.md")
    p = doc.pair("535d4-104")
    assert (p.index, p.line, p.column) == (2, 24, 321)
    assert doc.text[p.start : p.target_start] == '<span data-ttu-id="535d4-104">'
    assert doc.text[p.target_end : p.source_start] == (
        '</span><span class="sxs-lookup"><span data-stu-id="535d4-104">'
    )
    assert doc.text[p.end - 14 : p.end] == "</span></span>"
    assert p.target == (
        "Klik in het beheercentrum op **Alles weergeven > Ondersteuning** en klik vervolgens op "
        "**Serviceaanvragen bekijken**."
    )
    assert p.source == (
        "From the Admin Center, click **Show All > Support**, then click **View service requests**."
    )
    assert p.saved_target == p.target and not p.is_modified
    assert not p.in_front_matter


def test_p_ids_keep_their_own_counter() -> None:
    doc = doc_of("change-nameservers.md")
    assert [p.id for p in doc.pairs] == [
        "da2f2-102", "da2f2-103", "da2f2-p101", "da2f2-106", "da2f2-107",
        "da2f2-108", "da2f2-109", "da2f2-110", "da2f2-111",
    ]  # fmt: skip
    merged = doc.pair("da2f2-p101")
    assert merged.source.startswith(
        "To set up your domain in Microsoft 365, the nameservers at your registrar need to be "
        "updated. Create or edit your nameserver records at your domain r"
    )
    assert (
        doc.pair("da2f2-108").target
        == doc.pair("da2f2-108").source
        == "ns1.bdm.microsoftonline.com"
    )


def test_multi_line_pair() -> None:
    p = doc_of("activation-sign-in-issue-another-account-is-already-signed-in.md").pair("ec84e-108")
    url = "https://docs.microsoft.com/office365/troubleshoot/activation/reset-office-365-proplus-activation-state"
    assert p.target == f"[Meer informatie]({url}\n)."
    assert p.source == f"[Learn how]({url}\n)."
    assert (p.line, p.column) == (29, 189)


def test_one_line_triple_backtick_code_is_not_a_fence() -> None:
    doc = doc_of("intune-exchange-on-prem-connector.md")
    assert len(doc.pairs) == 28
    p = doc.pair("445af-118")
    assert p.target == (
        "**Voorbeeld**\n```<ExchangeWebServiceURL> "
        "https://Exchangeserver.domain.com/ews/exchange.asmx<ExchangeWebServiceURL />```"
    )
    assert p.source == (
        "**Example:**\n```<ExchangeWebServiceURL> "
        "https://Exchangeserver.domain.com/ews/exchange.asmx<ExchangeWebServiceURL />```"
    )
    q = doc.pair("445af-123")
    assert q.source == (
        "**Example:**\n``` <C:\\ProgramData\\Microsoft\\Windows Intune Exchange Connector"
        "\\TracingConfiguration.xml>```"
    )
    # Pairs after the inline code lines are still found.
    assert doc.pairs[-1].index == 27 and doc.pairs[q.index + 1].id.startswith("445af-")


def test_adjacent_pairs_with_nothing_between_them() -> None:
    doc = doc_of("block-ads-in-edge-on-an-android-or-ios-device.md")
    for a_id, b_id in [("399a2-104", "399a2-105"), ("399a2-108", "399a2-109")]:
        a, b = doc.pair(a_id), doc.pair(b_id)
        assert a.end == b.start
        assert b.index == a.index + 1
        assert doc.chunks[doc.chunks.index(a) + 1] is b
    assert doc.pair("399a2-104").target == "Selecteer **...**"
    assert doc.pair("399a2-104").source == "Select **…**"
    assert doc.pair("399a2-105").target == (
        " > **(Instellingen en meer)**  >  **Instellingen**  >  **Inhoudsblokkers**."
    )
    assert (
        doc.pair("399a2-105").source
        == " > **(Settings and more)** > **Settings** > **Content blockers**."
    )


def test_made_up_adjacent_pairs() -> None:
    doc = roundtrips((pair("abcde-102", "A", "a") + pair("abcde-103", "B", "b")).encode())
    assert [(p.id, p.target, p.source, p.start, p.end) for p in doc.pairs] == [
        ("abcde-102", "A", "a", 0, 108),
        ("abcde-103", "B", "b", 108, 216),
    ]
    assert doc.chunks == doc.pairs


def test_stray_closing_span_in_target_and_source() -> None:
    doc = doc_of("outlook-com-setting-changes.md")
    p = doc.pair("56669-112")
    assert p.target == (
        "Als het postvak van de geadresseerde is opgeslagen in **Yahoo of Gmail**, volgt u de "
        "instructies </span> in dit [artikel](https://support.office.com/article/"
        "how-do-i-open-a-protected-message-1157a286-8ecc-4b1e-ac43-2a608fbf3098)."
    )
    assert p.source == (
        "If the recipient mailbox is on **Yahoo or Gmail**, please follow the instructions</span> "
        "found in this [article](https://support.office.com/article/"
        "how-do-i-open-a-protected-message-1157a286-8ecc-4b1e-ac43-2a608fbf3098)."
    )
    nxt = doc.pairs[p.index + 1]
    assert nxt.id == "56669-113"
    assert nxt.source.startswith("Protection policies apply only to [known file formats]")


def test_stray_closing_span_in_link_text() -> None:
    p = doc_of("ediscovery-diagnostic-info.md").pair("b432c-114")
    assert p.source == (
        "To run the following cmdlets, [connect to Security & Compliance Center PowerShell</span>]"
        "(/powershell/exchange/connect-to-scc-powershell)."
    )


def test_unclosed_spans_in_content() -> None:
    doc = doc_of("what-is-a-domain.md")
    assert len(doc.pairs) == 23
    p = doc.pair("3ce95-107")
    assert p.source == (
        "It typically takes the form of your organization's name and a standard Internet suffix, "
        "such as *yourbusiness.<span>com* or *stateuniversity.<span>edu*."
    )
    q = doc.pair("3ce95-108")
    assert q.index == p.index + 1
    assert q.target == (
        "Een aangepast domein zoals *rob@contoso. <span> com* met Microsoft 365 kan helpen bij het "
        "opbouwen van geloofwaardigheid en erkenning voor uw merk."
    )
    assert q.source == (
        "Using a custom domain like *rob@contoso.<span>com* with Microsoft 365 can help build "
        "credibility and recognition for your brand."
    )


def test_nested_spans_at_the_start_of_the_source() -> None:
    doc = doc_of("configure-search-for-multi-geo.md")
    p = doc.pair("6c73d-175")
    anchor = (
        '<span id="_Set_up_a" class="anchor"><span id="_Ref501388384" class="anchor"></span></span>'
    )
    assert p.source == (
        anchor + "Notice that we don't merge the search results until we've received results from "
        "all the geo locations."
    )
    assert p.target == (
        anchor + "We voegen de zoekresultaten pas samen als we resultaten van alle geografische "
        "locaties hebben ontvangen."
    )
    assert (p.line, p.column) == (142, 1)


def test_self_closing_span_in_content() -> None:
    p = doc_of("deploy-manage-report-microsoft-defender-antivirus.md").pair("9cc03-147")
    assert p.source.startswith(
        '<span id="fn1" />The availability of some functions and features, especially related to '
        "cloud-delivered protection"
    )
    assert p.target.startswith('<span id="fn1" />De beschikbaarheid van bepaalde functies')


def test_balanced_inner_spans_in_content() -> None:
    p = doc_of("legacy-ediscovery-retirement.md").pair("6b88f-224")
    markup = (
        '<a href="/powershell/module/exchange/get-compliancesearch"><span class="underline">'
        "\\*-ComplianceSearch</span></a>"
    )
    assert p.target == p.source == markup


@pytest.mark.parametrize(
    ("source", "raw_after"),
    [
        ('<span a="1"><span b="2"></span></span>x', " tail</span></span>"),
        ("a</span> b", " <span>x</span></span>"),
        ("a <span>b", " y"),
        ('<span id="f" />c', "</span></span>"),
        ("<span>in</span> out", ""),
    ],
    ids=["nested-start", "stray", "unclosed", "self-closing", "balanced"],
)
def test_made_up_inner_spans(source: str, raw_after: str) -> None:
    text = "- " + pair("abcde-102", "doel", source) + raw_after + "\n" + pair("abcde-103") + "\n"
    doc = roundtrips(text.encode())
    assert [p.id for p in doc.pairs] == ["abcde-102", "abcde-103"]
    assert doc.pairs[0].source == source
    assert doc.chunks[2] == RawChunk(raw_after + "\n", doc.pairs[0].end)


def test_source_end_falls_back_to_first_closer_before_the_next_pair() -> None:
    # Unbalanced depth: no closer at depth 0, so the first </span></span> ends the source.
    text = pair("abcde-102", "t", "<span>x") + " " + pair("abcde-103")
    doc = roundtrips(text.encode())
    assert doc.pairs[0].source == "<span>x"
    assert doc.pairs[1].start == doc.pairs[0].end + 1


def test_opener_inside_a_pair_is_skipped() -> None:
    inner = '<span data-ttu-id="zzzzz-999">'
    text = pair("abcde-102", "t", f"s {inner} s") + pair("abcde-103")
    doc = roundtrips(text.encode())
    assert [p.id for p in doc.pairs] == ["abcde-102", "abcde-103"]
    assert doc.pairs[0].source == f"s {inner} s"


def test_whole_pair_inside_an_earlier_pair_reaching_past_it() -> None:
    # a-101's source holds an inner span, so it is found step by step and ends at the first
    # closer, inside a-102's target; a-102's markup runs past that end. The next pair is a-103.
    text = (
        pair("a-101", "T", '<span>x</span> <span data-ttu-id="a-102">QT')
        + " after "
        + pair("a-103", "R", "RS")
        + '</span><span class="sxs-lookup"><span data-stu-id="a-102">QS</span></span>\n'
    )
    doc = roundtrips(text.encode())
    assert [(p.id, p.source) for p in doc.pairs] == [
        ("a-101", '<span>x</span> <span data-ttu-id="a-102">QT'),
        ("a-103", "RS"),
    ]
    assert [w.code for w in doc.warnings] == ["orphan-source"]
    # a-102's target holds an opener (a-103), so the one-pass scan never matches it whole and
    # follows the stepwise rule by itself.
    assert_fast_path_matches_stepwise(doc.text)
    # Without an opener in between, a-102 matches whole and reaches past a-101's end: the
    # one-pass scan cannot follow that and hands over to the stepwise scan.
    text = (
        pair("a-101", "T", '<span>x</span> <span data-ttu-id="a-102">QT')
        + " after "
        + '</span><span class="sxs-lookup"><span data-stu-id="a-102">QS</span></span>\n'
    )
    doc = roundtrips(text.encode())
    assert [p.id for p in doc.pairs] == ["a-101"]
    assert pairs_fast(doc.text, 0) is None


@pytest.mark.parametrize("row", source_rows(), ids=lambda r: r.name)
def test_fast_scan_matches_stepwise_scan_on_the_corpus(row: SourceRow) -> None:
    assert_fast_path_matches_stepwise(corpus_bytes(row.name).decode("utf-8"))


@pytest.mark.parametrize("row", source_rows(), ids=lambda r: r.name)
def test_warnings_match_the_unoptimised_reference_on_the_corpus(row: SourceRow) -> None:
    assert_warnings_match_reference(doc_of(row.name))


@pytest.mark.parametrize(
    "text", ["", "&", "&quot", "a &amp; b &quot;", "&&quot;", "&quot;", "x&quo;t;", "&\n&quot;"]
)
def test_contains_quot_is_substring_search(text: str) -> None:
    assert _contains_quot(text) is ("&quot;" in text)


def test_target_runs_to_the_delimiter_with_the_same_id() -> None:
    other = '</span><span class="sxs-lookup"><span data-stu-id="abcde-999">'
    text = pair("abcde-102", f"a{other}b", "s")
    doc = roundtrips(text.encode())
    assert doc.pairs[0].target == f"a{other}b"


def test_content_is_kept_verbatim_not_html_decoded() -> None:
    target = "A &amp; B &lt;x&gt; & <value> \\> \\* \"q\" 's' &#39; &nbsp; <https://a.b/> `c`"
    doc = roundtrips(("1. " + pair("abcde-102", target, target) + "\n").encode())
    assert doc.pairs[0].target == target
    assert doc.pairs[0].source == target


def test_raw_text_between_pairs_is_kept() -> None:
    doc = doc_of("canceling-your-office-365-subscription.md")
    raw = [c for c in doc.chunks if isinstance(c, RawChunk)]
    assert raw[0].offset == 0
    assert raw[0].text.endswith('# <a name="canceling-your-office-365-subscription"></a>')
    assert (
        "".join(
            c.text if isinstance(c, RawChunk) else doc.text[c.start : c.end] for c in doc.chunks
        )
        == doc.text
    )
    assert len(doc.chunks) == len(doc.pairs) + len(raw) == 11 + 11


# -- corrupted markup and other warnings --------------------------------------------------------


def test_quot_corrupted_fragments_are_raw_text_with_warnings() -> None:
    name = "explanation-types-overview.md"
    doc = doc_of(name)
    assert len(doc.pairs) == 182
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [
        ("corrupt-markup", 220, 1),
        ("corrupt-markup", 222, 3),
        ("corrupt-markup", 222, 211),
    ]
    lines = doc.text.split("\n")
    assert lines[219].startswith('<span data-ttu-id="af9b2-260&quot;>')
    assert lines[221][2:].startswith("<span data-ttu-id=&quot;af9b2-261&quot;>")
    assert lines[221][210:].startswith("<span data-ttu-id=&quot;af9b2-262&quot;>")
    ids = {p.id for p in doc.pairs}
    assert {"af9b2-260", "af9b2-261", "af9b2-262"}.isdisjoint(ids)
    assert doc.pairs[doc.pair("af9b2-258").index + 1].id == "af9b2-263"
    fragment = [c for c in doc.chunks if isinstance(c, RawChunk) and "af9b2-260&quot;" in c.text]
    assert len(fragment) == 1
    # The last fragment keeps an intact sxs-lookup half: still raw, no extra orphan warning.
    assert '<span class="sxs-lookup"><span data-stu-id="af9b2-262">' in fragment[0].text
    assert doc.serialize() == corpus_bytes(name)


def test_quot_corruption_running_into_code_fences() -> None:
    name = "high-availability-federated-authentication-phase-1-configure-azure.md"
    doc = doc_of(name)
    assert len(doc.pairs) == 167
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [
        ("corrupt-markup", 155, 176),
        ("corrupt-markup", 157, 2),
        ("corrupt-markup", 159, 1),
        ("corrupt-markup", 173, 1),
    ]
    assert {f"a561e-{n}" for n in range(262, 266)}.isdisjoint(p.id for p in doc.pairs)
    raw = "".join(c.text for c in doc.chunks if isinstance(c, RawChunk))
    assert "$locName=&quot;<an Azure location, such as West US>&quot;" in raw
    assert doc.serialize() == corpus_bytes(name)


def test_made_up_orphan_source_warning() -> None:
    text = 'intro\n  <span class="sxs-lookup"><span data-stu-id="abcde-102">S</span></span>\n'
    doc = roundtrips(text.encode())
    assert doc.pairs == []
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [("orphan-source", 2, 3)]


def test_made_up_missing_source_warning() -> None:
    text = "a\nb " + '<span data-ttu-id="abcde-102">T</span> rest\n' + pair("abcde-103")
    doc = roundtrips(text.encode())
    assert [p.id for p in doc.pairs] == ["abcde-103"]
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [("missing-source", 2, 3)]


def test_made_up_duplicate_id_warning() -> None:
    text = pair("abcde-102") + "\n\n" + pair("abcde-102", "U", "V")
    doc = roundtrips(text.encode())
    assert len(doc.pairs) == 2
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [("duplicate-id", 3, 1)]
    assert doc.pair("abcde-102") is doc.pairs[0]


def test_made_up_corrupt_opener_warning() -> None:
    text = 'x <span data-ttu-id="abcde-102&quot;>T</span><span class=&quot;sxs-lookup&quot;>S\n'
    doc = roundtrips(text.encode())
    assert doc.pairs == []
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [("corrupt-markup", 1, 3)]


# -- section 5: edits -------------------------------------------------------------------------


def test_edit_changes_only_the_target_bytes() -> None:
    name = "canceling-your-office-365-subscription.md"
    data = corpus_bytes(name)
    doc = doc_of(name)
    p = doc.pair("1f4c8-106")
    new = "Als u minder dan 25 toegewezen licenties hebt, kunt u uw abonnement online opzeggen."
    assert doc.set_target(p, new) == []
    assert p.is_modified and doc.is_modified and doc.modified_pairs == [p]
    out = doc.serialize()
    old = p.saved_target.encode()
    start = data.index(old)
    assert out[:start] == data[:start]
    assert out[start : start + len(new.encode())] == new.encode()
    assert out[start + len(new.encode()) :] == data[start + len(old) :]
    assert out == expected_splice(data, {"1f4c8-106": new})
    again = parse(out, name)
    assert [(q.id, q.source) for q in again.pairs] == [(q.id, q.source) for q in doc.pairs]
    assert again.pair("1f4c8-106").target == new


def test_serialize_without_the_loaded_bytes() -> None:
    # parse_text has no bytes to splice into, so serialize encodes the text instead.
    name = "what-is-a-domain.md"
    data = corpus_bytes(name)
    doc = parse_text(data.decode("utf-8"), name)
    assert doc.serialize() == data
    edits = {"3ce95-112": "Lees meer.", "3ce95-107": "Meestal *uwbedrijf.<span>com*."}
    for pid, text in edits.items():
        doc.set_target(doc.pair(pid), text)
    assert doc.serialize() == expected_splice(data, edits)


def test_serialize_after_text_is_replaced_does_not_use_stale_bytes() -> None:
    name = "change-nameservers.md"
    doc = doc_of(name)
    doc.text = doc.text.replace("Naamservers", "NAAMSERVERS")
    assert doc.serialize() == doc.text.encode("utf-8")


def test_edits_of_non_ascii_text_splice_at_byte_offsets() -> None:
    name = "add-users-to-intune.md"  # U+00A0 before and inside the edited pairs
    data = corpus_bytes(name)
    doc = doc_of(name)
    edits = {"9a659-103": "Één\xa0zin — met 😀", "9a659-106": "Laatste\u202fzin."}
    for pid, text in edits.items():
        doc.set_target(doc.pair(pid), text)
    out = doc.serialize()
    assert out == expected_splice(data, edits)
    doc.mark_saved(out)
    doc.set_target(doc.pair("9a659-106"), "Nog één keer.")
    assert doc.serialize() == expected_splice(out, {"9a659-106": "Nog één keer."})


def test_edit_then_revert_gives_the_original_bytes() -> None:
    name = "what-is-a-domain.md"
    doc = doc_of(name)
    p = doc.pair("3ce95-112")
    doc.set_target(p, "Lees meer.")
    assert doc.serialize() != corpus_bytes(name)
    doc.set_target(p, "Meer informatie.")
    assert not doc.is_modified
    assert doc.serialize() == corpus_bytes(name)


def test_edits_with_special_text_round_trip() -> None:
    name = "Excel-crashing.md"
    data = corpus_bytes(name)
    doc = doc_of(name)
    edits = {
        doc.pairs[0].id: 'A & B <x> \\> "q" 😀 שלום',
        doc.pairs[3].id: "&quot;</span> eerst",
        doc.pairs[-1].id: "einde<span>",
    }
    for pid, text in edits.items():
        doc.set_target(doc.pair(pid), text)
    out = doc.serialize()
    assert out == expected_splice(data, edits)
    again = parse(out, name)
    assert [p.id for p in again.pairs] == [p.id for p in doc.pairs]
    for pid, text in edits.items():
        assert again.pair(pid).target == text


@pytest.mark.parametrize("text", ["", " ", "   ", "\n", " \t\n ", "\u00a0", "\u202f\u3000"])
def test_empty_or_whitespace_target_rejected(text: str) -> None:
    doc = doc_of("change-nameservers.md")
    p = doc.pair("da2f2-110")
    with pytest.raises(TargetRejected, match="cannot be empty"):
        doc.set_target(p, text)
    assert p.target == "Sla de wijzigingen op."
    assert not doc.is_modified


@pytest.mark.parametrize(
    "text",
    [
        'x</span><span class="sxs-lookup">y',
        'x</span><span class="sxs-lookup"><span data-stu-id="da2f2-110">y',
        'voor <span data-ttu-id="da2f2-200">na',
        "<span data-ttu-id=&quot;x&quot;>",
        "<span data-ttu-id=",
    ],
)
def test_target_with_pair_markup_rejected(text: str) -> None:
    doc = doc_of("change-nameservers.md")
    p = doc.pair("da2f2-110")
    with pytest.raises(TargetRejected, match="would no longer parse") as info:
        doc.set_target(p, text)
    assert isinstance(info.value, ReviewerError)
    assert p.target == p.saved_target == "Sla de wijzigingen op."
    assert doc.serialize() == corpus_bytes("change-nameservers.md")


def test_near_miss_markup_is_accepted() -> None:
    # Only the two markers of section 5 break the file; similar text is fine.
    for text in ['<span class="sxs-lookup">x', "</span><span>", '<span data-stu-id="a-101">']:
        warnings = check_target("x", text)
        assert "span-balance" in {w.code for w in warnings}


@pytest.mark.parametrize(
    ("original", "new", "codes"),
    [
        ("Sla op.", "Sla de wijzigingen op.", []),
        ("a\nb", "a b", ["newlines"]),
        ("a b", "a\nb\nc", ["newlines"]),
        ("a b", "a <span>b", ["span-balance"]),
        ("a </span> b", "a b", ["span-balance"]),
        ("<span>a</span>", "<span>a", ["span-balance"]),
        ("<span>a</span>", "<span>b</span>", []),
        (" > a", "> a", ["edge-whitespace"]),
        ("a", "a ", ["edge-whitespace"]),
        ("a\n", "a", ["newlines", "edge-whitespace"]),
        ("a", "\n<span>a", ["newlines", "span-balance", "edge-whitespace"]),
    ],
)
def test_edit_warnings(original: str, new: str, codes: list[str]) -> None:
    warnings = check_target(original, new)
    assert [w.code for w in warnings] == codes
    assert all(w.message for w in warnings)


def test_edit_warnings_through_set_target_on_real_pairs() -> None:
    doc = doc_of("block-ads-in-edge-on-an-android-or-ios-device.md")
    p = doc.pair("399a2-105")
    warnings = doc.set_target(p, "> **(Instellingen en meer)** > **Instellingen**.")
    assert [w.code for w in warnings] == ["edge-whitespace"]
    assert p.target == "> **(Instellingen en meer)** > **Instellingen**."
    stray = doc_of("outlook-com-setting-changes.md")
    q = stray.pair("56669-112")
    warnings = stray.set_target(q, q.target.replace(" </span>", ""))
    assert [w.code for w in warnings] == ["span-balance"]
    multi = doc_of("activation-sign-in-issue-another-account-is-already-signed-in.md")
    r = multi.pair("ec84e-108")
    assert [w.code for w in multi.set_target(r, r.target.replace("\n", ""))] == ["newlines"]


def test_warnings_compare_with_the_saved_target_not_the_last_edit() -> None:
    doc = doc_of("change-nameservers.md")
    p = doc.pair("da2f2-110")
    assert [w.code for w in doc.set_target(p, "Sla\nop.")] == ["newlines"]
    assert [w.code for w in doc.set_target(p, "Sla\nop!")] == ["newlines"]
    assert doc.set_target(p, "Sla op!") == []


def test_mark_saved_then_further_edits_splice_right() -> None:
    name = "canceling-your-office-365-subscription.md"
    data = corpus_bytes(name)
    doc = doc_of(name)
    lines_before = {p.id: p.line for p in doc.pairs}
    first = "Als u minder dan 25 licenties hebt,\nkunt u online opzeggen.\n"
    warnings = doc.set_target(doc.pair("1f4c8-106"), first)
    assert {w.code for w in warnings} == {"newlines", "edge-whitespace"}
    out1 = doc.serialize()
    assert out1 == expected_splice(data, {"1f4c8-106": first})
    doc.mark_saved(out1)
    assert not doc.is_modified
    assert doc.text == out1.decode()
    assert_document_consistent(doc)
    # Pairs after the edit moved down by the two added lines; the others stayed.
    for p in doc.pairs:
        shift = 2 if p.index > doc.pair("1f4c8-106").index else 0
        assert p.line == lines_before[p.id] + shift, p.id
    # 1f4c8-107 shared line 28 with the edited pair; it now starts after the delimiter,
    # source and closer that follow the target's last line break.
    assert doc.pair("1f4c8-107").column == 163
    # Edits before and after the first one land in the right place.
    second = {
        "1f4c8-104": "Bent u een proefklant? Dan hoeft u niets te annuleren.",
        "1f4c8-112": "Zie het artikel.",
    }
    for pid, text in second.items():
        doc.set_target(doc.pair(pid), text)
    out2 = doc.serialize()
    assert out2 == expected_splice(out1, second)
    doc.mark_saved(out2)
    reparsed = parse(out2, name)
    assert [(p.id, p.target, p.source, p.line, p.column, p.start, p.end) for p in doc.pairs] == [
        (p.id, p.target, p.source, p.line, p.column, p.start, p.end) for p in reparsed.pairs
    ]
    assert doc.serialize() == out2


def test_mark_saved_moves_the_front_matter_end_with_pairs_inside_it() -> None:
    name = "troubleshoot-presence-issues-outlook.md"
    doc = doc_of(name)
    fm = doc.front_matter
    assert fm is not None and fm.end == 913
    doc.set_target(doc.pair("6d249-102"), "92570")
    out = doc.serialize()
    doc.mark_saved(out)
    assert doc.front_matter is not None and doc.front_matter.end == 914
    assert out.decode()[:914].endswith("\n---\n")
    reparsed = parse(out, name)
    assert reparsed.front_matter is not None and reparsed.front_matter.end == 914
    assert [p.in_front_matter for p in doc.pairs] == [p.in_front_matter for p in reparsed.pairs]


def test_mark_saved_refreshes_front_matter_raw() -> None:
    doc = doc_of("troubleshoot-presence-issues-outlook.md")
    doc.set_target(doc.pair("6d249-102"), "92570")
    doc.mark_saved(doc.serialize())
    assert doc.front_matter is not None
    assert "92570" in doc.front_matter.raw


def test_mark_saved_moves_warning_lines() -> None:
    doc = doc_of("explanation-types-overview.md")
    first = doc.pairs[0]
    doc.set_target(first, first.target + "\nextra")
    doc.mark_saved(doc.serialize())
    assert doc.warnings[0].line == parse(doc.serialize()).warnings[0].line


def test_lone_surrogate_is_rejected_up_front() -> None:
    doc = doc_of("change-nameservers.md")
    with pytest.raises(TargetRejected):
        doc.set_target(doc.pair("da2f2-110"), "Sla \ud800 op.")


def test_nul_in_target_is_rejected_up_front() -> None:
    doc = doc_of("change-nameservers.md")
    p = doc.pair("da2f2-110")
    try:
        doc.set_target(p, "Sla\x00op.")
    except TargetRejected:
        return
    parse(doc.serialize(), "change-nameservers.md")


# -- errors: bytes that are not an article ------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "column", "words"),
    [
        (b"---\ntitle: x\n---\nabc \xff def\n", 4, 5, "byte 0xff is not valid UTF-8"),
        (b"\xe9t\xe9\n", 1, 1, "byte 0xe9 is not valid UTF-8"),
        ("ab\nééé".encode()[:-1], 2, 5, "is not valid UTF-8"),  # truncated multi-byte at EOF
        ("Tekst: caf\xe9\n".encode("latin-1"), 1, 11, "byte 0xe9"),
        ("---\ntitle: x\n".encode("utf-16"), 1, 1, "UTF-16"),
        ("---\n".encode("utf-16-be"), 1, 1, "looks like UTF-16 without a BOM"),
        ("ab\ncd".encode("utf-16-le"), 1, 2, "looks like UTF-16 without a BOM"),
        (b"line one\nab\x00cd", 2, 3, "NUL bytes: it is binary"),
        (codecs.BOM_UTF16_BE + "x".encode("utf-16-be"), 1, 1, "UTF-16"),
    ],
    ids=[
        "bad-byte",
        "latin1-start",
        "truncated",
        "latin1",
        "utf16-bom",
        "utf16-be",
        "utf16-le",
        "nul",
        "utf16-be-bom",
    ],
)
def test_unreadable_bytes_raise_format_error_naming_file_line_column(
    data: bytes, line: int, column: int, words: str
) -> None:
    with pytest.raises(FormatError) as info:
        parse(data, "artikelen/bad.md")
    err = info.value
    assert isinstance(err, ReviewerError)
    assert (err.path, err.line, err.column) == ("artikelen/bad.md", line, column)
    assert str(err).startswith(f"artikelen/bad.md:{line}:{column}: ")
    assert words in str(err)
    assert err.hint


def test_format_error_from_load_document_names_the_path(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.md"
    bad.write_bytes(corpus_bytes("change-nameservers.md")[:100] + b"\xc3\x28")
    with pytest.raises(FormatError) as info:
        load_document(bad)
    assert str(info.value).startswith(f"{bad}:7:1: byte 0xc3 is not valid UTF-8")
    assert info.value.path == str(bad)


def test_format_error_without_a_path() -> None:
    with pytest.raises(FormatError, match=r"^<input>:1:2: "):
        parse(b"a\xff")


@pytest.mark.parametrize("yaml_line", ["ms.date: 2021-13-01", "a: !!int abc"])
def test_front_matter_value_errors_become_warnings(yaml_line: str) -> None:
    doc = parse(f"---\n{yaml_line}\n---\n{pair('abcde-102')}\n".encode())
    assert [w.code for w in doc.warnings] == ["front-matter"]


def test_deeply_nested_front_matter_becomes_a_warning() -> None:
    doc = parse(b"---\na: " + b"[" * 5000 + b"\n---\nbody\n")
    assert [w.code for w in doc.warnings] == ["front-matter"]


def test_pair_objects_are_identity_compared() -> None:
    # eq=False: two pairs with equal text are still distinct segments.
    doc = roundtrips((pair("abcde-102") + " " + pair("abcde-103")).encode())
    a, b = doc.pairs
    assert isinstance(a, Pair)
    assert a != b and a == a


def test_pair_without_closer_is_reported_at_its_opener() -> None:
    text = (
        'Intro\n<span data-ttu-id="abcde-101">Doel</span><span class="sxs-lookup">'
        '<span data-stu-id="abcde-101">Source with no closer\n'
    )
    doc = roundtrips(text.encode())
    assert doc.pairs == []
    assert [(w.code, w.line, w.column) for w in doc.warnings] == [("unclosed-pair", 2, 1)]


def test_warnings_are_in_file_order_with_offsets() -> None:
    doc = doc_of("explanation-types-overview.md")
    offsets = [w.offset for w in doc.warnings]
    assert offsets == sorted(offsets) and all(o >= 0 for o in offsets)
    for w in doc.warnings:
        assert doc.line_column(w.offset) == (w.line, w.column)


def test_two_unclosed_openers_sharing_a_delimiter_leave_the_next_source_an_orphan() -> None:
    """Found by `make fuzz`: both openers claim the first sxs-lookup half; the second is free."""
    opener = '<span data-ttu-id="abcde-101">'
    lookup = '</span><span class="sxs-lookup"><span data-stu-id="abcde-101">'
    doc = roundtrips((opener + opener + lookup + lookup).encode())
    assert [(w.code, w.column) for w in doc.warnings] == [
        ("unclosed-pair", 1),
        ("unclosed-pair", 31),
        ("orphan-source", 130),
    ]
    assert_warnings_match_reference(doc)
