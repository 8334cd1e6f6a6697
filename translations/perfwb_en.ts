<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>perfwb::ui::CompareSummaryView</name>
    <message numerus="yes">
        <source>%n function(s) beyond the thresholds</source>
        <translation>
            <numerusform>%n function beyond the thresholds</numerusform>
            <numerusform>%n functions beyond the thresholds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>perfwb::ui::RecordingController</name>
    <message numerus="yes">
        <source>%Ln sample(s)</source>
        <translation>
            <numerusform>%Ln sample</numerusform>
            <numerusform>%Ln samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lost</source>
        <translation>
            <numerusform>%Ln lost</numerusform>
            <numerusform>%Ln lost</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln thread(s)</source>
        <translation>
            <numerusform>%Ln thread</numerusform>
            <numerusform>%Ln threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>perfwb::ui::RecordingIndicator</name>
    <message numerus="yes">
        <source>%Ln sample(s)</source>
        <translation>
            <numerusform>%Ln sample</numerusform>
            <numerusform>%Ln samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lost</source>
        <translation>
            <numerusform>%Ln lost</numerusform>
            <numerusform>%Ln lost</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ReportView</name>
    <message numerus="yes">
        <source>%1 (%Ln sample(s))</source>
        <translation>
            <numerusform>%1 (%Ln sample)</numerusform>
            <numerusform>%1 (%Ln samples)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>perfwb::ui::ReportStatusFields</name>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
</context>
</TS>
