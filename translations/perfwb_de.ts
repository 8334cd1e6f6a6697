<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/summaryview.cpp" line="23"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="26"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="28"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="29"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::AllocationsView</name>
    <message>
        <location filename="../ui/allocationsview.cpp" line="38"/>
        <source>Allocated bytes</source>
        <translation>Allokierte Bytes</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="39"/>
        <source>Bytes requested by each call path over the whole run</source>
        <translation>Von jedem Aufrufpfad über den ganzen Lauf angeforderte Bytes</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="40"/>
        <source>Allocations (calls)</source>
        <translation>Allokationen (Aufrufe)</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="41"/>
        <source>Number of malloc-family calls by each call path</source>
        <translation>Anzahl der malloc-Aufrufe je Aufrufpfad</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="42"/>
        <source>Leaked bytes</source>
        <translation>Verlorene Bytes (Leaks)</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="43"/>
        <source>Bytes still allocated when the program ended</source>
        <translation>Bytes, die bei Programmende noch belegt waren</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="44"/>
        <source>Peak heap</source>
        <translation>Heap-Spitze</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="45"/>
        <source>Bytes each call path held at the moment of the peak heap</source>
        <translation>Bytes, die jeder Aufrufpfad im Moment der Heap-Spitze hielt</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="46"/>
        <source>Temporary allocations</source>
        <translation>Temporäre Allokationen</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="47"/>
        <source>Allocations freed before the thread allocated anything else</source>
        <translation>Allokationen, die freigegeben wurden, bevor der Thread etwas anderes allokierte</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="78"/>
        <source>&amp;Cost:</source>
        <translation>&amp;Kosten:</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="85"/>
        <source>Flame Graph</source>
        <translation>Flammengraph</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="86"/>
        <source>Top-Down</source>
        <translation>Top-down</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="87"/>
        <source>Bottom-Up</source>
        <translation>Bottom-up</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="88"/>
        <source>Heap</source>
        <translation>Heap</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="197"/>
        <source>%L1 ms</source>
        <translation>%L1 ms</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="197"/>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="198"/>
        <source>%1 calls, %2 allocated · peak %3 at %4 · leaked %5 in %6 blocks · %7 temporary</source>
        <translation>%1 Aufrufe, %2 allokiert · Spitze %3 bei %4 · Leaks %5 in %6 Blöcken · %7 temporär</translation>
    </message>
    <message>
        <location filename="../ui/allocationsview.cpp" line="213"/>
        <source>peak %1</source>
        <translation>Spitze %1</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::AssetTableModel</name>
    <message>
        <location filename="../ui/assettablemodel.cpp" line="8"/>
        <source>Asset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <location filename="../ui/assettablemodel.cpp" line="8"/>
        <source>Size MB</source>
        <translation>Größe MB</translation>
    </message>
    <message>
        <location filename="../ui/assettablemodel.cpp" line="8"/>
        <source>Last touch</source>
        <translation>Letzter Zugriff</translation>
    </message>
    <message>
        <location filename="../ui/assettablemodel.cpp" line="37"/>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::AttachDialog</name>
    <message>
        <location filename="../ui/attachdialog.cpp" line="27"/>
        <source>Attach to Process</source>
        <translation>An Prozess anhängen</translation>
    </message>
    <message>
        <location filename="../ui/attachdialog.cpp" line="34"/>
        <source>Filter by name, PID, user or command line</source>
        <translation>Nach Name, PID, Benutzer oder Befehlszeile filtern</translation>
    </message>
    <message>
        <location filename="../ui/attachdialog.cpp" line="58"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/attachdialog.cpp" line="59"/>
        <source>until stopped</source>
        <translation>bis zum Beenden</translation>
    </message>
    <message>
        <location filename="../ui/attachdialog.cpp" line="64"/>
        <source>&amp;Attach</source>
        <translation>&amp;Anhängen</translation>
    </message>
    <message>
        <location filename="../ui/attachdialog.cpp" line="69"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <location filename="../ui/attachdialog.cpp" line="146"/>
        <source>This is perfwb itself: pick another process.</source>
        <translation>Das ist perfwb selbst: Wählen Sie einen anderen Prozess.</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::BackgroundJob</name>
    <message>
        <location filename="../ui/backgroundjob.cpp" line="12"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/backgroundjob.cpp" line="13"/>
        <source>perfwb</source>
        <translation>perfwb</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::BudgetsPage</name>
    <message>
        <location filename="../ui/budgetspage.cpp" line="49"/>
        <source>Turn on</source>
        <translation>Einschalten</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="51"/>
        <source>Sets features.enable_perf in perfwb&apos;s config file, as `perfwb config set` does</source>
        <translation>Setzt features.enable_perf in der Konfigurationsdatei von perfwb, wie es `perfwb config set` tut</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="61"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="67"/>
        <source>Limits</source>
        <translation>Grenzwerte</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="68"/>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="69"/>
        <source>Assets</source>
        <translation>Assets</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="70"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="99"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="99"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="100"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="100"/>
        <location filename="../ui/budgetspage.cpp" line="101"/>
        <location filename="../ui/budgetspage.cpp" line="104"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="101"/>
        <source>VRAM</source>
        <translation>VRAM</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="102"/>
        <source>Running jobs</source>
        <translation>Laufende Jobs</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="102"/>
        <location filename="../ui/budgetspage.cpp" line="103"/>
        <source>jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="103"/>
        <source>Queue depth</source>
        <translation>Warteschlangenlänge</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="104"/>
        <source>Lazy assets</source>
        <translation>Lazy-Assets</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="138"/>
        <source>Evict</source>
        <translation>Entladen</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="140"/>
        <source>Unload the selected assets now (POST /budgets/assets/evict)</source>
        <translation>Die ausgewählten Assets jetzt entladen (POST /budgets/assets/evict)</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="189"/>
        <source>VRAM not measured: %1</source>
        <translation>VRAM nicht gemessen: %1</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="206"/>
        <source>The budget manager is off: jobs are not admitted and the gauges are not updated (features.enable_perf in %1).</source>
        <translation>Der Budget-Manager ist ausgeschaltet: Jobs werden nicht zugelassen und die Anzeigen nicht aktualisiert (features.enable_perf in %1).</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="210"/>
        <source>The profiler dashboard is off: marks and spans are refused.</source>
        <translation>Das Profiler-Dashboard ist ausgeschaltet: Markierungen und Spans werden abgewiesen.</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="216"/>
        <source>API: %1/api/perf (PERFWB_API_URL for programs recorded here)</source>
        <translation>API: %1/api/perf (PERFWB_API_URL für hier aufgezeichnete Programme)</translation>
    </message>
    <message>
        <location filename="../ui/budgetspage.cpp" line="217"/>
        <source>API not listening: %1</source>
        <translation>API lauscht nicht: %1</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::CallTreeModel</name>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="137"/>
        <source>%1
%2
self %3 (%4 %), total %5 (%6 %)</source>
        <translation>%1
%2
selbst %3 (%4 %), gesamt %5 (%6 %)</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="152"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="154"/>
        <source>Self</source>
        <translation>Selbst</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="156"/>
        <source>Self %</source>
        <translation>Selbst %</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="158"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="160"/>
        <source>Total %</source>
        <translation>Gesamt %</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="162"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="164"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::CallTreeView</name>
    <message>
        <location filename="../ui/calltreeview.cpp" line="33"/>
        <source>Filter functions</source>
        <translation>Funktionen filtern</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="60"/>
        <location filename="../ui/calltreeview.cpp" line="145"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="142"/>
        <source>Show in Flame Graph</source>
        <translation>Im Flammendiagramm zeigen</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="143"/>
        <source>Show Callers/Callees</source>
        <translation>Aufrufer/Aufgerufene zeigen</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="146"/>
        <source>Expand All</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="147"/>
        <source>Collapse All</source>
        <translation>Alle zuklappen</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::CallerCalleeView</name>
    <message>
        <location filename="../ui/callercalleeview.cpp" line="51"/>
        <source>Search functions</source>
        <translation>Funktionen suchen</translation>
    </message>
    <message>
        <location filename="../ui/callercalleeview.cpp" line="69"/>
        <source>Callers</source>
        <translation>Aufrufer</translation>
    </message>
    <message>
        <location filename="../ui/callercalleeview.cpp" line="70"/>
        <source>Callees</source>
        <translation>Aufgerufene</translation>
    </message>
    <message>
        <location filename="../ui/callercalleeview.cpp" line="174"/>
        <source>%1 — self %2 (%3 %), total %4 (%5 %)</source>
        <translation>%1 — selbst %2 (%3 %), gesamt %4 (%5 %)</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::CompareSummaryView</name>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="40"/>
        <source>Warn when the total time or a function grows by more than this</source>
        <translation>Warnen, wenn die Gesamtzeit oder eine Funktion um mehr als diesen Wert wächst</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="41"/>
        <source>Fail when the total time or a function grows by more than this</source>
        <translation>Als Fehler werten, wenn die Gesamtzeit oder eine Funktion um mehr als diesen Wert wächst</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="42"/>
        <source>Functions below this self share in both runs never move the verdict</source>
        <translation>Funktionen, deren Selbstanteil in beiden Läufen darunter liegt, ändern die Bewertung nie</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="56"/>
        <source>Warn above</source>
        <translation>Warnung über</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="57"/>
        <source>Fail above</source>
        <translation>Fehler über</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="58"/>
        <source>Minimum share</source>
        <translation>Mindestanteil</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="59"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="59"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="59"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="59"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="100"/>
        <source>Base: %1
New: %2</source>
        <translation>Basislauf: %1
Neuer Lauf: %2</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="103"/>
        <source>Comparing…</source>
        <translation>Vergleiche…</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="114"/>
        <source>%1: %2 → %3 (%4)</source>
        <translation>%1: %2 → %3 (%4)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/comparesummaryview.cpp" line="121"/>
        <source>%n function(s) beyond the thresholds</source>
        <translation>
            <numerusform>%n Funktion über den Schwellenwerten</numerusform>
            <numerusform>%n Funktionen über den Schwellenwerten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="122"/>
        <source>functions compared by %1</source>
        <translation>Funktionen verglichen nach %1</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="129"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::CompareView</name>
    <message>
        <location filename="../ui/compareview.cpp" line="42"/>
        <source>Swap Base and New</source>
        <translation>Basislauf und neuen Lauf tauschen</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="53"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="54"/>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="55"/>
        <source>Diff</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="57"/>
        <source>Absolute (CPU time)</source>
        <translation>Absolut (CPU-Zeit)</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="58"/>
        <source>Share of total</source>
        <translation>Anteil am Gesamten</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="61"/>
        <source>Compare by:</source>
        <translation>Vergleichen nach:</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="114"/>
        <source>Base: %1    New: %2</source>
        <translation>Basislauf: %1    Neuer Lauf: %2</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="115"/>
        <source>Base: %1</source>
        <translation>Basislauf: %1</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="116"/>
        <source>New: %1</source>
        <translation>Neuer Lauf: %1</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="144"/>
        <source>Absolute (%1)</source>
        <translation>Absolut (%1)</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ComparisonDocument</name>
    <message>
        <location filename="../ui/comparisondocument.cpp" line="48"/>
        <source>%1 ↔ %2</source>
        <translation>%1 ↔ %2</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::DashboardView</name>
    <message>
        <location filename="../ui/dashboardview.cpp" line="49"/>
        <source>Top by time</source>
        <translation>Größter Zeitverbrauch</translation>
    </message>
    <message>
        <location filename="../ui/dashboardview.cpp" line="49"/>
        <source>Top by memory</source>
        <translation>Größter Speicherverbrauch</translation>
    </message>
    <message>
        <location filename="../ui/dashboardview.cpp" line="51"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/dashboardview.cpp" line="53"/>
        <source>Forget every mark and span (POST /profiler/reset)</source>
        <translation>Alle Markierungen und Spans verwerfen (POST /profiler/reset)</translation>
    </message>
    <message>
        <location filename="../ui/dashboardview.cpp" line="59"/>
        <location filename="../ui/dashboardview.cpp" line="124"/>
        <source>Span time by category</source>
        <translation>Span-Zeit nach Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/dashboardview.cpp" line="90"/>
        <source>%1 marks, %2 spans</source>
        <translation>%1 Markierungen, %2 Spans</translation>
    </message>
    <message>
        <location filename="../ui/dashboardview.cpp" line="123"/>
        <source>other %1 %</source>
        <translation>Sonstige %1 %</translation>
    </message>
    <message>
        <location filename="../ui/dashboardview.cpp" line="124"/>
        <source>No spans yet</source>
        <translation>Noch keine Spans</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::DeltaTableModel</name>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="102"/>
        <source>below min share</source>
        <translation>unter Mindestanteil</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="104"/>
        <source>within noise</source>
        <translation>im Rauschen</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="125"/>
        <source>%1 [%2]
self: %3 → %4 %5
total: %6 → %7 %5</source>
        <translation>%1 [%2]
selbst: %3 → %4 %5
gesamt: %6 → %7 %5</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="137"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="139"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="141"/>
        <source>Self before</source>
        <translation>Selbst vorher</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="143"/>
        <source>Self after</source>
        <translation>Selbst nachher</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="145"/>
        <source>Δ self</source>
        <translation>Δ selbst</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="147"/>
        <source>Δ self (rel.)</source>
        <translation>Δ selbst (rel.)</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="149"/>
        <source>Total before</source>
        <translation>Gesamt vorher</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="151"/>
        <source>Total after</source>
        <translation>Gesamt nachher</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="153"/>
        <source>Δ total</source>
        <translation>Δ gesamt</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="155"/>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::DiffFlameGraphWidget</name>
    <message>
        <location filename="../ui/diffflamegraphwidget.cpp" line="183"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;module: %2&lt;br&gt;before: %3 (%4 %5)&lt;br&gt;after: %6 (%7 %5)&lt;br&gt;delta: %8 (%9)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Modul: %2&lt;br&gt;vorher: %3 (%4 %5)&lt;br&gt;nachher: %6 (%7 %5)&lt;br&gt;Differenz: %8 (%9)</translation>
    </message>
    <message>
        <location filename="../ui/diffflamegraphwidget.cpp" line="188"/>
        <source>colour: %1</source>
        <translation>Farbe: %1</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::DiffView</name>
    <message>
        <location filename="../ui/diffview.cpp" line="40"/>
        <source>Back to the previous zoom</source>
        <translation>Zurück zum vorigen Zoom</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="42"/>
        <source>Reset zoom (show everything)</source>
        <translation>Zoom zurücksetzen (alles zeigen)</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="43"/>
        <source>Shape of the new run</source>
        <translation>Form des neuen Laufs</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="44"/>
        <source>Shape of the base run (vanished frames)</source>
        <translation>Form des Basislaufs (weggefallene Frames)</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="45"/>
        <source>Which run&apos;s call tree gives the graph its shape; frames only the base run has show in the base run&apos;s shape</source>
        <translation>Welcher Aufrufbaum dem Diagramm seine Form gibt; Frames, die nur der Basislauf hat, erscheinen in der Form des Basislaufs</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="47"/>
        <source>Search functions (regular expression)</source>
        <translation>Funktionen suchen (regulärer Ausdruck)</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="83"/>
        <source>Filter functions</source>
        <translation>Funktionen filtern</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="141"/>
        <source>slower</source>
        <translation>langsamer</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="141"/>
        <source>faster</source>
        <translation>schneller</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="142"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="143"/>
        <source>colour: %1</source>
        <translation>Farbe: %1</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="178"/>
        <source>invalid pattern</source>
        <translation>ungültiges Muster</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="180"/>
        <source>matched %1 %</source>
        <translation>%1 % gefunden</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::EngineText</name>
    <message>
        <location filename="../ui/enginetext.cpp" line="14"/>
        <source>wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="15"/>
        <source>CPU time</source>
        <translation>CPU-Zeit</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="16"/>
        <source>samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="17"/>
        <source>lost samples</source>
        <translation>verlorene Samples</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="18"/>
        <source>peak RSS</source>
        <translation>RSS-Spitze</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="19"/>
        <source>peak heap</source>
        <translation>Heap-Spitze</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="20"/>
        <source>allocations</source>
        <translation>Allokationen</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="21"/>
        <source>allocated bytes</source>
        <translation>allokierte Bytes</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="22"/>
        <source>leaked bytes</source>
        <translation>verlorene Bytes (Leaks)</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="23"/>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="24"/>
        <source>warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="25"/>
        <source>fail</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="26"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="27"/>
        <source>change in CPU time</source>
        <translation>Änderung der CPU-Zeit</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="28"/>
        <source>change in share of total</source>
        <translation>Änderung des Anteils am Gesamten</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="29"/>
        <source>change in samples</source>
        <translation>Änderung der Samples</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="30"/>
        <source>change in bytes</source>
        <translation>Änderung der Bytes</translation>
    </message>
    <message>
        <location filename="../ui/enginetext.cpp" line="31"/>
        <source>change in nanoseconds</source>
        <translation>Änderung der Nanosekunden</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ExportController</name>
    <message>
        <location filename="../ui/exportcontroller.cpp" line="111"/>
        <source>unknown export format &apos;%1&apos;</source>
        <translation>unbekanntes Exportformat „%1“</translation>
    </message>
    <message>
        <location filename="../ui/exportcontroller.cpp" line="143"/>
        <source>the comparison is still being computed; export again in a moment</source>
        <translation>der Vergleich wird noch berechnet; exportieren Sie gleich noch einmal</translation>
    </message>
    <message>
        <location filename="../ui/exportcontroller.cpp" line="110"/>
        <source>a comparison exports to HTML, SVG, Markdown or JSON, not &apos;%1&apos;</source>
        <translation>ein Vergleich wird als HTML, SVG, Markdown oder JSON exportiert, nicht als „%1“</translation>
    </message>
    <message>
        <location filename="../ui/exportcontroller.cpp" line="170"/>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ExportFormat</name>
    <message>
        <location filename="../ui/exportformats.cpp" line="31"/>
        <source>Flame graph (SVG)</source>
        <translation>Flammengraph (SVG)</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="32"/>
        <source>Report (HTML)</source>
        <translation>Bericht (HTML)</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="33"/>
        <source>Folded stacks</source>
        <translation>Gefaltete Stacks</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="34"/>
        <source>speedscope profile</source>
        <translation>speedscope-Profil</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="35"/>
        <source>pprof profile</source>
        <translation>pprof-Profil</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="36"/>
        <source>Chrome trace</source>
        <translation>Chrome-Trace</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="42"/>
        <source>Comparison report (HTML)</source>
        <translation>Vergleichsbericht (HTML)</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="42"/>
        <source>Differential flame graph (SVG)</source>
        <translation>Differenz-Flammengraph (SVG)</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="42"/>
        <source>Differential flame graph in the base run&apos;s shape (SVG)</source>
        <translation>Differenz-Flammengraph in der Form des Basislaufs (SVG)</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="42"/>
        <source>Before/after table (Markdown)</source>
        <translation>Vorher/Nachher-Tabelle (Markdown)</translation>
    </message>
    <message>
        <location filename="../ui/exportformats.cpp" line="42"/>
        <source>Comparison data (JSON)</source>
        <translation>Vergleichsdaten (JSON)</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ExportMenu</name>
    <message>
        <location filename="../ui/exportmenu.cpp" line="38"/>
        <source>Write the current selection into the standard output directory</source>
        <translation>Die aktuelle Auswahl in das Standard-Ausgabeverzeichnis schreiben</translation>
    </message>
    <message>
        <location filename="../ui/exportmenu.cpp" line="41"/>
        <source>Export &amp;As…</source>
        <translation>Exportieren &amp;als…</translation>
    </message>
    <message>
        <location filename="../ui/exportmenu.cpp" line="43"/>
        <source>Choose the format and the file to write</source>
        <translation>Format und Zieldatei wählen</translation>
    </message>
    <message>
        <location filename="../ui/exportmenu.cpp" line="101"/>
        <location filename="../ui/exportmenu.cpp" line="126"/>
        <source>Export As</source>
        <translation>Exportieren als</translation>
    </message>
    <message>
        <location filename="../ui/exportmenu.cpp" line="126"/>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ExportStatus</name>
    <message>
        <location filename="../ui/exportstatus.cpp" line="26"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../ui/exportstatus.cpp" line="27"/>
        <source>Open the exported file in its application</source>
        <translation>Die exportierte Datei in ihrer Anwendung öffnen</translation>
    </message>
    <message>
        <location filename="../ui/exportstatus.cpp" line="29"/>
        <source>Show Folder</source>
        <translation>Ordner zeigen</translation>
    </message>
    <message>
        <location filename="../ui/exportstatus.cpp" line="30"/>
        <source>Open the folder holding the exported file</source>
        <translation>Den Ordner mit der exportierten Datei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/exportstatus.cpp" line="49"/>
        <location filename="../ui/exportstatus.cpp" line="58"/>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../ui/exportstatus.cpp" line="69"/>
        <source>Nothing could open %1</source>
        <translation>Nichts konnte %1 öffnen</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FlameChartWidget</name>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="184"/>
        <source>No samples</source>
        <translation>Keine Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="331"/>
        <source>&lt;br&gt;%1 % in callees below the %2 % threshold (not drawn)</source>
        <translation>&lt;br&gt;%1 % in Aufgerufenen unter der Schwelle von %2 % (nicht gezeichnet)</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="473"/>
        <source>Click / Enter</source>
        <translation>Klick / Eingabe</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="473"/>
        <source>Flame graph: zoom into a frame / the current frame</source>
        <translation>Flammengraph: in einen Frame / den aktuellen Frame zoomen</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="474"/>
        <source>Backspace / right-click</source>
        <translation>Rücktaste / Rechtsklick</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="474"/>
        <source>Flame graph: back to the previous zoom</source>
        <translation>Flammengraph: zurück zum vorigen Zoom</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="475"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="475"/>
        <source>Flame graph: reset zoom (show everything)</source>
        <translation>Flammengraph: Zoom zurücksetzen (alles zeigen)</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="476"/>
        <source>Up / Down</source>
        <translation>Hoch / Runter</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="476"/>
        <source>Flame graph: current frame one row up / down (callee or caller)</source>
        <translation>Flammengraph: aktueller Frame eine Zeile hoch / runter (Aufgerufener oder Aufrufer)</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="477"/>
        <source>Left / Right</source>
        <translation>Links / Rechts</translation>
    </message>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="477"/>
        <source>Flame graph: previous / next frame under the same caller</source>
        <translation>Flammengraph: voriger / nächster Frame unter demselben Aufrufer</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FlameGraphOptions</name>
    <message>
        <location filename="../ui/flamegraphoptions.cpp" line="30"/>
        <source>&amp;Flame (Root at the Bottom)</source>
        <translation>&amp;Flamme (Wurzel unten)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphoptions.cpp" line="31"/>
        <source>&amp;Icicle (Root at the Top)</source>
        <translation>&amp;Eiszapfen (Wurzel oben)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphoptions.cpp" line="32"/>
        <source>Colour by &amp;Name</source>
        <translation>Farbe nach &amp;Name</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphoptions.cpp" line="33"/>
        <source>Colour by &amp;Module</source>
        <translation>Farbe nach &amp;Modul</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FlameGraphView</name>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="40"/>
        <source>Back to the previous zoom</source>
        <translation>Zurück zum vorigen Zoom</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="42"/>
        <source>Reset zoom (show everything)</source>
        <translation>Zoom zurücksetzen (alles zeigen)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="45"/>
        <source>Search functions (regular expression)</source>
        <translation>Funktionen suchen (regulärer Ausdruck)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="48"/>
        <source>Flame</source>
        <translation>Flamme</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="49"/>
        <source>Icicle</source>
        <translation>Eiszapfen</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="50"/>
        <source>Flame: root at the bottom; icicle: root at the top</source>
        <translation>Flamme: Wurzel unten; Eiszapfen: Wurzel oben</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="51"/>
        <source>Colour by name</source>
        <translation>Farbe nach Name</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="52"/>
        <source>Colour by module</source>
        <translation>Farbe nach Modul</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="99"/>
        <source>Threshold </source>
        <translation>Schwelle </translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="100"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="103"/>
        <source>Frames below this share of all samples are merged into their caller: not drawn, their time still in the caller&apos;s width (0: draw every frame)</source>
        <translation>Frames unter diesem Anteil aller Samples werden in ihren Aufrufer zusammengeführt: nicht gezeichnet, ihre Zeit bleibt in der Breite des Aufrufers (0: jeden Frame zeichnen)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="242"/>
        <source>invalid pattern</source>
        <translation>ungültiges Muster</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="245"/>
        <source>matched %1 %</source>
        <translation>%1 % gefunden</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="254"/>
        <location filename="../ui/flamegraphview.cpp" line="257"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FlameGraphWidget</name>
    <message>
        <location filename="../ui/flamegraphwidget.cpp" line="168"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;module: %2&lt;br&gt;%3self: %4 %5 (%6 %)&lt;br&gt;total: %7 %5 (%8 %)%9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Modul: %2&lt;br&gt;%3selbst: %4 %5 (%6 %)&lt;br&gt;gesamt: %7 %5 (%8 %)%9</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphwidget.cpp" line="171"/>
        <source>source: %1&lt;br&gt;</source>
        <translation>Quelle: %1&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphwidget.cpp" line="174"/>
        <source>&lt;br&gt;&lt;i&gt;inlined&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;inline eingefügt&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FunctionListModel</name>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="95"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="97"/>
        <source>Self</source>
        <translation>Selbst</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="97"/>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="99"/>
        <source>Self %</source>
        <translation>Selbst %</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="99"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="101"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="103"/>
        <source>Total %</source>
        <translation>Gesamt %</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="105"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::GaugeWidget</name>
    <message>
        <location filename="../ui/gaugewidget.cpp" line="52"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/gaugewidget.cpp" line="61"/>
        <source>%1 %2 (no limit)</source>
        <translation>%1 %2 (ohne Grenzwert)</translation>
    </message>
    <message>
        <location filename="../ui/gaugewidget.cpp" line="62"/>
        <source>%1 / %2 %3</source>
        <translation>%1 / %2 %3</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::JobTableModel</name>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="11"/>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="11"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="11"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="11"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="11"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="11"/>
        <source>RAM MB</source>
        <translation>RAM MB</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="11"/>
        <source>VRAM MB</source>
        <translation>VRAM MB</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="11"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../ui/jobtablemodel.cpp" line="65"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::LimitsEditor</name>
    <message>
        <location filename="../ui/limitseditor.cpp" line="21"/>
        <source>Max CPU</source>
        <translation>Max. CPU</translation>
    </message>
    <message>
        <location filename="../ui/limitseditor.cpp" line="22"/>
        <source>Max memory</source>
        <translation>Max. Speicher</translation>
    </message>
    <message>
        <location filename="../ui/limitseditor.cpp" line="23"/>
        <source>Max VRAM (0 = not checked)</source>
        <translation>Max. VRAM (0 = nicht geprüft)</translation>
    </message>
    <message>
        <location filename="../ui/limitseditor.cpp" line="24"/>
        <source>Max running jobs</source>
        <translation>Max. laufende Jobs</translation>
    </message>
    <message>
        <location filename="../ui/limitseditor.cpp" line="25"/>
        <source>Max queue depth</source>
        <translation>Max. Warteschlangenlänge</translation>
    </message>
    <message>
        <location filename="../ui/limitseditor.cpp" line="26"/>
        <source>Lazy assets target</source>
        <translation>Zielgröße der Lazy-Assets</translation>
    </message>
    <message>
        <location filename="../ui/limitseditor.cpp" line="27"/>
        <source>Evaluation interval</source>
        <translation>Auswertungsintervall</translation>
    </message>
    <message>
        <location filename="../ui/limitseditor.cpp" line="50"/>
        <source>%1, %2 to %3 %4</source>
        <translation>%1, %2 bis %3 %4</translation>
    </message>
    <message>
        <location filename="../ui/limitseditor.cpp" line="69"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="62"/>
        <location filename="../ui/mainwindow.cpp" line="456"/>
        <source>perfwb</source>
        <translation>perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="64"/>
        <source>&lt;h2&gt;No report open&lt;/h2&gt;&lt;p&gt;Open a report or an importable profile (Ctrl+O), drop files here, or record a program (Ctrl+R).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Kein Bericht geöffnet&lt;/h2&gt;&lt;p&gt;Öffnen Sie einen Bericht oder ein importierbares Profil (Ctrl+O), legen Sie Dateien hier ab oder zeichnen Sie ein Programm auf (Ctrl+R).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="124"/>
        <source>Recording failed</source>
        <translation>Aufzeichnung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="150"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>&amp;Record…</source>
        <translation>&amp;Aufzeichnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="154"/>
        <source>&amp;Attach to Process…</source>
        <translation>An &amp;Prozess anhängen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="156"/>
        <source>S&amp;top Recording</source>
        <translation>Aufzeichnung s&amp;toppen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="157"/>
        <source>&amp;Save As…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="165"/>
        <source>&amp;Find in Flame Graph…</source>
        <translation>Im Flammendiagramm &amp;suchen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="171"/>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="171"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="198"/>
        <source>FIL_PERF &amp;Presets…</source>
        <translation>FIL_PERF-V&amp;oreinstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="289"/>
        <source>Cannot open the run</source>
        <translation>Der Lauf kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="485"/>
        <source>Compare With (the New Run)</source>
        <translation>Vergleichen mit (neuer Lauf)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="503"/>
        <location filename="../ui/mainwindow.cpp" line="515"/>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="511"/>
        <source>Opening %1 and %2…</source>
        <translation>Öffne %1 und %2…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="180"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="46"/>
        <source>Reports and profiles (*.perfwb *.data *.folded *.collapsed *.txt *.json *.speedscope.json *.pstats *.prof *.cpuprofile *.austin *.zst *.gz callgrind.out.*);;Runs (*-run.json);;All files (*)</source>
        <translation>Berichte und Profile (*.perfwb *.data *.folded *.collapsed *.txt *.json *.speedscope.json *.pstats *.prof *.cpuprofile *.austin *.zst *.gz callgrind.out.*);;Läufe (*-run.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="191"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="192"/>
        <source>Compare &amp;With…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="203"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="213"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="214"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="215"/>
        <source>&amp;About perfwb</source>
        <translation>&amp;Über perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="217"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="298"/>
        <location filename="../ui/mainwindow.cpp" line="499"/>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="306"/>
        <source>Cannot open the file</source>
        <translation>Die Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="313"/>
        <source>Loading the finished recording…</source>
        <translation>Lade die fertige Aufzeichnung…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="321"/>
        <source>Cannot open the recording</source>
        <translation>Die Aufzeichnung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="101"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="95"/>
        <source>Cannot save the report</source>
        <translation>Der Bericht kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="91"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="194"/>
        <source>Compare this report (the base run) with another run, side by side and as a diff</source>
        <translation>Diesen Bericht (den Basislauf) mit einem anderen Lauf vergleichen, nebeneinander und als Differenz</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="338"/>
        <location filename="../ui/mainwindow.cpp" line="349"/>
        <source>Cannot record</source>
        <translation>Aufzeichnung nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="338"/>
        <location filename="../ui/mainwindow.cpp" line="349"/>
        <source>A recording is already running; stop it first.</source>
        <translation>Es läuft bereits eine Aufzeichnung; beenden Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="357"/>
        <source>Stopping the recording…</source>
        <translation>Aufzeichnung wird beendet…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="376"/>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="376"/>
        <source>Stop the recording before closing its tab.</source>
        <translation>Beenden Sie die Aufzeichnung, bevor Sie ihren Tab schließen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="452"/>
        <location filename="../ui/mainwindow.cpp" line="454"/>
        <source>%1 — perfwb</source>
        <translation>%1 — perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="540"/>
        <source>Open Report or Profile</source>
        <translation>Bericht oder Profil öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="601"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="606"/>
        <source>About perfwb</source>
        <translation>Über perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="607"/>
        <source>&lt;h3&gt;perfwb %1&lt;/h3&gt;&lt;p&gt;A profiling workbench for Linux: record programs, explore flame graphs, call trees and timelines, export reports.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;perfwb %1&lt;/h3&gt;&lt;p&gt;Eine Profiling-Werkbank für Linux: Programme aufzeichnen, Flammendiagramme, Aufrufbäume und Zeitachsen erkunden, Berichte exportieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="163"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::MemoryPlot</name>
    <message>
        <location filename="../ui/memoryplot.cpp" line="56"/>
        <source>No memory data in this report.
Recordings by perfwb poll the process&apos;s memory and CPU; Record with &quot;Track allocations&quot; adds the heap in use. Most imported formats have no timelines.</source>
        <translation>Dieser Bericht enthält keine Speicherdaten.
Aufnahmen von perfwb fragen Speicher und CPU des Prozesses ab; Aufnehmen mit „Allokationen verfolgen“ fügt den belegten Heap hinzu. Die meisten importierten Formate haben keine Zeitreihen.</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="64"/>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="65"/>
        <location filename="../ui/memoryplot.cpp" line="154"/>
        <source>Memory (MiB)</source>
        <translation>Speicher (MiB)</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="66"/>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="69"/>
        <location filename="../ui/memoryplot.cpp" line="176"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="77"/>
        <source>Wheel: zoom time · Drag: pan · Shift+drag: select a time range · Double-click: reset</source>
        <translation>Mausrad: Zeit zoomen · Ziehen: verschieben · Shift+Ziehen: Zeitbereich auswählen · Doppelklick: zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="154"/>
        <source>Memory (GiB)</source>
        <translation>Speicher (GiB)</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="158"/>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="164"/>
        <source>Heap in use</source>
        <translation>Belegter Heap</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="169"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::OffenderTableModel</name>
    <message>
        <location filename="../ui/offendertablemodel.cpp" line="6"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/offendertablemodel.cpp" line="6"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../ui/offendertablemodel.cpp" line="6"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../ui/offendertablemodel.cpp" line="6"/>
        <source>Total ms</source>
        <translation>Gesamt ms</translation>
    </message>
    <message>
        <location filename="../ui/offendertablemodel.cpp" line="6"/>
        <source>Mean ms</source>
        <translation>Mittel ms</translation>
    </message>
    <message>
        <location filename="../ui/offendertablemodel.cpp" line="6"/>
        <source>Max ms</source>
        <translation>Max. ms</translation>
    </message>
    <message>
        <location filename="../ui/offendertablemodel.cpp" line="7"/>
        <source>Memory Δ MB</source>
        <translation>Speicher Δ MB</translation>
    </message>
    <message>
        <location filename="../ui/offendertablemodel.cpp" line="7"/>
        <source>Max Δ MB</source>
        <translation>Max. Δ MB</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::PresetEditor</name>
    <message>
        <location filename="../ui/preseteditor.cpp" line="65"/>
        <source>FIL_PERF Presets</source>
        <translation>FIL_PERF-Voreinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="94"/>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="95"/>
        <source>D&amp;uplicate…</source>
        <translation>&amp;Duplizieren…</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="96"/>
        <source>Save a copy of this preset, unsaved changes included, under a new name</source>
        <translation>Eine Kopie dieser Voreinstellung samt ungespeicherter Änderungen unter einem neuen Namen speichern</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="97"/>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="98"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="101"/>
        <source>New Preset</source>
        <translation>Neue Voreinstellung</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="104"/>
        <source>Duplicate Preset</source>
        <translation>Voreinstellung duplizieren</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="107"/>
        <source>Rename Preset</source>
        <translation>Voreinstellung umbenennen</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="109"/>
        <source>Delete Preset</source>
        <translation>Voreinstellung löschen</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="109"/>
        <source>Delete the preset %1?</source>
        <translation>Die Voreinstellung %1 löschen?</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="121"/>
        <source>Saved and built-in presets:</source>
        <translation>Gespeicherte und eingebaute Voreinstellungen:</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="131"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="132"/>
        <source>C&amp;opy</source>
        <translation>K&amp;opieren</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="139"/>
        <source>The command the container line runs, quoted as in a shell</source>
        <translation>Der Befehl, den die Container-Zeile ausführt, in Anführungszeichen wie in einer Shell</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="142"/>
        <source>Shell exports:</source>
        <translation>Shell-Exporte:</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="146"/>
        <source>Container running:</source>
        <translation>Container führt aus:</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="166"/>
        <source>what this preset is for</source>
        <translation>wofür diese Voreinstellung gedacht ist</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="178"/>
        <source>&amp;Record with This Preset…</source>
        <translation>Mit dieser Voreinstellung &amp;aufzeichnen…</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="179"/>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="180"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="196"/>
        <source>Preset:</source>
        <translation>Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="197"/>
        <source>D&amp;escription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="264"/>
        <source>%1, built in (Save writes %2, which replaces it)</source>
        <translation>%1, eingebaut (Speichern schreibt %2, das sie ersetzt)</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="267"/>
        <source>%1, saved in %2</source>
        <translation>%1, gespeichert in %2</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="268"/>
        <source>%1 (modified)</source>
        <translation>%1 (geändert)</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="289"/>
        <source># fix the setting named below</source>
        <translation># die unten genannte Einstellung korrigieren</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="308"/>
        <source>Not loaded: %1</source>
        <translation>Nicht geladen: %1</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="322"/>
        <source>a preset named &apos;%1&apos; exists already: choose another name</source>
        <translation>eine Voreinstellung namens „%1“ existiert bereits: Wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="336"/>
        <source>no preset named &apos;%1&apos;</source>
        <translation>keine Voreinstellung namens „%1“</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="389"/>
        <source>&apos;%1&apos; is built in: it cannot be renamed (Duplicate makes a copy to rename)</source>
        <translation>„%1“ ist eingebaut und kann nicht umbenannt werden (Duplizieren erstellt eine Kopie, die sich umbenennen lässt)</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="450"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="450"/>
        <source>The preset %1 has unsaved changes.</source>
        <translation>Die Voreinstellung %1 hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <location filename="../ui/preseteditor.cpp" line="464"/>
        <source>Name (letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;):</source>
        <translation>Name (Buchstaben, Ziffern, „-“, „_“, „.“):</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::PresetForm</name>
    <message>
        <location filename="../ui/presetform.cpp" line="35"/>
        <source>Shared</source>
        <translation>Gemeinsam</translation>
    </message>
    <message>
        <location filename="../ui/presetform.cpp" line="37"/>
        <source>py-spy</source>
        <translation>py-spy</translation>
    </message>
    <message>
        <location filename="../ui/presetform.cpp" line="39"/>
        <source>Scalene</source>
        <translation>Scalene</translation>
    </message>
    <message>
        <location filename="../ui/presetform.cpp" line="41"/>
        <source>Memray</source>
        <translation>Memray</translation>
    </message>
    <message>
        <location filename="../ui/presetform.cpp" line="43"/>
        <source>cProfile</source>
        <translation>cProfile</translation>
    </message>
    <message>
        <location filename="../ui/presetform.cpp" line="52"/>
        <source>the command&apos;s base name</source>
        <translation>Basisname des Befehls</translation>
    </message>
    <message>
        <location filename="../ui/presetform.cpp" line="53"/>
        <source>the tool&apos;s default</source>
        <translation>Standardwert des Werkzeugs</translation>
    </message>
    <message>
        <location filename="../ui/presetform.cpp" line="60"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../ui/presetform.cpp" line="61"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/presetform.cpp" line="110"/>
        <source>default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::PresetListModel</name>
    <message>
        <location filename="../ui/presetlistmodel.cpp" line="50"/>
        <source>%1 (built in)</source>
        <translation>%1 (eingebaut)</translation>
    </message>
    <message>
        <location filename="../ui/presetlistmodel.cpp" line="53"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ProcessListModel</name>
    <message>
        <location filename="../ui/processlistmodel.cpp" line="103"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location filename="../ui/processlistmodel.cpp" line="105"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/processlistmodel.cpp" line="107"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/processlistmodel.cpp" line="109"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <location filename="../ui/processlistmodel.cpp" line="111"/>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::RecentFiles</name>
    <message>
        <location filename="../ui/recentfiles.cpp" line="52"/>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::RecordDialog</name>
    <message>
        <location filename="../ui/recorddialog.cpp" line="90"/>
        <source>Record</source>
        <translation>Aufzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="139"/>
        <source>program to run, e.g. ./render or python3</source>
        <translation>auszuführendes Programm, z. B. ./render oder python3</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="103"/>
        <location filename="../ui/recorddialog.cpp" line="141"/>
        <location filename="../ui/recorddialog.cpp" line="162"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="146"/>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="156"/>
        <source>arguments, quoted as in a shell: --scene &quot;my scene.xml&quot;</source>
        <translation>Argumente, in Anführungszeichen wie in einer Shell: --scene &quot;my scene.xml&quot;</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="157"/>
        <source>&amp;Arguments:</source>
        <translation>Argu&amp;mente:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="160"/>
        <source>current directory</source>
        <translation>aktuelles Verzeichnis</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="167"/>
        <source>&amp;Working directory:</source>
        <translation>Arbeitsver&amp;zeichnis:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="173"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="173"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="178"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="179"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="195"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="202"/>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="204"/>
        <source>Sampling &amp;frequency:</source>
        <translation>Abtast&amp;frequenz:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="207"/>
        <source>DWARF (stacks through libraries, default)</source>
        <translation>DWARF (Stacks auch durch Bibliotheken, Standard)</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="208"/>
        <source>Frame pointers (cheaper, stops at code without them)</source>
        <translation>Frame-Pointer (günstiger, endet an Code ohne Frame-Pointer)</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="210"/>
        <source>Call &amp;graph:</source>
        <translation>Aufruf&amp;graph:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="99"/>
        <source>Run &amp;label:</source>
        <translation>&amp;Lauf-Bezeichnung:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="108"/>
        <source>&amp;Report file:</source>
        <translation>Berichts&amp;datei:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="111"/>
        <source>&amp;Record</source>
        <translation>&amp;Aufzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="212"/>
        <source>&amp;Track allocations</source>
        <translation>Allo&amp;kationen verfolgen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="214"/>
        <source>Preload perfwb&apos;s allocation tracker (perfwb record --alloc): every malloc-family call with its stack; the heap joins the memory plot and the Summary lists calls, leaks and temporaries</source>
        <translation>Lädt den Allokations-Tracker von perfwb vor (perfwb record --alloc): jeder Aufruf der malloc-Familie mit seinem Stack; der Heap erscheint im Speicherdiagramm, die Zusammenfassung nennt Aufrufe, Lecks und temporäre Allokationen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="224"/>
        <source>FIL_PERF settings saved as a preset (perfwb preset list); the environment overrides them, as for perfwb record --preset</source>
        <translation>Als Voreinstellung gespeicherte FIL_PERF-Einstellungen (perfwb preset list); die Umgebung hat Vorrang, wie bei perfwb record --preset</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="227"/>
        <source>&amp;Preset:</source>
        <translation>&amp;Voreinstellung:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="325"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="328"/>
        <source>%1 (built in)</source>
        <translation>%1 (eingebaut)</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="424"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="426"/>
        <source>%1 is not an executable file.</source>
        <translation>%1 ist keine ausführbare Datei.</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="430"/>
        <source>%1 was not found on PATH: give its full path or browse for it.</source>
        <translation>%1 wurde in PATH nicht gefunden: Geben Sie den vollständigen Pfad an oder wählen Sie das Programm über „Durchsuchen…“ aus.</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="454"/>
        <source>The GUI records with perfwb itself; the enabled profilers (%1) run with: perfwb record --preset %2 -- COMMAND</source>
        <translation>Die GUI zeichnet mit perfwb selbst auf; die aktivierten Profiler (%1) laufen mit: perfwb record --preset %2 -- COMMAND</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="463"/>
        <source>Program to record</source>
        <translation>Aufzuzeichnendes Programm</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="470"/>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="478"/>
        <source>Report file</source>
        <translation>Berichtsdatei</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="478"/>
        <source>perfwb reports (*.perfwb)</source>
        <translation>perfwb-Berichte (*.perfwb)</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::RecordingController</name>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="86"/>
        <source>%1, %2, %3, %4</source>
        <translation>%1, %2, %3, %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/recordingcontroller.cpp" line="87"/>
        <source>%Ln sample(s)</source>
        <translation>
            <numerusform>%Ln Sample</numerusform>
            <numerusform>%Ln Samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/recordingcontroller.cpp" line="87"/>
        <source>%Ln lost</source>
        <translation>
            <numerusform>%Ln verloren</numerusform>
            <numerusform>%Ln verloren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="88"/>
        <source>%L1 s</source>
        <translation>%L1 s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/recordingcontroller.cpp" line="89"/>
        <source>%Ln thread(s)</source>
        <translation>
            <numerusform>%Ln Thread</numerusform>
            <numerusform>%Ln Threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="91"/>
        <source>, target killed by signal %1</source>
        <translation>, Zielprogramm durch Signal %1 beendet</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="93"/>
        <source>, target exit code %1</source>
        <translation>, Exit-Code des Zielprogramms %1</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="95"/>
        <source> (sampled with ptrace: %1)</source>
        <translation> (mit ptrace abgetastet: %1)</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="160"/>
        <source>Check the command&apos;s spelling, give its full path, or add its directory to PATH.</source>
        <translation>Prüfen Sie die Schreibweise des Befehls, geben Sie den vollständigen Pfad an oder nehmen Sie sein Verzeichnis in PATH auf.</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="163"/>
        <source>Run perfwb as root, or allow profiling: sysctl kernel.perf_event_paranoid=1 and kernel.yama.ptrace_scope=0 (or grant CAP_PERFMON and CAP_SYS_PTRACE).</source>
        <translation>Starten Sie perfwb als root oder erlauben Sie das Profiling: sysctl kernel.perf_event_paranoid=1 und kernel.yama.ptrace_scope=0 (oder vergeben Sie CAP_PERFMON und CAP_SYS_PTRACE).</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="166"/>
        <source>The process may have exited; refresh the process list and pick another.</source>
        <translation>Der Prozess hat sich möglicherweise beendet; aktualisieren Sie die Prozessliste und wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="168"/>
        <source>Pick a running process: a zombie has nothing left to sample.</source>
        <translation>Wählen Sie einen laufenden Prozess: Bei einem Zombie gibt es nichts mehr abzutasten.</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::RecordingGauges</name>
    <message>
        <location filename="../ui/recordinggauges.cpp" line="16"/>
        <source>Recorded CPU</source>
        <translation>Aufgezeichnete CPU</translation>
    </message>
    <message>
        <location filename="../ui/recordinggauges.cpp" line="16"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../ui/recordinggauges.cpp" line="17"/>
        <source>Recorded RSS</source>
        <translation>Aufgezeichneter RSS</translation>
    </message>
    <message>
        <location filename="../ui/recordinggauges.cpp" line="17"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location filename="../ui/recordinggauges.cpp" line="25"/>
        <source>process tree against the budget; VRAM per process is not measured</source>
        <translation>Prozessbaum im Verhältnis zum Budget; VRAM pro Prozess wird nicht erfasst</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::RecordingIndicator</name>
    <message numerus="yes">
        <location filename="../ui/recordingindicator.cpp" line="39"/>
        <source>%Ln sample(s)</source>
        <translation>
            <numerusform>%Ln Sample</numerusform>
            <numerusform>%Ln Samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/recordingindicator.cpp" line="40"/>
        <source>%Ln lost</source>
        <translation>
            <numerusform>%Ln verloren</numerusform>
            <numerusform>%Ln verloren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/recordingindicator.cpp" line="41"/>
        <source>Recording %1 · %2 · %3</source>
        <translation>Aufnahme %1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ReportDocument</name>
    <message>
        <location filename="../ui/reportdocument.cpp" line="72"/>
        <source>Untitled recording</source>
        <translation>Unbenannte Aufzeichnung</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ReportSaver</name>
    <message>
        <location filename="../ui/reportsaver.cpp" line="28"/>
        <source>Save Report As</source>
        <translation>Bericht speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/reportsaver.cpp" line="28"/>
        <location filename="../ui/reportsaver.cpp" line="72"/>
        <source>perfwb reports (*.perfwb)</source>
        <translation>perfwb-Berichte (*.perfwb)</translation>
    </message>
    <message>
        <location filename="../ui/reportsaver.cpp" line="43"/>
        <source>Saving %1…</source>
        <translation>Speichere %1…</translation>
    </message>
    <message>
        <location filename="../ui/reportsaver.cpp" line="64"/>
        <source>Unsaved recording</source>
        <translation>Ungespeicherte Aufzeichnung</translation>
    </message>
    <message>
        <location filename="../ui/reportsaver.cpp" line="65"/>
        <source>The recording “%1” has not been saved. Save it before closing?</source>
        <translation>Die Aufzeichnung „%1“ wurde nicht gespeichert. Vor dem Schließen speichern?</translation>
    </message>
    <message>
        <location filename="../ui/reportsaver.cpp" line="72"/>
        <source>Save Report</source>
        <translation>Bericht speichern</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ReportStatusFields</name>
    <message>
        <location filename="../ui/reportstatusfields.cpp" line="43"/>
        <source>%1 samples</source>
        <translation>%1 Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/reportstatusfields.cpp" line="44"/>
        <source>%1 lost</source>
        <translation>%1 verloren</translation>
    </message>
    <message>
        <location filename="../ui/reportstatusfields.cpp" line="47"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reportstatusfields.cpp" line="48"/>
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reportstatusfields.cpp" line="50"/>
        <source>no selection</source>
        <translation>keine Auswahl</translation>
    </message>
    <message>
        <location filename="../ui/reportstatusfields.cpp" line="50"/>
        <source>selection: %1</source>
        <translation>Auswahl: %1</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ReportView</name>
    <message>
        <source>The event the views show: samples of different events are never added up</source>
        <translation>Das Ereignis, das die Ansichten zeigen: Samples verschiedener Ereignisse werden nie addiert</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Ereignis:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln sample(s))</source>
        <translation>
            <numerusform>%1 (%Ln Sample)</numerusform>
            <numerusform>%1 (%Ln Samples)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="64"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="65"/>
        <source>Flame Graph</source>
        <translation>Flammendiagramm</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="66"/>
        <source>Top-Down</source>
        <translation>Top-down</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="67"/>
        <source>Bottom-Up</source>
        <translation>Bottom-up</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="68"/>
        <source>Caller/Callee</source>
        <translation>Aufrufer/Aufgerufene</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="69"/>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="70"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="73"/>
        <source>Show All</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="74"/>
        <source>Clear the time range and thread selection</source>
        <translation>Zeitbereich und Thread-Auswahl aufheben</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="77"/>
        <source>Analysing…</source>
        <translation>Analysiere…</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="200"/>
        <source>Allocations</source>
        <translation>Allokationen</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="232"/>
        <source>%1 s – %2 s</source>
        <translation>%1 s – %2 s</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="236"/>
        <source>%1 of %2 threads</source>
        <translation>%1 von %2 Threads</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="255"/>
        <source>Showing the selection: %1</source>
        <translation>Angezeigt wird die Auswahl: %1</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ServicePanels</name>
    <message>
        <location filename="../ui/servicepanels.cpp" line="30"/>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <location filename="../ui/servicepanels.cpp" line="32"/>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <location filename="../ui/servicepanels.cpp" line="40"/>
        <source>&amp;Budgets</source>
        <translation>&amp;Budgets</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="24"/>
        <source>Budget manager and profiler dashboard (features.enable_perf)</source>
        <translation>Budget-Manager und Profiler-Dashboard (features.enable_perf)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="31"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="35"/>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="37"/>
        <source>Loopback only without a token (perfwb serve --token-file for others)</source>
        <translation>Ohne Token nur Loopback-Adressen (für andere: perfwb serve --token-file)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="39"/>
        <source>FIL_PERF_OUTPUT_DIR, else outputs/perf</source>
        <translation>FIL_PERF_OUTPUT_DIR, sonst outputs/perf</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="41"/>
        <source>the command&apos;s name</source>
        <translation>Name des Befehls</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="47"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="49"/>
        <source>Output directory</source>
        <translation>Ausgabeverzeichnis</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="58"/>
        <source>Features:</source>
        <translation>Funktionen:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="59"/>
        <source>API port:</source>
        <translation>API-Port:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="60"/>
        <source>API bind address:</source>
        <translation>API-Bind-Adresse:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="61"/>
        <source>Output directory:</source>
        <translation>Ausgabeverzeichnis:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="62"/>
        <source>Default run label:</source>
        <translation>Standard-Lauf-Bezeichnung:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="63"/>
        <source>Saved in %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="114"/>
        <source>A run label is a name: &apos;%1&apos; contains &apos;/&apos;</source>
        <translation>Eine Lauf-Bezeichnung ist ein Name: „%1“ enthält „/“</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="119"/>
        <source>API bind address &apos;%1&apos; is not an IP address</source>
        <translation>Die API-Bind-Adresse „%1“ ist keine IP-Adresse</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::SummaryView</name>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>%1; this page shows %2 (each event is its own cost)</source>
        <translation>%1; diese Seite zeigt %2 (jedes Ereignis ist eigene Kosten)</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="53"/>
        <source>%1 calls, %2; leaked %3 in %4 blocks; %5 temporary</source>
        <translation>%1 Aufrufe, %2; Leck %3 in %4 Blöcken; %5 temporär</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="98"/>
        <source>&lt;p&gt;Analysing…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Analysiere…&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="122"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="122"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="124"/>
        <source>Run label</source>
        <translation>Lauf-Bezeichnung</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="126"/>
        <source>Host</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="133"/>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="133"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="135"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="139"/>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="140"/>
        <source>%1 online, %2 available</source>
        <translation>%1 online, %2 verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="142"/>
        <source>perf version</source>
        <translation>perf-Version</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="149"/>
        <source>Import warnings</source>
        <translation>Import-Warnungen</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="159"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="162"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="164"/>
        <source>Exit status</source>
        <translation>Exit-Status</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="165"/>
        <source>killed by signal %1</source>
        <translation>durch Signal %1 beendet</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="165"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="166"/>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="167"/>
        <source>Lost samples</source>
        <translation>Verlorene Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="200"/>
        <source>Missed samples</source>
        <translation>Verpasste Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="200"/>
        <source>%1 in %2 of %3 threads with a CPU time</source>
        <translation>%1 in %2 von %3 Threads mit CPU-Zeit</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="200"/>
        <source>%1 (TID %2): %3</source>
        <translation>%1 (TID %2): %3</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="200"/>
        <source>most: %1</source>
        <translation>am meisten: %1</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="169"/>
        <source>Sampling</source>
        <translation>Abtastung</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="170"/>
        <source>%1, %2 Hz, call graph: %3</source>
        <translation>%1, %2 Hz, Aufrufgraph: %3</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="173"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="174"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="176"/>
        <source>In selection</source>
        <translation>In der Auswahl</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="176"/>
        <source>%1 samples (weight %2)</source>
        <translation>%1 Stichproben (Gewicht %2)</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="205"/>
        <source>Peak RSS</source>
        <translation>Höchster RSS</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="207"/>
        <source>Peak CPU</source>
        <translation>Höchste CPU</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="209"/>
        <source>Peak heap</source>
        <translation>Höchster Heap</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="211"/>
        <source>Peak PSS</source>
        <translation>Höchster PSS</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="213"/>
        <source>Peak threads</source>
        <translation>Höchste Thread-Zahl</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="214"/>
        <source>Peak %1</source>
        <translation>Höchstwert %1</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="189"/>
        <source>Allocations</source>
        <translation>Allokationen</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="194"/>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="197"/>
        <source>Budget crossings</source>
        <translation>Budget-Überschreitungen</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="199"/>
        <source>Weight unit</source>
        <translation>Gewichtseinheit</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="144"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="104"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="221"/>
        <source>Top functions (self)</source>
        <translation>Häufigste Funktionen (selbst)</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="224"/>
        <source>Self %</source>
        <translation>Selbst %</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="224"/>
        <source>Total %</source>
        <translation>Gesamt %</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="224"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="224"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="236"/>
        <source>%1 (inlined)</source>
        <translation>%1 (inline)</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="237"/>
        <source>%1 (inlined in %2)</source>
        <translation>%1 (inline in %2)</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="248"/>
        <source>&lt;p&gt;No samples in the current selection.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine Stichproben in der aktuellen Auswahl.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::TimelineWidget</name>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="91"/>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="242"/>
        <source>No samples or timelines in this profile</source>
        <translation>Keine Stichproben oder Zeitachsen in diesem Profil</translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="251"/>
        <source>Marks</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="568"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 ms</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="570"/>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 s</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; bei %2 s</translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="580"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;pid %2, tid %3&lt;br&gt;%4 samples</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;PID %2, TID %3&lt;br&gt;%4 Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="590"/>
        <source>&lt;br&gt;at %1 s: %2 samples in %3 ms</source>
        <translation>&lt;br&gt;bei %1 s: %2 Stichproben in %3 ms</translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="592"/>
        <source>&lt;br&gt;Click to show only this thread, Ctrl+click to add or remove it</source>
        <translation>&lt;br&gt;Klicken, um nur diesen Thread zu zeigen; Ctrl+Klick zum Hinzufügen oder Entfernen</translation>
    </message>
</context>
</TS>
