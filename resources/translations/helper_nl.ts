<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>CheckPage</name>
    <message>
        <source>Check this device</source>
        <translation>Dit apparaat controleren</translation>
    </message>
    <message>
        <source>Checking what manages this device…</source>
        <translation>Controleren wat dit apparaat beheert…</translation>
    </message>
    <message>
        <source>Checking this device</source>
        <translation>Dit apparaat wordt gecontroleerd</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Remind me later</source>
        <translation>Herinner me later</translation>
    </message>
    <message>
        <source>&amp;Technical details</source>
        <translation>&amp;Technische details</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technische details</translation>
    </message>
    <message>
        <source>Shows the evidence the helper found, for IT</source>
        <translation>Toont de gegevens die de assistent heeft gevonden, voor IT</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>Contact opnemen met &amp;IT</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>IT om hulp vragen met dit apparaat</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>&amp;Herinner me later</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>De overstap uitstellen; de assistent herinnert u eraan</translation>
    </message>
    <message>
        <source>&amp;Begin</source>
        <translation>&amp;Beginnen</translation>
    </message>
    <message>
        <source>Start moving this device</source>
        <translation>Beginnen met de overstap van dit apparaat</translation>
    </message>
    <message>
        <source>The helper could not start.</source>
        <translation>De assistent kon niet starten.</translation>
    </message>
    <message>
        <source>Contact IT and tell them what went wrong: %1</source>
        <translation>Neem contact op met IT en vertel wat er misging: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Voordat u begint</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Doorgaan</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Doorgaan</translation>
    </message>
    <message>
        <source>%1 manages this device: %2.</source>
        <translation>%1 beheert dit apparaat: %2.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages it too.</source>
        <translation>Microsoft Intune beheert het ook.</translation>
    </message>
    <message>
        <source>The helper will remind you on %1. You can close this window now, or begin anyway.</source>
        <translation>De assistent herinnert u op %1. U kunt dit venster nu sluiten of toch beginnen.</translation>
    </message>
    <message numerus="yes">
        <source>Not a good time? “Remind me later” postpones the move until %1 (%n time(s) left).</source>
        <translation>
            <numerusform>Komt het nu niet uit? “Herinner me later” stelt de overstap uit tot %1 (nog %n keer).</numerusform>
            <numerusform>Komt het nu niet uit? “Herinner me later” stelt de overstap uit tot %1 (nog %n keer).</numerusform>
        </translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Ondersteuningscode: %1</translation>
    </message>
    <message>
        <source>Verdict: %1 (%2)</source>
        <translation>Bevinding: %1 (%2)</translation>
    </message>
    <message>
        <source>Plan: %1, platform %2, vendor %3</source>
        <translation>Plan: %1, platform %2, leverancier %3</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Fase: %1</translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation>Redenen: %1</translation>
    </message>
    <message>
        <source>No detection this time (it failed).</source>
        <translation>Deze keer geen detectie (die is mislukt).</translation>
    </message>
    <message>
        <source>Legacy management: %1 (%2), removable: %3, server: %4</source>
        <translation>Oud beheer: %1 (%2), verwijderbaar: %3, server: %4</translation>
    </message>
    <message>
        <source>Microsoft Intune enrolled: %1</source>
        <translation>Ingeschreven in Microsoft Intune: %1</translation>
    </message>
    <message>
        <source>Microsoft Entra: %1 (%2)</source>
        <translation>Microsoft Entra: %1 (%2)</translation>
    </message>
    <message>
        <source>Warning %1: %2</source>
        <translation>Waarschuwing %1: %2</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Bronnen:</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>the deadline</source>
        <translation>de uiterste datum</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Instellingen openen</translation>
    </message>
    <message>
        <source>Open Company Portal</source>
        <translation>Bedrijfsportal openen</translation>
    </message>
    <message>
        <source>Open Windows enrollment</source>
        <translation>Windows-inschrijving openen</translation>
    </message>
    <message>
        <source>Open Microsoft Store</source>
        <translation>Microsoft Store openen</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>Openen in de browser</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Run as administrator…</source>
        <translation>Uitvoeren als administrator…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Uitvoeren…</translation>
    </message>
    <message>
        <source>Page content</source>
        <translation>Pagina-inhoud</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Bezig met controleren…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Opnieuw controleren</translation>
    </message>
    <message>
        <source>What you can try:</source>
        <translation>Wat u kunt proberen:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ConfirmCommandDialog</name>
    <message>
        <source>Run this command?</source>
        <translation>Deze opdracht uitvoeren?</translation>
    </message>
    <message>
        <source>The helper will run exactly this command on this device:</source>
        <translation>De assistent voert precies deze opdracht uit op dit apparaat:</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Opdracht</translation>
    </message>
    <message>
        <source>It needs administrator rights: your system will ask for an administrator password or approval. Nothing runs unless you approve it there too.</source>
        <translation>Hiervoor zijn administratorrechten nodig: uw systeem vraagt om een administratorwachtwoord of goedkeuring. Er wordt niets uitgevoerd tenzij u daar ook toestemming geeft.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Uitvoeren</translation>
    </message>
</context>
<context>
    <name>ContactItPage</name>
    <message>
        <source>IT needs to help with this device</source>
        <translation>IT moet helpen met dit apparaat</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <source>Your support code</source>
        <translation>Uw ondersteuningscode</translation>
    </message>
    <message>
        <source>Give IT this code: it lets them find this device and see how far it got.</source>
        <translation>Geef IT deze code: daarmee vinden ze dit apparaat en zien ze hoe ver het is gekomen.</translation>
    </message>
    <message>
        <source>Co&amp;py for IT</source>
        <translation>&amp;Kopiëren voor IT</translation>
    </message>
    <message>
        <source>Copies a short summary for IT: support code, management and codes</source>
        <translation>Kopieert een korte samenvatting voor IT: ondersteuningscode, beheer en codes</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>Opnieuw &amp;beginnen</translation>
    </message>
    <message>
        <source>Check this device again from the start</source>
        <translation>Dit apparaat opnieuw vanaf het begin controleren</translation>
    </message>
    <message>
        <source>I’ve c&amp;ontacted IT</source>
        <translation>Ik heb &amp;contact opgenomen met IT</translation>
    </message>
    <message>
        <source>Tell the helper you have asked IT for help</source>
        <translation>Laat de assistent weten dat u IT om hulp hebt gevraagd</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Opnieuw controleren</translation>
    </message>
    <message>
        <source>Once IT has acted, check this device again</source>
        <translation>Controleer dit apparaat opnieuw zodra IT actie heeft ondernomen</translation>
    </message>
    <message>
        <source>Support code %1</source>
        <translation>Ondersteuningscode %1</translation>
    </message>
    <message>
        <source>What to tell IT</source>
        <translation>Wat u aan IT vertelt</translation>
    </message>
    <message>
        <source>Copied. Paste it into your message or ticket to IT.</source>
        <translation>Gekopieerd. Plak het in uw bericht of ticket aan IT.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>All done</source>
        <translation>Helemaal klaar</translation>
    </message>
    <message>
        <source>Status updates for IT</source>
        <translation>Statusupdates voor IT</translation>
    </message>
    <message>
        <source>&amp;Sign in to send the status updates…</source>
        <translation>&amp;Aanmelden om de statusupdates te verzenden…</translation>
    </message>
    <message>
        <source>Sign in with your work account in the browser</source>
        <translation>Aanmelden met uw werkaccount in de browser</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>&amp;Instructies voor een ander apparaat…</translation>
    </message>
    <message>
        <source>Steps and QR codes to move a phone or tablet</source>
        <translation>Stappen en QR-codes om een telefoon of tablet over te zetten</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Close the helper</source>
        <translation>De assistent sluiten</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat er is gebeurd</translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Ondersteuningscode: %1</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Technical details</source>
        <translation>Technische details</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>&amp;Details weergeven</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopiëren</translation>
    </message>
    <message numerus="yes">
        <source>This happened %n time(s) so far.</source>
        <translation>
            <numerusform>Dit is tot nu toe %n keer gebeurd.</numerusform>
            <numerusform>Dit is tot nu toe %n keer gebeurd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>&amp;Details verbergen</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <source>Something went wrong. You can keep using the helper; if this happens again, contact your IT support and give them the details (“Copy details”).</source>
        <translation>Er is iets misgegaan. U kunt de assistent blijven gebruiken; als dit opnieuw gebeurt, neem dan contact op met uw IT-ondersteuning en geef hun de details (“Details kopiëren”).</translation>
    </message>
</context>
<context>
    <name>Fold</name>
    <message>
        <source>More</source>
        <translation>Meer weergeven</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Minder weergeven</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>iPhone or iPad</source>
        <translation>iPhone of iPad</translation>
    </message>
    <message>
        <source>Android phone or tablet</source>
        <translation>Android-telefoon of -tablet</translation>
    </message>
    <message>
        <source>Windows 10 Mobile</source>
        <translation>Windows 10 Mobile</translation>
    </message>
    <message>
        <source>Windows 8.1</source>
        <translation>Windows 8.1</translation>
    </message>
    <message>
        <source>Guide another device</source>
        <translation>Instructies voor een ander apparaat</translation>
    </message>
    <message>
        <source>Choose the device to move and what manages it today: the steps below are the ones to follow on that device.</source>
        <translation>Kies het apparaat dat overstapt en wat het nu beheert: de stappen hieronder volgt u op dat apparaat.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Apparaat:</translation>
    </message>
    <message>
        <source>&amp;Managed today by:</source>
        <translation>&amp;Nu beheerd door:</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Stappen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Another system, or not sure</source>
        <translation>Een ander systeem, of niet zeker</translation>
    </message>
    <message>
        <source>Nothing: not managed yet</source>
        <translation>Niets: nog niet beheerd</translation>
    </message>
    <message>
        <source>The steps for this device cannot be shown: %1</source>
        <translation>De stappen voor dit apparaat kunnen niet worden weergegeven: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Voordat u begint</translation>
    </message>
    <message>
        <source>Leave the current management</source>
        <translation>Het huidige beheer verlaten</translation>
    </message>
    <message>
        <source>Check that it has left</source>
        <translation>Controleren of het is verwijderd</translation>
    </message>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>Inschrijven in Microsoft Intune</translation>
    </message>
    <message>
        <source>Check the enrollment</source>
        <translation>De inschrijving controleren</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contact opnemen met IT</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>QR-code voor %1</translation>
    </message>
    <message>
        <source>Scan this code with the camera of the other device to open %1</source>
        <translation>Scan deze code met de camera van het andere apparaat om %1 te openen</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koppeling</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Koppeling kopiëren</translation>
    </message>
    <message>
        <source>Link copied to the clipboard.</source>
        <translation>Koppeling gekopieerd naar het klembord.</translation>
    </message>
</context>
<context>
    <name>HelpdeskPanel</name>
    <message>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <source>Support code</source>
        <translation>Ondersteuningscode</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopiëren</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Detection (JSON)</source>
        <translation>Detectie (JSON)</translation>
    </message>
    <message>
        <source>Journey (JSON)</source>
        <translation>Traject (JSON)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <source>&amp;Refresh the log</source>
        <translation>Logboek &amp;vernieuwen</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Detectie</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Traject</translation>
    </message>
    <message>
        <source>Open a capture a user sent (“Open a capture…”) to see what their device shows and the steps it would get.</source>
        <translation>Open een opname die een gebruiker heeft gestuurd (“Een opname openen…”) om te zien wat diens apparaat toont en welke stappen het zou krijgen.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Stappen</translation>
    </message>
    <message>
        <source>Detection of the capture (JSON)</source>
        <translation>Detectie van de opname (JSON)</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Afspelen</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>&amp;Diagnose kopiëren</translation>
    </message>
    <message>
        <source>&amp;Export capture (.zip)…</source>
        <translation>Opname &amp;exporteren (.zip)…</translation>
    </message>
    <message>
        <source>&amp;Open a capture…</source>
        <translation>Een opname &amp;openen…</translation>
    </message>
    <message>
        <source>No journey yet: the helper has not checked this device in this session.</source>
        <translation>Nog geen traject: de assistent heeft dit apparaat in deze sessie nog niet gecontroleerd.</translation>
    </message>
    <message>
        <source>No detection yet.</source>
        <translation>Nog geen detectie.</translation>
    </message>
    <message>
        <source>No journey yet.</source>
        <translation>Nog geen traject.</translation>
    </message>
    <message>
        <source>The last detection failed; see the log.</source>
        <translation>De laatste detectie is mislukt; zie het logboek.</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Fase: %1</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Route: %1</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Platform: %1</translation>
    </message>
    <message>
        <source>Legacy vendor: %1</source>
        <translation>Oude leverancier: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Bevinding: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Waarom: %1</translation>
    </message>
    <message>
        <source>Failed checks: %1</source>
        <translation>Mislukte controles: %1</translation>
    </message>
    <message>
        <source>Next reminder: %1</source>
        <translation>Volgende herinnering: %1</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>Laatste wijziging: %1</translation>
    </message>
    <message>
        <source>Detection warnings:</source>
        <translation>Waarschuwingen van de detectie:</translation>
    </message>
    <message>
        <source>Journey warnings: %1</source>
        <translation>Waarschuwingen van het traject: %1</translation>
    </message>
    <message>
        <source>The log file cannot be read: %1</source>
        <translation>Het logbestand kan niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>The log file is empty or does not exist yet: %1</source>
        <translation>Het logbestand is leeg of bestaat nog niet: %1</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard (no secrets included).</source>
        <translation>Diagnose gekopieerd naar het klembord (zonder geheimen).</translation>
    </message>
    <message>
        <source>Support code copied to the clipboard.</source>
        <translation>Ondersteuningscode gekopieerd naar het klembord.</translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>Opname exporteren</translation>
    </message>
    <message>
        <source>Capture (*.zip)</source>
        <translation>Opname (*.zip)</translation>
    </message>
    <message>
        <source>Capturing this device…</source>
        <translation>Dit apparaat wordt vastgelegd…</translation>
    </message>
    <message numerus="yes">
        <source>Capture saved to %1 (%n evidence file(s)).</source>
        <translation>
            <numerusform>Opname opgeslagen in %1 (%n bewijsbestand).</numerusform>
            <numerusform>Opname opgeslagen in %1 (%n bewijsbestanden).</numerusform>
        </translation>
    </message>
    <message>
        <source>The capture could not be saved: %1</source>
        <translation>De opname kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>Open a capture</source>
        <translation>Een opname openen</translation>
    </message>
    <message>
        <source>Capture (*.zip capture.json);;All files (*)</source>
        <translation>Opname (*.zip capture.json);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Opening the capture…</source>
        <translation>De opname wordt geopend…</translation>
    </message>
    <message>
        <source>Capture: %1 (taken %2)</source>
        <translation>Opname: %1 (gemaakt %2)</translation>
    </message>
    <message>
        <source>Verdict: %1. Path: %2.</source>
        <translation>Bevinding: %1. Route: %2.</translation>
    </message>
    <message>
        <source>Capture opened (read-only).</source>
        <translation>Opname geopend (alleen-lezen).</translation>
    </message>
    <message>
        <source>This is not a capture: %1</source>
        <translation>Dit is geen opname: %1</translation>
    </message>
    <message>
        <source>This capture is too large: %1</source>
        <translation>Deze opname is te groot: %1</translation>
    </message>
    <message>
        <source>This capture is damaged or not valid: %1</source>
        <translation>Deze opname is beschadigd of ongeldig: %1</translation>
    </message>
    <message>
        <source>The helper’s IT content is not valid: %1</source>
        <translation>De IT-inhoud van de assistent is ongeldig: %1</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Het bestand kan niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>This capture cannot be replayed: %1</source>
        <translation>Deze opname kan niet worden afgespeeld: %1</translation>
    </message>
</context>
<context>
    <name>IntuneStatusCard</name>
    <message>
        <source>What Intune says</source>
        <translation>Wat Intune meldt</translation>
    </message>
    <message>
        <source>✓ Confirmed by Intune</source>
        <translation>✓ Bevestigd door Intune</translation>
    </message>
    <message>
        <source>✓ Compliant with your organization’s rules</source>
        <translation>✓ Voldoet aan de regels van uw organisatie</translation>
    </message>
    <message>
        <source>Not compliant yet: some of your organization’s rules are not met on this device</source>
        <translation>Nog niet conform: dit apparaat voldoet nog niet aan enkele regels van uw organisatie</translation>
    </message>
    <message>
        <source>Compliance not evaluated yet</source>
        <translation>Naleving nog niet beoordeeld</translation>
    </message>
    <message numerus="yes">
        <source>Not yet confirmed by Intune (it can take up to %n hour(s))</source>
        <translation>
            <numerusform>Nog niet bevestigd door Intune (dit kan tot %n uur duren)</numerusform>
            <numerusform>Nog niet bevestigd door Intune (dit kan tot %n uur duren)</numerusform>
        </translation>
    </message>
    <message>
        <source>It is taking longer than it should: contact IT with your support code.</source>
        <translation>Dit duurt langer dan zou moeten: neem contact op met IT en geef uw ondersteuningscode door.</translation>
    </message>
    <message>
        <source>Intune no longer lists this device: contact IT with your support code.</source>
        <translation>Intune vermeldt dit apparaat niet meer: neem contact op met IT en geef uw ondersteuningscode door.</translation>
    </message>
    <message>
        <source>Your old device management is back on this device: contact IT with your support code.</source>
        <translation>Uw oude apparaatbeheer is terug op dit apparaat: neem contact op met IT en geef uw ondersteuningscode door.</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>Inschrijven in Microsoft Intune</translation>
    </message>
    <message>
        <source>First the helper checks that this device can enroll. Then follow the steps to enroll it in Microsoft Intune, and press “I’ve done it — check again”.</source>
        <translation>Eerst controleert de assistent of dit apparaat kan worden ingeschreven. Volg daarna de stappen om het in te schrijven in Microsoft Intune en klik op “Klaar — opnieuw controleren”.</translation>
    </message>
</context>
<context>
    <name>LeavePage</name>
    <message>
        <source>Leave %1</source>
        <translation>%1 verlaten</translation>
    </message>
    <message>
        <source>Follow these steps to remove %1 from this device. When you have done them, press “I’ve done it — check again”: the helper then checks the device.</source>
        <translation>Volg deze stappen om %1 van dit apparaat te verwijderen. Klik daarna op “Klaar — opnieuw controleren”: de assistent controleert dan het apparaat.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — Demo</source>
        <translation>%1 — Demo</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Gedaan: %1.</translation>
    </message>
    <message>
        <source>Still to come: %1.</source>
        <translation>Nog te gaan: %1.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Next reminder</source>
        <translation>Volgende herinnering</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Bezig…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>%1 logo</source>
        <translation>Logo van %1</translation>
    </message>
    <message>
        <source>Demo: a simulated device (scenario %1). Nothing on this computer is changed and nothing is sent to IT.</source>
        <translation>Demo: een gesimuleerd apparaat (scenario %1). Er verandert niets op deze computer en er wordt niets naar IT verzonden.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demomodus</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>the old management</source>
        <translation>het oude beheer</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Stap %1 van %2: %3</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Afsl&amp;uiten</translation>
    </message>
    <message>
        <source>&amp;Sign in to send status updates</source>
        <translation>&amp;Aanmelden om statusupdates te verzenden</translation>
    </message>
    <message>
        <source>&amp;Helpdesk panel…</source>
        <translation>&amp;Helpdeskpaneel…</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>&amp;Instructies voor een ander apparaat…</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;Over %1</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Over %1</translation>
    </message>
    <message>
        <source>%1 %2
Helps you move this device to Microsoft Intune.</source>
        <translation>%1 %2
Helpt u dit apparaat over te zetten naar Microsoft Intune.</translation>
    </message>
    <message>
        <source>Leave %1</source>
        <translation>%1 verlaten</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welkom</translation>
    </message>
    <message>
        <source>Check this device</source>
        <translation>Dit apparaat controleren</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>Inschrijven in Intune</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contact opnemen met IT</translation>
    </message>
    <message>
        <source>%1 %2: request for help</source>
        <translation>%1 %2: verzoek om hulp</translation>
    </message>
    <message>
        <source>The device has not been checked yet.</source>
        <translation>Het apparaat is nog niet gecontroleerd.</translation>
    </message>
    <message>
        <source>Support code</source>
        <translation>Ondersteuningscode</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Legacy vendor</source>
        <translation>Oude leverancier</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bevinding</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>Mislukte controles</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Waarschuwingen</translation>
    </message>
    <message>
        <source>Demo scenario</source>
        <translation>Demoscenario</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Bijgewerkt</translation>
    </message>
    <message>
        <source>Development mode: status updates go to a test collector on this computer (%1) with unsigned tokens. Never use this configuration on employees&apos; devices.</source>
        <translation>Ontwikkelmodus: statusupdates gaan naar een testcollector op deze computer (%1) met niet-ondertekende tokens. Gebruik deze configuratie nooit op apparaten van medewerkers.</translation>
    </message>
    <message>
        <source>Development mode</source>
        <translation>Ontwikkelmodus</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Aanmelden mislukt</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Opnieuw proberen</translation>
    </message>
</context>
<context>
    <name>ReminderPrompt</name>
    <message>
        <source>Reminder</source>
        <translation>Herinnering</translation>
    </message>
    <message>
        <source>It is time to finish moving this device to Microsoft Intune.</source>
        <translation>Het is tijd om de overstap van dit apparaat naar Microsoft Intune af te ronden.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Close this reminder</source>
        <translation>Deze herinnering sluiten</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>&amp;Herinner me later</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>De overstap uitstellen; de assistent herinnert u eraan</translation>
    </message>
    <message>
        <source>C&amp;ontinue now</source>
        <translation>Nu &amp;doorgaan</translation>
    </message>
    <message>
        <source>Open the helper where you left off</source>
        <translation>De assistent openen waar u was gebleven</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back today at %1.</source>
        <translation>“Herinner me later” toont deze herinnering vandaag om %1 opnieuw.</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back on %1 at %2.</source>
        <translation>“Herinner me later” toont deze herinnering op %1 om %2 opnieuw.</translation>
    </message>
    <message>
        <source>The deadline has passed: this reminder can no longer be postponed. You can close it, but company apps may stop working on this device until it is moved.</source>
        <translation>De uiterste datum is verstreken: deze herinnering kan niet meer worden uitgesteld. U kunt haar sluiten, maar bedrijfsapps werken op dit apparaat mogelijk niet meer totdat het is overgezet.</translation>
    </message>
    <message>
        <source>You have postponed as many times as IT allows: this reminder can no longer be postponed. You can close it.</source>
        <translation>U hebt zo vaak uitgesteld als IT toestaat: deze herinnering kan niet meer worden uitgesteld. U kunt haar sluiten.</translation>
    </message>
    <message>
        <source>This reminder cannot be postponed. You can close it.</source>
        <translation>Deze herinnering kan niet worden uitgesteld. U kunt haar sluiten.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Next reminder: today at %1</source>
        <translation>Volgende herinnering: vandaag om %1</translation>
    </message>
    <message>
        <source>Next reminder: %1 at %2</source>
        <translation>Volgende herinnering: %1 om %2</translation>
    </message>
</context>
<context>
    <name>ServerReleasePanel</name>
    <message>
        <source>IT’s server can remove %1 from this device for you, without a call to IT. It may need IT’s approval first.</source>
        <translation>De server van IT kan %1 voor u van dit apparaat verwijderen, zonder dat u IT hoeft te bellen. Mogelijk is eerst goedkeuring van IT nodig.</translation>
    </message>
    <message>
        <source>Ask IT’s server to remove %1</source>
        <translation>De server van IT vragen %1 te verwijderen</translation>
    </message>
    <message>
        <source>Asks IT’s server to release this device from its old management</source>
        <translation>Vraagt de server van IT dit apparaat vrij te geven uit het oude beheer</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 verwijderen?</translation>
    </message>
    <message>
        <source>IT’s server will ask %1 to stop managing this device. Its apps, settings and Wi-Fi or VPN profiles from %1 go with it. Keep this device switched on and connected until the helper says it is done.</source>
        <translation>De server van IT vraagt %1 dit apparaat niet langer te beheren. De apps, instellingen en wifi- of VPN-profielen van %1 verdwijnen daarmee ook. Houd dit apparaat ingeschakeld en verbonden totdat de assistent meldt dat het klaar is.</translation>
    </message>
    <message>
        <source>Your request is waiting for IT’s approval. You can leave this window open: it checks by itself.</source>
        <translation>Uw verzoek wacht op goedkeuring van IT. U kunt dit venster open laten: het controleert dit zelf.</translation>
    </message>
    <message>
        <source>IT’s server is asking %1 to release this device…</source>
        <translation>De server van IT vraagt %1 dit apparaat vrij te geven…</translation>
    </message>
    <message>
        <source>%1 agreed to release this device. Checking the device…</source>
        <translation>%1 heeft ingestemd met het vrijgeven van dit apparaat. Het apparaat wordt gecontroleerd…</translation>
    </message>
    <message>
        <source>The request was refused. Contact IT with your support code.</source>
        <translation>Het verzoek is geweigerd. Neem contact op met IT en geef uw ondersteuningscode door.</translation>
    </message>
    <message>
        <source>IT’s server could not release this device from %1. Contact IT with your support code.</source>
        <translation>De server van IT kon dit apparaat niet laten vrijgeven door %1. Neem contact op met IT en geef uw ondersteuningscode door.</translation>
    </message>
    <message>
        <source>IT’s server cannot do this for this device. Contact IT with your support code.</source>
        <translation>De server van IT kan dit niet doen voor dit apparaat. Neem contact op met IT en geef uw ondersteuningscode door.</translation>
    </message>
    <message>
        <source>IT’s server cannot be reached right now. The helper tries again in a moment.</source>
        <translation>De server van IT is op dit moment niet bereikbaar. De assistent probeert het zo opnieuw.</translation>
    </message>
    <message>
        <source>Sign in with your work account first, then ask again.</source>
        <translation>Meld u eerst aan met uw werkaccount en vraag het daarna opnieuw.</translation>
    </message>
    <message>
        <source>%1 will leave this device the next time it is online. Keep it connected for a few minutes, then choose Check again.</source>
        <translation>%1 wordt van dit apparaat verwijderd zodra het apparaat weer online is. Houd het een paar minuten verbonden en klik daarna op “Opnieuw controleren”.</translation>
    </message>
</context>
<context>
    <name>StagePage</name>
    <message>
        <source>What went wrong</source>
        <translation>Wat er misging</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>Contact opnemen met &amp;IT</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>IT om hulp vragen met dit apparaat</translation>
    </message>
    <message>
        <source>I’ve &amp;done it — check again</source>
        <translation>&amp;Klaar — opnieuw controleren</translation>
    </message>
    <message>
        <source>The helper checks this device again to see whether the steps worked</source>
        <translation>De assistent controleert dit apparaat opnieuw om te zien of de stappen hebben gewerkt</translation>
    </message>
    <message>
        <source>Check %1 of %2: after that, the helper asks you to contact IT.</source>
        <translation>Controle %1 van %2: daarna vraagt de assistent u contact op te nemen met IT.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong</source>
        <translation>Er is iets misgegaan</translation>
    </message>
    <message>
        <source>The helper could not finish a task. Your progress is saved: you can try again, or contact IT.</source>
        <translation>De assistent kon een taak niet afronden. Uw voortgang is opgeslagen: u kunt het opnieuw proberen of contact opnemen met IT.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Move this device to Microsoft Intune</source>
        <translation>Dit apparaat overzetten naar Microsoft Intune</translation>
    </message>
    <message>
        <source>A message from %1</source>
        <translation>Een bericht van %1</translation>
    </message>
    <message>
        <source>Message from IT</source>
        <translation>Bericht van IT</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Uiterste datum</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Wat er gaat gebeuren</translation>
    </message>
    <message>
        <source>1. The helper checks what manages this device. Nothing changes yet.</source>
        <translation>1. De assistent controleert wat dit apparaat beheert. Er verandert nog niets.</translation>
    </message>
    <message>
        <source>2. You remove the old management. Company mail, Wi-Fi, VPN, certificates and the company apps it installed are removed for a while.</source>
        <translation>2. U verwijdert het oude beheer. Zakelijke e-mail, wifi, VPN, certificaten en de bedrijfsapps die het heeft geïnstalleerd, worden tijdelijk verwijderd.</translation>
    </message>
    <message>
        <source>3. You enroll the device in Microsoft Intune, which sets them up again.</source>
        <translation>3. U schrijft het apparaat in bij Microsoft Intune, dat ze opnieuw instelt.</translation>
    </message>
    <message>
        <source>You can close this window at any time: the helper remembers where you are.</source>
        <translation>U kunt dit venster op elk moment sluiten: de assistent onthoudt waar u bent gebleven.</translation>
    </message>
    <message>
        <source>What IT receives</source>
        <translation>Wat IT ontvangt</translation>
    </message>
    <message>
        <source>So that IT can help when a step fails, the helper tells IT how far this device got: the step reached, result and error codes, the device&apos;s platform and the name of its old management, with the times. It never sends your name, your e-mail address, the device&apos;s name or your files.</source>
        <translation>Zodat IT kan helpen als een stap mislukt, laat de assistent IT weten hoe ver dit apparaat is gekomen: de bereikte stap, resultaat- en foutcodes, het platform van het apparaat en de naam van het oude beheer, met de tijdstippen. Uw naam, uw e-mailadres, de naam van het apparaat of uw bestanden worden nooit verzonden.</translation>
    </message>
    <message>
        <source>This helper sends nothing to IT: what it finds stays on this device. If you need help, you give IT a support code.</source>
        <translation>Deze assistent verzendt niets naar IT: wat hij vindt, blijft op dit apparaat. Hebt u hulp nodig, dan geeft u IT een ondersteuningscode.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Read the &amp;privacy notice</source>
        <translation>De &amp;privacyverklaring lezen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Check this device and see what to do</source>
        <translation>Dit apparaat controleren en zien wat u moet doen</translation>
    </message>
    <message>
        <source>&amp;Continue where you left off</source>
        <translation>&amp;Verdergaan waar u was gebleven</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>Verdergaan waar u was gebleven</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Unexpected result (code %1).</source>
        <translation>Onverwacht resultaat (code %1).</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Niet bekend.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system.</source>
        <translation>Dit apparaat wordt beheerd door een oud beheersysteem.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system and by Microsoft Intune at once.</source>
        <translation>Dit apparaat wordt tegelijk beheerd door een oud beheersysteem en door Microsoft Intune.</translation>
    </message>
    <message>
        <source>This device is managed by Microsoft Intune.</source>
        <translation>Dit apparaat wordt beheerd door Microsoft Intune.</translation>
    </message>
    <message>
        <source>This device is not managed by any management system.</source>
        <translation>Dit apparaat wordt door geen enkel beheersysteem beheerd.</translation>
    </message>
    <message>
        <source>The helper could not tell what manages this device.</source>
        <translation>De assistent kon niet vaststellen wat dit apparaat beheert.</translation>
    </message>
    <message>
        <source>joined to Microsoft Entra ID</source>
        <translation>gekoppeld aan Microsoft Entra ID</translation>
    </message>
    <message>
        <source>hybrid joined (on-premises domain and Microsoft Entra ID)</source>
        <translation>hybride gekoppeld (on-premises domein en Microsoft Entra ID)</translation>
    </message>
    <message>
        <source>joined to an on-premises domain only</source>
        <translation>alleen gekoppeld aan een on-premises domein</translation>
    </message>
    <message>
        <source>registered with Microsoft Entra ID (work account)</source>
        <translation>geregistreerd bij Microsoft Entra ID (werkaccount)</translation>
    </message>
    <message>
        <source>not joined to Microsoft Entra ID</source>
        <translation>niet gekoppeld aan Microsoft Entra ID</translation>
    </message>
    <message>
        <source>Microsoft Entra join state unknown</source>
        <translation>koppelingsstatus met Microsoft Entra onbekend</translation>
    </message>
    <message>
        <source>you can remove it yourself</source>
        <translation>u kunt het beheer zelf verwijderen</translation>
    </message>
    <message>
        <source>only IT can remove it</source>
        <translation>alleen IT kan het beheer verwijderen</translation>
    </message>
    <message>
        <source>whether you can remove it yourself is not known</source>
        <translation>niet bekend of u het beheer zelf kunt verwijderen</translation>
    </message>
    <message>
        <source>A fake enrollment key (FFFFFFFF-...) was ignored.</source>
        <translation>Een nep-inschrijvingssleutel (FFFFFFFF-...) is genegeerd.</translation>
    </message>
    <message>
        <source>Leftovers of an earlier enrollment were found.</source>
        <translation>Er zijn resten van een eerdere inschrijving gevonden.</translation>
    </message>
    <message>
        <source>The tenant has automatic MDM enrollment configured, but that alone does not mean this device is enrolled.</source>
        <translation>Voor de tenant is automatische MDM-inschrijving ingesteld, maar dat alleen betekent niet dat dit apparaat is ingeschreven.</translation>
    </message>
    <message>
        <source>Apple ADE assigns this device to a management server.</source>
        <translation>Apple ADE wijst dit apparaat toe aan een beheerserver.</translation>
    </message>
    <message>
        <source>The device was enrolled through Apple ADE: only IT can remove it.</source>
        <translation>Het apparaat is ingeschreven via Apple ADE: alleen IT kan het beheer verwijderen.</translation>
    </message>
    <message>
        <source>The management profile does not allow removal.</source>
        <translation>Het beheerprofiel staat verwijderen niet toe.</translation>
    </message>
    <message>
        <source>A source of evidence could not be read.</source>
        <translation>Een bron van gegevens kon niet worden gelezen.</translation>
    </message>
    <message>
        <source>A management agent is installed but the device is not enrolled.</source>
        <translation>Er is een beheeragent geïnstalleerd, maar het apparaat is niet ingeschreven.</translation>
    </message>
    <message>
        <source>Company Portal is installed, but the device is not enrolled in Intune.</source>
        <translation>Bedrijfsportal is geïnstalleerd, maar het apparaat is niet ingeschreven in Intune.</translation>
    </message>
    <message>
        <source>A management server that matches no known vendor was found.</source>
        <translation>Er is een beheerserver gevonden die bij geen enkele bekende leverancier past.</translation>
    </message>
    <message>
        <source>An enrollment exists but is not complete.</source>
        <translation>Er is een inschrijving, maar die is niet voltooid.</translation>
    </message>
    <message>
        <source>More than one legacy management was found.</source>
        <translation>Er is meer dan één oud beheer gevonden.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelezen</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ontbreekt</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>onleesbaar</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Voorbereiden</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlaten</translation>
    </message>
    <message>
        <source>Check it left</source>
        <translation>Controleren of het weg is</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>Inschrijven in Intune</translation>
    </message>
    <message>
        <source>Check it joined</source>
        <translation>Inschrijving controleren</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contact opnemen met IT</translation>
    </message>
    <message>
        <source>What happens next: you remove the old management from this device, then you enroll it in Microsoft Intune.</source>
        <translation>Wat er nu gebeurt: u verwijdert het oude beheer van dit apparaat en schrijft het daarna in bij Microsoft Intune.</translation>
    </message>
    <message>
        <source>What happens next: Microsoft Intune already manages this device; you only remove the old management.</source>
        <translation>Wat er nu gebeurt: Microsoft Intune beheert dit apparaat al; u verwijdert alleen het oude beheer.</translation>
    </message>
    <message>
        <source>What happens next: you enroll this device in Microsoft Intune.</source>
        <translation>Wat er nu gebeurt: u schrijft dit apparaat in bij Microsoft Intune.</translation>
    </message>
    <message>
        <source>Nothing left to do: this device has already moved.</source>
        <translation>Niets meer te doen: dit apparaat is al overgezet.</translation>
    </message>
    <message>
        <source>This device needs IT&apos;s help: you cannot move it yourself.</source>
        <translation>Dit apparaat heeft de hulp van IT nodig: u kunt het niet zelf overzetten.</translation>
    </message>
    <message>
        <source>The old management is still on this device.</source>
        <translation>Het oude beheer staat nog op dit apparaat.</translation>
    </message>
    <message>
        <source>Microsoft Intune does not manage this device yet.</source>
        <translation>Microsoft Intune beheert dit apparaat nog niet.</translation>
    </message>
    <message>
        <source>Your work account is connected, but Microsoft Intune does not manage this device yet.</source>
        <translation>Uw werkaccount is verbonden, maar Microsoft Intune beheert dit apparaat nog niet.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages this device, but it is not registered in your organization&apos;s Microsoft Entra ID yet: company mail and apps would refuse it.</source>
        <translation>Microsoft Intune beheert dit apparaat, maar het is nog niet geregistreerd in de Microsoft Entra ID van uw organisatie: zakelijke e-mail en apps zouden het weigeren.</translation>
    </message>
    <message>
        <source>This device is registered with another organization&apos;s Microsoft Entra ID, not yours.</source>
        <translation>Dit apparaat is geregistreerd in de Microsoft Entra ID van een andere organisatie, niet die van u.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device to tell whether that worked.</source>
        <translation>De assistent kon niet genoeg van dit apparaat lezen om te zien of dat is gelukt.</translation>
    </message>
    <message>
        <source>The old management is locked on this device: only IT can remove it.</source>
        <translation>Het oude beheer is vergrendeld op dit apparaat: alleen IT kan het verwijderen.</translation>
    </message>
    <message>
        <source>This device is managed by a system the helper does not know.</source>
        <translation>Dit apparaat wordt beheerd door een systeem dat de assistent niet kent.</translation>
    </message>
    <message>
        <source>IT has to take the next step for this device.</source>
        <translation>IT moet de volgende stap voor dit apparaat zetten.</translation>
    </message>
    <message>
        <source>The helper could not check this device.</source>
        <translation>De assistent kon dit apparaat niet controleren.</translation>
    </message>
    <message>
        <source>You asked IT for help.</source>
        <translation>U hebt IT om hulp gevraagd.</translation>
    </message>
    <message>
        <source>The old management is back on this device after you had removed it: its agent or one of its policies installed it again. Remove it once more; if it comes back again, ask IT to release this device in the old management before you try again.</source>
        <translation>Het oude beheer is terug op dit apparaat nadat u het had verwijderd: de agent of een van de beleidsregels ervan heeft het opnieuw geïnstalleerd. Verwijder het nog een keer; komt het weer terug, vraag IT dan dit apparaat vrij te geven in het oude beheer voordat u het opnieuw probeert.</translation>
    </message>
    <message>
        <source>The old management enrolled this device again by itself: Apple Business Manager still assigns it to the old server. Ask IT to assign this device to Microsoft Intune in Apple Business Manager and to release it in the old management, then check again.</source>
        <translation>Het oude beheer heeft dit apparaat uit zichzelf opnieuw ingeschreven: Apple Business Manager wijst het nog steeds toe aan de oude server. Vraag IT dit apparaat in Apple Business Manager toe te wijzen aan Microsoft Intune en het vrij te geven in het oude beheer, en controleer daarna opnieuw.</translation>
    </message>
    <message>
        <source>Nothing has changed on this device yet. If you have just done the step, wait a minute and check again.</source>
        <translation>Er is nog niets veranderd op dit apparaat. Hebt u de stap net uitgevoerd, wacht dan een minuut en controleer opnieuw.</translation>
    </message>
    <message>
        <source>The helper could not check this device this time. Try again in a moment.</source>
        <translation>De assistent kon dit apparaat deze keer niet controleren. Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device this time. Try again in a moment.</source>
        <translation>De assistent kon deze keer niet genoeg van dit apparaat lezen. Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <source>That is not possible at this point.</source>
        <translation>Dat is op dit moment niet mogelijk.</translation>
    </message>
    <message>
        <source>That step is not part of your plan.</source>
        <translation>Die stap hoort niet bij uw plan.</translation>
    </message>
    <message>
        <source>That step is already done.</source>
        <translation>Die stap is al gedaan.</translation>
    </message>
    <message>
        <source>Your organization does not allow postponing this move.</source>
        <translation>Uw organisatie staat niet toe dat u deze overstap uitstelt.</translation>
    </message>
    <message>
        <source>You have postponed this move as many times as allowed.</source>
        <translation>U hebt deze overstap zo vaak uitgesteld als is toegestaan.</translation>
    </message>
    <message>
        <source>The deadline has passed: this move cannot be postponed.</source>
        <translation>De uiterste datum is verstreken: deze overstap kan niet worden uitgesteld.</translation>
    </message>
    <message>
        <source>Your saved progress could not be read, so the helper started again from the check.</source>
        <translation>Uw opgeslagen voortgang kon niet worden gelezen, dus de assistent is opnieuw begonnen bij de controle.</translation>
    </message>
    <message>
        <source>Your saved progress could not be opened, so the helper started again from the check.</source>
        <translation>Uw opgeslagen voortgang kon niet worden geopend, dus de assistent is opnieuw begonnen bij de controle.</translation>
    </message>
    <message>
        <source>Your progress cannot be saved on this device: keep this window open until the end.</source>
        <translation>Uw voortgang kan op dit apparaat niet worden opgeslagen: houd dit venster open tot het einde.</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>te doen</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>bezig</translation>
    </message>
    <message>
        <source>done</source>
        <translation>gedaan</translation>
    </message>
    <message>
        <source>did not work</source>
        <translation>werkte niet</translation>
    </message>
    <message>
        <source>IT needs to act</source>
        <translation>IT moet iets doen</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>niet nodig</translation>
    </message>
    <message>
        <source>Your organization will ask you to move this device soon. The deadline is %1.</source>
        <translation>Uw organisatie vraagt u binnenkort dit apparaat over te zetten. De uiterste datum is %1.</translation>
    </message>
    <message numerus="yes">
        <source>Please move this device by %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Zet dit apparaat uiterlijk %1 over (nog %n dag).</numerusform>
            <numerusform>Zet dit apparaat uiterlijk %1 over (nog %n dagen).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n day(s) left: please move this device by %1.</source>
        <translation>
            <numerusform>Nog maar %n dag: zet dit apparaat uiterlijk %1 over.</numerusform>
            <numerusform>Nog maar %n dagen: zet dit apparaat uiterlijk %1 over.</numerusform>
        </translation>
    </message>
    <message>
        <source>The deadline (%1) has passed: company mail and apps may already be blocked on this device. Please move it now.</source>
        <translation>De uiterste datum (%1) is verstreken: zakelijke e-mail en apps zijn op dit apparaat mogelijk al geblokkeerd. Zet het nu over.</translation>
    </message>
    <message>
        <source>The helper is not allowed to open this. Contact IT.</source>
        <translation>De assistent mag dit niet openen. Neem contact op met IT.</translation>
    </message>
    <message>
        <source>Nothing was run because you did not confirm.</source>
        <translation>Er is niets uitgevoerd omdat u niet hebt bevestigd.</translation>
    </message>
    <message>
        <source>This step holds a value the helper refuses to use. Contact IT.</source>
        <translation>Deze stap bevat een waarde die de assistent weigert te gebruiken. Neem contact op met IT.</translation>
    </message>
    <message>
        <source>There is nothing to open here.</source>
        <translation>Er is hier niets te openen.</translation>
    </message>
    <message>
        <source>The administrator prompt was cancelled: nothing was changed.</source>
        <translation>De administratorprompt is geannuleerd: er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Contact IT.</source>
        <translation>Uw account mag dit niet doen. Neem contact op met IT.</translation>
    </message>
    <message>
        <source>This device does not have the program this step needs.</source>
        <translation>Dit apparaat heeft het programma niet dat deze stap nodig heeft.</translation>
    </message>
    <message>
        <source>This took too long and was stopped.</source>
        <translation>Dit duurde te lang en is gestopt.</translation>
    </message>
    <message>
        <source>The system could not start it. Try again, or contact IT.</source>
        <translation>Het systeem kon het niet starten. Probeer het opnieuw of neem contact op met IT.</translation>
    </message>
    <message>
        <source>Windows could not start it. Try again, or contact IT.</source>
        <translation>Windows kon het niet starten. Probeer het opnieuw of neem contact op met IT.</translation>
    </message>
    <message>
        <source>Started. Finish the step in the window that opened, then come back here.</source>
        <translation>Gestart. Rond de stap af in het venster dat is geopend en kom dan hier terug.</translation>
    </message>
    <message>
        <source>Passed.</source>
        <translation>Geslaagd.</translation>
    </message>
    <message>
        <source>Not needed on this device.</source>
        <translation>Niet nodig op dit apparaat.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be found from this network.</source>
        <translation>De servers van Microsoft zijn vanaf dit netwerk niet te vinden.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be reached from this network.</source>
        <translation>De servers van Microsoft zijn vanaf dit netwerk niet bereikbaar.</translation>
    </message>
    <message>
        <source>A secure connection to Microsoft failed: a proxy or firewall may be in the way.</source>
        <translation>Een beveiligde verbinding met Microsoft is mislukt: mogelijk zit een proxy of firewall in de weg.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers did not answer in time.</source>
        <translation>De servers van Microsoft hebben niet op tijd geantwoord.</translation>
    </message>
    <message>
        <source>Your account is not an administrator of this device.</source>
        <translation>Uw account is geen administrator van dit apparaat.</translation>
    </message>
    <message>
        <source>The helper could not tell whether your account is an administrator.</source>
        <translation>De assistent kon niet vaststellen of uw account een administrator is.</translation>
    </message>
    <message>
        <source>This device is on a Wi-Fi network the old management installed, and it has gone with it. Connect to another network (your home Wi-Fi or your phone&apos;s hotspot), then check again.</source>
        <translation>Dit apparaat is verbonden met een wifi-netwerk dat het oude beheer had geïnstalleerd, en dat netwerk is samen met het beheer verdwenen. Maak verbinding met een ander netwerk (uw wifi thuis of de hotspot van uw telefoon) en controleer dan opnieuw.</translation>
    </message>
    <message>
        <source>Microsoft Intune holds this device&apos;s recovery key.</source>
        <translation>Microsoft Intune bewaart de herstelsleutel van dit apparaat.</translation>
    </message>
    <message>
        <source>A new FileVault recovery key was made for Intune on this Mac; Intune receives it the next time the Mac checks in.</source>
        <translation>Er is op deze Mac een nieuwe FileVault-herstelsleutel voor Intune gemaakt; Intune ontvangt die de volgende keer dat de Mac synchroniseert.</translation>
    </message>
    <message>
        <source>Intune has not set up FileVault&apos;s recovery key for this Mac yet. Check again later today; if nothing changes, ask IT to check FileVault for this Mac in Intune. Keep FileVault on.</source>
        <translation>Intune heeft de FileVault-herstelsleutel voor deze Mac nog niet ingesteld. Controleer later vandaag opnieuw; verandert er niets, vraag IT dan FileVault voor deze Mac in Intune te controleren. Laat FileVault aan staan.</translation>
    </message>
    <message>
        <source>Intune needs a new FileVault recovery key for this Mac: log out and log back in (or restart), then check again. If Intune still has no key, ask IT to check FileVault for this Mac in Intune.</source>
        <translation>Intune heeft een nieuwe FileVault-herstelsleutel voor deze Mac nodig: meld u af en weer aan (of start opnieuw op) en controleer dan opnieuw. Heeft Intune nog steeds geen sleutel, vraag IT dan FileVault voor deze Mac in Intune te controleren.</translation>
    </message>
    <message>
        <source>This PC does not show that its BitLocker recovery key was saved in your organization&apos;s Microsoft Entra ID. Ask IT to check that Intune holds it. Keep BitLocker on.</source>
        <translation>Deze pc laat niet zien dat de BitLocker-herstelsleutel is opgeslagen in de Microsoft Entra ID van uw organisatie. Vraag IT te controleren of Intune die bewaart. Laat BitLocker aan staan.</translation>
    </message>
    <message>
        <source>Connection to Microsoft Intune</source>
        <translation>Verbinding met Microsoft Intune</translation>
    </message>
    <message>
        <source>Administrator rights</source>
        <translation>Administratorrechten</translation>
    </message>
    <message>
        <source>Every status update has been sent to IT.</source>
        <translation>Alle statusupdates zijn naar IT verzonden.</translation>
    </message>
    <message>
        <source>Status updates are being sent to IT.</source>
        <translation>Statusupdates worden naar IT verzonden.</translation>
    </message>
    <message>
        <source>Status updates could not be sent yet; the helper will try again.</source>
        <translation>Statusupdates konden nog niet worden verzonden; de assistent probeert het opnieuw.</translation>
    </message>
    <message>
        <source>Status updates wait until you sign in with your work account.</source>
        <translation>Statusupdates wachten tot u zich aanmeldt met uw werkaccount.</translation>
    </message>
    <message>
        <source>IT&apos;s service refused the status updates. IT has been told.</source>
        <translation>De dienst van IT heeft de statusupdates geweigerd. IT is op de hoogte gebracht.</translation>
    </message>
    <message>
        <source>This helper does not send status updates to IT.</source>
        <translation>Deze assistent verzendt geen statusupdates naar IT.</translation>
    </message>
    <message>
        <source>If it still fails, contact IT and tell them this message.</source>
        <translation>Als het nog steeds mislukt, neem dan contact op met IT en geef dit bericht door.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s sign-in service could not be reached.</source>
        <translation>De aanmeldservice van Microsoft kon niet worden bereikt.</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the network (Wi-Fi or cable, and the VPN if your company uses one), then try again.</source>
        <translation>Controleer of deze computer met het netwerk is verbonden (wifi of kabel, en de VPN als uw bedrijf die gebruikt) en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The network&apos;s proxy refused the connection to Microsoft&apos;s sign-in service.</source>
        <translation>De proxy van het netwerk heeft de verbinding met de aanmeldservice van Microsoft geweigerd.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s proxy settings, or try again from another network (at home, or a phone&apos;s hotspot).</source>
        <translation>Controleer de proxy-instellingen van deze computer of probeer het vanaf een ander netwerk (thuis, of de hotspot van een telefoon).</translation>
    </message>
    <message>
        <source>The connection to Microsoft&apos;s sign-in service was not trusted.</source>
        <translation>De verbinding met de aanmeldservice van Microsoft werd niet vertrouwd.</translation>
    </message>
    <message>
        <source>A device on this network inspects secure connections with a certificate this computer does not trust. Try another network.</source>
        <translation>Een apparaat op dit netwerk inspecteert beveiligde verbindingen met een certificaat dat deze computer niet vertrouwt. Probeer een ander netwerk.</translation>
    </message>
    <message>
        <source>Microsoft refused the sign-in.</source>
        <translation>Microsoft heeft de aanmelding geweigerd.</translation>
    </message>
    <message>
        <source>Sign in with your work account, not a personal one. If it is refused again, your account may not be allowed to use this helper yet.</source>
        <translation>Meld u aan met uw werkaccount, niet met een persoonlijk account. Wordt de aanmelding opnieuw geweigerd, dan mag uw account deze assistent misschien nog niet gebruiken.</translation>
    </message>
    <message>
        <source>The sign-in took too long and was stopped.</source>
        <translation>De aanmelding duurde te lang en is gestopt.</translation>
    </message>
    <message>
        <source>Try again, and finish signing in in the browser window that opens.</source>
        <translation>Probeer het opnieuw en rond de aanmelding af in het browservenster dat wordt geopend.</translation>
    </message>
    <message>
        <source>No browser could be opened to sign in.</source>
        <translation>Er kon geen browser worden geopend om aan te melden.</translation>
    </message>
    <message>
        <source>Start the helper from your desktop session, where a browser can open, then try again.</source>
        <translation>Start de assistent vanuit uw bureaubladsessie, waar een browser kan worden geopend, en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Sign-in is not set up in this helper.</source>
        <translation>Aanmelden is niet ingesteld in deze assistent.</translation>
    </message>
    <message>
        <source>Nothing to fix on your side: contact IT (the helper&apos;s configuration lacks the tenant, client or API settings).</source>
        <translation>U hoeft zelf niets op te lossen: neem contact op met IT (in de configuratie van de assistent ontbreken de tenant-, client- of API-instellingen).</translation>
    </message>
    <message>
        <source>A sign-in is already in progress.</source>
        <translation>Er is al een aanmelding bezig.</translation>
    </message>
    <message>
        <source>Finish it in the browser window that is open.</source>
        <translation>Rond die af in het browservenster dat open staat.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>De aanmelding is geannuleerd.</translation>
    </message>
    <message>
        <source>Try again when you are ready.</source>
        <translation>Probeer het opnieuw wanneer u klaar bent.</translation>
    </message>
    <message numerus="yes">
        <source>%n status update(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n statusupdate wacht om te worden verzonden.</numerusform>
            <numerusform>%n statusupdates wachten om te worden verzonden.</numerusform>
        </translation>
    </message>
</context>
</TS>
