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
