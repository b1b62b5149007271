<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Errors</name>
    <message>
        <source>Only an admin may change the record of processing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this processing since you opened it. Your input is kept: reload and apply it again.</source>
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
        <source>A processing with this name exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a lifecycle setting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessingDialog</name>
    <message>
        <source>Record of processing activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The values are the database&apos;s lifecycle settings (File ▸ Lifecycle); the record shows them as they are, so it never disagrees with them. Every change of those settings is logged in the session log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show another processing? What you typed here is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessingPdf</name>
    <message>
        <source>Record of processing activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller: BackOffice Webbtjänster Sweden AB (556680-9827). Privacy policy: %1. Exported %2 by %3. The lifecycle values are the database&apos;s settings; every change of them is logged in the session log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessingTexts</name>
    <message>
        <source>Grace period after the relationship ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session-log retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers outside the EU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifecycle settings that apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security measures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessingWords</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
</context>
</TS>
