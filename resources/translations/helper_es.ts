<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>CheckPage</name>
    <message>
        <source>Check this device</source>
        <translation>Comprobar este dispositivo</translation>
    </message>
    <message>
        <source>Checking what manages this device…</source>
        <translation>Comprobando qué gestiona este dispositivo…</translation>
    </message>
    <message>
        <source>Checking this device</source>
        <translation>Comprobando este dispositivo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Remind me later</source>
        <translation>Recordármelo más tarde</translation>
    </message>
    <message>
        <source>&amp;Technical details</source>
        <translation>&amp;Detalles técnicos</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Detalles técnicos</translation>
    </message>
    <message>
        <source>Shows the evidence the helper found, for IT</source>
        <translation>Muestra los datos que encontró el asistente, para el departamento de TI</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>Contactar con &amp;TI</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>Pedir ayuda al departamento de TI con este dispositivo</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>&amp;Recordármelo más tarde</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>Aplazar la migración; el asistente se lo recordará</translation>
    </message>
    <message>
        <source>&amp;Begin</source>
        <translation>&amp;Empezar</translation>
    </message>
    <message>
        <source>Start moving this device</source>
        <translation>Empezar la migración de este dispositivo</translation>
    </message>
    <message>
        <source>The helper could not start.</source>
        <translation>El asistente no ha podido iniciarse.</translation>
    </message>
    <message>
        <source>Contact IT and tell them what went wrong: %1</source>
        <translation>Póngase en contacto con el departamento de TI e indíqueles qué ha fallado: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Antes de empezar</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>%1 manages this device: %2.</source>
        <translation>%1 gestiona este dispositivo: %2.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages it too.</source>
        <translation>Microsoft Intune también lo gestiona.</translation>
    </message>
    <message>
        <source>The helper will remind you on %1. You can close this window now, or begin anyway.</source>
        <translation>El asistente se lo recordará el %1. Puede cerrar esta ventana ahora o empezar de todos modos.</translation>
    </message>
    <message numerus="yes">
        <source>Not a good time? “Remind me later” postpones the move until %1 (%n time(s) left).</source>
        <translation>
            <numerusform>¿No es buen momento? «Recordármelo más tarde» aplaza la migración hasta el %1 (le queda %n vez).</numerusform>
            <numerusform>¿No es buen momento? «Recordármelo más tarde» aplaza la migración hasta el %1 (le quedan %n veces).</numerusform>
        </translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Código de soporte: %1</translation>
    </message>
    <message>
        <source>Verdict: %1 (%2)</source>
        <translation>Veredicto: %1 (%2)</translation>
    </message>
    <message>
        <source>Plan: %1, platform %2, vendor %3</source>
        <translation>Plan: %1, plataforma %2, proveedor %3</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Etapa: %1</translation>
    </message>
    <message>
        <source>Reasons: %1</source>
        <translation>Motivos: %1</translation>
    </message>
    <message>
        <source>No detection this time (it failed).</source>
        <translation>No hay detección esta vez (ha fallado).</translation>
    </message>
    <message>
        <source>Legacy management: %1 (%2), removable: %3, server: %4</source>
        <translation>Gestión anterior: %1 (%2), se puede quitar: %3, servidor: %4</translation>
    </message>
    <message>
        <source>Microsoft Intune enrolled: %1</source>
        <translation>Inscrito en Microsoft Intune: %1</translation>
    </message>
    <message>
        <source>Microsoft Entra: %1 (%2)</source>
        <translation>Microsoft Entra: %1 (%2)</translation>
    </message>
    <message>
        <source>Warning %1: %2</source>
        <translation>Advertencia %1: %2</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Fuentes:</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>the deadline</source>
        <translation>la fecha límite</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Abrir Configuración</translation>
    </message>
    <message>
        <source>Open Company Portal</source>
        <translation>Abrir Portal de empresa</translation>
    </message>
    <message>
        <source>Open Windows enrollment</source>
        <translation>Abrir la inscripción de Windows</translation>
    </message>
    <message>
        <source>Open Microsoft Store</source>
        <translation>Abrir Microsoft Store</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>Abrir en el navegador</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Run as administrator…</source>
        <translation>Ejecutar como administrador…</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Ejecutar…</translation>
    </message>
    <message>
        <source>Page content</source>
        <translation>Contenido de la página</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Volver a comprobar</translation>
    </message>
    <message>
        <source>What you can try:</source>
        <translation>Qué puede intentar:</translation>
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
        <translation>¿Ejecutar este comando?</translation>
    </message>
    <message>
        <source>The helper will run exactly this command on this device:</source>
        <translation>El asistente ejecutará exactamente este comando en este dispositivo:</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>It needs administrator rights: your system will ask for an administrator password or approval. Nothing runs unless you approve it there too.</source>
        <translation>Necesita derechos de administrador: el sistema le pedirá una contraseña de administrador o una aprobación. No se ejecuta nada si no lo aprueba también allí.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
</context>
<context>
    <name>ContactItPage</name>
    <message>
        <source>IT needs to help with this device</source>
        <translation>El departamento de TI tiene que ayudar con este dispositivo</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Your support code</source>
        <translation>Su código de soporte</translation>
    </message>
    <message>
        <source>Give IT this code: it lets them find this device and see how far it got.</source>
        <translation>Dé este código al departamento de TI: les permite encontrar este dispositivo y ver hasta dónde ha llegado.</translation>
    </message>
    <message>
        <source>Co&amp;py for IT</source>
        <translation>Co&amp;piar para TI</translation>
    </message>
    <message>
        <source>Copies a short summary for IT: support code, management and codes</source>
        <translation>Copia un breve resumen para el departamento de TI: código de soporte, gestión y códigos</translation>
    </message>
    <message>
        <source>Start &amp;again</source>
        <translation>Empezar de &amp;nuevo</translation>
    </message>
    <message>
        <source>Check this device again from the start</source>
        <translation>Volver a comprobar este dispositivo desde el principio</translation>
    </message>
    <message>
        <source>I’ve c&amp;ontacted IT</source>
        <translation>He c&amp;ontactado con TI</translation>
    </message>
    <message>
        <source>Tell the helper you have asked IT for help</source>
        <translation>Indicar al asistente que ha pedido ayuda al departamento de TI</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Volver a comprobar</translation>
    </message>
    <message>
        <source>Once IT has acted, check this device again</source>
        <translation>Cuando el departamento de TI haya actuado, vuelva a comprobar este dispositivo</translation>
    </message>
    <message>
        <source>Support code %1</source>
        <translation>Código de soporte %1</translation>
    </message>
    <message>
        <source>What to tell IT</source>
        <translation>Qué decir al departamento de TI</translation>
    </message>
    <message>
        <source>Copied. Paste it into your message or ticket to IT.</source>
        <translation>Copiado. Péguelo en su mensaje o incidencia para el departamento de TI.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>All done</source>
        <translation>Todo listo</translation>
    </message>
    <message>
        <source>Status updates for IT</source>
        <translation>Actualizaciones de estado para el departamento de TI</translation>
    </message>
    <message>
        <source>&amp;Sign in to send the status updates…</source>
        <translation>&amp;Iniciar sesión para enviar las actualizaciones de estado…</translation>
    </message>
    <message>
        <source>Sign in with your work account in the browser</source>
        <translation>Iniciar sesión con su cuenta profesional en el navegador</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>&amp;Guiar otro dispositivo…</translation>
    </message>
    <message>
        <source>Steps and QR codes to move a phone or tablet</source>
        <translation>Pasos y códigos QR para migrar un teléfono o una tableta</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close the helper</source>
        <translation>Cerrar el asistente</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ha pasado</translation>
    </message>
    <message>
        <source>Support code: %1</source>
        <translation>Código de soporte: %1</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Technical details</source>
        <translation>Detalles técnicos</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>Mostrar &amp;detalles</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
    <message numerus="yes">
        <source>This happened %n time(s) so far.</source>
        <translation>
            <numerusform>Esto ha ocurrido %n vez hasta ahora.</numerusform>
            <numerusform>Esto ha ocurrido %n veces hasta ahora.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>Ocultar &amp;detalles</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong. You can keep using the helper; if this happens again, contact your IT support and give them the details (“Copy details”).</source>
        <translation>Algo ha fallado. Puede seguir usando el asistente; si vuelve a ocurrir, póngase en contacto con su servicio de soporte de TI y facilíteles los detalles («Copiar detalles»).</translation>
    </message>
</context>
<context>
    <name>Fold</name>
    <message>
        <source>More</source>
        <translation>Mostrar más</translation>
    </message>
    <message>
        <source>Less</source>
        <translation>Mostrar menos</translation>
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
        <translation>Teléfono o tableta Android</translation>
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
        <translation>Guiar otro dispositivo</translation>
    </message>
    <message>
        <source>Choose the device to move and what manages it today: the steps below are the ones to follow on that device.</source>
        <translation>Elija el dispositivo que va a migrar y qué lo gestiona hoy: los pasos de abajo son los que hay que seguir en ese dispositivo.</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>&amp;Dispositivo:</translation>
    </message>
    <message>
        <source>&amp;Managed today by:</source>
        <translation>&amp;Gestionado hoy por:</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Another system, or not sure</source>
        <translation>Otro sistema, o no lo sé</translation>
    </message>
    <message>
        <source>Nothing: not managed yet</source>
        <translation>Nada: todavía no está gestionado</translation>
    </message>
    <message>
        <source>The steps for this device cannot be shown: %1</source>
        <translation>No se pueden mostrar los pasos para este dispositivo: %1</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Antes de empezar</translation>
    </message>
    <message>
        <source>Leave the current management</source>
        <translation>Salir de la gestión actual</translation>
    </message>
    <message>
        <source>Check that it has left</source>
        <translation>Comprobar que se ha quitado</translation>
    </message>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>Unirse a Microsoft Intune</translation>
    </message>
    <message>
        <source>Check the enrollment</source>
        <translation>Comprobar la inscripción</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contactar con TI</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation>Código QR para %1</translation>
    </message>
    <message>
        <source>Scan this code with the camera of the other device to open %1</source>
        <translation>Escanee este código con la cámara del otro dispositivo para abrir %1</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <source>Link copied to the clipboard.</source>
        <translation>Enlace copiado en el portapapeles.</translation>
    </message>
</context>
<context>
    <name>HelpdeskPanel</name>
    <message>
        <source>Helpdesk</source>
        <translation>Soporte técnico</translation>
    </message>
    <message>
        <source>Support code</source>
        <translation>Código de soporte</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Detection (JSON)</source>
        <translation>Detección (JSON)</translation>
    </message>
    <message>
        <source>Journey (JSON)</source>
        <translation>Recorrido (JSON)</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>&amp;Refresh the log</source>
        <translation>Actuali&amp;zar el registro</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Detección</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>Recorrido</translation>
    </message>
    <message>
        <source>Open a capture a user sent (“Open a capture…”) to see what their device shows and the steps it would get.</source>
        <translation>Abra una captura que le haya enviado un usuario («Abrir una captura…») para ver lo que muestra su dispositivo y los pasos que recibiría.</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>Detection of the capture (JSON)</source>
        <translation>Detección de la captura (JSON)</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Reproducción</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copiar &amp;diagnóstico</translation>
    </message>
    <message>
        <source>&amp;Export capture (.zip)…</source>
        <translation>&amp;Exportar captura (.zip)…</translation>
    </message>
    <message>
        <source>&amp;Open a capture…</source>
        <translation>Abrir una &amp;captura…</translation>
    </message>
    <message>
        <source>No journey yet: the helper has not checked this device in this session.</source>
        <translation>Aún no hay recorrido: el asistente no ha comprobado este dispositivo en esta sesión.</translation>
    </message>
    <message>
        <source>No detection yet.</source>
        <translation>Aún no hay detección.</translation>
    </message>
    <message>
        <source>No journey yet.</source>
        <translation>Aún no hay recorrido.</translation>
    </message>
    <message>
        <source>The last detection failed; see the log.</source>
        <translation>La última detección ha fallado; consulte el registro.</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Etapa: %1</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Ruta: %1</translation>
    </message>
    <message>
        <source>Platform: %1</source>
        <translation>Plataforma: %1</translation>
    </message>
    <message>
        <source>Legacy vendor: %1</source>
        <translation>Proveedor anterior: %1</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Veredicto: %1</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>Failed checks: %1</source>
        <translation>Comprobaciones fallidas: %1</translation>
    </message>
    <message>
        <source>Next reminder: %1</source>
        <translation>Próximo recordatorio: %1</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>Último cambio: %1</translation>
    </message>
    <message>
        <source>Detection warnings:</source>
        <translation>Advertencias de la detección:</translation>
    </message>
    <message>
        <source>Journey warnings: %1</source>
        <translation>Advertencias del recorrido: %1</translation>
    </message>
    <message>
        <source>The log file cannot be read: %1</source>
        <translation>No se puede leer el archivo de registro: %1</translation>
    </message>
    <message>
        <source>The log file is empty or does not exist yet: %1</source>
        <translation>El archivo de registro está vacío o aún no existe: %1</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard (no secrets included).</source>
        <translation>Diagnóstico copiado en el portapapeles (sin ningún secreto).</translation>
    </message>
    <message>
        <source>Support code copied to the clipboard.</source>
        <translation>Código de soporte copiado en el portapapeles.</translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>Exportar captura</translation>
    </message>
    <message>
        <source>Capture (*.zip)</source>
        <translation>Captura (*.zip)</translation>
    </message>
    <message>
        <source>Capturing this device…</source>
        <translation>Capturando este dispositivo…</translation>
    </message>
    <message numerus="yes">
        <source>Capture saved to %1 (%n evidence file(s)).</source>
        <translation>
            <numerusform>Captura guardada en %1 (%n archivo de evidencias).</numerusform>
            <numerusform>Captura guardada en %1 (%n archivos de evidencias).</numerusform>
        </translation>
    </message>
    <message>
        <source>The capture could not be saved: %1</source>
        <translation>No se ha podido guardar la captura: %1</translation>
    </message>
    <message>
        <source>Open a capture</source>
        <translation>Abrir una captura</translation>
    </message>
    <message>
        <source>Capture (*.zip capture.json);;All files (*)</source>
        <translation>Captura (*.zip capture.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Opening the capture…</source>
        <translation>Abriendo la captura…</translation>
    </message>
    <message>
        <source>Capture: %1 (taken %2)</source>
        <translation>Captura: %1 (tomada el %2)</translation>
    </message>
    <message>
        <source>Verdict: %1. Path: %2.</source>
        <translation>Veredicto: %1. Ruta: %2.</translation>
    </message>
    <message>
        <source>Capture opened (read-only).</source>
        <translation>Captura abierta (solo lectura).</translation>
    </message>
    <message>
        <source>This is not a capture: %1</source>
        <translation>Esto no es una captura: %1</translation>
    </message>
    <message>
        <source>This capture is too large: %1</source>
        <translation>Esta captura es demasiado grande: %1</translation>
    </message>
    <message>
        <source>This capture is damaged or not valid: %1</source>
        <translation>Esta captura está dañada o no es válida: %1</translation>
    </message>
    <message>
        <source>The helper’s IT content is not valid: %1</source>
        <translation>El contenido de TI del asistente no es válido: %1</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>No se puede leer el archivo: %1</translation>
    </message>
    <message>
        <source>This capture cannot be replayed: %1</source>
        <translation>Esta captura no se puede reproducir: %1</translation>
    </message>
</context>
<context>
    <name>IntuneStatusCard</name>
    <message>
        <source>What Intune says</source>
        <translation>Lo que indica Intune</translation>
    </message>
    <message>
        <source>✓ Confirmed by Intune</source>
        <translation>✓ Confirmado por Intune</translation>
    </message>
    <message>
        <source>✓ Compliant with your organization’s rules</source>
        <translation>✓ Cumple las reglas de su organización</translation>
    </message>
    <message>
        <source>Not compliant yet: some of your organization’s rules are not met on this device</source>
        <translation>Aún no cumple: algunas reglas de su organización no se cumplen en este dispositivo</translation>
    </message>
    <message>
        <source>Compliance not evaluated yet</source>
        <translation>Cumplimiento aún no evaluado</translation>
    </message>
    <message numerus="yes">
        <source>Not yet confirmed by Intune (it can take up to %n hour(s))</source>
        <translation>
            <numerusform>Aún no confirmado por Intune (puede tardar hasta %n hora)</numerusform>
            <numerusform>Aún no confirmado por Intune (puede tardar hasta %n horas)</numerusform>
        </translation>
    </message>
    <message>
        <source>It is taking longer than it should: contact IT with your support code.</source>
        <translation>Está tardando más de lo previsto: póngase en contacto con el departamento de TI e indíqueles su código de soporte.</translation>
    </message>
    <message>
        <source>Intune no longer lists this device: contact IT with your support code.</source>
        <translation>Intune ya no muestra este dispositivo: póngase en contacto con el departamento de TI e indíqueles su código de soporte.</translation>
    </message>
    <message>
        <source>Your old device management is back on this device: contact IT with your support code.</source>
        <translation>Su gestión de dispositivos anterior ha vuelto a este dispositivo: póngase en contacto con el departamento de TI e indíqueles su código de soporte.</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <source>Join Microsoft Intune</source>
        <translation>Unirse a Microsoft Intune</translation>
    </message>
    <message>
        <source>First the helper checks that this device can enroll. Then follow the steps to enroll it in Microsoft Intune, and press “I’ve done it — check again”.</source>
        <translation>Primero el asistente comprueba que este dispositivo se puede inscribir. Después, siga los pasos para inscribirlo en Microsoft Intune y pulse «Ya lo he hecho — volver a comprobar».</translation>
    </message>
</context>
<context>
    <name>LeavePage</name>
    <message>
        <source>Leave %1</source>
        <translation>Salir de %1</translation>
    </message>
    <message>
        <source>Follow these steps to remove %1 from this device. When you have done them, press “I’ve done it — check again”: the helper then checks the device.</source>
        <translation>Siga estos pasos para quitar %1 de este dispositivo. Cuando los haya hecho, pulse «Ya lo he hecho — volver a comprobar»: el asistente comprobará entonces el dispositivo.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — Demo</source>
        <translation>%1 — Demostración</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Hecho: %1.</translation>
    </message>
    <message>
        <source>Still to come: %1.</source>
        <translation>Pendiente: %1.</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Next reminder</source>
        <translation>Próximo recordatorio</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Procesando</translation>
    </message>
    <message>
        <source>%1 logo</source>
        <translation>Logotipo de %1</translation>
    </message>
    <message>
        <source>Demo: a simulated device (scenario %1). Nothing on this computer is changed and nothing is sent to IT.</source>
        <translation>Demostración: un dispositivo simulado (escenario %1). No se cambia nada en este equipo y no se envía nada al departamento de TI.</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Modo de demostración</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Sign in to send status updates</source>
        <translation>&amp;Iniciar sesión para enviar las actualizaciones de estado</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Development mode: status updates go to a test collector on this computer (%1) with unsigned tokens. Never use this configuration on employees&apos; devices.</source>
        <translation>Modo de desarrollo: las actualizaciones de estado van a un recopilador de prueba en este equipo (%1) con tokens sin firmar. No use nunca esta configuración en los dispositivos de los empleados.</translation>
    </message>
    <message>
        <source>Development mode</source>
        <translation>Modo de desarrollo</translation>
    </message>
    <message>
        <source>&amp;Helpdesk panel…</source>
        <translation>Panel de &amp;soporte técnico…</translation>
    </message>
    <message>
        <source>&amp;Guide another device…</source>
        <translation>&amp;Guiar otro dispositivo…</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>&amp;Acerca de %1</translation>
    </message>
    <message>
        <source>Leave %1</source>
        <translation>Salir de %1</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Check this device</source>
        <translation>Comprobar este dispositivo</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>Unirse a Intune</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contactar con TI</translation>
    </message>
    <message>
        <source>the old management</source>
        <translation>la gestión anterior</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Paso %1 de %2: %3</translation>
    </message>
    <message>
        <source>%1 %2: request for help</source>
        <translation>%1 %2: solicitud de ayuda</translation>
    </message>
    <message>
        <source>The device has not been checked yet.</source>
        <translation>El dispositivo aún no se ha comprobado.</translation>
    </message>
    <message>
        <source>Support code</source>
        <translation>Código de soporte</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <source>Legacy vendor</source>
        <translation>Proveedor anterior</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Veredicto</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>Comprobaciones fallidas</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>Demo scenario</source>
        <translation>Escenario de demostración</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <source>%1 %2
Helps you move this device to Microsoft Intune.</source>
        <translation>%1 %2
Le ayuda a migrar este dispositivo a Microsoft Intune.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Error al iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
</context>
<context>
    <name>ReminderPrompt</name>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>It is time to finish moving this device to Microsoft Intune.</source>
        <translation>Es hora de terminar la migración de este dispositivo a Microsoft Intune.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close this reminder</source>
        <translation>Cerrar este recordatorio</translation>
    </message>
    <message>
        <source>&amp;Remind me later</source>
        <translation>&amp;Recordármelo más tarde</translation>
    </message>
    <message>
        <source>Postpone the move; the helper reminds you</source>
        <translation>Aplazar la migración; el asistente se lo recordará</translation>
    </message>
    <message>
        <source>C&amp;ontinue now</source>
        <translation>Continuar &amp;ahora</translation>
    </message>
    <message>
        <source>Open the helper where you left off</source>
        <translation>Abrir el asistente donde lo dejó</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back today at %1.</source>
        <translation>«Recordármelo más tarde» volverá a mostrar este recordatorio hoy a las %1.</translation>
    </message>
    <message>
        <source>“Remind me later” brings this reminder back on %1 at %2.</source>
        <translation>«Recordármelo más tarde» volverá a mostrar este recordatorio el %1 a las %2.</translation>
    </message>
    <message>
        <source>The deadline has passed: this reminder can no longer be postponed. You can close it, but company apps may stop working on this device until it is moved.</source>
        <translation>La fecha límite ha pasado: este recordatorio ya no se puede aplazar. Puede cerrarlo, pero es posible que las aplicaciones de la empresa dejen de funcionar en este dispositivo hasta que se migre.</translation>
    </message>
    <message>
        <source>You have postponed as many times as IT allows: this reminder can no longer be postponed. You can close it.</source>
        <translation>Ya ha aplazado todas las veces que permite el departamento de TI: este recordatorio ya no se puede aplazar. Puede cerrarlo.</translation>
    </message>
    <message>
        <source>This reminder cannot be postponed. You can close it.</source>
        <translation>Este recordatorio no se puede aplazar. Puede cerrarlo.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Next reminder: today at %1</source>
        <translation>Próximo recordatorio: hoy a las %1</translation>
    </message>
    <message>
        <source>Next reminder: %1 at %2</source>
        <translation>Próximo recordatorio: %1 a las %2</translation>
    </message>
</context>
<context>
    <name>ServerReleasePanel</name>
    <message>
        <source>IT’s server can remove %1 from this device for you, without a call to IT. It may need IT’s approval first.</source>
        <translation>El servidor del departamento de TI puede quitar %1 de este dispositivo por usted, sin que tenga que llamar al departamento de TI. Puede que antes necesite la aprobación del departamento de TI.</translation>
    </message>
    <message>
        <source>Ask IT’s server to remove %1</source>
        <translation>Pedir al servidor del departamento de TI que quite %1</translation>
    </message>
    <message>
        <source>Asks IT’s server to release this device from its old management</source>
        <translation>Pide al servidor del departamento de TI que libere este dispositivo de su gestión anterior</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>¿Quitar %1?</translation>
    </message>
    <message>
        <source>IT’s server will ask %1 to stop managing this device. Its apps, settings and Wi-Fi or VPN profiles from %1 go with it. Keep this device switched on and connected until the helper says it is done.</source>
        <translation>El servidor del departamento de TI pedirá a %1 que deje de gestionar este dispositivo. Las aplicaciones, la configuración y los perfiles de Wi-Fi o VPN de %1 se quitarán con él. Mantenga este dispositivo encendido y conectado hasta que el asistente indique que ha terminado.</translation>
    </message>
    <message>
        <source>Your request is waiting for IT’s approval. You can leave this window open: it checks by itself.</source>
        <translation>Su solicitud está pendiente de la aprobación del departamento de TI. Puede dejar esta ventana abierta: comprobará el estado por sí sola.</translation>
    </message>
    <message>
        <source>IT’s server is asking %1 to release this device…</source>
        <translation>El servidor del departamento de TI está pidiendo a %1 que libere este dispositivo…</translation>
    </message>
    <message>
        <source>%1 agreed to release this device. Checking the device…</source>
        <translation>%1 ha aceptado liberar este dispositivo. Comprobando el dispositivo…</translation>
    </message>
    <message>
        <source>The request was refused. Contact IT with your support code.</source>
        <translation>Se ha rechazado la solicitud. Póngase en contacto con el departamento de TI e indíqueles su código de soporte.</translation>
    </message>
    <message>
        <source>IT’s server could not release this device from %1. Contact IT with your support code.</source>
        <translation>El servidor del departamento de TI no ha podido liberar este dispositivo de %1. Póngase en contacto con el departamento de TI e indíqueles su código de soporte.</translation>
    </message>
    <message>
        <source>IT’s server cannot do this for this device. Contact IT with your support code.</source>
        <translation>El servidor del departamento de TI no puede hacerlo para este dispositivo. Póngase en contacto con el departamento de TI e indíqueles su código de soporte.</translation>
    </message>
    <message>
        <source>IT’s server cannot be reached right now. The helper tries again in a moment.</source>
        <translation>No se puede contactar con el servidor del departamento de TI en este momento. El asistente volverá a intentarlo dentro de un momento.</translation>
    </message>
    <message>
        <source>Sign in with your work account first, then ask again.</source>
        <translation>Inicie sesión primero con su cuenta profesional y, después, vuelva a solicitarlo.</translation>
    </message>
    <message>
        <source>%1 will leave this device the next time it is online. Keep it connected for a few minutes, then choose Check again.</source>
        <translation>%1 se quitará de este dispositivo la próxima vez que el dispositivo esté en línea. Manténgalo conectado unos minutos y, después, pulse «Volver a comprobar».</translation>
    </message>
</context>
<context>
    <name>StagePage</name>
    <message>
        <source>What went wrong</source>
        <translation>Qué ha fallado</translation>
    </message>
    <message>
        <source>Contact &amp;IT</source>
        <translation>Contactar con &amp;TI</translation>
    </message>
    <message>
        <source>Ask IT for help with this device</source>
        <translation>Pedir ayuda al departamento de TI con este dispositivo</translation>
    </message>
    <message>
        <source>I’ve &amp;done it — check again</source>
        <translation>&amp;Ya lo he hecho — volver a comprobar</translation>
    </message>
    <message>
        <source>The helper checks this device again to see whether the steps worked</source>
        <translation>El asistente vuelve a comprobar este dispositivo para ver si los pasos han funcionado</translation>
    </message>
    <message>
        <source>Check %1 of %2: after that, the helper asks you to contact IT.</source>
        <translation>Comprobación %1 de %2: después, el asistente le pedirá que se ponga en contacto con el departamento de TI.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <source>The helper could not finish a task. Your progress is saved: you can try again, or contact IT.</source>
        <translation>El asistente no ha podido terminar una tarea. Su progreso está guardado: puede volver a intentarlo o ponerse en contacto con el departamento de TI.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Move this device to Microsoft Intune</source>
        <translation>Migrar este dispositivo a Microsoft Intune</translation>
    </message>
    <message>
        <source>A message from %1</source>
        <translation>Un mensaje de %1</translation>
    </message>
    <message>
        <source>Message from IT</source>
        <translation>Mensaje del departamento de TI</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Qué va a pasar</translation>
    </message>
    <message>
        <source>1. The helper checks what manages this device. Nothing changes yet.</source>
        <translation>1. El asistente comprueba qué gestiona este dispositivo. Todavía no cambia nada.</translation>
    </message>
    <message>
        <source>2. You remove the old management. Company mail, Wi-Fi, VPN, certificates and the company apps it installed are removed for a while.</source>
        <translation>2. Usted quita la gestión anterior. El correo de la empresa, la red Wi-Fi, la VPN, los certificados y las aplicaciones de empresa que instaló se quitan durante un tiempo.</translation>
    </message>
    <message>
        <source>3. You enroll the device in Microsoft Intune, which sets them up again.</source>
        <translation>3. Usted inscribe el dispositivo en Microsoft Intune, que los vuelve a configurar.</translation>
    </message>
    <message>
        <source>You can close this window at any time: the helper remembers where you are.</source>
        <translation>Puede cerrar esta ventana en cualquier momento: el asistente recuerda dónde se quedó.</translation>
    </message>
    <message>
        <source>What IT receives</source>
        <translation>Qué recibe el departamento de TI</translation>
    </message>
    <message>
        <source>So that IT can help when a step fails, the helper tells IT how far this device got: the step reached, result and error codes, the device&apos;s platform and the name of its old management, with the times. It never sends your name, your e-mail address, the device&apos;s name or your files.</source>
        <translation>Para que el departamento de TI pueda ayudarle cuando falle un paso, el asistente le indica hasta dónde ha llegado este dispositivo: el paso alcanzado, los códigos de resultado y de error, la plataforma del dispositivo y el nombre de su gestión anterior, con las horas. Nunca envía su nombre, su dirección de correo electrónico, el nombre del dispositivo ni sus archivos.</translation>
    </message>
    <message>
        <source>This helper sends nothing to IT: what it finds stays on this device. If you need help, you give IT a support code.</source>
        <translation>Este asistente no envía nada al departamento de TI: lo que encuentra se queda en este dispositivo. Si necesita ayuda, facilite un código de soporte al departamento de TI.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Read the &amp;privacy notice</source>
        <translation>Leer el aviso de &amp;privacidad</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>Check this device and see what to do</source>
        <translation>Comprobar este dispositivo y ver qué hay que hacer</translation>
    </message>
    <message>
        <source>&amp;Continue where you left off</source>
        <translation>&amp;Continuar donde lo dejó</translation>
    </message>
    <message>
        <source>Continue where you left off</source>
        <translation>Continuar donde lo dejó</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Unexpected result (code %1).</source>
        <translation>Resultado inesperado (código %1).</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Desconocido.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system.</source>
        <translation>Este dispositivo está gestionado por un sistema de gestión anterior.</translation>
    </message>
    <message>
        <source>This device is managed by a legacy management system and by Microsoft Intune at once.</source>
        <translation>Este dispositivo está gestionado a la vez por un sistema de gestión anterior y por Microsoft Intune.</translation>
    </message>
    <message>
        <source>This device is managed by Microsoft Intune.</source>
        <translation>Este dispositivo está gestionado por Microsoft Intune.</translation>
    </message>
    <message>
        <source>This device is not managed by any management system.</source>
        <translation>Este dispositivo no está gestionado por ningún sistema de gestión.</translation>
    </message>
    <message>
        <source>The helper could not tell what manages this device.</source>
        <translation>El asistente no ha podido determinar qué gestiona este dispositivo.</translation>
    </message>
    <message>
        <source>joined to Microsoft Entra ID</source>
        <translation>unido a Microsoft Entra ID</translation>
    </message>
    <message>
        <source>hybrid joined (on-premises domain and Microsoft Entra ID)</source>
        <translation>unido de forma híbrida (dominio local y Microsoft Entra ID)</translation>
    </message>
    <message>
        <source>joined to an on-premises domain only</source>
        <translation>unido solo a un dominio local</translation>
    </message>
    <message>
        <source>registered with Microsoft Entra ID (work account)</source>
        <translation>registrado en Microsoft Entra ID (cuenta profesional)</translation>
    </message>
    <message>
        <source>not joined to Microsoft Entra ID</source>
        <translation>no unido a Microsoft Entra ID</translation>
    </message>
    <message>
        <source>Microsoft Entra join state unknown</source>
        <translation>estado de unión a Microsoft Entra desconocido</translation>
    </message>
    <message>
        <source>you can remove it yourself</source>
        <translation>puede quitarla usted mismo</translation>
    </message>
    <message>
        <source>only IT can remove it</source>
        <translation>solo el departamento de TI puede quitarla</translation>
    </message>
    <message>
        <source>whether you can remove it yourself is not known</source>
        <translation>no se sabe si puede quitarla usted mismo</translation>
    </message>
    <message>
        <source>A fake enrollment key (FFFFFFFF-...) was ignored.</source>
        <translation>Se ha ignorado una clave de inscripción falsa (FFFFFFFF-...).</translation>
    </message>
    <message>
        <source>Leftovers of an earlier enrollment were found.</source>
        <translation>Se han encontrado restos de una inscripción anterior.</translation>
    </message>
    <message>
        <source>The tenant has automatic MDM enrollment configured, but that alone does not mean this device is enrolled.</source>
        <translation>El inquilino tiene configurada la inscripción automática en MDM, pero eso por sí solo no significa que este dispositivo esté inscrito.</translation>
    </message>
    <message>
        <source>Apple ADE assigns this device to a management server.</source>
        <translation>Apple ADE asigna este dispositivo a un servidor de gestión.</translation>
    </message>
    <message>
        <source>The device was enrolled through Apple ADE: only IT can remove it.</source>
        <translation>El dispositivo se inscribió mediante Apple ADE: solo el departamento de TI puede quitarlo.</translation>
    </message>
    <message>
        <source>The management profile does not allow removal.</source>
        <translation>El perfil de gestión no permite quitarlo.</translation>
    </message>
    <message>
        <source>A source of evidence could not be read.</source>
        <translation>No se ha podido leer una fuente de información.</translation>
    </message>
    <message>
        <source>A management agent is installed but the device is not enrolled.</source>
        <translation>Hay un agente de gestión instalado, pero el dispositivo no está inscrito.</translation>
    </message>
    <message>
        <source>Company Portal is installed, but the device is not enrolled in Intune.</source>
        <translation>Portal de empresa está instalado, pero el dispositivo no está inscrito en Intune.</translation>
    </message>
    <message>
        <source>A management server that matches no known vendor was found.</source>
        <translation>Se ha encontrado un servidor de gestión que no corresponde a ningún proveedor conocido.</translation>
    </message>
    <message>
        <source>An enrollment exists but is not complete.</source>
        <translation>Existe una inscripción, pero no está completa.</translation>
    </message>
    <message>
        <source>More than one legacy management was found.</source>
        <translation>Se ha encontrado más de una gestión anterior.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>leída</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>ausente</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ilegible</translation>
    </message>
    <message>
        <source>Prepare</source>
        <translation>Preparar</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Check it left</source>
        <translation>Comprobar la salida</translation>
    </message>
    <message>
        <source>Join Intune</source>
        <translation>Unirse a Intune</translation>
    </message>
    <message>
        <source>Check it joined</source>
        <translation>Comprobar la inscripción</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Contact IT</source>
        <translation>Contactar con TI</translation>
    </message>
    <message>
        <source>What happens next: you remove the old management from this device, then you enroll it in Microsoft Intune.</source>
        <translation>Qué viene ahora: usted quita la gestión anterior de este dispositivo y después lo inscribe en Microsoft Intune.</translation>
    </message>
    <message>
        <source>What happens next: Microsoft Intune already manages this device; you only remove the old management.</source>
        <translation>Qué viene ahora: Microsoft Intune ya gestiona este dispositivo; solo tiene que quitar la gestión anterior.</translation>
    </message>
    <message>
        <source>What happens next: you enroll this device in Microsoft Intune.</source>
        <translation>Qué viene ahora: usted inscribe este dispositivo en Microsoft Intune.</translation>
    </message>
    <message>
        <source>Nothing left to do: this device has already moved.</source>
        <translation>No queda nada por hacer: este dispositivo ya se ha migrado.</translation>
    </message>
    <message>
        <source>This device needs IT&apos;s help: you cannot move it yourself.</source>
        <translation>Este dispositivo necesita la ayuda del departamento de TI: no puede migrarlo usted mismo.</translation>
    </message>
    <message>
        <source>The old management is still on this device.</source>
        <translation>La gestión anterior sigue en este dispositivo.</translation>
    </message>
    <message>
        <source>Microsoft Intune does not manage this device yet.</source>
        <translation>Microsoft Intune aún no gestiona este dispositivo.</translation>
    </message>
    <message>
        <source>Your work account is connected, but Microsoft Intune does not manage this device yet.</source>
        <translation>Su cuenta profesional está conectada, pero Microsoft Intune aún no gestiona este dispositivo.</translation>
    </message>
    <message>
        <source>Microsoft Intune manages this device, but it is not registered in your organization&apos;s Microsoft Entra ID yet: company mail and apps would refuse it.</source>
        <translation>Microsoft Intune gestiona este dispositivo, pero aún no está registrado en el Microsoft Entra ID de su organización: el correo y las aplicaciones de la empresa lo rechazarían.</translation>
    </message>
    <message>
        <source>This device is registered with another organization&apos;s Microsoft Entra ID, not yours.</source>
        <translation>Este dispositivo está registrado en el Microsoft Entra ID de otra organización, no en el de la suya.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device to tell whether that worked.</source>
        <translation>El asistente no ha podido leer lo suficiente de este dispositivo para saber si ha funcionado.</translation>
    </message>
    <message>
        <source>The old management is locked on this device: only IT can remove it.</source>
        <translation>La gestión anterior está bloqueada en este dispositivo: solo el departamento de TI puede quitarla.</translation>
    </message>
    <message>
        <source>This device is managed by a system the helper does not know.</source>
        <translation>Este dispositivo está gestionado por un sistema que el asistente no conoce.</translation>
    </message>
    <message>
        <source>IT has to take the next step for this device.</source>
        <translation>El departamento de TI tiene que dar el siguiente paso para este dispositivo.</translation>
    </message>
    <message>
        <source>The helper could not check this device.</source>
        <translation>El asistente no ha podido comprobar este dispositivo.</translation>
    </message>
    <message>
        <source>You asked IT for help.</source>
        <translation>Ha pedido ayuda al departamento de TI.</translation>
    </message>
    <message>
        <source>The old management is back on this device after you had removed it: its agent or one of its policies installed it again. Remove it once more; if it comes back again, ask IT to release this device in the old management before you try again.</source>
        <translation>La gestión anterior ha vuelto a este dispositivo después de que usted la quitara: el agente o una de las directivas de esa gestión la ha vuelto a instalar. Quítela una vez más; si vuelve de nuevo, pida al departamento de TI que libere este dispositivo en la gestión anterior antes de volver a intentarlo.</translation>
    </message>
    <message>
        <source>The old management enrolled this device again by itself: Apple Business Manager still assigns it to the old server. Ask IT to assign this device to Microsoft Intune in Apple Business Manager and to release it in the old management, then check again.</source>
        <translation>La gestión anterior ha vuelto a inscribir este dispositivo por sí sola: Apple Business Manager todavía lo asigna al servidor anterior. Pida al departamento de TI que asigne este dispositivo a Microsoft Intune en Apple Business Manager y que lo libere en la gestión anterior; después, vuelva a comprobar.</translation>
    </message>
    <message>
        <source>Nothing has changed on this device yet. If you have just done the step, wait a minute and check again.</source>
        <translation>Todavía no ha cambiado nada en este dispositivo. Si acaba de hacer el paso, espere un minuto y vuelva a comprobar.</translation>
    </message>
    <message>
        <source>The helper could not check this device this time. Try again in a moment.</source>
        <translation>El asistente no ha podido comprobar este dispositivo esta vez. Vuelva a intentarlo dentro de un momento.</translation>
    </message>
    <message>
        <source>The helper could not read enough of this device this time. Try again in a moment.</source>
        <translation>El asistente no ha podido leer lo suficiente de este dispositivo esta vez. Vuelva a intentarlo dentro de un momento.</translation>
    </message>
    <message>
        <source>That is not possible at this point.</source>
        <translation>Eso no es posible en este momento.</translation>
    </message>
    <message>
        <source>That step is not part of your plan.</source>
        <translation>Ese paso no forma parte de su plan.</translation>
    </message>
    <message>
        <source>That step is already done.</source>
        <translation>Ese paso ya está hecho.</translation>
    </message>
    <message>
        <source>Your organization does not allow postponing this move.</source>
        <translation>Su organización no permite aplazar esta migración.</translation>
    </message>
    <message>
        <source>You have postponed this move as many times as allowed.</source>
        <translation>Ya ha aplazado esta migración todas las veces permitidas.</translation>
    </message>
    <message>
        <source>The deadline has passed: this move cannot be postponed.</source>
        <translation>La fecha límite ha pasado: esta migración ya no se puede aplazar.</translation>
    </message>
    <message>
        <source>Your saved progress could not be read, so the helper started again from the check.</source>
        <translation>No se ha podido leer su progreso guardado, así que el asistente ha vuelto a empezar desde la comprobación.</translation>
    </message>
    <message>
        <source>Your saved progress could not be opened, so the helper started again from the check.</source>
        <translation>No se ha podido abrir su progreso guardado, así que el asistente ha vuelto a empezar desde la comprobación.</translation>
    </message>
    <message>
        <source>Your progress cannot be saved on this device: keep this window open until the end.</source>
        <translation>Su progreso no se puede guardar en este dispositivo: mantenga esta ventana abierta hasta el final.</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>did not work</source>
        <translation>no ha funcionado</translation>
    </message>
    <message>
        <source>IT needs to act</source>
        <translation>el departamento de TI debe intervenir</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>no es necesario</translation>
    </message>
    <message>
        <source>Your organization will ask you to move this device soon. The deadline is %1.</source>
        <translation>Su organización le pedirá pronto que migre este dispositivo. La fecha límite es el %1.</translation>
    </message>
    <message numerus="yes">
        <source>Please move this device by %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Migre este dispositivo antes del %1 (queda %n día).</numerusform>
            <numerusform>Migre este dispositivo antes del %1 (quedan %n días).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n day(s) left: please move this device by %1.</source>
        <translation>
            <numerusform>Solo queda %n día: migre este dispositivo antes del %1.</numerusform>
            <numerusform>Solo quedan %n días: migre este dispositivo antes del %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The deadline (%1) has passed: company mail and apps may already be blocked on this device. Please move it now.</source>
        <translation>La fecha límite (%1) ha pasado: puede que el correo y las aplicaciones de la empresa ya estén bloqueados en este dispositivo. Mígrelo ahora.</translation>
    </message>
    <message>
        <source>The helper is not allowed to open this. Contact IT.</source>
        <translation>El asistente no tiene permiso para abrir esto. Póngase en contacto con el departamento de TI.</translation>
    </message>
    <message>
        <source>Nothing was run because you did not confirm.</source>
        <translation>No se ha ejecutado nada porque no lo ha confirmado.</translation>
    </message>
    <message>
        <source>This step holds a value the helper refuses to use. Contact IT.</source>
        <translation>Este paso contiene un valor que el asistente se niega a usar. Póngase en contacto con el departamento de TI.</translation>
    </message>
    <message>
        <source>There is nothing to open here.</source>
        <translation>Aquí no hay nada que abrir.</translation>
    </message>
    <message>
        <source>The administrator prompt was cancelled: nothing was changed.</source>
        <translation>Se ha cancelado la solicitud de administrador: no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Contact IT.</source>
        <translation>Su cuenta no tiene permiso para hacer esto. Póngase en contacto con el departamento de TI.</translation>
    </message>
    <message>
        <source>This device does not have the program this step needs.</source>
        <translation>Este dispositivo no tiene el programa que necesita este paso.</translation>
    </message>
    <message>
        <source>This took too long and was stopped.</source>
        <translation>Ha tardado demasiado y se ha detenido.</translation>
    </message>
    <message>
        <source>The system could not start it. Try again, or contact IT.</source>
        <translation>El sistema no ha podido iniciarlo. Vuelva a intentarlo o póngase en contacto con el departamento de TI.</translation>
    </message>
    <message>
        <source>Windows could not start it. Try again, or contact IT.</source>
        <translation>Windows no ha podido iniciarlo. Vuelva a intentarlo o póngase en contacto con el departamento de TI.</translation>
    </message>
    <message>
        <source>Started. Finish the step in the window that opened, then come back here.</source>
        <translation>Iniciado. Termine el paso en la ventana que se ha abierto y vuelva aquí.</translation>
    </message>
    <message>
        <source>Passed.</source>
        <translation>Correcto.</translation>
    </message>
    <message>
        <source>Not needed on this device.</source>
        <translation>No es necesario en este dispositivo.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be found from this network.</source>
        <translation>No se encuentran los servidores de Microsoft desde esta red.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers cannot be reached from this network.</source>
        <translation>No se puede acceder a los servidores de Microsoft desde esta red.</translation>
    </message>
    <message>
        <source>A secure connection to Microsoft failed: a proxy or firewall may be in the way.</source>
        <translation>Ha fallado una conexión segura con Microsoft: puede que un proxy o un firewall la esté bloqueando.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s servers did not answer in time.</source>
        <translation>Los servidores de Microsoft no han respondido a tiempo.</translation>
    </message>
    <message>
        <source>Your account is not an administrator of this device.</source>
        <translation>Su cuenta no es administradora de este dispositivo.</translation>
    </message>
    <message>
        <source>The helper could not tell whether your account is an administrator.</source>
        <translation>El asistente no ha podido determinar si su cuenta es administradora.</translation>
    </message>
    <message>
        <source>This device is on a Wi-Fi network the old management installed, and it has gone with it. Connect to another network (your home Wi-Fi or your phone&apos;s hotspot), then check again.</source>
        <translation>Este dispositivo está conectado a una red Wi-Fi que instaló la gestión anterior, y esa red ha desaparecido con ella. Conéctese a otra red (la Wi-Fi de su casa o el punto de acceso Wi-Fi de su teléfono) y vuelva a comprobar.</translation>
    </message>
    <message>
        <source>Microsoft Intune holds this device&apos;s recovery key.</source>
        <translation>Microsoft Intune custodia la clave de recuperación de este dispositivo.</translation>
    </message>
    <message>
        <source>A new FileVault recovery key was made for Intune on this Mac; Intune receives it the next time the Mac checks in.</source>
        <translation>Se ha creado en este Mac una nueva clave de recuperación de FileVault para Intune; Intune la recibirá la próxima vez que el Mac se sincronice.</translation>
    </message>
    <message>
        <source>Intune has not set up FileVault&apos;s recovery key for this Mac yet. Check again later today; if nothing changes, ask IT to check FileVault for this Mac in Intune. Keep FileVault on.</source>
        <translation>Intune todavía no ha configurado la clave de recuperación de FileVault de este Mac. Vuelva a comprobar más tarde hoy; si nada cambia, pida al departamento de TI que revise FileVault para este Mac en Intune. Mantenga FileVault activado.</translation>
    </message>
    <message>
        <source>Intune needs a new FileVault recovery key for this Mac: log out and log back in (or restart), then check again. If Intune still has no key, ask IT to check FileVault for this Mac in Intune.</source>
        <translation>Intune necesita una nueva clave de recuperación de FileVault para este Mac: cierre la sesión y vuelva a iniciarla (o reinicie) y vuelva a comprobar. Si Intune sigue sin tener ninguna clave, pida al departamento de TI que revise FileVault para este Mac en Intune.</translation>
    </message>
    <message>
        <source>This PC does not show that its BitLocker recovery key was saved in your organization&apos;s Microsoft Entra ID. Ask IT to check that Intune holds it. Keep BitLocker on.</source>
        <translation>Este PC no indica que su clave de recuperación de BitLocker se haya guardado en el Microsoft Entra ID de su organización. Pida al departamento de TI que compruebe que Intune la custodia. Mantenga BitLocker activado.</translation>
    </message>
    <message>
        <source>Connection to Microsoft Intune</source>
        <translation>Conexión con Microsoft Intune</translation>
    </message>
    <message>
        <source>Administrator rights</source>
        <translation>Derechos de administrador</translation>
    </message>
    <message>
        <source>Every status update has been sent to IT.</source>
        <translation>Se han enviado todas las actualizaciones de estado al departamento de TI.</translation>
    </message>
    <message>
        <source>Status updates are being sent to IT.</source>
        <translation>Se están enviando las actualizaciones de estado al departamento de TI.</translation>
    </message>
    <message>
        <source>Status updates could not be sent yet; the helper will try again.</source>
        <translation>Aún no se han podido enviar las actualizaciones de estado; el asistente lo volverá a intentar.</translation>
    </message>
    <message>
        <source>Status updates wait until you sign in with your work account.</source>
        <translation>Las actualizaciones de estado esperan a que inicie sesión con su cuenta profesional.</translation>
    </message>
    <message>
        <source>IT&apos;s service refused the status updates. IT has been told.</source>
        <translation>El servicio del departamento de TI ha rechazado las actualizaciones de estado. Se ha informado al departamento de TI.</translation>
    </message>
    <message>
        <source>This helper does not send status updates to IT.</source>
        <translation>Este asistente no envía actualizaciones de estado al departamento de TI.</translation>
    </message>
    <message>
        <source>If it still fails, contact IT and tell them this message.</source>
        <translation>Si sigue fallando, póngase en contacto con el departamento de TI y comuníqueles este mensaje.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s sign-in service could not be reached.</source>
        <translation>No se puede acceder al servicio de inicio de sesión de Microsoft.</translation>
    </message>
    <message>
        <source>Check that this computer is connected to the network (Wi-Fi or cable, and the VPN if your company uses one), then try again.</source>
        <translation>Compruebe que este equipo está conectado a la red (Wi-Fi o cable, y la VPN si su empresa usa una) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The network&apos;s proxy refused the connection to Microsoft&apos;s sign-in service.</source>
        <translation>El proxy de la red ha rechazado la conexión con el servicio de inicio de sesión de Microsoft.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s proxy settings, or try again from another network (at home, or a phone&apos;s hotspot).</source>
        <translation>Compruebe la configuración de proxy de este equipo o vuelva a intentarlo desde otra red (en casa o con el punto de acceso Wi-Fi de un teléfono).</translation>
    </message>
    <message>
        <source>The connection to Microsoft&apos;s sign-in service was not trusted.</source>
        <translation>La conexión con el servicio de inicio de sesión de Microsoft no era de confianza.</translation>
    </message>
    <message>
        <source>A device on this network inspects secure connections with a certificate this computer does not trust. Try another network.</source>
        <translation>Un equipo de esta red inspecciona las conexiones seguras con un certificado en el que este equipo no confía. Pruebe con otra red.</translation>
    </message>
    <message>
        <source>Microsoft refused the sign-in.</source>
        <translation>Microsoft ha rechazado el inicio de sesión.</translation>
    </message>
    <message>
        <source>Sign in with your work account, not a personal one. If it is refused again, your account may not be allowed to use this helper yet.</source>
        <translation>Inicie sesión con su cuenta profesional, no con una personal. Si se vuelve a rechazar, puede que su cuenta aún no tenga permiso para usar este asistente.</translation>
    </message>
    <message>
        <source>The sign-in took too long and was stopped.</source>
        <translation>El inicio de sesión ha tardado demasiado y se ha detenido.</translation>
    </message>
    <message>
        <source>Try again, and finish signing in in the browser window that opens.</source>
        <translation>Vuelva a intentarlo y termine de iniciar sesión en la ventana del navegador que se abre.</translation>
    </message>
    <message>
        <source>No browser could be opened to sign in.</source>
        <translation>No se ha podido abrir ningún navegador para iniciar sesión.</translation>
    </message>
    <message>
        <source>Start the helper from your desktop session, where a browser can open, then try again.</source>
        <translation>Inicie el asistente desde su sesión de escritorio, donde se puede abrir un navegador, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Sign-in is not set up in this helper.</source>
        <translation>El inicio de sesión no está configurado en este asistente.</translation>
    </message>
    <message>
        <source>Nothing to fix on your side: contact IT (the helper&apos;s configuration lacks the tenant, client or API settings).</source>
        <translation>No tiene que corregir nada: póngase en contacto con el departamento de TI (a la configuración del asistente le faltan los datos del inquilino, del cliente o de la API).</translation>
    </message>
    <message>
        <source>A sign-in is already in progress.</source>
        <translation>Ya hay un inicio de sesión en curso.</translation>
    </message>
    <message>
        <source>Finish it in the browser window that is open.</source>
        <translation>Termínelo en la ventana del navegador que está abierta.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Se ha cancelado el inicio de sesión.</translation>
    </message>
    <message>
        <source>Try again when you are ready.</source>
        <translation>Vuelva a intentarlo cuando quiera.</translation>
    </message>
    <message numerus="yes">
        <source>%n status update(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n actualización de estado pendiente de envío.</numerusform>
            <numerusform>%n actualizaciones de estado pendientes de envío.</numerusform>
        </translation>
    </message>
</context>
</TS>
