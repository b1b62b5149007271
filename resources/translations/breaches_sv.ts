<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>BreachDialog</name>
    <message>
        <source>Edit breach</source>
        <translation>Ändra personuppgiftsincident</translation>
    </message>
    <message>
        <source>Record a breach</source>
        <translation>Registrera en personuppgiftsincident</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM (local time)</source>
        <translation>ÅÅÅÅ-MM-DD TT:MM (lokal tid)</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Inte beslutat än</translation>
    </message>
    <message>
        <source>IMY notified</source>
        <translation>Anmäld till IMY</translation>
    </message>
    <message>
        <source>IMY not notified (say why)</source>
        <translation>Inte anmäld till IMY (ange varför)</translation>
    </message>
    <message>
        <source>Discovered at</source>
        <translation>Upptäckt</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <source>Categories of people and data</source>
        <translation>Kategorier av personer och uppgifter</translation>
    </message>
    <message>
        <source>Approx. number of people</source>
        <translation>Ungefärligt antal personer</translation>
    </message>
    <message>
        <source>Customers affected</source>
        <translation>Berörda kunder</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>Vidtagna åtgärder</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>IMY&apos;s reference</source>
        <translation>IMY:s diarienummer</translation>
    </message>
    <message>
        <source>Notified on</source>
        <translation>Anmäld den</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Varför inte</translation>
    </message>
    <message>
        <source>Notification of IMY (within 72 hours of discovery)</source>
        <translation>Anmälan till IMY (inom 72 timmar från upptäckten)</translation>
    </message>
    <message>
        <source>Who was notified</source>
        <translation>Vilka som underrättades</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Hur många</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <source>Notification of the affected customers</source>
        <translation>Underrättelse till berörda kunder</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>BreachModel</name>
    <message>
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avslutad</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>inte beslutat</translation>
    </message>
    <message>
        <source>IMY notified</source>
        <translation>Anmäld till IMY</translation>
    </message>
    <message>
        <source>IMY not notified</source>
        <translation>Inte anmäld till IMY</translation>
    </message>
    <message>
        <source>overdue by %1 h %2 min</source>
        <translation>försenad med %1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation>%1 h %2 min kvar</translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation>Upptäckt</translation>
    </message>
    <message>
        <source>72-hour clock (IMY)</source>
        <translation>72-timmarsfrist (IMY)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <source>People (approx.)</source>
        <translation>Personer (ungefär)</translation>
    </message>
    <message>
        <source>IMY</source>
        <translation>IMY</translation>
    </message>
    <message>
        <source>Customers notified</source>
        <translation>Kunder underrättade</translation>
    </message>
</context>
<context>
    <name>BreachPdf</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>72-hour clock (IMY)</source>
        <translation>72-timmarsfrist (IMY)</translation>
    </message>
    <message>
        <source>Deadline for notifying IMY</source>
        <translation>Sista tidpunkt för anmälan till IMY</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Vad som hände</translation>
    </message>
    <message>
        <source>Categories of people and data</source>
        <translation>Kategorier av personer och uppgifter</translation>
    </message>
    <message>
        <source>Approx. number of people</source>
        <translation>Ungefärligt antal personer</translation>
    </message>
    <message>
        <source>Customers affected</source>
        <translation>Berörda kunder</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>Vidtagna åtgärder</translation>
    </message>
    <message>
        <source>Decision on notifying IMY</source>
        <translation>Beslut om anmälan till IMY</translation>
    </message>
    <message>
        <source>Customers notified</source>
        <translation>Kunder underrättade</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrerad</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Breach register (GDPR Art. 33/34)</source>
        <translation>Register över personuppgiftsincidenter (GDPR art. 33/34)</translation>
    </message>
    <message>
        <source>%1: reference %2, on %3</source>
        <translation>%1: diarienummer %2, den %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Inte än</translation>
    </message>
    <message>
        <source>%1 on %2, %3 recipient(s), by %4</source>
        <translation>%1 den %2, %3 mottagare, genom %4</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 av %2</translation>
    </message>
    <message>
        <source>Controller: BackOffice Webbtjänster Sweden AB (556680-9827). Breaches recorded: %1. Exported %2 by %3. Times are local.</source>
        <translation>Personuppgiftsansvarig: BackOffice Webbtjänster Sweden AB (556680-9827). Registrerade incidenter: %1. Exporterad %2 av %3. Tiderna är lokal tid.</translation>
    </message>
    <message>
        <source>No breaches are recorded.</source>
        <translation>Inga personuppgiftsincidenter är registrerade.</translation>
    </message>
    <message>
        <source>Discovered %1</source>
        <translation>Upptäckt %1</translation>
    </message>
</context>
<context>
    <name>BreachesView</name>
    <message>
        <source>Breach register</source>
        <translation>Register över personuppgiftsincidenter</translation>
    </message>
    <message>
        <source>Record a breach…</source>
        <translation>Registrera en personuppgiftsincident…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ändra…</translation>
    </message>
    <message>
        <source>Notify affected customers…</source>
        <translation>Underrätta berörda kunder…</translation>
    </message>
    <message>
        <source>Close breach</source>
        <translation>Avsluta incidenten</translation>
    </message>
    <message>
        <source>Register as CSV…</source>
        <translation>Registret som CSV…</translation>
    </message>
    <message>
        <source>Register as PDF…</source>
        <translation>Registret som PDF…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln breach(es)</source>
        <translation>
            <numerusform>%Ln personuppgiftsincident</numerusform>
            <numerusform>%Ln personuppgiftsincidenter</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 open, %2 past the 72 hours without a decision on notifying IMY.</source>
        <translation>%1 öppna, %2 har passerat 72 timmar utan beslut om anmälan till IMY.</translation>
    </message>
    <message>
        <source>The breaches could not be loaded: %1 Press Refresh to try again.</source>
        <translation>Incidenterna kunde inte läsas in: %1 Tryck på Uppdatera för att försöka igen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <source>Notice exported to %1 recipient(s) and recorded.</source>
        <translation>Meddelandet exporterat till %1 mottagare och registrerat.</translation>
    </message>
    <message>
        <source>Close this breach? Only an admin can change it afterwards.</source>
        <translation>Avsluta incidenten? Efteråt kan bara en administratör ändra den.</translation>
    </message>
    <message>
        <source>Breach closed.</source>
        <translation>Incidenten är avslutad.</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>Inte avslutad</translation>
    </message>
    <message>
        <source>Export breach register</source>
        <translation>Exportera registret över personuppgiftsincidenter</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Inte exporterat</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunde inte skrivas: %1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporterat till %1.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Refused: team leads and admins record breaches; only admins close them or change a closed one.</source>
        <translation>Nekat: teamledare och administratörer registrerar personuppgiftsincidenter; bara administratörer avslutar dem eller ändrar en avslutad.</translation>
    </message>
    <message>
        <source>Someone else changed this breach since you opened it. Your input is kept: close, reload and apply it again.</source>
        <translation>Någon annan har ändrat incidenten sedan du öppnade den. Det du skrev finns kvar: stäng, läs in igen och gör ändringen på nytt.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Fältet måste fyllas i.</translation>
    </message>
    <message>
        <source>Too long (at most %(limit)s characters).</source>
        <translation>För långt (högst %(limit)s tecken).</translation>
    </message>
    <message>
        <source>The discovery time is in the future.</source>
        <translation>Tidpunkten för upptäckten ligger i framtiden.</translation>
    </message>
    <message>
        <source>Choose a decision on notifying IMY.</source>
        <translation>Välj ett beslut om anmälan till IMY.</translation>
    </message>
    <message>
        <source>Give a number of 0 or more.</source>
        <translation>Ange ett tal som är 0 eller större.</translation>
    </message>
    <message>
        <source>Notifying IMY needs IMY&apos;s reference and the date it was notified.</source>
        <translation>En anmälan till IMY kräver IMY:s diarienummer och datum för anmälan.</translation>
    </message>
    <message>
        <source>Say why IMY is not notified.</source>
        <translation>Ange varför IMY inte underrättas.</translation>
    </message>
    <message>
        <source>The date is before the breach was discovered.</source>
        <translation>Datumet ligger före upptäckten av incidenten.</translation>
    </message>
    <message>
        <source>A notification of customers needs who, when and how many.</source>
        <translation>En underrättelse till kunder kräver vilka, när och hur många.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>Write the time as YYYY-MM-DD HH:MM.</source>
        <translation>Skriv tiden som ÅÅÅÅ-MM-DD TT:MM.</translation>
    </message>
    <message>
        <source>Write a whole number.</source>
        <translation>Skriv ett heltal.</translation>
    </message>
    <message>
        <source>Pick the affected customers first.</source>
        <translation>Välj först de berörda kunderna.</translation>
    </message>
</context>
<context>
    <name>NotifyCustomersDialog</name>
    <message>
        <source>Notify affected customers</source>
        <translation>Underrätta berörda kunder</translation>
    </message>
    <message>
        <source>Pick the customers this breach affected. Their contacts&apos; e-mail addresses are exported to a CSV file for the notice, the export is recorded (who, when, how many) and the breach&apos;s notification of customers is filled in from it. Restricted contacts are left out. An objection to news does not stop a breach notice: informing those affected is a legal duty (GDPR Art. 34).</source>
        <translation>Välj de kunder som incidenten berör. Deras kontaktpersoners e-postadresser exporteras till en CSV-fil för meddelandet, exporten registreras (vem, när, hur många) och incidentens underrättelse till kunder fylls i från den. Begränsade kontaktpersoner tas inte med. En invändning mot nyheter hindrar inte ett meddelande om en incident: att informera de berörda är en rättslig skyldighet (GDPR art. 34).</translation>
    </message>
    <message>
        <source>Breach discovered %1: %2</source>
        <translation>Incident upptäckt %1: %2</translation>
    </message>
    <message>
        <source>Company, org. number, contact or e-mail</source>
        <translation>Företag, org.nr, kontaktperson eller e-post</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Add to the affected</source>
        <translation>Lägg till bland de berörda</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>E-mail to the customers&apos; contacts (notice export)</source>
        <translation>E-post till kundernas kontaktpersoner (export för meddelande)</translation>
    </message>
    <message>
        <source>Customers affected (as described)</source>
        <translation>Berörda kunder (enligt beskrivningen)</translation>
    </message>
    <message>
        <source>Find customers</source>
        <translation>Sök kunder</translation>
    </message>
    <message>
        <source>Affected customers to notify</source>
        <translation>Berörda kunder att underrätta</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <source>Export and record…</source>
        <translation>Exportera och registrera…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Breach notice (GDPR Art. 34): the breach discovered %1</source>
        <translation>Meddelande om personuppgiftsincident (GDPR art. 34): incidenten upptäckt %1</translation>
    </message>
    <message>
        <source>Pick the affected customers first.</source>
        <translation>Välj först de berörda kunderna.</translation>
    </message>
    <message>
        <source>Save the breach notice recipients</source>
        <translation>Spara mottagarna av meddelandet om incidenten</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunde inte skrivas: %1</translation>
    </message>
</context>
</TS>
