<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About BoWebb Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BoWebb Console %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller for the processing below: BackOffice Webbtjänster Sweden AB (556680-9827).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is read from the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People and personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients and transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sensitive personal data (GDPR Art. 9) is processed, and contact details are never used for marketing: only for major news and service disruptions. Security measures are in each row&apos;s tooltip and in the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is shown once the database is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record could not be read from the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the record of processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Blockers</name>
    <message>
        <source>The session of %1 was ended; its unsaved work was undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End that session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the database session of the login %1 (session %2)? Whatever that session has not saved yet is undone, and the program using it has to connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End that session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlockersDialog</name>
    <message>
        <source>Sessions blocking others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions that hold a lock other people wait for. Ending one undoes what it has not saved; its owner has to connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End that session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session is holding a lock that others wait for.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>BoWebb Console — unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside the console. What you were doing may not have finished; nothing is reported as saved that was not saved.

If it happens again, send the log file to the console&apos;s maintainers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerStatus</name>
    <message>
        <source>trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database cannot be reached; check the network or VPN and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused: your role may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy (a lock or time limit was reached); try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved the same thing first; reload and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is locked by the login %(login)s (session %(pid)s, since %(since)s); nothing was saved. Try again, or ask a team lead to end that session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is locked by another session; nothing was saved. Try again, or ask a team lead to end that session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is locked by another program (another console, a backup or a sync tool); nothing was saved. Try again when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only team leads and admins may list or end sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That session is no longer there; it may have ended by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That session is your own login&apos;s; it was not ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That session is not a BoWebb login&apos;s (a superuser or another program); it was not ended. Ask the database&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database cannot end sessions yet: its administrator has to grant it that right (see the README, db blockers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session did not end within 5 seconds; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database file on this computer has no sessions to end; the program holding it has to finish or be closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be sent to the database (a limit of the client).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error; nothing was reported as saved that was not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be reached (%(detail)s); nothing was logged or started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event was refused: %(detail)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event could not be logged (%(detail)s); nothing was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database did not answer, and it is not known whether the event was logged; nothing was started. Try again when the database answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection dropped while saving and it could not be checked whether the save went through. Reload to see what the database holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside the console; nothing was reported as saved that was not. If it happens again, send the log file to the console&apos;s maintainers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database URL is not valid. Correct it under Settings (an empty URL means the embedded database).
%(detail)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database server does not answer. Check your network or VPN connection, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong. Check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This login is disabled. Ask an administrator to enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This login has no BoWebb role (agent, team lead or admin). Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is older than this version of the console. Ask an administrator to run “bowebb-console db upgrade”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is newer than this version of the console. Install the latest version of BoWebb Console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is not set up for BoWebb Console. Ask an administrator to run “bowebb-console db init”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database named in the URL does not exist on the server. Check the URL under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be opened.
%(detail)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database URL is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database URL is malformed; expected e.g. postgresql://user@host/bowebb or sqlite:///path/to/file.sqlite3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported database “%(backend)s”: use PostgreSQL (shared) or SQLite (embedded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL names no database (…/bowebb).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SQLite URL names no file (sqlite:///path/to/file.sqlite3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port in the database URL is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin may change the lifecycle settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grace period must be between %(min)s and %(max)s days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trial period must be between %(min)s and %(max)s days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session-log retention must be between %(min)s and %(max)s days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>Remote control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchased service (order reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support (ticket reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started (no agreement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreed, not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial period (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session-log retention (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure journal folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged for follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ended late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer record changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of processing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database session ended by a lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure request forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure guidance given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server key pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server key approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server key replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access request answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact restriction lifted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection to news recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection to news withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not record sensitive personal data (health, religion, politics, union membership, sexuality, ethnic origin: GDPR Art. 9) in free text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InputGuard</name>
    <message>
        <source>Discard your changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving? What you typed here is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LifecycleDialog</name>
    <message>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These periods hold for the whole database, on every workstation. A terminated customer is hard deleted when its grace period has passed; a trial account that is not made a customer within the trial period is hard deleted a grace period after that. Customers already dated keep their date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set: erasures are refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder every admin&apos;s computer reaches by the same path, backed up apart from the database. Erasures are written to the journal there, and a replay after a restore reads it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the settings from the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period after termination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session-log retention:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure journal folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin may change these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListFrame</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>The console is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console was locked after a while without use. Your work is kept. Click Unlock to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console was locked after a while without use. Your work is kept. Enter the password for %1 to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BoWebb Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1 to Ctrl+9 open a screen directly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in user and database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BoWebb Console — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lifecycle (grace and trial periods)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions &amp;blocking others…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About BoWebb Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 · role: %2 · database: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved. Restart BoWebb Console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new database or language takes effect when you restart BoWebb Console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtPrompts</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionTimeline</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events are logged for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s) in the session log</source>
        <translation>
            <numerusform>%Ln event in the session log</numerusform>
            <numerusform>%Ln events in the session log</numerusform>
        </translation>
    </message>
    <message>
        <source>The timeline could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the embedded database on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the team&apos;s shared database, e.g. postgresql://anna@db.example.se/bowebb. Never put the password in the URL: it is kept in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new database or language takes effect when you restart the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after inactivity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database URL was not saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings were not saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the password from the URL; the console asks for it when you sign in and can keep it in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — BoWebb Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your own database login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure system keyring is available: a remembered password is kept only until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Password saved in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure keyring: the password is kept only until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BoWebb Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the database under Settings, then start again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubProcessorStatus</name>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>(details erased)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote tool: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signed DPA; reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote tool flagged in the sub-processor register; reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 rows: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind: %1, scope: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not transferred (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyLogBox</name>
    <message>
        <source>Verify log integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the session log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyWords</name>
    <message>
        <source>an event was changed after it was logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event is missing (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sequence number appears twice or out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event was inserted between two logged events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two events swapped places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the link to the previous event is broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event&apos;s details no longer match what was logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exported head is gone or no longer matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the log&apos;s head record, which new events are numbered and linked from, was changed outside the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an event is dated before the event logged before it (a time was changed, or the clock was set back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verification was cancelled after %Ln event(s): no conclusion.</source>
        <translation>
            <numerusform>Verification was cancelled after %Ln event: no conclusion.</numerusform>
            <numerusform>Verification was cancelled after %Ln events: no conclusion.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s), chain intact, head %1</source>
        <translation>
            <numerusform>%Ln event, chain intact, head %1</numerusform>
            <numerusform>%Ln events, chain intact, head %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln payload(s) erased, as allowed)</source>
        <translation>
            <numerusform>(%Ln payload erased, as allowed)</numerusform>
            <numerusform>(%Ln payloads erased, as allowed)</numerusform>
        </translation>
    </message>
    <message>
        <source>The session log is NOT intact: at event %1, %2. Events from there on cannot be trusted; tell the privacy officer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
