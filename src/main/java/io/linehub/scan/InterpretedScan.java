package io.linehub.scan;

import io.linehub.gs1.Gs1Data;

/** A scan with its GS1 reading: the parsed data, or why the barcode is unusable. */
public record InterpretedScan(Scan scan, Gs1Data data, String barcodeError) {
}
