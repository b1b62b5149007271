<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Customer&apos;s agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who agreed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New caller (added to the customer&apos;s contacts)</source>
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
        <source>Phone (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket number or message id (required when the customer agrees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What may we do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the session is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchased service or support?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tool&apos;s session id (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why start without a signed DPA?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why use this remote tool anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool session id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (remote tool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (no DPA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record without starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New caller…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer has no signed DPA (data processing agreement). Starting a session needs a reason, which is logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This remote tool is not in the sub-processor register. Starting with it needs a reason, which is logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA signed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no signed DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outside the EU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-processor register: %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy asks for a signed DPA and processing inside the EU: starting with this tool needs a reason, which is logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer (loading)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the caller&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the caller&apos;s e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time that is not in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whether the transfer is for a purchased service or support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reason for starting without a DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reason for using this remote tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without the customer&apos;s agreement the session cannot start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the agreement?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without recording? What you filled in is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database did not answer, and it is not known whether the agreement was logged. Nothing has started. Press the button again when the database answers: it will not be logged twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged, the session has not started: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Start a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the customer: org number, company, contact, e-mail or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: the agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) found</source>
        <translation type="unfinished">
            <numerusform>%Ln customer found</numerusform>
            <numerusform>%Ln customers found</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerSessionsPanel</name>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sessions could not be loaded (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The customer does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That contact does not belong to this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact&apos;s data is restricted: an admin must lift the restriction before a session is recorded with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the contact who answered, or name a new caller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time of the agreement needs a time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A choice in the form is not allowed (%(field)s: %(value)s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reference (ticket number or message id) is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scope is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purpose is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order reference is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket reference is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s e-mail is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer has no signed DPA: type the reason for starting anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remote tool&apos;s entry in the sub-processor register is flagged: type the reason for using it anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the customer&apos;s agreement before starting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer did not agree: the session cannot start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has already started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session&apos;s rules do not allow this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunningSessionPanel</name>
    <message>
        <source>Session running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session was left open (the console closed while it ran). Continue it, or close it as ended late: both are logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End that session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done or seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session id in the tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary: what was done, what remains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close as ended late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter adds the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known whether this was saved: the database did not answer. Your text is kept; press again when the database answers (it will not be logged twice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1. Your text is kept; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Your text is kept; press the button again to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a note first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note saved in the session log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote tool saved in the session log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a summary before ending the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session has ended and is logged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Recorded at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionWindows</name>
    <message>
        <source>Session timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is still open: write a summary and press End session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session stays open in the log. Continue or end it later from Sessions, under “Your open sessions”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsView</name>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the customer: org number, company, contact, e-mail or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a support session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue or close…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your open sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) you started are still open and not running in this console. Continue one here, or close it as ended late.</source>
        <translation>
            <numerusform>%Ln session you started is still open and not running in this console. Continue it here, or close it as ended late.</numerusform>
            <numerusform>%Ln sessions you started are still open and not running in this console. Continue one here, or close it as ended late.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) running in this console.</source>
        <translation>
            <numerusform>%Ln session running in this console.</numerusform>
            <numerusform>%Ln sessions running in this console.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>The sessions could not be loaded (%1). Press Refresh to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no signed DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) found</source>
        <translation>
            <numerusform>%Ln customer found</numerusform>
            <numerusform>%Ln customers found</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list (the session stays open)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
