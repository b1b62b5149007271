<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChangesModel</name>
    <message>
        <source>Takes effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <source>Planned changes of sub-processors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sub-processor, what it does, where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record planned change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces / concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers notified on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New planned change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s org. number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer objects to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection to the selected change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export customers to notify…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln planned change(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(a new sub-processor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The planned changes could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned change recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export customers to notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s) exported; the export is recorded.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Select a sub-processor to see its checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence: clause of the DPA, document reference or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sub-processor as a whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sub-processor no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a checklist item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: SHA-256 %2, %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No flags: DPA signed, every checklist item yes, review on time, inside the EU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sub-processor could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy saved to %1; its SHA-256 matches: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export checklist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database refused the change: only admins keep the sub-processor register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this sub-processor since you opened it. Your input is kept: close, reload and apply it again.</source>
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
        <source>The status must be active or ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at least one processing location (e.g. SE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%(code)s&apos; is not a country code (ISO 3166, e.g. SE, DE, IE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An active sub-processor has no end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the date the sub-processor ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The DPA signing date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sub-processor with this name exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another sub-processor already covers this remote tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%(item)s&apos; is not an item of the checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The status must be yes, no, partly or not assessed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence note is too long (at most %(limit)s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to attach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %(size_mb)s MB; at most %(max_mb)s MB can be attached. Attach a smaller copy or record a document reference instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This evidence file no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored file no longer matches the SHA-256 recorded when it was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy does not match the stored SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %(reason)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %(reason)s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change is an addition or a replacement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the change (which sub-processor, why).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the date the change takes effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An objection window starts when customers are notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The objection window cannot end before customers are told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The objection window must end before the change takes effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the date the objection was received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This planned change no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid organisation number (NNNNNN-NNNN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has this organisation number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
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
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoDpaModel</name>
    <message>
        <source>Org. number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoDpaPanel</name>
    <message>
        <source>Active customers without a signed DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BoWebb processes these customers&apos; data without a signed data processing agreement (DPA). Ask them to sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectionsModel</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Sub-processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is flagged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubProcessorDialog</name>
    <message>
        <source>Edit sub-processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sub-processor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 3166 codes, e.g. SE, DE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 3166 codes, e.g. SE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still receives personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DPA signed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote-control tool</source>
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
    <name>SubProcessorTexts</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the EU/EEA, a breach of the policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the EU; GDPR applies (EEA) but the policy says EU: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended but still marked as receiving data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signed DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist: %1 item(s) not yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review overdue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>addition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replacement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubProcessorsView</name>
    <message>
        <source>Sub-processor register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add sub-processor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
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
        <source>Read only: only admins change the sub-processor register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers without DPA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln sub-processor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No flags: every sub-processor has a complete, signed DPA inside the EU and its review on time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 flagged: %3 outside the EU/EEA (breach of the policy), %8 in the EEA but outside the EU (the policy says EU), %4 without a signed DPA, %5 with checklist gaps, %6 review overdue, %7 ended but still receiving data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The register could not be loaded: %1 Press Refresh to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export register</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
