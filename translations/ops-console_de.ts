<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Ops Console: system health, circuit breaker and administration for trading and risk platforms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile to use (default: sandbox).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings file with the profiles (default: the per-user settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the known profiles and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run one health refresh without a window, print it, and exit non-zero when any tile is not healthy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --check: print JSON instead of a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log level: trace, debug, info, warn, error, off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ops-console: no profile named &quot;%1&quot; (known: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ops-console: profile &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ConnectionProfile</name>
    <message>
        <source>The profile has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile lists no services.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service &quot;%1&quot; is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The health URL of &quot;%1&quot; is not an http(s) URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::EnvironmentBanner</name>
    <message>
        <source>PRODUCTION — %1 — changes here affect live trading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment: %1 (profile %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::Health</name>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initialising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::HealthMonitor</name>
    <message>
        <source>%1 did not answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not report Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SELECT 1 answered in %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::HealthPage</name>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh every tile now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume automatic refresh (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume automatic refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data freshness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh PAUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Next refresh in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>PAUSED — automatic refresh is stopped and the data below is not updating. Press Space to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>last fully successful refresh at %1 (%n s ago)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no fully successful refresh yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tile(s) show stale or unreachable data; %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::HealthParser</name>
    <message>
        <source>Unexpected HTML page instead of a health answer (a login page?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 with an HTML error page (proxy?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>component %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored &apos;%1&apos; of the wrong type</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n malformed entries in &apos;%1&apos;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Ignored &apos;status&apos; of the wrong type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrecognised status &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No status in body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 although the body says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response too large (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malformed JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected JSON (not an object)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::HealthReport</name>
    <message>
        <source>SERVICE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RESPONSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAST OPERATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::LatencyChart</name>
    <message>
        <source>Response time (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Latency — %1 (%n poll(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::MainWindow</name>
    <message>
        <source>Ops Console — PRODUCTION (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ops Console — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Ops Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Ops Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ops Console %1
A desktop console for operators of trading and risk platforms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last full refresh %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No full refresh yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PAUSED — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::PostgresProbe</name>
    <message>
        <source>No answer from PostgreSQL within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous PostgreSQL check is still waiting for the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::PostgresProbeWorker</name>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to PostgreSQL lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to PostgreSQL</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ServiceDetailDialog</name>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service details — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Components</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Raw response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version: %1    Last operation: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last good answer: %1    Last attempt: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer received yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ServiceHealthTracker</name>
    <message>
        <source>Unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the first answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stale — no fresh data for %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stale — last good data %n s ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unreachable — last good data %n s ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unreachable — no answer yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ServiceProbe</name>
    <message>
        <source>Timed out after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response too large (over %1 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection closed by the server before it answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alive, but the readiness check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alive, not ready yet (initialising)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alive, but not ready (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ServiceTile</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last op %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last op —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
