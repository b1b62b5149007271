<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Customer&apos;s agreement</source>
        <translation>Kundens överenskommelse</translation>
    </message>
    <message>
        <source>Loading the customer…</source>
        <translation>Hämtar kunden…</translation>
    </message>
    <message>
        <source>Who agreed?</source>
        <translation>Vem gick med på det?</translation>
    </message>
    <message>
        <source>New caller (added to the customer&apos;s contacts)</source>
        <translation>Ny uppringare (läggs till bland kundens kontaktpersoner)</translation>
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
        <source>Phone (optional)</source>
        <translation>Telefon (valfritt)</translation>
    </message>
    <message>
        <source>How?</source>
        <translation>Hur?</translation>
    </message>
    <message>
        <source>Ticket number or message id (required when the customer agrees)</source>
        <translation>Ärendenummer eller meddelande-id (krävs när kunden samtycker)</translation>
    </message>
    <message>
        <source>What may we do?</source>
        <translation>Vad får vi göra?</translation>
    </message>
    <message>
        <source>What the session is for</source>
        <translation>Vad sessionen gäller</translation>
    </message>
    <message>
        <source>Purchased service or support?</source>
        <translation>Köpt tjänst eller support?</translation>
    </message>
    <message>
        <source>The tool&apos;s session id (optional)</source>
        <translation>Verktygets sessions-id (valfritt)</translation>
    </message>
    <message>
        <source>Why start without a signed DPA?</source>
        <translation>Varför starta utan undertecknat PUB-avtal?</translation>
    </message>
    <message>
        <source>Why use this remote tool anyway?</source>
        <translation>Varför använda fjärrverktyget ändå?</translation>
    </message>
    <message>
        <source>Kind of session</source>
        <translation>Typ av session</translation>
    </message>
    <message>
        <source>Who agreed</source>
        <translation>Vem gick med på det</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
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
        <source>Transfer purpose</source>
        <translation>Syfte med överföringen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Remote tool</source>
        <translation>Fjärrverktyg</translation>
    </message>
    <message>
        <source>Tool session id</source>
        <translation>Verktygets sessions-id</translation>
    </message>
    <message>
        <source>Reason (remote tool)</source>
        <translation>Skäl (fjärrverktyg)</translation>
    </message>
    <message>
        <source>Reason (no DPA)</source>
        <translation>Skäl (inget PUB-avtal)</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Starta sessionen</translation>
    </message>
    <message>
        <source>Record without starting</source>
        <translation>Registrera utan att starta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>New caller…</source>
        <translation>Ny uppringare…</translation>
    </message>
    <message>
        <source>This customer has no signed DPA (data processing agreement). Starting a session needs a reason, which is logged.</source>
        <translation>Kunden har inget undertecknat personuppgiftsbiträdesavtal (PUB-avtal). För att starta en session krävs ett skäl, som loggas.</translation>
    </message>
    <message>
        <source>The customer could not be loaded.</source>
        <translation>Kunden kunde inte hämtas.</translation>
    </message>
    <message>
        <source>This remote tool is not in the sub-processor register. Starting with it needs a reason, which is logged.</source>
        <translation>Fjärrverktyget finns inte i registret över underbiträden. Att starta med det kräver ett skäl, som loggas.</translation>
    </message>
    <message>
        <source>DPA signed %1</source>
        <translation>PUB-avtal undertecknat %1</translation>
    </message>
    <message>
        <source>no signed DPA</source>
        <translation>inget undertecknat PUB-avtal</translation>
    </message>
    <message>
        <source>outside the EU</source>
        <translation>utanför EU</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>avslutat</translation>
    </message>
    <message>
        <source>Sub-processor register: %1 (%2).</source>
        <translation>Registret över underbiträden: %1 (%2).</translation>
    </message>
    <message>
        <source>The policy asks for a signed DPA and processing inside the EU: starting with this tool needs a reason, which is logged.</source>
        <translation>Policyn kräver undertecknat PUB-avtal och behandling inom EU: att starta med det här verktyget kräver ett skäl, som loggas.</translation>
    </message>
    <message>
        <source>the customer (loading)</source>
        <translation>kunden (hämtas)</translation>
    </message>
    <message>
        <source>who agreed</source>
        <translation>vem som gick med på det</translation>
    </message>
    <message>
        <source>the caller&apos;s name</source>
        <translation>uppringarens namn</translation>
    </message>
    <message>
        <source>the caller&apos;s e-mail</source>
        <translation>uppringarens e-post</translation>
    </message>
    <message>
        <source>how</source>
        <translation>hur</translation>
    </message>
    <message>
        <source>a time that is not in the future</source>
        <translation>en tidpunkt som inte ligger i framtiden</translation>
    </message>
    <message>
        <source>the outcome</source>
        <translation>utfallet</translation>
    </message>
    <message>
        <source>a reference</source>
        <translation>en referens</translation>
    </message>
    <message>
        <source>the scope</source>
        <translation>omfattningen</translation>
    </message>
    <message>
        <source>the purpose</source>
        <translation>syftet</translation>
    </message>
    <message>
        <source>whether the transfer is for a purchased service or support</source>
        <translation>om överföringen gäller en köpt tjänst eller support</translation>
    </message>
    <message>
        <source>the reason for starting without a DPA</source>
        <translation>skälet att starta utan PUB-avtal</translation>
    </message>
    <message>
        <source>the reason for using this remote tool</source>
        <translation>skälet till att använda fjärrverktyget</translation>
    </message>
    <message>
        <source>Without the customer&apos;s agreement the session cannot start.</source>
        <translation>Utan kundens överenskommelse kan sessionen inte starta.</translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation>Saknas: %1</translation>
    </message>
    <message>
        <source>Logging…</source>
        <translation>Loggar…</translation>
    </message>
    <message>
        <source>Discard the agreement?</source>
        <translation>Kasta överenskommelsen?</translation>
    </message>
    <message>
        <source>Close without recording? What you filled in is not saved.</source>
        <translation>Stänga utan att logga? Det du har fyllt i sparas inte.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
    <message>
        <source>The database did not answer, and it is not known whether the agreement was logged. Nothing has started. Press the button again when the database answers: it will not be logged twice.</source>
        <translation>Databasen svarade inte, och det är okänt om överenskommelsen loggades. Ingenting har startat. Tryck på knappen igen när databasen svarar: den loggas inte två gånger.</translation>
    </message>
    <message>
        <source>Not logged, the session has not started: %1</source>
        <translation>Inte loggat, sessionen har inte startat: %1</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Start a session</source>
        <translation>Starta en session</translation>
    </message>
    <message>
        <source>Find the customer: org number, company, contact, e-mail or phone</source>
        <translation>Sök kunden: organisationsnummer, företag, kontaktperson, e-post eller telefon</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>Sök kund</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>Hittade kunder</translation>
    </message>
    <message>
        <source>Next: the agreement…</source>
        <translation>Nästa: överenskommelsen…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) found</source>
        <translation>
            <numerusform>%Ln kund hittades</numerusform>
            <numerusform>%Ln kunder hittades</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>Ingen kund hittades</translation>
    </message>
    <message>
        <source>The search failed (%1).</source>
        <translation>Sökningen misslyckades (%1).</translation>
    </message>
</context>
<context>
    <name>CustomerSessionsPanel</name>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Hämtar sessioner…</translation>
    </message>
    <message>
        <source>Open timeline</source>
        <translation>Öppna tidslinjen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessioner</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Inga sessioner ännu.</translation>
    </message>
    <message>
        <source>The sessions could not be loaded (%1).</source>
        <translation>Sessionerna kunde inte hämtas (%1).</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The customer does not exist (any more).</source>
        <translation>Kunden finns inte (längre).</translation>
    </message>
    <message>
        <source>That contact does not belong to this customer.</source>
        <translation>Kontaktpersonen hör inte till den här kunden.</translation>
    </message>
    <message>
        <source>This contact&apos;s data is restricted: an admin must lift the restriction before a session is recorded with them.</source>
        <translation>Kontaktpersonens uppgifter är begränsade: en administratör måste häva begränsningen innan en session kan loggas med personen.</translation>
    </message>
    <message>
        <source>Choose the contact who answered, or name a new caller.</source>
        <translation>Välj kontaktpersonen som svarade, eller ange en ny uppringare.</translation>
    </message>
    <message>
        <source>The time of the agreement needs a time zone.</source>
        <translation>Tidpunkten för överenskommelsen behöver en tidszon.</translation>
    </message>
    <message>
        <source>A choice in the form is not allowed (%(field)s: %(value)s).</source>
        <translation>Ett val i formuläret är inte tillåtet (%(field)s: %(value)s).</translation>
    </message>
    <message>
        <source>A reference (ticket number or message id) is required.</source>
        <translation>En referens (ärendenummer eller meddelande-id) krävs.</translation>
    </message>
    <message>
        <source>The scope is required.</source>
        <translation>Omfattningen krävs.</translation>
    </message>
    <message>
        <source>The purpose is required.</source>
        <translation>Syftet krävs.</translation>
    </message>
    <message>
        <source>The order reference is required.</source>
        <translation>Ordernumret krävs.</translation>
    </message>
    <message>
        <source>The ticket reference is required.</source>
        <translation>Ärendenumret krävs.</translation>
    </message>
    <message>
        <source>The caller&apos;s name is required.</source>
        <translation>Uppringarens namn krävs.</translation>
    </message>
    <message>
        <source>The caller&apos;s e-mail is required.</source>
        <translation>Uppringarens e-postadress krävs.</translation>
    </message>
    <message>
        <source>The note is required.</source>
        <translation>Anteckningen krävs.</translation>
    </message>
    <message>
        <source>The summary is required.</source>
        <translation>Sammanfattningen krävs.</translation>
    </message>
    <message>
        <source>This customer has no signed DPA: type the reason for starting anyway.</source>
        <translation>Kunden har inget undertecknat PUB-avtal: skriv skälet till att ändå starta.</translation>
    </message>
    <message>
        <source>The remote tool&apos;s entry in the sub-processor register is flagged: type the reason for using it anyway.</source>
        <translation>Fjärrverktyget är flaggat i registret över underbiträden: skriv skälet till att använda det ändå.</translation>
    </message>
    <message>
        <source>Record the customer&apos;s agreement before starting.</source>
        <translation>Registrera kundens överenskommelse innan du startar.</translation>
    </message>
    <message>
        <source>The customer did not agree: the session cannot start.</source>
        <translation>Kunden gick inte med på det: sessionen kan inte starta.</translation>
    </message>
    <message>
        <source>This session has already started.</source>
        <translation>Sessionen har redan startat.</translation>
    </message>
    <message>
        <source>This session has not started.</source>
        <translation>Sessionen har inte startat.</translation>
    </message>
    <message>
        <source>This session has already ended.</source>
        <translation>Sessionen är redan avslutad.</translation>
    </message>
    <message>
        <source>The session&apos;s rules do not allow this.</source>
        <translation>Sessionens regler tillåter inte detta.</translation>
    </message>
</context>
<context>
    <name>RunningSessionPanel</name>
    <message>
        <source>Session running</source>
        <translation>Pågående session</translation>
    </message>
    <message>
        <source>This session was left open (the console closed while it ran). Continue it, or close it as ended late: both are logged.</source>
        <translation>Sessionen lämnades öppen (konsolen stängdes medan den pågick). Fortsätt den, eller avsluta den som sent avslutad: båda loggas.</translation>
    </message>
    <message>
        <source>End that session…</source>
        <translation>Avsluta den sessionen…</translation>
    </message>
    <message>
        <source>What was done or seen</source>
        <translation>Vad som gjordes eller syntes</translation>
    </message>
    <message>
        <source>Session id in the tool</source>
        <translation>Sessions-id i verktyget</translation>
    </message>
    <message>
        <source>Save tool</source>
        <translation>Spara verktyg</translation>
    </message>
    <message>
        <source>Summary: what was done, what remains</source>
        <translation>Sammanfattning: vad som gjordes, vad som återstår</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Avsluta sessionen</translation>
    </message>
    <message>
        <source>Close as ended late</source>
        <translation>Avsluta som sent avslutad</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Tid:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Avslut</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Ctrl+Enter adds the note.</source>
        <translation>Ctrl+Enter lägger till anteckningen.</translation>
    </message>
    <message>
        <source>Add note (Ctrl+Enter)</source>
        <translation>Lägg till anteckning (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Remote tool</source>
        <translation>Fjärrverktyg</translation>
    </message>
    <message>
        <source>Logging…</source>
        <translation>Loggar…</translation>
    </message>
    <message>
        <source>Not known whether this was saved: the database did not answer. Your text is kept; press again when the database answers (it will not be logged twice).</source>
        <translation>Okänt om detta sparades: databasen svarade inte. Din text finns kvar; tryck igen när databasen svarar (det loggas inte två gånger).</translation>
    </message>
    <message>
        <source>Not saved: %1. Your text is kept; try again.</source>
        <translation>Inte sparat: %1. Din text finns kvar; försök igen.</translation>
    </message>
    <message>
        <source>%1 Your text is kept; press the button again to save it.</source>
        <translation>%1 Din text finns kvar; tryck på knappen igen för att spara den.</translation>
    </message>
    <message>
        <source>Type a note first.</source>
        <translation>Skriv en anteckning först.</translation>
    </message>
    <message>
        <source>Note saved in the session log.</source>
        <translation>Anteckningen är sparad i sessionsloggen.</translation>
    </message>
    <message>
        <source>Remote tool saved in the session log.</source>
        <translation>Fjärrverktyget är sparat i sessionsloggen.</translation>
    </message>
    <message>
        <source>Write a summary before ending the session.</source>
        <translation>Skriv en sammanfattning innan du avslutar sessionen.</translation>
    </message>
    <message>
        <source>The session has ended and is logged.</source>
        <translation>Sessionen är avslutad och loggad.</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Recorded at</source>
        <translation>Registrerad</translation>
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
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Supportagent</translation>
    </message>
</context>
<context>
    <name>SessionWindows</name>
    <message>
        <source>Session timeline</source>
        <translation>Sessionens tidslinje</translation>
    </message>
    <message>
        <source>Support session</source>
        <translation>Supportsession</translation>
    </message>
    <message>
        <source>The session is still open: write a summary and press End session.</source>
        <translation>Sessionen är fortfarande öppen: skriv en sammanfattning och tryck på Avsluta session.</translation>
    </message>
    <message>
        <source>Close the window?</source>
        <translation>Stänga fönstret?</translation>
    </message>
    <message>
        <source>The session stays open in the log. Continue or end it later from Sessions, under “Your open sessions”.</source>
        <translation>Sessionen förblir öppen i loggen. Fortsätt eller avsluta den senare under Sessioner, i ”Dina öppna sessioner”.</translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation>Stäng fönstret</translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>Find the customer: org number, company, contact, e-mail or phone</source>
        <translation>Sök kunden: organisationsnummer, företag, kontaktperson, e-post eller telefon</translation>
    </message>
    <message>
        <source>Start a session…</source>
        <translation>Starta en session…</translation>
    </message>
    <message>
        <source>Start a support session</source>
        <translation>Starta en supportsession</translation>
    </message>
    <message>
        <source>Continue or close…</source>
        <translation>Fortsätt eller avsluta…</translation>
    </message>
    <message>
        <source>Your open sessions</source>
        <translation>Dina öppna sessioner</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Hämtar…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Open timeline</source>
        <translation>Öppna tidslinjen</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Senaste sessioner</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) you started are still open and not running in this console. Continue one here, or close it as ended late.</source>
        <translation>
            <numerusform>%Ln session som du startade är fortfarande öppen och körs inte i den här konsolen. Fortsätt den här, eller stäng den som avslutad i efterhand.</numerusform>
            <numerusform>%Ln sessioner som du startade är fortfarande öppna och körs inte i den här konsolen. Fortsätt en här, eller stäng den som avslutad i efterhand.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) running in this console.</source>
        <translation>
            <numerusform>%Ln session körs i den här konsolen.</numerusform>
            <numerusform>%Ln sessioner körs i den här konsolen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessioner</numerusform>
        </translation>
    </message>
    <message>
        <source>The sessions could not be loaded (%1). Press Refresh to try again.</source>
        <translation>Sessionerna kunde inte hämtas (%1). Tryck på Uppdatera för att försöka igen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>The search failed (%1).</source>
        <translation>Sökningen misslyckades (%1).</translation>
    </message>
    <message>
        <source>no signed DPA</source>
        <translation>inget undertecknat PUB-avtal</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) found</source>
        <translation>
            <numerusform>%Ln kund hittades</numerusform>
            <numerusform>%Ln kunder hittades</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation>Ingen kund hittades</translation>
    </message>
    <message>
        <source>Back to the list (the session stays open)</source>
        <translation>Tillbaka till listan (sessionen förblir öppen)</translation>
    </message>
</context>
</TS>
