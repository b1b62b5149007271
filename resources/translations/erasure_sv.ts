<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>ConfirmPage</name>
    <message>
        <source>What did the customer confirm as done?</source>
        <translation>Vad har kunden bekräftat som gjort?</translation>
    </message>
    <message>
        <source>Check what the customer has done. The guidance given is logged.</source>
        <translation>Markera det kunden har gjort. Vägledningen loggas.</translation>
    </message>
    <message>
        <source>Log guidance</source>
        <translation>Logga vägledningen</translation>
    </message>
    <message>
        <source>Save the request as open</source>
        <translation>Spara begäran som öppen</translation>
    </message>
    <message>
        <source>The request is saved with its due date; nothing is erased yet.</source>
        <translation>Begäran sparas med sitt sista svarsdatum; ingenting raderas ännu.</translation>
    </message>
    <message>
        <source>Save request</source>
        <translation>Spara begäran</translation>
    </message>
    <message>
        <source>Forward to the customer</source>
        <translation>Vidarebefordra till kunden</translation>
    </message>
    <message>
        <source>BoWebb is processor for this data. Send the request to %1 today; the console records that it was forwarded, and the request is closed here.</source>
        <translation>BoWebb är personuppgiftsbiträde för de här uppgifterna. Skicka begäran till %1 i dag; konsolen registrerar att den vidarebefordrats, och begäran avslutas här.</translation>
    </message>
    <message>
        <source>Record forwarding</source>
        <translation>Registrera vidarebefordran</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Radera för gott</translation>
    </message>
    <message>
        <source>%1 contact record(s) and %2 log content(s) will be erased (or anonymised), with their search-index entries. This cannot be undone. A certificate without personal data is issued.</source>
        <translation>%1 kontaktpost(er) och %2 logginnehåll raderas (eller anonymiseras), med sina poster i sökindexet. Det går inte att ångra. Ett intyg utan personuppgifter utfärdas.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Radera</translation>
    </message>
</context>
<context>
    <name>ControllerPage</name>
    <message>
        <source>Who is controller?</source>
        <translation>Vem är personuppgiftsansvarig?</translation>
    </message>
    <message>
        <source>BoWebb is controller for its own customer relationships: contacts, trial registrations and the support log. Data that a customer keeps in BoWebb&apos;s services is the customer&apos;s: there BoWebb is only processor, and the request goes to the customer.</source>
        <translation>BoWebb är personuppgiftsansvarig för sina egna kundrelationer: kontaktpersoner, testkonton och supportens logg. Uppgifter som en kund har i BoWebbs tjänster är kundens: där är BoWebb bara personuppgiftsbiträde, och begäran går till kunden.</translation>
    </message>
    <message>
        <source>BoWebb is controller: handle the request here</source>
        <translation>BoWebb är personuppgiftsansvarig: hantera begäran här</translation>
    </message>
    <message>
        <source>BoWebb is processor: forward the request to the customer</source>
        <translation>BoWebb är personuppgiftsbiträde: vidarebefordra begäran till kunden</translation>
    </message>
    <message>
        <source>Customer (controller)</source>
        <translation>Kund (personuppgiftsansvarig)</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>Which customer?</source>
        <translation>Vilken kund?</translation>
    </message>
    <message>
        <source>Purges waiting (pick one to continue it):</source>
        <translation>Hårdraderingar som väntar (välj en för att fortsätta):</translation>
    </message>
    <message>
        <source>Purges waiting</source>
        <translation>Hårdraderingar som väntar</translation>
    </message>
    <message>
        <source>%1: waiting for approval (requested by %2)</source>
        <translation>%1: väntar på godkännande (begärd av %2)</translation>
    </message>
    <message>
        <source>%1: approved by %2, ready to run</source>
        <translation>%1: godkänd av %2, klar att köras</translation>
    </message>
    <message>
        <source>Due for hard delete since %1: the next page is the purge.</source>
        <translation>Ska hårdraderas sedan %1: nästa sida är hårdraderingen.</translation>
    </message>
    <message>
        <source>Ended on %1; hard delete due on %2.</source>
        <translation>Avslutad %1; hårdradering %2.</translation>
    </message>
    <message>
        <source>An ongoing relationship.</source>
        <translation>En pågående affärsrelation.</translation>
    </message>
    <message>
        <source>The customer who wants to thin or erase its own data.</source>
        <translation>Kunden som vill gallra eller radera sina egna uppgifter.</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a few letters of the company name</source>
        <translation>Skriv några bokstäver av företagsnamnet</translation>
    </message>
</context>
<context>
    <name>EndWizard</name>
    <message>
        <source>End of relationship</source>
        <translation>Avslutad affärsrelation</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Ingenting ändrades: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) this computer had written were deleted.</source>
        <translation>
            <numerusform>%Ln fil som den här datorn hade skrivit raderades.</numerusform>
            <numerusform>%Ln filer som den här datorn hade skrivit raderades.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete these by hand (they could not be deleted): %1</source>
        <translation>Radera de här för hand (de gick inte att radera): %1</translation>
    </message>
    <message>
        <source>Downloaded on other computers; have them deleted there: %1</source>
        <translation>Hämtade på andra datorer; se till att de raderas där: %1</translation>
    </message>
    <message>
        <source>Requested (%1) for %2. A second person, a lead or admin, approves it: open “End a relationship / purge…” and pick it under “Purges waiting”.</source>
        <translation>Begärd (%1) för %2. En andra person, teamledare eller administratör, godkänner den: öppna ”Avsluta affärsrelation / hårdradera…” och välj den under ”Hårdraderingar som väntar”.</translation>
    </message>
    <message>
        <source>Saved. The hard delete is due on %1.</source>
        <translation>Sparat. Hårdraderingen sker %1.</translation>
    </message>
    <message>
        <source>Deleted for good. Certificate %1 is on the Erasure screen.</source>
        <translation>Raderat för gott. Intyg %1 finns under Radering.</translation>
    </message>
    <message>
        <source>The files could not be wiped yet (the tables were busy): an admin runs `bowebb-console erasure compact` later.</source>
        <translation>Filerna kunde inte rensas ännu (tabellerna var upptagna): en administratör kör `bowebb-console erasure compact` senare.</translation>
    </message>
    <message>
        <source>Approved. An admin can now run the purge.</source>
        <translation>Godkänt. En administratör kan nu köra hårdraderingen.</translation>
    </message>
</context>
<context>
    <name>EndWizardTables</name>
    <message>
        <source>%1 contact(s)</source>
        <translation>%1 kontaktperson(er)</translation>
    </message>
    <message>
        <source>%1 file-transfer profile(s)</source>
        <translation>%1 filöverföringsprofil(er)</translation>
    </message>
    <message>
        <source>%1 other record(s)</source>
        <translation>%1 övriga poster</translation>
    </message>
</context>
<context>
    <name>ErasureModels</name>
    <message>
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <source>forwarded to the customer</source>
        <translation>vidarebefordrad till kunden</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>raderad</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>avslagen</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>FÖRSENAD</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>besvarad</translation>
    </message>
    <message>
        <source>open (extended)</source>
        <translation>öppen (förlängd)</translation>
    </message>
    <message>
        <source>erasure (Art. 17)</source>
        <translation>radering (art. 17)</translation>
    </message>
    <message>
        <source>access (Art. 15)</source>
        <translation>tillgång (art. 15)</translation>
    </message>
    <message>
        <source>erasure request</source>
        <translation>begäran om radering</translation>
    </message>
    <message>
        <source>hard delete of a customer</source>
        <translation>hårdradering av en kund</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Begäran</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Utfärdat</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Performed by role</source>
        <translation>Utfört av roll</translation>
    </message>
</context>
<context>
    <name>ErasureView</name>
    <message>
        <source>Erasure requests</source>
        <translation>Begäranden om radering</translation>
    </message>
    <message>
        <source>Erasure certificates</source>
        <translation>Intyg om radering</translation>
    </message>
    <message>
        <source>Guide a customer&apos;s own thinning…</source>
        <translation>Vägled en kunds egen gallring…</translation>
    </message>
    <message>
        <source>Handle an erasure request…</source>
        <translation>Hantera en begäran om radering…</translation>
    </message>
    <message>
        <source>End a relationship / purge…</source>
        <translation>Avsluta affärsrelation / hårdradera…</translation>
    </message>
    <message>
        <source>Continue the selected request…</source>
        <translation>Fortsätt med markerad begäran…</translation>
    </message>
    <message>
        <source>Reason for extending by two months</source>
        <translation>Skäl till förlängning med två månader</translation>
    </message>
    <message>
        <source>Extend deadline</source>
        <translation>Förläng tidsfristen</translation>
    </message>
    <message>
        <source>Save certificate PDF…</source>
        <translation>Spara intyget som PDF…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>%1 open, %2 overdue</source>
        <translation>%1 öppna, %2 försenade</translation>
    </message>
    <message>
        <source>The lists could not be loaded (%1). Press Refresh.</source>
        <translation>Listorna kunde inte läsas in (%1). Tryck på Uppdatera.</translation>
    </message>
    <message>
        <source>Select an open request first.</source>
        <translation>Markera först en öppen begäran.</translation>
    </message>
    <message>
        <source>Request %1 is now due on %2. Tell the person why within the first month.</source>
        <translation>Begäran %1 ska nu besvaras senast %2. Berätta för personen varför inom den första månaden.</translation>
    </message>
    <message>
        <source>Select a certificate first.</source>
        <translation>Markera först ett intyg.</translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>Spara intyg</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Sparade %1.</translation>
    </message>
    <message>
        <source>This is an access request: answer it on the Privacy screen.</source>
        <translation>Det här är en begäran om tillgång: besvara den på skärmen Dataskydd.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln certificate(s)</source>
        <translation>
            <numerusform>%Ln intyg</numerusform>
            <numerusform>%Ln intyg</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database refused: your role may not do this (erasure is for admins).</source>
        <translation>Databasen vägrade: din roll får inte göra detta (radering görs av administratörer).</translation>
    </message>
    <message>
        <source>A second person, not the one who requested the purge, must approve it.</source>
        <translation>En andra person, inte den som begärde hårdraderingen, måste godkänna den.</translation>
    </message>
    <message>
        <source>This purge has not been approved by a second person.</source>
        <translation>Hårdraderingen har inte godkänts av en andra person.</translation>
    </message>
    <message>
        <source>The typed company name does not match: nothing was deleted.</source>
        <translation>Det inskrivna företagsnamnet stämmer inte: ingenting raderades.</translation>
    </message>
    <message>
        <source>This customer is not due for deletion yet: it is due on %(due)s.</source>
        <translation>Kunden ska inte raderas än: hårdraderingen infaller %(due)s.</translation>
    </message>
    <message>
        <source>This customer is not due for deletion yet: it is due only after a termination date is set.</source>
        <translation>Kunden ska inte raderas än: hårdraderingen infaller först när ett avslutsdatum har satts.</translation>
    </message>
    <message>
        <source>The customer does not exist (any more).</source>
        <translation>Kunden finns inte (längre).</translation>
    </message>
    <message>
        <source>A purge of this customer is already waiting for approval or run.</source>
        <translation>En hårdradering av kunden väntar redan på godkännande eller körning.</translation>
    </message>
    <message>
        <source>There is no purge request %(id)s.</source>
        <translation>Det finns ingen begäran om hårdradering %(id)s.</translation>
    </message>
    <message>
        <source>This purge request is no longer waiting for approval (%(status)s).</source>
        <translation>Begäran om hårdradering väntar inte längre på godkännande (%(status)s).</translation>
    </message>
    <message>
        <source>The erasure journal %(path)s cannot be written (%(reason)s); nothing was erased.</source>
        <translation>Raderingsjournalen %(path)s kan inte skrivas (%(reason)s); ingenting raderades.</translation>
    </message>
    <message>
        <source>No place for the erasure journal is set for this database. An admin sets a shared folder first (bowebb-console journal set FOLDER). Nothing was erased.</source>
        <translation>Ingen plats för raderingsjournalen är vald för den här databasen. En administratör väljer först en delad mapp (bowebb-console journal set MAPP). Ingenting raderades.</translation>
    </message>
    <message>
        <source>The erasure journal&apos;s folder must be a full path: %(path)s</source>
        <translation>Raderingsjournalens mapp måste anges med fullständig sökväg: %(path)s</translation>
    </message>
    <message>
        <source>The erasure journal must not be kept in the database file&apos;s folder %(path)s: restoring that folder from a backup would bring the journal back to the same point.</source>
        <translation>Raderingsjournalen får inte ligga i databasfilens mapp %(path)s: om mappen återställs från en säkerhetskopia följer journalen med tillbaka till samma läge.</translation>
    </message>
    <message>
        <source>Only an admin may set the erasure journal&apos;s place.</source>
        <translation>Bara en administratör får välja var raderingsjournalen ska ligga.</translation>
    </message>
    <message>
        <source>The erasure journal&apos;s key %(path)s is missing.</source>
        <translation>Raderingsjournalens nyckel %(path)s saknas.</translation>
    </message>
    <message>
        <source>No erasure journal at %(path)s.</source>
        <translation>Ingen raderingsjournal finns i %(path)s.</translation>
    </message>
    <message>
        <source>Line %(line)s of the erasure journal %(path)s is damaged.</source>
        <translation>Rad %(line)s i raderingsjournalen %(path)s är skadad.</translation>
    </message>
    <message>
        <source>An extension needs a recorded reason.</source>
        <translation>En förlängning kräver ett angivet skäl.</translation>
    </message>
    <message>
        <source>The one-month deadline has passed: an extension had to be decided and told to the person before it.</source>
        <translation>Tidsfristen på en månad har passerat: en förlängning måste beslutas och meddelas den registrerade före den.</translation>
    </message>
    <message>
        <source>The date of receipt cannot be in the future.</source>
        <translation>Mottagningsdatumet kan inte ligga i framtiden.</translation>
    </message>
    <message>
        <source>Choose how the request arrived.</source>
        <translation>Välj hur begäran kom in.</translation>
    </message>
    <message>
        <source>The request is no longer open.</source>
        <translation>Begäran är inte längre öppen.</translation>
    </message>
    <message>
        <source>The request does not exist.</source>
        <translation>Begäran finns inte.</translation>
    </message>
    <message>
        <source>Record how the person&apos;s identity was checked.</source>
        <translation>Ange hur personens identitet kontrollerades.</translation>
    </message>
    <message>
        <source>Choose to erase or to anonymise each contact.</source>
        <translation>Välj att radera eller anonymisera varje kontaktperson.</translation>
    </message>
    <message>
        <source>Give at least the e-mail address, phone or name.</source>
        <translation>Ange minst e-postadress, telefonnummer eller namn.</translation>
    </message>
    <message>
        <source>The certificate is no longer there; press Refresh.</source>
        <translation>Intyget finns inte längre; tryck på Uppdatera.</translation>
    </message>
    <message>
        <source>%(path)s cannot be written (%(reason)s).</source>
        <translation>%(path)s kan inte skrivas (%(reason)s).</translation>
    </message>
    <message>
        <source>The grace period in the settings must be a whole number of days (0-3650).</source>
        <translation>Karenstiden i inställningarna måste vara ett helt antal dagar (0–3650).</translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message>
        <source>Find every place</source>
        <translation>Hitta alla ställen</translation>
    </message>
    <message>
        <source>Type what the person gave you. The console searches contacts at every customer, the session log&apos;s contents and connection profiles. Uncheck what is not this person.</source>
        <translation>Skriv det personen har uppgett. Konsolen söker bland kontaktpersoner hos alla kunder, i sessionsloggens innehåll och i anslutningsprofiler. Avmarkera det som inte gäller personen.</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Sök</translation>
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
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>Contact at %1: %2, %3</source>
        <translation>Kontaktperson hos %1: %2, %3</translation>
    </message>
    <message>
        <source>Possible mention (the surname only) in the session log: %1 at %2</source>
        <translation>Möjligt omnämnande (bara efternamnet) i sessionsloggen: %1 %2</translation>
    </message>
    <message>
        <source>Session log contents: %1 at %2</source>
        <translation>Sessionsloggens innehåll: %1 %2</translation>
    </message>
    <message>
        <source>Connection profile %1</source>
        <translation>Anslutningsprofil %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln place(s) found.</source>
        <translation>
            <numerusform>%Ln ställe hittades.</numerusform>
            <numerusform>%Ln ställen hittades.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notice export(s) since the person became a contact: those address lists are outside the console; ask whoever holds a copy to delete it.</source>
        <translation>
            <numerusform>%Ln export av utskickslista sedan personen blev kontaktperson: listan finns utanför konsolen; be den som har en kopia att radera den.</numerusform>
            <numerusform>%Ln exporter av utskickslistor sedan personen blev kontaktperson: listorna finns utanför konsolen; be den som har en kopia att radera den.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sole trader %1 (%2): its organisation number is this person&apos;s identity number. The customer record goes when the relationship ends (the purge).</source>
        <translation>Enskild firma %1 (%2): dess organisationsnummer är personens personnummer. Kundposten raderas när affärsrelationen avslutas (hårdraderingen).</translation>
    </message>
</context>
<context>
    <name>GuidanceWizard</name>
    <message>
        <source>Erasure guidance</source>
        <translation>Vägledning för radering</translation>
    </message>
    <message>
        <source>The guidance is logged in the session log.</source>
        <translation>Vägledningen är loggad i sessionsloggen.</translation>
    </message>
    <message>
        <source>Nothing was logged: %1</source>
        <translation>Ingenting loggades: %1</translation>
    </message>
</context>
<context>
    <name>HoldsPage</name>
    <message>
        <source>Legal holds</source>
        <translation>Lagkrav på att behålla</translation>
    </message>
    <message>
        <source>Keep what a law requires; erase the rest. What is kept is named on the certificate.</source>
        <translation>Behåll det som lag kräver; radera resten. Det som behålls anges i intyget.</translation>
    </message>
    <message>
        <source>Bookkeeping records about this person exist (e.g. invoices to a sole trader)</source>
        <translation>Det finns räkenskapsinformation om personen (t.ex. fakturor till en enskild firma)</translation>
    </message>
    <message>
        <source>Data is needed for a legal claim (GDPR Art. 17(3)(e))</source>
        <translation>Uppgifter behövs för ett rättsligt anspråk (GDPR art. 17.3 e)</translation>
    </message>
    <message>
        <source>Anonymise the checked contacts instead of erasing them (keeps the record)</source>
        <translation>Anonymisera de markerade kontaktpersonerna i stället för att radera dem (posten finns kvar)</translation>
    </message>
    <message>
        <source>Financial year ended</source>
        <translation>Räkenskapsåret slutade</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Sparas till och med</translation>
    </message>
    <message>
        <source>The session log&apos;s events (ids, kinds, times, hashes) are always kept so the log still verifies; they hold no personal data.</source>
        <translation>Sessionsloggens händelser (id, typ, tid, hash) behålls alltid så att loggen kan verifieras; de innehåller inga personuppgifter.</translation>
    </message>
    <message>
        <source>%1 (bokföringslagen 7 kap. 2 §; kept in the accounting system, not here)</source>
        <translation>%1 (bokföringslagen 7 kap. 2 §; sparas i bokföringssystemet, inte här)</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Identity check</source>
        <translation>Identitetskontroll</translation>
    </message>
    <message>
        <source>Make sure the request comes from the person themselves before anything is erased. Ask for no more information than you need for that.</source>
        <translation>Försäkra dig om att begäran kommer från personen själv innan något raderas. Be inte om mer uppgifter än du behöver för det.</translation>
    </message>
    <message>
        <source>The person replied from the e-mail address we hold</source>
        <translation>Personen svarade från den e-postadress vi har</translation>
    </message>
    <message>
        <source>We called back on the phone number we hold</source>
        <translation>Vi ringde tillbaka till det telefonnummer vi har</translation>
    </message>
    <message>
        <source>An identity document was shown in person</source>
        <translation>En identitetshandling visades upp på plats</translation>
    </message>
    <message>
        <source>Not confirmed yet: save the request as open and stop here</source>
        <translation>Inte bekräftad ännu: spara begäran som öppen och avsluta här</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Erasure</source>
        <translation>Radering</translation>
    </message>
</context>
<context>
    <name>PurgePage</name>
    <message>
        <source>Hard delete</source>
        <translation>Hårdradering</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>The second person approves now, here</source>
        <translation>Den andra personen godkänner nu, här</translation>
    </message>
    <message>
        <source>Approve later (the purge waits on this wizard&apos;s first page)</source>
        <translation>Godkänn senare (hårdraderingen väntar på guidens första sida)</translation>
    </message>
    <message>
        <source>Approved by (name)</source>
        <translation>Godkänd av (namn)</translation>
    </message>
    <message>
        <source>Their password</source>
        <translation>Dennes lösenord</translation>
    </message>
    <message>
        <source>What goes for good: %1; session log contents: %2 (the events stay).</source>
        <translation>Detta raderas för gott: %1; sessionsloggens innehåll: %2 (händelserna finns kvar).</translation>
    </message>
    <message>
        <source>Step 1 of 3: an admin requests the purge; a second person, a lead or admin, approves it (here, at once, or later); then an admin runs it.</source>
        <translation>Steg 1 av 3: en administratör begär hårdraderingen; en andra person, teamledare eller administratör, godkänner den (här och nu, eller senare); sedan kör en administratör den.</translation>
    </message>
    <message>
        <source>Step 2 of 3: requested by %1 (%2). A second person, a lead or admin and not %1, approves it.</source>
        <translation>Steg 2 av 3: begärd av %1 (%2). En andra person, teamledare eller administratör och inte %1, godkänner den.</translation>
    </message>
    <message>
        <source>Their user name</source>
        <translation>Dennes användarnamn</translation>
    </message>
    <message>
        <source>Finish; approve later</source>
        <translation>Avsluta; godkänn senare</translation>
    </message>
    <message>
        <source>Step 3 of 3: approved by %1. An admin runs the purge.</source>
        <translation>Steg 3 av 3: godkänd av %1. En administratör kör hårdraderingen.</translation>
    </message>
    <message>
        <source>Request purge</source>
        <translation>Begär hårdradering</translation>
    </message>
    <message>
        <source>Approve purge</source>
        <translation>Godkänn hårdradering</translation>
    </message>
    <message>
        <source>Type the company name to delete it for good: %1</source>
        <translation>Skriv företagsnamnet för att radera för gott: %1</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Radera för gott</translation>
    </message>
    <message>
        <source>Hard delete of %1</source>
        <translation>Hårdradering av %1</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>The request</source>
        <translation>Begäran</translation>
    </message>
    <message>
        <source>When and how did the request arrive? The answer is due one month later.</source>
        <translation>När och hur kom begäran in? Svaret ska lämnas inom en månad.</translation>
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
        <translation>På plats</translation>
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
</context>
<context>
    <name>RequestWizard</name>
    <message>
        <source>Erasure request</source>
        <translation>Begäran om radering</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbetar…</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Ingenting sparades: %1</translation>
    </message>
    <message>
        <source>Erased. Certificate %1 is on the Erasure screen; send it to the person.</source>
        <translation>Raderat. Intyg %1 finns under Radering; skicka det till personen.</translation>
    </message>
    <message>
        <source>The files could not be wiped yet (the tables were busy): an admin runs `bowebb-console erasure compact` later.</source>
        <translation>Filerna kunde inte rensas ännu (tabellerna var upptagna): en administratör kör `bowebb-console erasure compact` senare.</translation>
    </message>
    <message>
        <source>Recorded as forwarded to the customer (request %1).</source>
        <translation>Registrerad som vidarebefordrad till kunden (begäran %1).</translation>
    </message>
    <message>
        <source>Saved as open request %1.</source>
        <translation>Sparad som öppen begäran %1.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <source>Guide the customer step by step</source>
        <translation>Vägled kunden steg för steg</translation>
    </message>
</context>
<context>
    <name>TerminatePage</name>
    <message>
        <source>End the relationship</source>
        <translation>Avsluta affärsrelationen</translation>
    </message>
    <message>
        <source>The customer keeps access to take its data out during the grace period; then everything is hard deleted and cannot be restored.</source>
        <translation>Kunden har kvar åtkomst under karenstiden för att ta ut sina uppgifter; sedan hårdraderas allt och kan inte återställas.</translation>
    </message>
    <message>
        <source>Relationship ended on</source>
        <translation>Affärsrelationen avslutades</translation>
    </message>
    <message>
        <source>Hard delete due</source>
        <translation>Hårdradering</translation>
    </message>
    <message>
        <source>Save dates</source>
        <translation>Spara datum</translation>
    </message>
    <message>
        <source>Reading the grace period from the database…</source>
        <translation>Läser karenstiden från databasen…</translation>
    </message>
    <message>
        <source>%1 (grace period %2 days)</source>
        <translation>%1 (karenstid %2 dagar)</translation>
    </message>
    <message>
        <source>End the relationship with %1</source>
        <translation>Avsluta affärsrelationen med %1</translation>
    </message>
</context>
<context>
    <name>TopicsPage</name>
    <message>
        <source>What does the customer want to remove?</source>
        <translation>Vad vill kunden ta bort?</translation>
    </message>
</context>
</TS>
