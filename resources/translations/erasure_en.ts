<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConfirmPage</name>
    <message>
        <source>What did the customer confirm as done?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what the customer has done. The guidance given is logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the request as open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is saved with its due date; nothing is erased yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BoWebb is processor for this data. Send the request to %1 today; the console records that it was forwarded, and the request is closed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record forwarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contact record(s) and %2 log content(s) will be erased (or anonymised), with their search-index entries. This cannot be undone. A certificate without personal data is issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControllerPage</name>
    <message>
        <source>Who is controller?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BoWebb is controller for its own customer relationships: contacts, trial registrations and the support log. Data that a customer keeps in BoWebb&apos;s services is the customer&apos;s: there BoWebb is only processor, and the request goes to the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BoWebb is controller: handle the request here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BoWebb is processor: forward the request to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer (controller)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>Which customer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purges waiting (pick one to continue it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purges waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waiting for approval (requested by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: approved by %2, ready to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due for hard delete since %1: the next page is the purge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended on %1; hard delete due on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ongoing relationship.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer who wants to thin or erase its own data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a few letters of the company name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndWizard</name>
    <message>
        <source>End of relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) this computer had written were deleted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete these by hand (they could not be deleted): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded on other computers; have them deleted there: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested (%1) for %2. A second person, a lead or admin, approves it: open “End a relationship / purge…” and pick it under “Purges waiting”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The hard delete is due on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted for good. Certificate %1 is on the Erasure screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files could not be wiped yet (the tables were busy): an admin runs `bowebb-console erasure compact` later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved. An admin can now run the purge.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndWizardTables</name>
    <message>
        <source>%1 contact(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 file-transfer profile(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 other record(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErasureModels</name>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwarded to the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open (extended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>erasure (Art. 17)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access (Art. 15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>erasure request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hard delete of a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performed by role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErasureView</name>
    <message>
        <source>Erasure requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erasure certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide a customer&apos;s own thinning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle an erasure request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End a relationship / purge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the selected request…</source>
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
        <source>Save certificate PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 open, %2 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lists could not be loaded (%1). Press Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an open request first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1 is now due on %2. Tell the person why within the first month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a certificate first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an access request: answer it on the Privacy screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln certificate(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database refused: your role may not do this (erasure is for admins).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second person, not the one who requested the purge, must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This purge has not been approved by a second person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The typed company name does not match: nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer is not due for deletion yet: it is due on %(due)s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer is not due for deletion yet: it is due only after a termination date is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A purge of this customer is already waiting for approval or run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no purge request %(id)s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This purge request is no longer waiting for approval (%(status)s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The erasure journal %(path)s cannot be written (%(reason)s); nothing was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No place for the erasure journal is set for this database. An admin sets a shared folder first (bowebb-console journal set FOLDER). Nothing was erased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The erasure journal&apos;s folder must be a full path: %(path)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The erasure journal must not be kept in the database file&apos;s folder %(path)s: restoring that folder from a backup would bring the journal back to the same point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin may set the erasure journal&apos;s place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The erasure journal&apos;s key %(path)s is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No erasure journal at %(path)s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %(line)s of the erasure journal %(path)s is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An extension needs a recorded reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-month deadline has passed: an extension had to be decided and told to the person before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of receipt cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the request arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is no longer open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record how the person&apos;s identity was checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose to erase or to anonymise each contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least the e-mail address, phone or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is no longer there; press Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%(path)s cannot be written (%(reason)s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grace period in the settings must be a whole number of days (0-3650).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message>
        <source>Find every place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type what the person gave you. The console searches contacts at every customer, the session log&apos;s contents and connection profiles. Uncheck what is not this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
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
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact at %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible mention (the surname only) in the session log: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session log contents: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln place(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notice export(s) since the person became a contact: those address lists are outside the console; ask whoever holds a copy to delete it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sole trader %1 (%2): its organisation number is this person&apos;s identity number. The customer record goes when the relationship ends (the purge).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidanceWizard</name>
    <message>
        <source>Erasure guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guidance is logged in the session log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was logged: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HoldsPage</name>
    <message>
        <source>Legal holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep what a law requires; erase the rest. What is kept is named on the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookkeeping records about this person exist (e.g. invoices to a sole trader)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data is needed for a legal claim (GDPR Art. 17(3)(e))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymise the checked contacts instead of erasing them (keeps the record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial year ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session log&apos;s events (ids, kinds, times, hashes) are always kept so the log still verifies; they hold no personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (bokföringslagen 7 kap. 2 §; kept in the accounting system, not here)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Identity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make sure the request comes from the person themselves before anything is erased. Ask for no more information than you need for that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person replied from the e-mail address we hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We called back on the phone number we hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An identity document was shown in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed yet: save the request as open and stop here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Erasure</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurgePage</name>
    <message>
        <source>Hard delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second person approves now, here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve later (the purge waits on this wizard&apos;s first page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by (name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What goes for good: %1; session log contents: %2 (the events stay).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 1 of 3: an admin requests the purge; a second person, a lead or admin, approves it (here, at once, or later); then an admin runs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 2 of 3: requested by %1 (%2). A second person, a lead or admin and not %1, approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish; approve later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 3 of 3: approved by %1. An admin runs the purge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request purge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve purge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the company name to delete it for good: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard delete of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <source>The request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When and how did the request arrive? The answer is due one month later.</source>
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
</context>
<context>
    <name>RequestWizard</name>
    <message>
        <source>Erasure request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erased. Certificate %1 is on the Erasure screen; send it to the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files could not be wiped yet (the tables were busy): an admin runs `bowebb-console erasure compact` later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as forwarded to the customer (request %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as open request %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <source>Guide the customer step by step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminatePage</name>
    <message>
        <source>End the relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer keeps access to take its data out during the grace period; then everything is hard deleted and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship ended on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard delete due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the grace period from the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (grace period %2 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the relationship with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopicsPage</name>
    <message>
        <source>What does the customer want to remove?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
