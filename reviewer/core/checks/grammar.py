"""Dutch grammar heuristics that MT breaks often and a reader notices: high precision only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from reviewer.core.checks.analysis import MASKS, analyse, word_set
from reviewer.core.checks.base import Level, register_pair_check
from reviewer.resources import resource_path

GRAMMAR = "linguistic-conventions/grammar"
NONE: tuple[str, ...] = ()
_WORD_RE = re.compile(r"[a-zà-ÿ]+")
# Modals, auxiliaries and verbs that take a bare infinitive: with one of these in the clause
# the infinitive at its end belongs to them ("om 10 uur kunt u … starten").
_BARE_INFINITIVE_VERBS = word_set(
    "kunt kan kunnen kon konden moet moeten moest wilt wil willen wilde zult zal zullen mag "
    "mogen gaat gaan ga laat laten liet hoeft hoeven blijft blijven zou zouden wordt worden "
    "werd is zijn was waren hebt heeft hebben had hadden ziet zien hoort horen helpt helpen"
)
# Finite forms the infinitive list cannot explain: auxiliaries, modals and a few irregulars.
_IRREGULAR_FINITE = word_set(
    "kan zal wil mag is was kon zou had ga sta doe zie hebt heeft bent wordt kunt zult wilt "
    "moet gaat doet komt staat ziet weet krijgt hoeft laat blijft wist werd waren"
)


def infinitives() -> frozenset[str]:
    """Dutch infinitives (mined from the article set), for other checks."""
    return _infinitives()


@lru_cache(maxsize=1)
def _infinitives() -> frozenset[str]:
    """Dutch infinitives mined from the article set: resources/grammar/SOURCES.md."""
    text = resource_path("grammar", "nl_verbs.txt").read_text(encoding="utf-8")
    return frozenset(w for w in (x.strip() for x in text.splitlines()) if w and w[0] != "#")


def finite_verb(word: str) -> bool:
    """A finite Dutch verb form (hebt, verzendt, biedt) by the mined infinitives."""
    return _finite(word, _infinitives())


def _finite(word: str, infinitives: frozenset[str]) -> bool:
    """A finite verb form (hebt, selecteert, maakt, geeft, zet, vergeet) by its infinitive."""
    if word in _IRREGULAR_FINITE:
        return True
    if not word.endswith("t") or len(word) < 4:
        return False
    stem = word[:-1]
    candidates = (
        stem + "en",  # werkt → werken
        word + "ten",  # zet → zetten
        word[:-3] + word[-2] + "en",  # maakt → maken, selecteert → selecteren
        word[:-3] + word[-2] + "n",  # gaat → gaan
        word[:-2] + "ten",  # vergeet → vergeten
        word[:-3] + "zen",  # leest → lezen
        word[:-3] + "ven",  # geeft → geven
        stem + word[-2] + "en",  # klikt → klikken, lost → lossen
    )
    return any(c in infinitives for c in candidates)


def _clause_words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


# -- a main clause that lost its finite verb --------------------------------------------

_SUBORDINATORS = (
    "Als|Wanneer|Nadat|Voordat|Zodra|Indien|Omdat|Hoewel|Terwijl|Tenzij|Zolang|Telkens wanneer"
)
# "Als u … hebt, u uw abonnement online opzeggen": after a fronted subclause Dutch puts the
# finite verb first ("kunt u"); a bare "u" there means the verb was lost.
_CLAUSE_STARTS = word_set(
    "totdat nadat voordat als wanneer omdat zodat dat die waar waarin waarmee terwijl zodra of"
)
_LOST_VERB_RE = re.compile(
    r"(?:^|[.!?]\s+)[\W]*(?:" + _SUBORDINATORS + r")\b[^,.;:!?]*,\s+u\s+([^,.;:!?]+)"
)
# A main clause that starts with "U" (a sentence, or after a semicolon) needs its finite verb
# next ("U kunt …", "u schakelt … in"): "U de standaardinstelling wijzigen" lost it.
_BARE_U_RE = re.compile(r"(?:^|[.!?]\s+|;\s*)[^\w\s]*(?:U|(?<=;)\s*u)\s+([^,.;:!?()]+)")


@register_pair_check("missing-verb", Level.WARNING, GRAMMAR, "Sentence lost its verb")
def check_missing_verb(source: str, target: str) -> Iterable[str]:
    """After a subclause ("Als u … hebt,") the main clause starts with "u" and has no finite
    verb, only an infinitive: the modal was dropped ("u uw abonnement online opzeggen")."""
    after_subclause = ", u " in target
    if not after_subclause and "U " not in target and "; u " not in target:
        return NONE
    masked = analyse(target).masked
    out: list[str] = []
    if after_subclause:
        for clause in _verbless(_LOST_VERB_RE, masked):
            out.append(f"no finite verb after the subclause: 'u {clause}…' (kunt u …?)")
    for clause in _verbless(_BARE_U_RE, masked):
        if clause.split()[0].endswith("t"):
            continue  # the verb comes right after "U"; one the word list lacks (dubbelklikt)
        out.append(f"no finite verb after 'u': 'u {clause}…' (kunt u …?)")
    return out


def _verbless(pattern: re.Pattern[str], masked: str) -> Iterable[str]:
    """The start of each clause ``pattern`` finds that has an infinitive but no finite verb."""
    infinitives = _infinitives()
    for m in pattern.finditer(masked):
        words = _clause_words(m.group(1))
        if words[:1] in (["en"], ["of"]):
            continue  # "U en uw teamleden kunnen …": a plural subject
        # The main clause ends where a subclause starts ("… verwijderen totdat u … hebt").
        cut = next((k for k, w in enumerate(words) if w in _CLAUSE_STARTS), len(words))
        words = words[:cut]
        if not any(w in infinitives for w in words):
            continue
        if any(_finite(w, infinitives) for w in words):
            continue
        yield " ".join(m.group(1).split()[:6])


# -- "om … te" without te ----------------------------------------------------------------------

# An article or preposition before the last word makes it a noun: "het filteren".
_NOMINAL_MARKERS = word_set("de het een van voor bij met tot naar door zonder over")
# Verbs that take "om" + noun: "om hulp vragen", "het gaat om …".
_OM_VERBS = word_set("vragen gaan draaien geven denken smeken verzoeken")
_OM_CLAUSE_RE = re.compile(r"\bom\s+([^,.;:!?()\[\]\"'‘’“”" + MASKS + r"]+)")


@register_pair_check("om-te", Level.WARNING, GRAMMAR, "'om' without 'te'")
def check_om_te(source: str, target: str) -> Iterable[str]:
    """An "om …" purpose clause ends in an infinitive without "te": "om de URL's … krijgen"
    for "om de URL's … te krijgen"."""
    oms = target.count(" om ") + target.startswith(("om ", "Om "))
    if not oms or target.count(" te ") >= oms:
        return NONE  # usually every "om" has its "te"; the clause scan is for the rest
    infinitives = _infinitives()
    out: list[str] = []
    masked = analyse(target).masked
    for m in _OM_CLAUSE_RE.finditer(masked):
        words = _clause_words(m.group(1))
        if len(words) < 2 or "te" in words or words[-1] not in infinitives:
            continue
        if words[-2] in _NOMINAL_MARKERS or words[-1] in _OM_VERBS:
            continue  # "om het proces van het filteren", "om geld vragen"
        if any("reden" in w for w in words) or _BARE_INFINITIVE_VERBS.intersection(words):
            continue  # "om die reden …", or the infinitive belongs to a modal in the clause
        end = m.end()
        if end < len(masked) and masked[end] in MASKS:
            continue  # the clause runs on into a link or code span, which may hold the "te"
        before = masked[: m.start()].rsplit(",", 1)[-1]
        if _BARE_INFINITIVE_VERBS.intersection(_clause_words(before)):
            continue
        out.append(f"'om … {words[-1]}' has no 'te' before the infinitive {words[-1]!r}")
    return out


# -- a subclause with "te + infinitive" instead of a finite verb -------------------------------

_TE_SUBCLAUSE_RE = re.compile(
    r"\b(?:" + _SUBORDINATORS.lower() + "|" + _SUBORDINATORS + r") u\b([^,.;:!?" + MASKS + r"]*?)"
    r"\bte ([a-zà-ÿ]+)(?=\s*(?:[,.;:!?]|$|\s(?:nadat|voordat|wanneer|als|zodat|omdat|en|of)\b))"
)
# Words with which "te + infinitive" is right inside the subclause: "door … bij te werken".
_TE_GOVERNORS = word_set("om door zonder alvorens teneinde")


@register_pair_check("te-in-subclause", Level.WARNING, GRAMMAR, "Subclause without finite verb")
def check_te_in_subclause(source: str, target: str) -> Iterable[str]:
    """A subclause with "u" ends in "te + infinitive" and has no finite verb: "Telkens wanneer
    u … uit te voeren" for "Telkens wanneer u … uitvoert"."""
    if " te " not in target or " u " not in target:
        return NONE
    infinitives = _infinitives()
    out: list[str] = []
    for m in _TE_SUBCLAUSE_RE.finditer(analyse(target).masked):
        verb = m.group(2)
        if verb not in infinitives:
            continue
        words = _clause_words(m.group(1))
        if _TE_GOVERNORS.intersection(words):
            continue
        # Conservative: any longer -t word may be the finite verb (toestaat, vergeet).
        if any(_finite(w, infinitives) or (len(w) > 4 and w[-1] == "t") for w in words):
            continue
        start = m.group().split(" u ", 1)[0]
        out.append(f"'{start} u … te {verb}' has no finite verb; the subclause needs one")
    return out


# -- "het implementeren Microsoft 365": a nominalised verb without "van" ------------------------

_NOMINAL_VERB_RE = re.compile(r"\bhet ([a-zà-ÿ]+en) ([A-Z][\w-]*)")


@register_pair_check("missing-van", Level.WARNING, GRAMMAR, "'van' missing after a verb noun")
def check_missing_van(source: str, target: str) -> Iterable[str]:
    """A verb used as a noun runs straight into a name without "van": "het implementeren
    Microsoft 365" for "het implementeren van Microsoft 365"."""
    if "het " not in target:
        return NONE
    infinitives = _infinitives()
    out: list[str] = []
    for m in _NOMINAL_VERB_RE.finditer(analyse(target).masked):
        if m.group(1) in infinitives:
            out.append(f"'{m.group()}' needs 'van': het {m.group(1)} van {m.group(2)}")
    return out


# -- "de Microsoft 365-beheercentrum": a het-noun with the article "de" -------------------------


@lru_cache(maxsize=1)
def _het_nouns() -> frozenset[str]:
    """Nouns the article set uses with "het" and hardly ever with "de": resources/grammar."""
    text = resource_path("grammar", "nl_het_nouns.txt").read_text(encoding="utf-8")
    return frozenset(w for w in (x.strip() for x in text.splitlines()) if w and w[0] != "#")


# "de" or "deze", then a noun, or a name (Microsoft 365, Microsoft Defender) and a compound
# with a hyphen; not a plural ('s) or a compound going on (-), and the next word kept apart.
# Both start with (?=[Dd]) so the engine skips to the next D or d instead of trying the
# lookbehind at every character (~0.7 µs a target each).
_DE_NOUN_RE = re.compile(
    r"(?=[Dd])(?<![\w-])([Dd]e|[Dd]eze)\s+((?:[A-Z][\w.]*\s+){0,3}(?:[A-Z][\w.]*|\d+)-)?"
    r"(?P<noun>[a-zà-ÿ][a-zà-ÿ]*)(?![\w'’-]|\.\w)(?:\s+(?P<after>[a-zà-ÿ]+))?"
)


@register_pair_check("article-gender", Level.WARNING, GRAMMAR, "'de' with a het-noun")
def check_article_gender(source: str, target: str) -> Iterable[str]:
    """ "de" (or "deze") before a singular noun that takes "het", also as the head of a compound:
    "in de Microsoft 365-compliancecentrum" for "in het Microsoft 365-compliancecentrum"."""
    if "de " not in target and "De " not in target and "eze " not in target:
        return NONE
    nouns = _het_nouns()
    out: list[str] = []
    masked = analyse(target).masked
    for pattern in (_DE_NOUN_RE, _DE_ADJECTIVE_NOUN_RE):
        for m in pattern.finditer(masked):
            if pattern is _DE_ADJECTIVE_NOUN_RE and not _inflected_adjective(m.group(2)):
                continue
            word, after = m.group("noun"), m.group("after")
            head = _het_head(word, nouns)
            if head is None:
                continue
            if after and _noun_after(after):
                continue  # "de bericht body": a split compound whose head is the next word
            right = "dit" if m.group(1).lower() == "deze" else "het"
            shown = m.group()[: m.end("noun") - m.start()]
            out.append(f"'{shown}': {head} takes '{right}'")
    return out


# "de nieuwe Microsoft 365-compliancecentrum", "de inactieve postvak": an inflected adjective
# between the article and the het-noun.
_DE_ADJECTIVE_NOUN_RE = re.compile(
    r"(?=[Dd])(?<![\w-])([Dd]e|[Dd]eze)\s+([a-zà-ÿ]{3,}e)\s+"
    r"((?:[A-Z][\w.]*\s+){0,3}(?:[A-Z][\w.]*|\d+)-)?"
    r"(?P<noun>[a-zà-ÿ][a-zà-ÿ]*)(?![\w'’-]|\.\w|\s*\((?:e?n|s)\))(?:\s+(?P<after>[a-zà-ÿ]+))?"
)
_CLOSED_SYLLABLE_E_RE = re.compile(r"[^aeiou]([aeiou])[^aeiou]e$")


@lru_cache(maxsize=4096)
def _inflected_adjective(word: str) -> bool:
    """An adjective with its -e (nieuwe, inactieve, grote, volgende): the dictionary knows the
    bare form (nieuw, inactief, groot, volgend)."""
    from reviewer.core.checks import lexicon

    dictionary = lexicon.dictionary()
    if dictionary is None:
        return False
    stem = word[:-1]
    forms = [stem]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        forms.append(stem[:-1])  # dikke → dik
    if word.endswith("ve"):
        forms.append(word[:-2] + "f")  # inactieve → inactief
    if word.endswith("ze"):
        forms.append(word[:-2] + "s")  # boze → boos (with the vowel below)
    closed = _CLOSED_SYLLABLE_E_RE.search(word)
    if closed is not None:
        vowel = closed.group(1)
        forms.append(word[: closed.start(1)] + vowel + word[closed.start(1) : -1])  # grote → groot
    return any(dictionary.check(f) for f in forms)


def _het_head(word: str, nouns: frozenset[str]) -> str | None:
    """The het-noun the word is or ends in (beheercentrum, compliancecentrum)."""
    if word in nouns:
        return word
    for i in range(3, len(word) - 3):
        if word[i:] in nouns:
            return word[i:]
    return None


def _noun_after(word: str) -> bool:
    """A word that may be the head of a split compound ("de bericht body"): not a verb form
    and not one of the frequent words that follow a noun phrase (en, in, is, van, wordt)."""
    from reviewer.core.checks import english

    infinitives = _infinitives()
    if word in infinitives or _finite(word, infinitives):
        return False
    return english.dutch_zipf(word) < FUNCTION_ZIPF


FUNCTION_ZIPF = 5.5


# -- "Als de gebruiker … hebt geklikt": a second-person verb with no "u" ------------------------

_SECOND_PERSON_RE = re.compile(r"\b(hebt|kunt|wilt|bent|zult)\b")
_YOU_RE = re.compile(r"\b(?:[uU]|[jJ]e|[jJ]ij|[gG]ij)\b")
_THIRD_PERSON = {"hebt": "heeft", "kunt": "kan", "wilt": "wil", "bent": "is", "zult": "zal"}
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?:;])\s+")


@register_pair_check("verb-agreement", Level.WARNING, GRAMMAR, "Verb form without 'u'")
def check_verb_agreement(source: str, target: str) -> Iterable[str]:
    """A sentence with hebt, kunt, wilt, bent or zult, the forms that go with "u", has no "u":
    "Als de gebruiker al op OneDrive hebt geklikt" for "… heeft geklikt"."""
    if _SECOND_PERSON_RE.search(target) is None:
        return NONE
    masked = analyse(target).masked.replace("*", " ").replace("_", " ")
    if masked.lstrip()[:1].islower():
        return NONE  # a fragment that continues a sentence of another segment
    out: list[str] = []
    for sentence in _SENTENCE_SPLIT_RE.split(masked):
        if not sentence.lstrip()[:1].isupper():
            continue
        for m in _SECOND_PERSON_RE.finditer(sentence):
            # "u" comes before the verb ("als u … hebt") or right after it ("kunt u").
            before = sentence[: m.start()]
            after = sentence[m.end() :].lstrip(MASKS + " ").split()[:1]
            if _YOU_RE.search(before) is None and not (
                after and _YOU_RE.fullmatch(after[0].strip(",:;."))
            ):
                verb = m.group(1)
                out.append(f"{verb!r} without 'u' before it ({_THIRD_PERSON[verb]}?)")
                break
    return out
