"""Recall rules: split compounds (a stray linking s, "e-mail" apart), lowercased acronyms,
English Title Case in Dutch, "de" with an adjective and a het-noun, retentie- terms.

Each example is a real pair: from tests/data/check_eval (dev.yaml, dev2.yaml: file set and id
named in the comment) or from the TUNE split of the article set (article and pair id in the
comment), with look-alikes the rules must leave alone.
"""

from __future__ import annotations

import pytest

from reviewer.core.checks import REGISTRY, load_builtin_checks
from reviewer.core.checks.spelling import misspellings

# (code, source, target, text a message must contain, or None for no finding of that code)
EXAMPLES: list[tuple[str, str, str, str | None]] = [
    # -- split-compound: a first part with its linking s written apart
    (  # api-access.md 215bd-113
        "split-compound",
        "Get an access token using this application",
        "Een toegangs token krijgen met deze toepassing",
        "split compound 'toegangs token': write 'toegangstoken'",
    ),
    (  # add-or-update-payment-azure-modern.md 5d2cf-103: the head inside link text
        "split-compound",
        "Your Payment methods are associated with [billing profiles](https://docs.microsoft.com/"
        "azure/billing/billing-how-to-change-credit-card).",
        "Uw betaalwijzen zijn gekoppeld aan [facturerings profielen](https://docs.microsoft.com/"
        "azure/billing/billing-how-to-change-credit-card).",
        "write 'factureringsprofielen'",
    ),
    (  # dev2.yaml c1ec9-131: the hyphen of an elliptic compound
        "split-compound",
        "Security &amp; Compliance Center",
        "Beveiligings &amp; compliancecentrum",
        "missing hyphen in 'Beveiligings &amp;': write 'Beveiligings- &amp;'",
    ),
    (  # block-pop-up-windows-in-microsoft-edge.md 3686f-102: a plural in -s, not a first part
        "split-compound",
        "Block pop-up windows in Microsoft Edge",
        "Pop-upvensters blokkeren in Microsoft Edge",
        None,
    ),
    (  # customer-lockbox-requests.md 6b201-245: a plural noun, then a preposition
        "split-compound",
        "You can cross-reference the email approval notifications sent to admins and approvers "
        "in your organization with the Customer Lockbox request history.",
        "U kunt de e-mailgoedkeuringsmeldingen die naar beheerders en goedkeurders in uw "
        "organisatie zijn verzonden, kruisen met de aanvraaggeschiedenis klantvergrendeling.",
        None,
    ),
    (  # owa-signature.md a6118-102: "e-mail" apart from the noun it makes a compound with
        "split-compound",
        "Create an email signature in Outlook on the web",
        "Een e-mail handtekening maken in de webversie van Outlook",
        "split compound 'e-mail handtekening': write 'e-mailhandtekening'",
    ),
    (  # extend-subscription.md ec602-113: "per e-mail" ends a phrase, a noun follows
        "split-compound",
        "You'll receive instructions via email to activate your key in the [Volume Licensing "
        "Service Center](https://go.microsoft.com/fwlink/p/?LinkID=282016).",
        "U ontvangt per e-mail instructies om de code te activeren in het [Volume Licensing "
        "Service Center](https://go.microsoft.com/fwlink/p/?LinkID=282016).",
        None,
    ),
    # -- article-gender: an inflected adjective between "de" and the het-noun
    (  # microsoft-365-compliance-center.md 0b03b-176
        "article-gender",
        "**Why don't I see the new Microsoft 365 compliance center yet?**",
        "**Waarom zie ik de nieuwe Microsoft 365-compliancecentrum nog niet?**",
        "'de nieuwe Microsoft 365-compliancecentrum': compliancecentrum takes 'het'",
    ),
    (  # change-the-hold-duration-for-an-inactive-mailbox.md 731c5-168
        "article-gender",
        "To identity the eDiscovery case that the hold on the inactive mailbox is associated "
        "with, run the following commands.",
        "Voer de volgende opdrachten uit om de eDiscovery-zaak te identiteiten die aan de "
        "inactieve postvak zijn gekoppeld.",
        "'de inactieve postvak': postvak takes 'het'",
    ),
    (  # having-issues-getting-outlook-to-connect-0.md 2fa1a-103: a plural marked "(en)"
        "article-gender",
        "We've detected that Outlook isn't configured to work properly under the following "
        "domain(s):",
        "Outlook is niet geconfigureerd voor een juiste werking onder de volgende domein (en):",
        None,
    ),
    # -- forbidden-term: retentie- forms for retention label and retention settings
    (  # retention.md bba2a-178
        "forbidden-term",
        "If that's required, use retention labels instead of retention policies.",
        "Gebruik, indien vereist, retentielabels in plaats van bewaarbeleid.",
        "'retentielabels' is a forbidden variant; use 'bewaarlabel'",
    ),
    (  # retention.md bba2a-178, as Microsoft's Dutch writes it
        "forbidden-term",
        "If that's required, use retention labels instead of retention policies.",
        "Gebruik, indien vereist, bewaarlabels in plaats van bewaarbeleid.",
        None,
    ),
    # -- identifier-case: an acronym written in lower case
    (  # dev.yaml a0efc-106: lowercased in a compound, though right elsewhere in the sentence
        "identifier-case",
        "On Windows 10 RS3 and above, signed-in users will get SSO with the PRT to websites that "
        "support PRT-based SSO.",
        "In Windows 10 RS3 en hoger krijgen aangemelde gebruikers eenmalige aanmelding bij de PRT "
        "voor websites die prt-gebaseerde SSO ondersteunen.",
        "acronym PRT written as prt-gebaseerde",
    ),
    (  # exploit-protection-reference.md 19923-253
        "identifier-case",
        "Some IMEs, referred to as Legacy IMEs, will only work on Windows Desktop apps, and not "
        "UWP apps.",
        "Sommige chatberichten, ook wel oudere chatberichten genoemd, werken alleen Windows "
        "bureaublad-apps, en niet uwp-apps.",
        "acronym UWP written as uwp-apps",
    ),
    (  # understand-your-invoice.md c1846-110: Dutch writes pdf in lower case
        "identifier-case",
        "To print or save a PDF copy of the bill, select **Download invoice PDF**, and then print "
        "the PDF.",
        "Als je een pdf-versie van de factuur wilt afdrukken of opslaan, kies je **Pdf-factuur "
        "bekijken** en maak je vervolgens een afdruk van het pdf-bestand.",
        None,
    ),
    (  # pilot-microsoft-365-from-my-custom-domain.md c4f85-179: spf in a host name
        "identifier-case",
        "If you already have a Sender Policy Framework (SPF) record for your previous email "
        "provider, instead of creating a new SPF (TXT) record for Exchange Online, add "
        '"include:spf.protection.outlook.com" to the current TXT record.',
        "Als u al een SPF-record (Sender Policy Framework) hebt voor uw vorige e-mailprovider, "
        "voegt u 'include:spf.protection.outlook.com' toe aan de huidige TXT-record in plaats "
        "van een nieuwe SPF (TXT)-record te maken voor Exchange Online.",
        None,
    ),
    # -- title-case: English Title Case carried into Dutch
    (  # dev.yaml f1ee8-102
        "title-case",
        "Stop messages from going to your Junk Email folder",
        "Voorkomen dat berichten naar de map Ongewenste E-mail worden verzonden",
        "Title Case 'Ongewenste E-mail'",
    ),
    (  # call-quality-call-fail.md 43a3b-102
        "title-case",
        "Call Quality or Dropped Calls",
        "Gesprekskwaliteit of Verbroken Verbinding",
        "(Verbroken verbinding)",
    ),
    (  # get-microsoft-365-campaigns.md c022c-108: Dutch names of countries keep their capitals
        "title-case",
        "National or federal political campaigns in the United States and New Zealand",
        "Nationale of federale politieke campagnes in de Verenigde Staten en Nieuw-Zeeland",
        None,
    ),
    (  # linux-deploy-defender-for-endpoint-with-chef.md 6f8d6-124: a name with "Van"
        "title-case",
        "To test deploy it on the Chef workstation, just run ``sudo chef-client -z -o mdatp``.",
        "Als u de implementatie wilt testen op het werkstation Van Kok, voer dan gewoon "
        "``sudo chef-client -z -o mdatp`` uit.",
        None,
    ),
    (  # ms-cloud-germany-transition-phases.md 8d1c4-357: the brand form "voor Bedrijven"
        "title-case",
        "Review the [pre-migration steps for Skype for Business Online migration](x.md) and make "
        "sure you completed all steps.",
        "Bekijk de [stappen vóór de migratie voor Skype voor Bedrijven Online-migratie](x.md) en "
        "controleer of u alle stappen hebt voltooid.",
        None,
    ),
    (  # create-signature-outlook-web.md 95c5f-104: a menu path that lost its ">" (menu-path's)
        "title-case",
        "On the top nav bar, choose **Settings** > **Mail**.",
        "Kies Instellingen Mail op de bovenste  >  **navigatiebalk.**",
        None,
    ),
]


@pytest.mark.parametrize(("code", "source", "target", "expected"), EXAMPLES)
def test_example(code: str, source: str, target: str, expected: str | None) -> None:
    load_builtin_checks()
    fn = REGISTRY[code].pair_fn
    assert fn is not None
    messages = list(fn(source, target))
    if expected is None:
        assert messages == [], messages
    else:
        assert any(expected in m for m in messages), messages


def test_elliptic_hyphen_is_underlined_in_the_editor() -> None:
    """The editor's underline covers the first part and the conjunction it needs a hyphen
    before, and the split-compound check (not the name-hyphen one) reports it."""
    target = "Beveiligings &amp; compliancecentrum"
    found = misspellings(target, "Security &amp; Compliance Center")
    assert [(target[m.start : m.end], m.kind) for m in found] == [
        ("Beveiligings &amp;", "ellipsis")
    ]
    hyphen = REGISTRY["compound-hyphen"].pair_fn
    assert hyphen is not None
    assert list(hyphen("Security &amp; Compliance Center", target)) == []
