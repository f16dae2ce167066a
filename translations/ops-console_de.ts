<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Ops Console: system health, circuit breaker and administration for trading and risk platforms.</source>
        <translation>Ops Console: Systemzustand, Circuit Breaker und Administration für Handels- und Risikoplattformen.</translation>
    </message>
    <message>
        <source>Connection profile to use (default: sandbox).</source>
        <translation>Zu verwendendes Verbindungsprofil (Standard: sandbox).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Settings file with the profiles (default: the per-user settings).</source>
        <translation>Einstellungsdatei mit den Profilen (Standard: die benutzerspezifischen Einstellungen).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>List the known profiles and exit.</source>
        <translation>Bekannte Profile auflisten und beenden.</translation>
    </message>
    <message>
        <source>Run one health refresh without a window, print it, and exit non-zero when any tile is not healthy.</source>
        <translation>Eine Zustandsaktualisierung ohne Fenster ausführen, ausgeben und mit einem Exit-Code ungleich 0 beenden, wenn eine Kachel nicht gesund ist.</translation>
    </message>
    <message>
        <source>With --check: print JSON instead of a table.</source>
        <translation>Mit --check: JSON statt einer Tabelle ausgeben.</translation>
    </message>
    <message>
        <source>Log level: trace, debug, info, warn, error, off.</source>
        <translation>Protokollstufe: trace, debug, info, warn, error, off.</translation>
    </message>
    <message>
        <source>level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>ops-console: no profile named &quot;%1&quot; (known: %2)</source>
        <translation>ops-console: kein Profil namens &quot;%1&quot; (bekannt: %2)</translation>
    </message>
    <message>
        <source>ops-console: profile &quot;%1&quot;: %2</source>
        <translation>ops-console: Profil &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Circuit Breaker</source>
        <translation>Circuit Breaker</translation>
    </message>
    <message>
        <source>API Keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Log every GUI-thread stall of at least ms milliseconds (also OPS_LOG_STALLS_MS).</source>
        <translation>Jede Blockade des GUI-Threads ab ms Millisekunden protokollieren (auch OPS_LOG_STALLS_MS).</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
</context>
<context>
    <name>ops::AcknowledgeDialog</name>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Quittieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Acknowledge alert event</source>
        <translation>Alarmereignis quittieren</translation>
    </message>
    <message>
        <source>Acknowledge alert event #%1</source>
        <translation>Alarmereignis #%1 quittieren</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was geschehen wird</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Fired at</source>
        <translation>Ausgelöst um</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>At least %1 visible characters: what you found and what is being done.</source>
        <translation>Mindestens %1 sichtbare Zeichen: was Sie festgestellt haben und was unternommen wird.</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>Visible characters in the note</source>
        <translation>Sichtbare Zeichen in der Notiz</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>%1/%2 ✓</source>
        <translation>%1/%2 ✓</translation>
    </message>
    <message>
        <source>%1/%2 — at least %2 visible characters</source>
        <translation>%1/%2 — mindestens %2 sichtbare Zeichen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>The note needs at least %1 visible characters.</source>
        <translation>Die Notiz benötigt mindestens %1 sichtbare Zeichen.</translation>
    </message>
</context>
<context>
    <name>ops::AlertDeliveryText</name>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Poisoned</source>
        <translation>In Poison-Queue</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>ops::AlertEventJson</name>
    <message>
        <source>Rule #%1</source>
        <translation>Regel #%1</translation>
    </message>
    <message>
        <source>The answer has no list of events.</source>
        <translation>Die Antwort enthält keine Ereignisliste.</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
</context>
<context>
    <name>ops::AlertEventsModel</name>
    <message>
        <source>Not acknowledged</source>
        <translation>Nicht quittiert</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 durch %2</translation>
    </message>
    <message>
        <source>Fired at</source>
        <translation>Ausgelöst um</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>ops::AlertReader</name>
    <message>
        <source>Could not connect to the alerts database.</source>
        <translation>Verbindung zur Alarm-Datenbank fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Could not connect to the alerts database: %1</source>
        <translation>Verbindung zur Alarm-Datenbank fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not read the alert deliveries: %2</source>
        <translation>Die Datenbankrolle &quot;%1&quot; darf die Alarmzustellungen nicht lesen: %2</translation>
    </message>
    <message>
        <source>Reading the alert deliveries took too long and was stopped. Try again; if it keeps happening, narrow the filter.</source>
        <translation>Das Lesen der Alarmzustellungen dauerte zu lange und wurde abgebrochen. Versuchen Sie es erneut; wenn das wiederholt auftritt, schränken Sie den Filter ein.</translation>
    </message>
    <message>
        <source>The alert deliveries could not be read: %1</source>
        <translation>Die Alarmzustellungen konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ops::AlertsClient</name>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Your role may not see alerts (permission %1).</source>
        <translation>Ihre Rolle darf keine Alarme sehen (Berechtigung %1).</translation>
    </message>
    <message>
        <source> Audit record #%1.</source>
        <translation> Audit-Eintrag #%1.</translation>
    </message>
    <message>
        <source>Alert event #%1 acknowledged.</source>
        <translation>Alarmereignis #%1 quittiert.</translation>
    </message>
    <message>
        <source>Delivery #%1 queued for delivery again.</source>
        <translation>Zustellung #%1 wurde erneut zur Zustellung eingereiht.</translation>
    </message>
    <message>
        <source>The server refused: your role does not have the permission &quot;%1&quot;.</source>
        <translation>Vom Server abgelehnt: Ihrer Rolle fehlt die Berechtigung &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Alert event #%1 does not exist (any more).</source>
        <translation>Alarmereignis #%1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>Delivery #%1 does not exist (any more).</source>
        <translation>Zustellung #%1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <source>Alert event #%1 is no longer open: %2</source>
        <translation>Alarmereignis #%1 ist nicht mehr offen: %2</translation>
    </message>
    <message>
        <source>Delivery #%1 cannot be retried now (only poisoned or failed deliveries can): %2</source>
        <translation>Zustellung #%1 kann jetzt nicht wiederholt werden (nur Zustellungen in der Poison-Queue oder fehlgeschlagene Zustellungen): %2</translation>
    </message>
    <message>
        <source>The server did not accept the note: %1</source>
        <translation>Der Server hat die Notiz nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>The server did not accept the request: %1</source>
        <translation>Der Server hat die Anfrage nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Vom Server abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server did not answer in time, so it is not known whether the event was acknowledged. The events are read again: check them before trying again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet, daher ist nicht bekannt, ob das Ereignis quittiert wurde. Die Ereignisse werden erneut gelesen: Prüfen Sie sie, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The server did not answer in time, so it is not known whether delivery #%1 was queued again. The queue is read again: check it before trying again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet, daher ist nicht bekannt, ob Zustellung #%1 erneut eingereiht wurde. Die Warteschlange wird erneut gelesen: Prüfen Sie sie, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>Die Anfrage ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the server refused the permission</source>
        <translation>der Server die Berechtigung verweigert hat</translation>
    </message>
    <message>
        <source>the last request failed</source>
        <translation>die letzte Anfrage fehlgeschlagen ist</translation>
    </message>
    <message numerus="yes">
        <source>%n retried</source>
        <translation>
            <numerusform>%n erneut versucht</numerusform>
            <numerusform>%n erneut versucht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n nicht gesendet</numerusform>
            <numerusform>%n nicht gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 (%2): %3</source>
        <translation>#%1 (%2): %3</translation>
    </message>
    <message>
        <source>not sent because %1: %2</source>
        <translation>nicht gesendet, weil %1: %2</translation>
    </message>
</context>
<context>
    <name>ops::AlertsPage</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Zuletzt gelesen</translation>
    </message>
    <message>
        <source>Refresh alerts</source>
        <translation>Alarme aktualisieren</translation>
    </message>
    <message>
        <source>Read the poison queue, the delivery history and the events now (F5). They are also read every %1 s while this page is shown.</source>
        <translation>Poison-Queue, Zustellverlauf und Ereignisse jetzt lesen (F5). Sie werden außerdem alle %1 s gelesen, solange diese Seite angezeigt wird.</translation>
    </message>
    <message>
        <source>Alert sections</source>
        <translation>Alarmbereiche</translation>
    </message>
    <message>
        <source>&amp;Poison queue</source>
        <translation>&amp;Poison-Queue</translation>
    </message>
    <message>
        <source>Delivery &amp;history</source>
        <translation>Zustell&amp;verlauf</translation>
    </message>
    <message>
        <source>Open &amp;events</source>
        <translation>Offene &amp;Ereignisse</translation>
    </message>
    <message>
        <source>Last read at %1 · read every %2 s while shown</source>
        <translation>Zuletzt gelesen um %1 · alle %2 s gelesen, solange angezeigt</translation>
    </message>
    <message>
        <source>Poison queue size</source>
        <translation>Größe der Poison-Queue</translation>
    </message>
    <message>
        <source>Poison queue problem</source>
        <translation>Problem mit der Poison-Queue</translation>
    </message>
    <message>
        <source>Poisoned deliveries</source>
        <translation>Zustellungen in der Poison-Queue</translation>
    </message>
    <message>
        <source>No poisoned deliveries — all alerts are being delivered</source>
        <translation>Keine Zustellungen in der Poison-Queue — alle Alarme werden zugestellt</translation>
    </message>
    <message>
        <source>Poison queue is empty</source>
        <translation>Poison-Queue ist leer</translation>
    </message>
    <message>
        <source>&amp;Retry selected…</source>
        <translation>Ausgewählte &amp;wiederholen…</translation>
    </message>
    <message>
        <source>Retry selected deliveries</source>
        <translation>Ausgewählte Zustellungen wiederholen</translation>
    </message>
    <message>
        <source>Result of the last retry</source>
        <translation>Ergebnis der letzten Wiederholung</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>Kanalfilter</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Delivery history state</source>
        <translation>Zustand des Zustellverlaufs</translation>
    </message>
    <message>
        <source>Delivery history</source>
        <translation>Zustellverlauf</translation>
    </message>
    <message>
        <source>Open events state</source>
        <translation>Zustand der offenen Ereignisse</translation>
    </message>
    <message>
        <source>Open alert events</source>
        <translation>Offene Alarmereignisse</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>&amp;Quittieren…</translation>
    </message>
    <message>
        <source>Acknowledge the selected event</source>
        <translation>Ausgewähltes Ereignis quittieren</translation>
    </message>
    <message>
        <source>Result of the last acknowledgement</source>
        <translation>Ergebnis der letzten Quittierung</translation>
    </message>
    <message>
        <source>Poison queue: not connected to the database.</source>
        <translation>Poison-Queue: nicht mit der Datenbank verbunden.</translation>
    </message>
    <message>
        <source>Reading the poison queue…</source>
        <translation>Poison-Queue wird gelesen…</translation>
    </message>
    <message>
        <source>1 poisoned delivery</source>
        <translation>1 Zustellung in der Poison-Queue</translation>
    </message>
    <message numerus="yes">
        <source>%n poisoned deliveries</source>
        <translation>
            <numerusform>%n Zustellung in der Poison-Queue</numerusform>
            <numerusform>%n Zustellungen in der Poison-Queue</numerusform>
        </translation>
    </message>
    <message>
        <source>(the newest %1 are listed; scroll for more)</source>
        <translation>(die neuesten %1 sind aufgeführt; für weitere scrollen)</translation>
    </message>
    <message>
        <source>The list below is from the last successful read.</source>
        <translation>Die Liste unten stammt vom letzten erfolgreichen Lesen.</translation>
    </message>
    <message>
        <source>Reading the delivery history…</source>
        <translation>Zustellverlauf wird gelesen…</translation>
    </message>
    <message>
        <source>No deliveries match the filter.</source>
        <translation>Keine Zustellungen entsprechen dem Filter.</translation>
    </message>
    <message>
        <source>The newest %1 deliveries are listed; narrow the filter to see others.</source>
        <translation>Die neuesten %1 Zustellungen sind aufgeführt; schränken Sie den Filter ein, um andere zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n deliveries listed, newest first; scroll down for more.</source>
        <translation>
            <numerusform>%n Zustellung aufgeführt, neueste zuerst; für weitere nach unten scrollen.</numerusform>
            <numerusform>%n Zustellungen aufgeführt, neueste zuerst; für weitere nach unten scrollen.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 delivery.</source>
        <translation>1 Zustellung.</translation>
    </message>
    <message numerus="yes">
        <source>%n deliveries, newest first.</source>
        <translation>
            <numerusform>%n Zustellung, neueste zuerst.</numerusform>
            <numerusform>%n Zustellungen, neueste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert events are not available.</source>
        <translation>Alarmereignisse sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>The events could not be read: %1</source>
        <translation>Die Ereignisse konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No open alert events.</source>
        <translation>Keine offenen Alarmereignisse.</translation>
    </message>
    <message>
        <source>1 open event.</source>
        <translation>1 offenes Ereignis.</translation>
    </message>
    <message numerus="yes">
        <source>%n open events, newest first.</source>
        <translation>
            <numerusform>%n offenes Ereignis, neueste zuerst.</numerusform>
            <numerusform>%n offene Ereignisse, neueste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>Your role (%1) does not have the permission %2.</source>
        <translation>Ihrer Rolle (%1) fehlt die Berechtigung %2.</translation>
    </message>
    <message>
        <source>Alerts are not available.</source>
        <translation>Alarme sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>A retry is already being confirmed or sent.</source>
        <translation>Eine Wiederholung wird bereits bestätigt oder gesendet.</translation>
    </message>
    <message>
        <source>Select one or more poisoned deliveries first.</source>
        <translation>Wählen Sie zuerst eine oder mehrere Zustellungen in der Poison-Queue aus.</translation>
    </message>
    <message>
        <source>An acknowledgement is already open.</source>
        <translation>Eine Quittierung ist bereits geöffnet.</translation>
    </message>
    <message>
        <source>Select an open event first.</source>
        <translation>Wählen Sie zuerst ein offenes Ereignis aus.</translation>
    </message>
    <message>
        <source>This event is not open.</source>
        <translation>Dieses Ereignis ist nicht offen.</translation>
    </message>
</context>
<context>
    <name>ops::ApiClient</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>The certificate is self signed and no trusted authority vouches for it.</source>
        <translation>Das Zertifikat ist selbstsigniert, und keine vertrauenswürdige Zertifizierungsstelle bürgt dafür.</translation>
    </message>
    <message>
        <source>The issuer of the certificate is not trusted; configure the profile&apos;s CA bundle.</source>
        <translation>Dem Aussteller des Zertifikats wird nicht vertraut; konfigurieren Sie das CA-Bundle des Profils.</translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>Das Zertifikat ist abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet (check the clocks).</source>
        <translation>Das Zertifikat ist noch nicht gültig (prüfen Sie die Uhrzeit der Systeme).</translation>
    </message>
    <message>
        <source>The certificate was issued for another host name than the one in the profile.</source>
        <translation>Das Zertifikat wurde für einen anderen Hostnamen ausgestellt als den im Profil angegebenen.</translation>
    </message>
    <message>
        <source>No answer within %1 s</source>
        <translation>Keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>The profile&apos;s REST address is not a valid URL.</source>
        <translation>Die REST-Adresse des Profils ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The CA bundle %1 could not be read or holds no PEM certificate.</source>
        <translation>Das CA-Bundle %1 konnte nicht gelesen werden oder enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>Response too large (over %1 MiB)</source>
        <translation>Antwort zu groß (über %1 MiB)</translation>
    </message>
    <message>
        <source>Server certificate: subject %1; issuer %2; expires %3; SHA-256 fingerprint %4</source>
        <translation>Serverzertifikat: Inhaber %1; Aussteller %2; gültig bis %3; SHA-256-Fingerabdruck %4</translation>
    </message>
    <message>
        <source>The server redirected to another origin (%1); the request was not followed.</source>
        <translation>Der Server hat auf einen anderen Ursprung (%1) umgeleitet; der Umleitung wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>Too many redirects (more than 3); the request was not followed.</source>
        <translation>Zu viele Umleitungen (mehr als 3); der Umleitung wurde nicht gefolgt.</translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was refused: %1</source>
        <translation>Das Zertifikat des Servers wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>Connection refused by %1: is the platform running?</source>
        <translation>Verbindung von %1 abgelehnt: Läuft die Plattform?</translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation>Host nicht gefunden: %1</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection before it answered</source>
        <translation>Der Server unter %1 hat die Verbindung geschlossen, bevor er antwortete</translation>
    </message>
    <message>
        <source>No HTTP answer from %1</source>
        <translation>Keine HTTP-Antwort von %1</translation>
    </message>
    <message>
        <source>Network error talking to %1: %2</source>
        <translation>Netzwerkfehler bei der Kommunikation mit %1: %2</translation>
    </message>
    <message>
        <source>the body is not valid JSON (%1)</source>
        <translation>der Antwortinhalt ist kein gültiges JSON (%1)</translation>
    </message>
    <message>
        <source>Unexpected non-JSON answer (a login page?)</source>
        <translation>Unerwartete Antwort, die kein JSON ist (eine Anmeldeseite?)</translation>
    </message>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Please sign in.</source>
        <translation>Bitte melden Sie sich an.</translation>
    </message>
    <message>
        <source>Not allowed: your role lacks the permission &quot;%1&quot;.</source>
        <translation>Nicht erlaubt: Ihrer Rolle fehlt die Berechtigung &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Not allowed by the server.</source>
        <translation>Vom Server nicht erlaubt.</translation>
    </message>
    <message>
        <source>Too many requests.</source>
        <translation>Zu viele Anfragen.</translation>
    </message>
    <message>
        <source>Try again in %1 s.</source>
        <translation>Versuchen Sie es in %1 s erneut.</translation>
    </message>
    <message>
        <source>HTTP %1 from a proxy (HTML page)</source>
        <translation>HTTP %1 von einem Proxy (HTML-Seite)</translation>
    </message>
    <message>
        <source>HTTP %1 from the server; %2</source>
        <translation>HTTP %1 vom Server; %2</translation>
    </message>
    <message>
        <source>HTTP %1 from the server: %2</source>
        <translation>HTTP %1 vom Server: %2</translation>
    </message>
    <message>
        <source>HTTP %1 from the server</source>
        <translation>HTTP %1 vom Server</translation>
    </message>
    <message>
        <source>HTTP %1 (an HTML page, not the platform&apos;s API)</source>
        <translation>HTTP %1 (eine HTML-Seite, nicht die API der Plattform)</translation>
    </message>
    <message>
        <source>HTTP %1; %2</source>
        <translation>HTTP %1; %2</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Unexpected HTTP %1 answer</source>
        <translation>Unerwartete Antwort mit HTTP %1</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>kein Zertifikat</translation>
    </message>
    <message>
        <source>The server&apos;s public key does not match the pinned key (expected %1, got %2)</source>
        <translation>Der öffentliche Schlüssel des Servers stimmt nicht mit dem fest hinterlegten Schlüssel überein (erwartet %1, erhalten %2)</translation>
    </message>
</context>
<context>
    <name>ops::ApiKeyClient</name>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>Your role may not manage API keys (permission %1).</source>
        <translation>Ihre Rolle darf keine API-Schlüssel verwalten (Berechtigung %1).</translation>
    </message>
    <message>
        <source>Done. Audit record #%1.</source>
        <translation>Erledigt. Audit-Eintrag #%1.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Erledigt.</translation>
    </message>
    <message>
        <source>The server did not accept the values: %1</source>
        <translation>Der Server hat die Werte nicht akzeptiert: %1</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Vom Server abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server refused: your role does not have the permission &quot;%1&quot;.</source>
        <translation>Vom Server abgelehnt: Ihrer Rolle fehlt die Berechtigung &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The server did not answer in time. The key list is being read again: check it before trying again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Die Schlüsselliste wird erneut gelesen: Prüfen Sie sie, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>Die Anfrage ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ops::ApiKeyJson</name>
    <message>
        <source>The answer has no list of keys.</source>
        <translation>Die Antwort enthält keine Schlüsselliste.</translation>
    </message>
    <message>
        <source>Read positions (read_positions)</source>
        <translation>Positionen lesen (read_positions)</translation>
    </message>
    <message>
        <source>Read orders (read_orders)</source>
        <translation>Aufträge lesen (read_orders)</translation>
    </message>
    <message>
        <source>Place and cancel orders (write_orders)</source>
        <translation>Aufträge erteilen und stornieren (write_orders)</translation>
    </message>
    <message>
        <source>Read strategies (read_strategies)</source>
        <translation>Strategien lesen (read_strategies)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expiring — %1 left</source>
        <translation>Läuft bald ab — noch %1</translation>
    </message>
    <message>
        <source>Name must be %1–%2 characters.</source>
        <translation>Der Name muss %1–%2 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Choose at least one scope.</source>
        <translation>Wählen Sie mindestens einen Geltungsbereich.</translation>
    </message>
    <message>
        <source>Unknown scope: %1</source>
        <translation>Unbekannter Geltungsbereich: %1</translation>
    </message>
    <message>
        <source>Expiry must be in the future.</source>
        <translation>Der Ablaufzeitpunkt muss in der Zukunft liegen.</translation>
    </message>
</context>
<context>
    <name>ops::ApiKeyModel</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Revoked at %1 by %2: %3</source>
        <translation>Widerrufen am %1 durch %2: %3</translation>
    </message>
    <message>
        <source>Replaced by a rotation; worked until %1</source>
        <translation>Durch eine Rotation ersetzt; war gültig bis %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Geltungsbereiche</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ops::ApiKeysPage</name>
    <message>
        <source>&amp;New key…</source>
        <translation>&amp;Neuer Schlüssel…</translation>
    </message>
    <message>
        <source>R&amp;otate…</source>
        <translation>&amp;Rotieren…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Filter keys</source>
        <translation>Schlüssel filtern</translation>
    </message>
    <message>
        <source>Filter by name, prefix, scope, status…</source>
        <translation>Nach Name, Präfix, Geltungsbereich, Status filtern…</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Rotate key</source>
        <translation>Schlüssel rotieren</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Refresh keys</source>
        <translation>Schlüssel aktualisieren</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>The key list could not be read: %1</source>
        <translation>Die Schlüsselliste konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>Only administrators manage API keys: your role (%1) does not have the permission %2.</source>
        <translation>Nur Administratoren verwalten API-Schlüssel: Ihrer Rolle (%1) fehlt die Berechtigung %2.</translation>
    </message>
    <message>
        <source>Select an active key first.</source>
        <translation>Wählen Sie zuerst einen aktiven Schlüssel aus.</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; (%2) created. %3</source>
        <translation>Schlüssel &quot;%1&quot; (%2) erstellt. %3</translation>
    </message>
    <message>
        <source>Rotate API key — %1</source>
        <translation>API-Schlüssel rotieren — %1</translation>
    </message>
    <message>
        <source>Rotate API key</source>
        <translation>API-Schlüssel rotieren</translation>
    </message>
    <message>
        <source>Rotate &quot;%1&quot; (%2)?

A new key is issued now and shown once. The old key keeps working until %3 (24 hours), then stops: every application using it must switch to the new key before then.</source>
        <translation>&quot;%1&quot; (%2) rotieren?

Ein neuer Schlüssel wird jetzt ausgestellt und einmalig angezeigt. Der alte Schlüssel funktioniert noch bis %3 (24 Stunden) und danach nicht mehr: Alle Anwendungen, die ihn verwenden, müssen bis dahin auf den neuen Schlüssel umgestellt werden.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The old key %1 keeps working until %2.</source>
        <translation>Der alte Schlüssel %1 funktioniert noch bis %2.</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; rotated: new prefix %2. %3 %4</source>
        <translation>Schlüssel &quot;%1&quot; rotiert: neues Präfix %2. %3 %4</translation>
    </message>
    <message>
        <source>Revoke API key — %1</source>
        <translation>API-Schlüssel widerrufen — %1</translation>
    </message>
    <message>
        <source>Revoke &quot;%1&quot; (%2): it stops working immediately.</source>
        <translation>&quot;%1&quot; (%2) widerrufen: Er funktioniert ab sofort nicht mehr.</translation>
    </message>
    <message>
        <source>Every application using this key is refused at once. This cannot be undone.</source>
        <translation>Jede Anwendung, die diesen Schlüssel verwendet, wird sofort abgewiesen. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; (%2) revoked. %3</source>
        <translation>Schlüssel &quot;%1&quot; (%2) widerrufen. %3</translation>
    </message>
</context>
<context>
    <name>ops::AttentionRollup</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>service names, then how many more</comment>
        <translation>
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>source title: its one-line summary</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>System health</source>
        <translation>Systemzustand</translation>
    </message>
    <message>
        <source>All services healthy</source>
        <translation>Alle Dienste gesund</translation>
    </message>
    <message>
        <source>No services checked yet</source>
        <translation>Noch keine Dienste geprüft</translation>
    </message>
    <message numerus="yes">
        <source>All %n services healthy</source>
        <translation>
            <numerusform>%n Dienst gesund</numerusform>
            <numerusform>Alle %n Dienste gesund</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>health status: service names</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Circuit Breaker</translation>
    </message>
    <message>
        <source>Trading enabled again</source>
        <translation>Handel wieder freigegeben</translation>
    </message>
    <message>
        <source>%1 — %2 (by %3)</source>
        <comment>headline — reason (by user)</comment>
        <translation>%1 — %2 (durch %3)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>headline — reason</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>headline: why</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1; kill switch %2</source>
        <comment>breaker summary; kill switch headline</comment>
        <translation>%1; Kill-Switch %2</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>All SLAs met</source>
        <translation>Alle SLAs erfüllt</translation>
    </message>
    <message>
        <source>No SLAs defined</source>
        <translation>Keine SLAs definiert</translation>
    </message>
    <message numerus="yes">
        <source>All SLAs met (%n)</source>
        <translation>
            <numerusform>SLA erfüllt (%n)</numerusform>
            <numerusform>Alle SLAs erfüllt (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>level: SLA names</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ops::AuditDatabase</name>
    <message>
        <source>The database connection was lost. It will be opened again with the next request.</source>
        <translation>Die Datenbankverbindung wurde unterbrochen. Sie wird bei der nächsten Anfrage neu geöffnet.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>Der PostgreSQL-Treiber (QPSQL) ist nicht installiert.</translation>
    </message>
    <message>
        <source>Could not connect to the audit database.</source>
        <translation>Verbindung zur Audit-Datenbank fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Could not connect to the audit database: %1</source>
        <translation>Verbindung zur Audit-Datenbank fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The query took longer than %1 s and was stopped. Narrow the filter (for example the date range) and try again.</source>
        <translation>Die Abfrage dauerte länger als %1 s und wurde abgebrochen. Schränken Sie den Filter ein (zum Beispiel den Datumsbereich) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database role &quot;%1&quot; may not read the audit log: %2</source>
        <translation>Die Datenbankrolle &quot;%1&quot; darf das Audit-Protokoll nicht lesen: %2</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Das Audit-Protokoll konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ops::AuditFilter</name>
    <message>
        <source>Unknown event type &quot;%1&quot;.</source>
        <translation>Unbekannter Ereignistyp &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>NUL characters cannot be searched for and were removed from the filter.</source>
        <translation>NUL-Zeichen können nicht gesucht werden und wurden aus dem Filter entfernt.</translation>
    </message>
</context>
<context>
    <name>ops::AuditLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ops::AuditLogPage</name>
    <message>
        <source>No file was written.</source>
        <translation>Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export failed: %1 No file was written.</source>
        <translation>Export fehlgeschlagen: %1 Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>Ressourcentyp</translation>
    </message>
    <message>
        <source>&amp;Apply filters</source>
        <translation>Filter &amp;anwenden</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Verify integrity…</source>
        <translation>&amp;Integrität prüfen…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;BOM for spreadsheets</source>
        <translation>BO&amp;M für Tabellenkalkulationen</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Audit log status</source>
        <translation>Status des Audit-Protokolls</translation>
    </message>
    <message>
        <source>Integrity result</source>
        <translation>Ergebnis der Integritätsprüfung</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Ergebnis des Exports</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>From (your time zone)</source>
        <translation>Von (Ihre Zeitzone)</translation>
    </message>
    <message>
        <source>To (your time zone)</source>
        <translation>Bis (Ihre Zeitzone)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Search reason and details</source>
        <translation>Grund und Details durchsuchen</translation>
    </message>
    <message>
        <source>Text in reason or details</source>
        <translation>Text in Grund oder Details</translation>
    </message>
    <message>
        <source>&amp;Event type:</source>
        <translation>&amp;Ereignistyp:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>Act&amp;ion:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>Er&amp;gebnis:</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>&amp;Ressource:</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>Apply filters</source>
        <translation>Filter anwenden</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>Integrität prüfen</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Write a byte-order mark for spreadsheets</source>
        <translation>Byte-Order-Mark (BOM) für Tabellenkalkulationen schreiben</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Einträge des Audit-Protokolls</translation>
    </message>
    <message>
        <source>Entry details</source>
        <translation>Eintragsdetails</translation>
    </message>
    <message>
        <source>Select an entry to see its details.</source>
        <translation>Wählen Sie einen Eintrag aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>INTEGRITY BROKEN: %1</source>
        <translation>INTEGRITÄT VERLETZT: %1</translation>
    </message>
    <message numerus="yes">
        <source>Integrity verified: %Ln rows checked, the chain is intact (ids %1–%2).</source>
        <translation>
            <numerusform>Integrität bestätigt: %Ln Zeile geprüft, die Kette ist intakt (IDs %1–%2).</numerusform>
            <numerusform>Integrität bestätigt: %Ln Zeilen geprüft, die Kette ist intakt (IDs %1–%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Export abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>Only administrators read the audit log: your role (%1) does not have the permission %2.</source>
        <translation>Nur Administratoren lesen das Audit-Protokoll: Ihrer Rolle (%1) fehlt die Berechtigung %2.</translation>
    </message>
    <message>
        <source>Not connected to the audit database.</source>
        <translation>Nicht mit der Audit-Datenbank verbunden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries in view</source>
        <translation>
            <numerusform>%Ln Eintrag in der Ansicht</numerusform>
            <numerusform>%Ln Einträge in der Ansicht</numerusform>
        </translation>
    </message>
    <message>
        <source> (all)</source>
        <translation> (alle)</translation>
    </message>
    <message>
        <source> — scroll for more</source>
        <translation> — für weitere scrollen</translation>
    </message>
    <message>
        <source> · loading…</source>
        <translation> · wird geladen…</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Eintrag:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>Event type:</source>
        <translation>Ereignistyp:</translation>
    </message>
    <message>
        <source>Resource:</source>
        <translation>Ressource:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Ergebnis:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>IP address:</source>
        <translation>IP-Adresse:</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Sitzung:</translation>
    </message>
    <message>
        <source>Request id:</source>
        <translation>Anfrage-ID:</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>Anmeldung:</translation>
    </message>
    <message>
        <source>Row hash:</source>
        <translation>Zeilen-Hash:</translation>
    </message>
    <message>
        <source>Changes (before → after):</source>
        <translation>Änderungen (vorher → nachher):</translation>
    </message>
    <message>
        <source>Details (secrets masked):</source>
        <translation>Details (Geheimnisse maskiert):</translation>
    </message>
    <message>
        <source>Verifying the audit chain over the selected date range…</source>
        <translation>Audit-Kette im ausgewählten Datumsbereich wird geprüft…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export audit log as CSV</source>
        <translation>Audit-Protokoll als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit log to %1…</source>
        <translation>Audit-Protokoll wird nach %1 exportiert…</translation>
    </message>
    <message>
        <source>Exported %1 to %2 · SHA-256 %3</source>
        <translation>%1 nach %2 exportiert · SHA-256 %3</translation>
    </message>
    <message>
        <source>%1 · recorded as audit entry #%2</source>
        <translation>%1 · als Audit-Eintrag #%2 protokolliert</translation>
    </message>
    <message>
        <source>%1 · WARNING: the export could not be recorded in the audit log: %2</source>
        <translation>%1 · WARNUNG: Der Export konnte nicht im Audit-Protokoll protokolliert werden: %2</translation>
    </message>
</context>
<context>
    <name>ops::BreakerController</name>
    <message>
        <source>Not read yet.</source>
        <translation>Noch nicht abgefragt.</translation>
    </message>
    <message>
        <source>Not signed in: sign in to see the circuit breaker.</source>
        <translation>Nicht angemeldet: Melden Sie sich an, um den Circuit Breaker zu sehen.</translation>
    </message>
    <message>
        <source>The platform says the breaker state is unavailable (%1).</source>
        <translation>Laut Plattform ist der Breaker-Zustand nicht verfügbar (%1).</translation>
    </message>
    <message>
        <source>The answer was not a breaker state.</source>
        <translation>Die Antwort war kein Breaker-Zustand.</translation>
    </message>
    <message numerus="yes">
        <source>No answer for %n s.</source>
        <translation>
            <numerusform>Seit %n s keine Antwort.</numerusform>
            <numerusform>Seit %n s keine Antwort.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server did not answer in time, so the console cannot tell whether your request took effect. The server now reports: %1. Check the history before trying again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet, daher kann die Konsole nicht feststellen, ob Ihre Anfrage wirksam wurde. Der Server meldet jetzt: %1. Prüfen Sie den Verlauf, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The server did not answer in time, and the state could not be read again either: it is UNKNOWN. Do not assume either outcome.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet, und der Zustand konnte auch nicht erneut gelesen werden: Er ist UNBEKANNT. Gehen Sie von keinem der beiden Ergebnisse aus.</translation>
    </message>
    <message>
        <source>Audit record #%1.</source>
        <translation>Audit-Eintrag #%1.</translation>
    </message>
    <message>
        <source>Trading halted: the breaker is TRIPPED. %1</source>
        <translation>Handel gestoppt: Der Breaker ist TRIPPED. %1</translation>
    </message>
    <message>
        <source>The breaker was already tripped; nothing was changed.</source>
        <translation>Der Breaker war bereits ausgelöst; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Trading enabled again: the breaker is OPEN. %1</source>
        <translation>Handel wieder freigegeben: Der Breaker ist OPEN. %1</translation>
    </message>
    <message>
        <source>The breaker was not tripped; nothing was changed.</source>
        <translation>Der Breaker war nicht ausgelöst; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Kill switch ENGAGED: open positions are being flattened. %1</source>
        <translation>Kill-Switch ENGAGED: Offene Positionen werden glattgestellt. %1</translation>
    </message>
    <message>
        <source>The kill switch was already engaged; nothing was changed.</source>
        <translation>Der Kill-Switch war bereits aktiviert; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Kill switch disengaged: trading may resume. %1</source>
        <translation>Kill-Switch deaktiviert: Der Handel kann fortgesetzt werden. %1</translation>
    </message>
    <message>
        <source>The kill switch was not engaged; nothing was changed.</source>
        <translation>Der Kill-Switch war nicht aktiviert; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The server refused: your role does not have the permission &quot;%1&quot;.</source>
        <translation>Vom Server abgelehnt: Ihrer Rolle fehlt die Berechtigung &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Vom Server abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Rate limit: only one reset per minute is allowed (for everyone). Try again in %n s.</source>
        <translation>
            <numerusform>Ratenbegrenzung: Nur ein Zurücksetzen pro Minute ist erlaubt (für alle). Versuchen Sie es in %n s erneut.</numerusform>
            <numerusform>Ratenbegrenzung: Nur ein Zurücksetzen pro Minute ist erlaubt (für alle). Versuchen Sie es in %n s erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server is limiting requests. Try again in %n s.</source>
        <translation>
            <numerusform>Der Server begrenzt Anfragen. Versuchen Sie es in %n s erneut.</numerusform>
            <numerusform>Der Server begrenzt Anfragen. Versuchen Sie es in %n s erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The request failed: %1 Nothing is known to have changed; the state is being read again.</source>
        <translation>Die Anfrage ist fehlgeschlagen: %1 Es ist keine Änderung bekannt; der Zustand wird erneut gelesen.</translation>
    </message>
</context>
<context>
    <name>ops::BreakerHistoryModel</name>
    <message>
        <source>Still tripped</source>
        <translation>Noch ausgelöst</translation>
    </message>
    <message>
        <source>Tripped at</source>
        <translation>Ausgelöst um</translation>
    </message>
    <message>
        <source>Tripped by</source>
        <translation>Ausgelöst von</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Reset at</source>
        <translation>Zurückgesetzt um</translation>
    </message>
    <message>
        <source>Reset by</source>
        <translation>Zurückgesetzt von</translation>
    </message>
    <message>
        <source>Reset reason</source>
        <translation>Grund für Zurücksetzen</translation>
    </message>
    <message>
        <source>Halted for</source>
        <translation>Stoppdauer</translation>
    </message>
</context>
<context>
    <name>ops::BreakerJson</name>
    <message>
        <source>The answer has no breaker state.</source>
        <translation>Die Antwort enthält keinen Breaker-Zustand.</translation>
    </message>
    <message>
        <source>The breaker state &quot;%1&quot; is not one the console knows.</source>
        <translation>Der Breaker-Zustand &quot;%1&quot; ist der Konsole nicht bekannt.</translation>
    </message>
    <message>
        <source>The answer has no history entries.</source>
        <translation>Die Antwort enthält keine Verlaufseinträge.</translation>
    </message>
    <message>
        <source>The answer has no kill-switch state.</source>
        <translation>Die Antwort enthält keinen Kill-Switch-Zustand.</translation>
    </message>
    <message>
        <source>The kill-switch state &quot;%1&quot; is not one the console knows.</source>
        <translation>Der Kill-Switch-Zustand &quot;%1&quot; ist der Konsole nicht bekannt.</translation>
    </message>
    <message>
        <source>TRADING ENABLED (%1)</source>
        <translation>HANDEL AKTIV (%1)</translation>
    </message>
    <message>
        <source>TRADING HALTED (%1)</source>
        <translation>HANDEL GESTOPPT (%1)</translation>
    </message>
    <message>
        <source>UNKNOWN — state could not be verified</source>
        <translation>UNBEKANNT — Zustand konnte nicht überprüft werden</translation>
    </message>
    <message>
        <source>NOT ENGAGED — trading active (ACTIVE)</source>
        <translation>NICHT AKTIVIERT — Handel aktiv (ACTIVE)</translation>
    </message>
    <message>
        <source>ENGAGED — positions flattened (ENGAGED)</source>
        <translation>AKTIVIERT — Positionen glattgestellt (ENGAGED)</translation>
    </message>
    <message>
        <source>UNKNOWN — kill switch could not be verified</source>
        <translation>UNBEKANNT — Kill-Switch konnte nicht überprüft werden</translation>
    </message>
    <message>
        <source>Drawdown within limit</source>
        <translation>Drawdown innerhalb des Limits</translation>
    </message>
    <message>
        <source>Position limits respected</source>
        <translation>Positionslimits eingehalten</translation>
    </message>
    <message>
        <source>No broker API errors in the last 5 minutes</source>
        <translation>Keine Broker-API-Fehler in den letzten 5 Minuten</translation>
    </message>
    <message>
        <source>Redis OK</source>
        <translation>Redis OK</translation>
    </message>
    <message>
        <source>Postgres OK</source>
        <translation>Postgres OK</translation>
    </message>
</context>
<context>
    <name>ops::BreakerPage</name>
    <message>
        <source>Circuit breaker state</source>
        <translation>Zustand des Circuit Breakers</translation>
    </message>
    <message>
        <source>Circuit breaker details</source>
        <translation>Details zum Circuit Breaker</translation>
    </message>
    <message>
        <source>When the state was last verified</source>
        <translation>Wann der Zustand zuletzt überprüft wurde</translation>
    </message>
    <message>
        <source>Reset conditions</source>
        <translation>Bedingungen für das Zurücksetzen</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <source>&amp;Trip breaker — halt trading…</source>
        <translation>Breaker aus&amp;lösen — Handel stoppen…</translation>
    </message>
    <message>
        <source>&amp;Reset breaker — enable trading…</source>
        <translation>Breaker &amp;zurücksetzen — Handel freigeben…</translation>
    </message>
    <message>
        <source>History problem</source>
        <translation>Problem mit dem Verlauf</translation>
    </message>
    <message>
        <source>Kill switch state</source>
        <translation>Zustand des Kill-Switch</translation>
    </message>
    <message>
        <source>Kill switch details</source>
        <translation>Details zum Kill-Switch</translation>
    </message>
    <message>
        <source>&amp;Engage kill switch — flatten…</source>
        <translation>&amp;Kill-Switch aktivieren — glattstellen…</translation>
    </message>
    <message>
        <source>&amp;Disengage kill switch…</source>
        <translation>Kill-Switch deak&amp;tivieren…</translation>
    </message>
    <message>
        <source>Circuit Breaker</source>
        <translation>Circuit Breaker</translation>
    </message>
    <message>
        <source>Trip breaker</source>
        <translation>Breaker auslösen</translation>
    </message>
    <message>
        <source>Reset breaker</source>
        <translation>Breaker zurücksetzen</translation>
    </message>
    <message>
        <source>Engage kill switch</source>
        <translation>Kill-Switch aktivieren</translation>
    </message>
    <message>
        <source>Disengage kill switch</source>
        <translation>Kill-Switch deaktivieren</translation>
    </message>
    <message>
        <source>Circuit breaker history</source>
        <translation>Verlauf des Circuit Breakers</translation>
    </message>
    <message>
        <source>Reset conditions (from the server)</source>
        <translation>Bedingungen für das Zurücksetzen (vom Server)</translation>
    </message>
    <message>
        <source>Kill switch (flatten all positions)</source>
        <translation>Kill-Switch (alle Positionen glattstellen)</translation>
    </message>
    <message>
        <source>&amp;History (last 50 trips, newest first)</source>
        <translation>&amp;Verlauf (letzte 50 Auslösungen, neueste zuerst)</translation>
    </message>
    <message>
        <source>Halted since %1 (%2 ago) by %3.</source>
        <translation>Gestoppt seit %1 (vor %2) durch %3.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Enabled since the reset at %1 by %2.</source>
        <translation>Freigegeben seit dem Zurücksetzen um %1 durch %2.</translation>
    </message>
    <message>
        <source>Enabled; no reset recorded.</source>
        <translation>Freigegeben; kein Zurücksetzen protokolliert.</translation>
    </message>
    <message>
        <source>Last trip: %1 by %2: %3</source>
        <translation>Letzte Auslösung: %1 durch %2: %3</translation>
    </message>
    <message>
        <source>Trading must be treated as NOT verified. %1</source>
        <translation>Der Handel ist als NICHT überprüft zu behandeln. %1</translation>
    </message>
    <message>
        <source>Last known: %1, read %2 ago.</source>
        <translation>Zuletzt bekannt: %1, gelesen vor %2.</translation>
    </message>
    <message>
        <source>Trips today: %1</source>
        <translation>Auslösungen heute: %1</translation>
    </message>
    <message>
        <source>Verified with the server %1 ago · refreshes every 5 s</source>
        <translation>Vor %1 mit dem Server überprüft · Aktualisierung alle 5 s</translation>
    </message>
    <message>
        <source>Not verified · refreshes every 5 s</source>
        <translation>Nicht überprüft · Aktualisierung alle 5 s</translation>
    </message>
    <message>
        <source>✓ %1 — %2</source>
        <translation>✓ %1 — %2</translation>
    </message>
    <message>
        <source>✗ %1 — %2</source>
        <translation>✗ %1 — %2</translation>
    </message>
    <message>
        <source>Not known.</source>
        <translation>Nicht bekannt.</translation>
    </message>
    <message>
        <source>History could not be refreshed: %1</source>
        <translation>Verlauf konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>Another action is in progress.</source>
        <translation>Eine andere Aktion läuft gerade.</translation>
    </message>
    <message>
        <source>The breaker is already tripped.</source>
        <translation>Der Breaker ist bereits ausgelöst.</translation>
    </message>
    <message>
        <source>&amp;Reset breaker — enable trading… (available in %1 s)</source>
        <translation>Breaker &amp;zurücksetzen — Handel freigeben… (verfügbar in %1 s)</translation>
    </message>
    <message>
        <source>The state is not verified: reset is only possible from a verified TRIPPED state.</source>
        <translation>Der Zustand ist nicht überprüft: Zurücksetzen ist nur aus einem überprüften TRIPPED-Zustand möglich.</translation>
    </message>
    <message>
        <source>The breaker is not tripped.</source>
        <translation>Der Breaker ist nicht ausgelöst.</translation>
    </message>
    <message>
        <source>Only one reset per minute is allowed (for everyone): available in %1 s.</source>
        <translation>Nur ein Zurücksetzen pro Minute ist erlaubt (für alle): verfügbar in %1 s.</translation>
    </message>
    <message>
        <source>Engaged at %1 by %2. Reason: %3</source>
        <translation>Aktiviert um %1 durch %2. Grund: %3</translation>
    </message>
    <message>
        <source>Last disengaged at %1 by %2. Notes: %3</source>
        <translation>Zuletzt deaktiviert um %1 durch %2. Notizen: %3</translation>
    </message>
    <message>
        <source>Never engaged.</source>
        <translation>Nie aktiviert.</translation>
    </message>
    <message>
        <source>The kill switch state could not be read.</source>
        <translation>Der Zustand des Kill-Switch konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The kill switch is already engaged.</source>
        <translation>Der Kill-Switch ist bereits aktiviert.</translation>
    </message>
    <message>
        <source>The kill switch is not engaged (or not verified).</source>
        <translation>Der Kill-Switch ist nicht aktiviert (oder nicht überprüft).</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>Your role (%1) does not have the permission %2.</source>
        <translation>Ihrer Rolle (%1) fehlt die Berechtigung %2.</translation>
    </message>
    <message>
        <source>Reset is only possible from a verified TRIPPED state outside the one-minute window.</source>
        <translation>Zurücksetzen ist nur aus einem überprüften TRIPPED-Zustand außerhalb des Ein-Minuten-Fensters möglich.</translation>
    </message>
    <message>
        <source>Disengage is only possible while the kill switch is verified as ENGAGED.</source>
        <translation>Deaktivieren ist nur möglich, solange der Kill-Switch nachweislich ENGAGED ist.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Trip circuit breaker — %1</source>
        <translation>Circuit Breaker auslösen — %1</translation>
    </message>
    <message>
        <source>Halt trading on %1: the breaker goes to TRIPPED.</source>
        <translation>Handel in %1 stoppen: Der Breaker wechselt zu TRIPPED.</translation>
    </message>
    <message>
        <source>All new trading orders will be blocked immediately (risk-reducing orders only).</source>
        <translation>Alle neuen Handelsaufträge werden sofort blockiert (nur risikomindernde Aufträge bleiben möglich).</translation>
    </message>
    <message>
        <source>Trip breaker — halt trading</source>
        <translation>Breaker auslösen — Handel stoppen</translation>
    </message>
    <message>
        <source>Reset circuit breaker — %1</source>
        <translation>Circuit Breaker zurücksetzen — %1</translation>
    </message>
    <message>
        <source>Enable trading on %1 again: the breaker goes to OPEN.</source>
        <translation>Handel in %1 wieder freigeben: Der Breaker wechselt zu OPEN.</translation>
    </message>
    <message>
        <source>New trading orders will be accepted again immediately.</source>
        <translation>Neue Handelsaufträge werden sofort wieder angenommen.</translation>
    </message>
    <message>
        <source>Reset breaker — enable trading</source>
        <translation>Breaker zurücksetzen — Handel freigeben</translation>
    </message>
    <message>
        <source>Engage kill switch — %1</source>
        <translation>Kill-Switch aktivieren — %1</translation>
    </message>
    <message>
        <source>Flatten on %1: the kill switch goes to ENGAGED.</source>
        <translation>Glattstellen in %1: Der Kill-Switch wechselt zu ENGAGED.</translation>
    </message>
    <message>
        <source>All open positions will be flattened and trading stops.</source>
        <translation>Alle offenen Positionen werden glattgestellt, und der Handel wird gestoppt.</translation>
    </message>
    <message>
        <source>Engage kill switch — flatten</source>
        <translation>Kill-Switch aktivieren — glattstellen</translation>
    </message>
    <message>
        <source>Disengage kill switch — %1</source>
        <translation>Kill-Switch deaktivieren — %1</translation>
    </message>
    <message>
        <source>Release the kill switch on %1: it goes to ACTIVE.</source>
        <translation>Kill-Switch in %1 freigeben: Er wechselt zu ACTIVE.</translation>
    </message>
    <message>
        <source>Trading may resume; positions are not restored.</source>
        <translation>Der Handel kann fortgesetzt werden; Positionen werden nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Another action is still being sent; wait for its result.</source>
        <translation>Eine andere Aktion wird noch gesendet; warten Sie auf ihr Ergebnis.</translation>
    </message>
</context>
<context>
    <name>ops::BreakerStatusLabel</name>
    <message>
        <source>Circuit breaker state</source>
        <translation>Zustand des Circuit Breakers</translation>
    </message>
    <message>
        <source>Breaker: UNKNOWN</source>
        <translation>Breaker: UNBEKANNT</translation>
    </message>
    <message>
        <source>Breaker: %1</source>
        <translation>Breaker: %1</translation>
    </message>
</context>
<context>
    <name>ops::ChainVerifier</name>
    <message>
        <source>Row %1 was changed after it was written.</source>
        <translation>Zeile %1 wurde nach dem Schreiben geändert.</translation>
    </message>
    <message>
        <source>Rows are missing before row %1 (link broken).</source>
        <translation>Vor Zeile %1 fehlen Zeilen (Verkettung unterbrochen).</translation>
    </message>
    <message>
        <source>No audit rows in this range: nothing to verify.</source>
        <translation>Keine Audit-Zeilen in diesem Bereich: nichts zu prüfen.</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n row(s) checked.</source>
        <translation>
            <numerusform>Das Audit-Protokoll ist intakt: %n Zeile geprüft.</numerusform>
            <numerusform>Das Audit-Protokoll ist intakt: %n Zeilen geprüft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::Command</name>
    <message>
        <source>Not available now</source>
        <translation>Derzeit nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>ops::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type to find a page or an action, Enter runs it, Escape closes</source>
        <translation>Zum Suchen einer Seite oder Aktion tippen; die Eingabetaste führt sie aus, Esc schließt</translation>
    </message>
    <message>
        <source>Type a page or an action…</source>
        <translation>Seite oder Aktion eingeben…</translation>
    </message>
    <message>
        <source>Find a page or an action</source>
        <translation>Seite oder Aktion suchen</translation>
    </message>
    <message>
        <source>Matching pages and actions</source>
        <translation>Passende Seiten und Aktionen</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>“%1” is not available: %2</source>
        <translation>„%1“ ist nicht verfügbar: %2</translation>
    </message>
    <message>
        <source>Palette message</source>
        <translation>Meldung der Palette</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>ops::ConfigClient</name>
    <message>
        <source>The document has no config_key.</source>
        <translation>Das Dokument hat keinen config_key.</translation>
    </message>
    <message>
        <source>The document %1 has no config_value object.</source>
        <translation>Das Dokument %1 hat kein config_value-Objekt.</translation>
    </message>
    <message>
        <source>The document %1 has no valid version.</source>
        <translation>Das Dokument %1 hat keine gültige Version.</translation>
    </message>
    <message>
        <source>The server does not let you read the configuration: your role lacks the permission &quot;%1&quot;.</source>
        <translation>Der Server erlaubt Ihnen nicht, die Konfiguration zu lesen: Ihrer Rolle fehlt die Berechtigung &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The configuration could not be read: %1</source>
        <translation>Die Konfiguration konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer has no list of documents.</source>
        <translation>Die Antwort des Servers enthält keine Dokumentliste.</translation>
    </message>
    <message>
        <source>The server has no document &quot;%1&quot;.</source>
        <translation>Der Server hat kein Dokument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a configuration document: %1</source>
        <translation>Die Antwort des Servers ist kein Konfigurationsdokument: %1</translation>
    </message>
    <message>
        <source>The server answered with the document &quot;%1&quot; instead of &quot;%2&quot;.</source>
        <translation>Der Server hat mit dem Dokument &quot;%1&quot; statt &quot;%2&quot; geantwortet.</translation>
    </message>
    <message>
        <source>The server accepted the change but its answer is not the saved document (%1). Reload to see what the server has.</source>
        <translation>Der Server hat die Änderung akzeptiert, aber seine Antwort ist nicht das gespeicherte Dokument (%1). Laden Sie neu, um den Stand des Servers zu sehen.</translation>
    </message>
    <message>
        <source>it is &quot;%1&quot;</source>
        <translation>es ist &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Saved version %1 (audit record #%2).</source>
        <translation>Version %1 gespeichert (Audit-Eintrag #%2).</translation>
    </message>
    <message>
        <source>Saved version %1.</source>
        <translation>Version %1 gespeichert.</translation>
    </message>
    <message>
        <source>Someone else saved %1 first: the server now has version %2, you started from version %3. Nothing of yours was saved.</source>
        <translation>Jemand anderes hat %1 zuerst gespeichert: Der Server hat jetzt Version %2, Sie haben mit Version %3 begonnen. Von Ihren Änderungen wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Someone else saved first (HTTP 412), and the current version could not be read: %1 Nothing of yours was saved; reload before trying again.</source>
        <translation>Jemand anderes hat zuerst gespeichert (HTTP 412), und die aktuelle Version konnte nicht gelesen werden: %1 Von Ihren Änderungen wurde nichts gespeichert; laden Sie neu, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>the answer is not a configuration document.</source>
        <translation>die Antwort ist kein Konfigurationsdokument.</translation>
    </message>
    <message>
        <source>The server refused: your role does not have the permission &quot;%1&quot;. Nothing was saved.</source>
        <translation>Vom Server abgelehnt: Ihrer Rolle fehlt die Berechtigung &quot;%1&quot;. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The server refused the values: %1 Nothing was saved.</source>
        <translation>Der Server hat die Werte abgelehnt: %1 Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The server refused %1; nothing was saved. See the messages next to the fields.</source>
        <translation>Der Server hat %1 abgelehnt; es wurde nichts gespeichert. Beachten Sie die Meldungen neben den Feldern.</translation>
    </message>
    <message>
        <source>The server requires the version the change was made from (If-Match); nothing was saved.</source>
        <translation>Der Server verlangt die Version, auf der die Änderung beruht (If-Match); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The server refused: %1 Nothing was saved.</source>
        <translation>Vom Server abgelehnt: %1 Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>No answer in time: the console cannot tell whether %1 was saved. Reload to see the server&apos;s version. Trying again is safe: the version check never saves twice.</source>
        <translation>Keine rechtzeitige Antwort: Die Konsole kann nicht feststellen, ob %1 gespeichert wurde. Laden Sie neu, um die Version des Servers zu sehen. Ein erneuter Versuch ist sicher: Die Versionsprüfung speichert nie doppelt.</translation>
    </message>
    <message>
        <source>The save failed: %1 Nothing is known to have been saved.</source>
        <translation>Das Speichern ist fehlgeschlagen: %1 Es ist nicht bekannt, dass etwas gespeichert wurde.</translation>
    </message>
</context>
<context>
    <name>ops::ConfigConflictDialog</name>
    <message>
        <source>&amp;Re-apply my changes on top</source>
        <translation>Meine Änderungen &amp;erneut darauf anwenden</translation>
    </message>
    <message>
        <source>&amp;Discard my changes</source>
        <translation>Meine Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>&amp;Später entscheiden</translation>
    </message>
    <message>
        <source>Changed meanwhile — %1</source>
        <translation>Zwischenzeitlich geändert — %1</translation>
    </message>
    <message>
        <source>Version %1 (yours)</source>
        <translation>Version %1 (Ihre)</translation>
    </message>
    <message>
        <source>Version %1 (server now)</source>
        <translation>Version %1 (jetzt auf dem Server)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Ihr Wert</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>jemand anderes</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 saved %2 at %3 while you were editing: the server now has version %4, your changes were made to version %5. Nothing of yours was saved.</source>
        <translation>%1 hat %2 gespeichert (Zeitpunkt: %3), während Sie bearbeitet haben: Der Server hat jetzt Version %4, Ihre Änderungen beruhen auf Version %5. Von Ihren Änderungen wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>&amp;Changed on the server meanwhile (version %1 → %2):</source>
        <translation>Zwischenzeitlich auf dem Server &amp;geändert (Version %1 → %2):</translation>
    </message>
    <message>
        <source>No field changed on the server meanwhile (only the version, %1 → %2).</source>
        <translation>Auf dem Server wurde zwischenzeitlich kein Feld geändert (nur die Version, %1 → %2).</translation>
    </message>
    <message>
        <source>Changed on the server meanwhile: field, your version, server now</source>
        <translation>Zwischenzeitlich auf dem Server geändert: Feld, Ihre Version, jetzt auf dem Server</translation>
    </message>
    <message>
        <source>&amp;Your changes:</source>
        <translation>&amp;Ihre Änderungen:</translation>
    </message>
    <message>
        <source>Your changes: field, old value, your value</source>
        <translation>Ihre Änderungen: Feld, alter Wert, Ihr Wert</translation>
    </message>
    <message>
        <source>No field was changed both by you and on the server.</source>
        <translation>Kein Feld wurde sowohl von Ihnen als auch auf dem Server geändert.</translation>
    </message>
    <message>
        <source>Changed both by you and on the server: %1. Re-applying puts your value over the server&apos;s.</source>
        <translation>Sowohl von Ihnen als auch auf dem Server geändert: %1. Beim erneuten Anwenden überschreibt Ihr Wert den des Servers.</translation>
    </message>
    <message>
        <source>Fields changed by both</source>
        <translation>Von beiden geänderte Felder</translation>
    </message>
    <message>
        <source>Re-apply my changes on top of the server&apos;s version</source>
        <translation>Meine Änderungen erneut auf die Version des Servers anwenden</translation>
    </message>
    <message>
        <source>Discard my changes and show the server&apos;s version</source>
        <translation>Meine Änderungen verwerfen und die Version des Servers anzeigen</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
</context>
<context>
    <name>ops::ConfigDiffModel</name>
    <message>
        <source>Old value</source>
        <translation>Alter Wert</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
</context>
<context>
    <name>ops::ConfigForm</name>
    <message>
        <source>%1 form</source>
        <translation>Formular %1</translation>
    </message>
    <message>
        <source>%1 was not accepted (%2) and the field went back to %3.</source>
        <translation>%1 wurde nicht akzeptiert (%2), und das Feld wurde auf %3 zurückgesetzt.</translation>
    </message>
    <message>
        <source>%1: value when loaded</source>
        <translation>%1: Wert beim Laden</translation>
    </message>
    <message>
        <source>%1: problem</source>
        <translation>%1: Problem</translation>
    </message>
    <message>
        <source>Other problems reported by the server</source>
        <translation>Weitere vom Server gemeldete Probleme</translation>
    </message>
    <message>
        <source>The server&apos;s value (%1) is not acceptable: %2</source>
        <translation>Der Wert des Servers (%1) ist nicht zulässig: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>changed — was %1</source>
        <translation>geändert — vorher %1</translation>
    </message>
    <message>
        <source>The server also refused: %1</source>
        <translation>Der Server hat außerdem abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>ops::ConfigPage</name>
    <message>
        <source>Why the configuration is read only</source>
        <translation>Warum die Konfiguration schreibgeschützt ist</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Version shown</source>
        <translation>Angezeigte Version</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Result of the last action</source>
        <translation>Ergebnis der letzten Aktion</translation>
    </message>
    <message>
        <source>Dis&amp;card changes</source>
        <translation>Änderungen ver&amp;werfen</translation>
    </message>
    <message>
        <source>Pre&amp;view and apply…</source>
        <translation>&amp;Vorschau und anwenden…</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Configuration document</source>
        <translation>Konfigurationsdokument</translation>
    </message>
    <message>
        <source>Reload the document from the server</source>
        <translation>Dokument neu vom Server laden</translation>
    </message>
    <message>
        <source>Discard unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Preview and apply the changes</source>
        <translation>Vorschau anzeigen und Änderungen anwenden</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Dokument:</translation>
    </message>
    <message>
        <source>Your changes to %1 were discarded; the form shows version %2 again.</source>
        <translation>Ihre Änderungen an %1 wurden verworfen; das Formular zeigt wieder Version %2.</translation>
    </message>
    <message>
        <source>Read only: not signed in. Sign in with a role that has the permission %1 to change the configuration.</source>
        <translation>Schreibgeschützt: nicht angemeldet. Melden Sie sich mit einer Rolle an, die die Berechtigung %1 hat, um die Konfiguration zu ändern.</translation>
    </message>
    <message>
        <source>Read only: your role (%1) does not have the permission %2. Only administrators can change the configuration.</source>
        <translation>Schreibgeschützt: Ihrer Rolle (%1) fehlt die Berechtigung %2. Nur Administratoren können die Konfiguration ändern.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The server has no document &quot;%1&quot;.</source>
        <translation>Der Server hat kein Dokument &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Reload %1</source>
        <translation>%1 neu laden</translation>
    </message>
    <message>
        <source>Discard your unsaved changes to %1 (%2) and read the server&apos;s version again?</source>
        <translation>Nicht gespeicherte Änderungen an %1 (%2) verwerfen und die Version des Servers erneut lesen?</translation>
    </message>
    <message>
        <source>&amp;Discard and reload</source>
        <translation>&amp;Verwerfen und neu laden</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>The server has version %1 of %2, but you have unsaved changes to version %3: they were kept.</source>
        <translation>Der Server hat Version %1 von %2, aber Sie haben nicht gespeicherte Änderungen an Version %3: Diese wurden beibehalten.</translation>
    </message>
    <message>
        <source>%1 is not loaded yet: reload it first.</source>
        <translation>%1 ist noch nicht geladen: Laden Sie es zuerst.</translation>
    </message>
    <message>
        <source>Correct the values marked next to the fields first: %1.</source>
        <translation>Korrigieren Sie zuerst die neben den Feldern markierten Werte: %1.</translation>
    </message>
    <message>
        <source>The form&apos;s values are not acceptable any more; go back to editing.</source>
        <translation>Die Werte des Formulars sind nicht mehr zulässig; kehren Sie zur Bearbeitung zurück.</translation>
    </message>
    <message>
        <source>Another save is still on its way; wait for its result.</source>
        <translation>Ein anderer Speichervorgang läuft noch; warten Sie auf sein Ergebnis.</translation>
    </message>
    <message>
        <source>Your changes are now on top of version %1: check the preview, then apply.</source>
        <translation>Ihre Änderungen beruhen jetzt auf Version %1: Prüfen Sie die Vorschau und wenden Sie sie dann an.</translation>
    </message>
    <message>
        <source>Your changes were discarded; the form shows version %1 from the server.</source>
        <translation>Ihre Änderungen wurden verworfen; das Formular zeigt Version %1 vom Server.</translation>
    </message>
    <message>
        <source>Nothing was saved. Your changes are kept, made to version %1; the server has version %2. Applying again will meet the same conflict: preview and re-apply on top, or reload.</source>
        <translation>Es wurde nichts gespeichert. Ihre Änderungen bleiben erhalten und beruhen auf Version %1; der Server hat Version %2. Erneutes Anwenden führt zum selben Konflikt: Öffnen Sie die Vorschau und wenden Sie Ihre Änderungen erneut darauf an, oder laden Sie neu.</translation>
    </message>
    <message>
        <source>%1 — unsaved changes</source>
        <translation>%1 — nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Version %1 · last saved by %2 at %3</source>
        <translation>Version %1 · zuletzt gespeichert von %2 um %3</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Reading %1 from the server…</source>
        <translation>%1 wird vom Server gelesen…</translation>
    </message>
    <message>
        <source>Not loaded: %1</source>
        <translation>Nicht geladen: %1</translation>
    </message>
    <message>
        <source>Not loaded yet.</source>
        <translation>Noch nicht geladen.</translation>
    </message>
    <message>
        <source>Unsaved changes: %1. Nothing is saved until you preview and apply them.</source>
        <translation>Nicht gespeicherte Änderungen: %1. Es wird nichts gespeichert, bis Sie die Vorschau geprüft und die Änderungen angewendet haben.</translation>
    </message>
</context>
<context>
    <name>ops::ConfigPreviewDialog</name>
    <message>
        <source>&amp;Apply changes</source>
        <translation>Änderungen &amp;anwenden</translation>
    </message>
    <message>
        <source>&amp;Back to editing</source>
        <translation>&amp;Zurück zur Bearbeitung</translation>
    </message>
    <message>
        <source>Preview changes — %1</source>
        <translation>Vorschau der Änderungen — %1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>After applying</source>
        <translation>Nach dem Anwenden</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Summary of the changes</source>
        <translation>Zusammenfassung der Änderungen</translation>
    </message>
    <message>
        <source>No changes: the form matches version %1 of %2. There is nothing to apply.</source>
        <translation>Keine Änderungen: Das Formular entspricht Version %1 von %2. Es gibt nichts anzuwenden.</translation>
    </message>
    <message>
        <source>Applying changes these fields of %1 (from version %2):</source>
        <translation>Das Anwenden ändert diese Felder von %1 (ausgehend von Version %2):</translation>
    </message>
    <message>
        <source>Changes: field, old value, new value</source>
        <translation>Änderungen: Feld, alter Wert, neuer Wert</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Änderungen anwenden</translation>
    </message>
    <message>
        <source>Back to editing</source>
        <translation>Zurück zur Bearbeitung</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet…</translation>
    </message>
</context>
<context>
    <name>ops::ConfigSchema</name>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Trading hours</source>
        <translation>Handelszeiten</translation>
    </message>
    <message>
        <source>Market open</source>
        <translation>Marktöffnung</translation>
    </message>
    <message>
        <source>Exchange time, before market close.</source>
        <translation>Börsenzeit, vor Marktschluss.</translation>
    </message>
    <message>
        <source>Market close</source>
        <translation>Marktschluss</translation>
    </message>
    <message>
        <source>Exchange time, after market open.</source>
        <translation>Börsenzeit, nach Marktöffnung.</translation>
    </message>
    <message>
        <source>Pre-market trading enabled</source>
        <translation>Vorbörslicher Handel aktiviert</translation>
    </message>
    <message>
        <source>After-hours trading enabled</source>
        <translation>Nachbörslicher Handel aktiviert</translation>
    </message>
    <message>
        <source>Position limits</source>
        <translation>Positionslimits</translation>
    </message>
    <message>
        <source>Maximum position per symbol</source>
        <translation>Maximale Position pro Symbol</translation>
    </message>
    <message>
        <source>Shares or contracts, 1 to 100000.</source>
        <translation>Aktien oder Kontrakte, 1 bis 100000.</translation>
    </message>
    <message>
        <source>Maximum total notional</source>
        <translation>Maximaler Gesamtnominalwert</translation>
    </message>
    <message>
        <source>Whole units of the account currency, 1000 to 10000000.</source>
        <translation>Ganze Einheiten der Kontowährung, 1000 bis 10000000.</translation>
    </message>
    <message>
        <source>Maximum open orders</source>
        <translation>Maximale offene Aufträge</translation>
    </message>
    <message>
        <source>Orders, 1 to 1000.</source>
        <translation>Aufträge, 1 bis 1000.</translation>
    </message>
    <message>
        <source>System defaults</source>
        <translation>Systemstandards</translation>
    </message>
    <message>
        <source>Dry run (no real orders)</source>
        <translation>Testlauf (keine echten Aufträge)</translation>
    </message>
    <message>
        <source>Circuit breaker enabled</source>
        <translation>Circuit Breaker aktiviert</translation>
    </message>
    <message>
        <source>Drawdown threshold</source>
        <translation>Drawdown-Schwelle</translation>
    </message>
    <message>
        <source>Fraction of equity, 0.01 (1 %) to 0.50 (50 %).</source>
        <translation>Anteil am Eigenkapital, 0.01 (1 %) bis 0.50 (50 %).</translation>
    </message>
    <message>
        <source>Must be between %1 and %2.</source>
        <translation>Muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <source>A value is required.</source>
        <translation>Ein Wert ist erforderlich.</translation>
    </message>
    <message>
        <source>Must be on or off.</source>
        <translation>Muss ein oder aus sein.</translation>
    </message>
    <message>
        <source>Must be a time from 00:00 to 23:59 (HH:MM).</source>
        <translation>Muss eine Uhrzeit von 00:00 bis 23:59 sein (HH:MM).</translation>
    </message>
    <message>
        <source>Must be a number.</source>
        <translation>Muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>Must be a whole number.</source>
        <translation>Muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>Must be before market close (%1).</source>
        <translation>Muss vor Marktschluss liegen (%1).</translation>
    </message>
    <message>
        <source>Must be after market open (%1).</source>
        <translation>Muss nach Marktöffnung liegen (%1).</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>ops::ConfirmActionDialog</name>
    <message>
        <source>Manual intervention (MANUAL)</source>
        <translation>Manueller Eingriff (MANUAL)</translation>
    </message>
    <message>
        <source>Market data stale (DATA_STALE)</source>
        <translation>Marktdaten veraltet (DATA_STALE)</translation>
    </message>
    <message>
        <source>Broker errors (BROKER_ERRORS)</source>
        <translation>Broker-Fehler (BROKER_ERRORS)</translation>
    </message>
    <message>
        <source>Other (OTHER)</source>
        <translation>Sonstiges (OTHER)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was geschehen wird</translation>
    </message>
    <message>
        <source>Conditions reported by the server:</source>
        <translation>Vom Server gemeldete Bedingungen:</translation>
    </message>
    <message>
        <source>✗ The server reported no conditions: treat them as not checked.</source>
        <translation>✗ Der Server hat keine Bedingungen gemeldet: Betrachten Sie sie als nicht geprüft.</translation>
    </message>
    <message>
        <source>✓ %1 — %2</source>
        <translation>✓ %1 — %2</translation>
    </message>
    <message>
        <source>✗ %1 — %2</source>
        <translation>✗ %1 — %2</translation>
    </message>
    <message>
        <source>no detail</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <source>Condition met: %1</source>
        <translation>Bedingung erfüllt: %1</translation>
    </message>
    <message>
        <source>Condition FAILING: %1</source>
        <translation>Bedingung NICHT ERFÜLLT: %1</translation>
    </message>
    <message>
        <source>I have reviewed the &amp;failing conditions above and still want to go ahead</source>
        <translation>Ich habe die oben aufgeführten nicht erfüllten Bedingungen geprüft und möchte dennoch &amp;fortfahren</translation>
    </message>
    <message>
        <source>Accept failing conditions</source>
        <translation>Nicht erfüllte Bedingungen akzeptieren</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Kategorie der Begründung</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>Kate&amp;gorie:</translation>
    </message>
    <message>
        <source>At least 20 visible characters: what happened and why this is needed.</source>
        <translation>Mindestens 20 sichtbare Zeichen: was passiert ist und warum dies nötig ist.</translation>
    </message>
    <message>
        <source>&amp;%1:</source>
        <translation>&amp;%1:</translation>
    </message>
    <message>
        <source>Visible characters in the reason</source>
        <translation>Sichtbare Zeichen in der Begründung</translation>
    </message>
    <message>
        <source>Type the environment name to confirm</source>
        <translation>Zur Bestätigung den Namen der Umgebung eingeben</translation>
    </message>
    <message>
        <source>Type &quot;%1&quot; to &amp;confirm:</source>
        <translation>Zur Bestätigung &quot;%1&quot; &amp;eingeben:</translation>
    </message>
    <message>
        <source>I &amp;understand: %1</source>
        <translation>Ich &amp;habe verstanden: %1</translation>
    </message>
    <message>
        <source>Acknowledge the effect</source>
        <translation>Auswirkung bestätigen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1/%2 ✓</source>
        <translation>%1/%2 ✓</translation>
    </message>
    <message>
        <source>%1/%2 — at least %2 visible characters</source>
        <translation>%1/%2 — mindestens %2 sichtbare Zeichen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>%1 (available in %2 s)</source>
        <translation>%1 (verfügbar in %2 s)</translation>
    </message>
</context>
<context>
    <name>ops::ConnectionProfile</name>
    <message>
        <source>The profile has no name.</source>
        <translation>Das Profil hat keinen Namen.</translation>
    </message>
    <message>
        <source>The profile lists no services.</source>
        <translation>Das Profil enthält keine Dienste.</translation>
    </message>
    <message>
        <source>A service has no name.</source>
        <translation>Ein Dienst hat keinen Namen.</translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; is listed twice.</source>
        <translation>Der Dienst &quot;%1&quot; ist doppelt aufgeführt.</translation>
    </message>
    <message>
        <source>The health URL of &quot;%1&quot; is not an http(s) URL.</source>
        <translation>Die Health-URL von &quot;%1&quot; ist keine http(s)-URL.</translation>
    </message>
    <message>
        <source>The Prometheus URL is not an http(s) URL.</source>
        <translation>Die Prometheus-URL ist keine http(s)-URL.</translation>
    </message>
</context>
<context>
    <name>ops::CreateApiKeyDialog</name>
    <message>
        <source>&amp;Expires</source>
        <translation>&amp;Läuft ab</translation>
    </message>
    <message>
        <source>C&amp;reate key</source>
        <translation>Schlüssel &amp;erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Schlüsselname</translation>
    </message>
    <message>
        <source>e.g. reconciliation-batch</source>
        <translation>z. B. reconciliation-batch</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation>Geltungsbereiche:</translation>
    </message>
    <message>
        <source>The key expires</source>
        <translation>Der Schlüssel läuft ab</translation>
    </message>
    <message>
        <source>Expiry (your time zone)</source>
        <translation>Ablaufzeitpunkt (Ihre Zeitzone)</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Ablauf:</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>ops::CredentialStore</name>
    <message>
        <source>The keychain did not answer within %1 s</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>Nothing stored in the keychain under this name.</source>
        <translation>Unter diesem Namen ist im Schlüsselbund nichts gespeichert.</translation>
    </message>
    <message>
        <source>The keychain could not read the secret (%1).</source>
        <translation>Der Schlüsselbund konnte das Geheimnis nicht lesen (%1).</translation>
    </message>
    <message>
        <source>The keychain could not store the secret (%1).</source>
        <translation>Der Schlüsselbund konnte das Geheimnis nicht speichern (%1).</translation>
    </message>
    <message>
        <source>The keychain could not remove the secret (%1).</source>
        <translation>Der Schlüsselbund konnte das Geheimnis nicht entfernen (%1).</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). Secrets will be kept in memory for this session only.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar (%1). Geheimnisse werden nur für diese Sitzung im Arbeitsspeicher gehalten.</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
</context>
<context>
    <name>ops::CsvExporter</name>
    <message>
        <source>The filter has more placeholders than values.</source>
        <translation>Der Filter hat mehr Platzhalter als Werte.</translation>
    </message>
    <message>
        <source>A filter value could not be quoted: %1</source>
        <translation>Ein Filterwert konnte nicht maskiert werden: %1</translation>
    </message>
    <message>
        <source>The filter has more values than placeholders.</source>
        <translation>Der Filter hat mehr Werte als Platzhalter.</translation>
    </message>
    <message>
        <source>%1+ rows (limited)</source>
        <translation>%1+ Zeilen (begrenzt)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>No open PostgreSQL connection named &quot;%1&quot;.</source>
        <translation>Keine offene PostgreSQL-Verbindung namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No file name was given for the export.</source>
        <translation>Für den Export wurde kein Dateiname angegeben.</translation>
    </message>
    <message>
        <source>The row limit cannot be negative.</source>
        <translation>Das Zeilenlimit darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Cannot export to %1: it is not a regular file.</source>
        <translation>Export nach %1 nicht möglich: Es ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>Cannot export to %1: it is a folder.</source>
        <translation>Export nach %1 nicht möglich: Es ist ein Ordner.</translation>
    </message>
    <message>
        <source>No database connection named &quot;%1&quot; on this thread.</source>
        <translation>Keine Datenbankverbindung namens &quot;%1&quot; in diesem Thread.</translation>
    </message>
    <message>
        <source>CSV export needs a PostgreSQL connection (QPSQL), not %1.</source>
        <translation>Der CSV-Export benötigt eine PostgreSQL-Verbindung (QPSQL), nicht %1.</translation>
    </message>
    <message>
        <source>The database connection is closed and could not be re-opened: %1</source>
        <translation>Die Datenbankverbindung ist geschlossen und konnte nicht erneut geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The database driver gave no PostgreSQL connection handle.</source>
        <translation>Der Datenbanktreiber hat kein PostgreSQL-Verbindungshandle geliefert.</translation>
    </message>
    <message>
        <source>The connection to the database was lost and could not be re-opened: %1</source>
        <translation>Die Verbindung zur Datenbank wurde unterbrochen und konnte nicht erneut geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The database connection is busy with another query; try the export again.</source>
        <translation>Die Datenbankverbindung ist mit einer anderen Abfrage beschäftigt; versuchen Sie den Export erneut.</translation>
    </message>
    <message>
        <source>The database connection is inside a failed transaction; the export cannot run.</source>
        <translation>Die Datenbankverbindung befindet sich in einer fehlgeschlagenen Transaktion; der Export kann nicht ausgeführt werden.</translation>
    </message>
    <message>
        <source>The export query could not be built: %1</source>
        <translation>Die Exportabfrage konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The connection to the database was lost during the export (%1). No file was written. The connection has been re-opened; the export can be tried again.</source>
        <translation>Die Verbindung zur Datenbank wurde während des Exports unterbrochen (%1). Es wurde keine Datei geschrieben. Die Verbindung wurde erneut geöffnet; der Export kann erneut versucht werden.</translation>
    </message>
    <message>
        <source>The connection to the database was lost during the export (%1). No file was written, and the connection could not be re-opened: %2</source>
        <translation>Die Verbindung zur Datenbank wurde während des Exports unterbrochen (%1). Es wurde keine Datei geschrieben, und die Verbindung konnte nicht erneut geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The database refused the export: %1</source>
        <translation>Die Datenbank hat den Export abgelehnt: %1</translation>
    </message>
    <message>
        <source>The export was cancelled. No file was written.</source>
        <translation>Der Export wurde abgebrochen. Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>no answer from the server</source>
        <translation>keine Antwort vom Server</translation>
    </message>
    <message>
        <source>Could not write %1: %2. No file was written.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>ops::DeliveryHistoryModel</name>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>Delivered / poisoned</source>
        <translation>Zugestellt / in Poison-Queue</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>No error recorded</source>
        <translation>Kein Fehler protokolliert</translation>
    </message>
</context>
<context>
    <name>ops::DeliveryTableModel</name>
    <message>
        <source>The alerts database is not connected: the profile names no PostgreSQL database, or its password has not been entered yet (File → PostgreSQL password…).</source>
        <translation>Die Alarm-Datenbank ist nicht verbunden: Das Profil nennt keine PostgreSQL-Datenbank, oder ihr Passwort wurde noch nicht eingegeben (Datei → PostgreSQL-Passwort…).</translation>
    </message>
</context>
<context>
    <name>ops::EnvironmentBanner</name>
    <message>
        <source>PRODUCTION — %1 — changes here affect live trading</source>
        <translation>PRODUKTION — %1 — Änderungen hier wirken sich auf den Live-Handel aus</translation>
    </message>
    <message>
        <source>Environment: %1 (profile %2)</source>
        <translation>Umgebung: %1 (Profil %2)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
</context>
<context>
    <name>ops::Health</name>
    <message>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>Initialising</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ops::HealthMonitor</name>
    <message>
        <source>%1 did not answer: %2</source>
        <translation>%1 hat nicht geantwortet: %2</translation>
    </message>
    <message>
        <source>Reported by %1</source>
        <translation>Gemeldet von %1</translation>
    </message>
    <message>
        <source>%1 did not report Redis</source>
        <translation>%1 hat keinen Redis-Status gemeldet</translation>
    </message>
    <message>
        <source>SELECT 1 answered in %1 ms</source>
        <translation>SELECT 1 in %1 ms beantwortet</translation>
    </message>
</context>
<context>
    <name>ops::HealthPage</name>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>Anha&amp;lten</translation>
    </message>
    <message>
        <source>System Health</source>
        <translation>Systemzustand</translation>
    </message>
    <message>
        <source>Refresh every tile now (F5)</source>
        <translation>Alle Kacheln jetzt aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Pause or resume automatic refresh (Space)</source>
        <translation>Automatische Aktualisierung anhalten oder fortsetzen (Leertaste)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Pause or resume automatic refresh</source>
        <translation>Automatische Aktualisierung anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>Next refresh</source>
        <translation>Nächste Aktualisierung</translation>
    </message>
    <message>
        <source>Data freshness</source>
        <translation>Datenaktualität</translation>
    </message>
    <message>
        <source>Service tiles</source>
        <translation>Dienstkacheln</translation>
    </message>
    <message>
        <source>Auto-refresh PAUSED</source>
        <translation>Automatische Aktualisierung ANGEHALTEN</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message numerus="yes">
        <source>Next refresh in %n s</source>
        <translation>
            <numerusform>Nächste Aktualisierung in %n s</numerusform>
            <numerusform>Nächste Aktualisierung in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>PAUSED — automatic refresh is stopped and the data below is not updating. Press Space to resume.</source>
        <translation>ANGEHALTEN — die automatische Aktualisierung ist gestoppt und die Daten unten werden nicht aktualisiert. Zum Fortsetzen die Leertaste drücken.</translation>
    </message>
    <message numerus="yes">
        <source>last fully successful refresh at %1 (%n s ago)</source>
        <translation>
            <numerusform>letzte vollständig erfolgreiche Aktualisierung um %1 (vor %n s)</numerusform>
            <numerusform>letzte vollständig erfolgreiche Aktualisierung um %1 (vor %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>no fully successful refresh yet</source>
        <translation>noch keine vollständig erfolgreiche Aktualisierung</translation>
    </message>
    <message numerus="yes">
        <source>%n tile(s) show stale or unreachable data; %1.</source>
        <translation>
            <numerusform>%n Kachel zeigt veraltete oder nicht erreichbare Daten; %1.</numerusform>
            <numerusform>%n Kacheln zeigen veraltete oder nicht erreichbare Daten; %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::HealthParser</name>
    <message>
        <source>Unexpected HTML page instead of a health answer (a login page?)</source>
        <translation>Unerwartete HTML-Seite statt einer Zustandsantwort (eine Anmeldeseite?)</translation>
    </message>
    <message>
        <source>HTTP %1 with an HTML error page (proxy?)</source>
        <translation>HTTP %1 mit einer HTML-Fehlerseite (Proxy?)</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: „%2“</translation>
    </message>
    <message>
        <source>component %1</source>
        <translation>Komponente %1</translation>
    </message>
    <message>
        <source>Ignored &apos;%1&apos; of the wrong type</source>
        <translation>&apos;%1&apos; mit falschem Typ ignoriert</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n malformed entries in &apos;%1&apos;</source>
        <translation>
            <numerusform>%n fehlerhafter Eintrag in &apos;%1&apos; übersprungen</numerusform>
            <numerusform>%n fehlerhafte Einträge in &apos;%1&apos; übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Ignored &apos;status&apos; of the wrong type</source>
        <translation>&apos;status&apos; mit falschem Typ ignoriert</translation>
    </message>
    <message>
        <source>Unrecognised status &apos;%1&apos;</source>
        <translation>Nicht erkannter Status &apos;%1&apos;</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>No status in body</source>
        <translation>Kein Status im Antwortinhalt</translation>
    </message>
    <message>
        <source>HTTP %1 although the body says %2</source>
        <translation>HTTP %1, obwohl der Antwortinhalt den Status %2 meldet</translation>
    </message>
    <message>
        <source>Response too large (%1 bytes)</source>
        <translation>Antwort zu groß (%1 Bytes)</translation>
    </message>
    <message>
        <source>Malformed JSON: %1 at offset %2</source>
        <translation>Fehlerhaftes JSON: %1 bei Offset %2</translation>
    </message>
    <message>
        <source>Unexpected JSON (not an object)</source>
        <translation>Unerwartetes JSON (kein Objekt)</translation>
    </message>
</context>
<context>
    <name>ops::HealthReport</name>
    <message>
        <source>SERVICE</source>
        <translation>DIENST</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>RESPONSE</source>
        <translation>ANTWORTZEIT</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>LAST OPERATION</source>
        <translation>LETZTER VORGANG</translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation>HINWEIS</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>ops::LatencyChart</name>
    <message>
        <source>Response time (ms)</source>
        <translation>Antwortzeit (ms)</translation>
    </message>
    <message>
        <source>Failed poll</source>
        <translation>Fehlgeschlagene Abfrage</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Latency chart</source>
        <translation>Latenzdiagramm</translation>
    </message>
    <message numerus="yes">
        <source>Latency — %1 (%n poll(s))</source>
        <translation>
            <numerusform>Latenz — %1 (%n Abfrage)</numerusform>
            <numerusform>Latenz — %1 (%n Abfragen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Latency chart status</source>
        <translation>Status des Latenzdiagramms</translation>
    </message>
    <message>
        <source>Latency percentiles — %1, from Prometheus (last %2)</source>
        <translation>Latenz-Perzentile — %1, von Prometheus (letzte %2)</translation>
    </message>
    <message>
        <source>Loading percentiles from Prometheus…</source>
        <translation>Perzentile werden von Prometheus geladen…</translation>
    </message>
    <message>
        <source>Prometheus is not configured for this profile.</source>
        <translation>Prometheus ist für dieses Profil nicht konfiguriert.</translation>
    </message>
    <message>
        <source>No data
Prometheus has no request latencies for %1 in the last %2.</source>
        <translation>Keine Daten
Prometheus hat keine Anfragelatenzen für %1 in den letzten %2.</translation>
    </message>
    <message>
        <source>⚠ Query failed: %1</source>
        <translation>⚠ Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Showing the last answer, from %1 (%2 ago), greyed.</source>
        <translation>Die letzte Antwort von %1 (vor %2) wird ausgegraut angezeigt.</translation>
    </message>
    <message>
        <source>The last answer, from %1 (%2 ago), had no data.</source>
        <translation>Die letzte Antwort von %1 (vor %2) enthielt keine Daten.</translation>
    </message>
    <message>
        <source>No earlier answer to show.</source>
        <translation>Keine frühere Antwort vorhanden.</translation>
    </message>
</context>
<context>
    <name>ops::LatencyPercentiles</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
</context>
<context>
    <name>ops::MainWindow</name>
    <message>
        <source>Ops Console — PRODUCTION (%1)</source>
        <translation>Ops Console — PRODUKTION (%1)</translation>
    </message>
    <message>
        <source>Ops Console — %1</source>
        <translation>Ops Console — %1</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>System Health</source>
        <translation>Systemzustand</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Ops Console</source>
        <translation>Ü&amp;ber Ops Console</translation>
    </message>
    <message>
        <source>About Ops Console</source>
        <translation>Über Ops Console</translation>
    </message>
    <message>
        <source>Ops Console %1
A desktop console for operators of trading and risk platforms.</source>
        <translation>Ops Console %1
Eine Desktop-Konsole für den Betrieb von Handels- und Risikoplattformen.</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Umgebung: %1</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Refresh state</source>
        <translation>Aktualisierungsstatus</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last full refresh %1</source>
        <translation>Letzte vollständige Aktualisierung um %1</translation>
    </message>
    <message>
        <source>No full refresh yet</source>
        <translation>Noch keine vollständige Aktualisierung</translation>
    </message>
    <message>
        <source>PAUSED — %1</source>
        <translation>ANGEHALTEN — %1</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>Jetzt &amp;sperren</translation>
    </message>
    <message>
        <source>Cover the window until you sign in again (Ctrl+L)</source>
        <translation>Fenster verdecken, bis Sie sich erneut anmelden (Strg+L)</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation>Angemeldeter Benutzer</translation>
    </message>
    <message>
        <source>Keychain notice</source>
        <translation>Hinweis zum Schlüsselbund</translation>
    </message>
    <message>
        <source>Keychain unavailable: sign-in kept in memory for this session only</source>
        <translation>Schlüsselbund nicht verfügbar: Anmeldung wird nur für diese Sitzung im Arbeitsspeicher gehalten</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>keine Rolle</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>Signing in as %1… · %2</source>
        <translation>Anmeldung als %1… · %2</translation>
    </message>
    <message>
        <source>Restoring sign-in… · %1</source>
        <translation>Anmeldung wird wiederhergestellt… · %1</translation>
    </message>
    <message>
        <source>Not signed in · %1</source>
        <translation>Nicht angemeldet · %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Requires the permission “%1” (your role: %2)</source>
        <translation>Erfordert die Berechtigung „%1“ (Ihre Rolle: %2)</translation>
    </message>
    <message>
        <source>Requires the permission “%1” (not signed in)</source>
        <translation>Erfordert die Berechtigung „%1“ (nicht angemeldet)</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). Your sign-in is kept in memory for this session only; you will be asked again next time.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar (%1). Ihre Anmeldung wird nur für diese Sitzung im Arbeitsspeicher gehalten; beim nächsten Mal werden Sie erneut gefragt.</translation>
    </message>
    <message>
        <source>You signed out. Sign in to continue.</source>
        <translation>Sie haben sich abgemeldet. Melden Sie sich an, um fortzufahren.</translation>
    </message>
    <message>
        <source>Console locked</source>
        <translation>Konsole gesperrt</translation>
    </message>
    <message>
        <source>Ops Console is locked</source>
        <translation>Ops Console ist gesperrt</translation>
    </message>
    <message>
        <source>PRODUCTION — %1</source>
        <translation>PRODUKTION — %1</translation>
    </message>
    <message>
        <source>Why the console is locked</source>
        <translation>Warum die Konsole gesperrt ist</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Sign in again to show the console</source>
        <translation>Erneut anmelden, um die Konsole anzuzeigen</translation>
    </message>
    <message>
        <source>Sign in again to unlock the console.</source>
        <translation>Melden Sie sich erneut an, um die Konsole zu entsperren.</translation>
    </message>
    <message>
        <source>Locked on request</source>
        <translation>Auf Anforderung gesperrt</translation>
    </message>
    <message>
        <source>Locked after 1 minute without activity</source>
        <translation>Nach 1 Minute ohne Aktivität gesperrt</translation>
    </message>
    <message>
        <source>Locked after %1 minutes without activity</source>
        <translation>Nach %1 Minuten ohne Aktivität gesperrt</translation>
    </message>
    <message>
        <source>PostgreSQL pass&amp;word…</source>
        <translation>PostgreSQL-Pass&amp;wort…</translation>
    </message>
    <message>
        <source>Enter the PostgreSQL password for this profile; it is kept in the system keychain only</source>
        <translation>PostgreSQL-Passwort für dieses Profil eingeben; es wird nur im System-Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation>PostgreSQL-Passwort</translation>
    </message>
    <message>
        <source>Password of the PostgreSQL user “%1” on %2:%3.
It is stored in the system keychain, never in a file.</source>
        <translation>Passwort des PostgreSQL-Benutzers „%1“ auf %2:%3.
Es wird im System-Schlüsselbund gespeichert, nie in einer Datei.</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Statusleiste</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Refresh interval, theme, language, notifications and idle lock</source>
        <translation>Aktualisierungsintervall, Design, Sprache, Benachrichtigungen und Sperre bei Inaktivität</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every action and its keyboard shortcut</source>
        <translation>Alle Aktionen und ihre Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Command palette…</source>
        <translation>Befehls&amp;palette…</translation>
    </message>
    <message>
        <source>Find any page or action by typing its name</source>
        <translation>Beliebige Seite oder Aktion durch Eingabe ihres Namens finden</translation>
    </message>
    <message>
        <source>Create &amp;support bundle…</source>
        <translation>&amp;Support-Paket erstellen…</translation>
    </message>
    <message>
        <source>A ZIP file with the logs (secrets removed), settings, versions and the last health snapshot, to attach to a support ticket</source>
        <translation>Eine ZIP-Datei mit den Protokollen (ohne Geheimnisse), Einstellungen, Versionen und dem letzten Zustandsschnappschuss zum Anhängen an ein Support-Ticket</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Zu %1 wechseln</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Save support bundle</source>
        <translation>Support-Paket speichern</translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP-Archive (*.zip)</translation>
    </message>
    <message>
        <source>Creating the support bundle…</source>
        <translation>Support-Paket wird erstellt…</translation>
    </message>
    <message>
        <source>Support bundle saved: %1</source>
        <translation>Support-Paket gespeichert: %1</translation>
    </message>
    <message>
        <source>Support bundle</source>
        <translation>Support-Paket</translation>
    </message>
    <message numerus="yes">
        <source>The support bundle was saved as
%1

%n value(s) that looked like secrets were removed. Please look through it before you send it on.</source>
        <translation>
            <numerusform>Das Support-Paket wurde gespeichert als
%1

%n Wert, der wie ein Geheimnis aussah, wurde entfernt. Bitte sehen Sie es durch, bevor Sie es weitergeben.</numerusform>
            <numerusform>Das Support-Paket wurde gespeichert als
%1

%n Werte, die wie Geheimnisse aussahen, wurden entfernt. Bitte sehen Sie es durch, bevor Sie es weitergeben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Support bundle not saved</source>
        <translation>Support-Paket nicht gespeichert</translation>
    </message>
    <message>
        <source>The support bundle could not be saved.
%1</source>
        <translation>Das Support-Paket konnte nicht gespeichert werden.
%1</translation>
    </message>
</context>
<context>
    <name>ops::NotificationPolicy</name>
    <message>
        <source>%1: %2</source>
        <comment>source title: level</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: back to normal</source>
        <comment>source title</comment>
        <translation>%1: wieder normal</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more changes</source>
        <comment>notifications held back by the rate limit (always 2 or more)</comment>
        <translation>
            <numerusform>… und %n weitere Änderung</numerusform>
            <numerusform>… und %n weitere Änderungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::PoisonQueueModel</name>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Poisoned at</source>
        <translation>In Poison-Queue seit</translation>
    </message>
    <message>
        <source>No error recorded</source>
        <translation>Kein Fehler protokolliert</translation>
    </message>
</context>
<context>
    <name>ops::PostgresProbe</name>
    <message>
        <source>No answer from PostgreSQL within %1 s</source>
        <translation>Keine Antwort von PostgreSQL innerhalb von %1 s</translation>
    </message>
    <message>
        <source>The previous PostgreSQL check is still waiting for the server</source>
        <translation>Die vorherige PostgreSQL-Prüfung wartet noch auf den Server</translation>
    </message>
</context>
<context>
    <name>ops::PostgresProbeWorker</name>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed</source>
        <translation>Der PostgreSQL-Treiber (QPSQL) ist nicht installiert</translation>
    </message>
    <message>
        <source>Connection to PostgreSQL lost</source>
        <translation>Verbindung zu PostgreSQL verloren</translation>
    </message>
    <message>
        <source>Could not connect to PostgreSQL</source>
        <translation>Verbindung zu PostgreSQL fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ops::PreferencesDialog</name>
    <message>
        <source>Use my own &amp;refresh interval</source>
        <translation>Eigenes &amp;Aktualisierungsintervall verwenden</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Lock &amp;sooner than the profile says</source>
        <translation>&amp;Früher sperren als im Profil festgelegt</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Use my own refresh interval</source>
        <translation>Eigenes Aktualisierungsintervall verwenden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Refresh interval in seconds</source>
        <translation>Aktualisierungsintervall in Sekunden</translation>
    </message>
    <message>
        <source>Refresh &amp;every:</source>
        <translation>Aktualisieren a&amp;lle:</translation>
    </message>
    <message>
        <source>The profile “%1” refreshes every %2 s; at least %3 s.</source>
        <translation>Das Profil „%1“ aktualisiert alle %2 s; mindestens %3 s.</translation>
    </message>
    <message>
        <source>AUTO_REFRESH_INTERVAL_SECONDS is set and wins for this run.</source>
        <translation>AUTO_REFRESH_INTERVAL_SECONDS ist gesetzt und hat für diesen Lauf Vorrang.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The new language takes effect after a restart.</source>
        <translation>Die neue Sprache wird nach einem Neustart wirksam.</translation>
    </message>
    <message>
        <source>Language note</source>
        <translation>Hinweis zur Sprache</translation>
    </message>
    <message>
        <source>Show desktop notifications</source>
        <translation>Desktop-Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <source>Desktop notifications when a service or the circuit breaker changes state</source>
        <translation>Desktop-Benachrichtigungen, wenn ein Dienst oder der Circuit Breaker den Zustand wechselt</translation>
    </message>
    <message>
        <source>Lock sooner than the profile says</source>
        <translation>Früher sperren als im Profil festgelegt</translation>
    </message>
    <message>
        <source>Idle minutes before the console locks</source>
        <translation>Minuten ohne Aktivität, bevor die Konsole gesperrt wird</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>The profile “%1” locks after %2 min without input; you can choose a shorter time, not a longer one.</source>
        <translation>Das Profil „%1“ sperrt nach %2 min ohne Eingabe; Sie können eine kürzere Zeit wählen, keine längere.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Lock after a time without &amp;input</source>
        <translation>Nach einer Zeit ohne &amp;Eingabe sperren</translation>
    </message>
    <message>
        <source>Lock after a time without input</source>
        <translation>Nach einer Zeit ohne Eingabe sperren</translation>
    </message>
    <message>
        <source>The profile “%1” never locks by itself.</source>
        <translation>Das Profil „%1“ sperrt nie von selbst.</translation>
    </message>
    <message>
        <source>Lock &amp;after:</source>
        <translation>Sperren &amp;nach:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
</context>
<context>
    <name>ops::PrometheusClient</name>
    <message>
        <source>Prometheus is not configured for this profile.</source>
        <translation>Prometheus ist für dieses Profil nicht konfiguriert.</translation>
    </message>
    <message>
        <source>The Prometheus address is not a valid http(s) URL.</source>
        <translation>Die Prometheus-Adresse ist keine gültige http(s)-URL.</translation>
    </message>
    <message>
        <source>No answer from Prometheus within %1 s.</source>
        <translation>Keine Antwort von Prometheus innerhalb von %1 s.</translation>
    </message>
    <message>
        <source>Prometheus&apos; answer is too large (over %1 MiB).</source>
        <translation>Die Antwort von Prometheus ist zu groß (über %1 MiB).</translation>
    </message>
    <message>
        <source>Prometheus could not be reached: %1</source>
        <translation>Prometheus ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Prometheus answered HTTP %1 with a web page instead of JSON (a proxy or login page?).</source>
        <translation>Prometheus hat mit HTTP %1 und einer Webseite statt JSON geantwortet (eine Proxy- oder Anmeldeseite?).</translation>
    </message>
    <message>
        <source>Prometheus answered HTTP %1 with an empty body.</source>
        <translation>Prometheus hat mit HTTP %1 und leerem Antwortinhalt geantwortet.</translation>
    </message>
    <message>
        <source>Prometheus answered HTTP %1 with something that is not valid JSON (%2).</source>
        <translation>Prometheus hat mit HTTP %1 und etwas geantwortet, das kein gültiges JSON ist (%2).</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>Prometheus refused the query: %1</source>
        <translation>Prometheus hat die Abfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>Prometheus refused the query (%1): %2</source>
        <translation>Prometheus hat die Abfrage abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>Prometheus answered HTTP %1.</source>
        <translation>Prometheus hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <source>Prometheus&apos; answer has no &quot;status&quot;: &quot;success&quot;.</source>
        <translation>Die Antwort von Prometheus enthält kein &quot;status&quot;: &quot;success&quot;.</translation>
    </message>
    <message>
        <source>Prometheus&apos; answer is malformed (%1).</source>
        <translation>Die Antwort von Prometheus ist fehlerhaft (%1).</translation>
    </message>
    <message>
        <source>result is not a list</source>
        <translation>result ist keine Liste</translation>
    </message>
    <message>
        <source>a series is not an object</source>
        <translation>eine Serie ist kein Objekt</translation>
    </message>
    <message>
        <source>a series has no values</source>
        <translation>eine Serie hat keine Werte</translation>
    </message>
    <message>
        <source>a sample is not [time, value]</source>
        <translation>ein Messwert ist nicht [time, value]</translation>
    </message>
    <message>
        <source>unexpected result type &quot;%1&quot;</source>
        <translation>unerwarteter Ergebnistyp &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ops::RetryConfirmDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retry poisoned deliveries</source>
        <translation>Zustellungen aus der Poison-Queue wiederholen</translation>
    </message>
    <message>
        <source>Retry 1 poisoned delivery?</source>
        <translation>1 Zustellung aus der Poison-Queue wiederholen?</translation>
    </message>
    <message numerus="yes">
        <source>Retry %n poisoned deliveries?</source>
        <translation>
            <numerusform>%n Zustellung aus der Poison-Queue wiederholen?</numerusform>
            <numerusform>%n Zustellungen aus der Poison-Queue wiederholen?</numerusform>
        </translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was geschehen wird</translation>
    </message>
    <message>
        <source>Channels: %1</source>
        <translation>Kanäle: %1</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>#%1 %2 to %3 — %4</source>
        <translation>#%1 %2 an %3 — %4</translation>
    </message>
    <message>
        <source>no error recorded</source>
        <translation>kein Fehler protokolliert</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Deliveries to retry</source>
        <translation>Zu wiederholende Zustellungen</translation>
    </message>
    <message>
        <source>Each delivery goes back to pending with its attempts set to 0, and the delivery worker tries it again within its channel&apos;s rate limit. Each retry is one request and is recorded in the audit log under your name.</source>
        <translation>Jede Zustellung wird wieder auf ausstehend gesetzt und ihre Versuche werden auf 0 zurückgesetzt; der Zustell-Worker versucht sie innerhalb der Ratenbegrenzung ihres Kanals erneut. Jede Wiederholung ist eine Anfrage und wird unter Ihrem Namen im Audit-Protokoll protokolliert.</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Retry 1 delivery</source>
        <translation>1 Zustellung &amp;wiederholen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Retry %n deliveries</source>
        <translation>
            <numerusform>%n Zustellung &amp;wiederholen</numerusform>
            <numerusform>%n Zustellungen &amp;wiederholen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>unknown channel</source>
        <translation>unbekannter Kanal</translation>
    </message>
    <message>
        <source>%1 of %2 answered…</source>
        <translation>%1 von %2 beantwortet…</translation>
    </message>
    <message>
        <source>Retrying %1 of %2…</source>
        <translation>%1 von %2 wird wiederholt…</translation>
    </message>
</context>
<context>
    <name>ops::SecretDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>I have &amp;copied this key and stored it safely</source>
        <translation>Ich habe diesen Schlüssel kopiert und sicher &amp;aufbewahrt</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>New API key — %1</source>
        <translation>Neuer API-Schlüssel — %1</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>This is the only time the key &quot;%1&quot; is shown. Copy it now: it cannot be shown again.</source>
        <translation>Der Schlüssel &quot;%1&quot; wird nur dieses eine Mal angezeigt. Kopieren Sie ihn jetzt: Er kann nicht erneut angezeigt werden.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Copy the key to the clipboard</source>
        <translation>Schlüssel in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>I have copied this key</source>
        <translation>Ich habe diesen Schlüssel kopiert</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in %1 s if it still holds the key.</source>
        <translation>Kopiert. Die Zwischenablage wird in %1 s geleert, falls sie den Schlüssel noch enthält.</translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation>Die Zwischenablage wurde geleert.</translation>
    </message>
</context>
<context>
    <name>ops::ServiceDetailDialog</name>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Statusverlauf</translation>
    </message>
    <message>
        <source>Service details — %1</source>
        <translation>Dienstdetails — %1</translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation>Rohantwort</translation>
    </message>
    <message>
        <source>&amp;Components</source>
        <translation>&amp;Komponenten</translation>
    </message>
    <message>
        <source>&amp;Raw response</source>
        <translation>&amp;Rohantwort</translation>
    </message>
    <message>
        <source>Status &amp;history</source>
        <translation>Status&amp;verlauf</translation>
    </message>
    <message>
        <source>&amp;Latency</source>
        <translation>&amp;Latenz</translation>
    </message>
    <message>
        <source>Detail sections</source>
        <translation>Detailbereiche</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Version: %1    Last operation: %2 (%3)</source>
        <translation>Version: %1    Letzter Vorgang: %2 (%3)</translation>
    </message>
    <message>
        <source>Last good answer: %1    Last attempt: %2</source>
        <translation>Letzte gültige Antwort: %1    Letzter Versuch: %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>No answer received yet.</source>
        <translation>Noch keine Antwort erhalten.</translation>
    </message>
</context>
<context>
    <name>ops::ServiceHealthTracker</name>
    <message>
        <source>Unknown error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
    <message>
        <source>Waiting for the first answer</source>
        <translation>Warte auf die erste Antwort</translation>
    </message>
    <message numerus="yes">
        <source>Stale — no fresh data for %n s</source>
        <translation>
            <numerusform>Veraltet — seit %n s keine aktuellen Daten</numerusform>
            <numerusform>Veraltet — seit %n s keine aktuellen Daten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stale — last good data %n s ago</source>
        <translation>
            <numerusform>Veraltet — letzte gültige Daten vor %n s</numerusform>
            <numerusform>Veraltet — letzte gültige Daten vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unreachable — last good data %n s ago</source>
        <translation>
            <numerusform>Nicht erreichbar — letzte gültige Daten vor %n s</numerusform>
            <numerusform>Nicht erreichbar — letzte gültige Daten vor %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Unreachable — no answer yet</source>
        <translation>Nicht erreichbar — noch keine Antwort</translation>
    </message>
    <message numerus="yes">
        <source>Answered %n s ago</source>
        <translation>
            <numerusform>Antwort vor %n s</numerusform>
            <numerusform>Antwort vor %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::ServiceProbe</name>
    <message>
        <source>Timed out after %1 s</source>
        <translation>Zeitüberschreitung nach %1 s</translation>
    </message>
    <message>
        <source>Response too large (over %1 MiB)</source>
        <translation>Antwort zu groß (über %1 MiB)</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation>Host nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Connection closed by the server before it answered</source>
        <translation>Verbindung vom Server geschlossen, bevor er antwortete</translation>
    </message>
    <message>
        <source>Alive, but the readiness check failed: %1</source>
        <translation>Läuft, aber die Bereitschaftsprüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>ready: %1</source>
        <translation>Bereitschaft: %1</translation>
    </message>
    <message>
        <source>Alive, not ready yet (initialising)</source>
        <translation>Läuft, noch nicht bereit (startet)</translation>
    </message>
    <message>
        <source>Alive, but not ready (%1)</source>
        <translation>Läuft, aber nicht bereit (%1)</translation>
    </message>
</context>
<context>
    <name>ops::ServiceTile</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>— ms</source>
        <translation>— ms</translation>
    </message>
    <message>
        <source>version —</source>
        <translation>Version —</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>last op %1</source>
        <translation>letzter Vorgang %1</translation>
    </message>
    <message>
        <source>last op —</source>
        <translation>letzter Vorgang —</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ops::Session</name>
    <message>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The platform asks you to sign in again.</source>
        <translation>Die Plattform fordert Sie auf, sich erneut anzumelden.</translation>
    </message>
    <message>
        <source>Please sign in.</source>
        <translation>Bitte melden Sie sich an.</translation>
    </message>
    <message>
        <source>The platform accepted the sign-in but sent no token.</source>
        <translation>Die Plattform hat die Anmeldung akzeptiert, aber kein Token gesendet.</translation>
    </message>
    <message>
        <source>The sign-in could not be remembered.</source>
        <translation>Die Anmeldung konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>Not sent: you signed out.</source>
        <translation>Nicht gesendet: Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <source>Not sent: too many requests were waiting for a sign-in.</source>
        <translation>Nicht gesendet: Zu viele Anfragen haben auf eine Anmeldung gewartet.</translation>
    </message>
</context>
<context>
    <name>ops::ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Find a shortcut</source>
        <translation>Tastenkürzel suchen</translation>
    </message>
    <message>
        <source>Action or key</source>
        <translation>Aktion oder Taste</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Everywhere: Tab and Shift+Tab move between controls, Enter opens or confirms, Escape closes a dialog. Ctrl+K finds any page or action by name.</source>
        <translation>Überall: Tab und Umschalt+Tab wechseln zwischen Bedienelementen, die Eingabetaste öffnet oder bestätigt, Esc schließt einen Dialog. Strg+K findet jede Seite oder Aktion nach ihrem Namen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>no shortcut</source>
        <translation>kein Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>ops::SignInDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>Auf diesem &amp;Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Sign in — %1</source>
        <translation>Anmelden — %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>PRODUCTION — %1: changes here affect live trading</source>
        <translation>PRODUKTION — %1: Änderungen hier wirken sich auf den Live-Handel aus</translation>
    </message>
    <message>
        <source>Environment: %1 (profile %2)</source>
        <translation>Umgebung: %1 (Profil %2)</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Why you are asked to sign in</source>
        <translation>Warum Sie sich anmelden sollen</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>Keeps your sign-in token in the system keychain so the console signs you in at start-up. Your password is never stored.</source>
        <translation>Speichert Ihr Anmelde-Token im System-Schlüsselbund, damit die Konsole Sie beim Start automatisch anmeldet. Ihr Passwort wird nie gespeichert.</translation>
    </message>
    <message>
        <source>About remembering</source>
        <translation>Hinweis zum Angemeldetbleiben</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Anmeldestatus</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Anmeldeproblem</translation>
    </message>
    <message>
        <source>Problem details</source>
        <translation>Problemdetails</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). Your sign-in is kept in memory for this session only; you will be asked again next time.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar (%1). Ihre Anmeldung wird nur für diese Sitzung im Arbeitsspeicher gehalten; beim nächsten Mal werden Sie erneut gefragt.</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Geben Sie Ihren Benutzernamen und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Wait a moment before trying again.</source>
        <translation>Zu viele fehlgeschlagene Versuche. Warten Sie einen Moment, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was refused: %1</source>
        <translation>Das Zertifikat des Servers wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time. Check the connection and try again.</source>
        <translation>Der Server unter %1 hat nicht rechtzeitig geantwortet. Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1: %2</source>
        <translation>Der Server unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>This account may not sign in here: %1</source>
        <translation>Dieses Konto darf sich hier nicht anmelden: %1</translation>
    </message>
    <message>
        <source>The server failed to sign you in (HTTP %1). Try again later.</source>
        <translation>Der Server konnte Sie nicht anmelden (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Sign-in was refused (HTTP %1): %2</source>
        <translation>Die Anmeldung wurde abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in %1 s.</source>
        <translation>Zu viele fehlgeschlagene Versuche. Versuchen Sie es in %1 s erneut.</translation>
    </message>
</context>
<context>
    <name>ops::SlaChart</name>
    <message>
        <source>Target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>Page above %1</source>
        <translation>Alarmierung über %1</translation>
    </message>
    <message>
        <source>%1, last hour</source>
        <translation>%1, letzte Stunde</translation>
    </message>
    <message>
        <source>%1 chart status</source>
        <translation>Status des Diagramms %1</translation>
    </message>
    <message>
        <source>Loading the last hour from Prometheus…</source>
        <translation>Letzte Stunde wird von Prometheus geladen…</translation>
    </message>
    <message>
        <source>No data in the last hour</source>
        <translation>Keine Daten in der letzten Stunde</translation>
    </message>
    <message>
        <source>⚠ Query failed: %1</source>
        <translation>⚠ Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Showing the hour as of %1 (%2 ago), greyed.</source>
        <translation>Die Stunde mit Stand %1 (vor %2) wird ausgegraut angezeigt.</translation>
    </message>
    <message>
        <source>No earlier answer to show.</source>
        <translation>Keine frühere Antwort vorhanden.</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) over the last hour; highest %1</source>
        <translation>
            <numerusform>%n Punkt in der letzten Stunde; Höchstwert %1</numerusform>
            <numerusform>%n Punkte in der letzten Stunde; Höchstwert %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::SlaModel</name>
    <message>
        <source>Prometheus not configured for this profile</source>
        <translation>Prometheus für dieses Profil nicht konfiguriert</translation>
    </message>
    <message>
        <source>Waiting for Prometheus…</source>
        <translation>Warte auf Prometheus…</translation>
    </message>
    <message>
        <source>No data in the last 5 minutes</source>
        <translation>Keine Daten in den letzten 5 Minuten</translation>
    </message>
    <message>
        <source>query failed: %1 (last value %2 old)</source>
        <translation>Abfrage fehlgeschlagen: %1 (letzter Wert %2 alt)</translation>
    </message>
    <message>
        <source>query failed: %1 (no earlier value)</source>
        <translation>Abfrage fehlgeschlagen: %1 (kein früherer Wert)</translation>
    </message>
    <message>
        <source>updated %1 ago</source>
        <translation>vor %1 aktualisiert</translation>
    </message>
    <message>
        <source>%1: %2, %3 (target %4); %5</source>
        <translation>%1: %2, %3 (Ziel %4); %5</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Aktueller Wert</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielvorgabe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ops::SlaPanel</name>
    <message>
        <source>Prometheus source</source>
        <translation>Prometheus-Quelle</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Service level targets</source>
        <translation>Service-Level-Ziele</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Ask Prometheus again now (F5)</source>
        <translation>Prometheus jetzt erneut abfragen (F5)</translation>
    </message>
    <message>
        <source>%1: target</source>
        <translation>%1: Ziel</translation>
    </message>
    <message>
        <source>%1: current value</source>
        <translation>%1: aktueller Wert</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>%1: objective</source>
        <translation>%1: Zielvorgabe</translation>
    </message>
    <message>
        <source>%1: status icon</source>
        <translation>%1: Statussymbol</translation>
    </message>
    <message>
        <source>%1: status</source>
        <translation>%1: Status</translation>
    </message>
    <message>
        <source>%1: updated</source>
        <translation>%1: aktualisiert</translation>
    </message>
    <message>
        <source>Service level target cards</source>
        <translation>Karten der Service-Level-Ziele</translation>
    </message>
    <message>
        <source>Prometheus not configured</source>
        <translation>Prometheus nicht konfiguriert</translation>
    </message>
    <message>
        <source>Prometheus not configured for this profile.
Add its address (prometheus_url) to the connection profile to see the service level targets.</source>
        <translation>Prometheus ist für dieses Profil nicht konfiguriert.
Fügen Sie seine Adresse (prometheus_url) zum Verbindungsprofil hinzu, um die Service-Level-Ziele zu sehen.</translation>
    </message>
    <message>
        <source>From Prometheus at %1, every %2 s; charts show the last hour.</source>
        <translation>Von Prometheus unter %1, alle %2 s; die Diagramme zeigen die letzte Stunde.</translation>
    </message>
</context>
<context>
    <name>ops::SlaTarget</name>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Erfüllt</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Verletzt</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Alarmierung</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Query failed</source>
        <translation>Abfrage fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Nicht konfiguriert</translation>
    </message>
    <message>
        <source>Breaker staleness</source>
        <translation>Breaker-Datenalter</translation>
    </message>
    <message>
        <source>Alert delivery P95</source>
        <translation>Alarmzustellung P95</translation>
    </message>
    <message>
        <source>Audit write P95</source>
        <translation>Audit-Schreibvorgang P95</translation>
    </message>
    <message>
        <source>Poison queue</source>
        <translation>Poison-Queue</translation>
    </message>
    <message>
        <source>s</source>
        <comment>unit: seconds</comment>
        <translation>s</translation>
    </message>
    <message>
        <source>∞ s</source>
        <translation>∞ s</translation>
    </message>
    <message>
        <source>−∞ s</source>
        <translation>−∞ s</translation>
    </message>
    <message>
        <source>∞</source>
        <translation>∞</translation>
    </message>
    <message>
        <source>−∞</source>
        <translation>−∞</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>%1 (page &gt; %2)</source>
        <translation>%1 (Alarmierung &gt; %2)</translation>
    </message>
</context>
<context>
    <name>ops::SupportBundle</name>
    <message>
        <source>Too many files for a ZIP archive.</source>
        <translation>Zu viele Dateien für ein ZIP-Archiv.</translation>
    </message>
    <message>
        <source>Invalid name inside the archive: %1</source>
        <translation>Ungültiger Name im Archiv: %1</translation>
    </message>
    <message>
        <source>%1 is too large for a ZIP archive.</source>
        <translation>%1 ist zu groß für ein ZIP-Archiv.</translation>
    </message>
    <message>
        <source>The archive would be larger than 4 GiB.</source>
        <translation>Das Archiv wäre größer als 4 GiB.</translation>
    </message>
    <message>
        <source>No file name given.</source>
        <translation>Kein Dateiname angegeben.</translation>
    </message>
    <message numerus="yes">
        <source>settings.ini: %n value(s) redacted</source>
        <translation>
            <numerusform>settings.ini: %n Wert entfernt</numerusform>
            <numerusform>settings.ini: %n Werte entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>health.json: %n value(s) redacted</source>
        <translation>
            <numerusform>health.json: %n Wert entfernt</numerusform>
            <numerusform>health.json: %n Werte entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>health.json: no health snapshot was available</source>
        <translation>health.json: Es war kein Zustandsschnappschuss verfügbar</translation>
    </message>
    <message>
        <source>logs/%1: left out (%2 bytes; the bundle&apos;s log limit was reached)</source>
        <translation>logs/%1: ausgelassen (%2 Bytes; das Protokolllimit des Pakets wurde erreicht)</translation>
    </message>
    <message>
        <source>logs/%1: could not be read (%2)</source>
        <translation>logs/%1: konnte nicht gelesen werden (%2)</translation>
    </message>
    <message numerus="yes">
        <source>logs/%1: %n value(s) redacted</source>
        <translation>
            <numerusform>logs/%1: %n Wert entfernt</numerusform>
            <numerusform>logs/%1: %n Werte entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>logs: no log files in %1</source>
        <translation>logs: keine Protokolldateien in %1</translation>
    </message>
    <message>
        <source>Ops Console support bundle
Created: %1

Secrets are removed before anything is written here: tokens, Authorization and Cookie headers, passwords, API key secrets, JWTs, passwords in URLs, private keys and the values of secret settings are replaced by %2. Check the files before you send them on.

</source>
        <translation>Ops Console Support-Paket
Erstellt: %1

Geheimnisse werden entfernt, bevor hier etwas geschrieben wird: Token, Authorization- und Cookie-Header, Passwörter, Geheimnisse von API-Schlüsseln, JWTs, Passwörter in URLs, private Schlüssel und die Werte geheimer Einstellungen werden durch %2 ersetzt. Prüfen Sie die Dateien, bevor Sie sie weitergeben.

</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ops::TrayIcon</name>
    <message>
        <source>Ops Console tray menu</source>
        <translation>Tray-Menü der Ops Console</translation>
    </message>
    <message>
        <source>&amp;Show Ops Console</source>
        <translation>Ops Console &amp;anzeigen</translation>
    </message>
    <message>
        <source>Bring the Ops Console window to the front</source>
        <translation>Das Fenster der Ops Console in den Vordergrund holen</translation>
    </message>
    <message>
        <source>&amp;Notifications enabled</source>
        <translation>Be&amp;nachrichtigungen aktiviert</translation>
    </message>
    <message>
        <source>Desktop notifications when a state changes</source>
        <translation>Desktop-Benachrichtigungen bei Zustandswechseln</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit Ops Console</source>
        <translation>Ops Console beenden</translation>
    </message>
    <message>
        <source>Ops Console: %1</source>
        <comment>worst level</comment>
        <translation>Ops Console: %1</translation>
    </message>
    <message>
        <source>Ops Console: %1 (%2)</source>
        <comment>worst level (sources)</comment>
        <translation>Ops Console: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ops::timetext</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
</TS>
