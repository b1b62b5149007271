<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AccessDialog</name>
    <message>
        <source>New access request</source>
        <translation>Ny begäran om tillgång</translation>
    </message>
    <message>
        <source>Access request %1</source>
        <translation>Begäran om tillgång %1</translation>
    </message>
    <message>
        <source>The request</source>
        <translation>Begäran</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Webbformulär</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Personligen</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>Svar senast</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Den registrerade</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Searched for at every customer, in the session log, consents, transfers, notice exports and SFTP profiles; never stored with the request. Check the person&apos;s identity before answering.</source>
        <translation>Söks hos alla kunder, i sessionsloggen, överenskommelser, filöverföringar, utskicksexporter och SFTP-profiler; sparas aldrig med begäran. Kontrollera personens identitet innan du svarar.</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Contacts found</source>
        <translation>Hittade kontaktpersoner</translation>
    </message>
    <message>
        <source>The answer</source>
        <translation>Svaret</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation>Ingen mapp vald</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Välj mapp…</translation>
    </message>
    <message>
        <source>Save as received</source>
        <translation>Spara som mottagen</translation>
    </message>
    <message>
        <source>Export and mark answered</source>
        <translation>Exportera och markera som besvarad</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (försenad)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 hos %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) found</source>
        <translation>
            <numerusform>%Ln kontaktperson hittad</numerusform>
            <numerusform>%Ln kontaktpersoner hittade</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder for the export</source>
        <translation>Mapp för exporten</translation>
    </message>
    <message>
        <source>Choose the folder for the export first.</source>
        <translation>Välj först mappen för exporten.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Answered: %1 and %2 are in %3. The request is closed; the export&apos;s SHA-256 (%4) is in the session log.</source>
        <translation>Besvarad: %1 och %2 finns i %3. Begäran är avslutad; exportens SHA-256 (%4) finns i sessionsloggen.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message numerus="yes">
        <source>%1, overdue by %Ln day(s)</source>
        <translation>
            <numerusform>%1, försenad %Ln dag</numerusform>
            <numerusform>%1, försenad %Ln dagar</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (extended)</source>
        <translation>%1 (förlängd)</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… och %Ln till</numerusform>
            <numerusform>… och %Ln till</numerusform>
        </translation>
    </message>
    <message>
        <source>Access request %1, received %2</source>
        <translation>Begäran om tillgång %1, mottagen %2</translation>
    </message>
    <message>
        <source>Erasure request %1, received %2</source>
        <translation>Begäran om radering %1, mottagen %2</translation>
    </message>
    <message>
        <source>Discovered %1: %2</source>
        <translation>Upptäckt %1: %2</translation>
    </message>
    <message>
        <source>No retention run has erased anything yet.</source>
        <translation>Ingen gallring av loggen har raderat något ännu.</translation>
    </message>
    <message numerus="yes">
        <source>Last run %1 erased %Ln payload(s)</source>
        <translation>
            <numerusform>Senaste gallringen %1 raderade %Ln händelseinnehåll</numerusform>
            <numerusform>Senaste gallringen %1 raderade %Ln händelseinnehåll</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database refused: your role may not do this (the privacy desk is admins&apos;).</source>
        <translation>Databasen vägrade: din roll får inte göra detta (dataskyddsarbetet är administratörernas).</translation>
    </message>
    <message>
        <source>Only an admin may do this.</source>
        <translation>Bara en administratör får göra detta.</translation>
    </message>
    <message>
        <source>The folder %(path)s cannot be written (%(reason)s); nothing was exported.</source>
        <translation>Det går inte att skriva i mappen %(path)s (%(reason)s); inget exporterades.</translation>
    </message>
    <message>
        <source>The access request is no longer open; press Refresh.</source>
        <translation>Begäran om tillgång är inte längre öppen; tryck på Uppdatera.</translation>
    </message>
    <message>
        <source>Say why (the person&apos;s request, its reference).</source>
        <translation>Ange varför (personens begäran, dess referens).</translation>
    </message>
    <message>
        <source>The reason is too long (at most %(max)s characters).</source>
        <translation>Skälet är för långt (högst %(max)s tecken).</translation>
    </message>
    <message>
        <source>The contact does not exist (any more).</source>
        <translation>Kontaktpersonen finns inte (längre).</translation>
    </message>
    <message>
        <source>This field cannot be corrected here.</source>
        <translation>Det här fältet kan inte rättas här.</translation>
    </message>
    <message>
        <source>Nothing was changed: correct at least one field.</source>
        <translation>Inget ändrades: rätta minst ett fält.</translation>
    </message>
    <message>
        <source>Someone else changed this contact meanwhile, so nothing was saved. Your input is kept: close, reopen the contact and apply it again.</source>
        <translation>Någon annan ändrade kontaktpersonen under tiden, så inget sparades. Det du skrev finns kvar: stäng, öppna kontaktpersonen igen och gör ändringen på nytt.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Privacy</source>
        <translation>Dataskydd</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Withdraw objection to news</source>
        <translation>Återkalla invändning mot nyheter</translation>
    </message>
    <message>
        <source>Record objection to news</source>
        <translation>Registrera invändning mot nyheter</translation>
    </message>
    <message>
        <source>%1 wants BoWebb&apos;s news e-mails again: withdraw the objection.</source>
        <translation>%1 vill få BoWebbs nyhetsutskick igen: återkalla invändningen.</translation>
    </message>
    <message>
        <source>%1 objects to BoWebb&apos;s news e-mails (GDPR Art. 21): news notice exports will leave them out.</source>
        <translation>%1 invänder mot BoWebbs nyhetsutskick (GDPR art. 21): exporter för större nyheter utesluter personen.</translation>
    </message>
    <message>
        <source>Service-disruption notices still go out to them: they are part of the contract with their company, not marketing.</source>
        <translation>Meddelanden om driftstörningar skickas fortfarande till personen: de ingår i avtalet med personens företag och är inte marknadsföring.</translation>
    </message>
    <message>
        <source>Withdraw objection</source>
        <translation>Återkalla invändning</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrera</translation>
    </message>
</context>
<context>
    <name>PrivacyModel</name>
    <message>
        <source>Privacy (this screen)</source>
        <translation>Dataskydd (denna skärm)</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Radering</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Personuppgiftsincidenter</translation>
    </message>
    <message>
        <source>Sub-processors</source>
        <translation>Underbiträden</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunder</translation>
    </message>
    <message>
        <source>File → Lifecycle</source>
        <translation>Arkiv → Livscykel</translation>
    </message>
    <message>
        <source>Access request</source>
        <translation>Begäran om tillgång</translation>
    </message>
    <message>
        <source>Erasure request</source>
        <translation>Begäran om radering</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>Personuppgiftsincident</translation>
    </message>
    <message>
        <source>Sub-processor</source>
        <translation>Underbiträde</translation>
    </message>
    <message>
        <source>Customer without DPA</source>
        <translation>Kund utan PUB-avtal</translation>
    </message>
    <message>
        <source>Purge due</source>
        <translation>Hårdradering förfallen</translation>
    </message>
    <message>
        <source>Restricted contact</source>
        <translation>Begränsad kontaktperson</translation>
    </message>
    <message>
        <source>Objection to news</source>
        <translation>Invändning mot nyheter</translation>
    </message>
    <message>
        <source>Log retention</source>
        <translation>Loggens lagringstid</translation>
    </message>
    <message>
        <source>outside the EU/EEA</source>
        <translation>utanför EU/EES</translation>
    </message>
    <message>
        <source>outside the EU (EEA)</source>
        <translation>utanför EU (EES)</translation>
    </message>
    <message>
        <source>ended but still receiving data</source>
        <translation>avslutat men tar fortfarande emot data</translation>
    </message>
    <message>
        <source>no DPA</source>
        <translation>inget PUB-avtal</translation>
    </message>
    <message>
        <source>gaps in the DPA checklist</source>
        <translation>luckor i PUB-avtalets checklista</translation>
    </message>
    <message>
        <source>review overdue</source>
        <translation>översyn försenad</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Tidsfrist</translation>
    </message>
    <message>
        <source>Handled in</source>
        <translation>Hanteras i</translation>
    </message>
</context>
<context>
    <name>PrivacyView</name>
    <message>
        <source>Privacy dashboard</source>
        <translation>Översikt dataskydd</translation>
    </message>
    <message>
        <source>Open where it is handled</source>
        <translation>Öppna där det hanteras</translation>
    </message>
    <message>
        <source>Register an access request…</source>
        <translation>Registrera en begäran om tillgång…</translation>
    </message>
    <message>
        <source>Reason for extending by two months</source>
        <translation>Skäl för att förlänga med två månader</translation>
    </message>
    <message>
        <source>Extend deadline</source>
        <translation>Förläng tidsfristen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln rad</numerusform>
            <numerusform>%Ln rader</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 open request(s), %2 open breach(es); %3 past their deadline.</source>
        <translation>Öppna begäranden: %1, öppna personuppgiftsincidenter: %2; efter tidsfristen: %3.</translation>
    </message>
    <message>
        <source>The dashboard could not be loaded: %1 Press Refresh to try again.</source>
        <translation>Översikten kunde inte läsas in: %1 Tryck på Uppdatera för att försöka igen.</translation>
    </message>
    <message>
        <source>Access request %1 recorded as received.</source>
        <translation>Begäran om tillgång %1 registrerad som mottagen.</translation>
    </message>
    <message>
        <source>Access request %1 answered; the export is in %2.</source>
        <translation>Begäran om tillgång %1 besvarad; exporten finns i %2.</translation>
    </message>
    <message>
        <source>Select an open access request first.</source>
        <translation>Välj först en öppen begäran om tillgång.</translation>
    </message>
    <message>
        <source>Request %1 is now due on %2. Tell the person why within the first month.</source>
        <translation>Begäran %1 ska nu besvaras senast %2. Berätta för personen varför inom den första månaden.</translation>
    </message>
</context>
<context>
    <name>RectifyDialog</name>
    <message>
        <source>Correct contact</source>
        <translation>Rätta kontaktperson</translation>
    </message>
    <message>
        <source>Correct %1&apos;s data at the person&apos;s request (GDPR Art. 16). The old and new values and your reason are kept in the session log&apos;s erasable part.</source>
        <translation>Rätta uppgifterna om %1 på personens begäran (GDPR art. 16). De gamla och nya värdena och ditt skäl sparas i sessionsloggens raderbara del.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Spara rättelsen</translation>
    </message>
</context>
<context>
    <name>RestrictionDialog</name>
    <message>
        <source>Lift restriction</source>
        <translation>Häv begränsning</translation>
    </message>
    <message>
        <source>Restrict contact</source>
        <translation>Begränsa kontaktperson</translation>
    </message>
    <message>
        <source>Lift the restriction of %1: agents see the contact again, notices and new sessions with them are possible again.</source>
        <translation>Häv begränsningen för %1: supporten ser kontaktpersonen igen, och utskick och nya sessioner med personen blir möjliga igen.</translation>
    </message>
    <message>
        <source>Restrict the processing of %1&apos;s data (GDPR Art. 18), e.g. while the correctness of their data is checked: agents no longer find the contact, notice exports leave them out, and no session can be recorded with them as the consenting person until an admin lifts the restriction.</source>
        <translation>Begränsa behandlingen av uppgifterna om %1 (GDPR art. 18), t.ex. medan det utreds om de är riktiga: supporten hittar inte längre kontaktpersonen, utskicksexporter utesluter personen och ingen session kan registreras med personen som den som godkänner förrän en administratör häver begränsningen.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Restrict</source>
        <translation>Begränsa</translation>
    </message>
</context>
</TS>
