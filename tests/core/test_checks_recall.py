"""Errors the recall rules catch and look-alikes they leave alone, on real TUNE-split pairs.

Each example is a pair from the TUNE split of the article set (file and pair id in the comment;
one marked *made up* stands for a pattern no TUNE pair showed): a main clause that starts with
"u" and lost its finite verb, a product name re-cased beside its right spelling, and English
that may stay English (quoted names, placeholders) in `partly-untranslated`.
"""

from __future__ import annotations

import pytest

from reviewer.core.checks import REGISTRY, load_builtin_checks

# (code, source, target, text a message must contain, or None for no finding)
RECALL_EXAMPLES: list[tuple[str, str, str, str | None]] = [
    # -- missing-verb: "U …" or "; u …" with an infinitive and no finite verb
    (  # dev.yaml 5f0a9-176: after a semicolon
        "missing-verb",
        "You don't need to disable anti-spoofing protection if your MX record doesn't point to "
        "Microsoft 365; you enable Enhanced Filtering for Connectors instead.",
        "U hoeft de bescherming tegen spoofing niet uit te schakelen als uw MX-record niet naar "
        "de Microsoft 365; u in plaats daarvan Verbeterde filtering voor verbindingslijnen "
        "inschakelen.",
        "'u in plaats daarvan",
    ),
    (  # control-who-creates-groups-and-teams.md f8a37-104: "kunt" lost
        "missing-verb",
        "You can change the default and assign the right to create Microsoft 365 groups or Teams "
        "to a subset of users within your organization.",
        "U de standaardinstelling wijzigen en het recht toewijzen om Microsoft 365-groepen of "
        "Teams te maken aan een subset van gebruikers binnen uw organisatie.",
        "'u de standaardinstelling wijzigen",
    ),
    (  # bulk-delete-user.md f4d4a-103
        "missing-verb",
        "You can remove a large number of users from group by using a comma separated values "
        "(CSV) file to bulk delete users.",
        "U een groot aantal gebruikers uit de groep verwijderen door een CSV-bestand (Comma "
        "separated Values) te gebruiken om gebruikers in bulk te verwijderen.",
        "no finite verb after 'u'",
    ),
    (  # recall-or-replace-an-email-message.md 7a34b-113: a verb the word list lacks
        "missing-verb",
        "You must double-click to open the message.",
        "U dubbelklikt op het bericht om het te openen.",
        None,
    ),
    (  # advanced-ediscovery-dashboard.md 0b0ab-118: klikt → klikken
        "missing-verb",
        "You click a widget and then click **Add** to add it to the widgets on the **Search "
        "profile view** page.",
        "U klikt op een widget en vervolgens **op Toevoegen om** deze toe te voegen aan de "
        "widgets op de pagina **Profielweergave** zoeken.",
        None,
    ),
    (  # change-a-user-name-and-email-address.md bf214-171 (shortened): lost → lossen
        "missing-verb",
        "To fix this, log in with your Microsoft 365 administrator credentials.",
        "U lost dit op door u met uw Microsoft 365-beheerdersreferenties aan te melden.",
        None,
    ),
    (  # setting-up-your-o365-business-essentials-subscription.md f3fa2-p105 (shortened)
        "missing-verb",
        "You and your team members can download and install Skype for Business.",
        "U en uw teamleden kunnen Skype voor Bedrijven downloaden en installeren.",
        None,
    ),
    # -- name-case: right once, re-cased elsewhere
    (  # dev.yaml 7db20-103
        "name-case",
        "To assign an Azure AD group with source of authority in Azure AD to an Azure AD role, "
        "perform the following steps:",
        "Voer de volgende stappen uit om een Azure AD-groep met bron autoriteit in azure AD toe "
        "te wijzen aan een Azure AD-rol:",
        "Azure AD written as azure AD",
    ),
    (  # made up: the source, too, writes the word in lowercase once
        "name-case",
        "Create teams in Microsoft Teams.",
        "Maak teams in Microsoft Teams.",
        None,
    ),
    # -- partly-untranslated: quoted names and placeholders may stay English
    (  # mac-install-with-intune.md 7ef7e-165
        "partly-untranslated",
        'Choose a name for the profile, e.g., "Defender or Endpoint onboarding for macOS".',
        "Kies een naam voor het profiel, bijvoorbeeld 'Defender or Endpoint onboarding for macOS'.",
        None,
    ),
    (  # performance-tuning-using-baselines-and-history.md 03417-351
        "partly-untranslated",
        "Type ping \\<the name of the proxy server your browser uses, or the IP address of the "
        "proxy server\\> and then press ENTER.",
        "Typ ping \\<the name of the proxy server your browser uses, or the IP address of the "
        "proxy server\\> en druk op Enter.",
        None,
    ),
    (  # view-mail-flow-reports.md f9512-424
        "partly-untranslated",
        "The **Top senders and recipients** report is a pie chart showing your top email senders "
        "and recipients.",
        "Het **rapport Top senders and recipients** is a pie chart showing your top email senders "
        "and recipients.",
        "is a pie chart showing",
    ),
]


@pytest.mark.parametrize(("code", "source", "target", "expected"), RECALL_EXAMPLES)
def test_recall_example(code: str, source: str, target: str, expected: str | None) -> None:
    load_builtin_checks()
    fn = REGISTRY[code].pair_fn
    assert fn is not None
    messages = list(fn(source, target))
    if expected is None:
        assert messages == [], messages
    else:
        assert any(expected in m for m in messages), messages
