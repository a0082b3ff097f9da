<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CheckPage</name>
    <message>
        <source>Check this device</source>
        <translation>Vérifier cet appareil</translation>
    </message>
    <message>
        <source>Checking what manages this device…</source>
        <translation>Vérification de ce qui gère cet appareil…</translation>
    </message>
    <message>
        <source>Checking this device</source>
        <translation>Vérification de cet appareil</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Remind me later</source>
        <translation>Me le rappeler plus tard</translation>
    </message>
    <message>
        <source>&amp;Technical details</source>
        <translation>&amp;Détails techniques</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Détails techniques</translation>
    </message>
    <message>
        <source>Shows the evidence the helper found, for IT</source>
        <translation>Affiche les éléments trouvés par l’assistant, pour le service informatique</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>Contacter le service &amp;informatique</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>Demander de l’aide au service informatique pour cet appareil</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>Me le &amp;rappeler plus tard</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>Reporter le passage&#x202f;; l’assistant vous le rappellera</translation>
    </message>
    <message>
        <source>&amp;Begin</source>
        <translation>&amp;Commencer</translation>
    </message>
    <message>
        <source>Start moving this device</source>
        <translation>Commencer le passage de cet appareil</translation>
    </message>
    <message>
        <source>The helper could not start.</source>
        <translation>L’assistant n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>Contact IT and tell them what went wrong: %1</source>
        <translation>Contactez le service informatique et indiquez-lui ce qui n’a pas fonctionné&#xa0;: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Avant de commencer</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>%1 manages this device: %2.</source>
        <translation>%1 gère cet appareil&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages it too.</source>
        <translation>Microsoft Intune le gère aussi.</translation>
    </message>
    <message>
        <source>The helper will remind you on %1. You can close this window now, or begin anyway.</source>
        <translation>L’assistant vous le rappellera le %1. Vous pouvez fermer cette fenêtre maintenant, ou commencer quand même.</translation>
    </message>
    <message numerus="yes">
        <source>Not a good time? “Remind me later” postpones the move until %1 (%n time(s) left).</source>
        <translation>
            <numerusform>Ce n’est pas le bon moment&#x202f;? «&#xa0;Me le rappeler plus tard&#xa0;» reporte le passage jusqu’au %1 (encore %n fois possible).</numerusform>
            <numerusform>Ce n’est pas le bon moment&#x202f;? «&#xa0;Me le rappeler plus tard&#xa0;» reporte le passage jusqu’au %1 (encore %n fois possibles).</numerusform>
        </translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Code d’assistance&#xa0;: %1</translation>
    </message>
    <message>
        <source>Verdict: %1 (%2)</source>
        <translation>Verdict&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Plan: %1, platform %2, vendor %3</source>
        <translation>Plan&#xa0;: %1, plateforme %2, éditeur %3</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Étape&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation>Raisons&#xa0;: %1</translation>
    </message>
    <message>
        <source>No detection this time (it failed).</source>
        <translation>Pas de détection cette fois-ci (elle a échoué).</translation>
    </message>
    <message>
        <source>Legacy management: %1 (%2), removable: %3, server: %4</source>
        <translation>Ancienne gestion&#xa0;: %1 (%2), retrait possible&#xa0;: %3, serveur&#xa0;: %4</translation>
    </message>
    <message>
        <source>Microsoft Intune enrolled: %1</source>
        <translation>Inscrit dans Microsoft Intune&#xa0;: %1</translation>
    </message>
    <message>
        <source>Microsoft Entra: %1 (%2)</source>
        <translation>Microsoft Entra&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Warning %1: %2</source>
        <translation>Avertissement %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Sources&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>the deadline</source>
        <translation>la date limite</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Ouvrir les Paramètres</translation>
    </message>
    <message>
        <source>Open Company Portal</source>
        <translation>Ouvrir le Portail d’entreprise</translation>
    </message>
    <message>
        <source>Open Windows enrollment</source>
        <translation>Ouvrir l’inscription Windows</translation>
    </message>
    <message>
        <source>Open Microsoft Store</source>
        <translation>Ouvrir le Microsoft Store</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Run as administrator…</source>
        <translation>Exécuter en tant qu’administrateur…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Exécuter…</translation>
    </message>
    <message>
        <source>Page content</source>
        <translation>Contenu de la page</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>What you can try:</source>
        <translation>Ce que vous pouvez essayer&#xa0;:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ConfirmCommandDialog</name>
    <message>
        <source>Run this command?</source>
        <translation>Exécuter cette commande&#x202f;?</translation>
    </message>
    <message>
        <source>The helper will run exactly this command on this device:</source>
        <translation>L’assistant exécutera exactement cette commande sur cet appareil&#xa0;:</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>It needs administrator rights: your system will ask for an administrator password or approval. Nothing runs unless you approve it there too.</source>
        <translation>Elle nécessite les droits d’administrateur&#xa0;: votre système vous demandera un mot de passe administrateur ou une approbation. Rien ne s’exécute sans votre approbation à cette étape aussi.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Exécuter</translation>
    </message>
</context>
<context>
    <name>ContactItPage</name>
    <message>
        <source>IT needs to help with this device</source>
        <translation>Le service informatique doit intervenir sur cet appareil</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Your support code</source>
        <translation>Votre code d’assistance</translation>
    </message>
    <message>
        <source>Give IT this code: it lets them find this device and see how far it got.</source>
        <translation>Donnez ce code au service informatique&#xa0;: il lui permet de retrouver cet appareil et de voir où il en est.</translation>
    </message>
    <message>
        <source>Co&amp;py for IT</source>
        <translation>Co&amp;pier pour le service informatique</translation>
    </message>
    <message>
        <source>Copies a short summary for IT: support code, management and codes</source>
        <translation>Copie un court résumé pour le service informatique&#xa0;: code d’assistance, gestion et codes</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>&amp;Recommencer</translation>
    </message>
    <message>
        <source>Check this device again from the start</source>
        <translation>Vérifier à nouveau cet appareil depuis le début</translation>
    </message>
    <message>
        <source>I’ve c&amp;ontacted IT</source>
        <translation>J’ai c&amp;ontacté le service informatique</translation>
    </message>
    <message>
        <source>Tell the helper you have asked IT for help</source>
        <translation>Indiquer à l’assistant que vous avez demandé de l’aide au service informatique</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Once IT has acted, check this device again</source>
        <translation>Une fois que le service informatique est intervenu, vérifiez à nouveau cet appareil</translation>
    </message>
    <message>
        <source>Support code %1</source>
        <translation>Code d’assistance %1</translation>
    </message>
    <message>
        <source>What to tell IT</source>
        <translation>Ce qu’il faut dire au service informatique</translation>
    </message>
    <message>
        <source>Copied. Paste it into your message or ticket to IT.</source>
        <translation>Copié. Collez-le dans votre message ou votre ticket pour le service informatique.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>All done</source>
        <translation>Tout est terminé</translation>
    </message>
    <message>
        <source>Status updates for IT</source>
        <translation>Rapports d’état pour le service informatique</translation>
    </message>
    <message>
        <source>&amp;Sign in to send the status updates…</source>
        <translation>&amp;Se connecter pour envoyer les rapports d’état…</translation>
    </message>
    <message>
        <source>Sign in with your work account in the browser</source>
        <translation>Se connecter avec votre compte professionnel dans le navigateur</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>&amp;Guider un autre appareil…</translation>
    </message>
    <message>
        <source>Steps and QR codes to move a phone or tablet</source>
        <translation>Étapes et codes QR pour faire passer un téléphone ou une tablette</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close the helper</source>
        <translation>Fermer l’assistant</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Code d’assistance&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Technical details</source>
        <translation>Détails techniques</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>Afficher les &amp;détails</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message numerus="yes">
        <source>This happened %n time(s) so far.</source>
        <translation>
            <numerusform>C’est arrivé %n fois jusqu’ici.</numerusform>
            <numerusform>C’est arrivé %n fois jusqu’ici.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>Masquer les &amp;détails</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong. You can keep using the helper; if this happens again, contact your IT support and give them the details (“Copy details”).</source>
        <translation>Un problème est survenu. Vous pouvez continuer à utiliser l’assistant&#x202f;; si cela se reproduit, contactez votre support informatique et transmettez-lui les détails («&#xa0;Copier les détails&#xa0;»).</translation>
    </message>
</context>
<context>
    <name>Fold</name>
    <message>
        <source>More</source>
        <translation>Afficher plus</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Afficher moins</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>iPhone or iPad</source>
        <translation>iPhone ou iPad</translation>
    </message>
    <message>
        <source>Android phone or tablet</source>
        <translation>Téléphone ou tablette Android</translation>
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
        <translation>Guider un autre appareil</translation>
    </message>
    <message>
        <source>Choose the device to move and what manages it today: the steps below are the ones to follow on that device.</source>
        <translation>Choisissez l’appareil à migrer et ce qui le gère aujourd’hui&#xa0;: les étapes ci-dessous sont celles à suivre sur cet appareil.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Appareil&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Managed today by:</source>
        <translation>&amp;Géré aujourd’hui par&#xa0;:</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Another system, or not sure</source>
        <translation>Un autre système, ou je ne sais pas</translation>
    </message>
    <message>
        <source>Nothing: not managed yet</source>
        <translation>Rien&#xa0;: pas encore géré</translation>
    </message>
    <message>
        <source>The steps for this device cannot be shown: %1</source>
        <translation>Les étapes pour cet appareil ne peuvent pas être affichées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Avant de commencer</translation>
    </message>
    <message>
        <source>Leave the current management</source>
        <translation>Quitter la gestion actuelle</translation>
    </message>
    <message>
        <source>Check that it has left</source>
        <translation>Vérifier qu’elle a bien été retirée</translation>
    </message>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>Rejoindre Microsoft Intune</translation>
    </message>
    <message>
        <source>Check the enrollment</source>
        <translation>Vérifier l’inscription</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contacter le service informatique</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>Code QR pour %1</translation>
    </message>
    <message>
        <source>Scan this code with the camera of the other device to open %1</source>
        <translation>Scannez ce code avec l’appareil photo de l’autre appareil pour ouvrir %1</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Link copied to the clipboard.</source>
        <translation>Lien copié dans le presse-papiers.</translation>
    </message>
</context>
<context>
    <name>HelpdeskPanel</name>
    <message>
        <source>Helpdesk</source>
        <translation>Support technique</translation>
    </message>
    <message>
        <source>Support code</source>
        <translation>Code d’assistance</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Detection (JSON)</source>
        <translation>Détection (JSON)</translation>
    </message>
    <message>
        <source>Journey (JSON)</source>
        <translation>Parcours (JSON)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>&amp;Refresh the log</source>
        <translation>&amp;Actualiser le journal</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Détection</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <source>Open a capture a user sent (“Open a capture…”) to see what their device shows and the steps it would get.</source>
        <translation>Ouvrez une capture envoyée par un utilisateur («&#xa0;Ouvrir une capture…&#xa0;») pour voir ce que montre son appareil et les étapes qu’il recevrait.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Detection of the capture (JSON)</source>
        <translation>Détection de la capture (JSON)</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copier les &amp;diagnostics</translation>
    </message>
    <message>
        <source>&amp;Export capture (.zip)…</source>
        <translation>&amp;Exporter une capture (.zip)…</translation>
    </message>
    <message>
        <source>&amp;Open a capture…</source>
        <translation>&amp;Ouvrir une capture…</translation>
    </message>
    <message>
        <source>No journey yet: the helper has not checked this device in this session.</source>
        <translation>Pas encore de parcours&#xa0;: l’assistant n’a pas encore vérifié cet appareil pendant cette session.</translation>
    </message>
    <message>
        <source>No detection yet.</source>
        <translation>Pas encore de détection.</translation>
    </message>
    <message>
        <source>No journey yet.</source>
        <translation>Pas encore de parcours.</translation>
    </message>
    <message>
        <source>The last detection failed; see the log.</source>
        <translation>La dernière détection a échoué&#x202f;; consultez le journal.</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Étape&#xa0;: %1</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Chemin&#xa0;: %1</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Plateforme&#xa0;: %1</translation>
    </message>
    <message>
        <source>Legacy vendor: %1</source>
        <translation>Ancien éditeur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Verdict&#xa0;: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Raison&#xa0;: %1</translation>
    </message>
    <message>
        <source>Failed checks: %1</source>
        <translation>Vérifications échouées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Next reminder: %1</source>
        <translation>Prochain rappel&#xa0;: %1</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>Dernière modification&#xa0;: %1</translation>
    </message>
    <message>
        <source>Detection warnings:</source>
        <translation>Avertissements de la détection&#xa0;:</translation>
    </message>
    <message>
        <source>Journey warnings: %1</source>
        <translation>Avertissements du parcours&#xa0;: %1</translation>
    </message>
    <message>
        <source>The log file cannot be read: %1</source>
        <translation>Le fichier journal ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The log file is empty or does not exist yet: %1</source>
        <translation>Le fichier journal est vide ou n’existe pas encore&#xa0;: %1</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard (no secrets included).</source>
        <translation>Diagnostics copiés dans le presse-papiers (aucun secret inclus).</translation>
    </message>
    <message>
        <source>Support code copied to the clipboard.</source>
        <translation>Code d’assistance copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>Exporter une capture</translation>
    </message>
    <message>
        <source>Capture (*.zip)</source>
        <translation>Capture (*.zip)</translation>
    </message>
    <message>
        <source>Capturing this device…</source>
        <translation>Capture de cet appareil en cours…</translation>
    </message>
    <message numerus="yes">
        <source>Capture saved to %1 (%n evidence file(s)).</source>
        <translation>
            <numerusform>Capture enregistrée dans %1 (%n fichier de preuves).</numerusform>
            <numerusform>Capture enregistrée dans %1 (%n fichiers de preuves).</numerusform>
        </translation>
    </message>
    <message>
        <source>The capture could not be saved: %1</source>
        <translation>La capture n’a pas pu être enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open a capture</source>
        <translation>Ouvrir une capture</translation>
    </message>
    <message>
        <source>Capture (*.zip capture.json);;All files (*)</source>
        <translation>Capture (*.zip capture.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Opening the capture…</source>
        <translation>Ouverture de la capture…</translation>
    </message>
    <message>
        <source>Capture: %1 (taken %2)</source>
        <translation>Capture&#xa0;: %1 (prise le %2)</translation>
    </message>
    <message>
        <source>Verdict: %1. Path: %2.</source>
        <translation>Verdict&#xa0;: %1. Chemin&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Capture opened (read-only).</source>
        <translation>Capture ouverte (lecture seule).</translation>
    </message>
    <message>
        <source>This is not a capture: %1</source>
        <translation>Ce n’est pas une capture&#xa0;: %1</translation>
    </message>
    <message>
        <source>This capture is too large: %1</source>
        <translation>Cette capture est trop volumineuse&#xa0;: %1</translation>
    </message>
    <message>
        <source>This capture is damaged or not valid: %1</source>
        <translation>Cette capture est endommagée ou non valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>The helper’s IT content is not valid: %1</source>
        <translation>Le contenu informatique de l’assistant n’est pas valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>Le fichier ne peut pas être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>This capture cannot be replayed: %1</source>
        <translation>Cette capture ne peut pas être rejouée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>IntuneStatusCard</name>
    <message>
        <source>What Intune says</source>
        <translation>Ce que dit Intune</translation>
    </message>
    <message>
        <source>✓ Confirmed by Intune</source>
        <translation>✓ Confirmé par Intune</translation>
    </message>
    <message>
        <source>✓ Compliant with your organization’s rules</source>
        <translation>✓ Conforme aux règles de votre organisation</translation>
    </message>
    <message>
        <source>Not compliant yet: some of your organization’s rules are not met on this device</source>
        <translation>Pas encore conforme&#xa0;: certaines règles de votre organisation ne sont pas respectées sur cet appareil</translation>
    </message>
    <message>
        <source>Compliance not evaluated yet</source>
        <translation>Conformité pas encore évaluée</translation>
    </message>
    <message numerus="yes">
        <source>Not yet confirmed by Intune (it can take up to %n hour(s))</source>
        <translation>
            <numerusform>Pas encore confirmé par Intune (cela peut prendre jusqu’à %n heure)</numerusform>
            <numerusform>Pas encore confirmé par Intune (cela peut prendre jusqu’à %n heures)</numerusform>
        </translation>
    </message>
    <message>
        <source>It is taking longer than it should: contact IT with your support code.</source>
        <translation>Cela prend plus de temps que prévu&#xa0;: contactez le service informatique en indiquant votre code d’assistance.</translation>
    </message>
    <message>
        <source>Intune no longer lists this device: contact IT with your support code.</source>
        <translation>Intune ne répertorie plus cet appareil&#xa0;: contactez le service informatique en indiquant votre code d’assistance.</translation>
    </message>
    <message>
        <source>Your old device management is back on this device: contact IT with your support code.</source>
        <translation>L’ancienne gestion est revenue sur cet appareil&#xa0;: contactez le service informatique en indiquant votre code d’assistance.</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>Rejoindre Microsoft Intune</translation>
    </message>
    <message>
        <source>First the helper checks that this device can enroll. Then follow the steps to enroll it in Microsoft Intune, and press “I’ve done it — check again”.</source>
        <translation>L’assistant vérifie d’abord que cet appareil peut être inscrit. Suivez ensuite les étapes pour l’inscrire dans Microsoft Intune, puis appuyez sur «&#xa0;C’est fait — vérifier à nouveau&#xa0;».</translation>
    </message>
</context>
<context>
    <name>LeavePage</name>
    <message>
        <source>Leave %1</source>
        <translation>Quitter %1</translation>
    </message>
    <message>
        <source>Follow these steps to remove %1 from this device. When you have done them, press “I’ve done it — check again”: the helper then checks the device.</source>
        <translation>Suivez ces étapes pour retirer %1 de cet appareil. Une fois terminé, appuyez sur «&#xa0;C’est fait — vérifier à nouveau&#xa0;»&#xa0;: l’assistant vérifie alors l’appareil.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — Demo</source>
        <translation>%1 — Démo</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Fait&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Still to come: %1.</source>
        <translation>À venir&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Next reminder</source>
        <translation>Prochain rappel</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <source>%1 logo</source>
        <translation>Logo de %1</translation>
    </message>
    <message>
        <source>Demo: a simulated device (scenario %1). Nothing on this computer is changed and nothing is sent to IT.</source>
        <translation>Démo&#xa0;: un appareil simulé (scénario %1). Rien n’est modifié sur cet ordinateur et rien n’est envoyé au service informatique.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Mode démo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Sign in to send status updates</source>
        <translation>&amp;Se connecter pour envoyer les rapports d’état</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Development mode: status updates go to a test collector on this computer (%1) with unsigned tokens. Never use this configuration on employees&apos; devices.</source>
        <translation>Mode développement&#xa0;: les mises à jour d’état partent vers un collecteur de test sur cet ordinateur (%1), avec des jetons non signés. N’utilisez jamais cette configuration sur les appareils des employés.</translation>
    </message>
    <message>
        <source>Development mode</source>
        <translation>Mode développement</translation>
    </message>
    <message>
        <source>&amp;Helpdesk panel…</source>
        <translation>Panneau d’&amp;assistance…</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>&amp;Guider un autre appareil…</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>À &amp;propos de %1</translation>
    </message>
    <message>
        <source>Leave %1</source>
        <translation>Quitter %1</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Check this device</source>
        <translation>Vérifier cet appareil</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>Rejoindre Intune</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contacter le service informatique</translation>
    </message>
    <message>
        <source>the old management</source>
        <translation>l’ancienne gestion</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Étape %1 sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 %2: request for help</source>
        <translation>%1 %2&#xa0;: demande d’aide</translation>
    </message>
    <message>
        <source>The device has not been checked yet.</source>
        <translation>L’appareil n’a pas encore été vérifié.</translation>
    </message>
    <message>
        <source>Support code</source>
        <translation>Code d’assistance</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Legacy vendor</source>
        <translation>Ancien éditeur</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>Vérifications échouées</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>Demo scenario</source>
        <translation>Scénario de démonstration</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <source>%1 %2
Helps you move this device to Microsoft Intune.</source>
        <translation>%1 %2
Vous aide à faire passer cet appareil à Microsoft Intune.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
</context>
<context>
    <name>ReminderPrompt</name>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>It is time to finish moving this device to Microsoft Intune.</source>
        <translation>Il est temps de terminer le passage de cet appareil à Microsoft Intune.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close this reminder</source>
        <translation>Fermer ce rappel</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>Me le &amp;rappeler plus tard</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>Reporter le passage&#x202f;; l’assistant vous le rappellera</translation>
    </message>
    <message>
        <source>C&amp;ontinue now</source>
        <translation>&amp;Continuer maintenant</translation>
    </message>
    <message>
        <source>Open the helper where you left off</source>
        <translation>Ouvrir l’assistant là où vous vous étiez arrêté</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back today at %1.</source>
        <translation>«&#xa0;Me le rappeler plus tard&#xa0;» vous le rappellera aujourd’hui à %1.</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back on %1 at %2.</source>
        <translation>«&#xa0;Me le rappeler plus tard&#xa0;» vous le rappellera le %1 à %2.</translation>
    </message>
    <message>
        <source>The deadline has passed: this reminder can no longer be postponed. You can close it, but company apps may stop working on this device until it is moved.</source>
        <translation>La date limite est dépassée&#xa0;: ce rappel ne peut plus être reporté. Vous pouvez le fermer, mais la messagerie et les applications de l’entreprise risquent d’être bloquées sur cet appareil tant qu’il n’est pas passé à Microsoft Intune.</translation>
    </message>
    <message>
        <source>You have postponed as many times as IT allows: this reminder can no longer be postponed. You can close it.</source>
        <translation>Vous avez reporté autant de fois que le service informatique le permet&#xa0;: ce rappel ne peut plus être reporté. Vous pouvez le fermer.</translation>
    </message>
    <message>
        <source>This reminder cannot be postponed. You can close it.</source>
        <translation>Ce rappel ne peut pas être reporté. Vous pouvez le fermer.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Next reminder: today at %1</source>
        <translation>Prochain rappel&#xa0;: aujourd’hui à %1</translation>
    </message>
    <message>
        <source>Next reminder: %1 at %2</source>
        <translation>Prochain rappel&#xa0;: %1 à %2</translation>
    </message>
</context>
<context>
    <name>ServerReleasePanel</name>
    <message>
        <source>IT’s server can remove %1 from this device for you, without a call to IT. It may need IT’s approval first.</source>
        <translation>Le serveur du service informatique peut retirer %1 de cet appareil pour vous, sans appel au service informatique. Il lui faudra peut-être d’abord l’accord du service informatique.</translation>
    </message>
    <message>
        <source>Ask IT’s server to remove %1</source>
        <translation>Demander au serveur du service informatique de retirer %1</translation>
    </message>
    <message>
        <source>Asks IT’s server to release this device from its old management</source>
        <translation>Demande au serveur du service informatique de libérer cet appareil de son ancienne gestion</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>Retirer %1&#x202f;?</translation>
    </message>
    <message>
        <source>IT’s server will ask %1 to stop managing this device. Its apps, settings and Wi-Fi or VPN profiles from %1 go with it. Keep this device switched on and connected until the helper says it is done.</source>
        <translation>Le serveur du service informatique va demander à %1 de ne plus gérer cet appareil. Les applications, réglages et profils Wi-Fi ou VPN installés par %1 partiront avec lui. Gardez cet appareil allumé et connecté jusqu’à ce que l’assistant indique que c’est terminé.</translation>
    </message>
    <message>
        <source>Your request is waiting for IT’s approval. You can leave this window open: it checks by itself.</source>
        <translation>Votre demande attend l’accord du service informatique. Vous pouvez laisser cette fenêtre ouverte&#xa0;: elle vérifie d’elle-même.</translation>
    </message>
    <message>
        <source>IT’s server is asking %1 to release this device…</source>
        <translation>Le serveur du service informatique demande à %1 de libérer cet appareil…</translation>
    </message>
    <message>
        <source>%1 agreed to release this device. Checking the device…</source>
        <translation>%1 a accepté de libérer cet appareil. Vérification de l’appareil…</translation>
    </message>
    <message>
        <source>The request was refused. Contact IT with your support code.</source>
        <translation>La demande a été refusée. Contactez le service informatique avec votre code d’assistance.</translation>
    </message>
    <message>
        <source>IT’s server could not release this device from %1. Contact IT with your support code.</source>
        <translation>Le serveur du service informatique n’a pas pu libérer cet appareil de %1. Contactez le service informatique avec votre code d’assistance.</translation>
    </message>
    <message>
        <source>IT’s server cannot do this for this device. Contact IT with your support code.</source>
        <translation>Le serveur du service informatique ne peut pas le faire pour cet appareil. Contactez le service informatique avec votre code d’assistance.</translation>
    </message>
    <message>
        <source>IT’s server cannot be reached right now. The helper tries again in a moment.</source>
        <translation>Le serveur du service informatique ne peut pas être joint pour l’instant. L’assistant réessaie dans un moment.</translation>
    </message>
    <message>
        <source>Sign in with your work account first, then ask again.</source>
        <translation>Connectez-vous d’abord avec votre compte professionnel, puis redemandez.</translation>
    </message>
    <message>
        <source>%1 will leave this device the next time it is online. Keep it connected for a few minutes, then choose Check again.</source>
        <translation>%1 quittera cet appareil la prochaine fois qu’il sera en ligne. Gardez-le connecté quelques minutes, puis choisissez Vérifier à nouveau.</translation>
    </message>
</context>
<context>
    <name>StagePage</name>
    <message>
        <source>What went wrong</source>
        <translation>Ce qui n’a pas fonctionné</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>Contacter le service &amp;informatique</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>Demander de l’aide au service informatique pour cet appareil</translation>
    </message>
    <message>
        <source>I’ve &amp;done it — check again</source>
        <translation>C’est &amp;fait — vérifier à nouveau</translation>
    </message>
    <message>
        <source>The helper checks this device again to see whether the steps worked</source>
        <translation>L’assistant vérifie à nouveau cet appareil pour voir si les étapes ont fonctionné</translation>
    </message>
    <message>
        <source>Check %1 of %2: after that, the helper asks you to contact IT.</source>
        <translation>Vérification %1 sur %2&#xa0;: ensuite, l’assistant vous demandera de contacter le service informatique.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>The helper could not finish a task. Your progress is saved: you can try again, or contact IT.</source>
        <translation>L’assistant n’a pas pu terminer une tâche. Votre progression est enregistrée&#xa0;: vous pouvez réessayer, ou contacter le service informatique.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Move this device to Microsoft Intune</source>
        <translation>Faire passer cet appareil à Microsoft Intune</translation>
    </message>
    <message>
        <source>A message from %1</source>
        <translation>Un message de %1</translation>
    </message>
    <message>
        <source>Message from IT</source>
        <translation>Message du service informatique</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Date limite</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Ce qui va se passer</translation>
    </message>
    <message>
        <source>1. The helper checks what manages this device. Nothing changes yet.</source>
        <translation>1. L’assistant vérifie ce qui gère cet appareil. Rien ne change encore.</translation>
    </message>
    <message>
        <source>2. You remove the old management. Company mail, Wi-Fi, VPN, certificates and the company apps it installed are removed for a while.</source>
        <translation>2. Vous retirez l’ancienne gestion. La messagerie de l’entreprise, le Wi-Fi, le VPN, les certificats et les applications d’entreprise qu’elle a installés sont retirés pendant un moment.</translation>
    </message>
    <message>
        <source>3. You enroll the device in Microsoft Intune, which sets them up again.</source>
        <translation>3. Vous inscrivez l’appareil dans Microsoft Intune, qui les installe à nouveau.</translation>
    </message>
    <message>
        <source>You can close this window at any time: the helper remembers where you are.</source>
        <translation>Vous pouvez fermer cette fenêtre à tout moment&#xa0;: l’assistant se souvient de l’endroit où vous en êtes.</translation>
    </message>
    <message>
        <source>What IT receives</source>
        <translation>Ce que reçoit le service informatique</translation>
    </message>
    <message>
        <source>So that IT can help when a step fails, the helper tells IT how far this device got: the step reached, result and error codes, the device&apos;s platform and the name of its old management, with the times. It never sends your name, your e-mail address, the device&apos;s name or your files.</source>
        <translation>Pour que le service informatique puisse vous aider si une étape échoue, l’assistant lui indique où en est cet appareil&#xa0;: l’étape atteinte, les codes de résultat et d’erreur, la plateforme de l’appareil et le nom de son ancienne gestion, avec les heures. Il n’envoie jamais votre nom, votre adresse e-mail, le nom de l’appareil ni vos fichiers.</translation>
    </message>
    <message>
        <source>This helper sends nothing to IT: what it finds stays on this device. If you need help, you give IT a support code.</source>
        <translation>Cet assistant n’envoie rien au service informatique&#xa0;: ce qu’il trouve reste sur cet appareil. Si vous avez besoin d’aide, vous donnez un code d’assistance au service informatique.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Read the &amp;privacy notice</source>
        <translation>Lire la déclaration de &amp;confidentialité</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>Check this device and see what to do</source>
        <translation>Vérifier cet appareil et voir ce qu’il faut faire</translation>
    </message>
    <message>
        <source>&amp;Continue where you left off</source>
        <translation>&amp;Reprendre là où vous en étiez</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>Reprendre là où vous en étiez</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Unexpected result (code %1).</source>
        <translation>Résultat inattendu (code %1).</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Inconnu.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system.</source>
        <translation>Cet appareil est géré par un ancien système de gestion.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system and by Microsoft Intune at once.</source>
        <translation>Cet appareil est géré à la fois par un ancien système de gestion et par Microsoft Intune.</translation>
    </message>
    <message>
        <source>This device is managed by Microsoft Intune.</source>
        <translation>Cet appareil est géré par Microsoft Intune.</translation>
    </message>
    <message>
        <source>This device is not managed by any management system.</source>
        <translation>Cet appareil n’est géré par aucun système de gestion.</translation>
    </message>
    <message>
        <source>The helper could not tell what manages this device.</source>
        <translation>L’assistant n’a pas pu déterminer ce qui gère cet appareil.</translation>
    </message>
    <message>
        <source>joined to Microsoft Entra ID</source>
        <translation>joint à Microsoft Entra ID</translation>
    </message>
    <message>
        <source>hybrid joined (on-premises domain and Microsoft Entra ID)</source>
        <translation>joint en mode hybride (domaine local et Microsoft Entra ID)</translation>
    </message>
    <message>
        <source>joined to an on-premises domain only</source>
        <translation>joint uniquement à un domaine local</translation>
    </message>
    <message>
        <source>registered with Microsoft Entra ID (work account)</source>
        <translation>enregistré auprès de Microsoft Entra ID (compte professionnel)</translation>
    </message>
    <message>
        <source>not joined to Microsoft Entra ID</source>
        <translation>non joint à Microsoft Entra ID</translation>
    </message>
    <message>
        <source>Microsoft Entra join state unknown</source>
        <translation>état de jonction à Microsoft Entra inconnu</translation>
    </message>
    <message>
        <source>you can remove it yourself</source>
        <translation>vous pouvez la retirer vous-même</translation>
    </message>
    <message>
        <source>only IT can remove it</source>
        <translation>seul le service informatique peut la retirer</translation>
    </message>
    <message>
        <source>whether you can remove it yourself is not known</source>
        <translation>on ne sait pas si vous pouvez la retirer vous-même</translation>
    </message>
    <message>
        <source>A fake enrollment key (FFFFFFFF-...) was ignored.</source>
        <translation>Une fausse clé d’inscription (FFFFFFFF-...) a été ignorée.</translation>
    </message>
    <message>
        <source>Leftovers of an earlier enrollment were found.</source>
        <translation>Des restes d’une inscription antérieure ont été trouvés.</translation>
    </message>
    <message>
        <source>The tenant has automatic MDM enrollment configured, but that alone does not mean this device is enrolled.</source>
        <translation>L’inscription MDM automatique est configurée pour le locataire, mais cela ne signifie pas à lui seul que cet appareil est inscrit.</translation>
    </message>
    <message>
        <source>Apple ADE assigns this device to a management server.</source>
        <translation>Apple ADE attribue cet appareil à un serveur de gestion.</translation>
    </message>
    <message>
        <source>The device was enrolled through Apple ADE: only IT can remove it.</source>
        <translation>L’appareil a été inscrit via Apple ADE&#xa0;: seul le service informatique peut le retirer.</translation>
    </message>
    <message>
        <source>The management profile does not allow removal.</source>
        <translation>Le profil de gestion n’autorise pas sa suppression.</translation>
    </message>
    <message>
        <source>A source of evidence could not be read.</source>
        <translation>Une source d’informations n’a pas pu être lue.</translation>
    </message>
    <message>
        <source>A management agent is installed but the device is not enrolled.</source>
        <translation>Un agent de gestion est installé, mais l’appareil n’est pas inscrit.</translation>
    </message>
    <message>
        <source>Company Portal is installed, but the device is not enrolled in Intune.</source>
        <translation>Le Portail d’entreprise est installé, mais l’appareil n’est pas inscrit dans Intune.</translation>
    </message>
    <message>
        <source>A management server that matches no known vendor was found.</source>
        <translation>Un serveur de gestion qui ne correspond à aucun éditeur connu a été trouvé.</translation>
    </message>
    <message>
        <source>An enrollment exists but is not complete.</source>
        <translation>Une inscription existe, mais elle n’est pas terminée.</translation>
    </message>
    <message>
        <source>More than one legacy management was found.</source>
        <translation>Plusieurs anciennes gestions ont été trouvées.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lue</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absente</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Préparer</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Check it left</source>
        <translation>Vérifier le retrait</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>Rejoindre Intune</translation>
    </message>
    <message>
        <source>Check it joined</source>
        <translation>Vérifier l’inscription</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contacter le service informatique</translation>
    </message>
    <message>
        <source>What happens next: you remove the old management from this device, then you enroll it in Microsoft Intune.</source>
        <translation>La suite&#xa0;: vous retirez l’ancienne gestion de cet appareil, puis vous l’inscrivez dans Microsoft Intune.</translation>
    </message>
    <message>
        <source>What happens next: Microsoft Intune already manages this device; you only remove the old management.</source>
        <translation>La suite&#xa0;: Microsoft Intune gère déjà cet appareil&#x202f;; il vous suffit de retirer l’ancienne gestion.</translation>
    </message>
    <message>
        <source>What happens next: you enroll this device in Microsoft Intune.</source>
        <translation>La suite&#xa0;: vous inscrivez cet appareil dans Microsoft Intune.</translation>
    </message>
    <message>
        <source>Nothing left to do: this device has already moved.</source>
        <translation>Plus rien à faire&#xa0;: cet appareil est déjà passé à Microsoft Intune.</translation>
    </message>
    <message>
        <source>This device needs IT&apos;s help: you cannot move it yourself.</source>
        <translation>Cet appareil a besoin de l’aide du service informatique&#xa0;: vous ne pouvez pas le faire passer vous-même.</translation>
    </message>
    <message>
        <source>The old management is still on this device.</source>
        <translation>L’ancienne gestion est toujours présente sur cet appareil.</translation>
    </message>
    <message>
        <source>Microsoft Intune does not manage this device yet.</source>
        <translation>Microsoft Intune ne gère pas encore cet appareil.</translation>
    </message>
    <message>
        <source>Your work account is connected, but Microsoft Intune does not manage this device yet.</source>
        <translation>Votre compte professionnel est connecté, mais Microsoft Intune ne gère pas encore cet appareil.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages this device, but it is not registered in your organization&apos;s Microsoft Entra ID yet: company mail and apps would refuse it.</source>
        <translation>Microsoft Intune gère cet appareil, mais il n’est pas encore inscrit dans le Microsoft Entra ID de votre organisation&#xa0;: la messagerie et les applications de l’entreprise le refuseraient.</translation>
    </message>
    <message>
        <source>This device is registered with another organization&apos;s Microsoft Entra ID, not yours.</source>
        <translation>Cet appareil est inscrit dans le Microsoft Entra ID d’une autre organisation, et non de la vôtre.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device to tell whether that worked.</source>
        <translation>L’assistant n’a pas pu lire suffisamment d’informations sur cet appareil pour savoir si cela a fonctionné.</translation>
    </message>
    <message>
        <source>The old management is locked on this device: only IT can remove it.</source>
        <translation>L’ancienne gestion est verrouillée sur cet appareil&#xa0;: seul le service informatique peut la retirer.</translation>
    </message>
    <message>
        <source>This device is managed by a system the helper does not know.</source>
        <translation>Cet appareil est géré par un système que l’assistant ne connaît pas.</translation>
    </message>
    <message>
        <source>IT has to take the next step for this device.</source>
        <translation>Le service informatique doit se charger de la prochaine étape pour cet appareil.</translation>
    </message>
    <message>
        <source>The helper could not check this device.</source>
        <translation>L’assistant n’a pas pu vérifier cet appareil.</translation>
    </message>
    <message>
        <source>You asked IT for help.</source>
        <translation>Vous avez demandé de l’aide au service informatique.</translation>
    </message>
    <message>
        <source>The old management is back on this device after you had removed it: its agent or one of its policies installed it again. Remove it once more; if it comes back again, ask IT to release this device in the old management before you try again.</source>
        <translation>L’ancienne gestion est revenue sur cet appareil après que vous l’avez retirée&#xa0;: son agent ou l’une de ses stratégies l’a réinstallée. Retirez-la une nouvelle fois&#xa0;; si elle revient encore, demandez au service informatique de libérer cet appareil dans l’ancienne gestion avant de réessayer.</translation>
    </message>
    <message>
        <source>The old management enrolled this device again by itself: Apple Business Manager still assigns it to the old server. Ask IT to assign this device to Microsoft Intune in Apple Business Manager and to release it in the old management, then check again.</source>
        <translation>L’ancienne gestion a de nouveau inscrit cet appareil d’elle-même&#xa0;: Apple Business Manager l’attribue toujours à l’ancien serveur. Demandez au service informatique d’attribuer cet appareil à Microsoft Intune dans Apple Business Manager et de le libérer dans l’ancienne gestion, puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Nothing has changed on this device yet. If you have just done the step, wait a minute and check again.</source>
        <translation>Rien n’a encore changé sur cet appareil. Si vous venez de faire l’étape, attendez une minute et vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>The helper could not check this device this time. Try again in a moment.</source>
        <translation>L’assistant n’a pas pu vérifier cet appareil cette fois-ci. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device this time. Try again in a moment.</source>
        <translation>L’assistant n’a pas pu lire suffisamment d’informations sur cet appareil cette fois-ci. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>That is not possible at this point.</source>
        <translation>Ce n’est pas possible à ce stade.</translation>
    </message>
    <message>
        <source>That step is not part of your plan.</source>
        <translation>Cette étape ne fait pas partie de votre plan.</translation>
    </message>
    <message>
        <source>That step is already done.</source>
        <translation>Cette étape est déjà faite.</translation>
    </message>
    <message>
        <source>Your organization does not allow postponing this move.</source>
        <translation>Votre organisation ne permet pas de reporter ce passage.</translation>
    </message>
    <message>
        <source>You have postponed this move as many times as allowed.</source>
        <translation>Vous avez déjà reporté ce passage autant de fois que possible.</translation>
    </message>
    <message>
        <source>The deadline has passed: this move cannot be postponed.</source>
        <translation>La date limite est dépassée&#xa0;: ce passage ne peut plus être reporté.</translation>
    </message>
    <message>
        <source>Your saved progress could not be read, so the helper started again from the check.</source>
        <translation>Votre progression enregistrée n’a pas pu être lue, l’assistant a donc recommencé à partir de la vérification.</translation>
    </message>
    <message>
        <source>Your saved progress could not be opened, so the helper started again from the check.</source>
        <translation>Votre progression enregistrée n’a pas pu être ouverte, l’assistant a donc recommencé à partir de la vérification.</translation>
    </message>
    <message>
        <source>Your progress cannot be saved on this device: keep this window open until the end.</source>
        <translation>Votre progression ne peut pas être enregistrée sur cet appareil&#xa0;: gardez cette fenêtre ouverte jusqu’à la fin.</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <source>did not work</source>
        <translation>n’a pas fonctionné</translation>
    </message>
    <message>
        <source>IT needs to act</source>
        <translation>le service informatique doit intervenir</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>pas nécessaire</translation>
    </message>
    <message>
        <source>Your organization will ask you to move this device soon. The deadline is %1.</source>
        <translation>Votre organisation vous demandera bientôt de faire passer cet appareil à Microsoft Intune. La date limite est le %1.</translation>
    </message>
    <message numerus="yes">
        <source>Please move this device by %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Veuillez faire passer cet appareil à Microsoft Intune d’ici le %1 (%n jour restant).</numerusform>
            <numerusform>Veuillez faire passer cet appareil à Microsoft Intune d’ici le %1 (%n jours restants).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n day(s) left: please move this device by %1.</source>
        <translation>
            <numerusform>Plus que %n jour&#xa0;: veuillez faire passer cet appareil à Microsoft Intune d’ici le %1.</numerusform>
            <numerusform>Plus que %n jours&#xa0;: veuillez faire passer cet appareil à Microsoft Intune d’ici le %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The deadline (%1) has passed: company mail and apps may already be blocked on this device. Please move it now.</source>
        <translation>La date limite (%1) est dépassée&#xa0;: la messagerie et les applications de l’entreprise sont peut-être déjà bloquées sur cet appareil. Veuillez le faire passer à Microsoft Intune maintenant.</translation>
    </message>
    <message>
        <source>The helper is not allowed to open this. Contact IT.</source>
        <translation>L’assistant n’est pas autorisé à ouvrir ceci. Contactez le service informatique.</translation>
    </message>
    <message>
        <source>Nothing was run because you did not confirm.</source>
        <translation>Rien n’a été exécuté, car vous n’avez pas confirmé.</translation>
    </message>
    <message>
        <source>This step holds a value the helper refuses to use. Contact IT.</source>
        <translation>Cette étape contient une valeur que l’assistant refuse d’utiliser. Contactez le service informatique.</translation>
    </message>
    <message>
        <source>There is nothing to open here.</source>
        <translation>Il n’y a rien à ouvrir ici.</translation>
    </message>
    <message>
        <source>The administrator prompt was cancelled: nothing was changed.</source>
        <translation>La demande d’administrateur a été annulée&#xa0;: rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Contact IT.</source>
        <translation>Votre compte n’est pas autorisé à faire cela. Contactez le service informatique.</translation>
    </message>
    <message>
        <source>This device does not have the program this step needs.</source>
        <translation>Cet appareil ne dispose pas du programme dont cette étape a besoin.</translation>
    </message>
    <message>
        <source>This took too long and was stopped.</source>
        <translation>Cela a pris trop de temps et a été arrêté.</translation>
    </message>
    <message>
        <source>The system could not start it. Try again, or contact IT.</source>
        <translation>Le système n’a pas pu le lancer. Réessayez, ou contactez le service informatique.</translation>
    </message>
    <message>
        <source>Windows could not start it. Try again, or contact IT.</source>
        <translation>Windows n’a pas pu le lancer. Réessayez, ou contactez le service informatique.</translation>
    </message>
    <message>
        <source>Started. Finish the step in the window that opened, then come back here.</source>
        <translation>Lancé. Terminez l’étape dans la fenêtre qui s’est ouverte, puis revenez ici.</translation>
    </message>
    <message>
        <source>Passed.</source>
        <translation>Réussi.</translation>
    </message>
    <message>
        <source>Not needed on this device.</source>
        <translation>Pas nécessaire sur cet appareil.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be found from this network.</source>
        <translation>Les serveurs de Microsoft sont introuvables depuis ce réseau.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be reached from this network.</source>
        <translation>Les serveurs de Microsoft sont injoignables depuis ce réseau.</translation>
    </message>
    <message>
        <source>A secure connection to Microsoft failed: a proxy or firewall may be in the way.</source>
        <translation>La connexion sécurisée à Microsoft a échoué&#xa0;: un proxy ou un pare-feu la bloque peut-être.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers did not answer in time.</source>
        <translation>Les serveurs de Microsoft n’ont pas répondu à temps.</translation>
    </message>
    <message>
        <source>Your account is not an administrator of this device.</source>
        <translation>Votre compte n’est pas administrateur de cet appareil.</translation>
    </message>
    <message>
        <source>The helper could not tell whether your account is an administrator.</source>
        <translation>L’assistant n’a pas pu déterminer si votre compte est administrateur.</translation>
    </message>
    <message>
        <source>This device is on a Wi-Fi network the old management installed, and it has gone with it. Connect to another network (your home Wi-Fi or your phone&apos;s hotspot), then check again.</source>
        <translation>Cet appareil est connecté à un réseau Wi-Fi installé par l’ancienne gestion, qui a disparu avec elle. Connectez-vous à un autre réseau (votre Wi-Fi personnel ou le partage de connexion de votre téléphone), puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Microsoft Intune holds this device&apos;s recovery key.</source>
        <translation>Microsoft Intune détient la clé de récupération de cet appareil.</translation>
    </message>
    <message>
        <source>A new FileVault recovery key was made for Intune on this Mac; Intune receives it the next time the Mac checks in.</source>
        <translation>Une nouvelle clé de secours FileVault a été créée pour Intune sur ce Mac&#xa0;; Intune la recevra lors de la prochaine synchronisation du Mac.</translation>
    </message>
    <message>
        <source>Intune has not set up FileVault&apos;s recovery key for this Mac yet. Check again later today; if nothing changes, ask IT to check FileVault for this Mac in Intune. Keep FileVault on.</source>
        <translation>Intune n’a pas encore configuré la clé de secours FileVault de ce Mac. Vérifiez à nouveau plus tard dans la journée&#xa0;; si rien ne change, demandez au service informatique de vérifier FileVault pour ce Mac dans Intune. Laissez FileVault activé.</translation>
    </message>
    <message>
        <source>Intune needs a new FileVault recovery key for this Mac: log out and log back in (or restart), then check again. If Intune still has no key, ask IT to check FileVault for this Mac in Intune.</source>
        <translation>Intune a besoin d’une nouvelle clé de secours FileVault pour ce Mac&#xa0;: fermez votre session et rouvrez-la (ou redémarrez), puis vérifiez à nouveau. Si Intune n’a toujours pas de clé, demandez au service informatique de vérifier FileVault pour ce Mac dans Intune.</translation>
    </message>
    <message>
        <source>This PC does not show that its BitLocker recovery key was saved in your organization&apos;s Microsoft Entra ID. Ask IT to check that Intune holds it. Keep BitLocker on.</source>
        <translation>Ce PC n’indique pas que sa clé de récupération BitLocker a été enregistrée dans le Microsoft Entra ID de votre organisation. Demandez au service informatique de vérifier qu’Intune la détient. Laissez BitLocker activé.</translation>
    </message>
    <message>
        <source>Connection to Microsoft Intune</source>
        <translation>Connexion à Microsoft Intune</translation>
    </message>
    <message>
        <source>Administrator rights</source>
        <translation>Droits d’administrateur</translation>
    </message>
    <message>
        <source>Every status update has been sent to IT.</source>
        <translation>Tous les rapports d’état ont été envoyés au service informatique.</translation>
    </message>
    <message>
        <source>Status updates are being sent to IT.</source>
        <translation>Les rapports d’état sont en cours d’envoi au service informatique.</translation>
    </message>
    <message>
        <source>Status updates could not be sent yet; the helper will try again.</source>
        <translation>Les rapports d’état n’ont pas encore pu être envoyés&#x202f;; l’assistant réessaiera.</translation>
    </message>
    <message>
        <source>Status updates wait until you sign in with your work account.</source>
        <translation>Les rapports d’état attendent que vous vous connectiez avec votre compte professionnel.</translation>
    </message>
    <message>
        <source>IT&apos;s service refused the status updates. IT has been told.</source>
        <translation>Le serveur du service informatique a refusé les rapports d’état. Le service informatique en a été informé.</translation>
    </message>
    <message>
        <source>This helper does not send status updates to IT.</source>
        <translation>Cet assistant n’envoie pas de rapports d’état au service informatique.</translation>
    </message>
    <message>
        <source>If it still fails, contact IT and tell them this message.</source>
        <translation>Si cela échoue encore, contactez le service informatique en lui indiquant ce message.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s sign-in service could not be reached.</source>
        <translation>Le service de connexion de Microsoft est injoignable.</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the network (Wi-Fi or cable, and the VPN if your company uses one), then try again.</source>
        <translation>Vérifiez que cet ordinateur est connecté au réseau (Wi-Fi ou câble, et le VPN si votre entreprise en utilise un), puis réessayez.</translation>
    </message>
    <message>
        <source>The network&apos;s proxy refused the connection to Microsoft&apos;s sign-in service.</source>
        <translation>Le proxy du réseau a refusé la connexion au service de connexion de Microsoft.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s proxy settings, or try again from another network (at home, or a phone&apos;s hotspot).</source>
        <translation>Vérifiez les paramètres de proxy de cet ordinateur, ou réessayez depuis un autre réseau (chez vous, ou le partage de connexion d’un téléphone).</translation>
    </message>
    <message>
        <source>The connection to Microsoft&apos;s sign-in service was not trusted.</source>
        <translation>La connexion au service de connexion de Microsoft n’était pas de confiance.</translation>
    </message>
    <message>
        <source>A device on this network inspects secure connections with a certificate this computer does not trust. Try another network.</source>
        <translation>Un équipement de ce réseau inspecte les connexions sécurisées avec un certificat que cet ordinateur ne reconnaît pas. Essayez un autre réseau.</translation>
    </message>
    <message>
        <source>Microsoft refused the sign-in.</source>
        <translation>Microsoft a refusé la connexion.</translation>
    </message>
    <message>
        <source>Sign in with your work account, not a personal one. If it is refused again, your account may not be allowed to use this helper yet.</source>
        <translation>Connectez-vous avec votre compte professionnel, pas un compte personnel. Si la connexion est de nouveau refusée, votre compte n’est peut-être pas encore autorisé à utiliser cet assistant.</translation>
    </message>
    <message>
        <source>The sign-in took too long and was stopped.</source>
        <translation>La connexion a pris trop de temps et a été interrompue.</translation>
    </message>
    <message>
        <source>Try again, and finish signing in in the browser window that opens.</source>
        <translation>Réessayez, et terminez la connexion dans la fenêtre du navigateur qui s’ouvre.</translation>
    </message>
    <message>
        <source>No browser could be opened to sign in.</source>
        <translation>Aucun navigateur n’a pu être ouvert pour la connexion.</translation>
    </message>
    <message>
        <source>Start the helper from your desktop session, where a browser can open, then try again.</source>
        <translation>Lancez l’assistant depuis votre session de bureau, où un navigateur peut s’ouvrir, puis réessayez.</translation>
    </message>
    <message>
        <source>Sign-in is not set up in this helper.</source>
        <translation>La connexion n’est pas configurée dans cet assistant.</translation>
    </message>
    <message>
        <source>Nothing to fix on your side: contact IT (the helper&apos;s configuration lacks the tenant, client or API settings).</source>
        <translation>Rien à corriger de votre côté&#xa0;: contactez le service informatique (la configuration de l’assistant ne contient pas les paramètres du locataire, du client ou de l’API).</translation>
    </message>
    <message>
        <source>A sign-in is already in progress.</source>
        <translation>Une connexion est déjà en cours.</translation>
    </message>
    <message>
        <source>Finish it in the browser window that is open.</source>
        <translation>Terminez-la dans la fenêtre du navigateur ouverte.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>La connexion a été annulée.</translation>
    </message>
    <message>
        <source>Try again when you are ready.</source>
        <translation>Réessayez quand vous le souhaitez.</translation>
    </message>
    <message numerus="yes">
        <source>%n status update(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n rapport d’état en attente d’envoi.</numerusform>
            <numerusform>%n rapports d’état en attente d’envoi.</numerusform>
        </translation>
    </message>
</context>
</TS>
