"""Kept names and terms: glossary rows that keep Customer Key, Customer Lockbox and
the Mailbox Import Export role in English, and a label that must not become an etiket.

Each example is a real pair: from tests/data/check_eval (file set and id named in the comment)
or from the TUNE split of the article set (article and pair id), with look-alikes the rows must
leave alone.
"""

from __future__ import annotations

import pytest

from reviewer.core.checks import REGISTRY, load_builtin_checks

# (source, target, text a forbidden-term message must contain, or None for no finding)
EXAMPLES: list[tuple[str, str, str | None]] = [
    (  # dev3.yaml 8c91e-216
        "For example, to enable Customer Key to use DEPs for Exchange Online, SharePoint Online, "
        "and multi-workload scenarios, you'll create three pairs of key vaults.",
        "Als u bijvoorbeeld klantsleutel wilt inschakelen om DEP's te gebruiken voor Exchange "
        "Online, SharePoint Online en scenario's met meerdere werkbelastingen, maakt u drie paar "
        "sleutelkluizen.",
        "'klantsleutel' is a forbidden variant; use 'Customer Key'",
    ),
    (  # office-365-service-encryption.md 82ff4-133
        "Manage Customer Key",
        "Klantcode beheren",
        "'Klantcode' is a forbidden variant; use 'Customer Key'",
    ),
    (  # office-365-service-encryption.md 82ff4-134: a customer's key, not the feature's name
        "Roll or rotate a customer key or an availability key",
        "Een klantsleutel of een beschikbaarheidssleutel rollen of draaien",
        None,
    ),
    (  # dev3.yaml 6b201-134: the whole compound is named
        "Turn Customer Lockbox requests on or off",
        "Klantenvergrendelingsverzoeken in- of uitschakelen",
        "'Klantenvergrendelingsverzoeken' is a forbidden variant; use 'Customer Lockbox'",
    ),
    (  # microsoft-365-enterprise-plan-differences.md 17992-106: Microsoft's Dutch form
        "Customer Lockbox",
        "Klanten-lockbox",
        None,
    ),
    (  # dev2.yaml a3f29-137
        "You can add the Mailbox Import Export role to the Organization Management role group "
        "in Exchange Online.",
        "U kunt de rol Postvak importeren exporteren toevoegen aan de rollengroep "
        "Organisatiebeheer in Exchange Online.",
        "'Postvak importeren' is a forbidden variant; use 'Mailbox Import Export'",
    ),
    (  # dev2.yaml a3f29-137, with the role name kept
        "You can add the Mailbox Import Export role to the Organization Management role group "
        "in Exchange Online.",
        "U kunt de rol Mailbox Import Export toevoegen aan de rollengroep Organisatiebeheer in "
        "Exchange Online.",
        None,
    ),
]


@pytest.mark.parametrize(("source", "target", "expected"), EXAMPLES)
def test_kept_name(source: str, target: str, expected: str | None) -> None:
    load_builtin_checks()
    fn = REGISTRY["forbidden-term"].pair_fn
    assert fn is not None
    messages = list(fn(source, target))
    if expected is None:
        assert messages == [], messages
    else:
        assert any(expected in m for m in messages), messages


# (source, target, text a wrong-sense message must contain, or None for no finding)
LABELS: list[tuple[str, str, str | None]] = [
    (  # dev3.yaml d359c-112
        "Tutorial: Configure Azure Information Protection policy settings and create a new label",
        "Zelfstudie: beleidsinstellingen voor Azure Information Protection configureren en een "
        "nieuw etiket maken",
        "'label' rendered as 'etiket': here it means 'label'",
    ),
    (  # fbc41-110 of the TUNE split
        "To remove the labels:",
        "De etiketten verwijderen:",
        "'labels' rendered as 'etiketten'",
    ),
    (  # SharePoint's printed labels, with barcodes: a label may be an etiket there
        "Information management policies enable your organization to add barcodes or labels "
        "to documents.",
        "Met beleidsregels voor informatiebeheer kan uw organisatie streepjescodes of etiketten "
        "aan documenten toevoegen.",
        None,
    ),
    (  # dev3.yaml d359c-112, as Microsoft's Dutch writes it
        "Tutorial: Configure Azure Information Protection policy settings and create a new label",
        "Zelfstudie: beleidsinstellingen voor Azure Information Protection configureren en een "
        "nieuw label maken",
        None,
    ),
]


@pytest.mark.parametrize(("source", "target", "expected"), LABELS)
def test_label_is_not_an_etiket(source: str, target: str, expected: str | None) -> None:
    load_builtin_checks()
    fn = REGISTRY["wrong-sense"].pair_fn
    assert fn is not None
    messages = list(fn(source, target))
    if expected is None:
        assert messages == [], messages
    else:
        assert any(expected in m for m in messages), messages
