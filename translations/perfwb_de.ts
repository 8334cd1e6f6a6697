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
    <name>perfwb::ui::CallTreeModel</name>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="126"/>
        <source>%1
%2
self %3 (%4 %), total %5 (%6 %)</source>
        <translation>%1
%2
selbst %3 (%4 %), gesamt %5 (%6 %)</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="141"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="143"/>
        <source>Self</source>
        <translation>Selbst</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="145"/>
        <source>Self %</source>
        <translation>Selbst %</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="147"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="149"/>
        <source>Total %</source>
        <translation>Gesamt %</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="151"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="153"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::CallTreeView</name>
    <message>
        <location filename="../ui/calltreeview.cpp" line="31"/>
        <source>Filter functions</source>
        <translation>Funktionen filtern</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="53"/>
        <location filename="../ui/calltreeview.cpp" line="138"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="135"/>
        <source>Show in Flame Graph</source>
        <translation>Im Flammendiagramm zeigen</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="136"/>
        <source>Show Callers/Callees</source>
        <translation>Aufrufer/Aufgerufene zeigen</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="139"/>
        <source>Expand All</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <location filename="../ui/calltreeview.cpp" line="140"/>
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
        <location filename="../ui/comparesummaryview.cpp" line="39"/>
        <source>Warn when the total time or a function grows by more than this</source>
        <translation>Warnen, wenn die Gesamtzeit oder eine Funktion um mehr als diesen Wert wächst</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="40"/>
        <source>Fail when the total time or a function grows by more than this</source>
        <translation>Als Fehler werten, wenn die Gesamtzeit oder eine Funktion um mehr als diesen Wert wächst</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="41"/>
        <source>Functions below this self share in both runs never move the verdict</source>
        <translation>Funktionen, deren Selbstanteil in beiden Läufen darunter liegt, ändern die Bewertung nie</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="55"/>
        <source>Warn above</source>
        <translation>Warnung über</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="56"/>
        <source>Fail above</source>
        <translation>Fehler über</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="57"/>
        <source>Minimum share</source>
        <translation>Mindestanteil</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="58"/>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="58"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="58"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="58"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="99"/>
        <source>Base: %1
New: %2</source>
        <translation>Basislauf: %1
Neuer Lauf: %2</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="102"/>
        <source>Comparing…</source>
        <translation>Vergleiche…</translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="112"/>
        <source>%1: %2 → %3 (%4)</source>
        <translation>%1: %2 → %3 (%4)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/comparesummaryview.cpp" line="119"/>
        <source>%n function(s) beyond the thresholds</source>
        <translation>
            <numerusform>%n Funktion über den Schwellenwerten</numerusform>
            <numerusform>%n Funktionen über den Schwellenwerten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/comparesummaryview.cpp" line="126"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::CompareView</name>
    <message>
        <location filename="../ui/compareview.cpp" line="37"/>
        <source>Swap Base and New</source>
        <translation>Basislauf und neuen Lauf tauschen</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="48"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="49"/>
        <source>Side by Side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="50"/>
        <source>Diff</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="103"/>
        <source>Base: %1    New: %2</source>
        <translation>Basislauf: %1    Neuer Lauf: %2</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="104"/>
        <source>Base: %1</source>
        <translation>Basislauf: %1</translation>
    </message>
    <message>
        <location filename="../ui/compareview.cpp" line="105"/>
        <source>New: %1</source>
        <translation>Neuer Lauf: %1</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ComparisonDocument</name>
    <message>
        <location filename="../ui/comparisondocument.cpp" line="40"/>
        <source>%1 ↔ %2</source>
        <translation>%1 ↔ %2</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::DeltaTableModel</name>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="104"/>
        <source>below min share</source>
        <translation>unter Mindestanteil</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="106"/>
        <source>within noise</source>
        <translation>im Rauschen</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="124"/>
        <source>%1 [%2]
self: %3 → %4 %5
total: %6 → %7 %5</source>
        <translation>%1 [%2]
selbst: %3 → %4 %5
gesamt: %6 → %7 %5</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="136"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="138"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="140"/>
        <source>Self before</source>
        <translation>Selbst vorher</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="142"/>
        <source>Self after</source>
        <translation>Selbst nachher</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="144"/>
        <source>Δ self</source>
        <translation>Δ selbst</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="146"/>
        <source>Δ self (rel.)</source>
        <translation>Δ selbst (rel.)</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="148"/>
        <source>Total before</source>
        <translation>Gesamt vorher</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="150"/>
        <source>Total after</source>
        <translation>Gesamt nachher</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="152"/>
        <source>Δ total</source>
        <translation>Δ gesamt</translation>
    </message>
    <message>
        <location filename="../ui/deltatablemodel.cpp" line="154"/>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::DiffFlameGraphWidget</name>
    <message>
        <location filename="../ui/diffflamegraphwidget.cpp" line="178"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;module: %2&lt;br&gt;before: %3 (%4 %5)&lt;br&gt;after: %6 (%7 %5)&lt;br&gt;delta: %8 (%9)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Modul: %2&lt;br&gt;vorher: %3 (%4 %5)&lt;br&gt;nachher: %6 (%7 %5)&lt;br&gt;Differenz: %8 (%9)</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::DiffView</name>
    <message>
        <location filename="../ui/diffview.cpp" line="35"/>
        <source>Back to the previous zoom</source>
        <translation>Zurück zum vorigen Zoom</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="37"/>
        <source>Reset zoom (show everything)</source>
        <translation>Zoom zurücksetzen (alles zeigen)</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="38"/>
        <source>Shape of the new run</source>
        <translation>Form des neuen Laufs</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="39"/>
        <source>Shape of the base run (vanished frames)</source>
        <translation>Form des Basislaufs (weggefallene Frames)</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="40"/>
        <source>Which run&apos;s call tree gives the graph its shape; frames only the base run has show in the base run&apos;s shape</source>
        <translation>Welcher Aufrufbaum dem Diagramm seine Form gibt; Frames, die nur der Basislauf hat, erscheinen in der Form des Basislaufs</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="42"/>
        <source>Search functions (regular expression)</source>
        <translation>Funktionen suchen (regulärer Ausdruck)</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="45"/>
        <source>&lt;span style=&apos;background:#ff4646&apos;&gt;&amp;nbsp;slower&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#4646ff;color:white&apos;&gt;&amp;nbsp;faster&amp;nbsp;&lt;/span&gt; share of each run&apos;s total</source>
        <translation>&lt;span style=&apos;background:#ff4646&apos;&gt;&amp;nbsp;langsamer&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#4646ff;color:white&apos;&gt;&amp;nbsp;schneller&amp;nbsp;&lt;/span&gt; Anteil am Gesamtwert des jeweiligen Laufs</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="81"/>
        <source>Filter functions</source>
        <translation>Funktionen filtern</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="146"/>
        <source>invalid pattern</source>
        <translation>ungültiges Muster</translation>
    </message>
    <message>
        <location filename="../ui/diffview.cpp" line="148"/>
        <source>matched %1 %</source>
        <translation>%1 % gefunden</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ExportController</name>
    <message>
        <location filename="../ui/exportcontroller.cpp" line="63"/>
        <source>unknown export format &apos;%1&apos;</source>
        <translation>unbekanntes Exportformat „%1“</translation>
    </message>
    <message>
        <location filename="../ui/exportcontroller.cpp" line="83"/>
        <source>the comparison is still being computed; export again in a moment</source>
        <translation>der Vergleich wird noch berechnet; exportieren Sie gleich noch einmal</translation>
    </message>
    <message>
        <location filename="../ui/exportcontroller.cpp" line="87"/>
        <source>a comparison exports to HTML or SVG, not &apos;%1&apos;</source>
        <translation>ein Vergleich wird als HTML oder SVG exportiert, nicht als „%1“</translation>
    </message>
    <message>
        <location filename="../ui/exportcontroller.cpp" line="116"/>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FlameChartWidget</name>
    <message>
        <location filename="../ui/flamechartwidget.cpp" line="115"/>
        <source>No samples</source>
        <translation>Keine Stichproben</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FlameGraphOptions</name>
    <message>
        <location filename="../ui/flamegraphoptions.cpp" line="29"/>
        <source>&amp;Flame (Root at the Bottom)</source>
        <translation>&amp;Flamme (Wurzel unten)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphoptions.cpp" line="30"/>
        <source>&amp;Icicle (Root at the Top)</source>
        <translation>&amp;Eiszapfen (Wurzel oben)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphoptions.cpp" line="31"/>
        <source>Colour by &amp;Name</source>
        <translation>Farbe nach &amp;Name</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphoptions.cpp" line="32"/>
        <source>Colour by &amp;Module</source>
        <translation>Farbe nach &amp;Modul</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FlameGraphView</name>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="37"/>
        <source>Back to the previous zoom</source>
        <translation>Zurück zum vorigen Zoom</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="39"/>
        <source>Reset zoom (show everything)</source>
        <translation>Zoom zurücksetzen (alles zeigen)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="42"/>
        <source>Search functions (regular expression)</source>
        <translation>Funktionen suchen (regulärer Ausdruck)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="45"/>
        <source>Flame</source>
        <translation>Flamme</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="46"/>
        <source>Icicle</source>
        <translation>Eiszapfen</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="47"/>
        <source>Flame: root at the bottom; icicle: root at the top</source>
        <translation>Flamme: Wurzel unten; Eiszapfen: Wurzel oben</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="48"/>
        <source>Colour by name</source>
        <translation>Farbe nach Name</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="49"/>
        <source>Colour by module</source>
        <translation>Farbe nach Modul</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="180"/>
        <source>invalid pattern</source>
        <translation>ungültiges Muster</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="183"/>
        <source>matched %1 %</source>
        <translation>%1 % gefunden</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="192"/>
        <location filename="../ui/flamegraphview.cpp" line="195"/>
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
    <name>perfwb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="59"/>
        <location filename="../ui/mainwindow.cpp" line="441"/>
        <source>perfwb</source>
        <translation>perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="61"/>
        <source>&lt;h2&gt;No report open&lt;/h2&gt;&lt;p&gt;Open a report or an importable profile (Ctrl+O), drop files here, or record a program (Ctrl+R).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Kein Bericht geöffnet&lt;/h2&gt;&lt;p&gt;Öffnen Sie einen Bericht oder ein importierbares Profil (Ctrl+O), legen Sie Dateien hier ab oder zeichnen Sie ein Programm auf (Ctrl+R).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120"/>
        <source>Recording failed</source>
        <translation>Aufzeichnung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="146"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="148"/>
        <source>&amp;Record…</source>
        <translation>&amp;Aufzeichnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="148"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="150"/>
        <source>&amp;Attach to Process…</source>
        <translation>An &amp;Prozess anhängen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>S&amp;top Recording</source>
        <translation>Aufzeichnung &amp;beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="153"/>
        <source>&amp;Save As…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="157"/>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>&amp;Find in Flame Graph…</source>
        <translation>Im Flammendiagramm &amp;suchen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="167"/>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="167"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="195"/>
        <source>Export &amp;As…</source>
        <translation>Exportieren &amp;als…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="197"/>
        <source>Choose the format and the file to write</source>
        <translation>Format und Zieldatei wählen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="480"/>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="485"/>
        <source>Export As</source>
        <translation>Exportieren als</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="502"/>
        <source>Compare With (the New Run)</source>
        <translation>Vergleichen mit (neuer Lauf)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="520"/>
        <location filename="../ui/mainwindow.cpp" line="532"/>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="528"/>
        <source>Opening %1 and %2…</source>
        <translation>Öffne %1 und %2…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="176"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="178"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="186"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="189"/>
        <source>%1 (.%2)</source>
        <translation>%1 (.%2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="192"/>
        <source>Write the current selection into the standard output directory</source>
        <translation>Die aktuelle Auswahl in das Standard-Ausgabeverzeichnis schreiben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="198"/>
        <source>Compare &amp;With…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="205"/>
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
        <location filename="../ui/mainwindow.cpp" line="286"/>
        <location filename="../ui/mainwindow.cpp" line="516"/>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="291"/>
        <source>Cannot open the file</source>
        <translation>Die Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="298"/>
        <source>Loading the finished recording…</source>
        <translation>Lade die fertige Aufzeichnung…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="306"/>
        <source>Cannot open the recording</source>
        <translation>Die Aufzeichnung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="97"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="93"/>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="91"/>
        <source>Cannot save the report</source>
        <translation>Der Bericht kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="87"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="200"/>
        <source>Compare this report (the base run) with another run, side by side and as a diff</source>
        <translation>Diesen Bericht (den Basislauf) mit einem anderen Lauf vergleichen, nebeneinander und als Differenz</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="326"/>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>Cannot record</source>
        <translation>Aufzeichnung nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="326"/>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>A recording is already running; stop it first.</source>
        <translation>Es läuft bereits eine Aufzeichnung; beenden Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="342"/>
        <source>Stopping the recording…</source>
        <translation>Aufzeichnung wird beendet…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="361"/>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="361"/>
        <source>Stop the recording before closing its tab.</source>
        <translation>Beenden Sie die Aufzeichnung, bevor Sie ihren Tab schließen.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="437"/>
        <location filename="../ui/mainwindow.cpp" line="439"/>
        <source>%1 — perfwb</source>
        <translation>%1 — perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="557"/>
        <source>Open Report or Profile</source>
        <translation>Bericht oder Profil öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="45"/>
        <source>Reports and profiles (*.perfwb *.data *.folded *.collapsed *.txt *.json *.speedscope.json);;All files (*)</source>
        <translation>Berichte und Profile (*.perfwb *.data *.folded *.collapsed *.txt *.json *.speedscope.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="587"/>
        <source>Click / Backspace</source>
        <translation>Klick / Backspace</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="587"/>
        <source>Flame graph: zoom into a frame / back</source>
        <translation>Flammendiagramm: in einen Frame zoomen / zurück</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="589"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="594"/>
        <source>About perfwb</source>
        <translation>Über perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="595"/>
        <source>&lt;h3&gt;perfwb %1&lt;/h3&gt;&lt;p&gt;A profiling workbench for Linux: record programs, explore flame graphs, call trees and timelines, export reports.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;perfwb %1&lt;/h3&gt;&lt;p&gt;Eine Profiling-Werkbank für Linux: Programme aufzeichnen, Flammendiagramme, Aufrufbäume und Zeitachsen erkunden, Berichte exportieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="159"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::MemoryPlot</name>
    <message>
        <location filename="../ui/memoryplot.cpp" line="42"/>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="43"/>
        <source>Memory (MiB)</source>
        <translation>Speicher (MiB)</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="44"/>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="47"/>
        <location filename="../ui/memoryplot.cpp" line="139"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="55"/>
        <source>Wheel: zoom time · Drag: pan · Shift+drag: select a time range · Double-click: reset</source>
        <translation>Mausrad: Zeit zoomen · Ziehen: verschieben · Shift+Ziehen: Zeitbereich auswählen · Doppelklick: zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="118"/>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="126"/>
        <source>Heap in use</source>
        <translation>Belegter Heap</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="132"/>
        <source>CPU %</source>
        <translation>CPU %</translation>
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
        <location filename="../ui/recorddialog.cpp" line="41"/>
        <source>Record</source>
        <translation>Aufzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="45"/>
        <source>program to run, e.g. ./render or python3</source>
        <translation>auszuführendes Programm, z. B. ./render oder python3</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="47"/>
        <location filename="../ui/recorddialog.cpp" line="68"/>
        <location filename="../ui/recorddialog.cpp" line="124"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="52"/>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="62"/>
        <source>arguments, quoted as in a shell: --scene &quot;my scene.xml&quot;</source>
        <translation>Argumente, in Anführungszeichen wie in einer Shell: --scene &quot;my scene.xml&quot;</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="63"/>
        <source>&amp;Arguments:</source>
        <translation>&amp;Argumente:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="66"/>
        <source>current directory</source>
        <translation>aktuelles Verzeichnis</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="73"/>
        <source>&amp;Working directory:</source>
        <translation>&amp;Arbeitsverzeichnis:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="76"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="76"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="81"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="82"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="98"/>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="102"/>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="104"/>
        <source>Sampling &amp;frequency:</source>
        <translation>Abtast&amp;frequenz:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="107"/>
        <source>DWARF (stacks through libraries, default)</source>
        <translation>DWARF (Stacks auch durch Bibliotheken, Standard)</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="108"/>
        <source>Frame pointers (cheaper, stops at code without them)</source>
        <translation>Frame-Pointer (günstiger, endet an Code ohne Frame-Pointer)</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="110"/>
        <source>Call &amp;graph:</source>
        <translation>Aufruf&amp;graph:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="113"/>
        <source>Track allocations</source>
        <translation>Speicheranforderungen aufzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="115"/>
        <source>allocation tracking arrives with the allocation issue</source>
        <translation>das Aufzeichnen von Speicheranforderungen kommt mit dem Allokations-Issue</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="120"/>
        <source>Run &amp;label:</source>
        <translation>&amp;Lauf-Bezeichnung:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="129"/>
        <source>&amp;Report file:</source>
        <translation>&amp;Berichtsdatei:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="132"/>
        <source>&amp;Record</source>
        <translation>&amp;Aufzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="250"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="252"/>
        <source>%1 is not an executable file.</source>
        <translation>%1 ist keine ausführbare Datei.</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="256"/>
        <source>%1 was not found on PATH: give its full path or browse for it.</source>
        <translation>%1 wurde in PATH nicht gefunden: Geben Sie den vollständigen Pfad an oder wählen Sie das Programm über „Durchsuchen…“ aus.</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="275"/>
        <source>Program to record</source>
        <translation>Aufzuzeichnendes Programm</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="282"/>
        <source>Working directory</source>
        <translation>Arbeitsverzeichnis</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="290"/>
        <source>Report file</source>
        <translation>Berichtsdatei</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="290"/>
        <source>perfwb reports (*.perfwb)</source>
        <translation>perfwb-Berichte (*.perfwb)</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::RecordingController</name>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="75"/>
        <source>%1 samples, %2 lost, %3 s, %4 threads</source>
        <translation>%1 Stichproben, %2 verloren, %3 s, %4 Threads</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="81"/>
        <source>, target killed by signal %1</source>
        <translation>, Zielprogramm durch Signal %1 beendet</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="83"/>
        <source>, target exit code %1</source>
        <translation>, Exit-Code des Zielprogramms %1</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="85"/>
        <source> (sampled with ptrace: %1)</source>
        <translation> (mit ptrace abgetastet: %1)</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="150"/>
        <source>Check the command&apos;s spelling, give its full path, or add its directory to PATH.</source>
        <translation>Prüfen Sie die Schreibweise des Befehls, geben Sie den vollständigen Pfad an oder nehmen Sie sein Verzeichnis in PATH auf.</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="153"/>
        <source>Run perfwb as root, or allow profiling: sysctl kernel.perf_event_paranoid=1 and kernel.yama.ptrace_scope=0 (or grant CAP_PERFMON and CAP_SYS_PTRACE).</source>
        <translation>Starten Sie perfwb als root oder erlauben Sie das Profiling: sysctl kernel.perf_event_paranoid=1 und kernel.yama.ptrace_scope=0 (oder vergeben Sie CAP_PERFMON und CAP_SYS_PTRACE).</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="156"/>
        <source>The process may have exited; refresh the process list and pick another.</source>
        <translation>Der Prozess hat sich möglicherweise beendet; aktualisieren Sie die Prozessliste und wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="158"/>
        <source>Pick a running process: a zombie has nothing left to sample.</source>
        <translation>Wählen Sie einen laufenden Prozess: Bei einem Zombie gibt es nichts mehr abzutasten.</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ReportDocument</name>
    <message>
        <location filename="../ui/reportdocument.cpp" line="70"/>
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
        <location filename="../ui/reportview.cpp" line="39"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="40"/>
        <source>Flame Graph</source>
        <translation>Flammendiagramm</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="41"/>
        <source>Top-Down</source>
        <translation>Top-down</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="42"/>
        <source>Bottom-Up</source>
        <translation>Bottom-up</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="43"/>
        <source>Caller/Callee</source>
        <translation>Aufrufer/Aufgerufene</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="44"/>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="45"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="48"/>
        <source>Show All</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="49"/>
        <source>Clear the time range and thread selection</source>
        <translation>Zeitbereich und Thread-Auswahl aufheben</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="52"/>
        <source>Analysing…</source>
        <translation>Analysiere…</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="142"/>
        <source>%1 s – %2 s</source>
        <translation>%1 s – %2 s</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="146"/>
        <source>%1 of %2 threads</source>
        <translation>%1 von %2 Threads</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="165"/>
        <source>Showing the selection: %1</source>
        <translation>Angezeigt wird die Auswahl: %1</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::SummaryView</name>
    <message>
        <location filename="../ui/summaryview.cpp" line="82"/>
        <source>&lt;p&gt;Analysing…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Analysiere…&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="92"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="92"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="94"/>
        <source>Run label</source>
        <translation>Lauf-Bezeichnung</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="96"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="99"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="101"/>
        <source>Exit status</source>
        <translation>Exit-Status</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="102"/>
        <source>killed by signal %1</source>
        <translation>durch Signal %1 beendet</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="102"/>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="103"/>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="104"/>
        <source>Lost samples</source>
        <translation>Verlorene Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="106"/>
        <source>Sampling</source>
        <translation>Abtastung</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="107"/>
        <source>%1, %2 Hz, call graph: %3</source>
        <translation>%1, %2 Hz, Aufrufgraph: %3</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="110"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="111"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="113"/>
        <source>In selection</source>
        <translation>In der Auswahl</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="113"/>
        <source>%1 samples (weight %2)</source>
        <translation>%1 Stichproben (Gewicht %2)</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="125"/>
        <source>Peak RSS</source>
        <translation>Höchster RSS</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="127"/>
        <source>Peak CPU</source>
        <translation>Höchste CPU</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="129"/>
        <source>Peak heap</source>
        <translation>Höchster Heap</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="131"/>
        <source>Peak PSS</source>
        <translation>Höchster PSS</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="133"/>
        <source>Peak threads</source>
        <translation>Höchste Thread-Zahl</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="135"/>
        <source>Peak %1</source>
        <translation>Höchstwert %1</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="139"/>
        <source>Weight unit</source>
        <translation>Gewichtseinheit</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="141"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="144"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="147"/>
        <source>Top functions (self)</source>
        <translation>Häufigste Funktionen (selbst)</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="150"/>
        <source>Self %</source>
        <translation>Selbst %</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="150"/>
        <source>Total %</source>
        <translation>Gesamt %</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="150"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="150"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="169"/>
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
