<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Connector</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Ansluter till %1…</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>Kan inte ansluta</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>The passphrase of the private key %1:</source>
        <translation>Lösenfrasen till den privata nyckeln %1:</translation>
    </message>
    <message>
        <source>The password of %1:</source>
        <translation>Lösenordet för %1:</translation>
    </message>
    <message>
        <source>The remembered secret was refused and has been forgotten.</source>
        <translation>Det sparade lösenordet godtogs inte och har glömts bort.</translation>
    </message>
    <message>
        <source>Not connected: the key was not confirmed.</source>
        <translation>Inte ansluten: nyckeln bekräftades inte.</translation>
    </message>
    <message>
        <source>The host key is pinned and logged. Your team requires a team lead&apos;s approval for new host keys: files can be transferred once a lead has approved it.</source>
        <translation>Värdnyckeln är låst och loggad. Ert team kräver att en teamledare godkänner nya värdnycklar: filer kan överföras när en teamledare har godkänt den.</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Väntar på godkännande</translation>
    </message>
    <message>
        <source>Refused: the server&apos;s host key has changed (pinned %1, now %2).</source>
        <translation>Avvisad: serverns värdnyckel har ändrats (låst %1, nu %2).</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Ta bort profil</translation>
    </message>
    <message>
        <source>Delete the connection profile %1? Pinned host keys stay.</source>
        <translation>Ta bort anslutningsprofilen %1? Låsta värdnycklar finns kvar.</translation>
    </message>
    <message>
        <source>Host keys</source>
        <translation>Värdnycklar</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkänn</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This session does not exist.</source>
        <translation>Den här sessionen finns inte.</translation>
    </message>
    <message>
        <source>This session has no recorded agreement.</source>
        <translation>Den här sessionen har ingen registrerad överenskommelse.</translation>
    </message>
    <message>
        <source>The agreement of this session was erased.</source>
        <translation>Överenskommelsen för den här sessionen har raderats.</translation>
    </message>
    <message>
        <source>The customer did not agree: no files can be transferred.</source>
        <translation>Kunden gick inte med på det: inga filer kan överföras.</translation>
    </message>
    <message>
        <source>The agreement of this session does not cover file transfers; record a new agreement for a file-transfer session.</source>
        <translation>Överenskommelsen för den här sessionen omfattar inte filöverföring; registrera en ny överenskommelse för en filöverföringssession.</translation>
    </message>
    <message>
        <source>The agreement does not name a purpose the policy allows for file transfers: a purchased service with its order reference, or support with its ticket reference.</source>
        <translation>Överenskommelsen anger inget ändamål som policyn tillåter för filöverföring: en köpt tjänst med dess orderreferens, eller support med dess ärendereferens.</translation>
    </message>
    <message>
        <source>This session has not started.</source>
        <translation>Den här sessionen har inte startat.</translation>
    </message>
    <message>
        <source>This session has ended; start a new one.</source>
        <translation>Den här sessionen har avslutats; starta en ny.</translation>
    </message>
    <message>
        <source>The server needs a password or a key passphrase.</source>
        <translation>Servern behöver ett lösenord eller en lösenfras för nyckeln.</translation>
    </message>
    <message>
        <source>The event could not be written to the session log, so nothing more was started. Try again when the database answers.</source>
        <translation>Händelsen kunde inte skrivas till sessionsloggen, så ingenting mer startades. Försök igen när databasen svarar.</translation>
    </message>
    <message>
        <source>The database did not answer, and it is not known whether the event was logged; nothing more was started. Try again when the database answers.</source>
        <translation>Databasen svarade inte, och det är okänt om händelsen loggades; ingenting mer startades. Försök igen när databasen svarar.</translation>
    </message>
    <message>
        <source>Choose password or private key authentication.</source>
        <translation>Välj inloggning med lösenord eller privat nyckel.</translation>
    </message>
    <message>
        <source>Choose the private key file.</source>
        <translation>Välj filen med den privata nyckeln.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Porten måste vara mellan 1 och 65535.</translation>
    </message>
    <message>
        <source>The host name is missing.</source>
        <translation>Värdnamnet saknas.</translation>
    </message>
    <message>
        <source>This customer already has a profile with that name.</source>
        <translation>Kunden har redan en profil med det namnet.</translation>
    </message>
    <message>
        <source>Someone else changed or deleted this profile meanwhile.</source>
        <translation>Någon annan har ändrat eller tagit bort profilen under tiden.</translation>
    </message>
    <message>
        <source>This server already has a pinned key; only a lead or admin can replace it.</source>
        <translation>Servern har redan en låst nyckel; bara en teamledare eller administratör kan byta ut den.</translation>
    </message>
    <message>
        <source>The fingerprint must be SHA256:… as OpenSSH prints it.</source>
        <translation>Fingeravtrycket måste vara SHA256:… som OpenSSH skriver det.</translation>
    </message>
    <message>
        <source>Your role may not pin host keys.</source>
        <translation>Din roll får inte låsa värdnycklar.</translation>
    </message>
    <message>
        <source>Only a lead or admin can approve a host key.</source>
        <translation>Bara en teamledare eller administratör kan godkänna en värdnyckel.</translation>
    </message>
    <message>
        <source>Only a lead or admin can replace a host key.</source>
        <translation>Bara en teamledare eller administratör kan byta ut en värdnyckel.</translation>
    </message>
    <message>
        <source>Only an admin can change this setting.</source>
        <translation>Bara en administratör kan ändra den här inställningen.</translation>
    </message>
    <message>
        <source>This key is not waiting for approval any more.</source>
        <translation>Nyckeln väntar inte längre på godkännande.</translation>
    </message>
    <message>
        <source>The pinned key changed meanwhile; look again.</source>
        <translation>Den låsta nyckeln har ändrats under tiden; titta igen.</translation>
    </message>
    <message>
        <source>The server&apos;s name was not found (DNS). Check the spelling, or whether a VPN is needed.</source>
        <translation>Servernamnet hittades inte (DNS). Kontrollera stavningen, eller om VPN behövs.</translation>
    </message>
    <message>
        <source>The server refused the connection: nothing answers on that port, or a firewall blocks it.</source>
        <translation>Servern vägrade anslutningen: ingenting svarar på den porten, eller så blockerar en brandvägg.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network or the VPN.</source>
        <translation>Servern svarade inte i tid. Kontrollera nätverket eller VPN.</translation>
    </message>
    <message>
        <source>The server refused the login: wrong user name, password or key.</source>
        <translation>Servern nekade inloggningen: fel användarnamn, lösenord eller nyckel.</translation>
    </message>
    <message>
        <source>The server&apos;s host key has changed. Nothing was sent.</source>
        <translation>Serverns värdnyckel har ändrats. Ingenting skickades.</translation>
    </message>
    <message>
        <source>The server&apos;s host key is not trusted yet.</source>
        <translation>Serverns värdnyckel är inte betrodd ännu.</translation>
    </message>
    <message>
        <source>Permission denied: the account may not read or write there.</source>
        <translation>Åtkomst nekad: kontot får inte läsa eller skriva där.</translation>
    </message>
    <message>
        <source>The local disk is full.</source>
        <translation>Den lokala disken är full.</translation>
    </message>
    <message>
        <source>The disk quota is used up.</source>
        <translation>Diskkvoten är förbrukad.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>Anslutningen bröts.</translation>
    </message>
    <message>
        <source>The name was refused as unsafe.</source>
        <translation>Namnet avvisades som osäkert.</translation>
    </message>
    <message>
        <source>A file with that name already exists; nothing was overwritten.</source>
        <translation>Det finns redan en fil med det namnet; ingenting skrevs över.</translation>
    </message>
    <message>
        <source>The file changed while it was being transferred.</source>
        <translation>Filen ändrades medan den överfördes.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Avbruten.</translation>
    </message>
    <message>
        <source>The transfer failed.</source>
        <translation>Överföringen misslyckades.</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>Confirm the server&apos;s fingerprint</source>
        <translation>Bekräfta serverns fingeravtryck</translation>
    </message>
    <message>
        <source>This is the first connection to %1. Ask the customer to read out the fingerprint of the server&apos;s host key (for example from ssh-keygen -lf) and compare it with the one below, character by character.</source>
        <translation>Det här är första anslutningen till %1. Be kunden läsa upp fingeravtrycket för serverns värdnyckel (till exempel från ssh-keygen -lf) och jämför det med fingeravtrycket nedan, tecken för tecken.</translation>
    </message>
    <message>
        <source>When you confirm, the key is pinned for the whole team and the pin is logged.</source>
        <translation>När du bekräftar låses nyckeln för hela teamet och det loggas.</translation>
    </message>
    <message>
        <source>When you confirm, the key is pinned and logged, and waits for a team lead&apos;s approval before files can be transferred.</source>
        <translation>När du bekräftar låses nyckeln och det loggas; den väntar sedan på en teamledares godkännande innan filer kan överföras.</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>Nyckeltyp</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtryck</translation>
    </message>
    <message>
        <source>The fingerprints match: confirm</source>
        <translation>Fingeravtrycken stämmer: bekräfta</translation>
    </message>
    <message>
        <source>They differ: cancel</source>
        <translation>De skiljer sig: avbryt</translation>
    </message>
</context>
<context>
    <name>KeyChangedDialog</name>
    <message>
        <source>Warning: the server&apos;s host key has changed</source>
        <translation>Varning: serverns värdnyckel har ändrats</translation>
    </message>
    <message>
        <source>The host key of %1 is not the one pinned for the team. This can mean that someone is intercepting the connection, or that the server was reinstalled. Nothing was sent and nothing was transferred.</source>
        <translation>Värdnyckeln för %1 är inte den som är låst för teamet. Det kan betyda att någon avlyssnar anslutningen, eller att servern har installerats om. Ingenting skickades och ingenting överfördes.</translation>
    </message>
    <message>
        <source>Pinned fingerprint</source>
        <translation>Låst fingeravtryck</translation>
    </message>
    <message>
        <source>Fingerprint now presented</source>
        <translation>Fingeravtryck som visas nu</translation>
    </message>
    <message>
        <source>Only a team lead or admin can replace the pinned key, after checking it.</source>
        <translation>Bara en teamledare eller administratör kan byta ut den låsta nyckeln, efter att ha kontrollerat den.</translation>
    </message>
    <message>
        <source>Replace the pinned key only after the customer has confirmed the new fingerprint. The replacement is logged.</source>
        <translation>Byt ut den låsta nyckeln först när kunden har bekräftat det nya fingeravtrycket. Bytet loggas.</translation>
    </message>
    <message>
        <source>Replace pinned key</source>
        <translation>Byt ut låst nyckel</translation>
    </message>
</context>
<context>
    <name>PendingKeysDialog</name>
    <message>
        <source>Host keys waiting for approval</source>
        <translation>Värdnycklar som väntar på godkännande</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <source>New host keys need a team lead&apos;s approval</source>
        <translation>Nya värdnycklar kräver en teamledares godkännande</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Connection profile</source>
        <translation>Anslutningsprofil</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Fil med privat nyckel</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Empty: the account&apos;s home folder</source>
        <translation>Tomt: kontots hemmapp</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Värd</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Logga in med</translation>
    </message>
    <message>
        <source>Remote start folder</source>
        <translation>Startmapp på servern</translation>
    </message>
    <message>
        <source>Passwords and key passphrases are asked for when connecting and kept only in the system keyring if you choose to remember them.</source>
        <translation>Lösenord och lösenfraser efterfrågas vid anslutning och sparas bara i systemets nyckelring om du väljer att komma ihåg dem.</translation>
    </message>
    <message>
        <source>Give the profile a name and a user name.</source>
        <translation>Ge profilen ett namn och ett användarnamn.</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Queue</source>
        <translation>Kö</translation>
    </message>
    <message>
        <source>Cancel file</source>
        <translation>Avbryt fil</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Avbryt alla</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Rensa färdiga</translation>
    </message>
    <message>
        <source>Retry failed (resumes)</source>
        <translation>Försök igen med misslyckade (återupptar)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>, %1 left</source>
        <translation>, %1 kvar</translation>
    </message>
    <message>
        <source>The transfer of %1 could not be written to the session log, so the queue was stopped: %2</source>
        <translation>Överföringen av %1 kunde inte skrivas till sessionsloggen, så kön stoppades: %2</translation>
    </message>
    <message>
        <source>Not logged</source>
        <translation>Inte loggad</translation>
    </message>
    <message>
        <source>on the server</source>
        <translation>på servern</translation>
    </message>
    <message>
        <source>here</source>
        <translation>här</translation>
    </message>
    <message>
        <source>Replace existing files?</source>
        <translation>Ersätta befintliga filer?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) already exist %1 and were not transferred: %2. Replace them?</source>
        <translation>
            <numerusform>%Ln fil finns redan %1 och överfördes inte: %2. Ersätta den?</numerusform>
            <numerusform>%Ln filer finns redan %1 och överfördes inte: %2. Ersätta dem?</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersätt</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <source>Sign in to the server</source>
        <translation>Logga in på servern</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>Kom ihåg i systemets nyckelring</translation>
    </message>
</context>
<context>
    <name>TransfersModels</name>
    <message>
        <source>Refused: %1</source>
        <translation>Avvisad: %1</translation>
    </message>
    <message>
        <source>Link (not followed)</source>
        <translation>Länk (följs inte)</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Mapp</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Ändrad</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>I kö</translation>
    </message>
    <message>
        <source>Transferring</source>
        <translation>Överförs</translation>
    </message>
    <message>
        <source>Done, verified</source>
        <translation>Klar, verifierad</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckades</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Ladda upp</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Ladda ner</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Riktning</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Förlopp</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>TransfersView</name>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Start a session…</source>
        <translation>Starta en session…</translation>
    </message>
    <message>
        <source>Host keys waiting for approval…</source>
        <translation>Värdnycklar som väntar på godkännande…</translation>
    </message>
    <message>
        <source>File-transfer session</source>
        <translation>Filöverföringssession</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>Ny profil…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigera…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Anslut</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Koppla från</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Anslutningsprofil</translation>
    </message>
    <message>
        <source>This is a demo profile: the demo server is not reachable, so connecting fails with “refused”. Create a profile for a real server to transfer files.</source>
        <translation>Det här är en demoprofil: demoservern går inte att nå, så anslutningen misslyckas med ”vägrade”. Skapa en profil för en riktig server för att överföra filer.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Upload files…</source>
        <translation>Ladda upp filer…</translation>
    </message>
    <message>
        <source>Upload folder…</source>
        <translation>Ladda upp mapp…</translation>
    </message>
    <message>
        <source>Resume interrupted downloads</source>
        <translation>Återuppta avbrutna nedladdningar</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Den här datorn</translation>
    </message>
    <message>
        <source>Downloads go to this folder:</source>
        <translation>Nedladdningar hamnar i den här mappen:</translation>
    </message>
    <message>
        <source>Tip: drop files or folders on the server&apos;s list to upload them.</source>
        <translation>Tips: släpp filer eller mappar på serverns lista för att ladda upp dem.</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Upp</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Ladda ner</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>order</source>
        <translation>order</translation>
    </message>
    <message>
        <source>ticket</source>
        <translation>ärende</translation>
    </message>
    <message>
        <source>You have no open file-transfer session. Start one from Sessions: record the customer&apos;s agreement with the scope “file transfer” and its purpose, a purchased service with its order reference or support with its ticket reference. Files can only be transferred inside such a session.</source>
        <translation>Du har ingen öppen filöverföringssession. Starta en under Sessioner: registrera kundens överenskommelse med omfattningen ”filöverföring” och syftet, en köpt tjänst med ordernummer eller support med ärendenummer. Filer kan bara överföras inom en sådan session.</translation>
    </message>
    <message>
        <source>Purchased service, order %1</source>
        <translation>Köpt tjänst, order %1</translation>
    </message>
    <message>
        <source>Support, ticket %1</source>
        <translation>Support, ärende %1</translation>
    </message>
    <message>
        <source>Could not load from the database: %1 Press Refresh to try again.</source>
        <translation>Kunde inte läsa från databasen: %1 Tryck på Uppdatera för att försöka igen.</translation>
    </message>
    <message>
        <source>Connected to %1 (host key %2).</source>
        <translation>Ansluten till %1 (värdnyckel %2).</translation>
    </message>
    <message>
        <source>Transfers are still running. Cancel them and disconnect?</source>
        <translation>Överföringar pågår fortfarande. Avbryta dem och koppla från?</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>Frånkopplad.</translation>
    </message>
    <message>
        <source>Download folder</source>
        <translation>Mapp för nedladdningar</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Ladda upp</translation>
    </message>
    <message>
        <source>Refused names and links are not downloaded; the rest is queued.</source>
        <translation>Avvisade namn och länkar laddas inte ner; resten har lagts i kön.</translation>
    </message>
</context>
</TS>
