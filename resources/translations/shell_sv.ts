<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BoWebb Console</source>
        <translation>Om BoWebb Console</translation>
    </message>
    <message>
        <source>BoWebb Console %1</source>
        <translation>BoWebb Console %1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>Privacy policy: %1</source>
        <translation>Integritetspolicy: %1</translation>
    </message>
    <message>
        <source>Controller for the processing below: BackOffice Webbtjänster Sweden AB (556680-9827).</source>
        <translation>Personuppgiftsansvarig för behandlingarna nedan: BackOffice Webbtjänster Sweden AB (556680-9827).</translation>
    </message>
    <message>
        <source>Record of processing activities</source>
        <translation>Personuppgiftsbehandlingar</translation>
    </message>
    <message>
        <source>The record is read from the database…</source>
        <translation>Registret läses från databasen…</translation>
    </message>
    <message>
        <source>People and personal data</source>
        <translation>Registrerade och personuppgifter</translation>
    </message>
    <message>
        <source>Recipients and transfers</source>
        <translation>Mottagare och överföringar</translation>
    </message>
    <message>
        <source>No sensitive personal data (GDPR Art. 9) is processed, and contact details are never used for marketing: only for major news and service disruptions. Security measures are in each row&apos;s tooltip and in the PDF.</source>
        <translation>Inga känsliga personuppgifter (GDPR art. 9) behandlas, och kontaktuppgifter används aldrig för marknadsföring: bara för större nyheter och driftstörningar. Säkerhetsåtgärderna står i varje rads verktygstips och i PDF-filen.</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Exportera som PDF…</translation>
    </message>
    <message>
        <source>Edit the record…</source>
        <translation>Redigera registret…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>The record is shown once the database is open.</source>
        <translation>Registret visas när databasen är öppen.</translation>
    </message>
    <message>
        <source>The record could not be read from the database.</source>
        <translation>Registret kunde inte läsas från databasen.</translation>
    </message>
    <message>
        <source>Export the record of processing</source>
        <translation>Exportera registret över behandlingar</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporterad till %1</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Inte exporterad: %1</translation>
    </message>
</context>
<context>
    <name>Blockers</name>
    <message>
        <source>The session of %1 was ended; its unsaved work was undone.</source>
        <translation>Sessionen för %1 avslutades; det den inte hade sparat ångrades.</translation>
    </message>
    <message>
        <source>End that session?</source>
        <translation>Avsluta den sessionen?</translation>
    </message>
    <message>
        <source>End the database session of the login %1 (session %2)? Whatever that session has not saved yet is undone, and the program using it has to connect again.</source>
        <translation>Avsluta databassessionen för inloggningen %1 (session %2)? Det som den sessionen ännu inte har sparat ångras, och programmet som använder den måste ansluta på nytt.</translation>
    </message>
    <message>
        <source>End that session</source>
        <translation>Avsluta den sessionen</translation>
    </message>
</context>
<context>
    <name>BlockersDialog</name>
    <message>
        <source>Sessions blocking others</source>
        <translation>Sessioner som blockerar andra</translation>
    </message>
    <message>
        <source>Sessions that hold a lock other people wait for. Ending one undoes what it has not saved; its owner has to connect again.</source>
        <translation>Sessioner som håller ett lås som andra väntar på. Att avsluta en ångrar det den inte har sparat; dess ägare måste ansluta på nytt.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inloggning</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sedan</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>End that session…</source>
        <translation>Avsluta den sessionen…</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Söker…</translation>
    </message>
    <message>
        <source>No session is holding a lock that others wait for.</source>
        <translation>Ingen session håller ett lås som andra väntar på.</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>BoWebb Console — unexpected error</source>
        <translation>BoWebb Console – oväntat fel</translation>
    </message>
    <message>
        <source>Something went wrong inside the console. What you were doing may not have finished; nothing is reported as saved that was not saved.

If it happens again, send the log file to the console&apos;s maintainers.</source>
        <translation>Något gick fel i konsolen. Det du höll på med kanske inte slutfördes; inget visas som sparat som inte har sparats.

Om det händer igen, skicka loggfilen till dem som förvaltar konsolen.</translation>
    </message>
</context>
<context>
    <name>CustomerStatus</name>
    <message>
        <source>trial</source>
        <translation>testkonto</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>terminated</source>
        <translation>avslutad</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database cannot be reached; check the network or VPN and try again.</source>
        <translation>Databasen går inte att nå; kontrollera nätverket eller VPN och försök igen.</translation>
    </message>
    <message>
        <source>The database refused: your role may not do this.</source>
        <translation>Databasen nekade: din roll får inte göra detta.</translation>
    </message>
    <message>
        <source>The database is busy (a lock or time limit was reached); try again.</source>
        <translation>Databasen är upptagen (ett lås eller en tidsgräns nåddes); försök igen.</translation>
    </message>
    <message>
        <source>Someone else saved the same thing first; reload and try again.</source>
        <translation>Någon annan sparade samma sak först; läs in på nytt och försök igen.</translation>
    </message>
    <message>
        <source>The database is locked by the login %(login)s (session %(pid)s, since %(since)s); nothing was saved. Try again, or ask a team lead to end that session.</source>
        <translation>Databasen är låst av inloggningen %(login)s (session %(pid)s, sedan %(since)s); inget sparades. Försök igen, eller be en teamledare avsluta den sessionen.</translation>
    </message>
    <message>
        <source>The database is locked by another session; nothing was saved. Try again, or ask a team lead to end that session.</source>
        <translation>Databasen är låst av en annan session; inget sparades. Försök igen, eller be en teamledare avsluta den sessionen.</translation>
    </message>
    <message>
        <source>The database file is locked by another program (another console, a backup or a sync tool); nothing was saved. Try again when it is done.</source>
        <translation>Databasfilen är låst av ett annat program (en annan konsol, en säkerhetskopiering eller ett synkverktyg); inget sparades. Försök igen när det är klart.</translation>
    </message>
    <message>
        <source>Only team leads and admins may list or end sessions.</source>
        <translation>Bara teamledare och administratörer får visa eller avsluta sessioner.</translation>
    </message>
    <message>
        <source>That session is no longer there; it may have ended by itself.</source>
        <translation>Den sessionen finns inte längre; den kan ha avslutats av sig själv.</translation>
    </message>
    <message>
        <source>That session is your own login&apos;s; it was not ended.</source>
        <translation>Den sessionen tillhör din egen inloggning; den avslutades inte.</translation>
    </message>
    <message>
        <source>That session is not a BoWebb login&apos;s (a superuser or another program); it was not ended. Ask the database&apos;s administrator.</source>
        <translation>Den sessionen tillhör ingen BoWebb-inloggning (en superanvändare eller ett annat program); den avslutades inte. Fråga databasens administratör.</translation>
    </message>
    <message>
        <source>This database cannot end sessions yet: its administrator has to grant it that right (see the README, db blockers).</source>
        <translation>Den här databasen kan ännu inte avsluta sessioner: dess administratör måste ge den rätten (se README, db blockers).</translation>
    </message>
    <message>
        <source>The session did not end within 5 seconds; try again.</source>
        <translation>Sessionen avslutades inte inom 5 sekunder; försök igen.</translation>
    </message>
    <message>
        <source>A database file on this computer has no sessions to end; the program holding it has to finish or be closed.</source>
        <translation>En databasfil på den här datorn har inga sessioner att avsluta; programmet som håller den måste bli klart eller stängas.</translation>
    </message>
    <message>
        <source>The database refused this change.</source>
        <translation>Databasen nekade ändringen.</translation>
    </message>
    <message>
        <source>The request could not be sent to the database (a limit of the client).</source>
        <translation>Begäran kunde inte skickas till databasen (en gräns i klienten).</translation>
    </message>
    <message>
        <source>The database reported an error; nothing was reported as saved that was not.</source>
        <translation>Databasen rapporterade ett fel; inget har visats som sparat som inte sparades.</translation>
    </message>
    <message>
        <source>The database cannot be reached (%(detail)s); nothing was logged or started.</source>
        <translation>Databasen går inte att nå (%(detail)s); ingenting loggades eller startades.</translation>
    </message>
    <message>
        <source>The event was refused: %(detail)s</source>
        <translation>Händelsen avvisades: %(detail)s</translation>
    </message>
    <message>
        <source>The event could not be logged (%(detail)s); nothing was started.</source>
        <translation>Händelsen kunde inte loggas (%(detail)s); ingenting startades.</translation>
    </message>
    <message>
        <source>The database did not answer, and it is not known whether the event was logged; nothing was started. Try again when the database answers.</source>
        <translation>Databasen svarade inte, och det är okänt om händelsen loggades; ingenting startades. Försök igen när databasen svarar.</translation>
    </message>
    <message>
        <source>The connection dropped while saving and it could not be checked whether the save went through. Reload to see what the database holds.</source>
        <translation>Anslutningen bröts när du sparade och det gick inte att kontrollera om det sparades. Läs in på nytt för att se vad databasen innehåller.</translation>
    </message>
    <message>
        <source>Something went wrong inside the console; nothing was reported as saved that was not. If it happens again, send the log file to the console&apos;s maintainers.</source>
        <translation>Något gick fel i konsolen; inget har visats som sparat som inte sparades. Om det händer igen, skicka loggfilen till konsolens förvaltare.</translation>
    </message>
    <message>
        <source>The database URL is not valid. Correct it under Settings (an empty URL means the embedded database).
%(detail)s</source>
        <translation>Databasens URL är ogiltig. Rätta den under Inställningar (en tom URL betyder den inbyggda databasen).
%(detail)s</translation>
    </message>
    <message>
        <source>The database server does not answer. Check your network or VPN connection, then try again.</source>
        <translation>Databasservern svarar inte. Kontrollera nätverket eller VPN-anslutningen och försök igen.</translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check them and try again.</source>
        <translation>Fel användarnamn eller lösenord. Kontrollera dem och försök igen.</translation>
    </message>
    <message>
        <source>This login is disabled. Ask an administrator to enable it.</source>
        <translation>Inloggningen är spärrad. Be en administratör att aktivera den.</translation>
    </message>
    <message>
        <source>This login has no BoWebb role (agent, team lead or admin). Ask an administrator.</source>
        <translation>Inloggningen saknar BoWebb-roll (handläggare, teamledare eller administratör). Kontakta en administratör.</translation>
    </message>
    <message>
        <source>The database is older than this version of the console. Ask an administrator to run “bowebb-console db upgrade”.</source>
        <translation>Databasen är äldre än den här versionen av konsolen. Be en administratör köra ”bowebb-console db upgrade”.</translation>
    </message>
    <message>
        <source>The database is newer than this version of the console. Install the latest version of BoWebb Console.</source>
        <translation>Databasen är nyare än den här versionen av konsolen. Installera den senaste versionen av BoWebb Console.</translation>
    </message>
    <message>
        <source>This database is not set up for BoWebb Console. Ask an administrator to run “bowebb-console db init”.</source>
        <translation>Databasen är inte förberedd för BoWebb Console. Be en administratör köra ”bowebb-console db init”.</translation>
    </message>
    <message>
        <source>The database named in the URL does not exist on the server. Check the URL under Settings.</source>
        <translation>Databasen som anges i URL:en finns inte på servern. Kontrollera URL:en under Inställningar.</translation>
    </message>
    <message>
        <source>The database could not be opened.
%(detail)s</source>
        <translation>Databasen kunde inte öppnas.
%(detail)s</translation>
    </message>
    <message>
        <source>The database URL is empty.</source>
        <translation>Databasens URL är tom.</translation>
    </message>
    <message>
        <source>The database URL is malformed; expected e.g. postgresql://user@host/bowebb or sqlite:///path/to/file.sqlite3.</source>
        <translation>Databasens URL är felaktigt formad; förväntat är t.ex. postgresql://användare@värd/bowebb eller sqlite:///sökväg/till/fil.sqlite3.</translation>
    </message>
    <message>
        <source>Unsupported database “%(backend)s”: use PostgreSQL (shared) or SQLite (embedded).</source>
        <translation>Databasen ”%(backend)s” stöds inte: använd PostgreSQL (delad) eller SQLite (inbyggd).</translation>
    </message>
    <message>
        <source>The PostgreSQL URL names no database (…/bowebb).</source>
        <translation>PostgreSQL-URL:en anger ingen databas (…/bowebb).</translation>
    </message>
    <message>
        <source>The SQLite URL names no file (sqlite:///path/to/file.sqlite3).</source>
        <translation>SQLite-URL:en anger ingen fil (sqlite:///sökväg/till/fil.sqlite3).</translation>
    </message>
    <message>
        <source>The port in the database URL is out of range.</source>
        <translation>Porten i databasens URL är utanför det tillåtna intervallet.</translation>
    </message>
    <message>
        <source>Only an admin may change the lifecycle settings.</source>
        <translation>Bara administratörer får ändra livscykelinställningarna.</translation>
    </message>
    <message>
        <source>The grace period must be between %(min)s and %(max)s days.</source>
        <translation>Karenstiden måste vara mellan %(min)s och %(max)s dagar.</translation>
    </message>
    <message>
        <source>The trial period must be between %(min)s and %(max)s days.</source>
        <translation>Testperioden måste vara mellan %(min)s och %(max)s dagar.</translation>
    </message>
    <message>
        <source>The session-log retention must be between %(min)s and %(max)s days.</source>
        <translation>Lagringstiden för sessionsloggen måste vara mellan %(min)s och %(max)s dagar.</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>Remote control</source>
        <translation>Fjärrstyrning</translation>
    </message>
    <message>
        <source>File transfer</source>
        <translation>Filöverföring</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chatt</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>På plats</translation>
    </message>
    <message>
        <source>Purchased service (order reference)</source>
        <translation>Köpt tjänst (ordernummer)</translation>
    </message>
    <message>
        <source>Support (ticket reference)</source>
        <translation>Support (ärendenummer)</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Endast visning</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Styrning</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Överenskommet</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Nekat</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Inget svar</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <source>Partly resolved</source>
        <translation>Delvis löst</translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation>Inte löst</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskalerat</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Avbrutet</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
    <message>
        <source>Not started (no agreement)</source>
        <translation>Inte startad (ingen överenskommelse)</translation>
    </message>
    <message>
        <source>Agreed, not started</source>
        <translation>Överenskommen, inte startad</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <source>Ended late</source>
        <translation>Sent avslutad</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Uppladdning</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Nedladdning</translation>
    </message>
    <message>
        <source>Grace period (days)</source>
        <translation>Karenstid (dagar)</translation>
    </message>
    <message>
        <source>Trial period (days)</source>
        <translation>Testperiod (dagar)</translation>
    </message>
    <message>
        <source>Session-log retention (days)</source>
        <translation>Lagringstid för sessionsloggen (dagar)</translation>
    </message>
    <message>
        <source>Erasure journal folder</source>
        <translation>Mapp för raderingsjournalen</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Granskad</translation>
    </message>
    <message>
        <source>Flagged for follow-up</source>
        <translation>Flaggad för uppföljning</translation>
    </message>
    <message>
        <source>Agreement recorded</source>
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
        <source>Remote tool</source>
        <translation>Fjärrverktyg</translation>
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
        <source>Session ended late</source>
        <translation>Session sent avslutad</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <source>Review exported</source>
        <translation>Granskning exporterad</translation>
    </message>
    <message>
        <source>Customer record changed</source>
        <translation>Kunduppgifter ändrade</translation>
    </message>
    <message>
        <source>Contact changed</source>
        <translation>Kontaktperson ändrad</translation>
    </message>
    <message>
        <source>Record of processing changed</source>
        <translation>Registret över behandlingar ändrat</translation>
    </message>
    <message>
        <source>Lifecycle settings changed</source>
        <translation>Livscykelinställningar ändrade</translation>
    </message>
    <message>
        <source>Connection profile changed</source>
        <translation>Anslutningsprofil ändrad</translation>
    </message>
    <message>
        <source>Database session ended by a lead</source>
        <translation>Databassession avslutad av teamledare</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Radering</translation>
    </message>
    <message>
        <source>Erasure request forwarded</source>
        <translation>Raderingsbegäran vidarebefordrad</translation>
    </message>
    <message>
        <source>Erasure guidance given</source>
        <translation>Vägledning om radering given</translation>
    </message>
    <message>
        <source>Server key pinned</source>
        <translation>Värdnyckel låst</translation>
    </message>
    <message>
        <source>Server key approved</source>
        <translation>Värdnyckel godkänd</translation>
    </message>
    <message>
        <source>Server key replaced</source>
        <translation>Värdnyckel ersatt</translation>
    </message>
    <message>
        <source>Breach recorded</source>
        <translation>Personuppgiftsincident registrerad</translation>
    </message>
    <message>
        <source>Breach changed</source>
        <translation>Personuppgiftsincident ändrad</translation>
    </message>
    <message>
        <source>Breach closed</source>
        <translation>Personuppgiftsincident avslutad</translation>
    </message>
    <message>
        <source>Access request answered</source>
        <translation>Begäran om registerutdrag besvarad</translation>
    </message>
    <message>
        <source>Contact restricted</source>
        <translation>Kontaktperson begränsad</translation>
    </message>
    <message>
        <source>Contact restriction lifted</source>
        <translation>Begränsning av kontaktperson hävd</translation>
    </message>
    <message>
        <source>Objection to news recorded</source>
        <translation>Invändning mot nyhetsutskick registrerad</translation>
    </message>
    <message>
        <source>Objection to news withdrawn</source>
        <translation>Invändning mot nyhetsutskick återkallad</translation>
    </message>
    <message>
        <source>Contact corrected</source>
        <translation>Kontaktperson rättad</translation>
    </message>
    <message>
        <source>Do not record sensitive personal data (health, religion, politics, union membership, sexuality, ethnic origin: GDPR Art. 9) in free text.</source>
        <translation>Skriv inte känsliga personuppgifter (hälsa, religion, politik, fackmedlemskap, sexualliv, etniskt ursprung: GDPR art. 9) i fritext.</translation>
    </message>
</context>
<context>
    <name>InputGuard</name>
    <message>
        <source>Discard your changes?</source>
        <translation>Kasta dina ändringar?</translation>
    </message>
    <message>
        <source>Close without saving? What you typed here is not saved.</source>
        <translation>Stänga utan att spara? Det du skrivit här sparas inte.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>LifecycleDialog</name>
    <message>
        <source>Lifecycle</source>
        <translation>Livscykel</translation>
    </message>
    <message>
        <source>These periods hold for the whole database, on every workstation. A terminated customer is hard deleted when its grace period has passed; a trial account that is not made a customer within the trial period is hard deleted a grace period after that. Customers already dated keep their date.</source>
        <translation>Tiderna gäller för hela databasen, på varje arbetsstation. En avslutad kund hårdraderas när karenstiden har gått ut; ett testkonto som inte har blivit kund inom testperioden hårdraderas en karenstid därefter. Kunder som redan har ett datum behåller det.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <source>Not set: erasures are refused</source>
        <translation>Inte vald: raderingar nekas</translation>
    </message>
    <message>
        <source>A folder every admin&apos;s computer reaches by the same path, backed up apart from the database. Erasures are written to the journal there, and a replay after a restore reads it there.</source>
        <translation>En mapp som varje administratörs dator når via samma sökväg och som säkerhetskopieras skild från databasen. Raderingar skrivs till journalen där, och en omkörning efter en återställning läser den där.</translation>
    </message>
    <message>
        <source>Reading the settings from the database…</source>
        <translation>Läser inställningarna från databasen…</translation>
    </message>
    <message>
        <source>Grace period after termination:</source>
        <translation>Karenstid efter avslutad affärsrelation:</translation>
    </message>
    <message>
        <source>Trial period:</source>
        <translation>Testperiod:</translation>
    </message>
    <message>
        <source>Session-log retention:</source>
        <translation>Lagringstid för sessionsloggen:</translation>
    </message>
    <message>
        <source>Erasure journal folder:</source>
        <translation>Mapp för raderingsjournalen:</translation>
    </message>
    <message>
        <source>Only an admin may change these settings.</source>
        <translation>Bara administratörer får ändra de här inställningarna.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
</context>
<context>
    <name>ListFrame</name>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>The console is locked</source>
        <translation>Konsolen är låst</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>The console was locked after a while without use. Your work is kept. Click Unlock to continue.</source>
        <translation>Konsolen låstes efter en stund utan aktivitet. Ditt arbete finns kvar. Klicka på Lås upp för att fortsätta.</translation>
    </message>
    <message>
        <source>The console was locked after a while without use. Your work is kept. Enter the password for %1 to continue.</source>
        <translation>Konsolen låstes efter en stund utan aktivitet. Ditt arbete finns kvar. Ange lösenordet för %1 för att fortsätta.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Lösenord:</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Ange ditt lösenord.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BoWebb Console</source>
        <translation>BoWebb Console</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Skärmar</translation>
    </message>
    <message>
        <source>Ctrl+1 to Ctrl+9 open a screen directly.</source>
        <translation>Ctrl+1 till Ctrl+9 öppnar en skärm direkt.</translation>
    </message>
    <message>
        <source>Current screen</source>
        <translation>Aktuell skärm</translation>
    </message>
    <message>
        <source>Opening database…</source>
        <translation>Öppnar databasen…</translation>
    </message>
    <message>
        <source>Signed-in user and database</source>
        <translation>Inloggad användare och databas</translation>
    </message>
    <message>
        <source>BoWebb Console — %1</source>
        <translation>BoWebb Console – %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Inte ansluten</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunder</translation>
    </message>
    <message>
        <source>Sub-processors</source>
        <translation>Underbiträden</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Filöverföringar</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Radering</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granskning</translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation>Incidenter</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Dataskydd</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lås nu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Lifecycle (grace and trial periods)…</source>
        <translation>&amp;Livscykel (karenstid och testperiod)…</translation>
    </message>
    <message>
        <source>Sessions &amp;blocking others…</source>
        <translation>Sessioner som &amp;blockerar andra…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;About BoWebb Console</source>
        <translation>&amp;Om BoWebb Console</translation>
    </message>
    <message>
        <source>Signed in as %1 · role: %2 · database: %3</source>
        <translation>Inloggad som %1 · roll: %2 · databas: %3</translation>
    </message>
    <message>
        <source>Settings saved. Restart BoWebb Console.</source>
        <translation>Inställningarna är sparade. Starta om BoWebb Console.</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Inställningarna är sparade</translation>
    </message>
    <message>
        <source>The new database or language takes effect when you restart BoWebb Console.</source>
        <translation>Den nya databasen eller det nya språket gäller när du startar om BoWebb Console.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Inställningarna är sparade.</translation>
    </message>
    <message>
        <source>Lifecycle settings saved.</source>
        <translation>Livscykelinställningarna har sparats.</translation>
    </message>
</context>
<context>
    <name>QtPrompts</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>agent</source>
        <translation>handläggare</translation>
    </message>
    <message>
        <source>team lead</source>
        <translation>teamledare</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administratör</translation>
    </message>
</context>
<context>
    <name>SessionTimeline</name>
    <message>
        <source>Loading…</source>
        <translation>Hämtar…</translation>
    </message>
    <message>
        <source>No events are logged for this session.</source>
        <translation>Inga händelser är loggade för sessionen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) in the session log</source>
        <translation>
            <numerusform>%Ln händelse i sessionsloggen</numerusform>
            <numerusform>%Ln händelser i sessionsloggen</numerusform>
        </translation>
    </message>
    <message>
        <source>The timeline could not be loaded: %1</source>
        <translation>Tidslinjen kunde inte hämtas: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Empty: the embedded database on this computer</source>
        <translation>Tom: den inbyggda databasen på den här datorn</translation>
    </message>
    <message>
        <source>For the team&apos;s shared database, e.g. postgresql://anna@db.example.se/bowebb. Never put the password in the URL: it is kept in the system keyring.</source>
        <translation>För teamets gemensamma databas, t.ex. postgresql://anna@db.example.se/bowebb. Skriv aldrig lösenordet i URL:en: det sparas i systemets nyckelring.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemets språk</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A new database or language takes effect when you restart the console.</source>
        <translation>En ny databas eller ett nytt språk gäller när du startar om konsolen.</translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation>Databas-URL:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation>Lås efter inaktivitet:</translation>
    </message>
    <message>
        <source>The settings file could not be written: %1</source>
        <translation>Inställningsfilen kunde inte skrivas: %1</translation>
    </message>
    <message>
        <source>The database URL was not saved:</source>
        <translation>Databas-URL:en sparades inte:</translation>
    </message>
    <message>
        <source>The settings were not saved:</source>
        <translation>Inställningarna sparades inte:</translation>
    </message>
    <message>
        <source>Remove the password from the URL; the console asks for it when you sign in and can keep it in the system keyring.</source>
        <translation>Ta bort lösenordet från URL:en; konsolen frågar efter det när du loggar in och kan spara det i systemets nyckelring.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — BoWebb Console</source>
        <translation>Logga in – BoWebb Console</translation>
    </message>
    <message>
        <source>Sign in with your own database login.</source>
        <translation>Logga in med din egen databasinloggning.</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>Kom ihåg lösenordet</translation>
    </message>
    <message>
        <source>The password is kept in %1.</source>
        <translation>Lösenordet sparas i %1.</translation>
    </message>
    <message>
        <source>No secure system keyring is available: a remembered password is kept only until you quit.</source>
        <translation>Ingen säker nyckelring finns i systemet: ett lösenord som ska kommas ihåg sparas bara tills du avslutar.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Databas:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Användarnamn:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Lösenord:</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Ange användarnamn och lösenord.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Password saved in %1.</source>
        <translation>Lösenordet sparades i %1.</translation>
    </message>
    <message>
        <source>No secure keyring: the password is kept only until you quit.</source>
        <translation>Ingen säker nyckelring: lösenordet sparas bara tills du avslutar.</translation>
    </message>
    <message>
        <source>The password could not be saved: %1</source>
        <translation>Lösenordet kunde inte sparas: %1</translation>
    </message>
    <message>
        <source>BoWebb Console</source>
        <translation>BoWebb Console</translation>
    </message>
    <message>
        <source>Check the database under Settings, then start again.</source>
        <translation>Kontrollera databasen under Inställningar och starta sedan igen.</translation>
    </message>
</context>
<context>
    <name>SubProcessorStatus</name>
    <message>
        <source>active</source>
        <translation>aktivt</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>avslutat</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>(details erased)</source>
        <translation>(uppgifterna raderade)</translation>
    </message>
    <message>
        <source>Remote tool: %1</source>
        <translation>Fjärrverktyg: %1</translation>
    </message>
    <message>
        <source>No signed DPA; reason: %1</source>
        <translation>Inget undertecknat PUB-avtal; skäl: %1</translation>
    </message>
    <message>
        <source>Remote tool flagged in the sub-processor register; reason: %1</source>
        <translation>Fjärrverktyget är flaggat i registret över underbiträden; skäl: %1</translation>
    </message>
    <message>
        <source>%1, %2 rows: %3</source>
        <translation>%1, %2 rader: %3</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>a contact</source>
        <translation>en kontaktperson</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1 av %2, %3</translation>
    </message>
    <message>
        <source>Kind: %1, scope: %2</source>
        <translation>Typ: %1, omfattning: %2</translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation>Referens: %1</translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation>Syfte: %1</translation>
    </message>
    <message>
        <source>%1: %2 (%3 bytes)</source>
        <translation>%1: %2 (%3 byte)</translation>
    </message>
    <message>
        <source>Not transferred (%1): %2</source>
        <translation>Inte överförd (%1): %2</translation>
    </message>
</context>
<context>
    <name>VerifyLogBox</name>
    <message>
        <source>Verify log integrity</source>
        <translation>Kontrollera loggens integritet</translation>
    </message>
    <message>
        <source>Verifying the session log…</source>
        <translation>Kontrollerar sessionsloggen…</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>Loggen kunde inte läsas: %1</translation>
    </message>
</context>
<context>
    <name>VerifyWords</name>
    <message>
        <source>an event was changed after it was logged</source>
        <translation>en händelse har ändrats efter att den loggades</translation>
    </message>
    <message>
        <source>an event is missing (deleted)</source>
        <translation>en händelse saknas (raderad)</translation>
    </message>
    <message>
        <source>a sequence number appears twice or out of order</source>
        <translation>ett löpnummer förekommer två gånger eller i fel ordning</translation>
    </message>
    <message>
        <source>an event was inserted between two logged events</source>
        <translation>en händelse har infogats mellan två loggade händelser</translation>
    </message>
    <message>
        <source>two events swapped places</source>
        <translation>två händelser har bytt plats</translation>
    </message>
    <message>
        <source>the link to the previous event is broken</source>
        <translation>länken till föregående händelse är bruten</translation>
    </message>
    <message>
        <source>an event&apos;s details no longer match what was logged</source>
        <translation>en händelses uppgifter stämmer inte längre med det som loggades</translation>
    </message>
    <message>
        <source>the exported head is gone or no longer matches</source>
        <translation>det exporterade huvudet saknas eller stämmer inte längre</translation>
    </message>
    <message>
        <source>the log&apos;s head record, which new events are numbered and linked from, was changed outside the log</source>
        <translation>loggens huvudpost, som nya händelser numreras och länkas från, har ändrats utanför loggen</translation>
    </message>
    <message>
        <source>an event is dated before the event logged before it (a time was changed, or the clock was set back)</source>
        <translation>en händelse är daterad före händelsen som loggades före den (en tid har ändrats, eller klockan har ställts tillbaka)</translation>
    </message>
    <message numerus="yes">
        <source>Verification was cancelled after %Ln event(s): no conclusion.</source>
        <translation>
            <numerusform>Kontrollen avbröts efter %Ln händelse: ingen slutsats.</numerusform>
            <numerusform>Kontrollen avbröts efter %Ln händelser: ingen slutsats.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s), chain intact, head %1</source>
        <translation>
            <numerusform>%Ln händelse, kedjan intakt, huvud %1</numerusform>
            <numerusform>%Ln händelser, kedjan intakt, huvud %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln payload(s) erased, as allowed)</source>
        <translation>
            <numerusform>(%Ln innehåll raderat, vilket är tillåtet)</numerusform>
            <numerusform>(%Ln innehåll raderade, vilket är tillåtet)</numerusform>
        </translation>
    </message>
    <message>
        <source>The session log is NOT intact: at event %1, %2. Events from there on cannot be trusted; tell the privacy officer.</source>
        <translation>Sessionsloggen är INTE intakt: vid händelse %1, %2. Händelser från och med den kan inte litas på; meddela dataskyddsansvarig.</translation>
    </message>
</context>
</TS>
