<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessDialog</name>
    <message>
        <source>New access request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searched for at every customer, in the session log, consents, transfers, notice exports and SFTP profiles; never stored with the request. Check the person&apos;s identity before answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export and mark answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s) found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Folder for the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for the export first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered: %1 and %2 are in %3. The request is closed; the export&apos;s SHA-256 (%4) is in the session log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message numerus="yes">
        <source>%1, overdue by %Ln day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (extended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Access request %1, received %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure request %1, received %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No retention run has erased anything yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last run %1 erased %Ln payload(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database refused: your role may not do this (the privacy desk is admins&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin may do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %(path)s cannot be written (%(reason)s); nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The access request is no longer open; press Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why (the person&apos;s request, its reference).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is too long (at most %(max)s characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contact does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field cannot be corrected here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: correct at least one field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this contact meanwhile, so nothing was saved. Your input is kept: close, reopen the contact and apply it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Withdraw objection to news</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record objection to news</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wants BoWebb&apos;s news e-mails again: withdraw the objection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 objects to BoWebb&apos;s news e-mails (GDPR Art. 21): news notice exports will leave them out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service-disruption notices still go out to them: they are part of the contract with their company, not marketing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyModel</name>
    <message>
        <source>Privacy (this screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File → Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer without DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restricted contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection to news</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside the EU/EEA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside the EU (EEA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended but still receiving data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gaps in the DPA checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyView</name>
    <message>
        <source>Privacy dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open where it is handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register an access request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for extending by two months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 open request(s), %2 open breach(es); %3 past their deadline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard could not be loaded: %1 Press Refresh to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access request %1 recorded as received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access request %1 answered; the export is in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an open access request first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1 is now due on %2. Tell the person why within the first month.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RectifyDialog</name>
    <message>
        <source>Correct contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct %1&apos;s data at the person&apos;s request (GDPR Art. 16). The old and new values and your reason are kept in the session log&apos;s erasable part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestrictionDialog</name>
    <message>
        <source>Lift restriction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the restriction of %1: agents see the contact again, notices and new sessions with them are possible again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict the processing of %1&apos;s data (GDPR Art. 18), e.g. while the correctness of their data is checked: agents no longer find the contact, notice exports leave them out, and no session can be recorded with them as the consenting person until an admin lifts the restriction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
