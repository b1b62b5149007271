<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CardSessions</name>
    <message>
        <source>Start support session…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
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
        <source>e.g. CEO, IT manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no news</source>
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
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerCardView</name>
    <message>
        <source>Edit company…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert to customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard delete due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection to news…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict or lift (GDPR Art. 18)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record or withdraw (GDPR Art. 21)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectification with a reason (GDPR Art. 16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent support sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions are shown here yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift restriction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw objection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (grace period %Ln day(s))</source>
        <translation>
            <numerusform>%1 (grace period %Ln day)</numerusform>
            <numerusform>%1 (grace period %Ln days)</numerusform>
        </translation>
    </message>
    <message>
        <source>if the trial is not made a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing: no DPA signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Edit company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA signed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, empty if not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team leads and admins record the DPA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team leads and admins terminate or reactivate customers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload and re-apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost and your change was NOT saved. Everything you typed is still here: save again when the database answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1 Everything you typed is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else deleted this record while you were editing it. Nothing was saved; your input is still here to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this record while you were editing it (changed: %1). Nothing was overwritten and your input is still here. Their values are shown under the fields; press “Reload and re-apply” to save yours over them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded the version saved by someone else. Your input is still in the fields: check it, then Save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The e-mail address is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address is too long (%(length)s characters; at most %(max)s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address has no @: it should look like anna@example.se.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address has no domain (the part after @).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address has no name before the @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address has more than one @.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain (the part after @) is incomplete: it needs a dot, as in example.se.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The part before the @ is too long (at most %(max)s characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail address is not valid: %(detail)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is too long (%(length)s characters; at most %(max)s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number may only contain digits, spaces, dashes, parentheses and a leading +.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is too short: check for a missing digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is too long: check for an extra digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The country code is not recognised: start with + and a country code, e.g. +46.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is not valid: check the digits and the area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a phone number: check the digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %(field)s is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %(field)s is too long (%(length)s characters; at most %(max)s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %(field)s contains an invisible control character (%(character)s): remove it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation number is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation number is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An organisation number has only digits and a dash (NNNNNN-NNNN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 16 prefix is for organisations; this is a personal number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A century prefix (19/20) is only used for personal numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A 12-digit number must start with 16 (organisation) or 19/20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An organisation number has ten digits (NNNNNN-NNNN); this has %(digits)s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit is wrong: check the number for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid organisation or personal number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a personal identity number, not an organisation number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields are not valid: see the messages beside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status must be one of %(statuses)s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer with organisation number %(org_number)s already exists: %(name)s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a trial can be converted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved this record while you were editing it. Nothing was overwritten and your input is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else deleted this record while you were editing it. Nothing was saved; your input is still here to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost and it is not known whether your change was saved. It is still here: check the customer card when the database answers, then save again if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the addresses are exported (the disruption).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is too long (at most %(max)s characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed-in user is needed to record the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is larger than %(megabytes)s MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not UTF-8 (byte %(byte)s): save it as &apos;CSV UTF-8&apos; in Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty or has no header line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: unknown column &apos;%(column)s&apos;; the columns are %(columns)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: required column &apos;%(column)s&apos; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line 1: a column is named twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %(line)s: %(fields)s fields but the header has %(header)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %(line)s: %(detail)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %(path)s: %(detail)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the import was cancelled: nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate org number %(org_number)s with a different company name than line %(line)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate org number %(org_number)s with a different status than line %(line)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate e-mail for this company (also on line %(line)s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldChecks</name>
    <message>
        <source>Enter the organisation number (NNNNNN-NNNN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An organisation number has only digits and a dash (NNNNNN-NNNN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An organisation number has ten digits (NNNNNN-NNNN); this has %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check digit is wrong: check the number for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the company name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the contact&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an e-mail address: every contact needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <source>organisation number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trial registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileRow</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import customers from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns: org_number, company_name, contact_name, email (required), status, phone, title. UTF-8, separated by , or ;. One row per contact. Existing customers are matched by organisation number and updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the CSV file to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows: %2 new and %3 updated customers, %4 new and %5 updated contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln bad row(s): nothing can be imported until the file is corrected.</source>
        <translation>
            <numerusform>%Ln bad row: nothing can be imported until the file is corrected.</numerusform>
            <numerusform>%Ln bad rows: nothing can be imported until the file is corrected.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is good. Import would change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed: %1 Nothing was imported unless a check shows otherwise: run the dry run again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LookupView</name>
    <message>
        <source>Search org number, company, contact, e-mail or phone (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register trial…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export notice recipients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a customer and press Enter to open its card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1 Type again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer card could not be loaded: %1 Press Enter to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trial could not be converted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert to customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the trial account %1 a customer from today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the database was lost; the trial was not converted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this customer meanwhile, so nothing was converted. The card now shows what is saved; check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeExportDialog</name>
    <message>
        <source>Export notice recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details may be used only to inform customers about major news and service disruptions. This export of the e-mail addresses of current customers&apos; contacts is recorded: who, when, how many and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Planned maintenance 2026-12-01 22:00–02:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (the disruption or news)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recipients as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the addresses are exported (the disruption).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
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
    <message numerus="yes">
        <source>Exported %Ln address(es) to %1. The export is recorded.</source>
        <translation>
            <numerusform>Exported %Ln address to %1. The export is recorded.</numerusform>
            <numerusform>Exported %Ln addresses to %1. The export is recorded.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written (%1). Nothing was exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system gave no reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1 No file was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (restricted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowErrorsModel</name>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrialDialog</name>
    <message>
        <source>Register a trial account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact name</source>
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
</context>
</TS>
