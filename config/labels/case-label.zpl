{{# case-label: shipping case (SSCC), 4 x 6 inch (812 x 1218 dots at 203 dpi).
    Job fields: sscc (18 digits, required); product and quantity (text, optional: empty line if absent).
    GS1-128 X-dimension 4 dots = 0.5 mm, bar height 260 dots = 33 mm (GS1 logistic minimum 31.75 mm).
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
^PW812
^LL1218
^LH0,0
^FO40,40^A0N,48,48{{text:product?}}^FS
^FO40,110^A0N,40,40{{text:"QTY: " quantity?}}^FS
^FO40,820^A0N,30,30{{text:"SSCC"}}^FS
^FO80,860^BY4^BCN,260,N,N,N{{gs1128:00=sscc}}^FS
^FO80,1140^A0N,44,44{{text:"(00) " sscc}}^FS
^PQ{{copies}},0,1,Y
^XZ
