"""Checks of what must survive and what Dutch grammar needs: literals, acronyms, code values,
currencies, times and number words, markup position and the grammar heuristics.

Most examples are real pairs from the TUNE split of the article set (file and id in the
comment), shortened where the rest of the sentence does not matter.
"""

from __future__ import annotations

import pytest

from reviewer.core.checks import REGISTRY, Level
from reviewer.core.checks.analysis import word_set
from reviewer.core.checks.tokens import literals

# (code, source, target, text a message must contain, or None for no finding)
EXAMPLES: list[tuple[str, str, str, str | None]] = [
    # -- identifier: hashes, GUIDs, names, cmdlets, paths, files, e-mail, placeholders
    (  # get-assessment-secure-config.md c166f-181: one hex digit dropped
        "identifier",
        "9eaf3a8b5962e0e6b1af9ec756664a9b823df2d1",
        "9eaf3a8b5962e0e6b1af9ec75664a9b823df2d1",
        "hash 9eaf3a8b5962e0e6b1af9ec756664a9b823df2d1 changed: → 9eaf3a8b5962e0e6b1af9ec7566",
    ),
    (
        "identifier",
        "Thumbprint 1A2B3C4D5E6F7A8B",
        "Vingerafdruk 1A2B3C4D5E6F7A8BB",
        "1A2B3C4D5E6F7A8B",
    ),
    ("identifier", "Thumbprint 1A2B3C4D5E6F7A8B", "Vingerafdruk 1A2B3C4D5E6F7A8B", None),
    (  # spaced thumbprint, one group doubled
        "identifier",
        "Thumbprint: a9 09 50 2d d8 2a e4 14 33 e6 f8 38 86 b0 0d 42 77 a3 2a 7b",
        "Vingerafdruk: a9 09 50 2d d8 2a e4 14 33 e6 f8 38 86 b0 0d 42 77 a3 2a 7b 7b",
        "hash a9 09 50",
    ),
    (  # exposed-apis-create-app-webapp.md a57f1-159
        "identifier",
        "Where 00000000-0000-0000-0000-000000000000 is replaced with your application ID.",
        "Waar 000000000-0000-0000-0000-00000000000 wordt vervangen door uw toepassings-id.",
        "GUID 00000000-0000-0000-0000-000000000000",
    ),
    (  # mac-jamfpro-policies.md ba566-208
        "identifier",
        "exclusionsMergePolicy",
        "uitsluitingenMergePolicy",
        "identifier exclusionsMergePolicy changed: → uitsluitingenMergePolicy",
    ),
    (  # auditing-troubleshooting-scenarios.md fe96d-180
        "identifier",
        "This is necessary to return any audit records related to the **Set-Mailbox** cmdlet.",
        "Dit is nodig om controlerecords te retourneren voor de cmdlet **Postvak** instellen.",
        "cmdlet Set-Mailbox",
    ),
    ("identifier", "Set it to $true.", "Stel deze in op $True.", None),  # PowerShell ignores case
    ("identifier", "Browse to %appdata%\\Microsoft.", "Ga naar de map%appdata%\\Microsoft.", None),
    (  # double-key-encryption.md b75dc-237
        "identifier",
        "You modify application settings in the appsettings.json file.",
        "U wijzigt de toepassingsinstellingen in appsettings.jsbestand.",
        "file name appsettings.json",
    ),
    (  # create-sharepoint-sites-and-add-users-with-powershell.md f464c-125
        "identifier",
        "Save the file on your desktop as **SiteCollections.csv**.",
        "Sla het bestand op uw bureaublad op **alsSiteCollections.csv.**",
        "glued to the words around it: alsSiteCollections.csv",
    ),
    (  # linux-install-with-puppet.md 8c568-137
        "identifier",
        "This folder is typically located in */etc/puppetlabs/code/environments/production*.",
        "Deze map bevindt zich meestal in */etc/poppenkast/code/omgevingen/productie*.",
        "path /etc/puppetlabs",
    ),
    ("identifier", "Use {0} and %1.", "Gebruik {0} en %2.", "placeholder %1"),
    ("identifier", "Send it to Sales@NodPublishers.com.", "Stuur het naar Sales@Contoso.com.", "→"),
    (  # dns-basics.md fcdea-175: an example mailbox given a Dutch name on the same domain
        "identifier",
        "An address such as joe@contoso.com.",
        "Een adres zoals jan@contoso.com.",
        None,
    ),
    ("identifier", "1.Log in to your portal.", "1.Meld u aan bij uw portal.", None),
    ("identifier", "Select **AutoSave**.", "Selecteer **Automatisch opslaan**.", None),  # UI name
    ("identifier", "Across OneDrives.", "In de OneDrive-accounts.", None),  # plural
    ("identifier", "Use SharePoint and OneDrive.", "Gebruik SharePoint en OneDrive.", None),
    (
        "identifier",
        "Version 16.0.12345.20000 or later.",
        "Versie 16.0.12345.2000 of hoger.",
        "16.0",
    ),
    # -- identifier-case: a name whose capitals changed
    (  # search-for-ediscovery-activities-in-the-audit-log.md 6b7be-433
        "identifier-case",
        "Created eDiscovery case",
        "EDiscovery-zaak gemaakt",
        "eDiscovery written as EDiscovery",
    ),
    (
        "identifier-case",
        "Use PowerShell.",
        "Gebruik Powershell.",
        "PowerShell written as Powershell",
    ),
    ("identifier-case", "Use PowerShell.", "Gebruik PowerShell.", None),
    ("identifier-case", "Run Get-MsolUser.", "Voer get-MsolUser uit.", "Get-MsolUser written as"),
    # -- acronym: replaced by another acronym
    (  # mail-flow-rules-in-exchange-online.md 02adb-104
        "acronym",
        "Use the Exchange admin center (EAC) to configure Transport Rules.",
        "Gebruik het Exchange-beheercentrum (SBV) om transportregels te configureren.",
        "acronym EAC changed: → SBV",
    ),
    ("acronym", "Save it as a CSV file.", "Sla het op als CVS-bestand.", "CSV changed: → CVS"),
    ("acronym", "Data privacy under the GDPR.", "Privacy van gegevens onder de AVG.", None),
    ("acronym", "Pay the VAT.", "Betaal de btw.", None),
    ("acronym", "Enter the user ID.", "Voer de gebruikers-id in.", None),
    ("acronym", "Your ISP may be slow.", "Uw internetprovider is misschien traag.", None),
    ("acronym", "**TRADEMARK NOTICES.**", "**MERKINMERKINGEN.**", None),  # shouting
    ("acronym", "Use the URLs.", "Gebruik de URL's.", None),
    # -- code-value: TRUE/FALSE values and query operators
    (  # troubleshoot-oauth-2-0-and-openid-Connect-protocols.md 01541-117
        "code-value",
        "**AllowCloudPasswordValidation** set to **TRUE** will enable ROPC flow.",
        "**AllowCloudPasswordValidation** ingesteld op **WAAR** maakt ROPC-stroom mogelijk.",
        "value TRUE",
    ),
    ("code-value", "Set it to **TRUE**.", "Stel deze in op **True**.", None),
    (  # apply-retention-labels-automatically.md 8e47d-189
        "code-value",
        "You can refine your query by using search operators such as AND, OR, and NOT.",
        "U kunt uw query verfijnen met behulp van zoekoperatoren zoals EN, OF en NIET.",
        "query operator OR",
    ),
    (  # create-a-custom-sensitive-information-type-in-scc-powershell.md ca459-185
        "code-value",
        "You can use the Any element to introduce AND or OR operators.",
        "U kunt het Any-element gebruiken om AND- of OR-operatoren in te zetten.",
        None,
    ),
    (  # emphasis, not a query: Dutch capitals are fine
        "code-value",
        "Create both a conditional access policy AND a session policy.",
        "Maak zowel voorwaardelijke toegang EN een sessiebeleid.",
        None,
    ),
    (  # safe-links.md 82a44-208: the operator named as a concept
        "code-value",
        "Multiple values of the same condition use OR logic in the query.",
        "Meerdere waarden van dezelfde voorwaarde gebruiken OF-logica in de query.",
        None,
    ),
    # -- currency
    (  # importing-pst-files-to-office-365.md 7be50-260
        "currency",
        "For example, the cost is $2,000 USD.",
        "Dan kost dit bijvoorbeeld 2000 euro.",
        "currency changed: USD → EUR",
    ),
    ("currency", "The cost is $2 USD per GB.", "De kosten zijn $ 2 USD per GB.", None),
    ("currency", "Please pay in EUR.", "Betaal in EURO.", None),
    # -- numbers: 12-hour times, number words and multipliers are fine
    ("numbers", "Sales: 4:59 PM", "Verkoop: 16:59", None),
    ("numbers", "Mon-Fri 9 AM-5 PM", "ma-vr 9:00-17:00 uur", None),
    ("numbers", "Mon-Fri 10 AM-6 PM", "ma-vr 10.00-18.00 uur", None),
    ("numbers", "Mon-Fri 9 AM-5 PM", "ma-vr 9:00-18:00 uur", "time 5 PM missing"),
    ("numbers", "2 a.m.", "02:00 uur", None),
    ("numbers", "Mon-Fri 6 AM-noon", "ma-vr 06:00-12:00", None),
    ("numbers", "German: Mon-Fri 9-5 Berlin", "Duits: ma-vr 9.00-17.00 Berlijn", None),
    ("numbers", "Closed from 1 to 2:30.", "Gesloten van 13:00 tot 14:30.", None),
    ("numbers", "It takes twenty-four hours.", "Het duurt 24 uur.", None),
    ("numbers", "Up to 30 days.", "Maximaal dertig dagen.", None),
    ("numbers", "Up to 24 hours.", "Maximaal vierentwintig uur.", None),
    ("numbers", "Less than 10k users.", "Minder dan 10.000 gebruikers.", None),
    ("numbers", "Up to 30 million items.", "Maximaal 30.000.000 items.", None),
    ("numbers", "Released: December 03, 2020", "Uitgebracht: 3 december 2020", None),
    ("numbers", "24×7 monitoring", "doorlopende bewaking", None),
    ("numbers", "Scores between .5 and 1.0.", "Scores tussen 0,5 en 1,0.", None),
    ("numbers", "Up to 500 miles (800 km).", "Tot 800 km.", None),
    ("numbers", "See the Office 365 Trust Center.", "Zie het Office 365-vertrouwenscentrum.", None),
    ("numbers", "Windows 10 devices", "Windows 11-apparaten", "10 → 11"),
    ("numbers", "For amounts above MXN $3,500.", "Voor bedragen boven $ 3.500.000.", "3,500"),
    ("number-format", "Use TLS 1.2.", "Gebruik TLS 1,2.", "version TLS 1.2 written as TLS 1,2"),
    # -- markup position
    (  # set-up-remote-actions… (TUNE, abridged): the lone code span went to the other end
        "inline-code-moved",
        "Run the `Get-MsolAccountSku` command to view the available licensing plans in your org.",
        "Voer de opdracht uit om de beschikbare licentieplannen in uw organisatie te bekijken "
        "met `Get-MsolAccountSku`.",
        "`Get-MsolAccountSku` moved from the start of the sentence to the end",
    ),
    (
        "inline-code-moved",
        "Run the `Get-MsolAccountSku` command to view the available plans.",
        "Voer de opdracht `Get-MsolAccountSku` uit om de beschikbare plannen te bekijken.",
        None,
    ),
    (  # canceling-your-office-365-subscription.md 1f4c8-108 (the seed article)
        "bold-cut",
        "In the **Settings & Actions** section, choose **Cancel subscription**.",
        "Kies in de sectie **Instellingen & acties** de optie Abonnement **annuleren**.",
        "bold **annuleren** lost 'Abonnement'",
    ),
    ("bold-cut", "**Account Name:** MICROSOFT", "**Accountnaam:** MICROSOFT", None),
    (
        "bold-cut",
        "**Manage devices**",
        "**Beheren** apparaten",
        "bold **Beheren** lost 'apparaten'",
    ),
    ("bold-cut", "**Manage devices**", "**Apparaten beheren**", None),
    ("bold-cut", "Click **Save changes**.", "Klik op **Opslaan**.", None),
    ("bold-cut", "Select **Quarantine message**.", "Selecteer **Quarantainebericht**.", None),
    ("formatting-boundary", "Click **Apply**.", "Klik **op Toepassen**.", "begins with 'op'"),
    ("formatting-boundary", "Click **Apply**.", "Klik op **Toepassen**.", None),
    (
        "formatting-boundary",
        "Go to [Access panel](u).",
        "Ga naar [het Access-deelvenster](u).",
        None,
    ),
    (
        "formatting-boundary",
        "Results are sent to [Microsoft Endpoint Manager](u).",
        "Resultaten worden verzonden [naar Microsoft Endpoint Manager.](u)",
        "begins with 'naar'",
    ),
    (  # threat-explorer.md 48113-433 (abridged)
        "bold-cut",
        "See [Safe Links policies](u) for more.",
        "Zie Safe [koppelingen](u) voor meer.",
        "link [koppelingen] lost 'Safe' (source [Safe Links policies])",
    ),
    (  # fe96d-127 of the dev labels: the UI noun pulled into the bold
        "formatting-boundary",
        "The **Audit** page is displayed.",
        "De **pagina Controle** wordt weergegeven.",
        "takes in the UI noun 'pagina'",
    ),
    (
        "formatting-boundary",
        "The **Audit page** is shown.",
        "De **pagina Controle** wordt getoond.",
        None,
    ),
    (  # 78f31-106 of the dev labels
        "formatting-boundary",
        "A page with the **Topics** web part.",
        "Een pagina met het **webonderdeel** Onderwerpen.",
        "bold holds 'webonderdeel' but the label 'Onderwerpen'",
    ),
    (  # 5fc9e-108 of the dev labels
        "ui-label-case",
        "For **Collaboration restrictions**, choose any of these options:",
        "Kies een van de volgende opties voor **samenwerkingsbeperkingen:**",
        "bold label **samenwerkingsbeperkingen:** starts lowercase",
    ),
    ("ui-label-case", "Select **Save**.", "Selecteer **Opslaan**.", None),
    ("ui-label-case", "Enroll **iOS** devices.", "Registreer **iOS**-apparaten.", None),
    ("ui-label-case", "Use **eDiscovery**.", "Gebruik **eDiscovery**.", None),
    (  # e08bf-104 of the dev labels
        "missing-van",
        "To get approval to deploy Microsoft 365 for enterprise, …",
        "Om goedkeuring te krijgen voor het implementeren Microsoft 365 voor ondernemingen, …",
        "'het implementeren Microsoft' needs 'van'",
    ),
    (
        "missing-van",
        "To get approval to deploy Microsoft 365, …",
        "Om goedkeuring te krijgen voor het implementeren van Microsoft 365, …",
        None,
    ),
    ("identifier", "long", "lang", "data type long translated: → lang"),  # 1da2c-227
    ("identifier", "String", "Tekenreeks", None),  # a REST property type in prose
    ("bold-punctuation", "Press **Enter**:", "Druk op **Enter:**", "took in the colon"),
    ("bold-punctuation", "**Note**: text", "**Opmerking:** tekst", None),  # a leading label
    # -- grammar
    (  # canceling-your-office-365-subscription.md 1f4c8-106 (the seed article)
        "missing-verb",
        "If you have fewer than 25 assigned licenses, you can cancel your subscription online.",
        "Als u minder dan 25 toegewezen licenties hebt, u uw abonnement online opzeggen.",
        "no finite verb after the subclause",
    ),
    (
        "missing-verb",
        "If you have fewer than 25 assigned licenses, you can cancel your subscription online.",
        "Als u minder dan 25 toegewezen licenties hebt, kunt u uw abonnement online opzeggen.",
        None,
    ),
    (  # If your organization is agile, you have a small team, …: a second subclause
        "missing-verb",
        "If your organization is agile, you have a small IT team, and …",
        "Als uw organisatie wendbaar is, u een klein IT-team heeft en …",
        None,
    ),
    (  # performance-tuning-using-baselines-and-history.md 03417-325
        "om-te",
        "How to use PsPing to get an overall round trip time",
        "PsPing gebruiken om een algemene retourtijd krijgen",
        "no 'te' before the infinitive 'krijgen'",
    ),
    ("om-te", "To get the URLs", "Om de URL's te krijgen", None),
    ("om-te", "You can start it at 10.", "U kunt het om 10 uur starten.", None),  # a modal
    ("om-te", "Ask for money.", "Om geld vragen.", None),
    (
        "om-te",
        "For security reasons it is prevented.",
        "Het wordt om beveiligingsredenen voorkomen.",
        None,
    ),
    (  # apply-irm-to-a-list-or-library.md 0a270-107
        "te-in-subclause",
        "Administrator preparations before applying IRM",
        "Voorbereidingen voor beheerders voordat u IRM toe te passen",
        "'voordat u … te passen' has no finite verb",
    ),
    (
        "te-in-subclause",
        "Whenever you run the tool",
        "Telkens wanneer u het hulpprogramma uit te voeren",
        "'Telkens wanneer u … te voeren'",
    ),
    (
        "te-in-subclause",
        "Whenever you run the tool",
        "Telkens wanneer u het hulpprogramma uitvoert",
        None,
    ),
    (  # "toestaat" is the finite verb
        "te-in-subclause",
        "When you allow anonymous users to upload files, …",
        "Wanneer u anonieme gebruikers toestaat bestanden te uploaden, …",
        None,
    ),
]


@pytest.mark.parametrize(("code", "source", "target", "expected"), EXAMPLES)
def test_example(code: str, source: str, target: str, expected: str | None) -> None:
    fn = REGISTRY[code].pair_fn
    assert fn is not None
    messages = list(fn(source, target))
    if expected is None:
        assert messages == [], messages
    else:
        assert any(expected in m for m in messages), messages


def test_new_checks_have_levels_and_categories() -> None:
    expected = {
        "identifier": Level.ERROR,
        "identifier-case": Level.WARNING,
        "acronym": Level.WARNING,
        "code-value": Level.ERROR,
        "currency": Level.ERROR,
        "inline-code-moved": Level.WARNING,
        "bold-cut": Level.WARNING,
        "missing-verb": Level.WARNING,
        "missing-van": Level.WARNING,
        "ui-label-case": Level.WARNING,
        "bold-punctuation": Level.WARNING,
        "om-te": Level.WARNING,
        "te-in-subclause": Level.WARNING,
    }
    for code, level in expected.items():
        assert REGISTRY[code].level is level, code
    assert "missing-modal" not in REGISTRY and "options" not in REGISTRY


def test_every_thumbprint_change_is_caught() -> None:
    """A dropped or doubled hex digit anywhere in a 40-digit thumbprint is always an error."""
    thumb = "9eaf3a8b5962e0e6b1af9ec756664a9b823df2d1"
    fn = REGISTRY["identifier"].pair_fn
    assert fn is not None
    for k in range(len(thumb)):
        dropped = thumb[:k] + thumb[k + 1 :]
        doubled = thumb[:k] + thumb[k] + thumb[k:]
        for changed in (dropped, doubled):
            source = f"The thumbprint is {thumb}."
            target = f"De vingerafdruk is {changed}."
            assert any(thumb in m for m in fn(source, target)), (k, changed)


def test_literals_skip_code_urls_and_plain_words() -> None:
    found = {
        (lit.kind, lit.text)
        for lit in literals(
            "Run `Get-Mailbox` or see https://a.b/GetThing, then use Set-Mailbox on "
            "SharePoint with user@contoso.com and C:\\Temp\\x.log."
        )
    }
    assert ("cmdlet", "Set-Mailbox") in found
    assert ("name", "SharePoint") in found
    assert ("email", "user@contoso.com") in found
    assert ("path", "C:\\Temp\\x.log") in found
    assert not any("Get-Mailbox" in text or "GetThing" in text for _, text in found)
    assert literals("Select the option that you want.") == ()


def test_every_check_is_documented() -> None:
    """docs/CHECKS.md names every registered check, so none goes without an example and a
    way to turn it off."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "CHECKS.md").read_text(encoding="utf-8")
    assert [code for code in REGISTRY if f"`{code}`" not in doc] == []


def test_idiomatic_renderings_are_quiet() -> None:
    """What reviewers accept draws no finding from any check: 12-hour times in 24-hour form,
    "you can access" as "hebt u toegang", number words."""
    quiet = [
        ("The store closes at 4:59 PM.", "De winkel sluit om 16:59 uur."),
        (
            "If you're an admin, you can access the settings.",
            "Als u beheerder bent, hebt u toegang tot de instellingen.",
        ),
        ("It takes twenty-four hours.", "Het duurt 24 uur."),
    ]
    for source, target in quiet:
        for code, check in REGISTRY.items():
            if check.pair_fn is None or code in LANGUAGE_CODES:
                continue
            assert list(check.pair_fn(source, target)) == [], (code, source)


# The language checks have their own tests (spelling needs a dictionary installed).
LANGUAGE_CODES = word_set(
    "spelling split-compound compound-hyphen glossary-term forbidden-term dnt-translated "
    "untranslated omission-hint mistranslation-hint"
)
