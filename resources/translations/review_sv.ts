<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>JobBar</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Föregående vecka</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Nästa vecka ▶</translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation>Sessioner per dag</translation>
    </message>
    <message>
        <source>Sessions per agent</source>
        <translation>Sessioner per supportmedarbetare</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Veckan från %1</translation>
    </message>
    <message>
        <source>The overview could not be loaded (%1).</source>
        <translation>Översikten kunde inte läsas in (%1).</translation>
    </message>
    <message>
        <source>%1 sessions, %2 not reviewed, %3 flagged</source>
        <translation>%1 sessioner, %2 ej granskade, %3 flaggade</translation>
    </message>
</context>
<context>
    <name>ReviewColumns</name>
    <message>
        <source>Start (UTC)</source>
        <translation>Start (UTC)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Medarbetare</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Överenskommelse</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Granskad</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flaggor</translation>
    </message>
</context>
<context>
    <name>ReviewEvents</name>
    <message>
        <source>Consent recorded</source>
        <translation>Överenskommelse registrerad</translation>
    </message>
    <message>
        <source>Session started</source>
        <translation>Session startad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Tool recorded</source>
        <translation>Verktyg registrerat</translation>
    </message>
    <message>
        <source>File transferred</source>
        <translation>Fil överförd</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Session avslutad</translation>
    </message>
    <message>
        <source>Session ended late (recovered)</source>
        <translation>Session avslutad i efterhand (återställd)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
</context>
<context>
    <name>ReviewFields</name>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Agreed at</source>
        <translation>Överenskommen</translation>
    </message>
    <message>
        <source>Contact id</source>
        <translation>Kontaktperson (id)</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Omfattning</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Syfte</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Verktyg</translation>
    </message>
    <message>
        <source>Tool session</source>
        <translation>Verktygets session</translation>
    </message>
    <message>
        <source>No DPA, reason</source>
        <translation>Inget PUB-avtal, skäl</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Riktning</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Storlek (byte)</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Uppgifter</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>raderade</translation>
    </message>
</context>
<context>
    <name>ReviewFlags</name>
    <message>
        <source>No signed DPA</source>
        <translation>Inget undertecknat PUB-avtal</translation>
    </message>
    <message>
        <source>Longer than the limit</source>
        <translation>Längre än gränsen</translation>
    </message>
    <message>
        <source>Many files or much data</source>
        <translation>Många filer eller mycket data</translation>
    </message>
    <message>
        <source>Ended late (recovered)</source>
        <translation>Avslutad i efterhand (återställd)</translation>
    </message>
    <message>
        <source>Consent by another agent</source>
        <translation>Överenskommelse registrerad av annan medarbetare</translation>
    </message>
    <message>
        <source>Flagged for follow-up</source>
        <translation>Flaggad för uppföljning</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>Flaggor:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>inga</translation>
    </message>
</context>
<context>
    <name>ReviewPdf</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>Exporterad av</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>Exporterad</translation>
    </message>
    <message>
        <source>Chain head</source>
        <translation>Kedjans senaste händelse</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifiering</translation>
    </message>
    <message>
        <source>Session log review</source>
        <translation>Granskning av sessionsloggen</translation>
    </message>
    <message>
        <source>Only the first %1 sessions are in this report; the CSV export has all.</source>
        <translation>Endast de första %1 sessionerna finns i rapporten; CSV-exporten innehåller alla.</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Supportmedarbetare</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Start (UTC)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Granskad</translation>
    </message>
</context>
<context>
    <name>ReviewSettings</name>
    <message>
        <source>The review flags sessions beyond this limit automatically.</source>
        <translation>Granskningen flaggar automatiskt sessioner över denna gräns.</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source> files</source>
        <translation> filer</translation>
    </message>
    <message>
        <source>Review: flag sessions longer than:</source>
        <translation>Granskning: flagga sessioner längre än:</translation>
    </message>
    <message>
        <source>Review: flag more files than:</source>
        <translation>Granskning: flagga fler filer än:</translation>
    </message>
    <message>
        <source>Review: flag more data than:</source>
        <translation>Granskning: flagga mer data än:</translation>
    </message>
</context>
<context>
    <name>ReviewVerify</name>
    <message>
        <source>an event was changed after it was written</source>
        <translation>en händelse har ändrats efter att den skrevs</translation>
    </message>
    <message>
        <source>events are missing (deleted)</source>
        <translation>händelser saknas (raderade)</translation>
    </message>
    <message>
        <source>an event appears twice or out of order</source>
        <translation>en händelse förekommer två gånger eller i fel ordning</translation>
    </message>
    <message>
        <source>an event was inserted afterwards</source>
        <translation>en händelse har lagts in i efterhand</translation>
    </message>
    <message>
        <source>two events swapped places</source>
        <translation>två händelser har bytt plats</translation>
    </message>
    <message>
        <source>the chain of events is broken</source>
        <translation>händelsekedjan är bruten</translation>
    </message>
    <message>
        <source>an event&apos;s details were changed</source>
        <translation>en händelses uppgifter har ändrats</translation>
    </message>
    <message>
        <source>the newest events were removed</source>
        <translation>de senaste händelserna har tagits bort</translation>
    </message>
    <message>
        <source>Verification was cancelled after %1 events: no conclusion.</source>
        <translation>Verifieringen avbröts efter %1 händelser: ingen slutsats.</translation>
    </message>
    <message>
        <source>The session log is intact: all %1 events were checked and none was changed, removed or inserted.</source>
        <translation>Sessionsloggen är intakt: alla %1 händelser kontrollerades och ingen har ändrats, tagits bort eller lagts till.</translation>
    </message>
    <message>
        <source>The session log is NOT intact: at event %1, %2. Events from there on cannot be trusted; tell the privacy officer.</source>
        <translation>Sessionsloggen är INTE intakt vid händelse %1: %2. Händelser från och med den kan inte litas på; meddela dataskyddsansvarig.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportera PDF…</translation>
    </message>
    <message>
        <source>Verify log integrity</source>
        <translation>Verifiera loggens integritet</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Denna vecka</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Alla medarbetare</translation>
    </message>
    <message>
        <source>Customer or org. number</source>
        <translation>Kund eller organisationsnummer</translation>
    </message>
    <message>
        <source>Search notes and summaries</source>
        <translation>Sök i anteckningar och sammanfattningar</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alla typer</translation>
    </message>
    <message>
        <source>Reviewed or not</source>
        <translation>Granskade och ej granskade</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Ej granskade</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Granskade</translation>
    </message>
    <message>
        <source>Flagged or not</source>
        <translation>Flaggade och ej flaggade</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Flaggade</translation>
    </message>
    <message>
        <source>Not flagged</source>
        <translation>Ej flaggade</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Perioden från</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Perioden till</translation>
    </message>
    <message>
        <source>The period ends before it starts: change one of the dates.</source>
        <translation>Perioden slutar innan den börjar: ändra ett av datumen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessioner</numerusform>
        </translation>
    </message>
    <message>
        <source>The sessions could not be loaded: %1</source>
        <translation>Sessionerna kunde inte läsas in: %1</translation>
    </message>
    <message>
        <source>Checking every event of the session log…</source>
        <translation>Kontrollerar varje händelse i sessionsloggen…</translation>
    </message>
    <message>
        <source>Export the sessions shown</source>
        <translation>Exportera de visade sessionerna</translation>
    </message>
    <message>
        <source>Verifying the log before exporting…</source>
        <translation>Verifierar loggen före exporten…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written or logged.</source>
        <translation>Exporten avbröts: inget skrevs eller loggades.</translation>
    </message>
    <message>
        <source>%1 sessions exported to %2. %3</source>
        <translation>%1 sessioner exporterade till %2. %3</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Misslyckades: %1</translation>
    </message>
</context>
<context>
    <name>ReviewWords</name>
    <message>
        <source>Remote control</source>
        <translation>Fjärrstyrning</translation>
    </message>
    <message>
        <source>File transfer</source>
        <translation>Filöverföring</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>chatt</translation>
    </message>
    <message>
        <source>ticket</source>
        <translation>ärende</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>på plats</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>överenskommen</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>nekad</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>inget svar</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>follow up</source>
        <translation>följ upp</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>löst</translation>
    </message>
    <message>
        <source>partly resolved</source>
        <translation>delvis löst</translation>
    </message>
    <message>
        <source>not resolved</source>
        <translation>inte löst</translation>
    </message>
    <message>
        <source>escalated</source>
        <translation>eskalerat</translation>
    </message>
    <message>
        <source>aborted</source>
        <translation>avbrutet</translation>
    </message>
    <message>
        <source>view only</source>
        <translation>endast visning</translation>
    </message>
    <message>
        <source>control</source>
        <translation>styrning</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>uppladdning</translation>
    </message>
    <message>
        <source>download</source>
        <translation>nedladdning</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>granskad</translation>
    </message>
    <message>
        <source>flagged for follow-up</source>
        <translation>flaggad för uppföljning</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <source>Choose a session to see its timeline.</source>
        <translation>Välj en session för att se dess tidslinje.</translation>
    </message>
    <message>
        <source>Comment (no sensitive personal data: no health, religion, union, …)</source>
        <translation>Kommentar (inga känsliga personuppgifter: inte hälsa, religion, facklig tillhörighet, …)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Session timeline</source>
        <translation>Sessionens tidslinje</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Markera som granskad</translation>
    </message>
    <message>
        <source>Flag for follow-up</source>
        <translation>Flagga för uppföljning</translation>
    </message>
    <message>
        <source>Say what needs following up in the comment.</source>
        <translation>Skriv i kommentaren vad som behöver följas upp.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Saved in the session log.</source>
        <translation>Sparat i sessionsloggen.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
</context>
</TS>
