package io.linehub.sim;

import io.linehub.print.HostStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds the bytes a Zebra sends for {@code ~HS} and {@code ~HQES}, in the layout of the shared vectors
 * (vectors/zpl.md sections 4 and 5).
 *
 * <p>Fields a line never varies are fixed to the values of those vectors (communication settings 030, function
 * settings 001, print width mode 6, password 1234), so a simulated reply equals the documented one byte for byte.
 */
final class PrinterStatusReply {

    private static final char STX = 0x02;
    private static final char ETX = 0x03;
    private static final String END = ETX + "\r\n";
    private static final int MEDIA_OUT = 0x1;
    private static final int RIBBON_OUT = 0x2;
    private static final int HEAD_OPEN = 0x4;

    private PrinterStatusReply() {
    }

    /** The three {@code <STX>...<ETX><CR><LF>} strings answering {@code ~HS}. */
    static byte[] hostStatus(HostStatus s) {
        String one = String.format(Locale.ROOT, "030,%d,%d,%04d,%03d,%d,%d,%d,000,%d,%d,%d",
                bit(s.paperOut()), bit(s.paused()), Math.min(s.labelLengthDots(), 9999),
                Math.min(s.formatsInBuffer(), 999), bit(s.bufferFull()), bit(s.commDiagnostics()),
                bit(s.partialFormat()), bit(s.corruptRam()), bit(s.underTemperature()), bit(s.overTemperature()));
        String two = String.format(Locale.ROOT, "001,0,%d,%d,%d,%d,6,%d,%08d,1,000",
                bit(s.headOpen()), bit(s.ribbonOut()), bit(s.thermalTransfer()), Math.min(s.printMode(), 9),
                bit(s.labelWaiting()), Math.min(s.labelsRemaining(), 99_999_999));
        String three = "1234,0";
        return (STX + one + END + STX + two + END + STX + three + END).getBytes(StandardCharsets.US_ASCII);
    }

    /** The {@code ~HQES} reply: error group 1 carries media out, ribbon out and head open; no warnings. */
    static byte[] extendedStatus(PrinterCondition condition) {
        int errors = (condition.paperOut() ? MEDIA_OUT : 0) | (condition.ribbonOut() ? RIBBON_OUT : 0)
                | (condition.headOpen() ? HEAD_OPEN : 0);
        String text = STX + "\r\n"
                + "PRINTER STATUS\r\n"
                + String.format(Locale.ROOT, "   ERRORS:         %d 00000000 %08X\r\n", errors == 0 ? 0 : 1, errors)
                + "   WARNINGS:       0 00000000 00000000\r\n"
                + END;
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int bit(boolean flag) {
        return flag ? 1 : 0;
    }
}
