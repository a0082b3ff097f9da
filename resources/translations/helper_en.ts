<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <source>Not a good time? “Remind me later” postpones the move until %1 (%n time(s) left).</source>
        <translation>
            <numerusform>Not a good time? “Remind me later” postpones the move until %1 (%n time left).</numerusform>
            <numerusform>Not a good time? “Remind me later” postpones the move until %1 (%n times left).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message numerus="yes">
        <source>This happened %n time(s) so far.</source>
        <translation>
            <numerusform>This happened %n time so far.</numerusform>
            <numerusform>This happened %n times so far.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpdeskPanel</name>
    <message numerus="yes">
        <source>Capture saved to %1 (%n evidence file(s)).</source>
        <translation>
            <numerusform>Capture saved to %1 (%n evidence file).</numerusform>
            <numerusform>Capture saved to %1 (%n evidence files).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntuneStatusCard</name>
    <message numerus="yes">
        <source>Not yet confirmed by Intune (it can take up to %n hour(s))</source>
        <translation>
            <numerusform>Not yet confirmed by Intune (it can take up to %n hour)</numerusform>
            <numerusform>Not yet confirmed by Intune (it can take up to %n hours)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <source>Please move this device by %1 (%n day(s) left).</source>
        <translation>
            <numerusform>Please move this device by %1 (%n day left).</numerusform>
            <numerusform>Please move this device by %1 (%n days left).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n day(s) left: please move this device by %1.</source>
        <translation>
            <numerusform>Only %n day left: please move this device by %1.</numerusform>
            <numerusform>Only %n days left: please move this device by %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status update(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n status update waiting to be sent.</numerusform>
            <numerusform>%n status updates waiting to be sent.</numerusform>
        </translation>
    </message>
</context>
</TS>
