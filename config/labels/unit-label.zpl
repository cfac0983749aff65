{{# unit-label: one saleable unit, 2 x 1 inch (406 x 203 dots at 203 dpi).
    Job fields (all required): product (text), gtin (14 digits), serial (max 20), lot (max 20),
    expiry (YYMMDD, printed as given).
    Placeholder syntax (io.linehub.print.LabelTemplate has the full rules):
      {{text:"GTIN: " gtin}}   renders ^FH_^FD + hex-escaped quoted text and field values (any Unicode);
                               lot? marks a field optional: if absent the placeholder renders nothing
      {{gs1datamatrix:01=gtin,17=expiry,10=lot,21=serial}}
                               renders ^FD + GS1 DataMatrix data (FNC1 = _1), AIs in the order written;
                               the field needs ^BX with quality 200 and escape character _
      {{gs1128:00=sscc}}       renders ^FD + GS1-128 data (>;>8...); the field needs ^BC without UCC check digit
      {{copies}}               the job's copy count, right after ^PQ
    Barcode values are validated (CSET 82 / digits, length, check digit, date); a missing required
    field fails the job. Never write ^FD, ^FH or ^CI here: field data only comes from placeholders,
    which escape it, and every ^XA must be followed by ^CI28 (UTF-8).
    This comment is not sent to the printer; a comment ends with a hash right before the closing braces. #}}
^XA
^CI28
^PW406
^LL203
^LH0,0
^FO16,12^A0N,26,26{{text:product}}^FS
^FO16,48^BXN,4,200,0,0,,_{{gs1datamatrix:01=gtin,17=expiry,10=lot,21=serial}}^FS
^FO168,52^A0N,22,18{{text:"GTIN: " gtin}}^FS
^FO168,82^A0N,22,18{{text:"SN: " serial}}^FS
^FO168,112^A0N,22,18{{text:"LOT: " lot}}^FS
^FO168,142^A0N,22,18{{text:"EXP: " expiry}}^FS
^PQ{{copies}},0,1,Y
^XZ
