<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Errors</name>
    <message>
        <source>Only a team lead or an admin may review sessions.</source>
        <translation>Bara en teamledare eller administratör får granska sessioner.</translation>
    </message>
    <message>
        <source>That is not a review action.</source>
        <translation>Det är ingen granskningsåtgärd.</translation>
    </message>
    <message>
        <source>Say what needs following up: a comment is required.</source>
        <translation>Skriv vad som ska följas upp: en kommentar krävs.</translation>
    </message>
    <message>
        <source>That session is not in the log.</source>
        <translation>Sessionen finns inte i loggen.</translation>
    </message>
    <message>
        <source>The file %(path)s could not be written (%(detail)s).</source>
        <translation>Filen %(path)s kunde inte skrivas (%(detail)s).</translation>
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
        <source>The overview could not be loaded: %1</source>
        <translation>Översikten kunde inte hämtas: %1</translation>
    </message>
    <message>
        <source>%1 sessions, %2 not reviewed, %3 flagged</source>
        <translation>%1 sessioner, %2 ej granskade, %3 flaggade</translation>
    </message>
</context>
<context>
    <name>ReviewColumns</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
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
    <name>ReviewFlags</name>
    <message>
        <source>No signed DPA</source>
        <translation>Inget undertecknat PUB-avtal</translation>
    </message>
    <message>
        <source>Remote tool flagged in the register</source>
        <translation>Fjärrverktyg flaggat i registret</translation>
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
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>none</source>
        <translation>inga</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Urval</translation>
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
        <source>Times</source>
        <translation>Tider</translation>
    </message>
    <message>
        <source>Local time, %1</source>
        <translation>Lokal tid, %1</translation>
    </message>
    <message>
        <source>Chain head</source>
        <translation>Kedjans huvud</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Kontroll</translation>
    </message>
    <message>
        <source>Sessions: %1</source>
        <translation>Sessioner: %1</translation>
    </message>
    <message>
        <source>Total time: %1</source>
        <translation>Total tid: %1</translation>
    </message>
    <message>
        <source>Reviewed: %1</source>
        <translation>Granskade: %1</translation>
    </message>
    <message>
        <source>Flagged: %1</source>
        <translation>Flaggade: %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Medarbetare</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flagga</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Start (%1)</source>
        <translation>Start (%1)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>Org.nr</translation>
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
    <message>
        <source>Flags</source>
        <translation>Flaggor</translation>
    </message>
    <message>
        <source>No sessions.</source>
        <translation>Inga sessioner.</translation>
    </message>
    <message>
        <source>Only the first %1 sessions are listed; the CSV export has all.</source>
        <translation>Bara de första %1 sessionerna listas; CSV-exporten har alla.</translation>
    </message>
    <message>
        <source>Session log review</source>
        <translation>Granskning av sessionsloggen</translation>
    </message>
</context>
<context>
    <name>ReviewReport</name>
    <message>
        <source>Log entry</source>
        <translation>Loggpost</translation>
    </message>
    <message>
        <source>Start (%1)</source>
        <translation>Start (%1)</translation>
    </message>
    <message>
        <source>End (%1)</source>
        <translation>Slut (%1)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>Org.nr</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Medarbetare</translation>
    </message>
    <message>
        <source>Agreement recorded by</source>
        <translation>Överenskommelse registrerad av</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Överenskommelse</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Duration (min)</source>
        <translation>Längd (min)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Data (MB)</source>
        <translation>Data (MB)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Granskad</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flaggor</translation>
    </message>
    <message>
        <source>the first session</source>
        <translation>första sessionen</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
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
        <source>Flagged</source>
        <translation>Flaggad</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>Alla sessioner</translation>
    </message>
    <message>
        <source>No session (agreement only)</source>
        <translation>Ingen session (bara överenskommelse)</translation>
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
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessioner</numerusform>
        </translation>
    </message>
    <message>
        <source>The sessions could not be loaded: %1</source>
        <translation>Sessionerna kunde inte läsas in: %1</translation>
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
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
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
        <source>The timeline could not be loaded: %1</source>
        <translation>Tidslinjen kunde inte hämtas: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Inte sparat: %1</translation>
    </message>
</context>
</TS>
