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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="28"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="29"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attachdialog.cpp" line="58"/>
        <source> s</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">perfwb</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::CallTreeModel</name>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="125"/>
        <source>%1
%2
self %3 (%4 %), total %5 (%6 %)</source>
        <translation>%1
%2
selbst %3 (%4 %), gesamt %5 (%6 %)</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="140"/>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="142"/>
        <source>Self</source>
        <translation>Selbst</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="144"/>
        <source>Self %</source>
        <translation>Selbst %</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="146"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="148"/>
        <source>Total %</source>
        <translation>Gesamt %</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="150"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location filename="../ui/calltreemodel.cpp" line="152"/>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FlameGraphView</name>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="34"/>
        <source>Back to the previous zoom</source>
        <translation>Zurück zum vorigen Zoom</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="36"/>
        <source>Reset zoom (show everything)</source>
        <translation>Zoom zurücksetzen (alles zeigen)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="39"/>
        <source>Search functions (regular expression)</source>
        <translation>Funktionen suchen (regulärer Ausdruck)</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="42"/>
        <source>Flame</source>
        <translation>Flamme</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="43"/>
        <source>Icicle</source>
        <translation>Eiszapfen</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="44"/>
        <source>Flame: root at the bottom; icicle: root at the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="45"/>
        <source>Colour by name</source>
        <translation>Farbe nach Name</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="46"/>
        <source>Colour by module</source>
        <translation>Farbe nach Modul</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="146"/>
        <source>invalid pattern</source>
        <translation>ungültiges Muster</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="149"/>
        <source>matched %1 %</source>
        <translation>%1 % gefunden</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphview.cpp" line="158"/>
        <location filename="../ui/flamegraphview.cpp" line="161"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FlameGraphWidget</name>
    <message>
        <location filename="../ui/flamegraphwidget.cpp" line="200"/>
        <source>No samples</source>
        <translation>Keine Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/flamegraphwidget.cpp" line="283"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;module: %2&lt;br&gt;%3self: %4 %5 (%6 %)&lt;br&gt;total: %7 %5 (%8 %)%9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/flamegraphwidget.cpp" line="285"/>
        <source>source: %1&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/flamegraphwidget.cpp" line="291"/>
        <source>&lt;br&gt;&lt;i&gt;inlined&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>perfwb::ui::FunctionListModel</name>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="95"/>
        <source>Function</source>
        <translation type="unfinished">Funktion</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="97"/>
        <source>Self</source>
        <translation type="unfinished">Selbst</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="97"/>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="99"/>
        <source>Self %</source>
        <translation type="unfinished">Selbst %</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="99"/>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="101"/>
        <source>Total</source>
        <translation type="unfinished">Gesamt</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="103"/>
        <source>Total %</source>
        <translation type="unfinished">Gesamt %</translation>
    </message>
    <message>
        <location filename="../ui/functionlistmodel.cpp" line="105"/>
        <source>Module</source>
        <translation type="unfinished">Modul</translation>
    </message>
</context>
<context>
    <name>perfwb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="54"/>
        <location filename="../ui/mainwindow.cpp" line="552"/>
        <source>perfwb</source>
        <translation>perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="56"/>
        <source>&lt;h2&gt;No report open&lt;/h2&gt;&lt;p&gt;Open a report or an importable profile (Ctrl+O), drop files here, or record a program (Ctrl+R).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="97"/>
        <source>Recording failed</source>
        <translation>Aufzeichnung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="125"/>
        <source>&amp;Record…</source>
        <translation>&amp;Aufzeichnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="125"/>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="127"/>
        <source>&amp;Attach to Process…</source>
        <translation>An &amp;Prozess anhängen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="129"/>
        <source>S&amp;top Recording</source>
        <translation>Aufzeichnung &amp;beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="130"/>
        <source>&amp;Save As…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="136"/>
        <source>&amp;Find in Flame Graph…</source>
        <translation>Im Flammendiagramm &amp;suchen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="142"/>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="142"/>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="160"/>
        <source>&amp;Flame (Root at the Bottom)</source>
        <translation>&amp;Flamme (Wurzel unten)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>&amp;Icicle (Root at the Top)</source>
        <translation>&amp;Eiszapfen (Wurzel oben)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>Colour by &amp;Name</source>
        <translation>Farbe nach &amp;Name</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="163"/>
        <source>Colour by &amp;Module</source>
        <translation>Farbe nach &amp;Modul</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="175"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="186"/>
        <source>%1 (.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="189"/>
        <source>Write the current selection into the standard output directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="191"/>
        <source>Compare &amp;With…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="194"/>
        <source>coming with the compare issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="200"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="208"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="209"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="210"/>
        <source>&amp;About perfwb</source>
        <translation>&amp;Über perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="212"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="316"/>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="320"/>
        <source>Cannot open the file</source>
        <translation>Die Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>Loading the finished recording…</source>
        <translation>Lade die fertige Aufzeichnung…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="338"/>
        <source>Cannot open the recording</source>
        <translation>Die Aufzeichnung kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="356"/>
        <location filename="../ui/mainwindow.cpp" line="367"/>
        <location filename="../ui/mainwindow.cpp" line="386"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="356"/>
        <source>unknown export format &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="377"/>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="389"/>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="405"/>
        <source>Saving %1…</source>
        <translation>Speichere %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="409"/>
        <location filename="../ui/mainwindow.cpp" line="486"/>
        <source>Cannot save the report</source>
        <translation>Der Bericht kann nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="417"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="426"/>
        <location filename="../ui/mainwindow.cpp" line="434"/>
        <source>Cannot record</source>
        <translation>Aufzeichnung nicht möglich</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="426"/>
        <location filename="../ui/mainwindow.cpp" line="434"/>
        <source>A recording is already running; stop it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="442"/>
        <source>Stopping the recording…</source>
        <translation>Aufzeichnung wird beendet…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="452"/>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="452"/>
        <source>Stop the recording before closing its tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="472"/>
        <source>Unsaved recording</source>
        <translation>Ungespeicherte Aufzeichnung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="473"/>
        <source>The recording “%1” has not been saved. Save it before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="479"/>
        <source>Save Report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="480"/>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>perfwb reports (*.perfwb)</source>
        <translation>perfwb-Berichte (*.perfwb)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="555"/>
        <source>%1 — perfwb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="557"/>
        <source>%1 samples</source>
        <translation>%1 Stichproben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="558"/>
        <source>%1 lost</source>
        <translation>%1 verloren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="561"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="562"/>
        <source>%n thread(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="564"/>
        <source>no selection</source>
        <translation>keine Auswahl</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="564"/>
        <source>selection: %1</source>
        <translation>Auswahl: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="584"/>
        <source>Open Report or Profile</source>
        <translation>Bericht oder Profil öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="585"/>
        <source>Reports and profiles (*.perfwb *.data *.folded *.collapsed *.txt *.json *.speedscope.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="603"/>
        <source>Save Report As</source>
        <translation>Bericht speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="631"/>
        <source>Click / Backspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="631"/>
        <source>Flame graph: zoom into a frame / back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="633"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="638"/>
        <source>About perfwb</source>
        <translation>Über perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="639"/>
        <source>&lt;h3&gt;perfwb %1&lt;/h3&gt;&lt;p&gt;A profiling workbench for Linux: record programs, explore flame graphs, call trees and timelines, export reports.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="134"/>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="118"/>
        <source>RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="126"/>
        <source>Heap in use</source>
        <translation>Belegter Heap</translation>
    </message>
    <message>
        <location filename="../ui/memoryplot.cpp" line="132"/>
        <source>CPU %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ProcessListModel</name>
    <message>
        <location filename="../ui/processlistmodel.cpp" line="103"/>
        <source>PID</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="104"/>
        <source>Sampling &amp;frequency:</source>
        <translation>Abtast&amp;frequenz:</translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="107"/>
        <source>DWARF (stacks through libraries, default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="108"/>
        <source>Frame pointers (cheaper, stops at code without them)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recorddialog.cpp" line="256"/>
        <source>%1 was not found on PATH: give its full path or browse for it.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="81"/>
        <source>, target killed by signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="83"/>
        <source>, target exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="85"/>
        <source> (sampled with ptrace: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="150"/>
        <source>Check the command&apos;s spelling, give its full path, or add its directory to PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="153"/>
        <source>Run perfwb as root, or allow profiling: sysctl kernel.perf_event_paranoid=1 and kernel.yama.ptrace_scope=0 (or grant CAP_PERFMON and CAP_SYS_PTRACE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="156"/>
        <source>The process may have exited; refresh the process list and pick another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/recordingcontroller.cpp" line="158"/>
        <source>Pick a running process: a zombie has nothing left to sample.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="52"/>
        <source>Analysing…</source>
        <translation>Analysiere…</translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="142"/>
        <source>%1 s – %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="146"/>
        <source>%1 of %2 threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reportview.cpp" line="165"/>
        <source>Showing the selection: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>perfwb::ui::SummaryView</name>
    <message>
        <location filename="../ui/summaryview.cpp" line="82"/>
        <source>&lt;p&gt;Analysing…&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="133"/>
        <source>Peak threads</source>
        <translation>Höchste Thread-Zahl</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="135"/>
        <source>Peak %1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">Selbst %</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="150"/>
        <source>Total %</source>
        <translation type="unfinished">Gesamt %</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="150"/>
        <source>Function</source>
        <translation type="unfinished">Funktion</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="150"/>
        <source>Module</source>
        <translation type="unfinished">Modul</translation>
    </message>
    <message>
        <location filename="../ui/summaryview.cpp" line="169"/>
        <source>&lt;p&gt;No samples in the current selection.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="251"/>
        <source>Marks</source>
        <translation>Markierungen</translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="568"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="570"/>
        <source>&lt;b&gt;%1&lt;/b&gt; at %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="580"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;pid %2, tid %3&lt;br&gt;%4 samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="590"/>
        <source>&lt;br&gt;at %1 s: %2 samples in %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/timelinewidget.cpp" line="592"/>
        <source>&lt;br&gt;Click to show only this thread, Ctrl+click to add or remove it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
