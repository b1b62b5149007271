<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BreachDialog</name>
    <message>
        <source>Edit breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMY notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMY not notified (say why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovered at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of people and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approx. number of people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMY&apos;s reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notified on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification of IMY (within 72 hours of discovery)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who was notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification of the affected customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreachModel</name>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMY notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMY not notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue by %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>72-hour clock (IMY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People (approx.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers notified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreachPdf</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>72-hour clock (IMY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline for notifying IMY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of people and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approx. number of people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision on notifying IMY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach register (GDPR Art. 33/34)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: reference %2, on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2, %3 recipient(s), by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller: BackOffice Webbtjänster Sweden AB (556680-9827). Breaches recorded: %1. Exported %2 by %3. Times are local.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No breaches are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovered %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreachesView</name>
    <message>
        <source>Breach register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a breach…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify affected customers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln breach(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 open, %2 past the 72 hours without a decision on notifying IMY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The breaches could not be loaded: %1 Press Refresh to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice exported to %1 recipient(s) and recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this breach? Only an admin can change it afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export breach register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Refused: team leads and admins record breaches; only admins close them or change a closed one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this breach since you opened it. Your input is kept: close, reload and apply it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long (at most %(limit)s characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discovery time is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a decision on notifying IMY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifying IMY needs IMY&apos;s reference and the date it was notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why IMY is not notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is before the breach was discovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A notification of customers needs who, when and how many.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the time as YYYY-MM-DD HH:MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the affected customers first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotifyCustomersDialog</name>
    <message>
        <source>Notify affected customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the customers this breach affected. Their contacts&apos; e-mail addresses are exported to a CSV file for the notice, the export is recorded (who, when, how many) and the breach&apos;s notification of customers is filled in from it. Restricted contacts are left out. An objection to news does not stop a breach notice: informing those affected is a legal duty (GDPR Art. 34).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach discovered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company, org. number, contact or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail to the customers&apos; contacts (notice export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers affected (as described)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affected customers to notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export and record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach notice (GDPR Art. 34): the breach discovered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the affected customers first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the breach notice recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
