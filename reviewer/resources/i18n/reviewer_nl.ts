<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Openen…</translation>
    </message>
    <message>
        <source>Open an article</source>
        <translation>Een artikel openen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>Save article and review</source>
        <translation>Artikel en controle opslaan</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Opslaan &amp;als…</translation>
    </message>
    <message>
        <source>Save the article and its review under a new name</source>
        <translation>Het artikel en de controle ervan onder een nieuwe naam opslaan</translation>
    </message>
    <message>
        <source>Read the article again; unsaved edits are re-applied</source>
        <translation>Het artikel opnieuw lezen; niet-opgeslagen bewerkingen worden opnieuw toegepast</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <source>Take targets back from an XLIFF file or a corrected issue sheet</source>
        <translation>Doelteksten overnemen uit een XLIFF-bestand of een gecorrigeerde problemenlijst</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>Export the issues, a report, XLIFF or TMX</source>
        <translation>De problemen, een rapport, XLIFF of TMX exporteren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Move the unreadable review data aside so the review can be saved</source>
        <translation>De onleesbare controlegegevens opzijzetten zodat de controle kan worden opgeslagen</translation>
    </message>
    <message>
        <source>Reviewer &amp;Name…</source>
        <translation>Naam van re&amp;visor…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ins&amp;tellingen…</translation>
    </message>
    <message>
        <source>Choose the interface language</source>
        <translation>De taal van de interface kiezen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>O&amp;pnieuw</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>&amp;Edit Target in the Table</source>
        <translation>&amp;Doeltekst bewerken in de tabel</translation>
    </message>
    <message>
        <source>Edit the current segment&apos;s target in the table</source>
        <translation>De doeltekst van het huidige segment in de tabel bewerken</translation>
    </message>
    <message>
        <source>&amp;Copy Source to Target</source>
        <translation>&amp;Brontekst naar doeltekst kopiëren</translation>
    </message>
    <message>
        <source>Copy the source into the target</source>
        <translation>De brontekst naar de doeltekst kopiëren</translation>
    </message>
    <message>
        <source>&amp;Find / Filter</source>
        <translation>&amp;Zoeken / filteren</translation>
    </message>
    <message>
        <source>Filter the segments by text</source>
        <translation>De segmenten op tekst filteren</translation>
    </message>
    <message>
        <source>C&amp;lear Filter</source>
        <translation>Filter &amp;wissen</translation>
    </message>
    <message>
        <source>Show every segment again</source>
        <translation>Alle segmenten weer weergeven</translation>
    </message>
    <message>
        <source>&amp;Approve and Next</source>
        <translation>&amp;Goedkeuren en volgende</translation>
    </message>
    <message>
        <source>Approve this segment and go to the next unfinished one</source>
        <translation>Dit segment goedkeuren en naar het volgende onvoltooide segment gaan</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <source>Approve this segment and stay</source>
        <translation>Dit segment goedkeuren en hier blijven</translation>
    </message>
    <message>
        <source>Mark &amp;Reviewed</source>
        <translation>Markeren als ge&amp;controleerd</translation>
    </message>
    <message>
        <source>Mark the segment as reviewed</source>
        <translation>Het segment markeren als gecontroleerd</translation>
    </message>
    <message>
        <source>Mark Needs &amp;Work</source>
        <translation>Markeren als &amp;herziening nodig</translation>
    </message>
    <message>
        <source>Mark the segment as needing work</source>
        <translation>Het segment markeren als herziening nodig</translation>
    </message>
    <message>
        <source>Needs Work</source>
        <translation>Herziening nodig</translation>
    </message>
    <message>
        <source>Reset to &amp;Unreviewed</source>
        <translation>Terugzetten op &amp;niet gecontroleerd</translation>
    </message>
    <message>
        <source>Reset the segment to unreviewed</source>
        <translation>Het segment terugzetten op niet gecontroleerd</translation>
    </message>
    <message>
        <source>&amp;Flag Issue…</source>
        <translation>&amp;Probleem markeren…</translation>
    </message>
    <message>
        <source>Flag an MQM issue on this segment</source>
        <translation>Een MQM-probleem in dit segment markeren</translation>
    </message>
    <message>
        <source>&amp;Dismiss Check</source>
        <translation>Controle n&amp;egeren</translation>
    </message>
    <message>
        <source>Dismiss the selected check result as a false positive</source>
        <translation>Het geselecteerde controleresultaat negeren als fout-positief</translation>
    </message>
    <message>
        <source>Approve &amp;Selection…</source>
        <translation>&amp;Selectie goedkeuren…</translation>
    </message>
    <message>
        <source>Approve every selected segment</source>
        <translation>Alle geselecteerde segmenten goedkeuren</translation>
    </message>
    <message>
        <source>Reloa&amp;d from Disk</source>
        <translation>Opnieuw &amp;laden vanaf schijf</translation>
    </message>
    <message>
        <source>Start Fresh Re&amp;view Data…</source>
        <translation>&amp;Nieuwe controlegegevens starten…</translation>
    </message>
    <message>
        <source>Approve All S&amp;hown…</source>
        <translation>Alle &amp;weergegeven goedkeuren…</translation>
    </message>
    <message>
        <source>Approve every segment the filter shows</source>
        <translation>Alle segmenten goedkeuren die het filter weergeeft</translation>
    </message>
    <message>
        <source>Approve All &amp;Clean…</source>
        <translation>Alle &amp;foutloze goedkeuren…</translation>
    </message>
    <message>
        <source>Approve shown segments with no open issue and no error-level check</source>
        <translation>Weergegeven segmenten goedkeuren zonder open probleem en zonder controle op foutniveau</translation>
    </message>
    <message>
        <source>Add &amp;Term to Glossary…</source>
        <translation>&amp;Term toevoegen aan termenlijst…</translation>
    </message>
    <message>
        <source>Add the selected source text (and target text) to your glossary</source>
        <translation>De geselecteerde brontekst (en doeltekst) toevoegen aan uw termenlijst</translation>
    </message>
    <message>
        <source>Check &amp;Settings…</source>
        <translation>Controle-in&amp;stellingen…</translation>
    </message>
    <message>
        <source>Turn checks on or off, set their levels, dictionary and glossaries</source>
        <translation>Controles in- of uitschakelen en hun niveaus, woordenlijst en termenlijsten instellen</translation>
    </message>
    <message>
        <source>&amp;Next Segment</source>
        <translation>&amp;Volgend segment</translation>
    </message>
    <message>
        <source>Next segment, whatever its state</source>
        <translation>Volgend segment, ongeacht de status</translation>
    </message>
    <message>
        <source>&amp;Previous Segment</source>
        <translation>V&amp;orig segment</translation>
    </message>
    <message>
        <source>Previous segment, whatever its state</source>
        <translation>Vorig segment, ongeacht de status</translation>
    </message>
    <message>
        <source>Next &amp;Unfinished</source>
        <translation>Volgend o&amp;nvoltooid</translation>
    </message>
    <message>
        <source>Next segment not yet reviewed or approved</source>
        <translation>Volgend segment dat nog niet is gecontroleerd of goedgekeurd</translation>
    </message>
    <message>
        <source>Next Unfinished</source>
        <translation>Volgend onvoltooid</translation>
    </message>
    <message>
        <source>Previous Unfinished</source>
        <translation>Vorig onvoltooid</translation>
    </message>
    <message>
        <source>Previous segment not yet reviewed or approved</source>
        <translation>Vorig segment dat nog niet is gecontroleerd of goedgekeurd</translation>
    </message>
    <message>
        <source>Next &amp;Issue</source>
        <translation>Volgend &amp;probleem</translation>
    </message>
    <message>
        <source>Next segment with an issue or check result</source>
        <translation>Volgend segment met een probleem of controleresultaat</translation>
    </message>
    <message>
        <source>Next Issue</source>
        <translation>Volgend probleem</translation>
    </message>
    <message>
        <source>Previous Issue</source>
        <translation>Vorig probleem</translation>
    </message>
    <message>
        <source>Previous segment with an issue or check result</source>
        <translation>Vorig segment met een probleem of controleresultaat</translation>
    </message>
    <message>
        <source>&amp;Go to Segment…</source>
        <translation>&amp;Ga naar segment…</translation>
    </message>
    <message>
        <source>Go to a segment by its number or id</source>
        <translation>Naar een segment gaan op nummer of id</translation>
    </message>
    <message>
        <source>&amp;Issues Dock</source>
        <translation>Deelvenster Pro&amp;blemen</translation>
    </message>
    <message>
        <source>Show or hide every issue and check result</source>
        <translation>Alle problemen en controleresultaten weergeven of verbergen</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>&amp;Termenlijst</translation>
    </message>
    <message>
        <source>Show or hide the glossary editor</source>
        <translation>De termenlijsteditor weergeven of verbergen</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>Every keyboard shortcut</source>
        <translation>Alle sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;About Reviewer</source>
        <translation>&amp;Over Reviewer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Controleren</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>B&amp;eeld</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Batch Approval</source>
        <translation>&amp;Batchgoedkeuring</translation>
    </message>
    <message>
        <source>In the table editor: commit / line break / cancel</source>
        <translation>In de tabeleditor: doorvoeren / regeleinde / annuleren</translation>
    </message>
    <message>
        <source>In the table editor: undo / redo its typing</source>
        <translation>In de tabeleditor: typen ongedaan maken / opnieuw uitvoeren</translation>
    </message>
    <message>
        <source>Move between the table and the target editor</source>
        <translation>Schakelen tussen de tabel en de doeltekst-editor</translation>
    </message>
    <message>
        <source>Insert a translation from the project (the list&apos;s 1–9)</source>
        <translation>Een vertaling uit het project invoegen (1–9 in de lijst)</translation>
    </message>
    <message>
        <source>Open &amp;Folder as Project…</source>
        <translation>Map openen als pro&amp;ject…</translation>
    </message>
    <message>
        <source>Open a folder of articles: every article&apos;s progress, search, replace</source>
        <translation>Een map met artikelen openen: voortgang van elk artikel, zoeken, vervangen</translation>
    </message>
    <message>
        <source>Searc&amp;h in Project…</source>
        <translation>Zoeken in pro&amp;ject…</translation>
    </message>
    <message>
        <source>Concordance: search every source and target of the project</source>
        <translation>Concordantie: alle bron- en doelteksten van het project doorzoeken</translation>
    </message>
    <message>
        <source>Replace in targets, in this article or every article of the project</source>
        <translation>Vervangen in doelteksten, in dit artikel of in alle artikelen van het project</translation>
    </message>
    <message>
        <source>Undo the Last Change to Other &amp;Articles</source>
        <translation>Laatste wijziging in andere &amp;artikelen ongedaan maken</translation>
    </message>
    <message>
        <source>Take back the last replace, fix or approval written to other articles</source>
        <translation>De laatste vervanging, correctie of goedkeuring in andere artikelen terugdraaien</translation>
    </message>
    <message>
        <source>Apply Fix to Re&amp;petitions</source>
        <translation>Correctie toepassen op herhal&amp;ingen</translation>
    </message>
    <message>
        <source>Pro&amp;ject View</source>
        <translation>Pro&amp;jectweergave</translation>
    </message>
    <message>
        <source>Give segments with the same source and the old translation this fix</source>
        <translation>Deze correctie toepassen op segmenten met dezelfde brontekst en de oude vertaling</translation>
    </message>
    <message>
        <source>Find and Re&amp;place…</source>
        <translation>Zoeken en &amp;vervangen…</translation>
    </message>
    <message>
        <source>Approve Clean Segments in &amp;Articles…</source>
        <translation>Foutloze segmenten in &amp;artikelen goedkeuren…</translation>
    </message>
    <message>
        <source>Approve the clean segments of the selected or shown articles</source>
        <translation>De foutloze segmenten van de geselecteerde of weergegeven artikelen goedkeuren</translation>
    </message>
    <message>
        <source>Next &amp;Article</source>
        <translation>Volgend a&amp;rtikel</translation>
    </message>
    <message>
        <source>Open the next article of the project list</source>
        <translation>Het volgende artikel in de projectlijst openen</translation>
    </message>
    <message>
        <source>Previous A&amp;rticle</source>
        <translation>Vorig ar&amp;tikel</translation>
    </message>
    <message>
        <source>Open the previous article of the project list</source>
        <translation>Het vorige artikel in de projectlijst openen</translation>
    </message>
    <message>
        <source>Switch between the project&apos;s articles and the article</source>
        <translation>Schakelen tussen de artikelen van het project en het artikel</translation>
    </message>
    <message>
        <source>&amp;Search in Project</source>
        <translation>&amp;Zoeken in project</translation>
    </message>
    <message>
        <source>Show or hide the search across the project</source>
        <translation>Zoeken in het hele project weergeven of verbergen</translation>
    </message>
    <message>
        <source>&amp;Translations in the Project</source>
        <translation>&amp;Vertalingen in het project</translation>
    </message>
    <message>
        <source>Show or hide how other articles translate the current source</source>
        <translation>Weergeven of verbergen hoe andere artikelen de huidige brontekst vertalen</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>Insert Next &amp;Markup</source>
        <translation>Volgende op&amp;maak invoegen</translation>
    </message>
    <message>
        <source>Insert the source&apos;s next missing markup (bold, link, code, tag) at the cursor or around the selection</source>
        <translation>De volgende ontbrekende opmaak van de brontekst (vet, koppeling, code, tag) invoegen bij de cursor of rond de selectie</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>Voorbeel&amp;d</translation>
    </message>
    <message>
        <source>Show or hide the article as its readers will see it</source>
        <translation>Het artikel weergeven of verbergen zoals lezers het zullen zien</translation>
    </message>
    <message>
        <source>Show &amp;Whitespace</source>
        <translation>&amp;Witruimte weergeven</translation>
    </message>
    <message>
        <source>Show spaces, no-break spaces and tabs in the target editors as symbols</source>
        <translation>Spaties, vaste spaties en tabs in de doeltekst-editors als symbolen weergeven</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approve clean segments</source>
        <translation>Foutloze segmenten goedkeuren</translation>
    </message>
    <message>
        <source>A clean segment has no open issue and no error-level check result. Segments already approved stay as they are. Only the review data is written; the articles themselves do not change.</source>
        <translation>Een foutloos segment heeft geen open probleem en geen controleresultaat op foutniveau. Segmenten die al zijn goedgekeurd, blijven ongewijzigd. Alleen de controlegegevens worden geschreven; de artikelen zelf veranderen niet.</translation>
    </message>
    <message>
        <source>The {n} selected articles</source>
        <translation>De {n} geselecteerde artikelen</translation>
    </message>
    <message>
        <source>All {n} articles shown in the list</source>
        <translation>Alle {n} artikelen die in de lijst worden weergegeven</translation>
    </message>
    <message>
        <source>{n} segments will be approved in {m} articles.</source>
        <translation>{n} segmenten worden goedgekeurd in {m} artikelen.</translation>
    </message>
    <message>
        <source>{n} unreadable articles are left out.</source>
        <translation>{n} onleesbare artikelen worden overgeslagen.</translation>
    </message>
    <message>
        <source>{n} of the clean segments still carry warnings.</source>
        <translation>{n} van de foutloze segmenten hebben nog waarschuwingen.</translation>
    </message>
    <message>
        <source>None of the clean segments carries a warning.</source>
        <translation>Geen van de foutloze segmenten heeft een waarschuwing.</translation>
    </message>
    <message>
        <source>Hold back the {n} segments with warnings</source>
        <translation>De {n} segmenten met waarschuwingen tegenhouden</translation>
    </message>
    <message>
        <source>Approve {n}</source>
        <translation>{n} goedkeuren</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>Apply {n}</source>
        <translation>{n} toepassen</translation>
    </message>
</context>
<context>
    <name>ChangesModel</name>
    <message>
        <source>Apply</source>
        <translation>Toepassen</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Voor</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Geweigerd: {reason}</translation>
    </message>
    <message>
        <source>Tick to apply anyway: {warnings}</source>
        <translation>Schakel dit in om toch toe te passen: {warnings}</translation>
    </message>
    <message>
        <source>{n} changes in {m} articles</source>
        <translation>{n} wijzigingen in {m} artikelen</translation>
    </message>
    <message>
        <source>{n} refused</source>
        <translation>{n} geweigerd</translation>
    </message>
    <message>
        <source>{n} with warnings</source>
        <translation>{n} met waarschuwingen</translation>
    </message>
    <message>
        <source>{n} ticked</source>
        <translation>{n} ingeschakeld</translation>
    </message>
</context>
<context>
    <name>CheckSettingsDialog</name>
    <message>
        <source>Check Settings</source>
        <translation>Controle-instellingen</translation>
    </message>
    <message>
        <source>Settings of:</source>
        <translation>Instellingen van:</translation>
    </message>
    <message>
        <source>&amp;My settings</source>
        <translation>&amp;Mijn instellingen</translation>
    </message>
    <message>
        <source>This &amp;project (.reviewer.yaml)</source>
        <translation>Dit &amp;project (.reviewer.yaml)</translation>
    </message>
    <message>
        <source>Open an article to set its project&apos;s checks</source>
        <translation>Open een artikel om de controles van het project in te stellen</translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation>P&amp;rofiel:</translation>
    </message>
    <message>
        <source>Filter checks…</source>
        <translation>Controles filteren…</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controle</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Ingesteld door</translation>
    </message>
    <message>
        <source>Re&amp;set Selected</source>
        <translation>Selectie &amp;herstellen</translation>
    </message>
    <message>
        <source>Drop this file&apos;s setting for the selected checks: the profile decides</source>
        <translation>De instelling van dit bestand voor de geselecteerde controles verwijderen: het profiel beslist</translation>
    </message>
    <message>
        <source>Space: turn the selected check on or off</source>
        <translation>Spatiebalk: de geselecteerde controle in- of uitschakelen</translation>
    </message>
    <message>
        <source>&amp;Checks</source>
        <translation>&amp;Controles</translation>
    </message>
    <message>
        <source>Spelling and &amp;Terms</source>
        <translation>Spelling en &amp;termen</translation>
    </message>
    <message>
        <source>Editing {path}</source>
        <translation>{path} bewerken</translation>
    </message>
    <message>
        <source>its own level: {level}</source>
        <translation>eigen niveau: {level}</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profiel</translation>
    </message>
    <message>
        <source>my settings</source>
        <translation>mijn instellingen</translation>
    </message>
    <message>
        <source>project</source>
        <translation>project</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>Unsaved check settings</source>
        <translation>Niet-opgeslagen controle-instellingen</translation>
    </message>
    <message>
        <source>Discard the changes to {path}?</source>
        <translation>De wijzigingen in {path} negeren?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Negeren</translation>
    </message>
    <message>
        <source>Check settings</source>
        <translation>Controle-instellingen</translation>
    </message>
    <message>
        <source>Check settings not saved</source>
        <translation>Controle-instellingen niet opgeslagen</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} opgeslagen</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>&apos;de&apos; with a het-noun</source>
        <translation>&apos;de&apos; bij een het-woord</translation>
    </message>
    <message>
        <source>&apos;om&apos; without &apos;te&apos;</source>
        <translation>&apos;om&apos; zonder &apos;te&apos;</translation>
    </message>
    <message>
        <source>&apos;van&apos; missing after a verb noun</source>
        <translation>&apos;van&apos; ontbreekt na een werkwoordelijk naamwoord</translation>
    </message>
    <message>
        <source>Acronym replaced</source>
        <translation>Acroniem vervangen</translation>
    </message>
    <message>
        <source>Backslash escapes differ</source>
        <translation>Backslash-escapes verschillen</translation>
    </message>
    <message>
        <source>Bold label or link text cut short</source>
        <translation>Vet label of koppelingstekst ingekort</translation>
    </message>
    <message>
        <source>Bold markers differ</source>
        <translation>Vetmarkeringen verschillen</translation>
    </message>
    <message>
        <source>Bold or link text cut at the wrong word</source>
        <translation>Vette tekst of koppelingstekst bij het verkeerde woord afgebroken</translation>
    </message>
    <message>
        <source>Code value or operator translated</source>
        <translation>Codewaarde of operator vertaald</translation>
    </message>
    <message>
        <source>Currency changed</source>
        <translation>Valuta gewijzigd</translation>
    </message>
    <message>
        <source>Do-not-translate name changed</source>
        <translation>Niet-te-vertalen naam gewijzigd</translation>
    </message>
    <message>
        <source>docfx markers differ</source>
        <translation>docfx-markeringen verschillen</translation>
    </message>
    <message>
        <source>Double space</source>
        <translation>Dubbele spatie</translation>
    </message>
    <message>
        <source>Empty bold or emphasis</source>
        <translation>Lege vet- of cursiefopmaak</translation>
    </message>
    <message>
        <source>Empty link text</source>
        <translation>Lege koppelingstekst</translation>
    </message>
    <message>
        <source>End punctuation differs</source>
        <translation>Slotleesteken verschilt</translation>
    </message>
    <message>
        <source>English left in the target</source>
        <translation>Engels achtergebleven in de doeltekst</translation>
    </message>
    <message>
        <source>English Title Case in Dutch</source>
        <translation>Engelse titelhoofdletters in het Nederlands</translation>
    </message>
    <message>
        <source>Forbidden term variant</source>
        <translation>Verboden termvariant</translation>
    </message>
    <message>
        <source>Formal u mixed with je</source>
        <translation>Formeel u gemengd met je</translation>
    </message>
    <message>
        <source>Glossary term not used</source>
        <translation>Woordenlijstterm niet gebruikt</translation>
    </message>
    <message>
        <source>HTML entities differ</source>
        <translation>HTML-entiteiten verschillen</translation>
    </message>
    <message>
        <source>HTML tags differ</source>
        <translation>HTML-tags verschillen</translation>
    </message>
    <message>
        <source>Informal je/jij/jouw</source>
        <translation>Informeel je/jij/jouw</translation>
    </message>
    <message>
        <source>Inline code changed</source>
        <translation>Inline code gewijzigd</translation>
    </message>
    <message>
        <source>Inline code moved</source>
        <translation>Inline code verplaatst</translation>
    </message>
    <message>
        <source>Inline code reordered</source>
        <translation>Volgorde van inline code gewijzigd</translation>
    </message>
    <message>
        <source>Italic markers differ</source>
        <translation>Cursiefmarkeringen verschillen</translation>
    </message>
    <message>
        <source>Leading or trailing whitespace</source>
        <translation>Witruimte aan begin of einde</translation>
    </message>
    <message>
        <source>Line breaks differ</source>
        <translation>Regeleinden verschillen</translation>
    </message>
    <message>
        <source>Link count differs</source>
        <translation>Aantal koppelingen verschilt</translation>
    </message>
    <message>
        <source>Link URL changed</source>
        <translation>Koppelings-URL gewijzigd</translation>
    </message>
    <message>
        <source>Links reordered</source>
        <translation>Volgorde van koppelingen gewijzigd</translation>
    </message>
    <message>
        <source>Literal changed</source>
        <translation>Letterlijke waarde gewijzigd</translation>
    </message>
    <message>
        <source>Menu path broken</source>
        <translation>Menupad onderbroken</translation>
    </message>
    <message>
        <source>Missing hyphen after a name</source>
        <translation>Ontbrekend koppelteken na een naam</translation>
    </message>
    <message>
        <source>Name capitalised differently</source>
        <translation>Naam met andere hoofdletters</translation>
    </message>
    <message>
        <source>Negation lost</source>
        <translation>Ontkenning verloren</translation>
    </message>
    <message>
        <source>No space after code or bold</source>
        <translation>Geen spatie na code of vet</translation>
    </message>
    <message>
        <source>No space after link</source>
        <translation>Geen spatie na koppeling</translation>
    </message>
    <message>
        <source>No space before link</source>
        <translation>Geen spatie voor koppeling</translation>
    </message>
    <message>
        <source>Number written the English way</source>
        <translation>Getal op de Engelse manier geschreven</translation>
    </message>
    <message>
        <source>Numbers differ</source>
        <translation>Getallen verschillen</translation>
    </message>
    <message>
        <source>Placeholders differ</source>
        <translation>Tijdelijke aanduidingen verschillen</translation>
    </message>
    <message>
        <source>Possible mistranslation</source>
        <translation>Mogelijk onjuiste vertaling</translation>
    </message>
    <message>
        <source>Possible omission</source>
        <translation>Mogelijke weglating</translation>
    </message>
    <message>
        <source>Product name capitalised differently</source>
        <translation>Productnaam met andere hoofdletters</translation>
    </message>
    <message>
        <source>Punctuation inside bold</source>
        <translation>Interpunctie binnen vet</translation>
    </message>
    <message>
        <source>Punctuation moved into link text</source>
        <translation>Interpunctie naar koppelingstekst verplaatst</translation>
    </message>
    <message>
        <source>Reference link undefined</source>
        <translation>Verwijzingskoppeling niet gedefinieerd</translation>
    </message>
    <message>
        <source>Repeated word</source>
        <translation>Herhaald woord</translation>
    </message>
    <message>
        <source>Same source, different target</source>
        <translation>Zelfde brontekst, andere doeltekst</translation>
    </message>
    <message>
        <source>Same source, other wording</source>
        <translation>Zelfde brontekst, andere formulering</translation>
    </message>
    <message>
        <source>Same word on both sides of en/of</source>
        <translation>Zelfde woord aan beide kanten van en/of</translation>
    </message>
    <message>
        <source>Sentence lost its verb</source>
        <translation>Zin mist werkwoord</translation>
    </message>
    <message>
        <source>Space before punctuation</source>
        <translation>Spatie voor leesteken</translation>
    </message>
    <message>
        <source>Space entities differ</source>
        <translation>Spatie-entiteiten verschillen</translation>
    </message>
    <message>
        <source>Spaces inside link brackets</source>
        <translation>Spaties binnen koppelingshaken</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Spelling</translation>
    </message>
    <message>
        <source>Split compound</source>
        <translation>Gesplitste samenstelling</translation>
    </message>
    <message>
        <source>Subclause without finite verb</source>
        <translation>Bijzin zonder persoonsvorm</translation>
    </message>
    <message>
        <source>UI label lost its capital</source>
        <translation>UI-label mist hoofdletter</translation>
    </message>
    <message>
        <source>Unbalanced brackets</source>
        <translation>Haakjes niet in evenwicht</translation>
    </message>
    <message>
        <source>Verb form without &apos;u&apos;</source>
        <translation>Werkwoordsvorm zonder &apos;u&apos;</translation>
    </message>
    <message>
        <source>Wrong word sense</source>
        <translation>Verkeerde betekenis van een woord</translation>
    </message>
</context>
<context>
    <name>ChecksRunner</name>
    <message>
        <source>The automatic checks failed; see the terminal.</source>
        <translation>De automatische controles zijn mislukt; zie de terminal.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>No segment selected</source>
        <translation>Geen segment geselecteerd</translation>
    </message>
    <message>
        <source>Source (EN)</source>
        <translation>Bron (EN)</translation>
    </message>
    <message>
        <source>Edit the target here; Ctrl+Return approves and moves on. A no-break space is shaded; ⇤, ↲ and ¶ mark a carriage return, a line and a paragraph separator.</source>
        <translation>Bewerk de doeltekst hier; met Ctrl+Return keurt u goed en gaat u verder. Een vaste spatie is gearceerd; ⇤, ↲ en ¶ markeren een regelterugloop, een regelscheidingsteken en een alineascheidingsteken.</translation>
    </message>
    <message>
        <source>Target (NL) — edit here; Ctrl+Return approves and moves on</source>
        <translation>Doel (NL) — bewerk hier; Ctrl+Return: goedkeuren en verder</translation>
    </message>
    <message>
        <source>Target (NL) — Ctrl+Return approves and moves on</source>
        <translation>Doel (NL) — Ctrl+Return: goedkeuren en verder</translation>
    </message>
    <message>
        <source>Target (NL) — Ctrl+Return approves</source>
        <translation>Doel (NL) — Ctrl+Return: goedkeuren</translation>
    </message>
    <message>
        <source>Target (NL)</source>
        <translation>Doel (NL)</translation>
    </message>
    <message>
        <source>Original MT</source>
        <translation>Oorspronkelijke MT</translation>
    </message>
    <message>
        <source>&lt;i&gt;No segment selected&lt;/i&gt;</source>
        <translation>&lt;i&gt;Geen segment geselecteerd&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;No segment matches the filter.&lt;/b&gt; Change it, or clear it with Edit › Clear Filter (Ctrl+Shift+L).</source>
        <translation>&lt;b&gt;Geen enkel segment voldoet aan het filter.&lt;/b&gt; Wijzig het filter of wis het met Bewerken › Filter wissen (Ctrl+Shift+L).</translation>
    </message>
    <message>
        <source> by {who}</source>
        <translation> door {who}</translation>
    </message>
    <message>
        <source>source changed since last review</source>
        <translation>brontekst gewijzigd sinds laatste controle</translation>
    </message>
    <message>
        <source>{id} · line {line}</source>
        <translation>{id} · regel {line}</translation>
    </message>
    <message>
        <source>Original MT — unchanged</source>
        <translation>Oorspronkelijke MT — ongewijzigd</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>verwijderd</translation>
    </message>
    <message>
        <source>added</source>
        <translation>toegevoegd</translation>
    </message>
    <message>
        <source>Original MT — {removed} / {added} by the edits</source>
        <translation>Oorspronkelijke MT — {removed} / {added} door de bewerkingen</translation>
    </message>
    <message>
        <source>Not applied: {reason}</source>
        <translation>Niet toegepast: {reason}</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>Waarschuwing: {text}</translation>
    </message>
</context>
<context>
    <name>EditorSpelling</name>
    <message>
        <source>Unknown word “{word}”: right-click for suggestions</source>
        <translation>Onbekend woord “{word}”: klik met de rechtermuisknop voor suggesties</translation>
    </message>
    <message>
        <source>Write “{fix}”</source>
        <translation>“{fix}” schrijven</translation>
    </message>
    <message>
        <source>Looking for suggestions…</source>
        <translation>Suggesties zoeken…</translation>
    </message>
    <message>
        <source>Add “{word}” to Dictionary</source>
        <translation>“{word}” toevoegen aan woordenlijst</translation>
    </message>
    <message>
        <source>Ignore “{word}”</source>
        <translation>“{word}” negeren</translation>
    </message>
    <message>
        <source>No suggestions</source>
        <translation>Geen suggesties</translation>
    </message>
    <message>
        <source>Replaced “{old}” with “{new}”</source>
        <translation>“{old}” vervangen door “{new}”</translation>
    </message>
</context>
<context>
    <name>ExchangeController</name>
    <message>
        <source>Open the article first</source>
        <translation>Open eerst het artikel</translation>
    </message>
    <message>
        <source>{name} holds targets to import into an article. Open that article, then drop the file on the window again (or use File › Import).</source>
        <translation>{name} bevat doelteksten om in een artikel te importeren. Open dat artikel en zet het bestand dan opnieuw neer op het venster (of gebruik Bestand › Importeren).</translation>
    </message>
    <message>
        <source>Cannot import {name}</source>
        <translation>Kan {name} niet importeren</translation>
    </message>
    <message>
        <source>Nothing was changed in the article.</source>
        <translation>Er is niets gewijzigd in het artikel.</translation>
    </message>
    <message>
        <source>{path} could not be read ({kind}: {error}). {nothing} Check that it is an XLIFF file or an issue sheet exported by Reviewer; please report this as a bug.</source>
        <translation>{path} kan niet worden gelezen ({kind}: {error}). {nothing} Controleer of het een XLIFF-bestand of een door Reviewer geëxporteerde problemenlijst is; meld dit als fout.</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Niets te importeren</translation>
    </message>
    <message>
        <source>{name} changes nothing: its {n} targets are already those of the article ({untranslated} units have no target).</source>
        <translation>{name} wijzigt niets: de {n} doelteksten zijn al die van het artikel ({untranslated} eenheden hebben geen doeltekst).</translation>
    </message>
    <message>
        <source>Imported 1 target from {name}; Undo takes it back</source>
        <translation>1 doeltekst geïmporteerd uit {name}; met Ongedaan maken draait u dit terug</translation>
    </message>
    <message>
        <source>Imported {n} targets from {name}; Undo takes them back in one step</source>
        <translation>{n} doelteksten geïmporteerd uit {name}; met Ongedaan maken draait u ze in één stap terug</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}.

Nothing was exported. Choose a folder you can write to and export again.</source>
        <translation>Kan {path} niet schrijven: {reason}.

Er is niets geëxporteerd. Kies een map waarin u kunt schrijven en exporteer opnieuw.</translation>
    </message>
    <message>
        <source>{path}: {error}</source>
        <translation>{path}: {error}</translation>
    </message>
    <message>
        <source>Exported {n} units to {path}</source>
        <translation>{n} eenheden geëxporteerd naar {path}</translation>
    </message>
    <message>
        <source>Exported {n} translation units to {path}</source>
        <translation>{n} vertaaleenheden geëxporteerd naar {path}</translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation>{n} rijen geëxporteerd naar {path}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Issue list, CSV</source>
        <translation>Problemenlijst, CSV</translation>
    </message>
    <message>
        <source>any spreadsheet</source>
        <translation>elk spreadsheetprogramma</translation>
    </message>
    <message>
        <source>Issue list, Excel workbook</source>
        <translation>Problemenlijst, Excel-werkmap</translation>
    </message>
    <message>
        <source>with a summary sheet; reviewers type fixes in “Corrected target”</source>
        <translation>met een overzichtsblad; revisoren typen correcties in “Corrected target”</translation>
    </message>
    <message>
        <source>HTML report</source>
        <translation>HTML-rapport</translation>
    </message>
    <message>
        <source>the MQM scorecard and the issue table, one page</source>
        <translation>de MQM-scorekaart en de problementabel, op één pagina</translation>
    </message>
    <message>
        <source>Rendered HTML report</source>
        <translation>Weergegeven HTML-rapport</translation>
    </message>
    <message>
        <source>the article as readers see it, a note beside each issue</source>
        <translation>het artikel zoals lezers het zien, met een opmerking naast elk probleem</translation>
    </message>
    <message>
        <source>JSON report</source>
        <translation>JSON-rapport</translation>
    </message>
    <message>
        <source>for scripts</source>
        <translation>voor scripts</translation>
    </message>
    <message>
        <source>XLIFF 1.2</source>
        <translation>XLIFF 1.2</translation>
    </message>
    <message>
        <source>Trados, memoQ, OmegaT, Lokalize, Poedit</source>
        <translation>Trados, memoQ, OmegaT, Lokalize, Poedit</translation>
    </message>
    <message>
        <source>XLIFF 2.1</source>
        <translation>XLIFF 2.1</translation>
    </message>
    <message>
        <source>tools that read 2.x</source>
        <translation>hulpprogramma&apos;s die 2.x lezen</translation>
    </message>
    <message>
        <source>TMX 1.4b translation memory</source>
        <translation>TMX 1.4b-vertaalgeheugen</translation>
    </message>
    <message>
        <source>the approved pairs, for a memory</source>
        <translation>de goedgekeurde paren, voor een vertaalgeheugen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Export &lt;b&gt;{name}&lt;/b&gt; as:</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; exporteren als:</translation>
    </message>
    <message>
        <source>Issue list and reports</source>
        <translation>Problemenlijst en rapporten</translation>
    </message>
    <message>
        <source>For translation tools</source>
        <translation>Voor vertaalprogramma&apos;s</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opties</translation>
    </message>
    <message>
        <source>Include the automatic &amp;check results</source>
        <translation>De automatische &amp;controleresultaten opnemen</translation>
    </message>
    <message>
        <source>One row per undismissed check result, beside the issues; they carry no severity and do not count in the MQM score.</source>
        <translation>Eén rij per niet-genegeerd controleresultaat, naast de problemen; ze hebben geen ernst en tellen niet mee in de MQM-score.</translation>
    </message>
    <message>
        <source>Markup as plain &amp;text, not protected tags</source>
        <translation>Opmaak als platte &amp;tekst, niet als beveiligde tags</translation>
    </message>
    <message>
        <source>Protected tags keep a translation tool from breaking links and formatting.</source>
        <translation>Beveiligde tags voorkomen dat een vertaalprogramma koppelingen en opmaak beschadigt.</translation>
    </message>
    <message>
        <source>Every &amp;pair, not only the approved ones</source>
        <translation>Alle &amp;paren, niet alleen de goedgekeurde</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Bestand:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>B&amp;laderen…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporteren naar</translation>
    </message>
    <message>
        <source>{format} ({pattern});;All files (*)</source>
        <translation>{format} ({pattern});;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Het bestand vervangen?</translation>
    </message>
    <message>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} bestaat al. Wilt u het vervangen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Vervangen</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <source>Project settings not read</source>
        <translation>Projectinstellingen niet gelezen</translation>
    </message>
    <message>
        <source>Cannot open the article</source>
        <translation>Kan het artikel niet openen</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} openen…</translation>
    </message>
    <message>
        <source>Review data unreadable</source>
        <translation>Controlegegevens onleesbaar</translation>
    </message>
    <message>
        <source>{error}

Open the article without its review data?</source>
        <translation>{error}

Het artikel zonder de controlegegevens openen?</translation>
    </message>
    <message>
        <source>Open without</source>
        <translation>Openen zonder</translation>
    </message>
    <message>
        <source>{path} could not be opened ({kind}: {error}). Nothing was changed on disk. If the problem is in its review data ({name}.review.yaml: a hand edit or a merge conflict?), move that file aside and open the article again; please report this as a bug.</source>
        <translation>{path} kan niet worden geopend ({kind}: {error}). Er is niets gewijzigd op de schijf. Als het probleem in de controlegegevens zit ({name}.review.yaml: handmatig bewerkt of een samenvoegconflict?), zet dat bestand dan opzij en open het artikel opnieuw; meld dit als fout.</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {message}</source>
        <translation>regel {line}, kolom {column}: {message}</translation>
    </message>
    <message>
        <source>… and {n} more (see the Issues dock).</source>
        <translation>… en nog {n} (zie het deelvenster Problemen).</translation>
    </message>
    <message>
        <source>Problems in the article</source>
        <translation>Problemen in het artikel</translation>
    </message>
    <message>
        <source>{path} has 1 problem:</source>
        <translation>{path} heeft 1 probleem:</translation>
    </message>
    <message>
        <source>{path} has {n} problems:</source>
        <translation>{path} heeft {n} problemen:</translation>
    </message>
    <message>
        <source>Text kept as raw text stays exactly as it is and cannot be edited here; every segment, including one with a repeated id, can be reviewed and saved as usual. To fix them, correct the file in a text editor (the Issues dock lists each problem with its line), then reload it.</source>
        <translation>Tekst die als onbewerkte tekst wordt bewaard, blijft precies zoals die is en kan hier niet worden bewerkt; elk segment, ook een segment met een herhaalde id, kan zoals gewoonlijk worden gecontroleerd en opgeslagen. Corrigeer het bestand in een teksteditor om de problemen op te lossen (het deelvenster Problemen vermeldt elk probleem met de regel) en laad het daarna opnieuw.</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Opslaan mislukt</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>{name} opslaan…</translation>
    </message>
    <message>
        <source>Nothing was changed on disk.</source>
        <translation>Er is niets gewijzigd op de schijf.</translation>
    </message>
    <message>
        <source>Save article as</source>
        <translation>Artikel opslaan als</translation>
    </message>
    <message>
        <source>Markdown articles (*.md)</source>
        <translation>Markdown-artikelen (*.md)</translation>
    </message>
    <message>
        <source>Saved {name} and its review</source>
        <translation>{name} en de controle ervan zijn opgeslagen</translation>
    </message>
    <message>
        <source>Saved, with a note</source>
        <translation>Opgeslagen, met een opmerking</translation>
    </message>
    <message>
        <source>{name} was saved; not everything about the file could be kept:</source>
        <translation>{name} is opgeslagen; niet alle eigenschappen van het bestand konden behouden blijven:</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>Opnieuw laden vanaf schijf</translation>
    </message>
    <message>
        <source>Reload {name} from disk?

Your unsaved target edits are re-applied where the segment is unchanged on disk; edits to segments that changed on disk too are dropped, and the status bar names them. Your review (states, issues) is kept, unless the review data file changed on disk: then that version is loaded. Undo history starts afresh.</source>
        <translation>{name} opnieuw laden vanaf schijf?

Uw niet-opgeslagen bewerkingen van doelteksten worden opnieuw toegepast waar het segment op de schijf ongewijzigd is; bewerkingen van segmenten die ook op de schijf zijn gewijzigd, vervallen en worden op de statusbalk genoemd. Uw controle (statussen, problemen) blijft behouden, tenzij het bestand met controlegegevens op de schijf is gewijzigd: dan wordt die versie geladen. De geschiedenis voor Ongedaan maken begint opnieuw.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Opnieuw laden</translation>
    </message>
    <message>
        <source>Reload failed</source>
        <translation>Opnieuw laden mislukt</translation>
    </message>
    <message>
        <source>{name} changed on disk and was reloaded</source>
        <translation>{name} is gewijzigd op de schijf en opnieuw geladen</translation>
    </message>
    <message>
        <source>{name} was deleted or moved on disk; Save writes it again and Save As picks a new place.</source>
        <translation>{name} is verwijderd of verplaatst op de schijf; met Opslaan schrijft u het opnieuw en met Opslaan als kiest u een nieuwe locatie.</translation>
    </message>
    <message>
        <source>{name} was deleted or moved on disk; its folder is gone too, so use Save As to save it elsewhere.</source>
        <translation>{name} is verwijderd of verplaatst op de schijf; de map bestaat ook niet meer, dus gebruik Opslaan als om het ergens anders op te slaan.</translation>
    </message>
    <message>
        <source>Start fresh review data</source>
        <translation>Nieuwe controlegegevens starten</translation>
    </message>
    <message>
        <source>Move {path} aside (it is kept, not deleted) so this review can be saved?</source>
        <translation>{path} opzijzetten (het wordt bewaard, niet verwijderd) zodat deze controle kan worden opgeslagen?</translation>
    </message>
    <message>
        <source>Move aside</source>
        <translation>Opzijzetten</translation>
    </message>
    <message>
        <source>Old review data moved to {path}</source>
        <translation>Oude controlegegevens verplaatst naar {path}</translation>
    </message>
    <message>
        <source>Reviewer name</source>
        <translation>Naam van revisor</translation>
    </message>
    <message>
        <source>Your name, stored with every change:</source>
        <translation>Uw naam, opgeslagen bij elke wijziging:</translation>
    </message>
    <message>
        <source>Reviewer: {name}</source>
        <translation>Revisor: {name}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter source and target (Ctrl+F)…</source>
        <translation>Bron- en doeltekst filteren (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Re&amp;gex</source>
        <translation>Re&amp;gex</translation>
    </message>
    <message>
        <source>Source + target</source>
        <translation>Bron + doel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Elke status</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Onvoltooid</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>Herhalingen</translation>
    </message>
    <message>
        <source>Segments whose source occurs more than once, each source&apos;s together</source>
        <translation>Segmenten waarvan de brontekst vaker voorkomt, gegroepeerd per brontekst</translation>
    </message>
    <message>
        <source>Any issues</source>
        <translation>Alle problemen</translation>
    </message>
    <message>
        <source>Issues or checks</source>
        <translation>Problemen of controles</translation>
    </message>
    <message>
        <source>Severity: {level}</source>
        <translation>Ernst: {level}</translation>
    </message>
    <message>
        <source>&amp;Edited now</source>
        <translation>Nu &amp;bewerkt</translation>
    </message>
    <message>
        <source>Only segments whose target was edited in this session</source>
        <translation>Alleen segmenten waarvan de doeltekst in deze sessie is bewerkt</translation>
    </message>
    <message>
        <source>Any check</source>
        <translation>Elke controle</translation>
    </message>
    <message>
        <source>Show segments whatever their check results</source>
        <translation>Segmenten weergeven ongeacht de controleresultaten</translation>
    </message>
    <message>
        <source>1 segment</source>
        <translation>1 segment</translation>
    </message>
    <message>
        <source>{n} segments</source>
        <translation>{n} segmenten</translation>
    </message>
    <message>
        <source>no segment now</source>
        <translation>nu geen segment</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} van {total} weergegeven</translation>
    </message>
    <message>
        <source>{total} segments</source>
        <translation>{total} segmenten</translation>
    </message>
</context>
<context>
    <name>FlagIssueDialog</name>
    <message>
        <source>Flag issue</source>
        <translation>Probleem markeren</translation>
    </message>
    <message>
        <source>Prefilled from the check &lt;code&gt;{code}&lt;/code&gt;: adjust the category, severity and comment as needed.</source>
        <translation>Vooraf ingevuld vanuit de controle &lt;code&gt;{code}&lt;/code&gt;: pas de categorie, de ernst en de opmerking zo nodig aan.</translation>
    </message>
    <message>
        <source>Type to filter categories (e.g. omission, punct)…</source>
        <translation>Typ om categorieën te filteren (bijvoorbeeld weglating, omission)…</translation>
    </message>
    <message>
        <source>{severity} (weight {weight})</source>
        <translation>{severity} (gewicht {weight})</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>&amp;Ernst:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>What is wrong, and the fix you suggest</source>
        <translation>Wat er mis is, en de correctie die u voorstelt</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Opmerking:</translation>
    </message>
    <message>
        <source>Ctrl+Return: OK · Esc: cancel</source>
        <translation>Ctrl+Return: OK · Esc: annuleren</translation>
    </message>
</context>
<context>
    <name>FrontMatterBar</name>
    <message>
        <source>Front matter (read-only)</source>
        <translation>Front matter (alleen-lezen)</translation>
    </message>
    <message>
        <source>&lt;i&gt;No front matter&lt;/i&gt;</source>
        <translation>&lt;i&gt;Geen front matter&lt;/i&gt;</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(geen titel)</translation>
    </message>
    <message>
        <source>(kept verbatim)</source>
        <translation>(letterlijk behouden)</translation>
    </message>
</context>
<context>
    <name>GlossaryDock</name>
    <message>
        <source>Glossary</source>
        <translation>Termenlijst</translation>
    </message>
    <message>
        <source>The glossary file to edit (set the list in Check Settings)</source>
        <translation>Het termenlijstbestand om te bewerken (stel de lijst in bij Controle-instellingen)</translation>
    </message>
    <message>
        <source>Filter terms…</source>
        <translation>Termen filteren…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <source>{n} terms in {path}; changes are saved as you make them</source>
        <translation>{n} termen in {path}; wijzigingen worden direct opgeslagen</translation>
    </message>
    <message>
        <source>{path} does not exist yet: it is created with the first term</source>
        <translation>{path} bestaat nog niet: het wordt gemaakt bij de eerste term</translation>
    </message>
    <message>
        <source>No glossary to add to: {why}</source>
        <translation>Geen termenlijst om aan toe te voegen: {why}</translation>
    </message>
    <message>
        <source>Remove terms</source>
        <translation>Termen verwijderen</translation>
    </message>
    <message>
        <source>Remove {n} term(s) from {file}: {names}?</source>
        <translation>{n} term(en) verwijderen uit {file}: {names}?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Niet opgeslagen: {error}</translation>
    </message>
    <message>
        <source>Glossary not saved: {error}</source>
        <translation>Termenlijst niet opgeslagen: {error}</translation>
    </message>
    <message>
        <source>{n} terms in {path}; saved</source>
        <translation>{n} termen in {path}; opgeslagen</translation>
    </message>
</context>
<context>
    <name>GlossaryModel</name>
    <message>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <source>Dutch (required)</source>
        <translation>Nederlands (verplicht)</translation>
    </message>
    <message>
        <source>Also accepted</source>
        <translation>Ook toegestaan</translation>
    </message>
    <message>
        <source>Forbidden variants</source>
        <translation>Verboden varianten</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>A do-not-translate name: the Dutch text is the English one</source>
        <translation>Een niet-te-vertalen naam: de Nederlandse tekst is de Engelse</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>id not in the article</source>
        <translation>id niet in het artikel</translation>
    </message>
    <message>
        <source>source changed</source>
        <translation>brontekst gewijzigd</translation>
    </message>
    <message>
        <source>target refused</source>
        <translation>doeltekst geweigerd</translation>
    </message>
    <message>
        <source>markup codes lost</source>
        <translation>opmaakcodes verloren</translation>
    </message>
    <message>
        <source>markup codes changed</source>
        <translation>opmaakcodes gewijzigd</translation>
    </message>
    <message>
        <source>front matter</source>
        <translation>front matter</translation>
    </message>
    <message>
        <source>conflicting corrections</source>
        <translation>tegenstrijdige correcties</translation>
    </message>
    <message>
        <source>unreadable unit</source>
        <translation>onleesbare eenheid</translation>
    </message>
    <message>
        <source>Segment {n} · {id} · {file} line {line}</source>
        <translation>Segment {n} · {id} · {file} regel {line}</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Voor</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>{id} · {file} line {line}</source>
        <translation>{id} · {file} regel {line}</translation>
    </message>
    <message>
        <source>This unit is left out; the segment stays as it is.</source>
        <translation>Deze eenheid wordt overgeslagen; het segment blijft ongewijzigd.</translation>
    </message>
    <message>
        <source>Import from {file}</source>
        <translation>Importeren uit {file}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; ({kind}) into &lt;b&gt;{article}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; ({kind}) naar &lt;b&gt;{article}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{changes} to change · {unchanged} already the same · {rejected} rejected · {untranslated} without a target</source>
        <translation>{changes} te wijzigen · {unchanged} al gelijk · {rejected} geweigerd · {untranslated} zonder doeltekst</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>New target</source>
        <translation>Nieuwe doeltekst</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Waarschuwingen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <source>Import targets</source>
        <translation>Doelteksten importeren</translation>
    </message>
    <message>
        <source>XLIFF files and issue sheets ({patterns});;XLIFF (*.xlf *.xliff);;Excel workbook (*.xlsx);;CSV (*.csv);;All files (*)</source>
        <translation>XLIFF-bestanden en problemenlijsten ({patterns});;XLIFF (*.xlf *.xliff);;Excel-werkmap (*.xlsx);;CSV (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(geen id)</translation>
    </message>
    <message>
        <source>Changes ({n})</source>
        <translation>Wijzigingen ({n})</translation>
    </message>
    <message>
        <source>Rejected ({n})</source>
        <translation>Geweigerd ({n})</translation>
    </message>
    <message>
        <source>Tick &amp;All</source>
        <translation>&amp;Alles inschakelen</translation>
    </message>
    <message>
        <source>Tick &amp;None</source>
        <translation>&amp;Niets inschakelen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Niets te importeren</translation>
    </message>
    <message>
        <source>&amp;Import 1 target</source>
        <translation>1 doeltekst &amp;importeren</translation>
    </message>
    <message>
        <source>&amp;Import {n} targets</source>
        <translation>{n} doelteksten &amp;importeren</translation>
    </message>
</context>
<context>
    <name>IssueList</name>
    <message>
        <source>Flag…</source>
        <translation>Markeren…</translation>
    </message>
    <message>
        <source>Flag a new MQM issue on this segment (Ctrl+Shift+F)</source>
        <translation>Een nieuw MQM-probleem in dit segment markeren (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Oplossen</translation>
    </message>
    <message>
        <source>Mark the selected issue resolved, or reopen it</source>
        <translation>Het geselecteerde probleem markeren als opgelost, of het opnieuw openen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Delete the selected issue (Delete)</source>
        <translation>Het geselecteerde probleem verwijderen (Delete)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Negeren</translation>
    </message>
    <message>
        <source>Dismiss the selected check result as a false positive (Ctrl+Shift+D)</source>
        <translation>Het geselecteerde controleresultaat negeren als fout-positief (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Critical (resolved)</source>
        <translation>Kritiek (opgelost)</translation>
    </message>
    <message>
        <source>Checks are still running…</source>
        <translation>Controles worden nog uitgevoerd…</translation>
    </message>
    <message>
        <source>{level} · flagged</source>
        <translation>{level} · gemarkeerd</translation>
    </message>
    <message>
        <source>Flag it…</source>
        <translation>Dit markeren…</translation>
    </message>
    <message>
        <source>Flag the selected check result as an issue, prefilled (Return)</source>
        <translation>Het geselecteerde controleresultaat markeren als probleem, vooraf ingevuld (Return)</translation>
    </message>
    <message>
        <source>Edit the selected issue (Return)</source>
        <translation>Het geselecteerde probleem bewerken (Return)</translation>
    </message>
    <message>
        <source> &lt;i&gt;(flagged as an issue)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(gemarkeerd als probleem)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Opnieuw openen</translation>
    </message>
</context>
<context>
    <name>IssuesDock</name>
    <message>
        <source>Issues and checks</source>
        <translation>Problemen en controles</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Check results</source>
        <translation>Controleresultaten</translation>
    </message>
    <message>
        <source>Parse warnings</source>
        <translation>Parseerwaarschuwingen</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Weergeven:</translation>
    </message>
    <message>
        <source>1 open issue</source>
        <translation>1 open probleem</translation>
    </message>
    <message>
        <source>{n} open issues</source>
        <translation>{n} open problemen</translation>
    </message>
    <message>
        <source>1 check result</source>
        <translation>1 controleresultaat</translation>
    </message>
    <message>
        <source>{n} check results</source>
        <translation>{n} controleresultaten</translation>
    </message>
    <message>
        <source>({n} flagged)</source>
        <translation>({n} gemarkeerd)</translation>
    </message>
    <message>
        <source>checks running…</source>
        <translation>controles worden uitgevoerd…</translation>
    </message>
    <message>
        <source>1 parse warning (not editable)</source>
        <translation>1 parseerwaarschuwing (niet bewerkbaar)</translation>
    </message>
    <message>
        <source>{n} parse warnings (not editable)</source>
        <translation>{n} parseerwaarschuwingen (niet bewerkbaar)</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Both segments with this id are rows of the table and can be edited; their review data is told apart by their order in the file.</source>
        <translation>Beide segmenten met deze id zijn rijen van de tabel en kunnen worden bewerkt; hun controlegegevens worden onderscheiden door hun volgorde in het bestand.</translation>
    </message>
    <message>
        <source>The front matter is kept exactly as it is; fix it in a text editor.</source>
        <translation>De front matter blijft precies zoals die is; corrigeer deze in een teksteditor.</translation>
    </message>
    <message>
        <source>This text is outside every segment and cannot be edited here.</source>
        <translation>Deze tekst staat buiten elk segment en kan hier niet worden bewerkt.</translation>
    </message>
    <message>
        <source>{level} · flagged</source>
        <translation>{level} · gemarkeerd</translation>
    </message>
    <message>
        <source>line {line}:{column}</source>
        <translation>regel {line}:{column}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Unreviewed</source>
        <translation>Niet gecontroleerd</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bewerkt</translation>
    </message>
    <message>
        <source>Needs work</source>
        <translation>Herziening nodig</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Gecontroleerd</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Goedgekeurd</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutraal</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Klein</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>Groot</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritiek</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Opgelost</translation>
    </message>
    <message>
        <source>Won&apos;t fix</source>
        <translation>Wordt niet opgelost</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fout</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>waarschuwing</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>{n} error</source>
        <translation>{n} fout</translation>
    </message>
    <message>
        <source>{n} errors</source>
        <translation>{n} fouten</translation>
    </message>
    <message>
        <source>{n} warning</source>
        <translation>{n} waarschuwing</translation>
    </message>
    <message>
        <source>{n} warnings</source>
        <translation>{n} waarschuwingen</translation>
    </message>
    <message>
        <source>{n} info</source>
        <translation>{n} info</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>geslaagd</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>mislukt</translation>
    </message>
    <message>
        <source>fail (open critical issue)</source>
        <translation>mislukt (open kritiek probleem)</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>onleesbaar</translation>
    </message>
    <message>
        <source>issue</source>
        <translation>probleem</translation>
    </message>
    <message>
        <source>check</source>
        <translation>controle</translation>
    </message>
    <message>
        <source>parse</source>
        <translation>parseren</translation>
    </message>
    <message>
        <source>Edit target</source>
        <translation>Doeltekst bewerken</translation>
    </message>
    <message>
        <source>Mark {n} segment {state}</source>
        <translation>{n} segment markeren als {state}</translation>
    </message>
    <message>
        <source>Mark {n} segments {state}</source>
        <translation>{n} segmenten markeren als {state}</translation>
    </message>
    <message>
        <source>Flag issue</source>
        <translation>Probleem markeren</translation>
    </message>
    <message>
        <source>Edit issue</source>
        <translation>Probleem bewerken</translation>
    </message>
    <message>
        <source>Delete issue</source>
        <translation>Probleem verwijderen</translation>
    </message>
    <message>
        <source>Dismiss check</source>
        <translation>Controle negeren</translation>
    </message>
    <message>
        <source>Restore check</source>
        <translation>Controle herstellen</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System ({language})</source>
        <translation>Systeem ({language})</translation>
    </message>
</context>
<context>
    <name>LanguageFilesPage</name>
    <message>
        <source>Glossaries (*.csv *.tbx *.xml)</source>
        <translation>Termenlijsten (*.csv *.tbx *.xml)</translation>
    </message>
    <message>
        <source>Name lists (*.txt)</source>
        <translation>Namenlijsten (*.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <source>&amp;Words in your dictionary</source>
        <translation>W&amp;oorden in uw woordenlijst</translation>
    </message>
    <message>
        <source>Spelling:</source>
        <translation>Spelling:</translation>
    </message>
    <message>
        <source>Words you add from the editor; relative to the settings file&apos;s folder</source>
        <translation>Woorden die u vanuit de editor toevoegt; relatief ten opzichte van de map van het instellingenbestand</translation>
    </message>
    <message>
        <source>Your &amp;dictionary:</source>
        <translation>Uw &amp;woordenlijst:</translation>
    </message>
    <message>
        <source>&amp;Glossaries:</source>
        <translation>Termen&amp;lijsten:</translation>
    </message>
    <message>
        <source>Do-not-translate &amp;lists:</source>
        <translation>&amp;Niet-te-vertalen lijsten:</translation>
    </message>
    <message>
        <source>Also use Reviewer&apos;s own glossary and names</source>
        <translation>Ook de eigen termenlijst en namen van Reviewer gebruiken</translation>
    </message>
    <message>
        <source>The glossary and product names shipped with Reviewer, mined from Microsoft Docs</source>
        <translation>De termenlijst en productnamen die bij Reviewer worden geleverd, verzameld uit Microsoft Docs</translation>
    </message>
</context>
<context>
    <name>LanguageTools</name>
    <message>
        <source>The Dutch dictionary is loading.</source>
        <translation>De Nederlandse woordenlijst wordt geladen.</translation>
    </message>
    <message>
        <source>The automatic checks failed; see the terminal.</source>
        <translation>De automatische controles zijn mislukt; zie de terminal.</translation>
    </message>
</context>
<context>
    <name>MQM</name>
    <message>
        <source>Terminology</source>
        <translation>Terminologie</translation>
    </message>
    <message>
        <source>Inconsistent with terminology resource</source>
        <translation>Niet in overeenstemming met terminologiebron</translation>
    </message>
    <message>
        <source>Inconsistent use of terminology</source>
        <translation>Inconsistent gebruik van terminologie</translation>
    </message>
    <message>
        <source>Wrong term</source>
        <translation>Verkeerde term</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Nauwkeurigheid</translation>
    </message>
    <message>
        <source>Mistranslation</source>
        <translation>Onjuiste vertaling</translation>
    </message>
    <message>
        <source>Over-translation</source>
        <translation>Oververtaling</translation>
    </message>
    <message>
        <source>Under-translation</source>
        <translation>Ondervertaling</translation>
    </message>
    <message>
        <source>Addition</source>
        <translation>Toevoeging</translation>
    </message>
    <message>
        <source>Omission</source>
        <translation>Weglating</translation>
    </message>
    <message>
        <source>Do not translate</source>
        <translation>Niet vertalen</translation>
    </message>
    <message>
        <source>Untranslated</source>
        <translation>Onvertaald</translation>
    </message>
    <message>
        <source>Linguistic conventions</source>
        <translation>Taalkundige conventies</translation>
    </message>
    <message>
        <source>Grammar</source>
        <translation>Grammatica</translation>
    </message>
    <message>
        <source>Punctuation</source>
        <translation>Interpunctie</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Spelling</translation>
    </message>
    <message>
        <source>Unintelligible</source>
        <translation>Onbegrijpelijk</translation>
    </message>
    <message>
        <source>Character encoding</source>
        <translation>Tekencodering</translation>
    </message>
    <message>
        <source>Textual conventions</source>
        <translation>Tekstuele conventies</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Stijl</translation>
    </message>
    <message>
        <source>Organizational style</source>
        <translation>Huisstijl</translation>
    </message>
    <message>
        <source>Third-party style</source>
        <translation>Stijl van derden</translation>
    </message>
    <message>
        <source>Inconsistent with external reference</source>
        <translation>Niet in overeenstemming met externe referentie</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Awkward style</source>
        <translation>Onhandige stijl</translation>
    </message>
    <message>
        <source>Unidiomatic style</source>
        <translation>Onidiomatische stijl</translation>
    </message>
    <message>
        <source>Inconsistent style</source>
        <translation>Inconsistente stijl</translation>
    </message>
    <message>
        <source>Locale conventions</source>
        <translation>Landinstellingsconventies</translation>
    </message>
    <message>
        <source>Number format</source>
        <translation>Getalnotatie</translation>
    </message>
    <message>
        <source>Currency format</source>
        <translation>Valutanotatie</translation>
    </message>
    <message>
        <source>Measurement format</source>
        <translation>Notatie van maateenheden</translation>
    </message>
    <message>
        <source>Time format</source>
        <translation>Tijdnotatie</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>Datumnotatie</translation>
    </message>
    <message>
        <source>Address format</source>
        <translation>Adresnotatie</translation>
    </message>
    <message>
        <source>Telephone format</source>
        <translation>Notatie van telefoonnummers</translation>
    </message>
    <message>
        <source>Shortcut key</source>
        <translation>Sneltoets</translation>
    </message>
    <message>
        <source>Audience appropriateness</source>
        <translation>Geschiktheid voor doelgroep</translation>
    </message>
    <message>
        <source>Culture-specific reference</source>
        <translation>Cultuurspecifieke verwijzing</translation>
    </message>
    <message>
        <source>Offensive</source>
        <translation>Aanstootgevend</translation>
    </message>
    <message>
        <source>Design and markup</source>
        <translation>Ontwerp en opmaak</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Indeling</translation>
    </message>
    <message>
        <source>Markup tag</source>
        <translation>Opmaaktag</translation>
    </message>
    <message>
        <source>Truncation/text expansion</source>
        <translation>Afkapping/tekstuitbreiding</translation>
    </message>
    <message>
        <source>Missing text</source>
        <translation>Ontbrekende tekst</translation>
    </message>
    <message>
        <source>Link/cross-reference</source>
        <translation>Koppeling/kruisverwijzing</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Aangepast</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open an article (Ctrl+O) or drop a .md file here to start reviewing.</source>
        <translation>Open een artikel (Ctrl+O) of zet hier een .md-bestand neer om te beginnen met controleren.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing to review.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{name} has no segment pairs: it holds no English source beside a Dutch target.</source>
        <translation>&lt;b&gt;Niets te controleren.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{name} heeft geen segmentparen: het bevat geen Engelse brontekst naast een Nederlandse doeltekst.</translation>
    </message>
    <message>
        <source>See the issues dock for parse warnings.</source>
        <translation>Zie het deelvenster Problemen voor parseerwaarschuwingen.</translation>
    </message>
    <message>
        <source>Undone: typing that was not applied</source>
        <translation>Ongedaan gemaakt: getypte tekst die niet is toegepast</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>Geen bestand</translation>
    </message>
</context>
<context>
    <name>MarkupKeys</name>
    <message>
        <source>Removed the whole markup {tokens}: Ctrl+Z brings it back</source>
        <translation>De volledige opmaak {tokens} verwijderd: met Ctrl+Z zet u deze terug</translation>
    </message>
    <message>
        <source>No segment to insert markup into</source>
        <translation>Geen segment om opmaak in in te voegen</translation>
    </message>
    <message>
        <source>Nothing to insert: the target has every markup of the source</source>
        <translation>Niets in te voegen: de doeltekst bevat alle opmaak van de brontekst</translation>
    </message>
    <message>
        <source>Inserted {markup}; {n} more from the source to place</source>
        <translation>{markup} ingevoegd; nog {n} uit de brontekst te plaatsen</translation>
    </message>
    <message>
        <source>Inserted {markup}; the target has all the source&apos;s markup now</source>
        <translation>{markup} ingevoegd; de doeltekst bevat nu alle opmaak van de brontekst</translation>
    </message>
    <message>
        <source>Next to the cursor: {name}</source>
        <translation>Naast de cursor: {name}</translation>
    </message>
</context>
<context>
    <name>MatchesDock</name>
    <message>
        <source>Translations in the project</source>
        <translation>Vertalingen in het project</translation>
    </message>
    <message>
        <source>Open a folder as a project to see how other articles translate this segment&apos;s source.</source>
        <translation>Open een map als project om te zien hoe andere artikelen de brontekst van dit segment vertalen.</translation>
    </message>
    <message>
        <source>Open an article to see how the project&apos;s other articles translate its segments.</source>
        <translation>Open een artikel om te zien hoe de andere artikelen van het project de segmenten ervan vertalen.</translation>
    </message>
    <message>
        <source>{n} translations of this source or a similar one ({e} of the same source); Ctrl+1…{k} inserts one.</source>
        <translation>{n} vertalingen van deze of een vergelijkbare brontekst ({e} van dezelfde brontekst); met Ctrl+1…{k} voegt u er een in.</translation>
    </message>
    <message>
        <source>No other article has this source or a similar one.</source>
        <translation>Geen ander artikel heeft deze of een vergelijkbare brontekst.</translation>
    </message>
</context>
<context>
    <name>MatchesModel</name>
    <message>
        <source>Match</source>
        <translation>Overeenkomst</translation>
    </message>
    <message>
        <source>Their translation and source</source>
        <translation>Hun vertaling en brontekst</translation>
    </message>
    <message>
        <source>State and article</source>
        <translation>Status en artikel</translation>
    </message>
    <message>
        <source>{target}

Their source: {source}</source>
        <translation>{target}

Hun brontekst: {source}</translation>
    </message>
    <message>
        <source>Ctrl+{n} puts this translation in the target</source>
        <translation>Met Ctrl+{n} plaatst u deze vertaling in de doeltekst</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Segment #{n} was hidden by the filter: filter cleared</source>
        <translation>Segment #{n} was verborgen door het filter: filter gewist</translation>
    </message>
    <message>
        <source>This is the last segment in view</source>
        <translation>Dit is het laatste zichtbare segment</translation>
    </message>
    <message>
        <source>This is the first segment in view</source>
        <translation>Dit is het eerste zichtbare segment</translation>
    </message>
    <message>
        <source>No unfinished segment left in view</source>
        <translation>Geen onvoltooide segmenten meer zichtbaar</translation>
    </message>
    <message>
        <source>No segment with issues in view</source>
        <translation>Geen segment met problemen zichtbaar</translation>
    </message>
    <message>
        <source>Go to segment</source>
        <translation>Naar segment gaan</translation>
    </message>
    <message>
        <source>Segment number (1–{n}) or id:</source>
        <translation>Segmentnummer (1–{n}) of id:</translation>
    </message>
    <message>
        <source>No segment {what} in this article</source>
        <translation>Geen segment {what} in dit artikel</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Interface language</source>
        <translation>Taal van de interface</translation>
    </message>
    <message>
        <source>The new language is used the next time you start Reviewer.</source>
        <translation>De nieuwe taal wordt gebruikt wanneer u Reviewer de volgende keer start.</translation>
    </message>
</context>
<context>
    <name>PreviewLinks</name>
    <message>
        <source>Web link: {url} (click to open it in your browser)</source>
        <translation>Webkoppeling: {url} (klik om deze in uw browser te openen)</translation>
    </message>
    <message>
        <source>E-mail link: {url} (click to write in your mail program)</source>
        <translation>E-mailkoppeling: {url} (klik om te schrijven in uw e-mailprogramma)</translation>
    </message>
    <message>
        <source>Link to the section {url} of this article; not followed in the preview</source>
        <translation>Koppeling naar de sectie {url} van dit artikel; wordt niet gevolgd in het voorbeeld</translation>
    </message>
    <message>
        <source>Link to another docs page or file: {url}; not opened here</source>
        <translation>Koppeling naar een andere docs-pagina of een ander bestand: {url}; wordt hier niet geopend</translation>
    </message>
    <message>
        <source>Cross-reference {url}: the docs site resolves it when it publishes the page</source>
        <translation>Kruisverwijzing {url}: de docs-site zet deze om wanneer de pagina wordt gepubliceerd</translation>
    </message>
    <message>
        <source>Blocked link (not a web or mail address): {url}</source>
        <translation>Geblokkeerde koppeling (geen web- of e-mailadres): {url}</translation>
    </message>
    <message>
        <source>Open this link outside the reviewer?

{url}</source>
        <translation>Deze koppeling buiten Reviewer openen?

{url}</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Koppeling openen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Link not opened</source>
        <translation>Koppeling niet geopend</translation>
    </message>
    <message>
        <source>Opened {url} in your browser</source>
        <translation>{url} geopend in uw browser</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Source Beside</source>
        <translation>Bron ernaast</translation>
    </message>
    <message>
        <source>Show the English source beside the translation (above it while the pane is narrow), scrolled together</source>
        <translation>De Engelse brontekst naast de vertaling weergeven (erboven zolang het deelvenster smal is), samen schuivend</translation>
    </message>
    <message>
        <source>Tint Check Results</source>
        <translation>Controleresultaten kleuren</translation>
    </message>
    <message>
        <source>Tint sentences with check results: red errors, orange warnings, blue notes</source>
        <translation>Zinnen met controleresultaten kleuren: rood voor fouten, oranje voor waarschuwingen, blauw voor opmerkingen</translation>
    </message>
    <message>
        <source>Open an article to see it as its readers will.</source>
        <translation>Open een artikel om het te zien zoals lezers het zullen zien.</translation>
    </message>
    <message>
        <source>Rendering the article…</source>
        <translation>Het artikel weergeven…</translation>
    </message>
    <message>
        <source>Rendering the source…</source>
        <translation>De brontekst weergeven…</translation>
    </message>
    <message>
        <source>Rendering…</source>
        <translation>Weergeven…</translation>
    </message>
    <message>
        <source>The preview could not be rendered; see the terminal.</source>
        <translation>Het voorbeeld kan niet worden weergegeven; zie de terminal.</translation>
    </message>
    <message>
        <source>&lt;b&gt;#{n}&lt;/b&gt; · {id} · {state}</source>
        <translation>&lt;b&gt;#{n}&lt;/b&gt; · {id} · {state}</translation>
    </message>
    <message>
        <source>Click to go to this segment</source>
        <translation>Klik om naar dit segment te gaan</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Apply Fixes to E&amp;xact Repetitions Automatically</source>
        <translation>Correcties automatisch toepassen op e&amp;xacte herhalingen</translation>
    </message>
    <message>
        <source>When you leave an edited segment, repetitions in the article that still hold its old translation get the same fix (one undo step)</source>
        <translation>Wanneer u een bewerkt segment verlaat, krijgen herhalingen in het artikel die nog de oude vertaling bevatten dezelfde correctie (één stap voor Ongedaan maken)</translation>
    </message>
    <message>
        <source>Insert Translation {n} from the Project</source>
        <translation>Vertaling {n} uit het project invoegen</translation>
    </message>
    <message>
        <source>These segments of other articles have the same source and still hold the old translation. Their files change when you apply; the project view offers the undo. Approved segments are left alone.</source>
        <translation>Deze segmenten van andere artikelen hebben dezelfde brontekst en bevatten nog de oude vertaling. Hun bestanden worden gewijzigd wanneer u toepast; in de projectweergave kunt u dit ongedaan maken. Goedgekeurde segmenten blijven ongewijzigd.</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <source>Preparing the approval</source>
        <translation>De goedkeuring voorbereiden</translation>
    </message>
    <message>
        <source>Approving</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <source>Approved {n} segments in {m} articles</source>
        <translation>{n} segmenten goedgekeurd in {m} artikelen</translation>
    </message>
    <message>
        <source>({n} in the open article: Ctrl+Z undoes them)</source>
        <translation>({n} in het geopende artikel: met Ctrl+Z maakt u ze ongedaan)</translation>
    </message>
    <message>
        <source>Changed {n} targets in {m} articles</source>
        <translation>{n} doelteksten gewijzigd in {m} artikelen</translation>
    </message>
    <message>
        <source>{n} left alone: changed since the preview</source>
        <translation>{n} ongewijzigd gelaten: gewijzigd sinds het voorbeeld</translation>
    </message>
    <message>
        <source>Undone: {label}</source>
        <translation>Ongedaan gemaakt: {label}</translation>
    </message>
    <message>
        <source>Undoing</source>
        <translation>Ongedaan maken</translation>
    </message>
</context>
<context>
    <name>ProjectModel</name>
    <message>
        <source>Path</source>
        <translation>Pad</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmenten</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Woorden</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Niet gecontroleerd</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bewerkt</translation>
    </message>
    <message>
        <source>Needs work</source>
        <translation>Herziening nodig</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Gecontroleerd</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Goedgekeurd</translation>
    </message>
    <message>
        <source>Approved %</source>
        <translation>Goedgekeurd %</translation>
    </message>
    <message>
        <source>Open issues</source>
        <translation>Open problemen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fouten</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Waarschuwingen</translation>
    </message>
    <message>
        <source>MQM</source>
        <translation>MQM</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>Laatst gecontroleerd</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutraal</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>klein</translation>
    </message>
    <message>
        <source>major</source>
        <translation>groot</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritiek</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>onleesbaar</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Geslaagd</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Review data unreadable, shown as unreviewed: {error}</source>
        <translation>Controlegegevens onleesbaar, weergegeven als niet gecontroleerd: {error}</translation>
    </message>
    <message>
        <source>{approved:,} of {n:,} segments approved; {done:.0f}% reviewed or approved</source>
        <translation>{approved:,} van {n:,} segmenten goedgekeurd; {done:.0f}% gecontroleerd of goedgekeurd</translation>
    </message>
    <message>
        <source>Checks not run yet on this article; they fill in in the background.</source>
        <translation>De controles zijn nog niet uitgevoerd op dit artikel; ze worden op de achtergrond ingevuld.</translation>
    </message>
    <message>
        <source>MQM score {score:.1f} (pass mark {threshold:g}); {verdict}</source>
        <translation>MQM-score {score:.1f} (drempel {threshold:g}); {verdict}</translation>
    </message>
</context>
<context>
    <name>ProjectPart</name>
    <message>
        <source>Open a folder of articles as a project</source>
        <translation>Een map met artikelen openen als project</translation>
    </message>
    <message>
        <source>Reading articles</source>
        <translation>Artikelen lezen</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Kan het project niet openen</translation>
    </message>
    <message>
        <source>Opening the project was cancelled; what was read is cached.</source>
        <translation>Het openen van het project is geannuleerd; wat al is gelezen, is in de cache opgeslagen.</translation>
    </message>
    <message>
        <source>Indexing for search</source>
        <translation>Indexeren voor zoeken</translation>
    </message>
    <message>
        <source>Checking articles</source>
        <translation>Artikelen controleren</translation>
    </message>
    <message>
        <source>Checks done on {n} articles</source>
        <translation>Controles uitgevoerd op {n} artikelen</translation>
    </message>
    <message>
        <source>Checks stopped; the articles checked so far are kept.</source>
        <translation>Controles gestopt; de tot nu toe gecontroleerde artikelen blijven behouden.</translation>
    </message>
    <message>
        <source>Updating the list</source>
        <translation>De lijst bijwerken</translation>
    </message>
    <message>
        <source>Cancelled: {what}</source>
        <translation>Geannuleerd: {what}</translation>
    </message>
    <message>
        <source>This is the last article in the list</source>
        <translation>Dit is het laatste artikel in de lijst</translation>
    </message>
    <message>
        <source>This is the first article in the list</source>
        <translation>Dit is het eerste artikel in de lijst</translation>
    </message>
</context>
<context>
    <name>ProjectView</name>
    <message>
        <source>Any progress</source>
        <translation>Elke voortgang</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Niet gestart</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Onvoltooid</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Voltooid</translation>
    </message>
    <message>
        <source>Pass or fail</source>
        <translation>Geslaagd of mislukt</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Geslaagd</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Any issues</source>
        <translation>Alle problemen</translation>
    </message>
    <message>
        <source>Open issues</source>
        <translation>Open problemen</translation>
    </message>
    <message>
        <source>No open issue</source>
        <translation>Geen open probleem</translation>
    </message>
    <message>
        <source>Any checks</source>
        <translation>Alle controles</translation>
    </message>
    <message>
        <source>Check errors</source>
        <translation>Controlefouten</translation>
    </message>
    <message>
        <source>Errors or warnings</source>
        <translation>Fouten of waarschuwingen</translation>
    </message>
    <message>
        <source>No check error</source>
        <translation>Geen controlefout</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Nog niet gecontroleerd</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Dit bericht verbergen</translation>
    </message>
    <message>
        <source>Filter by path or title…</source>
        <translation>Filteren op pad of titel…</translation>
    </message>
    <message>
        <source>Click to sort; right-click to choose the columns</source>
        <translation>Klik om te sorteren; klik met de rechtermuisknop om de kolommen te kiezen</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Elk type</translation>
    </message>
    <message>
        <source>Any check</source>
        <translation>Elke controle</translation>
    </message>
    <message>
        <source>No article read yet.</source>
        <translation>Nog geen artikel gelezen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n} articles&lt;/b&gt;</source>
        <translation>&lt;b&gt;{n} artikelen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{n} segments</source>
        <translation>{n} segmenten</translation>
    </message>
    <message>
        <source>{n} words</source>
        <translation>{n} woorden</translation>
    </message>
    <message>
        <source>{n} approved ({p:.1f}%)</source>
        <translation>{n} goedgekeurd ({p:.1f}%)</translation>
    </message>
    <message>
        <source>{n} reviewed</source>
        <translation>{n} gecontroleerd</translation>
    </message>
    <message>
        <source>{n} needs work</source>
        <translation>{n} herziening nodig</translation>
    </message>
    <message>
        <source>{n} edited</source>
        <translation>{n} bewerkt</translation>
    </message>
    <message>
        <source>open issues: {text}</source>
        <translation>open problemen: {text}</translation>
    </message>
    <message>
        <source>no open issue</source>
        <translation>geen open probleem</translation>
    </message>
    <message>
        <source>checks: {e} errors, {w} warnings</source>
        <translation>controles: {e} fouten, {w} waarschuwingen</translation>
    </message>
    <message>
        <source>({n} of {m} articles checked)</source>
        <translation>({n} van {m} artikelen gecontroleerd)</translation>
    </message>
    <message>
        <source>checks not run yet</source>
        <translation>controles nog niet uitgevoerd</translation>
    </message>
    <message>
        <source>MQM {score:.1f}</source>
        <translation>MQM {score:.1f}</translation>
    </message>
    <message>
        <source>({p} pass, {f} fail)</source>
        <translation>({p} geslaagd, {f} mislukt)</translation>
    </message>
    <message>
        <source>{n} unreadable</source>
        <translation>{n} onleesbaar</translation>
    </message>
    <message>
        <source>{p:.1f}% of the project&apos;s segments approved</source>
        <translation>{p:.1f}% van de segmenten van het project goedgekeurd</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}…</source>
        <translation>{what}: {done} van {total}…</translation>
    </message>
    <message>
        <source>Undo: {label}</source>
        <translation>Ongedaan maken: {label}</translation>
    </message>
    <message>
        <source>{total} articles</source>
        <translation>{total} artikelen</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} van {total} weergegeven</translation>
    </message>
</context>
<context>
    <name>PropagationBar</name>
    <message>
        <source>1 other segment here has the same source and the old translation.</source>
        <translation>1 ander segment hier heeft dezelfde brontekst en de oude vertaling.</translation>
    </message>
    <message>
        <source>{n} other segments here have the same source and the old translation.</source>
        <translation>{n} andere segmenten hier hebben dezelfde brontekst en de oude vertaling.</translation>
    </message>
    <message>
        <source>They get the same fix when you leave this segment.</source>
        <translation>Ze krijgen dezelfde correctie wanneer u dit segment verlaat.</translation>
    </message>
    <message>
        <source>Other articles have this source with the old translation.</source>
        <translation>Andere artikelen hebben deze brontekst met de oude vertaling.</translation>
    </message>
    <message>
        <source>Apply to {n} (Ctrl+Shift+R)</source>
        <translation>Toepassen op {n} (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>{m} in other articles…</source>
        <translation>{m} in andere artikelen…</translation>
    </message>
    <message>
        <source>No repeated segment is waiting for this fix</source>
        <translation>Er wacht geen herhaald segment op deze correctie</translation>
    </message>
    <message>
        <source>Applied the same fix to {n} repeated segments (Ctrl+Z undoes it)</source>
        <translation>Dezelfde correctie toegepast op {n} herhaalde segmenten (met Ctrl+Z maakt u dit ongedaan)</translation>
    </message>
    <message>
        <source>Applied the fix to {n} exact repetitions automatically (Ctrl+Z undoes it)</source>
        <translation>De correctie automatisch toegepast op {n} exacte herhalingen (met Ctrl+Z maakt u dit ongedaan)</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <source>Find and replace in targets</source>
        <translation>Zoeken en vervangen in doelteksten</translation>
    </message>
    <message>
        <source>Text or regular expression to find in targets</source>
        <translation>Tekst of reguliere expressie om te zoeken in doelteksten</translation>
    </message>
    <message>
        <source>Replacement (\1 or \g&lt;name&gt; with a regex)</source>
        <translation>Vervanging (\1 of \g&lt;name&gt; met een regex)</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Zoeken naar:</translation>
    </message>
    <message>
        <source>Replace &amp;with:</source>
        <translation>&amp;Vervangen door:</translation>
    </message>
    <message>
        <source>Re&amp;gex</source>
        <translation>Re&amp;gex</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>&amp;Hoofdlettergevoelig</translation>
    </message>
    <message>
        <source>W&amp;hole words</source>
        <translation>Hele &amp;woorden</translation>
    </message>
    <message>
        <source>In the open &amp;article</source>
        <translation>In het geopende &amp;artikel</translation>
    </message>
    <message>
        <source>In every article of the &amp;project</source>
        <translation>In alle artikelen van het &amp;project</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Voorbeeld</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>Alles inschakelen</translation>
    </message>
    <message>
        <source>Tick none</source>
        <translation>Niets inschakelen</translation>
    </message>
    <message>
        <source>&amp;Undo in the other articles</source>
        <translation>&amp;Ongedaan maken in de andere artikelen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Looking for changes…</source>
        <translation>Zoeken naar wijzigingen…</translation>
    </message>
    <message>
        <source>Preview lists every change before anything is replaced.</source>
        <translation>Voorbeeld geeft elke wijziging weer voordat er iets wordt vervangen.</translation>
    </message>
    <message>
        <source>Nothing to replace: no target holds it.</source>
        <translation>Niets te vervangen: geen enkele doeltekst bevat dit.</translation>
    </message>
    <message>
        <source>&amp;Replace {n}</source>
        <translation>{n} ve&amp;rvangen</translation>
    </message>
</context>
<context>
    <name>Replacer</name>
    <message>
        <source>Looking for changes</source>
        <translation>Zoeken naar wijzigingen</translation>
    </message>
    <message>
        <source>Replaced {n} in the open article (Ctrl+Z undoes it)</source>
        <translation>{n} vervangen in het geopende artikel (met Ctrl+Z maakt u dit ongedaan)</translation>
    </message>
    <message>
        <source>{n} left alone: changed since the preview</source>
        <translation>{n} ongewijzigd gelaten: gewijzigd sinds het voorbeeld</translation>
    </message>
    <message>
        <source>Writing the other articles…</source>
        <translation>De andere artikelen schrijven…</translation>
    </message>
    <message>
        <source>Undoing the change in the other articles…</source>
        <translation>De wijziging in de andere artikelen ongedaan maken…</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>Approved. Every segment in view is now reviewed or approved.</source>
        <translation>Goedgekeurd. Elk zichtbaar segment is nu gecontroleerd of goedgekeurd.</translation>
    </message>
    <message>
        <source>Batch approval</source>
        <translation>Batchgoedkeuring</translation>
    </message>
    <message>
        <source>Nothing to approve: the {n} segment ({what}) is already approved.</source>
        <translation>Niets goed te keuren: het segment ({what}) is al goedgekeurd.</translation>
    </message>
    <message>
        <source>Nothing to approve: the {n} segments ({what}) are already approved.</source>
        <translation>Niets goed te keuren: de {n} segmenten ({what}) zijn al goedgekeurd.</translation>
    </message>
    <message>
        <source>Approve {n} segment ({what})?</source>
        <translation>{n} segment goedkeuren ({what})?</translation>
    </message>
    <message>
        <source>Approve {n} segments ({what})?</source>
        <translation>{n} segmenten goedkeuren ({what})?</translation>
    </message>
    <message>
        <source>{n} already approved will not change.</source>
        <translation>{n} die al zijn goedgekeurd, worden niet gewijzigd.</translation>
    </message>
    <message>
        <source>This is one step you can undo with Ctrl+Z.</source>
        <translation>Dit is één stap die u met Ctrl+Z ongedaan kunt maken.</translation>
    </message>
    <message>
        <source>Approve {n}</source>
        <translation>{n} goedkeuren</translation>
    </message>
    <message>
        <source>Approved {n} segment</source>
        <translation>{n} segment goedgekeurd</translation>
    </message>
    <message>
        <source>Approved {n} segments</source>
        <translation>{n} segmenten goedgekeurd</translation>
    </message>
    <message>
        <source>{n} segment hidden by the filter is not touched.</source>
        <translation>{n} segment dat door het filter is verborgen, blijft ongewijzigd.</translation>
    </message>
    <message>
        <source>{n} segments hidden by the filter are not touched.</source>
        <translation>{n} segmenten die door het filter zijn verborgen, blijven ongewijzigd.</translation>
    </message>
    <message>
        <source>the selection</source>
        <translation>de selectie</translation>
    </message>
    <message>
        <source>every segment shown</source>
        <translation>alle weergegeven segmenten</translation>
    </message>
    <message>
        <source>{n} shown segment with an open issue or an error-level check stays as it is.</source>
        <translation>{n} weergegeven segment met een open probleem of een controle op foutniveau blijft ongewijzigd.</translation>
    </message>
    <message>
        <source>{n} shown segments with an open issue or an error-level check stay as they are.</source>
        <translation>{n} weergegeven segmenten met een open probleem of een controle op foutniveau blijven ongewijzigd.</translation>
    </message>
    <message>
        <source>Approve all clean</source>
        <translation>Alle foutloze goedkeuren</translation>
    </message>
    <message>
        <source>No clean segment is left to approve in view.</source>
        <translation>Er is geen zichtbaar foutloos segment meer om goed te keuren.</translation>
    </message>
    <message>
        <source>shown, with no open issue and no error-level check</source>
        <translation>weergegeven, zonder open probleem en zonder controle op foutniveau</translation>
    </message>
    <message>
        <source>Flag issue on #{n} ({id})</source>
        <translation>Probleem markeren in #{n} ({id})</translation>
    </message>
    <message>
        <source>Edit issue on #{n}</source>
        <translation>Probleem bewerken in #{n}</translation>
    </message>
    <message>
        <source>Select a check result in the detail pane first</source>
        <translation>Selecteer eerst een controleresultaat in het detailvenster</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>{verb} would change {where}, shown now: press {key} again to do it</source>
        <translation>{verb} zou {where} wijzigen, nu weergegeven: druk nogmaals op {key} om het uit te voeren</translation>
    </message>
    <message>
        <source>{verb} would change {where}, hidden by the filter: press {key} again to do it</source>
        <translation>{verb} zou {where} wijzigen, verborgen door het filter: druk nogmaals op {key} om het uit te voeren</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Ongedaan gemaakt</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Opnieuw uitgevoerd</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <source>Search in project</source>
        <translation>Zoeken in project</translation>
    </message>
    <message>
        <source>Search every source and target of the project…</source>
        <translation>Alle bron- en doelteksten van het project doorzoeken…</translation>
    </message>
    <message>
        <source>Source + target</source>
        <translation>Bron + doel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Regex</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Hoofdlettergevoelig</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Hele woorden</translation>
    </message>
    <message>
        <source>Indexing the project…</source>
        <translation>Het project indexeren…</translation>
    </message>
    <message>
        <source>Open a folder (File › Open Folder) to search its articles.</source>
        <translation>Open een map (Bestand › Map openen als project) om de artikelen ervan te doorzoeken.</translation>
    </message>
    <message>
        <source>{n} segments indexed</source>
        <translation>{n} segmenten geïndexeerd</translation>
    </message>
    <message>
        <source>first {n} segments shown, in {m} articles; type more to narrow</source>
        <translation>eerste {n} segmenten weergegeven, in {m} artikelen; typ meer om te verfijnen</translation>
    </message>
    <message>
        <source>{n} segments in {m} articles</source>
        <translation>{n} segmenten in {m} artikelen</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Source (EN)</source>
        <translation>Bron (EN)</translation>
    </message>
    <message>
        <source>Target (NL)</source>
        <translation>Doel (NL)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SegmentDelegate</name>
    <message>
        <source>…more</source>
        <translation>…meer</translation>
    </message>
</context>
<context>
    <name>SegmentFilterProxy</name>
    <message>
        <source>Invalid regular expression: {reason}</source>
        <translation>Ongeldige reguliere expressie: {reason}</translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Source (EN)</source>
        <translation>Bron (EN)</translation>
    </message>
    <message>
        <source>Target (NL)</source>
        <translation>Doel (NL)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>Flagged as an issue: handled. The issue counts in the score and the export.</source>
        <translation>Gemarkeerd als probleem: afgehandeld. Het probleem telt mee in de score en de export.</translation>
    </message>
    <message>
        <source>1 issue</source>
        <translation>1 probleem</translation>
    </message>
    <message>
        <source>{n} issues</source>
        <translation>{n} problemen</translation>
    </message>
    <message>
        <source>1 check</source>
        <translation>1 controle</translation>
    </message>
    <message>
        <source>{n} checks</source>
        <translation>{n} controles</translation>
    </message>
    <message>
        <source>{state} by {who} at {when}</source>
        <translation>{state} door {who} op {when}</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>regel {line}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Taal van de interface:</translation>
    </message>
    <message>
        <source>Messages of the command line (reviewer) stay in English, so scripts that read them keep working.</source>
        <translation>Berichten van de opdrachtregel (reviewer) blijven in het Engels, zodat scripts die ze lezen blijven werken.</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>Not added to the dictionary: {error}</source>
        <translation>Niet toegevoegd aan de woordenlijst: {error}</translation>
    </message>
    <message>
        <source>Added “{word}” to your dictionary ({path})</source>
        <translation>“{word}” toegevoegd aan uw woordenlijst ({path})</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Not applied: {reason}</source>
        <translation>Niet toegepast: {reason}</translation>
    </message>
    <message>
        <source>Target refused</source>
        <translation>Doeltekst geweigerd</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Waarschuwing: </translation>
    </message>
    <message>
        <source>No segments</source>
        <translation>Geen segmenten</translation>
    </message>
    <message>
        <source>Segments by state: {counts}</source>
        <translation>Segmenten per status: {counts}</translation>
    </message>
    <message>
        <source>Open issues: {counts}</source>
        <translation>Open problemen: {counts}</translation>
    </message>
    <message>
        <source>No open issues</source>
        <translation>Geen open problemen</translation>
    </message>
    <message>
        <source>Open issues by severity: {counts}</source>
        <translation>Open problemen per ernst: {counts}</translation>
    </message>
    <message>
        <source>MQM: &lt;i&gt;counting…&lt;/i&gt;</source>
        <translation>MQM: &lt;i&gt;tellen…&lt;/i&gt;</translation>
    </message>
    <message>
        <source>MQM: no words to score</source>
        <translation>MQM: geen woorden om te scoren</translation>
    </message>
    <message>
        <source>(≥ {threshold}, {words} words)</source>
        <translation>(≥ {threshold}, {words} woorden)</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <source>Glossary term</source>
        <translation>Term in termenlijst</translation>
    </message>
    <message>
        <source>Saved in &lt;b&gt;{file}&lt;/b&gt;</source>
        <translation>Opgeslagen in &lt;b&gt;{file}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;English term:</source>
        <translation>&amp;Engelse term:</translation>
    </message>
    <message>
        <source>Do &amp;not translate (a product or feature name)</source>
        <translation>Niet ver&amp;talen (een product- of functienaam)</translation>
    </message>
    <message>
        <source>&amp;Dutch term:</source>
        <translation>&amp;Nederlandse term:</translation>
    </message>
    <message>
        <source>other renderings that are also correct, | between</source>
        <translation>andere weergaven die ook juist zijn, | ertussen</translation>
    </message>
    <message>
        <source>&amp;Also accepted:</source>
        <translation>&amp;Ook toegestaan:</translation>
    </message>
    <message>
        <source>variants a translation must not use, | between</source>
        <translation>varianten die een vertaling niet mag gebruiken, | ertussen</translation>
    </message>
    <message>
        <source>&amp;Forbidden:</source>
        <translation>&amp;Verboden:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>Op&amp;merking:</translation>
    </message>
    <message>
        <source>Ctrl+Return or Return: OK · Esc: cancel</source>
        <translation>Ctrl+Return of Return: OK · Esc: annuleren</translation>
    </message>
</context>
<context>
    <name>TermMarks</name>
    <message>
        <source>Do not translate: “{name}”</source>
        <translation>Niet vertalen: “{name}”</translation>
    </message>
    <message>
        <source>Glossary: “{english}” → “{dutch}”</source>
        <translation>Termenlijst: “{english}” → “{dutch}”</translation>
    </message>
    <message>
        <source>Not: {variants}</source>
        <translation>Niet: {variants}</translation>
    </message>
    <message>
        <source>Not in the target: {message}</source>
        <translation>Niet in de doeltekst: {message}</translation>
    </message>
</context>
<context>
    <name>UserWordsEditor</name>
    <message>
        <source>Filter words…</source>
        <translation>Woorden filteren…</translation>
    </message>
    <message>
        <source>Delete: remove the selected words from your dictionary</source>
        <translation>Delete: de geselecteerde woorden uit uw woordenlijst verwijderen</translation>
    </message>
    <message>
        <source>New word</source>
        <translation>Nieuw woord</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Remo&amp;ve Selected</source>
        <translation>Geselecteerde &amp;verwijderen</translation>
    </message>
    <message>
        <source>No dictionary file is set.</source>
        <translation>Er is geen woordenlijstbestand ingesteld.</translation>
    </message>
    <message>
        <source>1 word in {path}</source>
        <translation>1 woord in {path}</translation>
    </message>
    <message>
        <source>{n} words in {path}</source>
        <translation>{n} woorden in {path}</translation>
    </message>
    <message>
        <source>Type one word, without spaces and not starting with #.</source>
        <translation>Typ één woord, zonder spaties en niet beginnend met #.</translation>
    </message>
    <message>
        <source>“{word}” is in your dictionary already.</source>
        <translation>“{word}” staat al in uw woordenlijst.</translation>
    </message>
    <message>
        <source>Added “{word}”. {where}</source>
        <translation>“{word}” toegevoegd. {where}</translation>
    </message>
    <message>
        <source>Removed {words}. {where}</source>
        <translation>{words} verwijderd. {where}</translation>
    </message>
    <message>
        <source>Your dictionary was not changed: {error}</source>
        <translation>Uw woordenlijst is niet gewijzigd: {error}</translation>
    </message>
</context>
<context>
    <name>_FileList</name>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nieuw…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>Nieuw bestand</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>Een bestand toevoegen</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>{name} has unsaved changes. Save them first?</source>
        <translation>{name} heeft niet-opgeslagen wijzigingen. Wilt u deze eerst opslaan?</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Bestand gewijzigd op schijf</translation>
    </message>
    <message>
        <source>{name} was changed, moved or deleted by another program since it was opened.</source>
        <translation>{name} is gewijzigd, verplaatst of verwijderd door een ander programma sinds het is geopend.</translation>
    </message>
    <message>
        <source>Reload takes the version on disk: your unsaved target edits are re-applied where that segment did not change, the others are dropped and named. Overwrite saves your version over it (and writes it again if it was deleted). Save As keeps both.</source>
        <translation>Met Opnieuw laden neemt u de versie op de schijf: uw niet-opgeslagen bewerkingen van doelteksten worden opnieuw toegepast waar dat segment niet is gewijzigd, de andere vervallen en worden genoemd. Met Overschrijven slaat u uw versie eroverheen op (en schrijft u het opnieuw als het is verwijderd). Met Opslaan als behoudt u beide.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Opnieuw &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>&amp;Overschrijven</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Opslaan &amp;als…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>&lt;p&gt;Review Dutch machine translations of Microsoft Docs articles (sxs-lookup Markdown) beside their English sources: fix targets, flag MQM issues, approve in bulk and export issue lists.&lt;/p&gt;&lt;p&gt;Review data is kept beside each article in &lt;code&gt;article.md.review.yaml&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Controleer Nederlandse machinevertalingen van Microsoft Docs-artikelen (sxs-lookup Markdown) naast de Engelse brontekst: corrigeer doelteksten, markeer MQM-problemen, keur in bulk goed en exporteer problemenlijsten.&lt;/p&gt;&lt;p&gt;Controlegegevens worden naast elk artikel bewaard in &lt;code&gt;article.md.review.yaml&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Reviewer</source>
        <translation>Over Reviewer</translation>
    </message>
    <message>
        <source>Open article</source>
        <translation>Artikel openen</translation>
    </message>
    <message>
        <source>Markdown articles (*.md);;All files (*)</source>
        <translation>Markdown-artikelen (*.md);;Alle bestanden (*)</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>an unknown time</source>
        <translation>een onbekend tijdstip</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>Niet-opgeslagen werk herstellen?</translation>
    </message>
    <message>
        <source>Reviewer closed without saving {name}. Restore the unsaved work from {when}?</source>
        <translation>Reviewer is afgesloten zonder {name} op te slaan. Wilt u het niet-opgeslagen werk van {when} herstellen?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Negeren</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Article: {path}</source>
        <translation>Artikel: {path}</translation>
    </message>
    <message>
        <source>Unsaved work cannot be restored</source>
        <translation>Niet-opgeslagen werk kan niet worden hersteld</translation>
    </message>
    <message>
        <source>The autosave journal of this article is unusable:
{error}</source>
        <translation>Het logboek voor automatisch opslaan van dit artikel is onbruikbaar:
{error}</translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behouden</translation>
    </message>
    <message>
        <source>The article changed on disk</source>
        <translation>Het artikel is gewijzigd op de schijf</translation>
    </message>
    <message>
        <source>Restore matching segments</source>
        <translation>Overeenkomende segmenten herstellen</translation>
    </message>
    <message>
        <source>Don&apos;t restore</source>
        <translation>Niet herstellen</translation>
    </message>
    <message>
        <source>Autosave failed: {path}: {error}. Save your work.</source>
        <translation>Automatisch opslaan mislukt: {path}: {error}. Sla uw werk op.</translation>
    </message>
</context>
</TS>
