<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT" sourcelanguage="en">
<context>
    <name>CheckPage</name>
    <message>
        <source>Check this device</source>
        <translation>Verifica questo dispositivo</translation>
    </message>
    <message>
        <source>Checking what manages this device…</source>
        <translation>Verifica di ciò che gestisce questo dispositivo…</translation>
    </message>
    <message>
        <source>Checking this device</source>
        <translation>Verifica del dispositivo in corso</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Risultato</translation>
    </message>
    <message>
        <source>Remind me later</source>
        <translation>Ricordamelo più tardi</translation>
    </message>
    <message>
        <source>&amp;Technical details</source>
        <translation>&amp;Dettagli tecnici</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Dettagli tecnici</translation>
    </message>
    <message>
        <source>Shows the evidence the helper found, for IT</source>
        <translation>Mostra gli elementi trovati dall’assistente, per il reparto IT</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>Contatta il reparto I&amp;T</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>Chiedere aiuto al reparto IT per questo dispositivo</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>&amp;Ricordamelo più tardi</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>Rimandare la migrazione; l’assistente glielo ricorderà</translation>
    </message>
    <message>
        <source>&amp;Begin</source>
        <translation>&amp;Inizia</translation>
    </message>
    <message>
        <source>Start moving this device</source>
        <translation>Avviare la migrazione di questo dispositivo</translation>
    </message>
    <message>
        <source>The helper could not start.</source>
        <translation>Impossibile avviare l’assistente.</translation>
    </message>
    <message>
        <source>Contact IT and tell them what went wrong: %1</source>
        <translation>Contatti il reparto IT e indichi che cosa non ha funzionato: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Prima di iniziare</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Inizia</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continua</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continua</translation>
    </message>
    <message>
        <source>%1 manages this device: %2.</source>
        <translation>%1 gestisce questo dispositivo: %2.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages it too.</source>
        <translation>Anche Microsoft Intune lo gestisce.</translation>
    </message>
    <message>
        <source>The helper will remind you on %1. You can close this window now, or begin anyway.</source>
        <translation>L’assistente glielo ricorderà il %1. Può chiudere questa finestra ora, oppure iniziare comunque.</translation>
    </message>
    <message numerus="yes">
        <source>Not a good time? “Remind me later” postpones the move until %1 (%n time(s) left).</source>
        <translation>
            <numerusform>Non è il momento giusto? «Ricordamelo più tardi» rimanda la migrazione fino al %1 (ancora %n volta).</numerusform>
            <numerusform>Non è il momento giusto? «Ricordamelo più tardi» rimanda la migrazione fino al %1 (ancora %n volte).</numerusform>
        </translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Codice di assistenza: %1</translation>
    </message>
    <message>
        <source>Verdict: %1 (%2)</source>
        <translation>Esito: %1 (%2)</translation>
    </message>
    <message>
        <source>Plan: %1, platform %2, vendor %3</source>
        <translation>Piano: %1, piattaforma %2, fornitore %3</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Fase: %1</translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation>Motivi: %1</translation>
    </message>
    <message>
        <source>No detection this time (it failed).</source>
        <translation>Nessun rilevamento questa volta (non è riuscito).</translation>
    </message>
    <message>
        <source>Legacy management: %1 (%2), removable: %3, server: %4</source>
        <translation>Gestione precedente: %1 (%2), rimovibile: %3, server: %4</translation>
    </message>
    <message>
        <source>Microsoft Intune enrolled: %1</source>
        <translation>Registrato in Microsoft Intune: %1</translation>
    </message>
    <message>
        <source>Microsoft Entra: %1 (%2)</source>
        <translation>Microsoft Entra: %1 (%2)</translation>
    </message>
    <message>
        <source>Warning %1: %2</source>
        <translation>Avviso %1: %2</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Fonti:</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>the deadline</source>
        <translation>la scadenza</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Apri Impostazioni</translation>
    </message>
    <message>
        <source>Open Company Portal</source>
        <translation>Apri Portale aziendale</translation>
    </message>
    <message>
        <source>Open Windows enrollment</source>
        <translation>Apri la registrazione di Windows</translation>
    </message>
    <message>
        <source>Open Microsoft Store</source>
        <translation>Apri Microsoft Store</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>Apri nel browser</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <source>Run as administrator…</source>
        <translation>Esegui come amministratore…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Esegui…</translation>
    </message>
    <message>
        <source>Page content</source>
        <translation>Contenuto della pagina</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verifica in corso…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Verifica di nuovo</translation>
    </message>
    <message>
        <source>What you can try:</source>
        <translation>Che cosa può provare:</translation>
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
        <translation>Eseguire questo comando?</translation>
    </message>
    <message>
        <source>The helper will run exactly this command on this device:</source>
        <translation>L’assistente eseguirà esattamente questo comando su questo dispositivo:</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>It needs administrator rights: your system will ask for an administrator password or approval. Nothing runs unless you approve it there too.</source>
        <translation>Richiede i diritti di amministratore: il sistema le chiederà una password di amministratore o un’approvazione. Non viene eseguito nulla se non approva anche lì.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Esegui</translation>
    </message>
</context>
<context>
    <name>ContactItPage</name>
    <message>
        <source>IT needs to help with this device</source>
        <translation>Il reparto IT deve intervenire su questo dispositivo</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Perché</translation>
    </message>
    <message>
        <source>Your support code</source>
        <translation>Il suo codice di assistenza</translation>
    </message>
    <message>
        <source>Give IT this code: it lets them find this device and see how far it got.</source>
        <translation>Comunichi questo codice al reparto IT: gli permette di trovare questo dispositivo e di vedere a che punto è arrivato.</translation>
    </message>
    <message>
        <source>Co&amp;py for IT</source>
        <translation>Co&amp;pia per il reparto IT</translation>
    </message>
    <message>
        <source>Copies a short summary for IT: support code, management and codes</source>
        <translation>Copia un breve riepilogo per il reparto IT: codice di assistenza, gestione e codici</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>Ricomincia da &amp;capo</translation>
    </message>
    <message>
        <source>Check this device again from the start</source>
        <translation>Verificare di nuovo questo dispositivo dall’inizio</translation>
    </message>
    <message>
        <source>I’ve c&amp;ontacted IT</source>
        <translation>H&amp;o contattato il reparto IT</translation>
    </message>
    <message>
        <source>Tell the helper you have asked IT for help</source>
        <translation>Comunicare all’assistente che ha chiesto aiuto al reparto IT</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Verifica di nuovo</translation>
    </message>
    <message>
        <source>Once IT has acted, check this device again</source>
        <translation>Quando il reparto IT è intervenuto, verifichi di nuovo questo dispositivo</translation>
    </message>
    <message>
        <source>Support code %1</source>
        <translation>Codice di assistenza %1</translation>
    </message>
    <message>
        <source>What to tell IT</source>
        <translation>Che cosa dire al reparto IT</translation>
    </message>
    <message>
        <source>Copied. Paste it into your message or ticket to IT.</source>
        <translation>Copiato. Lo incolli nel suo messaggio o nella sua richiesta al reparto IT.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>All done</source>
        <translation>Operazione completata</translation>
    </message>
    <message>
        <source>Status updates for IT</source>
        <translation>Aggiornamenti di stato per il reparto IT</translation>
    </message>
    <message>
        <source>&amp;Sign in to send the status updates…</source>
        <translation>Acc&amp;edi per inviare gli aggiornamenti di stato…</translation>
    </message>
    <message>
        <source>Sign in with your work account in the browser</source>
        <translation>Accedere con l’account aziendale nel browser</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>&amp;Istruzioni per un altro dispositivo…</translation>
    </message>
    <message>
        <source>Steps and QR codes to move a phone or tablet</source>
        <translation>Passaggi e codici QR per migrare un telefono o un tablet</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <source>Close the helper</source>
        <translation>Chiudere l’assistente</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Che cosa è successo</translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Codice di assistenza: %1</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Technical details</source>
        <translation>Dettagli tecnici</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>Mostra &amp;dettagli</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copia dettagli</translation>
    </message>
    <message numerus="yes">
        <source>This happened %n time(s) so far.</source>
        <translation>
            <numerusform>È successo %n volta finora.</numerusform>
            <numerusform>È successo %n volte finora.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>Nascondi &amp;dettagli</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Errore imprevisto</translation>
    </message>
    <message>
        <source>Something went wrong. You can keep using the helper; if this happens again, contact your IT support and give them the details (“Copy details”).</source>
        <translation>Si è verificato un problema. Può continuare a usare l’assistente; se dovesse ripetersi, contatti il supporto IT e fornisca i dettagli («Copia dettagli»).</translation>
    </message>
</context>
<context>
    <name>Fold</name>
    <message>
        <source>More</source>
        <translation>Mostra di più</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Mostra di meno</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>iPhone or iPad</source>
        <translation>iPhone o iPad</translation>
    </message>
    <message>
        <source>Android phone or tablet</source>
        <translation>Telefono o tablet Android</translation>
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
        <translation>Istruzioni per un altro dispositivo</translation>
    </message>
    <message>
        <source>Choose the device to move and what manages it today: the steps below are the ones to follow on that device.</source>
        <translation>Scelga il dispositivo da migrare e ciò che lo gestisce oggi: i passaggi qui sotto sono quelli da seguire su quel dispositivo.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Dispositivo:</translation>
    </message>
    <message>
        <source>&amp;Managed today by:</source>
        <translation>&amp;Gestito oggi da:</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Passaggi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Another system, or not sure</source>
        <translation>Un altro sistema, o non lo so</translation>
    </message>
    <message>
        <source>Nothing: not managed yet</source>
        <translation>Niente: non ancora gestito</translation>
    </message>
    <message>
        <source>The steps for this device cannot be shown: %1</source>
        <translation>Impossibile mostrare i passaggi per questo dispositivo: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Prima di iniziare</translation>
    </message>
    <message>
        <source>Leave the current management</source>
        <translation>Lasciare la gestione attuale</translation>
    </message>
    <message>
        <source>Check that it has left</source>
        <translation>Verificare che sia stata rimossa</translation>
    </message>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>Passare a Microsoft Intune</translation>
    </message>
    <message>
        <source>Check the enrollment</source>
        <translation>Verificare la registrazione</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fatto</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contattare il reparto IT</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>Codice QR per %1</translation>
    </message>
    <message>
        <source>Scan this code with the camera of the other device to open %1</source>
        <translation>Scansioni questo codice con la fotocamera dell’altro dispositivo per aprire %1</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Collegamento</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copia collegamento</translation>
    </message>
    <message>
        <source>Link copied to the clipboard.</source>
        <translation>Collegamento copiato negli Appunti.</translation>
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
        <translation>Codice di assistenza</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copia codice</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Panoramica</translation>
    </message>
    <message>
        <source>Detection (JSON)</source>
        <translation>Rilevamento (JSON)</translation>
    </message>
    <message>
        <source>Journey (JSON)</source>
        <translation>Percorso (JSON)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>&amp;Refresh the log</source>
        <translation>Aggio&amp;rna il registro</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Rilevamento</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <source>Open a capture a user sent (“Open a capture…”) to see what their device shows and the steps it would get.</source>
        <translation>Apra un’acquisizione inviata da un utente («Apri un’acquisizione…») per vedere che cosa mostra il suo dispositivo e quali passaggi riceverebbe.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Passaggi</translation>
    </message>
    <message>
        <source>Detection of the capture (JSON)</source>
        <translation>Rilevamento dell’acquisizione (JSON)</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Riproduzione</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Elaborazione in corso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copia la &amp;diagnostica</translation>
    </message>
    <message>
        <source>&amp;Export capture (.zip)…</source>
        <translation>&amp;Esporta acquisizione (.zip)…</translation>
    </message>
    <message>
        <source>&amp;Open a capture…</source>
        <translation>Apri un’acqui&amp;sizione…</translation>
    </message>
    <message>
        <source>No journey yet: the helper has not checked this device in this session.</source>
        <translation>Nessun percorso per ora: l’assistente non ha ancora verificato questo dispositivo in questa sessione.</translation>
    </message>
    <message>
        <source>No detection yet.</source>
        <translation>Nessun rilevamento per ora.</translation>
    </message>
    <message>
        <source>No journey yet.</source>
        <translation>Nessun percorso per ora.</translation>
    </message>
    <message>
        <source>The last detection failed; see the log.</source>
        <translation>L’ultimo rilevamento non è riuscito; consulti il registro.</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Fase: %1</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Percorso: %1</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Piattaforma: %1</translation>
    </message>
    <message>
        <source>Legacy vendor: %1</source>
        <translation>Fornitore precedente: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Esito: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>Failed checks: %1</source>
        <translation>Verifiche non riuscite: %1</translation>
    </message>
    <message>
        <source>Next reminder: %1</source>
        <translation>Prossimo promemoria: %1</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>Ultima modifica: %1</translation>
    </message>
    <message>
        <source>Detection warnings:</source>
        <translation>Avvisi del rilevamento:</translation>
    </message>
    <message>
        <source>Journey warnings: %1</source>
        <translation>Avvisi del percorso: %1</translation>
    </message>
    <message>
        <source>The log file cannot be read: %1</source>
        <translation>Impossibile leggere il file di registro: %1</translation>
    </message>
    <message>
        <source>The log file is empty or does not exist yet: %1</source>
        <translation>Il file di registro è vuoto o non esiste ancora: %1</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard (no secrets included).</source>
        <translation>Diagnostica copiata negli Appunti (nessun segreto incluso).</translation>
    </message>
    <message>
        <source>Support code copied to the clipboard.</source>
        <translation>Codice di assistenza copiato negli Appunti.</translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>Esporta acquisizione</translation>
    </message>
    <message>
        <source>Capture (*.zip)</source>
        <translation>Acquisizione (*.zip)</translation>
    </message>
    <message>
        <source>Capturing this device…</source>
        <translation>Acquisizione del dispositivo in corso…</translation>
    </message>
    <message numerus="yes">
        <source>Capture saved to %1 (%n evidence file(s)).</source>
        <translation>
            <numerusform>Acquisizione salvata in %1 (%n file di evidenze).</numerusform>
            <numerusform>Acquisizione salvata in %1 (%n file di evidenze).</numerusform>
        </translation>
    </message>
    <message>
        <source>The capture could not be saved: %1</source>
        <translation>Impossibile salvare l’acquisizione: %1</translation>
    </message>
    <message>
        <source>Open a capture</source>
        <translation>Apri un’acquisizione</translation>
    </message>
    <message>
        <source>Capture (*.zip capture.json);;All files (*)</source>
        <translation>Acquisizione (*.zip capture.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Opening the capture…</source>
        <translation>Apertura dell’acquisizione…</translation>
    </message>
    <message>
        <source>Capture: %1 (taken %2)</source>
        <translation>Acquisizione: %1 (eseguita il %2)</translation>
    </message>
    <message>
        <source>Verdict: %1. Path: %2.</source>
        <translation>Esito: %1. Percorso: %2.</translation>
    </message>
    <message>
        <source>Capture opened (read-only).</source>
        <translation>Acquisizione aperta (sola lettura).</translation>
    </message>
    <message>
        <source>This is not a capture: %1</source>
        <translation>Questa non è un’acquisizione: %1</translation>
    </message>
    <message>
        <source>This capture is too large: %1</source>
        <translation>Questa acquisizione è troppo grande: %1</translation>
    </message>
    <message>
        <source>This capture is damaged or not valid: %1</source>
        <translation>Questa acquisizione è danneggiata o non valida: %1</translation>
    </message>
    <message>
        <source>The helper’s IT content is not valid: %1</source>
        <translation>Il contenuto IT dell’assistente non è valido: %1</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Impossibile leggere il file: %1</translation>
    </message>
    <message>
        <source>This capture cannot be replayed: %1</source>
        <translation>Impossibile riprodurre questa acquisizione: %1</translation>
    </message>
</context>
<context>
    <name>IntuneStatusCard</name>
    <message>
        <source>What Intune says</source>
        <translation>Cosa indica Intune</translation>
    </message>
    <message>
        <source>✓ Confirmed by Intune</source>
        <translation>✓ Confermato da Intune</translation>
    </message>
    <message>
        <source>✓ Compliant with your organization’s rules</source>
        <translation>✓ Conforme alle regole della sua organizzazione</translation>
    </message>
    <message>
        <source>Not compliant yet: some of your organization’s rules are not met on this device</source>
        <translation>Non ancora conforme: alcune regole della sua organizzazione non sono rispettate su questo dispositivo</translation>
    </message>
    <message>
        <source>Compliance not evaluated yet</source>
        <translation>Conformità non ancora valutata</translation>
    </message>
    <message numerus="yes">
        <source>Not yet confirmed by Intune (it can take up to %n hour(s))</source>
        <translation>
            <numerusform>Non ancora confermato da Intune (può richiedere fino a %n ora)</numerusform>
            <numerusform>Non ancora confermato da Intune (può richiedere fino a %n ore)</numerusform>
        </translation>
    </message>
    <message>
        <source>It is taking longer than it should: contact IT with your support code.</source>
        <translation>Sta richiedendo più tempo del previsto: contatti il reparto IT e comunichi il suo codice di assistenza.</translation>
    </message>
    <message>
        <source>Intune no longer lists this device: contact IT with your support code.</source>
        <translation>Intune non elenca più questo dispositivo: contatti il reparto IT e comunichi il suo codice di assistenza.</translation>
    </message>
    <message>
        <source>Your old device management is back on this device: contact IT with your support code.</source>
        <translation>La gestione dei dispositivi precedente è tornata su questo dispositivo: contatti il reparto IT e comunichi il suo codice di assistenza.</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>Passare a Microsoft Intune</translation>
    </message>
    <message>
        <source>First the helper checks that this device can enroll. Then follow the steps to enroll it in Microsoft Intune, and press “I’ve done it — check again”.</source>
        <translation>Per prima cosa l’assistente verifica che questo dispositivo possa essere registrato. Poi segua i passaggi per registrarlo in Microsoft Intune e prema «Fatto — verifica di nuovo».</translation>
    </message>
</context>
<context>
    <name>LeavePage</name>
    <message>
        <source>Leave %1</source>
        <translation>Lasciare %1</translation>
    </message>
    <message>
        <source>Follow these steps to remove %1 from this device. When you have done them, press “I’ve done it — check again”: the helper then checks the device.</source>
        <translation>Segua questi passaggi per rimuovere %1 da questo dispositivo. Quando li ha completati, prema «Fatto — verifica di nuovo»: l’assistente verificherà quindi il dispositivo.</translation>
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
        <translation>Avanzamento</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Fatto: %1.</translation>
    </message>
    <message>
        <source>Still to come: %1.</source>
        <translation>Ancora da fare: %1.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Next reminder</source>
        <translation>Prossimo promemoria</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Elaborazione in corso…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Elaborazione in corso</translation>
    </message>
    <message>
        <source>%1 logo</source>
        <translation>Logo di %1</translation>
    </message>
    <message>
        <source>Demo: a simulated device (scenario %1). Nothing on this computer is changed and nothing is sent to IT.</source>
        <translation>Demo: un dispositivo simulato (scenario %1). Su questo computer non viene modificato nulla e non viene inviato nulla al reparto IT.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Modalità demo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Sign in to send status updates</source>
        <translation>A&amp;ccedi per inviare gli aggiornamenti di stato</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Development mode: status updates go to a test collector on this computer (%1) with unsigned tokens. Never use this configuration on employees&apos; devices.</source>
        <translation>Modalità di sviluppo: gli aggiornamenti di stato vanno a un collettore di prova su questo computer (%1) con token non firmati. Non usi mai questa configurazione sui dispositivi dei dipendenti.</translation>
    </message>
    <message>
        <source>Development mode</source>
        <translation>Modalità di sviluppo</translation>
    </message>
    <message>
        <source>&amp;Helpdesk panel…</source>
        <translation>Pannello &amp;helpdesk…</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>&amp;Istruzioni per un altro dispositivo…</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>Informazioni &amp;su %1</translation>
    </message>
    <message>
        <source>Leave %1</source>
        <translation>Lasciare %1</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Benvenuto</translation>
    </message>
    <message>
        <source>Check this device</source>
        <translation>Verifica questo dispositivo</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>Passare a Intune</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fatto</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contattare il reparto IT</translation>
    </message>
    <message>
        <source>the old management</source>
        <translation>la gestione precedente</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Passaggio %1 di %2: %3</translation>
    </message>
    <message>
        <source>%1 %2: request for help</source>
        <translation>%1 %2: richiesta di assistenza</translation>
    </message>
    <message>
        <source>The device has not been checked yet.</source>
        <translation>Il dispositivo non è ancora stato verificato.</translation>
    </message>
    <message>
        <source>Support code</source>
        <translation>Codice di assistenza</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Piattaforma</translation>
    </message>
    <message>
        <source>Legacy vendor</source>
        <translation>Fornitore precedente</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Percorso</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>Verifiche non riuscite</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>Demo scenario</source>
        <translation>Scenario dimostrativo</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aggiornato</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Informazioni su %1</translation>
    </message>
    <message>
        <source>%1 %2
Helps you move this device to Microsoft Intune.</source>
        <translation>%1 %2
La aiuta a migrare questo dispositivo a Microsoft Intune.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Accesso non riuscito</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Riprova</translation>
    </message>
</context>
<context>
    <name>ReminderPrompt</name>
    <message>
        <source>Reminder</source>
        <translation>Promemoria</translation>
    </message>
    <message>
        <source>It is time to finish moving this device to Microsoft Intune.</source>
        <translation>È il momento di completare la migrazione di questo dispositivo a Microsoft Intune.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <source>Close this reminder</source>
        <translation>Chiudere questo promemoria</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>&amp;Ricordamelo più tardi</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>Rimandare la migrazione; l’assistente glielo ricorderà</translation>
    </message>
    <message>
        <source>C&amp;ontinue now</source>
        <translation>Continua &amp;ora</translation>
    </message>
    <message>
        <source>Open the helper where you left off</source>
        <translation>Aprire l’assistente dal punto in cui aveva lasciato</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back today at %1.</source>
        <translation>«Ricordamelo più tardi» riproporrà questo promemoria oggi alle %1.</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back on %1 at %2.</source>
        <translation>«Ricordamelo più tardi» riproporrà questo promemoria il %1 alle %2.</translation>
    </message>
    <message>
        <source>The deadline has passed: this reminder can no longer be postponed. You can close it, but company apps may stop working on this device until it is moved.</source>
        <translation>La scadenza è passata: questo promemoria non può più essere rimandato. Può chiuderlo, ma le app aziendali potrebbero smettere di funzionare su questo dispositivo finché non viene migrato.</translation>
    </message>
    <message>
        <source>You have postponed as many times as IT allows: this reminder can no longer be postponed. You can close it.</source>
        <translation>Ha già rimandato tutte le volte consentite dal reparto IT: questo promemoria non può più essere rimandato. Può chiuderlo.</translation>
    </message>
    <message>
        <source>This reminder cannot be postponed. You can close it.</source>
        <translation>Questo promemoria non può essere rimandato. Può chiuderlo.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Next reminder: today at %1</source>
        <translation>Prossimo promemoria: oggi alle %1</translation>
    </message>
    <message>
        <source>Next reminder: %1 at %2</source>
        <translation>Prossimo promemoria: %1 alle %2</translation>
    </message>
</context>
<context>
    <name>ServerReleasePanel</name>
    <message>
        <source>IT’s server can remove %1 from this device for you, without a call to IT. It may need IT’s approval first.</source>
        <translation>Il server del reparto IT può rimuovere %1 da questo dispositivo al posto suo, senza bisogno di chiamare il reparto IT. Potrebbe essere necessaria prima l’approvazione del reparto IT.</translation>
    </message>
    <message>
        <source>Ask IT’s server to remove %1</source>
        <translation>Chiedere al server del reparto IT di rimuovere %1</translation>
    </message>
    <message>
        <source>Asks IT’s server to release this device from its old management</source>
        <translation>Chiede al server del reparto IT di rilasciare questo dispositivo dalla sua gestione precedente</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>Rimuovere %1?</translation>
    </message>
    <message>
        <source>IT’s server will ask %1 to stop managing this device. Its apps, settings and Wi-Fi or VPN profiles from %1 go with it. Keep this device switched on and connected until the helper says it is done.</source>
        <translation>Il server del reparto IT chiederà a %1 di smettere di gestire questo dispositivo. Le app, le impostazioni e i profili Wi-Fi o VPN di %1 verranno rimossi insieme. Tenga questo dispositivo acceso e connesso finché l’assistente non indica che l’operazione è terminata.</translation>
    </message>
    <message>
        <source>Your request is waiting for IT’s approval. You can leave this window open: it checks by itself.</source>
        <translation>La sua richiesta è in attesa dell’approvazione del reparto IT. Può lasciare aperta questa finestra: verifica lo stato da sola.</translation>
    </message>
    <message>
        <source>IT’s server is asking %1 to release this device…</source>
        <translation>Il server del reparto IT sta chiedendo a %1 di rilasciare questo dispositivo…</translation>
    </message>
    <message>
        <source>%1 agreed to release this device. Checking the device…</source>
        <translation>%1 ha accettato di rilasciare questo dispositivo. Verifica del dispositivo in corso…</translation>
    </message>
    <message>
        <source>The request was refused. Contact IT with your support code.</source>
        <translation>La richiesta è stata rifiutata. Contatti il reparto IT e comunichi il suo codice di assistenza.</translation>
    </message>
    <message>
        <source>IT’s server could not release this device from %1. Contact IT with your support code.</source>
        <translation>Il server del reparto IT non è riuscito a far rilasciare questo dispositivo da %1. Contatti il reparto IT e comunichi il suo codice di assistenza.</translation>
    </message>
    <message>
        <source>IT’s server cannot do this for this device. Contact IT with your support code.</source>
        <translation>Il server del reparto IT non può farlo per questo dispositivo. Contatti il reparto IT e comunichi il suo codice di assistenza.</translation>
    </message>
    <message>
        <source>IT’s server cannot be reached right now. The helper tries again in a moment.</source>
        <translation>Il server del reparto IT non è raggiungibile in questo momento. L’assistente riproverà tra poco.</translation>
    </message>
    <message>
        <source>Sign in with your work account first, then ask again.</source>
        <translation>Acceda prima con il suo account aziendale, poi invii di nuovo la richiesta.</translation>
    </message>
    <message>
        <source>%1 will leave this device the next time it is online. Keep it connected for a few minutes, then choose Check again.</source>
        <translation>La rimozione di %1 avverrà la prossima volta che il dispositivo sarà online. Lo tenga connesso per qualche minuto, poi prema «Verifica di nuovo».</translation>
    </message>
</context>
<context>
    <name>StagePage</name>
    <message>
        <source>What went wrong</source>
        <translation>Che cosa non ha funzionato</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>Contatta il reparto I&amp;T</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>Chiedere aiuto al reparto IT per questo dispositivo</translation>
    </message>
    <message>
        <source>I’ve &amp;done it — check again</source>
        <translation>Fatto — &amp;verifica di nuovo</translation>
    </message>
    <message>
        <source>The helper checks this device again to see whether the steps worked</source>
        <translation>L’assistente verifica di nuovo questo dispositivo per vedere se i passaggi hanno funzionato</translation>
    </message>
    <message>
        <source>Check %1 of %2: after that, the helper asks you to contact IT.</source>
        <translation>Verifica %1 di %2: dopo, l’assistente le chiederà di contattare il reparto IT.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong</source>
        <translation>Si è verificato un problema</translation>
    </message>
    <message>
        <source>The helper could not finish a task. Your progress is saved: you can try again, or contact IT.</source>
        <translation>L’assistente non è riuscito a completare un’operazione. I suoi progressi sono salvati: può riprovare o contattare il reparto IT.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Move this device to Microsoft Intune</source>
        <translation>Migrare questo dispositivo a Microsoft Intune</translation>
    </message>
    <message>
        <source>A message from %1</source>
        <translation>Un messaggio da %1</translation>
    </message>
    <message>
        <source>Message from IT</source>
        <translation>Messaggio dal reparto IT</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Che cosa succederà</translation>
    </message>
    <message>
        <source>1. The helper checks what manages this device. Nothing changes yet.</source>
        <translation>1. L’assistente verifica che cosa gestisce questo dispositivo. Per ora non cambia nulla.</translation>
    </message>
    <message>
        <source>2. You remove the old management. Company mail, Wi-Fi, VPN, certificates and the company apps it installed are removed for a while.</source>
        <translation>2. Lei rimuove la gestione precedente. La posta aziendale, il Wi-Fi, la VPN, i certificati e le app aziendali che ha installato vengono rimossi per un po’.</translation>
    </message>
    <message>
        <source>3. You enroll the device in Microsoft Intune, which sets them up again.</source>
        <translation>3. Lei registra il dispositivo in Microsoft Intune, che li configura di nuovo.</translation>
    </message>
    <message>
        <source>You can close this window at any time: the helper remembers where you are.</source>
        <translation>Può chiudere questa finestra in qualsiasi momento: l’assistente tiene traccia dei suoi progressi.</translation>
    </message>
    <message>
        <source>What IT receives</source>
        <translation>Che cosa riceve il reparto IT</translation>
    </message>
    <message>
        <source>So that IT can help when a step fails, the helper tells IT how far this device got: the step reached, result and error codes, the device&apos;s platform and the name of its old management, with the times. It never sends your name, your e-mail address, the device&apos;s name or your files.</source>
        <translation>Per poterla aiutare quando un passaggio non riesce, l’assistente comunica al reparto IT a che punto è arrivato questo dispositivo: il passaggio raggiunto, i codici di risultato e di errore, la piattaforma del dispositivo e il nome della sua gestione precedente, con gli orari. Non invia mai il suo nome, il suo indirizzo e-mail, il nome del dispositivo né i suoi file.</translation>
    </message>
    <message>
        <source>This helper sends nothing to IT: what it finds stays on this device. If you need help, you give IT a support code.</source>
        <translation>Questo assistente non invia nulla al reparto IT: ciò che trova resta su questo dispositivo. Se ha bisogno di aiuto, comunichi un codice di assistenza al reparto IT.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <source>Read the &amp;privacy notice</source>
        <translation>Leggi l’informativa sulla &amp;privacy</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Inizia</translation>
    </message>
    <message>
        <source>Check this device and see what to do</source>
        <translation>Verificare questo dispositivo e vedere che cosa fare</translation>
    </message>
    <message>
        <source>&amp;Continue where you left off</source>
        <translation>&amp;Riprendi da dove aveva interrotto</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>Riprendi da dove aveva interrotto</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Unexpected result (code %1).</source>
        <translation>Risultato imprevisto (codice %1).</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Sconosciuto.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system.</source>
        <translation>Questo dispositivo è gestito da un sistema di gestione precedente.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system and by Microsoft Intune at once.</source>
        <translation>Questo dispositivo è gestito contemporaneamente da un sistema di gestione precedente e da Microsoft Intune.</translation>
    </message>
    <message>
        <source>This device is managed by Microsoft Intune.</source>
        <translation>Questo dispositivo è gestito da Microsoft Intune.</translation>
    </message>
    <message>
        <source>This device is not managed by any management system.</source>
        <translation>Questo dispositivo non è gestito da alcun sistema di gestione.</translation>
    </message>
    <message>
        <source>The helper could not tell what manages this device.</source>
        <translation>L’assistente non è riuscito a determinare che cosa gestisce questo dispositivo.</translation>
    </message>
    <message>
        <source>joined to Microsoft Entra ID</source>
        <translation>aggiunto a Microsoft Entra ID</translation>
    </message>
    <message>
        <source>hybrid joined (on-premises domain and Microsoft Entra ID)</source>
        <translation>aggiunto in modalità ibrida (dominio locale e Microsoft Entra ID)</translation>
    </message>
    <message>
        <source>joined to an on-premises domain only</source>
        <translation>aggiunto solo a un dominio locale</translation>
    </message>
    <message>
        <source>registered with Microsoft Entra ID (work account)</source>
        <translation>registrato in Microsoft Entra ID (account aziendale)</translation>
    </message>
    <message>
        <source>not joined to Microsoft Entra ID</source>
        <translation>non aggiunto a Microsoft Entra ID</translation>
    </message>
    <message>
        <source>Microsoft Entra join state unknown</source>
        <translation>stato di aggiunta a Microsoft Entra sconosciuto</translation>
    </message>
    <message>
        <source>you can remove it yourself</source>
        <translation>può rimuoverla autonomamente</translation>
    </message>
    <message>
        <source>only IT can remove it</source>
        <translation>solo il reparto IT può rimuoverla</translation>
    </message>
    <message>
        <source>whether you can remove it yourself is not known</source>
        <translation>non si sa se può rimuoverla autonomamente</translation>
    </message>
    <message>
        <source>A fake enrollment key (FFFFFFFF-...) was ignored.</source>
        <translation>È stata ignorata una chiave di registrazione falsa (FFFFFFFF-...).</translation>
    </message>
    <message>
        <source>Leftovers of an earlier enrollment were found.</source>
        <translation>Sono stati trovati residui di una registrazione precedente.</translation>
    </message>
    <message>
        <source>The tenant has automatic MDM enrollment configured, but that alone does not mean this device is enrolled.</source>
        <translation>Il tenant ha configurato la registrazione MDM automatica, ma questo da solo non significa che questo dispositivo sia registrato.</translation>
    </message>
    <message>
        <source>Apple ADE assigns this device to a management server.</source>
        <translation>Apple ADE assegna questo dispositivo a un server di gestione.</translation>
    </message>
    <message>
        <source>The device was enrolled through Apple ADE: only IT can remove it.</source>
        <translation>Il dispositivo è stato registrato tramite Apple ADE: solo il reparto IT può rimuoverlo.</translation>
    </message>
    <message>
        <source>The management profile does not allow removal.</source>
        <translation>Il profilo di gestione non ne consente la rimozione.</translation>
    </message>
    <message>
        <source>A source of evidence could not be read.</source>
        <translation>Impossibile leggere una fonte di informazioni.</translation>
    </message>
    <message>
        <source>A management agent is installed but the device is not enrolled.</source>
        <translation>È installato un agente di gestione, ma il dispositivo non è registrato.</translation>
    </message>
    <message>
        <source>Company Portal is installed, but the device is not enrolled in Intune.</source>
        <translation>Portale aziendale è installato, ma il dispositivo non è registrato in Intune.</translation>
    </message>
    <message>
        <source>A management server that matches no known vendor was found.</source>
        <translation>È stato trovato un server di gestione che non corrisponde ad alcun fornitore noto.</translation>
    </message>
    <message>
        <source>An enrollment exists but is not complete.</source>
        <translation>Esiste una registrazione, ma non è completa.</translation>
    </message>
    <message>
        <source>More than one legacy management was found.</source>
        <translation>È stata trovata più di una gestione precedente.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>letta</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>mancante</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illeggibile</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Preparare</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Lasciare</translation>
    </message>
    <message>
        <source>Check it left</source>
        <translation>Verificare la rimozione</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>Passare a Intune</translation>
    </message>
    <message>
        <source>Check it joined</source>
        <translation>Verificare la registrazione</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fatto</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contattare il reparto IT</translation>
    </message>
    <message>
        <source>What happens next: you remove the old management from this device, then you enroll it in Microsoft Intune.</source>
        <translation>Che cosa succede ora: lei rimuove la gestione precedente da questo dispositivo, poi lo registra in Microsoft Intune.</translation>
    </message>
    <message>
        <source>What happens next: Microsoft Intune already manages this device; you only remove the old management.</source>
        <translation>Che cosa succede ora: Microsoft Intune gestisce già questo dispositivo; deve solo rimuovere la gestione precedente.</translation>
    </message>
    <message>
        <source>What happens next: you enroll this device in Microsoft Intune.</source>
        <translation>Che cosa succede ora: lei registra questo dispositivo in Microsoft Intune.</translation>
    </message>
    <message>
        <source>Nothing left to do: this device has already moved.</source>
        <translation>Non resta nulla da fare: questo dispositivo è già stato migrato.</translation>
    </message>
    <message>
        <source>This device needs IT&apos;s help: you cannot move it yourself.</source>
        <translation>Questo dispositivo ha bisogno dell’aiuto del reparto IT: non può migrarlo autonomamente.</translation>
    </message>
    <message>
        <source>The old management is still on this device.</source>
        <translation>La gestione precedente è ancora presente su questo dispositivo.</translation>
    </message>
    <message>
        <source>Microsoft Intune does not manage this device yet.</source>
        <translation>Microsoft Intune non gestisce ancora questo dispositivo.</translation>
    </message>
    <message>
        <source>Your work account is connected, but Microsoft Intune does not manage this device yet.</source>
        <translation>Il suo account aziendale è connesso, ma Microsoft Intune non gestisce ancora questo dispositivo.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages this device, but it is not registered in your organization&apos;s Microsoft Entra ID yet: company mail and apps would refuse it.</source>
        <translation>Microsoft Intune gestisce questo dispositivo, ma non è ancora registrato nel Microsoft Entra ID della sua organizzazione: la posta e le app aziendali lo rifiuterebbero.</translation>
    </message>
    <message>
        <source>This device is registered with another organization&apos;s Microsoft Entra ID, not yours.</source>
        <translation>Questo dispositivo è registrato nel Microsoft Entra ID di un’altra organizzazione, non della sua.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device to tell whether that worked.</source>
        <translation>L’assistente non è riuscito a leggere abbastanza informazioni da questo dispositivo per capire se ha funzionato.</translation>
    </message>
    <message>
        <source>The old management is locked on this device: only IT can remove it.</source>
        <translation>La gestione precedente è bloccata su questo dispositivo: solo il reparto IT può rimuoverla.</translation>
    </message>
    <message>
        <source>This device is managed by a system the helper does not know.</source>
        <translation>Questo dispositivo è gestito da un sistema che l’assistente non conosce.</translation>
    </message>
    <message>
        <source>IT has to take the next step for this device.</source>
        <translation>Il prossimo passaggio per questo dispositivo spetta al reparto IT.</translation>
    </message>
    <message>
        <source>The helper could not check this device.</source>
        <translation>L’assistente non è riuscito a verificare questo dispositivo.</translation>
    </message>
    <message>
        <source>You asked IT for help.</source>
        <translation>Ha chiesto aiuto al reparto IT.</translation>
    </message>
    <message>
        <source>The old management is back on this device after you had removed it: its agent or one of its policies installed it again. Remove it once more; if it comes back again, ask IT to release this device in the old management before you try again.</source>
        <translation>La gestione precedente è tornata su questo dispositivo dopo che lei l’aveva rimossa: l’agente o uno dei criteri della gestione precedente l’ha reinstallata. La rimuova ancora una volta; se torna di nuovo, chieda al reparto IT di rilasciare questo dispositivo nella gestione precedente prima di riprovare.</translation>
    </message>
    <message>
        <source>The old management enrolled this device again by itself: Apple Business Manager still assigns it to the old server. Ask IT to assign this device to Microsoft Intune in Apple Business Manager and to release it in the old management, then check again.</source>
        <translation>La gestione precedente ha registrato di nuovo questo dispositivo da sola: Apple Business Manager lo assegna ancora al server precedente. Chieda al reparto IT di assegnare questo dispositivo a Microsoft Intune in Apple Business Manager e di rilasciarlo nella gestione precedente, poi verifichi di nuovo.</translation>
    </message>
    <message>
        <source>Nothing has changed on this device yet. If you have just done the step, wait a minute and check again.</source>
        <translation>Su questo dispositivo non è ancora cambiato nulla. Se ha appena eseguito il passaggio, attenda un minuto e verifichi di nuovo.</translation>
    </message>
    <message>
        <source>The helper could not check this device this time. Try again in a moment.</source>
        <translation>Questa volta l’assistente non è riuscito a verificare questo dispositivo. Riprovi tra poco.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device this time. Try again in a moment.</source>
        <translation>Questa volta l’assistente non è riuscito a leggere abbastanza informazioni da questo dispositivo. Riprovi tra poco.</translation>
    </message>
    <message>
        <source>That is not possible at this point.</source>
        <translation>Non è possibile in questa fase.</translation>
    </message>
    <message>
        <source>That step is not part of your plan.</source>
        <translation>Questo passaggio non fa parte del suo piano.</translation>
    </message>
    <message>
        <source>That step is already done.</source>
        <translation>Questo passaggio è già stato eseguito.</translation>
    </message>
    <message>
        <source>Your organization does not allow postponing this move.</source>
        <translation>La sua organizzazione non consente di rimandare questa migrazione.</translation>
    </message>
    <message>
        <source>You have postponed this move as many times as allowed.</source>
        <translation>Ha già rimandato questa migrazione tutte le volte consentite.</translation>
    </message>
    <message>
        <source>The deadline has passed: this move cannot be postponed.</source>
        <translation>La scadenza è passata: questa migrazione non può più essere rimandata.</translation>
    </message>
    <message>
        <source>Your saved progress could not be read, so the helper started again from the check.</source>
        <translation>Impossibile leggere i progressi salvati, quindi l’assistente è ripartito dalla verifica.</translation>
    </message>
    <message>
        <source>Your saved progress could not be opened, so the helper started again from the check.</source>
        <translation>Impossibile aprire i progressi salvati, quindi l’assistente è ripartito dalla verifica.</translation>
    </message>
    <message>
        <source>Your progress cannot be saved on this device: keep this window open until the end.</source>
        <translation>I suoi progressi non possono essere salvati su questo dispositivo: tenga aperta questa finestra fino alla fine.</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>da fare</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in corso</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fatto</translation>
    </message>
    <message>
        <source>did not work</source>
        <translation>non ha funzionato</translation>
    </message>
    <message>
        <source>IT needs to act</source>
        <translation>serve il reparto IT</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>non necessario</translation>
    </message>
    <message>
        <source>Your organization will ask you to move this device soon. The deadline is %1.</source>
        <translation>La sua organizzazione le chiederà presto di migrare questo dispositivo. La scadenza è il %1.</translation>
    </message>
    <message numerus="yes">
        <source>Please move this device by %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Migri questo dispositivo entro il %1 (manca %n giorno).</numerusform>
            <numerusform>Migri questo dispositivo entro il %1 (mancano %n giorni).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n day(s) left: please move this device by %1.</source>
        <translation>
            <numerusform>Manca solo %n giorno: migri questo dispositivo entro il %1.</numerusform>
            <numerusform>Mancano solo %n giorni: migri questo dispositivo entro il %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The deadline (%1) has passed: company mail and apps may already be blocked on this device. Please move it now.</source>
        <translation>La scadenza (%1) è passata: la posta e le app aziendali potrebbero essere già bloccate su questo dispositivo. Lo migri ora.</translation>
    </message>
    <message>
        <source>The helper is not allowed to open this. Contact IT.</source>
        <translation>L’assistente non è autorizzato ad aprire questo elemento. Contatti il reparto IT.</translation>
    </message>
    <message>
        <source>Nothing was run because you did not confirm.</source>
        <translation>Non è stato eseguito nulla perché non ha confermato.</translation>
    </message>
    <message>
        <source>This step holds a value the helper refuses to use. Contact IT.</source>
        <translation>Questo passaggio contiene un valore che l’assistente si rifiuta di usare. Contatti il reparto IT.</translation>
    </message>
    <message>
        <source>There is nothing to open here.</source>
        <translation>Qui non c’è nulla da aprire.</translation>
    </message>
    <message>
        <source>The administrator prompt was cancelled: nothing was changed.</source>
        <translation>La richiesta di amministratore è stata annullata: non è stato modificato nulla.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Contact IT.</source>
        <translation>Il suo account non è autorizzato a eseguire questa operazione. Contatti il reparto IT.</translation>
    </message>
    <message>
        <source>This device does not have the program this step needs.</source>
        <translation>Questo dispositivo non dispone del programma necessario per questo passaggio.</translation>
    </message>
    <message>
        <source>This took too long and was stopped.</source>
        <translation>L’operazione ha richiesto troppo tempo ed è stata interrotta.</translation>
    </message>
    <message>
        <source>The system could not start it. Try again, or contact IT.</source>
        <translation>Il sistema non è riuscito ad avviarlo. Riprovi o contatti il reparto IT.</translation>
    </message>
    <message>
        <source>Windows could not start it. Try again, or contact IT.</source>
        <translation>Windows non è riuscito ad avviarlo. Riprovi o contatti il reparto IT.</translation>
    </message>
    <message>
        <source>Started. Finish the step in the window that opened, then come back here.</source>
        <translation>Avviato. Completi il passaggio nella finestra che si è aperta, poi torni qui.</translation>
    </message>
    <message>
        <source>Passed.</source>
        <translation>Superato.</translation>
    </message>
    <message>
        <source>Not needed on this device.</source>
        <translation>Non necessario su questo dispositivo.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be found from this network.</source>
        <translation>Impossibile trovare i server di Microsoft da questa rete.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be reached from this network.</source>
        <translation>Impossibile raggiungere i server di Microsoft da questa rete.</translation>
    </message>
    <message>
        <source>A secure connection to Microsoft failed: a proxy or firewall may be in the way.</source>
        <translation>La connessione sicura a Microsoft non è riuscita: un proxy o un firewall potrebbe bloccarla.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers did not answer in time.</source>
        <translation>I server di Microsoft non hanno risposto in tempo.</translation>
    </message>
    <message>
        <source>Your account is not an administrator of this device.</source>
        <translation>Il suo account non è un amministratore di questo dispositivo.</translation>
    </message>
    <message>
        <source>The helper could not tell whether your account is an administrator.</source>
        <translation>L’assistente non è riuscito a determinare se il suo account è un amministratore.</translation>
    </message>
    <message>
        <source>This device is on a Wi-Fi network the old management installed, and it has gone with it. Connect to another network (your home Wi-Fi or your phone&apos;s hotspot), then check again.</source>
        <translation>Questo dispositivo è connesso a una rete Wi-Fi installata dalla gestione precedente, che è sparita insieme a essa. Si connetta a un’altra rete (il Wi-Fi di casa o l’hotspot del suo telefono), poi verifichi di nuovo.</translation>
    </message>
    <message>
        <source>Microsoft Intune holds this device&apos;s recovery key.</source>
        <translation>Microsoft Intune custodisce la chiave di ripristino di questo dispositivo.</translation>
    </message>
    <message>
        <source>A new FileVault recovery key was made for Intune on this Mac; Intune receives it the next time the Mac checks in.</source>
        <translation>Su questo Mac è stata creata una nuova chiave di recupero FileVault per Intune; Intune la riceverà alla prossima sincronizzazione del Mac.</translation>
    </message>
    <message>
        <source>Intune has not set up FileVault&apos;s recovery key for this Mac yet. Check again later today; if nothing changes, ask IT to check FileVault for this Mac in Intune. Keep FileVault on.</source>
        <translation>Intune non ha ancora configurato la chiave di recupero FileVault di questo Mac. Verifichi di nuovo più tardi in giornata; se non cambia nulla, chieda al reparto IT di controllare FileVault per questo Mac in Intune. Lasci FileVault attivo.</translation>
    </message>
    <message>
        <source>Intune needs a new FileVault recovery key for this Mac: log out and log back in (or restart), then check again. If Intune still has no key, ask IT to check FileVault for this Mac in Intune.</source>
        <translation>Intune ha bisogno di una nuova chiave di recupero FileVault per questo Mac: esca dalla sessione e acceda di nuovo (o riavvii), poi verifichi di nuovo. Se Intune non ha ancora nessuna chiave, chieda al reparto IT di controllare FileVault per questo Mac in Intune.</translation>
    </message>
    <message>
        <source>This PC does not show that its BitLocker recovery key was saved in your organization&apos;s Microsoft Entra ID. Ask IT to check that Intune holds it. Keep BitLocker on.</source>
        <translation>Questo PC non indica che la sua chiave di ripristino BitLocker sia stata salvata nel Microsoft Entra ID della sua organizzazione. Chieda al reparto IT di verificare che Intune la custodisca. Lasci BitLocker attivo.</translation>
    </message>
    <message>
        <source>Connection to Microsoft Intune</source>
        <translation>Connessione a Microsoft Intune</translation>
    </message>
    <message>
        <source>Administrator rights</source>
        <translation>Diritti di amministratore</translation>
    </message>
    <message>
        <source>Every status update has been sent to IT.</source>
        <translation>Tutti gli aggiornamenti di stato sono stati inviati al reparto IT.</translation>
    </message>
    <message>
        <source>Status updates are being sent to IT.</source>
        <translation>Invio degli aggiornamenti di stato al reparto IT in corso.</translation>
    </message>
    <message>
        <source>Status updates could not be sent yet; the helper will try again.</source>
        <translation>Non è stato ancora possibile inviare gli aggiornamenti di stato; l’assistente riproverà.</translation>
    </message>
    <message>
        <source>Status updates wait until you sign in with your work account.</source>
        <translation>Gli aggiornamenti di stato attendono che lei acceda con il suo account aziendale.</translation>
    </message>
    <message>
        <source>IT&apos;s service refused the status updates. IT has been told.</source>
        <translation>Il servizio del reparto IT ha rifiutato gli aggiornamenti di stato. Il reparto IT è stato informato.</translation>
    </message>
    <message>
        <source>This helper does not send status updates to IT.</source>
        <translation>Questo assistente non invia aggiornamenti di stato al reparto IT.</translation>
    </message>
    <message>
        <source>If it still fails, contact IT and tell them this message.</source>
        <translation>Se continua a non funzionare, contatti il reparto IT e riferisca questo messaggio.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s sign-in service could not be reached.</source>
        <translation>Il servizio di accesso di Microsoft non è raggiungibile.</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the network (Wi-Fi or cable, and the VPN if your company uses one), then try again.</source>
        <translation>Verifichi che questo computer sia connesso alla rete (Wi-Fi o cavo, e la VPN se la sua azienda ne usa una), poi riprovi.</translation>
    </message>
    <message>
        <source>The network&apos;s proxy refused the connection to Microsoft&apos;s sign-in service.</source>
        <translation>Il proxy della rete ha rifiutato la connessione al servizio di accesso di Microsoft.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s proxy settings, or try again from another network (at home, or a phone&apos;s hotspot).</source>
        <translation>Verifichi le impostazioni del proxy di questo computer, oppure riprovi da un’altra rete (da casa, o con l’hotspot di un telefono).</translation>
    </message>
    <message>
        <source>The connection to Microsoft&apos;s sign-in service was not trusted.</source>
        <translation>La connessione al servizio di accesso di Microsoft non era attendibile.</translation>
    </message>
    <message>
        <source>A device on this network inspects secure connections with a certificate this computer does not trust. Try another network.</source>
        <translation>Un dispositivo di questa rete ispeziona le connessioni sicure con un certificato che questo computer non considera attendibile. Provi un’altra rete.</translation>
    </message>
    <message>
        <source>Microsoft refused the sign-in.</source>
        <translation>Microsoft ha rifiutato l’accesso.</translation>
    </message>
    <message>
        <source>Sign in with your work account, not a personal one. If it is refused again, your account may not be allowed to use this helper yet.</source>
        <translation>Acceda con il suo account aziendale, non con uno personale. Se l’accesso viene rifiutato di nuovo, il suo account potrebbe non essere ancora autorizzato a usare questo assistente.</translation>
    </message>
    <message>
        <source>The sign-in took too long and was stopped.</source>
        <translation>L’accesso ha richiesto troppo tempo ed è stato interrotto.</translation>
    </message>
    <message>
        <source>Try again, and finish signing in in the browser window that opens.</source>
        <translation>Riprovi e completi l’accesso nella finestra del browser che si apre.</translation>
    </message>
    <message>
        <source>No browser could be opened to sign in.</source>
        <translation>Non è stato possibile aprire alcun browser per l’accesso.</translation>
    </message>
    <message>
        <source>Start the helper from your desktop session, where a browser can open, then try again.</source>
        <translation>Avvii l’assistente dalla sua sessione desktop, dove è possibile aprire un browser, poi riprovi.</translation>
    </message>
    <message>
        <source>Sign-in is not set up in this helper.</source>
        <translation>L’accesso non è configurato in questo assistente.</translation>
    </message>
    <message>
        <source>Nothing to fix on your side: contact IT (the helper&apos;s configuration lacks the tenant, client or API settings).</source>
        <translation>Non deve correggere nulla: contatti il reparto IT (nella configurazione dell’assistente mancano le impostazioni del tenant, del client o dell’API).</translation>
    </message>
    <message>
        <source>A sign-in is already in progress.</source>
        <translation>È già in corso un accesso.</translation>
    </message>
    <message>
        <source>Finish it in the browser window that is open.</source>
        <translation>Lo completi nella finestra del browser aperta.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>L’accesso è stato annullato.</translation>
    </message>
    <message>
        <source>Try again when you are ready.</source>
        <translation>Riprovi quando vuole.</translation>
    </message>
    <message numerus="yes">
        <source>%n status update(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n aggiornamento di stato in attesa di invio.</numerusform>
            <numerusform>%n aggiornamenti di stato in attesa di invio.</numerusform>
        </translation>
    </message>
</context>
</TS>
