<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>CardSessions</name>
    <message>
        <source>Start support session…</source>
        <translation>Starta supportsession…</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Redigera kontaktperson</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Ny kontaktperson</translation>
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
        <source>e.g. CEO, IT manager</source>
        <translation>t.ex. VD, IT-chef</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Sparas som %1</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>restricted</source>
        <translation>begränsad</translation>
    </message>
    <message>
        <source>no news</source>
        <translation>inga nyheter</translation>
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
        <source>Privacy</source>
        <translation>Dataskydd</translation>
    </message>
</context>
<context>
    <name>CustomerCardView</name>
    <message>
        <source>Edit company…</source>
        <translation>Redigera företag…</translation>
    </message>
    <message>
        <source>Convert to customer</source>
        <translation>Gör till kund</translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Trial registered</source>
        <translation>Testkonto registrerat</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kund sedan</translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Hard delete due</source>
        <translation>Hårdradering senast</translation>
    </message>
    <message>
        <source>DPA</source>
        <translation>PUB-avtal</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontaktpersoner</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>Lägg till kontaktperson…</translation>
    </message>
    <message>
        <source>Edit contact…</source>
        <translation>Redigera kontaktperson…</translation>
    </message>
    <message>
        <source>Restrict…</source>
        <translation>Begränsa…</translation>
    </message>
    <message>
        <source>Objection to news…</source>
        <translation>Invändning mot nyheter…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Rätta…</translation>
    </message>
    <message>
        <source>Restrict or lift (GDPR Art. 18)</source>
        <translation>Begränsa eller häv (GDPR art. 18)</translation>
    </message>
    <message>
        <source>Record or withdraw (GDPR Art. 21)</source>
        <translation>Registrera eller återkalla (GDPR art. 21)</translation>
    </message>
    <message>
        <source>Rectification with a reason (GDPR Art. 16)</source>
        <translation>Rättelse med skäl (GDPR art. 16)</translation>
    </message>
    <message>
        <source>Recent support sessions</source>
        <translation>Senaste supportsessioner</translation>
    </message>
    <message>
        <source>No sessions are shown here yet.</source>
        <translation>Här visas inga sessioner ännu.</translation>
    </message>
    <message>
        <source>Lift restriction…</source>
        <translation>Häv begränsning…</translation>
    </message>
    <message>
        <source>Withdraw objection…</source>
        <translation>Återkalla invändning…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (grace period %Ln day(s))</source>
        <translation>
            <numerusform>%1 (karenstid %Ln dag)</numerusform>
            <numerusform>%1 (karenstid %Ln dagar)</numerusform>
        </translation>
    </message>
    <message>
        <source>if the trial is not made a customer</source>
        <translation>om testkontot inte blir kund</translation>
    </message>
    <message>
        <source>Missing: no DPA signed</source>
        <translation>Saknas: inget PUB-avtal undertecknat</translation>
    </message>
    <message>
        <source>Signed %1</source>
        <translation>Undertecknat %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>reference %1</source>
        <translation>referens %1</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Edit company</source>
        <translation>Redigera företag</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Ny kund</translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Företagsnamn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>DPA signed on</source>
        <translation>PUB-avtal undertecknat</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, empty if not signed</source>
        <translation>ÅÅÅÅ-MM-DD, tomt om inte undertecknat</translation>
    </message>
    <message>
        <source>Team leads and admins record the DPA.</source>
        <translation>Teamledare och administratörer registrerar biträdesavtalet.</translation>
    </message>
    <message>
        <source>Team leads and admins terminate or reactivate customers.</source>
        <translation>Teamledare och administratörer avslutar eller återaktiverar kunder.</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Reload and re-apply</source>
        <translation>Läs in igen och använd mina ändringar</translation>
    </message>
    <message>
        <source>The connection to the database was lost and your change was NOT saved. Everything you typed is still here: save again when the database answers.</source>
        <translation>Anslutningen till databasen bröts och din ändring sparades INTE. Allt du skrev finns kvar här: spara igen när databasen svarar.</translation>
    </message>
    <message>
        <source>Could not save: %1 Everything you typed is still here.</source>
        <translation>Kunde inte spara: %1 Allt du skrev finns kvar här.</translation>
    </message>
    <message>
        <source>Someone else deleted this record while you were editing it. Nothing was saved; your input is still here to copy.</source>
        <translation>Någon annan raderade posten medan du redigerade den. Inget sparades; det du skrev finns kvar här att kopiera.</translation>
    </message>
    <message>
        <source>nothing visible</source>
        <translation>inget synligt</translation>
    </message>
    <message>
        <source>Someone else saved this record while you were editing it (changed: %1). Nothing was overwritten and your input is still here. Their values are shown under the fields; press “Reload and re-apply” to save yours over them.</source>
        <translation>Någon annan sparade posten medan du redigerade den (ändrat: %1). Inget skrevs över och det du skrev finns kvar. Deras värden visas under fälten; tryck ”Läs in igen och använd mina ändringar” för att spara dina över dem.</translation>
    </message>
    <message>
        <source>Now saved: %1</source>
        <translation>Sparat nu: %1</translation>
    </message>
    <message>
        <source>Reloaded the version saved by someone else. Your input is still in the fields: check it, then Save.</source>
        <translation>Versionen som någon annan sparade är inläst. Det du skrev finns kvar i fälten: kontrollera det och tryck Spara.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The e-mail address is missing.</source>
        <translation>E-postadressen saknas.</translation>
    </message>
    <message>
        <source>The e-mail address is too long (%(length)s characters; at most %(max)s).</source>
        <translation>E-postadressen är för lång (%(length)s tecken; högst %(max)s).</translation>
    </message>
    <message>
        <source>The e-mail address has no @: it should look like anna@example.se.</source>
        <translation>E-postadressen saknar @: den ska se ut som anna@example.se.</translation>
    </message>
    <message>
        <source>The e-mail address has no domain (the part after @).</source>
        <translation>E-postadressen saknar domän (delen efter @).</translation>
    </message>
    <message>
        <source>The e-mail address has no name before the @.</source>
        <translation>E-postadressen saknar namn före @.</translation>
    </message>
    <message>
        <source>The e-mail address has more than one @.</source>
        <translation>E-postadressen har mer än ett @.</translation>
    </message>
    <message>
        <source>The domain (the part after @) is incomplete: it needs a dot, as in example.se.</source>
        <translation>Domänen (delen efter @) är ofullständig: den behöver en punkt, som i example.se.</translation>
    </message>
    <message>
        <source>The part before the @ is too long (at most %(max)s characters).</source>
        <translation>Delen före @ är för lång (högst %(max)s tecken).</translation>
    </message>
    <message>
        <source>The e-mail address is not valid: %(detail)s</source>
        <translation>E-postadressen är inte giltig: %(detail)s</translation>
    </message>
    <message>
        <source>The phone number is missing.</source>
        <translation>Telefonnumret saknas.</translation>
    </message>
    <message>
        <source>The phone number is too long (%(length)s characters; at most %(max)s).</source>
        <translation>Telefonnumret är för långt (%(length)s tecken; högst %(max)s).</translation>
    </message>
    <message>
        <source>The phone number may only contain digits, spaces, dashes, parentheses and a leading +.</source>
        <translation>Telefonnumret får bara innehålla siffror, mellanslag, bindestreck, parenteser och ett inledande +.</translation>
    </message>
    <message>
        <source>The phone number is too short: check for a missing digit.</source>
        <translation>Telefonnumret är för kort: kontrollera om en siffra saknas.</translation>
    </message>
    <message>
        <source>The phone number is too long: check for an extra digit.</source>
        <translation>Telefonnumret är för långt: kontrollera om det finns en siffra för mycket.</translation>
    </message>
    <message>
        <source>The country code is not recognised: start with + and a country code, e.g. +46.</source>
        <translation>Landsnumret känns inte igen: börja med + och ett landsnummer, t.ex. +46.</translation>
    </message>
    <message>
        <source>The phone number is not valid: check the digits and the area code.</source>
        <translation>Telefonnumret är inte giltigt: kontrollera siffrorna och riktnumret.</translation>
    </message>
    <message>
        <source>This is not a phone number: check the digits.</source>
        <translation>Det här är inget telefonnummer: kontrollera siffrorna.</translation>
    </message>
    <message>
        <source>The %(field)s is missing.</source>
        <translation>Fältet %(field)s är tomt.</translation>
    </message>
    <message>
        <source>The %(field)s is too long (%(length)s characters; at most %(max)s).</source>
        <translation>Fältet %(field)s är för långt (%(length)s tecken; högst %(max)s).</translation>
    </message>
    <message>
        <source>The %(field)s contains an invisible control character (%(character)s): remove it and try again.</source>
        <translation>Fältet %(field)s innehåller ett osynligt styrtecken (%(character)s): ta bort det och försök igen.</translation>
    </message>
    <message>
        <source>The organisation number is missing.</source>
        <translation>Organisationsnumret saknas.</translation>
    </message>
    <message>
        <source>The organisation number is too long.</source>
        <translation>Organisationsnumret är för långt.</translation>
    </message>
    <message>
        <source>An organisation number has only digits and a dash (NNNNNN-NNNN).</source>
        <translation>Ett organisationsnummer består bara av siffror och ett bindestreck (NNNNNN-NNNN).</translation>
    </message>
    <message>
        <source>The 16 prefix is for organisations; this is a personal number.</source>
        <translation>Prefixet 16 används för organisationer; det här är ett personnummer.</translation>
    </message>
    <message>
        <source>A century prefix (19/20) is only used for personal numbers.</source>
        <translation>Sekelprefix (19/20) används bara för personnummer.</translation>
    </message>
    <message>
        <source>A 12-digit number must start with 16 (organisation) or 19/20.</source>
        <translation>Ett tolvsiffrigt nummer måste börja med 16 (organisation) eller 19/20.</translation>
    </message>
    <message>
        <source>An organisation number has ten digits (NNNNNN-NNNN); this has %(digits)s.</source>
        <translation>Ett organisationsnummer har tio siffror (NNNNNN-NNNN); det här har %(digits)s.</translation>
    </message>
    <message>
        <source>The check digit is wrong: check the number for a typo.</source>
        <translation>Kontrollsiffran stämmer inte: kontrollera numret så att inget är felskrivet.</translation>
    </message>
    <message>
        <source>Not a valid organisation or personal number.</source>
        <translation>Inte ett giltigt organisations- eller personnummer.</translation>
    </message>
    <message>
        <source>This is a personal identity number, not an organisation number.</source>
        <translation>Det här är ett personnummer, inte ett organisationsnummer.</translation>
    </message>
    <message>
        <source>Some fields are not valid: see the messages beside them.</source>
        <translation>Några fält är inte giltiga: se meddelandena bredvid dem.</translation>
    </message>
    <message>
        <source>The status must be one of %(statuses)s.</source>
        <translation>Status måste vara en av %(statuses)s.</translation>
    </message>
    <message>
        <source>A customer with organisation number %(org_number)s already exists: %(name)s.</source>
        <translation>Det finns redan en kund med organisationsnummer %(org_number)s: %(name)s.</translation>
    </message>
    <message>
        <source>Only a trial can be converted.</source>
        <translation>Bara ett testkonto kan göras om till kund.</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>Kunden finns inte längre.</translation>
    </message>
    <message>
        <source>Someone else saved this record while you were editing it. Nothing was overwritten and your input is still here.</source>
        <translation>Någon annan sparade posten medan du redigerade den. Inget skrevs över och det du skrev finns kvar här.</translation>
    </message>
    <message>
        <source>Someone else deleted this record while you were editing it. Nothing was saved; your input is still here to copy.</source>
        <translation>Någon annan raderade posten medan du redigerade den. Inget sparades; det du skrev finns kvar här att kopiera.</translation>
    </message>
    <message>
        <source>The connection to the database was lost and it is not known whether your change was saved. It is still here: check the customer card when the database answers, then save again if needed.</source>
        <translation>Anslutningen till databasen bröts och det är okänt om din ändring sparades. Den finns kvar här: kontrollera kundkortet när databasen svarar och spara igen vid behov.</translation>
    </message>
    <message>
        <source>Say why the addresses are exported (the disruption).</source>
        <translation>Ange varför adresserna exporteras (driftstörningen).</translation>
    </message>
    <message>
        <source>The reason is too long (at most %(max)s characters).</source>
        <translation>Anledningen är för lång (högst %(max)s tecken).</translation>
    </message>
    <message>
        <source>The signed-in user is needed to record the export.</source>
        <translation>Den inloggade användaren behövs för att registrera exporten.</translation>
    </message>
    <message>
        <source>the file is larger than %(megabytes)s MB</source>
        <translation>filen är större än %(megabytes)s MB</translation>
    </message>
    <message>
        <source>the file is not UTF-8 (byte %(byte)s): save it as &apos;CSV UTF-8&apos; in Excel</source>
        <translation>filen är inte UTF-8 (byte %(byte)s): spara den som ”CSV UTF-8” i Excel</translation>
    </message>
    <message>
        <source>the file is empty or has no header line</source>
        <translation>filen är tom eller saknar rubrikrad</translation>
    </message>
    <message>
        <source>line 1: unknown column &apos;%(column)s&apos;; the columns are %(columns)s</source>
        <translation>rad 1: okänd kolumn ”%(column)s”; kolumnerna är %(columns)s</translation>
    </message>
    <message>
        <source>line 1: required column &apos;%(column)s&apos; is missing</source>
        <translation>rad 1: den obligatoriska kolumnen ”%(column)s” saknas</translation>
    </message>
    <message>
        <source>line 1: a column is named twice</source>
        <translation>rad 1: en kolumn förekommer två gånger</translation>
    </message>
    <message>
        <source>line %(line)s: %(fields)s fields but the header has %(header)s</source>
        <translation>rad %(line)s: %(fields)s fält men rubrikraden har %(header)s</translation>
    </message>
    <message>
        <source>line %(line)s: %(detail)s</source>
        <translation>rad %(line)s: %(detail)s</translation>
    </message>
    <message>
        <source>cannot read %(path)s: %(detail)s</source>
        <translation>kan inte läsa %(path)s: %(detail)s</translation>
    </message>
    <message>
        <source>the import was cancelled: nothing was imported</source>
        <translation>importen avbröts: ingenting importerades</translation>
    </message>
    <message>
        <source>duplicate org number %(org_number)s with a different company name than line %(line)s</source>
        <translation>org.nr %(org_number)s förekommer igen med ett annat företagsnamn än på rad %(line)s</translation>
    </message>
    <message>
        <source>duplicate org number %(org_number)s with a different status than line %(line)s</source>
        <translation>org.nr %(org_number)s förekommer igen med en annan status än på rad %(line)s</translation>
    </message>
    <message>
        <source>duplicate e-mail for this company (also on line %(line)s)</source>
        <translation>e-postadressen förekommer två gånger för samma företag (även på rad %(line)s)</translation>
    </message>
</context>
<context>
    <name>FieldChecks</name>
    <message>
        <source>Enter the organisation number (NNNNNN-NNNN).</source>
        <translation>Ange organisationsnumret (NNNNNN-NNNN).</translation>
    </message>
    <message>
        <source>An organisation number has only digits and a dash (NNNNNN-NNNN).</source>
        <translation>Ett organisationsnummer består bara av siffror och ett bindestreck (NNNNNN-NNNN).</translation>
    </message>
    <message>
        <source>An organisation number has ten digits (NNNNNN-NNNN); this has %1.</source>
        <translation>Ett organisationsnummer har tio siffror (NNNNNN-NNNN); detta har %1.</translation>
    </message>
    <message>
        <source>The check digit is wrong: check the number for a typo.</source>
        <translation>Kontrollsiffran stämmer inte: kontrollera numret så att inget är felskrivet.</translation>
    </message>
    <message>
        <source>Enter the company name.</source>
        <translation>Ange företagsnamnet.</translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation>Ange kontaktpersonens namn.</translation>
    </message>
    <message>
        <source>Enter an e-mail address: every contact needs one.</source>
        <translation>Ange en e-postadress: varje kontaktperson måste ha en.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD.</translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <source>organisation number</source>
        <translation>organisationsnummer</translation>
    </message>
    <message>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>företagsnamn</translation>
    </message>
    <message>
        <source>contact name</source>
        <translation>kontaktpersonens namn</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>DPA signed</source>
        <translation>PUB-avtal undertecknat</translation>
    </message>
    <message>
        <source>trial registered</source>
        <translation>testkonto registrerat</translation>
    </message>
    <message>
        <source>customer since</source>
        <translation>kund sedan</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>role</source>
        <translation>roll</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>kund</translation>
    </message>
</context>
<context>
    <name>FileRow</name>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import customers from CSV</source>
        <translation>Importera kunder från CSV</translation>
    </message>
    <message>
        <source>Columns: org_number, company_name, contact_name, email (required), status, phone, title. UTF-8, separated by , or ;. One row per contact. Existing customers are matched by organisation number and updated.</source>
        <translation>Kolumner: org_number, company_name, contact_name, email (obligatoriska), status, phone, title. UTF-8, avgränsat med , eller ;. En rad per kontaktperson. Befintliga kunder matchas på organisationsnummer och uppdateras.</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>Kontrollera (provkörning)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Välj en CSV-fil</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-filer (*.csv);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Choose the CSV file to import.</source>
        <translation>Välj CSV-filen som ska importeras.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message>
        <source>%1 rows: %2 new and %3 updated customers, %4 new and %5 updated contacts.</source>
        <translation>%1 rader: %2 nya och %3 uppdaterade kunder, %4 nya och %5 uppdaterade kontaktpersoner.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln bad row(s): nothing can be imported until the file is corrected.</source>
        <translation>
            <numerusform>%Ln felaktig rad: inget kan importeras förrän filen är rättad.</numerusform>
            <numerusform>%Ln felaktiga rader: inget kan importeras förrän filen är rättad.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is good. Import would change: %1</source>
        <translation>Filen är korrekt. Importen skulle ändra: %1</translation>
    </message>
    <message>
        <source>Imported. %1</source>
        <translation>Importerat. %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importerar…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>Kontrollen avbröts.</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was imported.</source>
        <translation>Importen avbröts: ingenting importerades.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Filen kan inte läsas: %1</translation>
    </message>
    <message>
        <source>The import failed: %1 Nothing was imported unless a check shows otherwise: run the dry run again.</source>
        <translation>Importen misslyckades: %1 Inget importerades om inte en kontroll visar annat: gör provkörningen igen.</translation>
    </message>
</context>
<context>
    <name>LookupView</name>
    <message>
        <source>Search org number, company, contact, e-mail or phone (Ctrl+K)</source>
        <translation>Sök org.nr, företag, kontaktperson, e-post eller telefon (Ctrl+K)</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation>Ny kund…</translation>
    </message>
    <message>
        <source>Register trial…</source>
        <translation>Registrera testkonto…</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importera CSV…</translation>
    </message>
    <message>
        <source>Export notice recipients…</source>
        <translation>Exportera mottagare av driftmeddelanden…</translation>
    </message>
    <message>
        <source>Choose a customer and press Enter to open its card.</source>
        <translation>Välj en kund och tryck Enter för att öppna kundkortet.</translation>
    </message>
    <message>
        <source>The search failed: %1 Type again to retry.</source>
        <translation>Sökningen misslyckades: %1 Skriv igen för att försöka på nytt.</translation>
    </message>
    <message>
        <source>The customer card could not be loaded: %1 Press Enter to try again.</source>
        <translation>Kundkortet kunde inte läsas in: %1 Tryck Enter för att försöka igen.</translation>
    </message>
    <message>
        <source>The trial could not be converted: %1</source>
        <translation>Testkontot kunde inte göras om till kund: %1</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>Sök kund</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Sökresultat</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln kund</numerusform>
            <numerusform>%Ln kunder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln träff</numerusform>
            <numerusform>%Ln träffar</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Inga träffar</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>%1 av %2 kunder</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>Kunden finns inte längre.</translation>
    </message>
    <message>
        <source>Convert to customer</source>
        <translation>Gör till kund</translation>
    </message>
    <message>
        <source>Make the trial account %1 a customer from today?</source>
        <translation>Göra testkontot %1 till kund från och med i dag?</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>Gör till kund</translation>
    </message>
    <message>
        <source>Not converted</source>
        <translation>Inte omvandlat</translation>
    </message>
    <message>
        <source>The connection to the database was lost; the trial was not converted.</source>
        <translation>Anslutningen till databasen bröts; testkontot gjordes inte om till kund.</translation>
    </message>
    <message>
        <source>Someone else changed this customer meanwhile, so nothing was converted. The card now shows what is saved; check it and try again.</source>
        <translation>Någon annan ändrade kunden under tiden, så inget ändrades. Kortet visar nu det som är sparat; kontrollera det och försök igen.</translation>
    </message>
</context>
<context>
    <name>NoticeExportDialog</name>
    <message>
        <source>Export notice recipients</source>
        <translation>Exportera mottagare av driftmeddelanden</translation>
    </message>
    <message>
        <source>Contact details may be used only to inform customers about major news and service disruptions. This export of the e-mail addresses of current customers&apos; contacts is recorded: who, when, how many and why.</source>
        <translation>Kontaktuppgifter får bara användas för att informera kunder om större nyheter och driftstörningar. Den här exporten av e-postadresser till nuvarande kunders kontaktpersoner registreras: vem, när, hur många och varför.</translation>
    </message>
    <message>
        <source>e.g. Planned maintenance 2026-12-01 22:00–02:00</source>
        <translation>t.ex. Planerat underhåll 2026-12-01 22:00–02:00</translation>
    </message>
    <message>
        <source>Why (the disruption or news)</source>
        <translation>Varför (driftstörningen eller nyheten)</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Spara som</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportera</translation>
    </message>
    <message>
        <source>Save the recipients as</source>
        <translation>Spara mottagarna som</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Say why the addresses are exported (the disruption).</source>
        <translation>Ange varför adresserna exporteras (driftstörningen).</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Välj var filen ska sparas.</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>Mappen finns inte.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
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
    <message numerus="yes">
        <source>Exported %Ln address(es) to %1. The export is recorded.</source>
        <translation>
            <numerusform>Exporterade %Ln adress till %1. Exporten är registrerad.</numerusform>
            <numerusform>Exporterade %Ln adresser till %1. Exporten är registrerad.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written (%1). Nothing was exported.</source>
        <translation>Filen kunde inte skrivas (%1). Inget exporterades.</translation>
    </message>
    <message>
        <source>the system gave no reason</source>
        <translation>systemet angav ingen orsak</translation>
    </message>
    <message>
        <source>The export failed: %1 No file was written.</source>
        <translation>Exporten misslyckades: %1 Ingen fil skrevs.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>signed</source>
        <translation>undertecknat</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>saknas</translation>
    </message>
    <message>
        <source>%1 (restricted)</source>
        <translation>%1 (begränsad)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Företag</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>Org.nr</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>DPA</source>
        <translation>PUB-avtal</translation>
    </message>
    <message>
        <source>Matched contact</source>
        <translation>Matchad kontaktperson</translation>
    </message>
</context>
<context>
    <name>RowErrorsModel</name>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumn</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Orsak</translation>
    </message>
</context>
<context>
    <name>TrialDialog</name>
    <message>
        <source>Register a trial account</source>
        <translation>Registrera ett testkonto</translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation>Organisationsnummer</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Företagsnamn</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>Kontaktpersonens namn</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
</context>
</TS>
