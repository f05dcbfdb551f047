<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<!-- Qt's own dialog texts that the qtbase_ko catalogue PySide6 ships leaves in English (it translates
     "Look in:" but the file dialog asks for "&Look in:"). Loaded after qtbase_ko by gui/i18n.py. -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>다음에서 찾기(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
</TS>
