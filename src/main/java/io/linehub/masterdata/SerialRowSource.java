package io.linehub.masterdata;

import java.io.Closeable;
import java.io.IOException;

/** Streams raw rows from one input document so that a file of any size is read in bounded memory. */
interface SerialRowSource extends Closeable {

    /** Field names every row source recognises; other columns or JSON fields are ignored. */
    String GTIN = "gtin";
    String SERIAL = "serial";
    String LOT = "lot";
    String EXPIRY = "expiry";
    String STATUS = "status";
    String PRODUCT = "product";
    String REASON = "reason";

    /** The next row, or null at the end of the input. */
    RawSerialRow next() throws IOException;
}
