<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Errors</name>
    <message>
        <source>Only an admin may change the record of processing.</source>
        <translation>Bara en administratör får ändra registret över behandlingar.</translation>
    </message>
    <message>
        <source>Someone else changed this processing since you opened it. Your input is kept: reload and apply it again.</source>
        <translation>Någon annan har ändrat behandlingen sedan du öppnade den. Det du skrev finns kvar: läs in på nytt och gör ändringen igen.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Fältet måste fyllas i.</translation>
    </message>
    <message>
        <source>Too long (at most %(limit)s characters).</source>
        <translation>För långt (högst %(limit)s tecken).</translation>
    </message>
    <message>
        <source>A processing with this name exists.</source>
        <translation>Det finns redan en behandling med det namnet.</translation>
    </message>
    <message>
        <source>Not a lifecycle setting.</source>
        <translation>Ingen inställning för livscykeln.</translation>
    </message>
</context>
<context>
    <name>ProcessingDialog</name>
    <message>
        <source>Record of processing activities</source>
        <translation>Personuppgiftsbehandlingar</translation>
    </message>
    <message>
        <source>Add processing</source>
        <translation>Lägg till behandling</translation>
    </message>
    <message>
        <source>The values are the database&apos;s lifecycle settings (File ▸ Lifecycle); the record shows them as they are, so it never disagrees with them. Every change of those settings is logged in the session log.</source>
        <translation>Värdena är databasens livscykelinställningar (Arkiv ▸ Livscykel); registret visar dem som de är och säger därför aldrig emot dem. Varje ändring av inställningarna loggas i sessionsloggen.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>Kasta dina ändringar?</translation>
    </message>
    <message>
        <source>Show another processing? What you typed here is not saved.</source>
        <translation>Visa en annan behandling? Det du skrivit här sparas inte.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sparar…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
</context>
<context>
    <name>ProcessingPdf</name>
    <message>
        <source>Record of processing activities</source>
        <translation>Personuppgiftsbehandlingar</translation>
    </message>
    <message>
        <source>Controller: BackOffice Webbtjänster Sweden AB (556680-9827). Privacy policy: %1. Exported %2 by %3. The lifecycle values are the database&apos;s settings; every change of them is logged in the session log.</source>
        <translation>Personuppgiftsansvarig: BackOffice Webbtjänster Sweden AB (556680-9827). Integritetspolicy: %1. Exporterad %2 av %3. Livscykelvärdena är databasens inställningar; varje ändring av dem loggas i sessionsloggen.</translation>
    </message>
</context>
<context>
    <name>ProcessingTexts</name>
    <message>
        <source>Grace period after the relationship ends</source>
        <translation>Gallringsfrist efter avslutad affärsrelation</translation>
    </message>
    <message>
        <source>Trial period</source>
        <translation>Testperiod</translation>
    </message>
    <message>
        <source>Session-log retention</source>
        <translation>Lagringstid för sessionsloggen</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Behandling</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Ändamål</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <source>Categories of people</source>
        <translation>Kategorier av registrerade</translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation>Kategorier av personuppgifter</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <source>Transfers outside the EU</source>
        <translation>Överföring utanför EU</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Lagringstid</translation>
    </message>
    <message>
        <source>Lifecycle settings that apply</source>
        <translation>Livscykelinställningar som gäller</translation>
    </message>
    <message>
        <source>Security measures</source>
        <translation>Säkerhetsåtgärder</translation>
    </message>
</context>
<context>
    <name>ProcessingWords</name>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln dag</numerusform>
            <numerusform>%Ln dagar</numerusform>
        </translation>
    </message>
</context>
</TS>
