<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
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
    <name>perfwb::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="13"/>
        <source>perfwb</source>
        <translation>perfwb</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="14"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="15"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="16"/>
        <source>No report open.
Use the command line for now: perfwb import, perfwb info, perfwb export (see perfwb --help).</source>
        <translation>Kein Bericht geöffnet.
Bis dahin die Kommandozeile verwenden: perfwb import, perfwb info, perfwb export (siehe perfwb --help).</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="21"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
</context>
</TS>
