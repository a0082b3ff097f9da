<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CheckPage</name>
    <message>
        <source>Check this device</source>
        <translation>Dieses Gerät prüfen</translation>
    </message>
    <message>
        <source>Checking what manages this device…</source>
        <translation>Es wird geprüft, was dieses Gerät verwaltet…</translation>
    </message>
    <message>
        <source>Checking this device</source>
        <translation>Dieses Gerät wird geprüft</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Remind me later</source>
        <translation>Später erinnern</translation>
    </message>
    <message>
        <source>&amp;Technical details</source>
        <translation>&amp;Technische Details</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
    <message>
        <source>Shows the evidence the helper found, for IT</source>
        <translation>Zeigt die vom Assistenten gefundenen Hinweise für die IT an</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>&amp;IT kontaktieren</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>Die IT um Hilfe mit diesem Gerät bitten</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>Später &amp;erinnern</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>Die Umstellung verschieben; der Assistent erinnert Sie daran</translation>
    </message>
    <message>
        <source>&amp;Begin</source>
        <translation>&amp;Beginnen</translation>
    </message>
    <message>
        <source>Start moving this device</source>
        <translation>Mit der Umstellung dieses Geräts beginnen</translation>
    </message>
    <message>
        <source>The helper could not start.</source>
        <translation>Der Assistent konnte nicht starten.</translation>
    </message>
    <message>
        <source>Contact IT and tell them what went wrong: %1</source>
        <translation>Wenden Sie sich an die IT und nennen Sie den Fehler: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Bevor Sie beginnen</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>%1 manages this device: %2.</source>
        <translation>%1 verwaltet dieses Gerät: %2.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages it too.</source>
        <translation>Microsoft Intune verwaltet es ebenfalls.</translation>
    </message>
    <message>
        <source>The helper will remind you on %1. You can close this window now, or begin anyway.</source>
        <translation>Der Assistent erinnert Sie am %1. Sie können dieses Fenster jetzt schließen oder trotzdem beginnen.</translation>
    </message>
    <message numerus="yes">
        <source>Not a good time? “Remind me later” postpones the move until %1 (%n time(s) left).</source>
        <translation>
            <numerusform>Gerade ungünstig? „Später erinnern“ verschiebt die Umstellung bis %1 (noch %n Mal).</numerusform>
            <numerusform>Gerade ungünstig? „Später erinnern“ verschiebt die Umstellung bis %1 (noch %n Mal).</numerusform>
        </translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Supportcode: %1</translation>
    </message>
    <message>
        <source>Verdict: %1 (%2)</source>
        <translation>Befund: %1 (%2)</translation>
    </message>
    <message>
        <source>Plan: %1, platform %2, vendor %3</source>
        <translation>Plan: %1, Plattform %2, Anbieter %3</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Phase: %1</translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation>Gründe: %1</translation>
    </message>
    <message>
        <source>No detection this time (it failed).</source>
        <translation>Diesmal keine Erkennung (sie ist fehlgeschlagen).</translation>
    </message>
    <message>
        <source>Legacy management: %1 (%2), removable: %3, server: %4</source>
        <translation>Bisherige Verwaltung: %1 (%2), entfernbar: %3, Server: %4</translation>
    </message>
    <message>
        <source>Microsoft Intune enrolled: %1</source>
        <translation>In Microsoft Intune registriert: %1</translation>
    </message>
    <message>
        <source>Microsoft Entra: %1 (%2)</source>
        <translation>Microsoft Entra: %1 (%2)</translation>
    </message>
    <message>
        <source>Warning %1: %2</source>
        <translation>Warnung %1: %2</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Quellen:</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>the deadline</source>
        <translation>die Frist</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <source>Open Company Portal</source>
        <translation>Unternehmensportal öffnen</translation>
    </message>
    <message>
        <source>Open Windows enrollment</source>
        <translation>Windows-Registrierung öffnen</translation>
    </message>
    <message>
        <source>Open Microsoft Store</source>
        <translation>Microsoft Store öffnen</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Run as administrator…</source>
        <translation>Als Administrator ausführen…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Ausführen…</translation>
    </message>
    <message>
        <source>Page content</source>
        <translation>Seiteninhalt</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>What you can try:</source>
        <translation>Das können Sie versuchen:</translation>
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
        <translation>Diesen Befehl ausführen?</translation>
    </message>
    <message>
        <source>The helper will run exactly this command on this device:</source>
        <translation>Der Assistent führt genau diesen Befehl auf diesem Gerät aus:</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>It needs administrator rights: your system will ask for an administrator password or approval. Nothing runs unless you approve it there too.</source>
        <translation>Dafür sind Administratorrechte nötig: Ihr System fragt nach einem Administratorkennwort oder einer Bestätigung. Es wird nichts ausgeführt, solange Sie dort nicht ebenfalls zustimmen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
</context>
<context>
    <name>ContactItPage</name>
    <message>
        <source>IT needs to help with this device</source>
        <translation>Die IT muss bei diesem Gerät helfen</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Your support code</source>
        <translation>Ihr Supportcode</translation>
    </message>
    <message>
        <source>Give IT this code: it lets them find this device and see how far it got.</source>
        <translation>Geben Sie der IT diesen Code: Damit findet sie dieses Gerät und sieht, wie weit es gekommen ist.</translation>
    </message>
    <message>
        <source>Co&amp;py for IT</source>
        <translation>Für die IT &amp;kopieren</translation>
    </message>
    <message>
        <source>Copies a short summary for IT: support code, management and codes</source>
        <translation>Kopiert eine kurze Zusammenfassung für die IT: Supportcode, Verwaltung und Codes</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>&amp;Neu beginnen</translation>
    </message>
    <message>
        <source>Check this device again from the start</source>
        <translation>Dieses Gerät noch einmal von vorn prüfen</translation>
    </message>
    <message>
        <source>I’ve c&amp;ontacted IT</source>
        <translation>Ich habe die IT k&amp;ontaktiert</translation>
    </message>
    <message>
        <source>Tell the helper you have asked IT for help</source>
        <translation>Dem Assistenten mitteilen, dass Sie die IT um Hilfe gebeten haben</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>E&amp;rneut prüfen</translation>
    </message>
    <message>
        <source>Once IT has acted, check this device again</source>
        <translation>Sobald die IT gehandelt hat, dieses Gerät erneut prüfen</translation>
    </message>
    <message>
        <source>Support code %1</source>
        <translation>Supportcode %1</translation>
    </message>
    <message>
        <source>What to tell IT</source>
        <translation>Was Sie der IT mitteilen</translation>
    </message>
    <message>
        <source>Copied. Paste it into your message or ticket to IT.</source>
        <translation>Kopiert. Fügen Sie es in Ihre Nachricht oder Ihr Ticket an die IT ein.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>All done</source>
        <translation>Alles erledigt</translation>
    </message>
    <message>
        <source>Status updates for IT</source>
        <translation>Statusmeldungen für die IT</translation>
    </message>
    <message>
        <source>&amp;Sign in to send the status updates…</source>
        <translation>&amp;Anmelden, um die Statusmeldungen zu senden…</translation>
    </message>
    <message>
        <source>Sign in with your work account in the browser</source>
        <translation>Im Browser mit Ihrem Arbeitskonto anmelden</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>Anleitung für ein anderes &amp;Gerät…</translation>
    </message>
    <message>
        <source>Steps and QR codes to move a phone or tablet</source>
        <translation>Schritte und QR-Codes, um ein Smartphone oder Tablet umzustellen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close the helper</source>
        <translation>Den Assistenten schließen</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschehen ist</translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Supportcode: %1</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>&amp;Details anzeigen</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message numerus="yes">
        <source>This happened %n time(s) so far.</source>
        <translation>
            <numerusform>Das ist bisher %n Mal passiert.</numerusform>
            <numerusform>Das ist bisher %n Mal passiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>&amp;Details ausblenden</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong. You can keep using the helper; if this happens again, contact your IT support and give them the details (“Copy details”).</source>
        <translation>Etwas ist schiefgelaufen. Sie können den Assistenten weiter verwenden; wenn das erneut passiert, wenden Sie sich an Ihren IT-Support und geben Sie ihm die Details („Details kopieren“).</translation>
    </message>
</context>
<context>
    <name>Fold</name>
    <message>
        <source>More</source>
        <translation>Mehr anzeigen</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Weniger anzeigen</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>iPhone or iPad</source>
        <translation>iPhone oder iPad</translation>
    </message>
    <message>
        <source>Android phone or tablet</source>
        <translation>Android-Smartphone oder -Tablet</translation>
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
        <translation>Anleitung für ein anderes Gerät</translation>
    </message>
    <message>
        <source>Choose the device to move and what manages it today: the steps below are the ones to follow on that device.</source>
        <translation>Wählen Sie das umzustellende Gerät und das, was es heute verwaltet: Die Schritte unten sind auf diesem Gerät auszuführen.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <source>&amp;Managed today by:</source>
        <translation>&amp;Heute verwaltet von:</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Another system, or not sure</source>
        <translation>Ein anderes System oder nicht sicher</translation>
    </message>
    <message>
        <source>Nothing: not managed yet</source>
        <translation>Nichts: noch nicht verwaltet</translation>
    </message>
    <message>
        <source>The steps for this device cannot be shown: %1</source>
        <translation>Die Schritte für dieses Gerät können nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Bevor Sie beginnen</translation>
    </message>
    <message>
        <source>Leave the current management</source>
        <translation>Die bisherige Verwaltung verlassen</translation>
    </message>
    <message>
        <source>Check that it has left</source>
        <translation>Prüfen, ob sie entfernt ist</translation>
    </message>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>In Microsoft Intune registrieren</translation>
    </message>
    <message>
        <source>Check the enrollment</source>
        <translation>Die Registrierung prüfen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>IT kontaktieren</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>QR-Code für %1</translation>
    </message>
    <message>
        <source>Scan this code with the camera of the other device to open %1</source>
        <translation>Scannen Sie diesen Code mit der Kamera des anderen Geräts, um %1 zu öffnen</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Link copied to the clipboard.</source>
        <translation>Link in die Zwischenablage kopiert.</translation>
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
        <translation>Supportcode</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Detection (JSON)</source>
        <translation>Erkennung (JSON)</translation>
    </message>
    <message>
        <source>Journey (JSON)</source>
        <translation>Ablauf (JSON)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;Refresh the log</source>
        <translation>Protokoll &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Open a capture a user sent (“Open a capture…”) to see what their device shows and the steps it would get.</source>
        <translation>Öffnen Sie eine Aufzeichnung, die eine Person gesendet hat („Aufzeichnung öffnen…“), um zu sehen, was ihr Gerät zeigt und welche Schritte es erhalten würde.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Detection of the capture (JSON)</source>
        <translation>Erkennung der Aufzeichnung (JSON)</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>&amp;Diagnose kopieren</translation>
    </message>
    <message>
        <source>&amp;Export capture (.zip)…</source>
        <translation>Aufzeichnung &amp;exportieren (.zip)…</translation>
    </message>
    <message>
        <source>&amp;Open a capture…</source>
        <translation>Aufzeichnung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>No journey yet: the helper has not checked this device in this session.</source>
        <translation>Noch kein Ablauf: Der Assistent hat dieses Gerät in dieser Sitzung noch nicht geprüft.</translation>
    </message>
    <message>
        <source>No detection yet.</source>
        <translation>Noch keine Erkennung.</translation>
    </message>
    <message>
        <source>No journey yet.</source>
        <translation>Noch kein Ablauf.</translation>
    </message>
    <message>
        <source>The last detection failed; see the log.</source>
        <translation>Die letzte Erkennung ist fehlgeschlagen; siehe Protokoll.</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Phase: %1</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Weg: %1</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Plattform: %1</translation>
    </message>
    <message>
        <source>Legacy vendor: %1</source>
        <translation>Bisheriger Anbieter: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Befund: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Warum: %1</translation>
    </message>
    <message>
        <source>Failed checks: %1</source>
        <translation>Fehlgeschlagene Prüfungen: %1</translation>
    </message>
    <message>
        <source>Next reminder: %1</source>
        <translation>Nächste Erinnerung: %1</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>Letzte Änderung: %1</translation>
    </message>
    <message>
        <source>Detection warnings:</source>
        <translation>Warnungen der Erkennung:</translation>
    </message>
    <message>
        <source>Journey warnings: %1</source>
        <translation>Warnungen des Ablaufs: %1</translation>
    </message>
    <message>
        <source>The log file cannot be read: %1</source>
        <translation>Die Protokolldatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The log file is empty or does not exist yet: %1</source>
        <translation>Die Protokolldatei ist leer oder existiert noch nicht: %1</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard (no secrets included).</source>
        <translation>Diagnose in die Zwischenablage kopiert (ohne Geheimnisse).</translation>
    </message>
    <message>
        <source>Support code copied to the clipboard.</source>
        <translation>Supportcode in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>Aufzeichnung exportieren</translation>
    </message>
    <message>
        <source>Capture (*.zip)</source>
        <translation>Aufzeichnung (*.zip)</translation>
    </message>
    <message>
        <source>Capturing this device…</source>
        <translation>Dieses Gerät wird aufgezeichnet…</translation>
    </message>
    <message numerus="yes">
        <source>Capture saved to %1 (%n evidence file(s)).</source>
        <translation>
            <numerusform>Aufzeichnung unter %1 gespeichert (%n Nachweisdatei).</numerusform>
            <numerusform>Aufzeichnung unter %1 gespeichert (%n Nachweisdateien).</numerusform>
        </translation>
    </message>
    <message>
        <source>The capture could not be saved: %1</source>
        <translation>Die Aufzeichnung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Open a capture</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Capture (*.zip capture.json);;All files (*)</source>
        <translation>Aufzeichnung (*.zip capture.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Opening the capture…</source>
        <translation>Die Aufzeichnung wird geöffnet…</translation>
    </message>
    <message>
        <source>Capture: %1 (taken %2)</source>
        <translation>Aufzeichnung: %1 (erstellt %2)</translation>
    </message>
    <message>
        <source>Verdict: %1. Path: %2.</source>
        <translation>Befund: %1. Weg: %2.</translation>
    </message>
    <message>
        <source>Capture opened (read-only).</source>
        <translation>Aufzeichnung geöffnet (schreibgeschützt).</translation>
    </message>
    <message>
        <source>This is not a capture: %1</source>
        <translation>Dies ist keine Aufzeichnung: %1</translation>
    </message>
    <message>
        <source>This capture is too large: %1</source>
        <translation>Diese Aufzeichnung ist zu groß: %1</translation>
    </message>
    <message>
        <source>This capture is damaged or not valid: %1</source>
        <translation>Diese Aufzeichnung ist beschädigt oder ungültig: %1</translation>
    </message>
    <message>
        <source>The helper’s IT content is not valid: %1</source>
        <translation>Die IT-Inhalte des Assistenten sind ungültig: %1</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This capture cannot be replayed: %1</source>
        <translation>Diese Aufzeichnung kann nicht wiedergegeben werden: %1</translation>
    </message>
</context>
<context>
    <name>IntuneStatusCard</name>
    <message>
        <source>What Intune says</source>
        <translation>Was Intune meldet</translation>
    </message>
    <message>
        <source>✓ Confirmed by Intune</source>
        <translation>✓ Von Intune bestätigt</translation>
    </message>
    <message>
        <source>✓ Compliant with your organization’s rules</source>
        <translation>✓ Erfüllt die Regeln Ihrer Organisation</translation>
    </message>
    <message>
        <source>Not compliant yet: some of your organization’s rules are not met on this device</source>
        <translation>Noch nicht konform: Einige Regeln Ihrer Organisation sind auf diesem Gerät nicht erfüllt</translation>
    </message>
    <message>
        <source>Compliance not evaluated yet</source>
        <translation>Konformität noch nicht geprüft</translation>
    </message>
    <message numerus="yes">
        <source>Not yet confirmed by Intune (it can take up to %n hour(s))</source>
        <translation>
            <numerusform>Noch nicht von Intune bestätigt (das kann bis zu %n Stunde dauern)</numerusform>
            <numerusform>Noch nicht von Intune bestätigt (das kann bis zu %n Stunden dauern)</numerusform>
        </translation>
    </message>
    <message>
        <source>It is taking longer than it should: contact IT with your support code.</source>
        <translation>Das dauert länger als vorgesehen: Wenden Sie sich mit Ihrem Supportcode an die IT.</translation>
    </message>
    <message>
        <source>Intune no longer lists this device: contact IT with your support code.</source>
        <translation>Intune führt dieses Gerät nicht mehr: Wenden Sie sich mit Ihrem Supportcode an die IT.</translation>
    </message>
    <message>
        <source>Your old device management is back on this device: contact IT with your support code.</source>
        <translation>Ihre bisherige Geräteverwaltung ist wieder auf diesem Gerät: Wenden Sie sich mit Ihrem Supportcode an die IT.</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>In Microsoft Intune registrieren</translation>
    </message>
    <message>
        <source>First the helper checks that this device can enroll. Then follow the steps to enroll it in Microsoft Intune, and press “I’ve done it — check again”.</source>
        <translation>Zuerst prüft der Assistent, ob dieses Gerät registriert werden kann. Folgen Sie dann den Schritten, um es in Microsoft Intune zu registrieren, und klicken Sie auf „Erledigt – erneut prüfen“.</translation>
    </message>
</context>
<context>
    <name>LeavePage</name>
    <message>
        <source>Leave %1</source>
        <translation>%1 verlassen</translation>
    </message>
    <message>
        <source>Follow these steps to remove %1 from this device. When you have done them, press “I’ve done it — check again”: the helper then checks the device.</source>
        <translation>Folgen Sie diesen Schritten, um %1 von diesem Gerät zu entfernen. Wenn Sie fertig sind, klicken Sie auf „Erledigt – erneut prüfen“: Der Assistent prüft dann das Gerät.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — Demo</source>
        <translation>%1 – Demo</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Erledigt: %1.</translation>
    </message>
    <message>
        <source>Still to come: %1.</source>
        <translation>Noch ausstehend: %1.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Next reminder</source>
        <translation>Nächste Erinnerung</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>%1 logo</source>
        <translation>Logo von %1</translation>
    </message>
    <message>
        <source>Demo: a simulated device (scenario %1). Nothing on this computer is changed and nothing is sent to IT.</source>
        <translation>Demo: ein simuliertes Gerät (Szenario %1). Auf diesem Computer wird nichts geändert und nichts an die IT gesendet.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demomodus</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>the old management</source>
        <translation>die bisherige Verwaltung</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Sign in to send status updates</source>
        <translation>&amp;Anmelden, um Statusmeldungen zu senden</translation>
    </message>
    <message>
        <source>&amp;Helpdesk panel…</source>
        <translation>&amp;Helpdesk-Bereich…</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>Anleitung für ein anderes &amp;Gerät…</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;Über %1</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>%1 %2
Helps you move this device to Microsoft Intune.</source>
        <translation>%1 %2
Hilft Ihnen, dieses Gerät auf Microsoft Intune umzustellen.</translation>
    </message>
    <message>
        <source>Leave %1</source>
        <translation>%1 verlassen</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Check this device</source>
        <translation>Dieses Gerät prüfen</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>In Intune registrieren</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>IT kontaktieren</translation>
    </message>
    <message>
        <source>%1 %2: request for help</source>
        <translation>%1 %2: Bitte um Hilfe</translation>
    </message>
    <message>
        <source>The device has not been checked yet.</source>
        <translation>Das Gerät wurde noch nicht geprüft.</translation>
    </message>
    <message>
        <source>Support code</source>
        <translation>Supportcode</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Legacy vendor</source>
        <translation>Bisheriger Anbieter</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Weg</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>Fehlgeschlagene Prüfungen</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Demo scenario</source>
        <translation>Demo-Szenario</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Development mode: status updates go to a test collector on this computer (%1) with unsigned tokens. Never use this configuration on employees&apos; devices.</source>
        <translation>Entwicklungsmodus: Statusmeldungen gehen an einen Test-Collector auf diesem Computer (%1), mit unsignierten Token. Verwenden Sie diese Konfiguration nie auf den Geräten von Mitarbeitenden.</translation>
    </message>
    <message>
        <source>Development mode</source>
        <translation>Entwicklungsmodus</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>ReminderPrompt</name>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>It is time to finish moving this device to Microsoft Intune.</source>
        <translation>Es ist Zeit, die Umstellung dieses Geräts auf Microsoft Intune abzuschließen.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close this reminder</source>
        <translation>Diese Erinnerung schließen</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>Später &amp;erinnern</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>Die Umstellung verschieben; der Assistent erinnert Sie daran</translation>
    </message>
    <message>
        <source>C&amp;ontinue now</source>
        <translation>&amp;Jetzt fortfahren</translation>
    </message>
    <message>
        <source>Open the helper where you left off</source>
        <translation>Den Assistenten dort öffnen, wo Sie aufgehört haben</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back today at %1.</source>
        <translation>„Später erinnern“ zeigt diese Erinnerung heute um %1 erneut an.</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back on %1 at %2.</source>
        <translation>„Später erinnern“ zeigt diese Erinnerung am %1 um %2 erneut an.</translation>
    </message>
    <message>
        <source>The deadline has passed: this reminder can no longer be postponed. You can close it, but company apps may stop working on this device until it is moved.</source>
        <translation>Die Frist ist abgelaufen: Diese Erinnerung kann nicht mehr verschoben werden. Sie können sie schließen, aber Firmen-Apps funktionieren auf diesem Gerät möglicherweise nicht mehr, bis es umgestellt ist.</translation>
    </message>
    <message>
        <source>You have postponed as many times as IT allows: this reminder can no longer be postponed. You can close it.</source>
        <translation>Sie haben so oft verschoben, wie die IT es erlaubt: Diese Erinnerung kann nicht mehr verschoben werden. Sie können sie schließen.</translation>
    </message>
    <message>
        <source>This reminder cannot be postponed. You can close it.</source>
        <translation>Diese Erinnerung kann nicht verschoben werden. Sie können sie schließen.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Next reminder: today at %1</source>
        <translation>Nächste Erinnerung: heute um %1</translation>
    </message>
    <message>
        <source>Next reminder: %1 at %2</source>
        <translation>Nächste Erinnerung: %1 um %2</translation>
    </message>
</context>
<context>
    <name>ServerReleasePanel</name>
    <message>
        <source>IT’s server can remove %1 from this device for you, without a call to IT. It may need IT’s approval first.</source>
        <translation>Der Server der IT kann %1 für Sie von diesem Gerät entfernen, ohne dass Sie die IT anrufen müssen. Möglicherweise muss die IT dies zuerst genehmigen.</translation>
    </message>
    <message>
        <source>Ask IT’s server to remove %1</source>
        <translation>Den Server der IT bitten, %1 zu entfernen</translation>
    </message>
    <message>
        <source>Asks IT’s server to release this device from its old management</source>
        <translation>Bittet den Server der IT, dieses Gerät aus seiner bisherigen Verwaltung freizugeben</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <source>IT’s server will ask %1 to stop managing this device. Its apps, settings and Wi-Fi or VPN profiles from %1 go with it. Keep this device switched on and connected until the helper says it is done.</source>
        <translation>Der Server der IT bittet %1, dieses Gerät nicht mehr zu verwalten. Die Apps, Einstellungen und WLAN- oder VPN-Profile von %1 werden dabei ebenfalls entfernt. Lassen Sie dieses Gerät eingeschaltet und verbunden, bis der Assistent meldet, dass der Vorgang abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Your request is waiting for IT’s approval. You can leave this window open: it checks by itself.</source>
        <translation>Ihre Anfrage wartet auf die Genehmigung der IT. Sie können dieses Fenster geöffnet lassen: Es prüft den Stand von selbst.</translation>
    </message>
    <message>
        <source>IT’s server is asking %1 to release this device…</source>
        <translation>Der Server der IT bittet %1, dieses Gerät freizugeben…</translation>
    </message>
    <message>
        <source>%1 agreed to release this device. Checking the device…</source>
        <translation>%1 hat zugestimmt, dieses Gerät freizugeben. Das Gerät wird geprüft…</translation>
    </message>
    <message>
        <source>The request was refused. Contact IT with your support code.</source>
        <translation>Die Anfrage wurde abgelehnt. Wenden Sie sich mit Ihrem Supportcode an die IT.</translation>
    </message>
    <message>
        <source>IT’s server could not release this device from %1. Contact IT with your support code.</source>
        <translation>Der Server der IT konnte nicht erreichen, dass %1 dieses Gerät freigibt. Wenden Sie sich mit Ihrem Supportcode an die IT.</translation>
    </message>
    <message>
        <source>IT’s server cannot do this for this device. Contact IT with your support code.</source>
        <translation>Der Server der IT kann das für dieses Gerät nicht erledigen. Wenden Sie sich mit Ihrem Supportcode an die IT.</translation>
    </message>
    <message>
        <source>IT’s server cannot be reached right now. The helper tries again in a moment.</source>
        <translation>Der Server der IT ist gerade nicht erreichbar. Der Assistent versucht es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Sign in with your work account first, then ask again.</source>
        <translation>Melden Sie sich zuerst mit Ihrem Arbeitskonto an und stellen Sie die Anfrage dann erneut.</translation>
    </message>
    <message>
        <source>%1 will leave this device the next time it is online. Keep it connected for a few minutes, then choose Check again.</source>
        <translation>%1 wird von diesem Gerät entfernt, sobald das Gerät das nächste Mal online ist. Lassen Sie es einige Minuten verbunden und klicken Sie dann auf „Erneut prüfen“.</translation>
    </message>
</context>
<context>
    <name>StagePage</name>
    <message>
        <source>What went wrong</source>
        <translation>Was schiefgelaufen ist</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>&amp;IT kontaktieren</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>Die IT um Hilfe mit diesem Gerät bitten</translation>
    </message>
    <message>
        <source>I’ve &amp;done it — check again</source>
        <translation>&amp;Erledigt – erneut prüfen</translation>
    </message>
    <message>
        <source>The helper checks this device again to see whether the steps worked</source>
        <translation>Der Assistent prüft dieses Gerät erneut, um zu sehen, ob die Schritte funktioniert haben</translation>
    </message>
    <message>
        <source>Check %1 of %2: after that, the helper asks you to contact IT.</source>
        <translation>Prüfung %1 von %2: Danach bittet der Assistent Sie, die IT zu kontaktieren.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>The helper could not finish a task. Your progress is saved: you can try again, or contact IT.</source>
        <translation>Der Assistent konnte eine Aufgabe nicht abschließen. Ihr Fortschritt ist gespeichert: Sie können es erneut versuchen oder die IT kontaktieren.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Move this device to Microsoft Intune</source>
        <translation>Dieses Gerät auf Microsoft Intune umstellen</translation>
    </message>
    <message>
        <source>A message from %1</source>
        <translation>Eine Nachricht von %1</translation>
    </message>
    <message>
        <source>Message from IT</source>
        <translation>Nachricht der IT</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was passiert</translation>
    </message>
    <message>
        <source>1. The helper checks what manages this device. Nothing changes yet.</source>
        <translation>1. Der Assistent prüft, was dieses Gerät verwaltet. Noch ändert sich nichts.</translation>
    </message>
    <message>
        <source>2. You remove the old management. Company mail, Wi-Fi, VPN, certificates and the company apps it installed are removed for a while.</source>
        <translation>2. Sie entfernen die bisherige Verwaltung. Firmen-E-Mail, WLAN, VPN, Zertifikate und die von ihr installierten Firmen-Apps werden vorübergehend entfernt.</translation>
    </message>
    <message>
        <source>3. You enroll the device in Microsoft Intune, which sets them up again.</source>
        <translation>3. Sie registrieren das Gerät in Microsoft Intune, das sie wieder einrichtet.</translation>
    </message>
    <message>
        <source>You can close this window at any time: the helper remembers where you are.</source>
        <translation>Sie können dieses Fenster jederzeit schließen: Der Assistent merkt sich, wo Sie stehen.</translation>
    </message>
    <message>
        <source>What IT receives</source>
        <translation>Was die IT erhält</translation>
    </message>
    <message>
        <source>So that IT can help when a step fails, the helper tells IT how far this device got: the step reached, result and error codes, the device&apos;s platform and the name of its old management, with the times. It never sends your name, your e-mail address, the device&apos;s name or your files.</source>
        <translation>Damit die IT helfen kann, wenn ein Schritt fehlschlägt, teilt der Assistent ihr mit, wie weit dieses Gerät gekommen ist: den erreichten Schritt, Ergebnis- und Fehlercodes, die Plattform des Geräts und den Namen seiner bisherigen Verwaltung, jeweils mit Uhrzeit. Er sendet nie Ihren Namen, Ihre E-Mail-Adresse, den Namen des Geräts oder Ihre Dateien.</translation>
    </message>
    <message>
        <source>This helper sends nothing to IT: what it finds stays on this device. If you need help, you give IT a support code.</source>
        <translation>Dieser Assistent sendet nichts an die IT: Was er findet, bleibt auf diesem Gerät. Wenn Sie Hilfe brauchen, geben Sie der IT einen Supportcode.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Read the &amp;privacy notice</source>
        <translation>&amp;Datenschutzhinweis lesen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Check this device and see what to do</source>
        <translation>Dieses Gerät prüfen und sehen, was zu tun ist</translation>
    </message>
    <message>
        <source>&amp;Continue where you left off</source>
        <translation>Dort &amp;weitermachen, wo Sie aufgehört haben</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>Dort weitermachen, wo Sie aufgehört haben</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Unexpected result (code %1).</source>
        <translation>Unerwartetes Ergebnis (Code %1).</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Nicht bekannt.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system.</source>
        <translation>Dieses Gerät wird von einem bisherigen Verwaltungssystem verwaltet.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system and by Microsoft Intune at once.</source>
        <translation>Dieses Gerät wird gleichzeitig von einem bisherigen Verwaltungssystem und von Microsoft Intune verwaltet.</translation>
    </message>
    <message>
        <source>This device is managed by Microsoft Intune.</source>
        <translation>Dieses Gerät wird von Microsoft Intune verwaltet.</translation>
    </message>
    <message>
        <source>This device is not managed by any management system.</source>
        <translation>Dieses Gerät wird von keinem Verwaltungssystem verwaltet.</translation>
    </message>
    <message>
        <source>The helper could not tell what manages this device.</source>
        <translation>Der Assistent konnte nicht feststellen, was dieses Gerät verwaltet.</translation>
    </message>
    <message>
        <source>joined to Microsoft Entra ID</source>
        <translation>in Microsoft Entra ID eingebunden</translation>
    </message>
    <message>
        <source>hybrid joined (on-premises domain and Microsoft Entra ID)</source>
        <translation>hybrid eingebunden (lokale Domäne und Microsoft Entra ID)</translation>
    </message>
    <message>
        <source>joined to an on-premises domain only</source>
        <translation>nur in eine lokale Domäne eingebunden</translation>
    </message>
    <message>
        <source>registered with Microsoft Entra ID (work account)</source>
        <translation>bei Microsoft Entra ID registriert (Arbeitskonto)</translation>
    </message>
    <message>
        <source>not joined to Microsoft Entra ID</source>
        <translation>nicht in Microsoft Entra ID eingebunden</translation>
    </message>
    <message>
        <source>Microsoft Entra join state unknown</source>
        <translation>Microsoft Entra-Einbindungsstatus unbekannt</translation>
    </message>
    <message>
        <source>you can remove it yourself</source>
        <translation>Sie können die Verwaltung selbst entfernen</translation>
    </message>
    <message>
        <source>only IT can remove it</source>
        <translation>nur die IT kann die Verwaltung entfernen</translation>
    </message>
    <message>
        <source>whether you can remove it yourself is not known</source>
        <translation>ob Sie die Verwaltung selbst entfernen können, ist nicht bekannt</translation>
    </message>
    <message>
        <source>A fake enrollment key (FFFFFFFF-...) was ignored.</source>
        <translation>Ein falscher Registrierungsschlüssel (FFFFFFFF-...) wurde ignoriert.</translation>
    </message>
    <message>
        <source>Leftovers of an earlier enrollment were found.</source>
        <translation>Reste einer früheren Registrierung wurden gefunden.</translation>
    </message>
    <message>
        <source>The tenant has automatic MDM enrollment configured, but that alone does not mean this device is enrolled.</source>
        <translation>Für den Mandanten ist die automatische MDM-Registrierung eingerichtet, das allein bedeutet aber nicht, dass dieses Gerät registriert ist.</translation>
    </message>
    <message>
        <source>Apple ADE assigns this device to a management server.</source>
        <translation>Apple ADE weist dieses Gerät einem Verwaltungsserver zu.</translation>
    </message>
    <message>
        <source>The device was enrolled through Apple ADE: only IT can remove it.</source>
        <translation>Das Gerät wurde über Apple ADE registriert: Nur die IT kann die Verwaltung entfernen.</translation>
    </message>
    <message>
        <source>The management profile does not allow removal.</source>
        <translation>Das Verwaltungsprofil lässt sich nicht entfernen.</translation>
    </message>
    <message>
        <source>A source of evidence could not be read.</source>
        <translation>Eine Quelle von Hinweisen konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>A management agent is installed but the device is not enrolled.</source>
        <translation>Ein Verwaltungsagent ist installiert, aber das Gerät ist nicht registriert.</translation>
    </message>
    <message>
        <source>Company Portal is installed, but the device is not enrolled in Intune.</source>
        <translation>Das Unternehmensportal ist installiert, aber das Gerät ist nicht in Intune registriert.</translation>
    </message>
    <message>
        <source>A management server that matches no known vendor was found.</source>
        <translation>Ein Verwaltungsserver, der zu keinem bekannten Anbieter passt, wurde gefunden.</translation>
    </message>
    <message>
        <source>An enrollment exists but is not complete.</source>
        <translation>Eine Registrierung ist vorhanden, aber nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>More than one legacy management was found.</source>
        <translation>Mehr als eine bisherige Verwaltung wurde gefunden.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Check it left</source>
        <translation>Entfernung prüfen</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>In Intune registrieren</translation>
    </message>
    <message>
        <source>Check it joined</source>
        <translation>Registrierung prüfen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>IT kontaktieren</translation>
    </message>
    <message>
        <source>What happens next: you remove the old management from this device, then you enroll it in Microsoft Intune.</source>
        <translation>So geht es weiter: Sie entfernen die bisherige Verwaltung von diesem Gerät und registrieren es dann in Microsoft Intune.</translation>
    </message>
    <message>
        <source>What happens next: Microsoft Intune already manages this device; you only remove the old management.</source>
        <translation>So geht es weiter: Microsoft Intune verwaltet dieses Gerät bereits; Sie entfernen nur die bisherige Verwaltung.</translation>
    </message>
    <message>
        <source>What happens next: you enroll this device in Microsoft Intune.</source>
        <translation>So geht es weiter: Sie registrieren dieses Gerät in Microsoft Intune.</translation>
    </message>
    <message>
        <source>Nothing left to do: this device has already moved.</source>
        <translation>Nichts mehr zu tun: Dieses Gerät wurde bereits umgestellt.</translation>
    </message>
    <message>
        <source>This device needs IT&apos;s help: you cannot move it yourself.</source>
        <translation>Dieses Gerät braucht die Hilfe der IT: Sie können es nicht selbst umstellen.</translation>
    </message>
    <message>
        <source>The old management is still on this device.</source>
        <translation>Die bisherige Verwaltung ist noch auf diesem Gerät.</translation>
    </message>
    <message>
        <source>Microsoft Intune does not manage this device yet.</source>
        <translation>Microsoft Intune verwaltet dieses Gerät noch nicht.</translation>
    </message>
    <message>
        <source>Your work account is connected, but Microsoft Intune does not manage this device yet.</source>
        <translation>Ihr Arbeitskonto ist verbunden, aber Microsoft Intune verwaltet dieses Gerät noch nicht.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages this device, but it is not registered in your organization&apos;s Microsoft Entra ID yet: company mail and apps would refuse it.</source>
        <translation>Microsoft Intune verwaltet dieses Gerät, aber es ist noch nicht in der Microsoft Entra ID Ihrer Organisation registriert: Firmen-E-Mail und -Apps würden es ablehnen.</translation>
    </message>
    <message>
        <source>This device is registered with another organization&apos;s Microsoft Entra ID, not yours.</source>
        <translation>Dieses Gerät ist in der Microsoft Entra ID einer anderen Organisation registriert, nicht in Ihrer.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device to tell whether that worked.</source>
        <translation>Der Assistent konnte nicht genug von diesem Gerät lesen, um festzustellen, ob das funktioniert hat.</translation>
    </message>
    <message>
        <source>The old management is locked on this device: only IT can remove it.</source>
        <translation>Die bisherige Verwaltung ist auf diesem Gerät gesperrt: Nur die IT kann sie entfernen.</translation>
    </message>
    <message>
        <source>This device is managed by a system the helper does not know.</source>
        <translation>Dieses Gerät wird von einem System verwaltet, das der Assistent nicht kennt.</translation>
    </message>
    <message>
        <source>IT has to take the next step for this device.</source>
        <translation>Die IT muss den nächsten Schritt für dieses Gerät übernehmen.</translation>
    </message>
    <message>
        <source>The helper could not check this device.</source>
        <translation>Der Assistent konnte dieses Gerät nicht prüfen.</translation>
    </message>
    <message>
        <source>You asked IT for help.</source>
        <translation>Sie haben die IT um Hilfe gebeten.</translation>
    </message>
    <message>
        <source>The old management is back on this device after you had removed it: its agent or one of its policies installed it again. Remove it once more; if it comes back again, ask IT to release this device in the old management before you try again.</source>
        <translation>Die bisherige Verwaltung ist wieder auf diesem Gerät, nachdem Sie sie entfernt hatten: Der Agent oder eine Richtlinie der bisherigen Verwaltung hat sie erneut installiert. Entfernen Sie sie noch einmal; wenn sie wieder zurückkommt, bitten Sie die IT, dieses Gerät in der bisherigen Verwaltung freizugeben, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The old management enrolled this device again by itself: Apple Business Manager still assigns it to the old server. Ask IT to assign this device to Microsoft Intune in Apple Business Manager and to release it in the old management, then check again.</source>
        <translation>Die bisherige Verwaltung hat dieses Gerät von selbst erneut registriert: Apple Business Manager weist es noch immer dem alten Server zu. Bitten Sie die IT, dieses Gerät in Apple Business Manager Microsoft Intune zuzuweisen und es in der bisherigen Verwaltung freizugeben, und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Nothing has changed on this device yet. If you have just done the step, wait a minute and check again.</source>
        <translation>Auf diesem Gerät hat sich noch nichts geändert. Wenn Sie den Schritt gerade ausgeführt haben, warten Sie eine Minute und prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>The helper could not check this device this time. Try again in a moment.</source>
        <translation>Der Assistent konnte dieses Gerät diesmal nicht prüfen. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device this time. Try again in a moment.</source>
        <translation>Der Assistent konnte diesmal nicht genug von diesem Gerät lesen. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>That is not possible at this point.</source>
        <translation>Das ist an dieser Stelle nicht möglich.</translation>
    </message>
    <message>
        <source>That step is not part of your plan.</source>
        <translation>Dieser Schritt gehört nicht zu Ihrem Plan.</translation>
    </message>
    <message>
        <source>That step is already done.</source>
        <translation>Dieser Schritt ist bereits erledigt.</translation>
    </message>
    <message>
        <source>Your organization does not allow postponing this move.</source>
        <translation>Ihre Organisation erlaubt nicht, diese Umstellung zu verschieben.</translation>
    </message>
    <message>
        <source>You have postponed this move as many times as allowed.</source>
        <translation>Sie haben diese Umstellung so oft verschoben wie erlaubt.</translation>
    </message>
    <message>
        <source>The deadline has passed: this move cannot be postponed.</source>
        <translation>Die Frist ist abgelaufen: Diese Umstellung kann nicht verschoben werden.</translation>
    </message>
    <message>
        <source>Your saved progress could not be read, so the helper started again from the check.</source>
        <translation>Ihr gespeicherter Fortschritt konnte nicht gelesen werden, daher hat der Assistent wieder bei der Prüfung begonnen.</translation>
    </message>
    <message>
        <source>Your saved progress could not be opened, so the helper started again from the check.</source>
        <translation>Ihr gespeicherter Fortschritt konnte nicht geöffnet werden, daher hat der Assistent wieder bei der Prüfung begonnen.</translation>
    </message>
    <message>
        <source>Your progress cannot be saved on this device: keep this window open until the end.</source>
        <translation>Ihr Fortschritt kann auf diesem Gerät nicht gespeichert werden: Lassen Sie dieses Fenster bis zum Ende geöffnet.</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>zu erledigen</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>did not work</source>
        <translation>hat nicht funktioniert</translation>
    </message>
    <message>
        <source>IT needs to act</source>
        <translation>die IT muss handeln</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>nicht nötig</translation>
    </message>
    <message>
        <source>Your organization will ask you to move this device soon. The deadline is %1.</source>
        <translation>Ihre Organisation wird Sie bald bitten, dieses Gerät umzustellen. Die Frist ist der %1.</translation>
    </message>
    <message numerus="yes">
        <source>Please move this device by %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Bitte stellen Sie dieses Gerät bis zum %1 um (noch %n Tag).</numerusform>
            <numerusform>Bitte stellen Sie dieses Gerät bis zum %1 um (noch %n Tage).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n day(s) left: please move this device by %1.</source>
        <translation>
            <numerusform>Nur noch %n Tag: Bitte stellen Sie dieses Gerät bis zum %1 um.</numerusform>
            <numerusform>Nur noch %n Tage: Bitte stellen Sie dieses Gerät bis zum %1 um.</numerusform>
        </translation>
    </message>
    <message>
        <source>The deadline (%1) has passed: company mail and apps may already be blocked on this device. Please move it now.</source>
        <translation>Die Frist (%1) ist abgelaufen: Firmen-E-Mail und -Apps sind auf diesem Gerät möglicherweise schon gesperrt. Bitte stellen Sie es jetzt um.</translation>
    </message>
    <message>
        <source>The helper is not allowed to open this. Contact IT.</source>
        <translation>Der Assistent darf das nicht öffnen. Wenden Sie sich an die IT.</translation>
    </message>
    <message>
        <source>Nothing was run because you did not confirm.</source>
        <translation>Es wurde nichts ausgeführt, weil Sie nicht bestätigt haben.</translation>
    </message>
    <message>
        <source>This step holds a value the helper refuses to use. Contact IT.</source>
        <translation>Dieser Schritt enthält einen Wert, den der Assistent nicht verwendet. Wenden Sie sich an die IT.</translation>
    </message>
    <message>
        <source>There is nothing to open here.</source>
        <translation>Hier gibt es nichts zu öffnen.</translation>
    </message>
    <message>
        <source>The administrator prompt was cancelled: nothing was changed.</source>
        <translation>Die Administratorabfrage wurde abgebrochen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Contact IT.</source>
        <translation>Ihr Konto darf das nicht. Wenden Sie sich an die IT.</translation>
    </message>
    <message>
        <source>This device does not have the program this step needs.</source>
        <translation>Auf diesem Gerät fehlt das Programm, das dieser Schritt braucht.</translation>
    </message>
    <message>
        <source>This took too long and was stopped.</source>
        <translation>Das hat zu lange gedauert und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The system could not start it. Try again, or contact IT.</source>
        <translation>Das System konnte es nicht starten. Versuchen Sie es erneut oder wenden Sie sich an die IT.</translation>
    </message>
    <message>
        <source>Windows could not start it. Try again, or contact IT.</source>
        <translation>Windows konnte es nicht starten. Versuchen Sie es erneut oder wenden Sie sich an die IT.</translation>
    </message>
    <message>
        <source>Started. Finish the step in the window that opened, then come back here.</source>
        <translation>Gestartet. Schließen Sie den Schritt in dem geöffneten Fenster ab und kehren Sie dann hierher zurück.</translation>
    </message>
    <message>
        <source>Passed.</source>
        <translation>Bestanden.</translation>
    </message>
    <message>
        <source>Not needed on this device.</source>
        <translation>Auf diesem Gerät nicht nötig.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be found from this network.</source>
        <translation>Die Server von Microsoft sind aus diesem Netzwerk nicht auffindbar.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be reached from this network.</source>
        <translation>Die Server von Microsoft sind aus diesem Netzwerk nicht erreichbar.</translation>
    </message>
    <message>
        <source>A secure connection to Microsoft failed: a proxy or firewall may be in the way.</source>
        <translation>Eine sichere Verbindung zu Microsoft ist fehlgeschlagen: Möglicherweise steht ein Proxy oder eine Firewall im Weg.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers did not answer in time.</source>
        <translation>Die Server von Microsoft haben nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Your account is not an administrator of this device.</source>
        <translation>Ihr Konto ist kein Administrator dieses Geräts.</translation>
    </message>
    <message>
        <source>The helper could not tell whether your account is an administrator.</source>
        <translation>Der Assistent konnte nicht feststellen, ob Ihr Konto ein Administrator ist.</translation>
    </message>
    <message>
        <source>This device is on a Wi-Fi network the old management installed, and it has gone with it. Connect to another network (your home Wi-Fi or your phone&apos;s hotspot), then check again.</source>
        <translation>Dieses Gerät ist mit einem WLAN verbunden, das die bisherige Verwaltung eingerichtet hatte und das mit ihr verschwunden ist. Verbinden Sie sich mit einem anderen Netzwerk (Ihrem WLAN zu Hause oder dem Hotspot Ihres Smartphones) und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>Microsoft Intune holds this device&apos;s recovery key.</source>
        <translation>Der Wiederherstellungsschlüssel dieses Geräts ist in Microsoft Intune hinterlegt.</translation>
    </message>
    <message>
        <source>A new FileVault recovery key was made for Intune on this Mac; Intune receives it the next time the Mac checks in.</source>
        <translation>Für Intune wurde auf diesem Mac ein neuer FileVault-Wiederherstellungsschlüssel erstellt; Intune erhält ihn, wenn sich der Mac das nächste Mal meldet.</translation>
    </message>
    <message>
        <source>Intune has not set up FileVault&apos;s recovery key for this Mac yet. Check again later today; if nothing changes, ask IT to check FileVault for this Mac in Intune. Keep FileVault on.</source>
        <translation>Intune hat den FileVault-Wiederherstellungsschlüssel für diesen Mac noch nicht eingerichtet. Prüfen Sie später am Tag erneut; wenn sich nichts ändert, bitten Sie die IT, FileVault für diesen Mac in Intune zu überprüfen. Lassen Sie FileVault eingeschaltet.</translation>
    </message>
    <message>
        <source>Intune needs a new FileVault recovery key for this Mac: log out and log back in (or restart), then check again. If Intune still has no key, ask IT to check FileVault for this Mac in Intune.</source>
        <translation>Intune braucht einen neuen FileVault-Wiederherstellungsschlüssel für diesen Mac: Melden Sie sich ab und wieder an (oder starten Sie neu) und prüfen Sie dann erneut. Wenn Intune noch immer keinen Schlüssel hat, bitten Sie die IT, FileVault für diesen Mac in Intune zu überprüfen.</translation>
    </message>
    <message>
        <source>This PC does not show that its BitLocker recovery key was saved in your organization&apos;s Microsoft Entra ID. Ask IT to check that Intune holds it. Keep BitLocker on.</source>
        <translation>Dieser PC zeigt nicht an, dass sein BitLocker-Wiederherstellungsschlüssel in der Microsoft Entra ID Ihrer Organisation gespeichert wurde. Bitten Sie die IT zu prüfen, ob er in Intune hinterlegt ist. Lassen Sie BitLocker eingeschaltet.</translation>
    </message>
    <message>
        <source>Connection to Microsoft Intune</source>
        <translation>Verbindung zu Microsoft Intune</translation>
    </message>
    <message>
        <source>Administrator rights</source>
        <translation>Administratorrechte</translation>
    </message>
    <message>
        <source>Every status update has been sent to IT.</source>
        <translation>Alle Statusmeldungen wurden an die IT gesendet.</translation>
    </message>
    <message>
        <source>Status updates are being sent to IT.</source>
        <translation>Statusmeldungen werden an die IT gesendet.</translation>
    </message>
    <message>
        <source>Status updates could not be sent yet; the helper will try again.</source>
        <translation>Statusmeldungen konnten noch nicht gesendet werden; der Assistent versucht es erneut.</translation>
    </message>
    <message>
        <source>Status updates wait until you sign in with your work account.</source>
        <translation>Statusmeldungen warten, bis Sie sich mit Ihrem Arbeitskonto anmelden.</translation>
    </message>
    <message>
        <source>IT&apos;s service refused the status updates. IT has been told.</source>
        <translation>Der Dienst der IT hat die Statusmeldungen abgelehnt. Die IT wurde informiert.</translation>
    </message>
    <message>
        <source>This helper does not send status updates to IT.</source>
        <translation>Dieser Assistent sendet keine Statusmeldungen an die IT.</translation>
    </message>
    <message>
        <source>If it still fails, contact IT and tell them this message.</source>
        <translation>Wenn es weiterhin fehlschlägt, wenden Sie sich an die IT und nennen Sie diese Meldung.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s sign-in service could not be reached.</source>
        <translation>Der Anmeldedienst von Microsoft war nicht erreichbar.</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the network (Wi-Fi or cable, and the VPN if your company uses one), then try again.</source>
        <translation>Prüfen Sie, ob dieser Computer mit dem Netzwerk verbunden ist (WLAN oder Kabel, und das VPN, falls Ihr Unternehmen eines nutzt), und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The network&apos;s proxy refused the connection to Microsoft&apos;s sign-in service.</source>
        <translation>Der Proxy des Netzwerks hat die Verbindung zum Anmeldedienst von Microsoft abgelehnt.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s proxy settings, or try again from another network (at home, or a phone&apos;s hotspot).</source>
        <translation>Prüfen Sie die Proxyeinstellungen dieses Computers oder versuchen Sie es aus einem anderen Netzwerk (zu Hause oder über den Hotspot eines Smartphones).</translation>
    </message>
    <message>
        <source>The connection to Microsoft&apos;s sign-in service was not trusted.</source>
        <translation>Der Verbindung zum Anmeldedienst von Microsoft wurde nicht vertraut.</translation>
    </message>
    <message>
        <source>A device on this network inspects secure connections with a certificate this computer does not trust. Try another network.</source>
        <translation>Ein Gerät in diesem Netzwerk untersucht sichere Verbindungen mit einem Zertifikat, dem dieser Computer nicht vertraut. Versuchen Sie ein anderes Netzwerk.</translation>
    </message>
    <message>
        <source>Microsoft refused the sign-in.</source>
        <translation>Microsoft hat die Anmeldung abgelehnt.</translation>
    </message>
    <message>
        <source>Sign in with your work account, not a personal one. If it is refused again, your account may not be allowed to use this helper yet.</source>
        <translation>Melden Sie sich mit Ihrem Arbeitskonto an, nicht mit einem privaten. Wird sie erneut abgelehnt, darf Ihr Konto diesen Assistenten möglicherweise noch nicht verwenden.</translation>
    </message>
    <message>
        <source>The sign-in took too long and was stopped.</source>
        <translation>Die Anmeldung hat zu lange gedauert und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Try again, and finish signing in in the browser window that opens.</source>
        <translation>Versuchen Sie es erneut und schließen Sie die Anmeldung in dem Browserfenster ab, das sich öffnet.</translation>
    </message>
    <message>
        <source>No browser could be opened to sign in.</source>
        <translation>Es konnte kein Browser für die Anmeldung geöffnet werden.</translation>
    </message>
    <message>
        <source>Start the helper from your desktop session, where a browser can open, then try again.</source>
        <translation>Starten Sie den Assistenten aus Ihrer Desktopsitzung, in der sich ein Browser öffnen kann, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Sign-in is not set up in this helper.</source>
        <translation>Die Anmeldung ist in diesem Assistenten nicht eingerichtet.</translation>
    </message>
    <message>
        <source>Nothing to fix on your side: contact IT (the helper&apos;s configuration lacks the tenant, client or API settings).</source>
        <translation>Auf Ihrer Seite ist nichts zu tun: Wenden Sie sich an die IT (in der Konfiguration des Assistenten fehlen die Mandanten-, Client- oder API-Einstellungen).</translation>
    </message>
    <message>
        <source>A sign-in is already in progress.</source>
        <translation>Eine Anmeldung läuft bereits.</translation>
    </message>
    <message>
        <source>Finish it in the browser window that is open.</source>
        <translation>Schließen Sie sie in dem geöffneten Browserfenster ab.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Try again when you are ready.</source>
        <translation>Versuchen Sie es erneut, wenn Sie bereit sind.</translation>
    </message>
    <message numerus="yes">
        <source>%n status update(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n Statusmeldung wartet auf das Senden.</numerusform>
            <numerusform>%n Statusmeldungen warten auf das Senden.</numerusform>
        </translation>
    </message>
</context>
</TS>
