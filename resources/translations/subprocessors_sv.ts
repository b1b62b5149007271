<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>ChangesModel</name>
    <message>
        <source>Takes effect</source>
        <translation>Gäller från</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Sub-processor</source>
        <translation>Underbiträde</translation>
    </message>
    <message>
        <source>Customers notified</source>
        <translation>Kunder informerade</translation>
    </message>
    <message>
        <source>Objections until</source>
        <translation>Invändningar senast</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Invändningar</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <source>Planned changes of sub-processors</source>
        <translation>Planerade ändringar av underbiträden</translation>
    </message>
    <message>
        <source>Objections received</source>
        <translation>Mottagna invändningar</translation>
    </message>
    <message>
        <source>Which sub-processor, what it does, where</source>
        <translation>Vilket underbiträde, vad det gör, var</translation>
    </message>
    <message>
        <source>Record planned change</source>
        <translation>Registrera planerad ändring</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Replaces / concerns</source>
        <translation>Ersätter / gäller</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <source>Takes effect on</source>
        <translation>Gäller från</translation>
    </message>
    <message>
        <source>Customers notified on</source>
        <translation>Kunderna informerade</translation>
    </message>
    <message>
        <source>Objections until</source>
        <translation>Invändningar senast</translation>
    </message>
    <message>
        <source>New planned change</source>
        <translation>Ny planerad ändring</translation>
    </message>
    <message>
        <source>Customer&apos;s org. number</source>
        <translation>Kundens organisationsnummer</translation>
    </message>
    <message>
        <source>What the customer objects to</source>
        <translation>Vad kunden invänder mot</translation>
    </message>
    <message>
        <source>Record objection</source>
        <translation>Registrera invändning</translation>
    </message>
    <message>
        <source>Objection to the selected change</source>
        <translation>Invändning mot den valda ändringen</translation>
    </message>
    <message>
        <source>Export customers to notify…</source>
        <translation>Exportera kunder att informera…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln planned change(s)</source>
        <translation>
            <numerusform>%Ln planerad ändring</numerusform>
            <numerusform>%Ln planerade ändringar</numerusform>
        </translation>
    </message>
    <message>
        <source>(a new sub-processor)</source>
        <translation>(ett nytt underbiträde)</translation>
    </message>
    <message>
        <source>The planned changes could not be loaded: %1</source>
        <translation>De planerade ändringarna kunde inte läsas in: %1</translation>
    </message>
    <message>
        <source>Planned change recorded.</source>
        <translation>Den planerade ändringen är registrerad.</translation>
    </message>
    <message>
        <source>Objection recorded.</source>
        <translation>Invändningen är registrerad.</translation>
    </message>
    <message>
        <source>Export customers to notify</source>
        <translation>Exportera kunder att informera</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s) exported; the export is recorded.</source>
        <translation>
            <numerusform>%Ln mottagare exporterad; exporten är registrerad.</numerusform>
            <numerusform>%Ln mottagare exporterade; exporten är registrerad.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>Krav</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Underlag</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Bedömd av</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Bedömd</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Select a sub-processor to see its checklist.</source>
        <translation>Välj ett underbiträde för att se dess checklista.</translation>
    </message>
    <message>
        <source>Checklist as CSV…</source>
        <translation>Checklista som CSV…</translation>
    </message>
    <message>
        <source>Checklist as PDF…</source>
        <translation>Checklista som PDF…</translation>
    </message>
    <message>
        <source>Evidence: clause of the DPA, document reference or note</source>
        <translation>Underlag: punkt i PUB-avtalet, dokumentreferens eller anteckning</translation>
    </message>
    <message>
        <source>Save item</source>
        <translation>Spara punkt</translation>
    </message>
    <message>
        <source>The sub-processor as a whole</source>
        <translation>Underbiträdet som helhet</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Bifoga fil…</translation>
    </message>
    <message>
        <source>Attach to:</source>
        <translation>Bifoga till:</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Spara en kopia…</translation>
    </message>
    <message>
        <source>DPA checklist</source>
        <translation>Checklista för PUB-avtal</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Underlag</translation>
    </message>
    <message>
        <source>This sub-processor no longer exists.</source>
        <translation>Underbiträdet finns inte längre.</translation>
    </message>
    <message>
        <source>Select a checklist item first.</source>
        <translation>Välj först en punkt i checklistan.</translation>
    </message>
    <message>
        <source>Item saved.</source>
        <translation>Punkten är sparad.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Inte sparat</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Bifoga underlag</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.txt *.*)</source>
        <translation>Dokument (*.pdf *.txt *.*)</translation>
    </message>
    <message>
        <source>%1: SHA-256 %2, %3 bytes</source>
        <translation>%1: SHA-256 %2, %3 byte</translation>
    </message>
    <message>
        <source>File attached.</source>
        <translation>Filen är bifogad.</translation>
    </message>
    <message>
        <source>No flags: DPA signed, every checklist item yes, review on time, inside the EU.</source>
        <translation>Inga flaggor: PUB-avtal undertecknat, alla punkter ja, granskning i tid, inom EU.</translation>
    </message>
    <message>
        <source>The sub-processor could not be loaded: %1</source>
        <translation>Underbiträdet kunde inte läsas in: %1</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Spara en kopia</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
    <message>
        <source>Copy saved to %1; its SHA-256 matches: %2</source>
        <translation>Kopian är sparad som %1; dess SHA-256 stämmer: %2</translation>
    </message>
    <message>
        <source>Export checklist</source>
        <translation>Exportera checklista</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database refused the change: only admins keep the sub-processor register.</source>
        <translation>Databasen nekade ändringen: bara administratörer för registret över underbiträden.</translation>
    </message>
    <message>
        <source>Someone else changed this sub-processor since you opened it. Your input is kept: close, reload and apply it again.</source>
        <translation>Någon annan har ändrat underbiträdet sedan du öppnade det. Det du skrev finns kvar: stäng, läs in på nytt och gör ändringen igen.</translation>
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
        <source>The status must be active or ended.</source>
        <translation>Status måste vara aktivt eller avslutat.</translation>
    </message>
    <message>
        <source>Give at least one processing location (e.g. SE).</source>
        <translation>Ange minst en behandlingsplats (t.ex. SE).</translation>
    </message>
    <message>
        <source>&apos;%(code)s&apos; is not a country code (ISO 3166, e.g. SE, DE, IE).</source>
        <translation>”%(code)s” är ingen landskod (ISO 3166, t.ex. SE, DE, IE).</translation>
    </message>
    <message>
        <source>An active sub-processor has no end date.</source>
        <translation>Ett aktivt underbiträde har inget slutdatum.</translation>
    </message>
    <message>
        <source>Give the date the sub-processor ended.</source>
        <translation>Ange datumet då underbiträdet avslutades.</translation>
    </message>
    <message>
        <source>The DPA signing date is in the future.</source>
        <translation>Datumet för undertecknat PUB-avtal ligger i framtiden.</translation>
    </message>
    <message>
        <source>A sub-processor with this name exists.</source>
        <translation>Det finns redan ett underbiträde med det namnet.</translation>
    </message>
    <message>
        <source>Another sub-processor already covers this remote tool.</source>
        <translation>Ett annat underbiträde täcker redan det här fjärrverktyget.</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD.</source>
        <translation>Skriv datumet som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>&apos;%(item)s&apos; is not an item of the checklist.</source>
        <translation>”%(item)s” är ingen punkt i checklistan.</translation>
    </message>
    <message>
        <source>The status must be yes, no, partly or not assessed.</source>
        <translation>Status måste vara ja, nej, delvis eller ej bedömd.</translation>
    </message>
    <message>
        <source>The evidence note is too long (at most %(limit)s).</source>
        <translation>Underlaget är för långt (högst %(limit)s tecken).</translation>
    </message>
    <message>
        <source>Choose a file to attach.</source>
        <translation>Välj en fil att bifoga.</translation>
    </message>
    <message>
        <source>The file is %(size_mb)s MB; at most %(max_mb)s MB can be attached. Attach a smaller copy or record a document reference instead.</source>
        <translation>Filen är %(size_mb)s MB; högst %(max_mb)s MB kan bifogas. Bifoga en mindre kopia eller ange en dokumentreferens i stället.</translation>
    </message>
    <message>
        <source>This evidence file no longer exists.</source>
        <translation>Underlagsfilen finns inte längre.</translation>
    </message>
    <message>
        <source>The stored file no longer matches the SHA-256 recorded when it was added.</source>
        <translation>Den sparade filen stämmer inte längre med den SHA-256 som registrerades när den bifogades.</translation>
    </message>
    <message>
        <source>The copy does not match the stored SHA-256.</source>
        <translation>Kopian stämmer inte med den sparade SHA-256.</translation>
    </message>
    <message>
        <source>The file could not be read: %(reason)s</source>
        <translation>Filen kunde inte läsas: %(reason)s</translation>
    </message>
    <message>
        <source>The file could not be written: %(reason)s</source>
        <translation>Filen kunde inte skrivas: %(reason)s</translation>
    </message>
    <message>
        <source>The change is an addition or a replacement.</source>
        <translation>Ändringen är ett tillägg eller en ersättning.</translation>
    </message>
    <message>
        <source>Describe the change (which sub-processor, why).</source>
        <translation>Beskriv ändringen (vilket underbiträde, varför).</translation>
    </message>
    <message>
        <source>Give the date the change takes effect.</source>
        <translation>Ange datumet då ändringen börjar gälla.</translation>
    </message>
    <message>
        <source>An objection window starts when customers are notified.</source>
        <translation>Tiden för invändningar börjar när kunderna har informerats.</translation>
    </message>
    <message>
        <source>The objection window cannot end before customers are told.</source>
        <translation>Tiden för invändningar kan inte sluta innan kunderna har informerats.</translation>
    </message>
    <message>
        <source>The objection window must end before the change takes effect.</source>
        <translation>Tiden för invändningar måste sluta innan ändringen börjar gälla.</translation>
    </message>
    <message>
        <source>Give the date the objection was received.</source>
        <translation>Ange datumet då invändningen kom in.</translation>
    </message>
    <message>
        <source>This planned change no longer exists.</source>
        <translation>Den planerade ändringen finns inte längre.</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>Kunden finns inte längre.</translation>
    </message>
    <message>
        <source>This is not a valid organisation number (NNNNNN-NNNN).</source>
        <translation>Det är inget giltigt organisationsnummer (NNNNNN-NNNN).</translation>
    </message>
    <message>
        <source>No customer has this organisation number.</source>
        <translation>Ingen kund har det organisationsnumret.</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punkt</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Storlek (byte)</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Bifogad av</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Bifogad</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Inte exporterat</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunde inte skrivas: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporterat till %1</translation>
    </message>
</context>
<context>
    <name>NoDpaModel</name>
    <message>
        <source>Org. number</source>
        <translation>Org.nummer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kund sedan</translation>
    </message>
</context>
<context>
    <name>NoDpaPanel</name>
    <message>
        <source>Active customers without a signed DPA</source>
        <translation>Aktiva kunder utan undertecknat PUB-avtal</translation>
    </message>
    <message>
        <source>BoWebb processes these customers&apos; data without a signed data processing agreement (DPA). Ask them to sign it.</source>
        <translation>BoWebb behandlar de här kundernas uppgifter utan undertecknat personuppgiftsbiträdesavtal (PUB-avtal). Be dem underteckna det.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln kund</numerusform>
            <numerusform>%Ln kunder</numerusform>
        </translation>
    </message>
    <message>
        <source>The list could not be loaded: %1</source>
        <translation>Listan kunde inte läsas in: %1</translation>
    </message>
</context>
<context>
    <name>ObjectionsModel</name>
    <message>
        <source>Received</source>
        <translation>Mottagen</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <source>Org. number</source>
        <translation>Org.nummer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Sub-processor</source>
        <translation>Underbiträde</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Behandling</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Lagring</translation>
    </message>
    <message>
        <source>DPA signed</source>
        <translation>PUB-avtal undertecknat</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nästa granskning</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flaggor</translation>
    </message>
    <message>
        <source>What is flagged</source>
        <translation>Vad som flaggas</translation>
    </message>
</context>
<context>
    <name>SubProcessorDialog</name>
    <message>
        <source>Edit sub-processor</source>
        <translation>Redigera underbiträde</translation>
    </message>
    <message>
        <source>Add sub-processor</source>
        <translation>Lägg till underbiträde</translation>
    </message>
    <message>
        <source>ISO 3166 codes, e.g. SE, DE</source>
        <translation>ISO 3166-koder, t.ex. SE, DE</translation>
    </message>
    <message>
        <source>ISO 3166 codes, e.g. SE</source>
        <translation>ISO 3166-koder, t.ex. SE</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktivt</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>avslutat</translation>
    </message>
    <message>
        <source>Still receives personal data</source>
        <translation>Tar fortfarande emot personuppgifter</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Inget</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Registreringsnummer</translation>
    </message>
    <message>
        <source>Service provided</source>
        <translation>Tjänst som utförs</translation>
    </message>
    <message>
        <source>Categories of personal data</source>
        <translation>Kategorier av personuppgifter</translation>
    </message>
    <message>
        <source>Processing locations</source>
        <translation>Behandlingsplatser</translation>
    </message>
    <message>
        <source>Storage locations</source>
        <translation>Lagringsplatser</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>DPA reference</source>
        <translation>Avtalsreferens</translation>
    </message>
    <message>
        <source>DPA signed on</source>
        <translation>PUB-avtal undertecknat</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Nästa granskning</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>Avslutat den</translation>
    </message>
    <message>
        <source>Remote-control tool</source>
        <translation>Fjärrstyrningsverktyg</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>SubProcessorTexts</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>delvis</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>ej bedömd</translation>
    </message>
    <message>
        <source>Outside the EU/EEA, a breach of the policy: %1</source>
        <translation>Utanför EU/EES, bryter mot policyn: %1</translation>
    </message>
    <message>
        <source>Outside the EU; GDPR applies (EEA) but the policy says EU: %1</source>
        <translation>Utanför EU; GDPR gäller (EES) men policyn säger EU: %1</translation>
    </message>
    <message>
        <source>Ended but still marked as receiving data</source>
        <translation>Avslutat men tar fortfarande emot uppgifter</translation>
    </message>
    <message>
        <source>No signed DPA</source>
        <translation>Inget undertecknat PUB-avtal</translation>
    </message>
    <message>
        <source>Checklist: %1 item(s) not yes</source>
        <translation>Checklista: %1 punkt(er) inte ja</translation>
    </message>
    <message>
        <source>Review overdue %1</source>
        <translation>Granskningen är försenad %1</translation>
    </message>
    <message>
        <source>addition</source>
        <translation>tillägg</translation>
    </message>
    <message>
        <source>replacement</source>
        <translation>ersättning</translation>
    </message>
</context>
<context>
    <name>SubProcessorsView</name>
    <message>
        <source>Sub-processor register</source>
        <translation>Register över underbiträden</translation>
    </message>
    <message>
        <source>Add sub-processor…</source>
        <translation>Lägg till underbiträde…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigera…</translation>
    </message>
    <message>
        <source>Register as CSV…</source>
        <translation>Registret som CSV…</translation>
    </message>
    <message>
        <source>Register as PDF…</source>
        <translation>Registret som PDF…</translation>
    </message>
    <message>
        <source>Read only: only admins change the sub-processor register.</source>
        <translation>Endast läsning: bara administratörer ändrar registret över underbiträden.</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Planned changes</source>
        <translation>Planerade ändringar</translation>
    </message>
    <message>
        <source>Customers without DPA</source>
        <translation>Kunder utan PUB-avtal</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sub-processor(s)</source>
        <translation>
            <numerusform>%Ln underbiträde</numerusform>
            <numerusform>%Ln underbiträden</numerusform>
        </translation>
    </message>
    <message>
        <source>No flags: every sub-processor has a complete, signed DPA inside the EU and its review on time.</source>
        <translation>Inga flaggor: varje underbiträde har ett komplett, undertecknat PUB-avtal inom EU och granskas i tid.</translation>
    </message>
    <message>
        <source>%1 of %2 flagged: %3 outside the EU/EEA (breach of the policy), %8 in the EEA but outside the EU (the policy says EU), %4 without a signed DPA, %5 with checklist gaps, %6 review overdue, %7 ended but still receiving data.</source>
        <translation>%1 av %2 flaggade: %3 utanför EU/EES (bryter mot policyn), %8 i EES men utanför EU (policyn säger EU), %4 utan undertecknat PUB-avtal, %5 med brister i checklistan, %6 med försenad granskning, %7 avslutade men tar fortfarande emot uppgifter.</translation>
    </message>
    <message>
        <source>The register could not be loaded: %1 Press Refresh to try again.</source>
        <translation>Registret kunde inte läsas in: %1 Tryck på Uppdatera för att försöka igen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <source>Export register</source>
        <translation>Exportera registret</translation>
    </message>
</context>
</TS>
